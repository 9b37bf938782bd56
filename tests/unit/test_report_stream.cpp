// The report and review documents are streamed member by member: the bytes
// must be those of the tree-based serialisation they replaced (kept below as
// the reference), on the example and on a generated plan of a few thousand
// accounts with every explanation mode, to a string and to a stream alike.
#include "fixtures.hpp"
#include "../bench/whole_plan.hpp"

#include "json/finding_json.hpp"
#include "json/json_values.hpp"
#include "json/review_json.hpp"

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
using detail::string_array;

boost::json::value level(const std::string& name)
{
    return name.empty() ? boost::json::value(nullptr) : boost::json::value(name);
}

object terms_json(const priority_terms& t)
{
    object o;
    o["revenue"] = t.revenue;
    o["potential_value"] = t.potential_value;
    o["qualified_pipeline"] = t.qualified_pipeline.to_string();
    o["value"] = t.value;
    o["growth_potential"] = level(t.growth_potential);
    o["growth_factor"] = t.growth_factor;
    o["risk"] = level(t.risk);
    o["win_probability"] = t.win_probability;
    o["expected_value"] = t.expected_value;
    o["cost_of_pursuit"] = level(t.cost_of_pursuit);
    o["pursuit_cost"] = t.pursuit_cost;
    o["existing_client"] = t.existing_client;
    o["former_client"] = t.former_client;
    o["cost_fraction"] = t.cost_fraction;
    o["cost"] = t.cost;
    o["score"] = t.score;
    return o;
}


array priorities_json(const std::vector<account_priority>& ranked)
{
    array out;
    out.reserve(ranked.size());
    for (const auto& line : ranked) {
        object o;
        o["rank"] = line.rank;
        o["id"] = line.id;
        o["name"] = line.name;
        o["owner"] = line.owner;
        o["category"] = to_string(line.cat);
        o["rank_in_category"] = line.rank_in_category;
        o["focus"] = line.focus;
        o["score"] = line.terms.score;
        o["terms"] = terms_json(line.terms);
        out.push_back(std::move(o));
    }
    return out;
}

array focus_lists_json(const std::vector<focus_list>& lists)
{
    array out;
    for (const auto& list : lists) {
        object o;
        o["rep"] = list.rep;
        o["category"] = to_string(list.cat);
        o["named"] = list.named;
        o["accounts_in_category"] = list.in_category;
        o["accounts"] = string_array(list.accounts);
        out.push_back(std::move(o));
    }
    return out;
}

array suggested_moves_json(const std::vector<suggested_move>& moves)
{
    array out;
    for (const auto& m : moves) {
        object o;
        o["code"] = m.code;
        o["account"] = m.account;
        o["from"] = to_string(m.from);
        o["to"] = to_string(m.to);
        object evidence;
        evidence["in_category_since"] = m.in_category_since
                                            ? boost::json::value(m.in_category_since->to_string())
                                            : boost::json::value(nullptr);
        array won;
        for (const auto& w : m.won_deals) {
            object wo;
            wo["id"] = w.id;
            wo["date"] = w.on.to_string();
            wo["amount"] = w.amount.to_string();
            won.push_back(std::move(wo));
        }
        evidence["won_deals"] = std::move(won);
        if (m.last_purchase) {
            evidence["last_purchase"] = m.last_purchase->to_string();
            evidence["days_since_purchase"] = m.days_since_purchase;
            evidence["lapse_days"] = m.lapse_days;
        } else {
            evidence["last_purchase"] = nullptr;
            evidence["days_since_purchase"] = nullptr;
            evidence["lapse_days"] = nullptr;
        }
        o["evidence"] = std::move(evidence);
        o["reason"] = m.reason;
        out.push_back(std::move(o));
    }
    return out;
}

object heat_map_json(const heat_map& map)
{
    object o;
    array products;
    for (std::size_t k = 0; k < map.products.size(); ++k) {
        object po;
        po["id"] = map.products[k].id;
        po["name"] = map.products[k].name;
        po["buyers"] = map.buyers[k];
        products.push_back(std::move(po));
    }
    o["products"] = std::move(products);
    array rows;
    for (const auto& row : map.rows) {
        object ro;
        ro["id"] = row.id;
        ro["name"] = row.name;
        ro["owner"] = row.owner;
        ro["category"] = to_string(row.cat);
        array bought;
        for (std::size_t k = 0; k < row.bought.size(); ++k)
            if (row.bought[k])
                bought.push_back(boost::json::string(map.products[k].id));
        ro["bought"] = std::move(bought);
        ro["whitespace"] = string_array(row.whitespace);
        ro["recorded"] = row.recorded;
        rows.push_back(std::move(ro));
    }
    o["accounts"] = std::move(rows);
    return o;
}

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

