// The changes document, `kare diff --json` (docs/review.md, "What changed").
#include "finding_json.hpp"
#include "pipeline_json.hpp"

#include <kare/json.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

namespace {

using boost::json::array;
using boost::json::object;
// Not `value`: kare::value is a name of its own, and unity builds share this namespace.
using json_value = boost::json::value;

// The version of the kare-diff document, raised when a key changes meaning.
constexpr int changes_format_version = 1;

json_value date_or_null(const std::optional<date>& d)
{
    return d ? json_value(d->to_string()) : json_value(nullptr);
}

json_value state_or_null(const std::optional<honesty_state>& s)
{
    return s ? json_value(to_string(*s)) : json_value(nullptr);
}

object side_json(const std::string& name, date as_of)
{
    object o;
    o["plan"] = name;
    o["as_of"] = as_of.to_string();
    return o;
}

array presence_json(const std::vector<account_presence>& accounts)
{
    array out;
    for (const auto& a : accounts) {
        object o;
        o["id"] = a.id;
        o["name"] = a.name;
        o["owner"] = a.owner;
        o["placement"] = a.where.name();
        o["added"] = date_or_null(a.added);
        out.push_back(std::move(o));
    }
    return out;
}

array account_moves_json(const std::vector<account_move>& moves, bool fired)
{
    array out;
    for (const auto& m : moves) {
        object o;
        o["id"] = m.id;
        o["name"] = m.name;
        o["owner"] = m.owner;
        o["from"] = m.from.name();
        o["to"] = m.to.name();
        o["basis"] = to_string(m.basis);
        array recorded;
        for (const auto& r : m.moves) {
            object ro;
            ro["date"] = r.on.to_string();
            ro["from"] = r.from.name();
            ro["to"] = r.to.name();
            ro["reason"] = r.reason;
            recorded.push_back(std::move(ro));
        }
        o["moves"] = std::move(recorded);
        if (fired)
            o["fire_action"] = m.fire_action;
        out.push_back(std::move(o));
    }
    return out;
}

array deal_changes_json(const std::vector<deal_change>& deals)
{
    array out;
    for (const auto& d : deals) {
        object o;
        o["id"] = d.id;
        o["account"] = d.account;
        o["rep"] = d.rep.empty() ? json_value(nullptr) : json_value(d.rep);
        o["amount"] = d.amount.to_string();
        o["opened"] = d.opened.to_string();
        o["outcome_before"] = to_string(d.outcome_before);
        o["outcome_after"] = to_string(d.outcome_after);
        o["state_before"] = state_or_null(d.state_before);
        o["state_after"] = state_or_null(d.state_after);
        o["closed_on"] = date_or_null(d.closed_on);
        o["lost_reason"] = d.lost_reason.empty() ? json_value(nullptr) : json_value(d.lost_reason);
        o["reason"] = d.reason;
        out.push_back(std::move(o));
    }
    return out;
}

json_value period_or_null(const std::optional<period_progress>& p)
{
    if (!p)
        return nullptr;
    object o;
    o["label"] = p->label;
    o["target"] = p->target;
    o["done"] = p->done;
    o["expected"] = p->expected;
    o["status"] = to_string(p->status);
    o["keeps_pace"] = keeps_pace(*p);
    return o;
}

array targets_json(const std::vector<target_change>& targets)
{
    array out;
    for (const auto& t : targets) {
        object o;
        o["rep"] = t.rep;
        o["category"] = to_string(t.goal.cat);
        o["activity"] = t.goal.activity;
        o["activity_name"] = t.activity_name;
        o["count"] = t.goal.count;
        o["period"] = to_string(t.goal.per);
        o["scope"] = to_string(t.goal.scope);
        o["before"] = period_or_null(t.before);
        o["after"] = period_or_null(t.after);
        out.push_back(std::move(o));
    }
    return out;
}

array findings_json(const std::vector<finding>& findings)
{
    array out;
    for (const auto& f : findings)
        out.push_back(detail::finding_json(f));
    return out;
}

} // namespace

std::string write_changes(const plan_changes& c)
{
    object o;
    o["format"] = "kare-diff";
    o["version"] = changes_format_version;
    o["before"] = side_json(c.plan_before, c.before_as_of);
    o["after"] = side_json(c.plan_after, c.after_as_of);
    o["currency"] = c.currency;
    o["unchanged"] = c.empty();
    object accounts;
    accounts["added"] = presence_json(c.accounts_added);
    accounts["removed"] = presence_json(c.accounts_removed);
    accounts["moved"] = account_moves_json(c.accounts_moved, false);
    accounts["fired"] = account_moves_json(c.accounts_fired, true);
    o["accounts"] = std::move(accounts);
    object deals;
    deals["opened"] = deal_changes_json(c.deals_opened);
    deals["closed"] = deal_changes_json(c.deals_closed);
    deals["reopened"] = deal_changes_json(c.deals_reopened);
    deals["removed"] = deal_changes_json(c.deals_removed);
    deals["changed_state"] = deal_changes_json(c.deals_changed_state);
    o["deals"] = std::move(deals);
    object pipeline;
    pipeline["before"] = detail::pipeline_totals_json(c.pipeline_before);
    pipeline["after"] = detail::pipeline_totals_json(c.pipeline_after);
    o["pipeline"] = std::move(pipeline);
    o["targets"] = targets_json(c.targets);
    object findings;
    findings["appeared"] = findings_json(c.findings_appeared);
    findings["cleared"] = findings_json(c.findings_cleared);
    o["findings"] = std::move(findings);
    return to_canonical_text(o);
}

} // namespace v1
} // namespace kare
