// The progress document (docs/cookbook.md, "The progress document").
#include "json_values.hpp"
#include "finding_json.hpp"

#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

namespace {

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

} // namespace

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out,
                const progress_report& r)
{
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
    out = std::move(o);
}

std::string write_progress(const progress_report& r)
{
    return to_canonical_text(boost::json::value_from(r));
}

} // namespace v1
} // namespace kare