boost::json::value report_tree(const report& r)
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
    o["priorities"] = priorities_json(r.priorities);
    o["focus_lists"] = focus_lists_json(r.focus_lists);
    o["suggested_moves"] = suggested_moves_json(r.suggested_moves);
    o["heat_map"] = heat_map_json(r.heat_map);
    return o;
}

std::string review_text(const report& r)
{
    using boost::json::array;
    using boost::json::object;
    object o;
    o["format"] = "kare-review";
    o["version"] = KARE_PLAN_FORMAT_VERSION;
    o["plan"] = r.plan_name;
    o["as_of"] = r.as_of.to_string();
    o["rep"] = r.rep.empty() ? boost::json::value(nullptr) : boost::json::value(r.rep);
    o["scoreboard"] = detail::scoreboard_json(r.scoreboard);
    o["priorities"] = priorities_json(r.priorities);
    o["focus_lists"] = focus_lists_json(r.focus_lists);
    o["suggested_moves"] = suggested_moves_json(r.suggested_moves);
    o["heat_map"] = heat_map_json(r.heat_map);
    array findings;
    for (const auto& f : r.findings)
        findings.push_back(detail::finding_json(f));
    o["findings"] = std::move(findings);
    return to_canonical_text(o);
}

} // namespace tree_reference

namespace {

void check_every_writer(const kare::report& r)
{
    const std::string reference = kare::to_canonical_text(tree_reference::report_tree(r));
    BOOST_TEST(kare::write_report(r) == reference);
    std::ostringstream streamed;
    kare::write_report(r, streamed);
    BOOST_TEST(streamed.str() == reference);

    const std::string review = tree_reference::review_text(r);
    BOOST_TEST(kare::write_review(r) == review);
    std::ostringstream streamed_review;
    kare::write_review(r, streamed_review);
    BOOST_TEST(streamed_review.str() == review);
}

kare::report report_with(const kare::plan& p, kare::explanation e, const char* as_of,
                         std::string rep = {})
{
    kare::report_options options(std::move(rep));
    options.explain = e;
    return kare::make_report(p, day(as_of), options);
}

const kare::explanation every_mode[] = {kare::explanation::all, kare::explanation::needed,
                                        kare::explanation::none};

} // namespace

BOOST_AUTO_TEST_SUITE(report_stream)

BOOST_AUTO_TEST_CASE(the_example_streams_the_bytes_of_the_tree_in_every_mode)
{
    const kare::plan p = example_plan();
    for (kare::explanation e : every_mode) {
        BOOST_TEST_CONTEXT("explain " << kare::to_string(e))
        {
            check_every_writer(report_with(p, e, "2026-11-23"));
            check_every_writer(report_with(p, e, "2026-11-23", p.reps().front().id));
            check_every_writer(report_with(p, e, "2026-06-30")); // facts ignored
        }
    }
}

BOOST_AUTO_TEST_CASE(a_generated_book_streams_the_bytes_of_the_tree_in_every_mode)
{
    kare_bench::whole_plan_shape shape;
    shape.accounts = 3000;
    const kare::plan p = kare::read_plan(kare_bench::whole_plan(read_text(example_path()), shape));
    for (kare::explanation e : every_mode) {
        BOOST_TEST_CONTEXT("explain " << kare::to_string(e))
        {
            const kare::report r = report_with(p, e, "2026-11-23");
            BOOST_TEST(r.accounts.size() == 3000U);
            check_every_writer(r);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_empty_report_streams_empty_lists)
{
    kare::plan p = example_plan();
    kare::report r = report_with(p, kare::explanation::all, "2026-11-23");
    r.accounts.clear();
    r.findings.clear();
    r.priorities.clear();
    r.focus_lists.clear();
    r.suggested_moves.clear();
    r.heat_map = {};
    check_every_writer(r);
    BOOST_TEST(kare::write_report(r).find("\"accounts\": []") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_failed_stream_stops_the_writer_without_throwing)
{
    const kare::report r = report_with(example_plan(), kare::explanation::all, "2026-11-23");
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    kare::write_report(r, out);
    BOOST_TEST(out.str().empty());
    BOOST_TEST(!out);
}

BOOST_AUTO_TEST_SUITE_END()
