// The plan, pipeline and progress documents are streamed record by record:
// the bytes must be those of the tree-based serialisation they replaced
// (kept below as the reference), on the bundled plans, on plans holding every
// optional member, on a generated book of a few thousand accounts, to a
// string and to a stream alike; and the plan's size bound holds on both.
#include "fixtures.hpp"
#include "../bench/whole_plan.hpp"

#include "json/finding_json.hpp"
#include "json/honesty_json.hpp"
#include "json/json_values.hpp"
#include "json/pipeline_json.hpp"
#include "json/plan_document.hpp"
#include "json/review_policy_json.hpp"

#include <kare/as_of.hpp>
#include <kare/plan_changes.hpp>
#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace kare_test;

namespace tree_reference {

using namespace kare;
using boost::json::array;
using boost::json::object;

boost::json::value rule_json(const criterion& c)
{
    object o;
    if (is_group(c.op)) {
        array members;
        for (const auto& child : c.children)
            members.push_back(rule_json(child));
        o[to_string(c.op)] = std::move(members);
    } else {
        o["field"] = c.field;
        switch (c.op) {
        case criterion_op::present: o["present"] = true; break;
        case criterion_op::absent: o["present"] = false; break;
        case criterion_op::in:
        case criterion_op::not_in:
        case criterion_op::between: {
            array operands;
            for (const auto& v : c.operands)
                operands.push_back(detail::to_json(v));
            o[to_string(c.op)] = std::move(operands);
            break;
        }
        default: o[to_string(c.op)] = detail::to_json(c.operands.at(0)); break;
        }
    }
    if (!c.label.empty())
        o["label"] = c.label;
    return o;
}

object profiles_json(const profile_set& set)
{
    object o;
    for (category c : all_categories)
        if (const profile* p = set.find(c)) {
            object po;
            if (!p->description.empty())
                po["description"] = p->description;
            po["rule"] = rule_json(p->rule);
            o[to_string(c)] = std::move(po);
        }
    array fire;
    for (const auto& rule : set.fire_rules) {
        object fo;
        fo["id"] = rule.id;
        fo["action"] = rule.action;
        if (!rule.description.empty())
            fo["description"] = rule.description;
        fo["rule"] = rule_json(rule.rule);
        fire.push_back(std::move(fo));
    }
    o["fire"] = std::move(fire);
    object ties;
    ties["mode"] = to_string(set.ties.how);
    array order;
    for (category c : set.ties.order)
        order.push_back(boost::json::string(to_string(c)));
    ties["order"] = std::move(order);
    o["tie_break"] = std::move(ties);
    return o;
}

object field_json(const field_def& f)
{
    object o;
    o["name"] = f.name;
    o["type"] = to_string(f.type);
    if (f.min)
        o["min"] = *f.min;
    if (f.max)
        o["max"] = *f.max;
    if (!f.choices.empty()) {
        array choices;
        for (const auto& c : f.choices)
            choices.push_back(boost::json::string(c));
        o["choices"] = std::move(choices);
    }
    if (!f.description.empty())
        o["description"] = f.description;
    return o;
}

object account_json(const account& a)
{
    object o;
    o["id"] = a.id;
    o["name"] = a.name;
    o["owner"] = a.owner;
    o["relationship"] = to_string(a.relationship);
    array products;
    for (const auto& p : a.products)
        products.push_back(boost::json::string(p));
    o["products"] = std::move(products);
    object attributes;
    for (const auto& [name, v] : a.attributes)
        attributes[name] = detail::to_json(v);
    o["attributes"] = std::move(attributes);
    if (a.decision.what() != placement::kind::open)
        o["placement"] = a.decision.name();
    if (a.focus)
        o["focus"] = true;
    if (a.added)
        o["added"] = a.added->to_string();
    if (!a.fire_action.empty())
        o["fire_action"] = a.fire_action;
    if (!a.history.empty()) {
        array history;
        for (const auto& m : a.history) {
            object mo;
            mo["date"] = m.on.to_string();
            mo["from"] = m.from.name();
            mo["to"] = m.to.name();
            mo["reason"] = m.reason;
            history.push_back(std::move(mo));
        }
        o["history"] = std::move(history);
    }
    return o;
}

object cookbook_json(const cookbook& book)
{
    object o;
    array types;
    for (const auto& t : book.activity_types) {
        object to;
        to["id"] = t.id;
        to["name"] = t.name;
        types.push_back(std::move(to));
    }
    o["activity_types"] = std::move(types);
    array targets;
    for (const auto& t : book.targets) {
        object to;
        to["category"] = to_string(t.cat);
        to["activity"] = t.activity;
        to["count"] = t.count;
        to["period"] = to_string(t.per);
        to["scope"] = to_string(t.scope);
        targets.push_back(std::move(to));
    }
    o["targets"] = std::move(targets);
    // Only the playbooks the plan sets: the method's defaults are not copied in.
    object playbooks;
    for (category c : all_categories)
        if (const auto& own = book.playbooks[static_cast<std::size_t>(c)]) {
            object po;
            array actions;
            for (const play_action& a : own->actions) {
                object ao;
                ao["name"] = a.name;
                ao["description"] = a.description;
                actions.push_back(std::move(ao));
            }
            po["actions"] = std::move(actions);
            array questions;
            for (const std::string& q : own->questions)
                questions.push_back(boost::json::string(q));
            po["questions"] = std::move(questions);
            playbooks[to_string(c)] = std::move(po);
        }
    if (!playbooks.empty())
        o["playbooks"] = std::move(playbooks);
    return o;
}

object policy_json(const effort_policy& effort, const pacing_policy& pacing,
                   const review_policy& review)
{
    object e;
    if (effort.mix) {
        object mix;
        for (category c : all_categories)
            mix[to_string(c)] = (*effort.mix)[static_cast<std::size_t>(c)];
        e["mix"] = std::move(mix);
    }
    e["keep_tolerance"] = effort.keep_tolerance;
    e["window_days"] = effort.window_days;
    e["min_activities"] = effort.min_activities;
    object pa;
    pa["pro_rate_by"] = to_string(pacing.basis);
    array holidays;
    for (const auto& d : pacing.holidays)
        holidays.push_back(boost::json::string(d.to_string()));
    pa["holidays"] = std::move(holidays);
    object o;
    o["effort"] = std::move(e);
    o["pacing"] = std::move(pa);
    o["review"] = detail::review_policy_json(review);
    return o;
}

object activity_json(const activity& a)
{
    object o;
    o["id"] = a.id;
    o["date"] = a.on.to_string();
    o["rep"] = a.rep;
    o["account"] = a.account;
    o["activity"] = a.type;
    if (!a.note.empty())
        o["note"] = a.note;
    return o;
}


std::string plan_text(const plan& p)
{
    object o;
    o["format"] = "kare-plan";
    o["version"] = KARE_PLAN_FORMAT_VERSION;
    o["name"] = p.name();
    object settings;
    settings["currency"] = p.settings().currency;
    settings["fiscal_year_start_month"] = p.settings().fiscal_year_start_month;
    o["settings"] = std::move(settings);
    array fields;
    for (const auto& f : p.fields().fields())
        if (!f.standard)
            fields.push_back(field_json(f));
    o["fields"] = std::move(fields);
    o["profiles"] = profiles_json(p.profiles());
    o["cookbook"] = cookbook_json(p.cookbook());
    o["policy"] = policy_json(p.effort_policy(), p.pacing(), p.review_policy());
    o["products"] = detail::products_json(p.products());
    array reps;
    for (const auto& r : p.reps()) {
        object ro;
        ro["id"] = r.id;
        ro["name"] = r.name;
        ro["style"] = to_string(r.style);
        // Written only when known, so plans without them keep their bytes.
        if (!r.manager.empty())
            ro["manager"] = r.manager;
        if (!r.team.empty())
            ro["team"] = r.team;
        reps.push_back(std::move(ro));
    }
    o["reps"] = std::move(reps);
    array accounts;
    accounts.reserve(p.accounts().size());
    for (const auto& a : p.accounts())
        accounts.push_back(account_json(a));
    o["accounts"] = std::move(accounts);
    array activities;
    activities.reserve(p.activities().size());
    for (const auto& a : p.activities())
        activities.push_back(activity_json(a));
    o["activities"] = std::move(activities);
    o["honesty"] = detail::honesty_json(p.honesty());
    array deals;
    deals.reserve(p.deals().size());
    for (const auto& d : p.deals())
        deals.push_back(detail::deal_json(d));
    o["deals"] = std::move(deals);
    return to_canonical_text(o);
}

namespace pipeline_tree {

using boost::json::array;
using boost::json::object;

// Optimistic first: the order a reader scans a pipeline in.
constexpr std::array<honesty_state, 4> state_order{honesty_state::qualified, honesty_state::stalled,
                                                   honesty_state::unqualified, honesty_state::dead};

// Digits of the bloat ratio's decimal form: 0.0001 of a pipeline is finer
// than any forecast needs, and the exact fraction is written beside it.
constexpr unsigned ratio_places = 4;

boost::json::value text_or_null(const std::string& s)
{
    return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

object deal_json(const deal_line& d)
{
    const honesty_assessment& a = d.assessment;
    object o;
    o["id"] = d.id;
    o["account"] = d.account;
    o["rep"] = text_or_null(d.rep);
    o["category"] = to_string(d.bucket);
    o["stage"] = d.stage;
    o["amount"] = d.amount.to_string();
    o["outcome"] = to_string(d.outcome);
    o["lost_reason"] = text_or_null(d.lost_reason);
    o["next_step"] = text_or_null(d.next_step);
    o["expected_close"] = d.expected_close.to_string();
    o["state"] = a.state ? boost::json::value(to_string(*a.state)) : boost::json::value(nullptr);
    o["cause"] = to_string(a.cause);
    o["reason"] = a.reason;
    o["missing_evidence"] = detail::string_array(a.missing_evidence);
    o["days_idle"] = a.days_idle;
    o["days_unqualified"] = a.days_unqualified;
    o["pushes"] = a.pushes;
    o["explained"] = a.explained;
    o["distorting"] = a.distorting;
    o["slipping"] = a.slipping;
    o["close_date_passed"] = a.close_date_passed;
    o["declared_unsupported"] = a.declared_unsupported;
    o["died_on"] = a.died_on ? boost::json::value(a.died_on->to_string())
                             : boost::json::value(nullptr);
    return o;
}


} // namespace pipeline_tree

std::string pipeline_text(const pipeline_report& r)
{
    using namespace pipeline_tree;
    object o;
    o["format"] = "kare-pipeline";
    o["version"] = KARE_PLAN_FORMAT_VERSION;
    o["plan"] = r.plan_name;
    o["as_of"] = r.as_of.to_string();
    detail::put_ignored(o, r.ignored);
    o["rep"] = text_or_null(r.rep);
    o["currency"] = r.currency;
    o["summary"] = detail::pipeline_totals_json(r.overall);
    array reps;
    for (const auto& rp : r.by_rep) {
        object ro;
        ro["rep"] = text_or_null(rp.rep);
        ro["totals"] = detail::pipeline_totals_json(rp.totals);
        reps.push_back(std::move(ro));
    }
    o["by_rep"] = std::move(reps);
    object categories;
    for (deal_bucket b : all_deal_buckets)
        categories[to_string(b)] = detail::pipeline_totals_json(r.by_bucket[static_cast<std::size_t>(b)]);
    o["by_category"] = std::move(categories);
    object closed;
    object won;
    won["count"] = r.closed.won;
    won["amount"] = r.closed.won_amount.to_string();
    closed["won"] = std::move(won);
    object lost;
    lost["count"] = r.closed.lost;
    lost["amount"] = r.closed.lost_amount.to_string();
    object by_reason;
    for (const auto& [reason, n] : r.closed.lost_by_reason)
        by_reason[reason] = n;
    lost["by_reason"] = std::move(by_reason);
    closed["lost"] = std::move(lost);
    o["closed"] = std::move(closed);
    array hope;
    for (const auto& h : r.hope) {
        object ho;
        ho["deal"] = h.id;
        ho["account"] = h.account;
        ho["rep"] = text_or_null(h.rep);
        ho["amount"] = h.amount.to_string();
        ho["state"] = to_string(h.state);
        ho["reason"] = h.reason;
        hope.push_back(std::move(ho));
    }
    o["hope"] = std::move(hope);
    array deals;
    deals.reserve(r.deals.size());
    for (const auto& d : r.deals)
        deals.push_back(deal_json(d));
    o["deals"] = std::move(deals);
    array findings;
    for (const auto& f : r.findings)
        findings.push_back(detail::finding_json(f));
    o["findings"] = std::move(findings);
    return to_canonical_text(o);
}

namespace progress_tree {

using boost::json::array;
using boost::json::object;

// The figures of a count against its target, shared by periods and accounts.
void put_counts(object& o, const period_progress& p)
{
    o["target"] = p.target;
    o["done"] = p.done;
    o["expected"] = p.expected;
    o["gap"] = p.gap;
    o["remaining"] = p.remaining;
    o["status"] = to_string(p.status);
}

object period_json(const period_progress& p)
{
    object o;
    o["label"] = p.label;
    o["first"] = p.span.first.to_string();
    o["last"] = p.span.last.to_string();
    o["days_elapsed"] = p.days_elapsed;
    o["days_total"] = p.days_total;
    put_counts(o, p);
    return o;
}

object target_json(const target_progress& t)
{
    object o;
    o["category"] = to_string(t.goal.cat);
    o["activity"] = t.goal.activity;
    o["activity_name"] = t.activity_name;
    o["count"] = t.goal.count;
    o["period"] = to_string(t.goal.per);
    o["scope"] = to_string(t.goal.scope);
    o["accounts"] = t.accounts;
    o["current"] = period_json(t.current);
    array trend;
    for (const auto& p : t.trend)
        trend.push_back(period_json(p));
    o["trend"] = std::move(trend);
    if (t.goal.scope == target_scope::account) {
        array accounts;
        for (const auto& a : t.by_account) {
            object ao;
            ao["id"] = a.id;
            ao["name"] = a.name;
            put_counts(ao, a.current);
            accounts.push_back(std::move(ao));
        }
        o["by_account"] = std::move(accounts);
    }
    return o;
}

object effort_json(const effort_summary& e)
{
    object o;
    o["first"] = e.first.to_string();
    o["last"] = e.last.to_string();
    o["mix_source"] = to_string(e.source);
    o["total"] = e.total;
    o["uncategorised"] = e.uncategorised;
    object categories;
    for (category c : all_categories) {
        const category_effort& line = e.categories[static_cast<std::size_t>(c)];
        object co;
        co["activities"] = line.activities;
        co["accounts"] = line.accounts;
        co["intended_percent"] = line.intended_percent;
        categories[to_string(c)] = std::move(co);
    }
    o["categories"] = std::move(categories);
    return o;
}


} // namespace progress_tree

std::string progress_text(const progress_report& r)
{
    using namespace progress_tree;
    object o;
    o["format"] = "kare-progress";
    o["version"] = KARE_PLAN_FORMAT_VERSION;
    o["plan"] = r.plan_name;
    o["as_of"] = r.as_of.to_string();
    detail::put_ignored(o, r.ignored);
    o["rep"] = r.rep.empty() ? boost::json::value(nullptr) : boost::json::value(r.rep);
    o["fiscal_year_start_month"] = r.fiscal_year_start_month;
    o["pro_rate_by"] = to_string(r.basis);
    array reps;
    for (const auto& rp : r.reps) {
        object ro;
        ro["id"] = rp.id;
        ro["name"] = rp.name;
        array targets;
        for (const auto& t : rp.targets)
            targets.push_back(target_json(t));
        ro["targets"] = std::move(targets);
        ro["effort"] = effort_json(rp.effort);
        reps.push_back(std::move(ro));
    }
    o["reps"] = std::move(reps);
    array findings;
    for (const auto& f : r.findings)
        findings.push_back(detail::finding_json(f));
    o["findings"] = std::move(findings);
    return to_canonical_text(o);
}

namespace changes_tree {

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


} // namespace changes_tree

std::string changes_text(const plan_changes& c)
{
    using namespace changes_tree;
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

} // namespace tree_reference

namespace {

// The writers to a string and to a stream against the reference.
void check_plan(const kare::plan& p)
{
    const std::string expected = tree_reference::plan_text(p);
    BOOST_TEST(kare::write_plan(p) == expected);
    std::ostringstream out;
    kare::write_plan(p, out);
    BOOST_TEST(out.str() == expected);
}

void check_pipeline(const kare::pipeline_report& r)
{
    const std::string expected = tree_reference::pipeline_text(r);
    BOOST_TEST(kare::write_pipeline(r) == expected);
    std::ostringstream out;
    kare::write_pipeline(r, out);
    BOOST_TEST(out.str() == expected);
}

void check_progress(const kare::progress_report& r)
{
    const std::string expected = tree_reference::progress_text(r);
    BOOST_TEST(kare::write_progress(r) == expected);
    std::ostringstream out;
    kare::write_progress(r, out);
    BOOST_TEST(out.str() == expected);
}

void check_changes(const kare::plan_changes& c)
{
    const std::string expected = tree_reference::changes_text(c);
    BOOST_TEST(kare::write_changes(c) == expected);
    std::ostringstream out;
    kare::write_changes(c, out);
    BOOST_TEST(out.str() == expected);
}

// Every document of a plan, on two dates (the earlier one leaves facts out)
// and for one rep.
void check_every_writer(const kare::plan& p, const char* as_of, const char* earlier)
{
    check_plan(p);
    for (const char* on : {as_of, earlier}) {
        BOOST_TEST_CONTEXT("as of " << on)
        {
            check_pipeline(kare::make_pipeline(p, day(on)));
            kare::progress_options trend;
            trend.trend_periods = 3;
            check_progress(kare::make_progress(p, day(on), trend));
        }
    }
    if (!p.reps().empty()) {
        kare::pipeline_options one_rep;
        one_rep.rep = p.reps().front().id;
        check_pipeline(kare::make_pipeline(p, day(as_of), one_rep));
        kare::progress_options progress_rep;
        progress_rep.rep = p.reps().front().id;
        check_progress(kare::make_progress(p, day(as_of), progress_rep));
    }
}

std::string data_path(const std::string& name)
{
    return std::string(KARE_TEST_DATA_DIR) + "/" + name;
}

// The example with what it leaves out: playbooks of its own, an effort mix,
// stage changes with and without a reason, a decided and a focused account
// added on a date with a fire action.
kare::plan plan_with_every_optional_member()
{
    boost::json::value doc = boost::json::parse(read_text(example_path()));
    doc.at("cookbook").as_object()["playbooks"] = boost::json::parse(R"({
        "recapture": {
            "actions": [{"name": "Win-back lunch", "description": "Meet the old sponsor."}],
            "questions": ["Who signed the last order?"]
        }})");
    doc.at("policy").at("effort").as_object()["mix"] =
        boost::json::object{{"keep", 40}, {"attain", 35}, {"recapture", 15}, {"expand", 10}};
    kare::plan p = kare::read_plan(text_of(doc));
    p.change_stage("D-101", "negotiation", day("2026-10-10"), "pricing agreed");
    p.change_stage("D-101", "commit", day("2026-11-20"), {});
    return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(plan_stream)

BOOST_AUTO_TEST_CASE(the_bundled_plans_stream_the_bytes_of_the_tree)
{
    check_every_writer(example_plan(), "2026-11-23", "2026-06-30");
    for (const std::string& path :
         {std::string(KARE_EXAMPLES_DIR) + "/cookbook-plan.json", data_path("honesty_plan.json")}) {
        BOOST_TEST_CONTEXT(path)
        {
            const kare::plan p = kare::read_plan(read_text(path));
            check_every_writer(p, "2026-11-23", "2026-03-31");
        }
    }
}

BOOST_AUTO_TEST_CASE(every_optional_member_streams_the_bytes_of_the_tree)
{
    const kare::plan p = plan_with_every_optional_member();
    const std::string text = kare::write_plan(p);
    for (const char* member : {"\"playbooks\"", "\"mix\"", "\"stage_history\"", "\"history\"",
                               "\"focus\"", "\"note\"", "\"products\"", "\"evidence\""})
        BOOST_TEST(text.find(member) != std::string::npos, member);
    check_every_writer(p, "2026-11-23", "2026-06-30");
    // As of an earlier date: the copy the past is read from.
    check_plan(kare::plan_as_of(p, day("2026-06-30")));
}

BOOST_AUTO_TEST_CASE(an_empty_plan_streams_empty_sections)
{
    const kare::plan p;
    check_plan(p);
    BOOST_TEST(kare::write_plan(p).find("\"accounts\": []") != std::string::npos);
    check_pipeline(kare::make_pipeline(p, day("2026-11-23")));
    check_progress(kare::make_progress(p, day("2026-11-23")));
}

BOOST_AUTO_TEST_CASE(a_generated_book_streams_the_bytes_of_the_tree)
{
    kare_bench::whole_plan_shape shape;
    shape.accounts = 3000;
    const kare::plan p = kare::read_plan(kare_bench::whole_plan(read_text(example_path()), shape));
    BOOST_TEST(p.accounts().size() == 3000U);
    check_every_writer(p, "2026-11-23", "2026-06-30");
}

BOOST_AUTO_TEST_CASE(changes_stream_the_bytes_of_the_tree)
{
    const kare::plan example = example_plan();
    check_changes(kare::changes_since(example, day("2026-06-30"), day("2026-11-23")));
    check_changes(kare::compare_plans(example, day("2026-11-23"), plan_with_every_optional_member(),
                                      day("2026-11-23"), {}));
    // Two generated books that differ throughout: every list is long.
    kare_bench::whole_plan_shape shape;
    shape.accounts = 1500;
    const kare::plan first = kare::read_plan(kare_bench::whole_plan(read_text(example_path()), shape));
    shape.accounts = 2500;
    shape.seed = 7;
    const kare::plan second = kare::read_plan(kare_bench::whole_plan(read_text(example_path()), shape));
    const kare::plan_changes c = kare::compare_plans(first, day("2026-06-30"), second, day("2026-11-23"), {});
    BOOST_TEST(c.accounts_added.size() + c.accounts_moved.size() > 100U);
    check_changes(c);
    check_changes(kare::plan_changes{});
}

BOOST_AUTO_TEST_CASE(the_value_form_is_the_document_parsed)
{
    const kare::plan p = plan_with_every_optional_member();
    BOOST_TEST(boost::json::value_from(p) == boost::json::parse(kare::write_plan(p)));
    const kare::pipeline_report pipeline = kare::make_pipeline(p, day("2026-11-23"));
    BOOST_TEST(boost::json::value_from(pipeline) ==
               boost::json::parse(kare::write_pipeline(pipeline)));
    const kare::progress_report progress = kare::make_progress(p, day("2026-11-23"));
    BOOST_TEST(boost::json::value_from(progress) ==
               boost::json::parse(kare::write_progress(progress)));
}

BOOST_AUTO_TEST_CASE(a_plan_past_its_bound_is_refused_as_it_is_written)
{
    kare_bench::whole_plan_shape shape;
    shape.accounts = 2000;
    const kare::plan p = kare::read_plan(kare_bench::whole_plan(read_text(example_path()), shape));
    const std::string whole = kare::write_plan(p);
    BOOST_TEST(whole.size() > 1'000'000U); // several chunks of 64 KB

    std::ostringstream exact;
    kare::detail::write_plan_within(p, whole.size(), exact);
    BOOST_TEST(exact.str() == whole);

    // One byte short, or far short: the stream never receives more than the
    // bound, and what it received is the document's beginning.
    for (const std::size_t bound : {whole.size() - 1, std::size_t{300'000}, std::size_t{10}}) {
        BOOST_TEST_CONTEXT("bound " << bound)
        {
            std::ostringstream out;
            try {
                kare::detail::write_plan_within(p, bound, out);
                BOOST_FAIL("no error past the bound");
            } catch (const kare::error& e) {
                BOOST_TEST(e.code() == kare::errc::limit_exceeded);
                BOOST_TEST(std::string(e.what()).find("split the plan") != std::string::npos);
                BOOST_TEST(std::string(e.what()).find(std::to_string(bound)) != std::string::npos);
            }
            BOOST_TEST(out.str().size() <= bound);
            BOOST_TEST(whole.compare(0, out.str().size(), out.str()) == 0);
            BOOST_CHECK_THROW(kare::detail::write_plan_within(p, bound), kare::error);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_failed_stream_stops_the_writers_without_throwing)
{
    const kare::plan p = example_plan();
    std::ostringstream plan_out, pipeline_out, progress_out;
    for (std::ostringstream* out : {&plan_out, &pipeline_out, &progress_out})
        out->setstate(std::ios::badbit);
    kare::write_plan(p, plan_out);
    kare::write_pipeline(kare::make_pipeline(p, day("2026-11-23")), pipeline_out);
    kare::write_progress(kare::make_progress(p, day("2026-11-23")), progress_out);
    for (std::ostringstream* out : {&plan_out, &pipeline_out, &progress_out}) {
        BOOST_TEST(out->str().empty());
        BOOST_TEST(!*out);
    }
}

BOOST_AUTO_TEST_SUITE_END()
