// The model as a plan document. Keys are written in one fixed order and
// optional members only when they carry information, so output is canonical.
// The records are written one by one as they are produced (canonical_stream.hpp):
// no tree of the document is held, and on a stream not even its text.
#include "canonical_stream.hpp"
#include "honesty_json.hpp"
#include "plan_document.hpp"
#include "json_values.hpp"
#include "review_policy_json.hpp"

#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

namespace {

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

object settings_json(const plan_settings& settings)
{
    object o;
    o["currency"] = settings.currency;
    o["fiscal_year_start_month"] = settings.fiscal_year_start_month;
    return o;
}

object rep_json(const rep& r)
{
    object o;
    o["id"] = r.id;
    o["name"] = r.name;
    o["style"] = to_string(r.style);
    // Written only when known, so plans without them keep their bytes.
    if (!r.manager.empty())
        o["manager"] = r.manager;
    if (!r.team.empty())
        o["team"] = r.team;
    return o;
}

// The sections of a fixed size are written whole; the records one by one.
void stream_plan(detail::canonical_stream& s, const plan& p)
{
    detail::object_stream o(s, 0);
    o.member("format", "kare-plan");
    o.member("version", KARE_PLAN_FORMAT_VERSION);
    o.member("name", boost::json::string(p.name()));
    o.member("settings", settings_json(p.settings()));
    array fields;
    for (const auto& f : p.fields().fields())
        if (!f.standard)
            fields.push_back(field_json(f));
    o.member("fields", fields);
    o.member("profiles", profiles_json(p.profiles()));
    o.member("cookbook", cookbook_json(p.cookbook()));
    o.member("policy", policy_json(p.effort_policy(), p.pacing(), p.review_policy()));
    o.member("products", detail::products_json(p.products()));
    detail::array_stream reps = o.array_member("reps");
    for (const auto& r : p.reps())
        reps.item(rep_json(r));
    reps.end();
    detail::array_stream accounts = o.array_member("accounts");
    for (const auto& a : p.accounts())
        accounts.item(account_json(a));
    accounts.end();
    detail::array_stream activities = o.array_member("activities");
    for (const auto& a : p.activities())
        activities.item(activity_json(a));
    activities.end();
    o.member("honesty", detail::honesty_json(p.honesty()));
    detail::array_stream deals = o.array_member("deals");
    for (const auto& d : p.deals())
        deals.item(detail::deal_json(d));
    deals.end();
    o.end();
    s.text() += '\n';
    s.finish();
}

std::string plan_too_large(std::size_t max_bytes)
{
    return "the plan's document would take more than the " + std::to_string(max_bytes) +
           " bytes a plan document may hold: split the plan";
}

} // namespace

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const plan& p)
{
    // Read back from the document, so that there is one way a plan is written;
    // as deep as the criteria it holds, in the storage `out` was given.
    boost::json::parse_options options;
    options.max_depth = read_limits{}.max_criterion_nodes;
    out = boost::json::parse(write_plan(p), out.storage(), options);
}

std::string detail::write_plan_within(const plan& p, std::size_t max_bytes)
{
    std::string text;
    canonical_stream s(text);
    s.bound(max_bytes, plan_too_large(max_bytes));
    stream_plan(s, p);
    return text;
}

void detail::write_plan_within(const plan& p, std::size_t max_bytes, std::ostream& out)
{
    canonical_stream s(out);
    s.bound(max_bytes, plan_too_large(max_bytes));
    stream_plan(s, p);
}

std::string write_plan(const plan& p)
{
    // Never write what read_plan would refuse to read back.
    return detail::write_plan_within(p, read_limits{}.max_document_bytes);
}

void write_plan(const plan& p, std::ostream& out)
{
    detail::write_plan_within(p, read_limits{}.max_document_bytes, out);
}

std::string write_account(const account& a)
{
    return to_canonical_text(account_json(a));
}

std::string write_deal(const deal& d)
{
    return to_canonical_text(detail::deal_json(d));
}

} // namespace v1
} // namespace kare
