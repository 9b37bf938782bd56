// The changes document, `kare diff --json` (docs/review.md, "What changed"),
// written as it is produced (canonical_stream.hpp): no tree of the document.
#include "canonical_stream.hpp"
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

object presence_json(const account_presence& a)
{
    object o;
    o["id"] = a.id;
    o["name"] = a.name;
    o["owner"] = a.owner;
    o["placement"] = a.where.name();
    o["added"] = date_or_null(a.added);
    return o;
}

object account_move_json(const account_move& m, bool fired)
{
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
    return o;
}

object deal_change_json(const deal_change& d)
{
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
    return o;
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

template <class Item, class Json>
void stream_change_list(detail::object_stream& o, std::string_view key, const std::vector<Item>& items,
                 Json json)
{
    detail::array_stream list = o.array_member(key);
    for (const auto& item : items)
        list.item(json(item));
    list.end();
}

// The lists, as long as a whole book when two plans differ throughout, item by item.
void stream_changes(detail::canonical_stream& s, const plan_changes& c)
{
    detail::object_stream o(s, 0);
    o.member("format", "kare-diff");
    o.member("version", changes_format_version);
    o.member("before", side_json(c.plan_before, c.before_as_of));
    o.member("after", side_json(c.plan_after, c.after_as_of));
    o.member("currency", boost::json::string(c.currency));
    o.member("unchanged", c.empty());
    {
        detail::object_stream accounts = o.object_member("accounts");
        stream_change_list(accounts, "added", c.accounts_added, presence_json);
        stream_change_list(accounts, "removed", c.accounts_removed, presence_json);
        const auto moved = [](const account_move& m) { return account_move_json(m, false); };
        const auto fired = [](const account_move& m) { return account_move_json(m, true); };
        stream_change_list(accounts, "moved", c.accounts_moved, moved);
        stream_change_list(accounts, "fired", c.accounts_fired, fired);
        accounts.end();
    }
    {
        detail::object_stream deals = o.object_member("deals");
        stream_change_list(deals, "opened", c.deals_opened, deal_change_json);
        stream_change_list(deals, "closed", c.deals_closed, deal_change_json);
        stream_change_list(deals, "reopened", c.deals_reopened, deal_change_json);
        stream_change_list(deals, "removed", c.deals_removed, deal_change_json);
        stream_change_list(deals, "changed_state", c.deals_changed_state, deal_change_json);
        deals.end();
    }
    object pipeline;
    pipeline["before"] = detail::pipeline_totals_json(c.pipeline_before);
    pipeline["after"] = detail::pipeline_totals_json(c.pipeline_after);
    o.member("pipeline", pipeline);
    o.member("targets", targets_json(c.targets));
    {
        detail::object_stream findings = o.object_member("findings");
        stream_change_list(findings, "appeared", c.findings_appeared, detail::finding_json);
        stream_change_list(findings, "cleared", c.findings_cleared, detail::finding_json);
        findings.end();
    }
    o.end();
    s.text() += '\n';
    s.finish();
}

} // namespace

std::string write_changes(const plan_changes& c)
{
    std::string text;
    detail::canonical_stream s(text);
    stream_changes(s, c);
    return text;
}

void write_changes(const plan_changes& c, std::ostream& out)
{
    detail::canonical_stream s(out);
    stream_changes(s, c);
}

} // namespace v1
} // namespace kare
