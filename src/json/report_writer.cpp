// The report document.
#include "finding_json.hpp"
#include "json_values.hpp"
#include "review_json.hpp"

#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

namespace {

using boost::json::array;
using boost::json::object;

array strings(const std::vector<std::string>& items)
{
    return detail::string_array(items);
}

array category_names(const std::vector<category>& cats)
{
    array out;
    for (category c : cats)
        out.push_back(boost::json::string(to_string(c)));
    return out;
}

object outcome_json(const rule_outcome& r, bool explained)
{
    object o;
    o["held"] = r.held;
    if (!explained)
        return o; // the verdict without its checks (report_options::explain)
    array checks;
    for (const auto& c : r.checks) {
        object co;
        co["path"] = c.path;
        co["criterion"] = c.text;
        co["held"] = c.held;
        co["actual"] = c.actual ? detail::to_json(*c.actual) : boost::json::value(nullptr);
        checks.push_back(std::move(co));
    }
    o["checks"] = std::move(checks);
    return o;
}

object account_json(const account_result& a)
{
    object o;
    o["id"] = a.id;
    o["name"] = a.name;
    o["owner"] = a.owner;
    o["placement"] = a.outcome.result.name();
    o["basis"] = to_string(a.outcome.basis);
    o["candidates"] = category_names(a.outcome.candidates);
    const auto& fire = a.outcome.fire_suggestions;
    if (fire.size() > listed_fire_rules) {
        o["fire_suggestions"] = strings(std::vector<std::string>(
            fire.begin(), fire.begin() + static_cast<std::ptrdiff_t>(listed_fire_rules)));
        o["fire_suggestions_not_listed"] = fire.size() - listed_fire_rules;
    } else {
        o["fire_suggestions"] = strings(fire);
    }
    object profiles;
    for (category c : all_categories)
        if (const auto& r = a.outcome.profiles[static_cast<std::size_t>(c)])
            profiles[to_string(c)] = outcome_json(*r, a.explained);
    o["profiles"] = std::move(profiles);
    return o;
}

} // namespace

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const report& r)
{
    object o;
    o["format"] = "kare-report";
    o["version"] = KARE_PLAN_FORMAT_VERSION;
    o["plan"] = r.plan_name;
    o["as_of"] = r.as_of.to_string();
    detail::put_ignored(o, r.ignored);
    o["rep"] = r.rep.empty() ? boost::json::value(nullptr) : boost::json::value(r.rep);
    object summary;
    for (category c : all_categories)
        summary[to_string(c)] = r.counts.by_category[static_cast<std::size_t>(c)];
    summary["fired"] = r.counts.fired;
    summary["unassigned"] = r.counts.unassigned;
    summary["total"] = r.counts.total();
    o["summary"] = std::move(summary);
    array accounts;
    accounts.reserve(r.accounts.size());
    for (const auto& a : r.accounts)
        accounts.push_back(account_json(a));
    o["accounts"] = std::move(accounts);
    array findings;
    for (const auto& f : r.findings)
        findings.push_back(detail::finding_json(f));
    o["findings"] = std::move(findings);
    o["priorities"] = detail::priorities_json(r.priorities);
    o["focus_lists"] = detail::focus_lists_json(r.focus_lists);
    o["suggested_moves"] = detail::suggested_moves_json(r.suggested_moves);
    o["heat_map"] = detail::heat_map_json(r.heat_map);
    out = std::move(o);
}

std::string write_report(const report& r)
{
    return to_canonical_text(boost::json::value_from(r));
}

std::string write_figures(const std::vector<figure>& figures)
{
    boost::json::object o;
    for (const auto& fig : figures)
        o[fig.name] = detail::figure_json(fig.value);
    return to_canonical_text(o);
}

} // namespace v1
} // namespace kare
