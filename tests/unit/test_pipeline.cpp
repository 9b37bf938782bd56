#include "deal_fixtures.hpp"

#include <boost/json.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace bdata = boost::unit_test::data;
namespace json = boost::json;
using namespace kare_test;
using kare::deal_bucket;
using kare::honesty_state;

namespace {

std::size_t state_index(honesty_state s)
{
    return static_cast<std::size_t>(s);
}

const kare::pipeline_totals& bucket(const kare::pipeline_report& r, deal_bucket b)
{
    return r.by_bucket[static_cast<std::size_t>(b)];
}

std::string bloat(const kare::pipeline_totals& t)
{
    const auto b = t.bloat_ratio();
    return b ? std::to_string(b->numerator) + "/" + std::to_string(b->denominator) + "=" +
                   b->to_decimal(4)
             : "none";
}

// "code@deal" for each finding.
std::set<std::string> codes(const std::vector<kare::finding>& findings)
{
    std::set<std::string> out;
    for (const auto& f : findings)
        out.insert(f.code + "@" + f.subject_id);
    return out;
}

// Every JSON number in the document is an integer: money and ratios are strings.
bool has_float(const json::value& v)
{
    if (v.is_double())
        return true;
    if (v.is_object())
        return std::any_of(v.get_object().begin(), v.get_object().end(),
                           [](const json::key_value_pair& m) { return has_float(m.value()); });
    if (v.is_array())
        return std::any_of(v.get_array().begin(), v.get_array().end(), has_float);
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pipeline)

// The fixture as of 2026-03-31, by hand (amounts in USD):
//
// deal account   rep  category   amount     state
// d1   acme      ana  attain     100000.00  qualified (all evidence, touched 03-25)
// d2   acme      ana  attain      50000.00  unqualified (no budget; open 21 days)
// d3   globex    ben  keep        30000.00  stalled (no activity since 03-01: 30 days)
// d4   globex    ben  keep        20000.00  unqualified (no evidence; open 11 days)
// d5   initech   ben  expand      80000.00  unqualified, distorting (no decision process; 89 days)
// d6   umbrella  ana  fired       10000.00  qualified
// d7   ghost     ana  unknown      5000.00  qualified (owner set on the deal)
// d8   acme      ana  attain      70000.00  dead (declared 03-20)
// d9   globex    ben  keep        40000.00  won
// d10  initech   ben  expand      25000.00  lost to a competitor
// d11  hooli     ana  unassigned  15000.00  stalled, explained (until 04-15)
// d12  acme      ana  attain      12345.67  qualified, slipping (3 pushes, 1 pull-in)
//
// open total  = 100000 + 50000 + 30000 + 20000 + 80000 + 10000 + 5000 + 70000
//               + 15000 + 12345.67                         = 392345.67
// honest      = d1 + d6 + d7 + d12 = 100000 + 10000 + 5000 + 12345.67 = 127345.67
// hope        = 392345.67 - 127345.67                       = 265000.00
// bloat       = 265000.00 / 392345.67 = 0.67542...          -> "0.6754"
// ana: d1 d2 d6 d7 d8 d11 d12 = 262345.67, honest 127345.67, hope 135000.00
//      bloat 135000.00 / 262345.67 = 0.51458...             -> "0.5146"
// ben: d3 d4 d5 = 130000.00, honest 0.00, bloat 1          -> "1.0000"
BOOST_AUTO_TEST_CASE(figures_computed_by_hand)
{
    const kare::plan p = fixture_plan();
    const kare::pipeline_report r = kare::make_pipeline(p, fixture_as_of());

    BOOST_TEST(r.deals.size() == 12U);
    BOOST_TEST(r.currency == "USD");
    const auto& all = r.overall;
    BOOST_TEST(all.open_deals == 10U);
    BOOST_TEST(all.total.to_string() == "392345.67");
    BOOST_TEST(all.honest_total.to_string() == "127345.67");
    BOOST_TEST(all.hope_total.to_string() == "265000.00");
    BOOST_TEST(bloat(all) == "26500000/39234567=0.6754");
    BOOST_TEST(all.count_by_state[state_index(honesty_state::qualified)] == 4U);
    BOOST_TEST(all.count_by_state[state_index(honesty_state::stalled)] == 2U);
    BOOST_TEST(all.count_by_state[state_index(honesty_state::unqualified)] == 3U);
    BOOST_TEST(all.count_by_state[state_index(honesty_state::dead)] == 1U);
    BOOST_TEST(all.amount_by_state[state_index(honesty_state::qualified)].to_string() == "127345.67");
    BOOST_TEST(all.amount_by_state[state_index(honesty_state::stalled)].to_string() == "45000.00");
    BOOST_TEST(all.amount_by_state[state_index(honesty_state::unqualified)].to_string() == "150000.00");
    BOOST_TEST(all.amount_by_state[state_index(honesty_state::dead)].to_string() == "70000.00");

    BOOST_TEST_REQUIRE(r.by_rep.size() == 2U);
    BOOST_TEST(r.by_rep[0].rep == "ana");
    BOOST_TEST(r.by_rep[0].totals.open_deals == 7U);
    BOOST_TEST(r.by_rep[0].totals.total.to_string() == "262345.67");
    BOOST_TEST(r.by_rep[0].totals.honest_total.to_string() == "127345.67");
    BOOST_TEST(bloat(r.by_rep[0].totals) == "13500000/26234567=0.5146");
    BOOST_TEST(r.by_rep[1].rep == "ben");
    BOOST_TEST(r.by_rep[1].totals.total.to_string() == "130000.00");
    BOOST_TEST(r.by_rep[1].totals.honest_total.to_string() == "0.00");
    BOOST_TEST(bloat(r.by_rep[1].totals) == "13000000/13000000=1.0000");

    // attain: d1 d2 d8 d12 = 232345.67, honest d1 d12 = 112345.67
    BOOST_TEST(bucket(r, deal_bucket::attain).total.to_string() == "232345.67");
    BOOST_TEST(bucket(r, deal_bucket::attain).honest_total.to_string() == "112345.67");
    BOOST_TEST(bloat(bucket(r, deal_bucket::attain)) == "12000000/23234567=0.5165");
    BOOST_TEST(bucket(r, deal_bucket::keep).total.to_string() == "50000.00");
    BOOST_TEST(bucket(r, deal_bucket::keep).honest_total.to_string() == "0.00");
    BOOST_TEST(bucket(r, deal_bucket::expand).total.to_string() == "80000.00");
    BOOST_TEST(bucket(r, deal_bucket::expand).count_by_state[state_index(honesty_state::unqualified)] == 1U);
    BOOST_TEST(bucket(r, deal_bucket::recapture).open_deals == 0U);
    BOOST_TEST(bloat(bucket(r, deal_bucket::recapture)) == "none");
    BOOST_TEST(bucket(r, deal_bucket::fired).honest_total.to_string() == "10000.00");
    BOOST_TEST(bucket(r, deal_bucket::unassigned).total.to_string() == "15000.00");
    BOOST_TEST(bucket(r, deal_bucket::unknown_account).total.to_string() == "5000.00");

    BOOST_TEST(r.closed.won == 1U);
    BOOST_TEST(r.closed.won_amount.to_string() == "40000.00");
    BOOST_TEST(r.closed.lost == 1U);
    BOOST_TEST(r.closed.lost_amount.to_string() == "25000.00");
    BOOST_TEST(r.closed.lost_by_reason.front().first == "competitor");
    BOOST_TEST(r.closed.lost_by_reason.front().second == 1U);

    // Hope deals, largest inflation first.
    std::vector<std::string> hope;
    for (const auto& h : r.hope)
        hope.push_back(h.id + " " + h.amount.to_string() + " " + std::string(kare::to_string(h.state)));
    BOOST_TEST(hope == (std::vector<std::string>{
                           "d5 80000.00 unqualified", "d8 70000.00 dead", "d2 50000.00 unqualified",
                           "d3 30000.00 stalled", "d4 20000.00 unqualified", "d11 15000.00 stalled"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hope_ties_are_broken_by_id)
{
    kare::plan p = fixture_plan();
    kare::deal d = *p.find_deal("d2");
    d.id = "d0";
    p.add_deal(d);
    const auto r = kare::make_pipeline(p, fixture_as_of());
    BOOST_TEST(r.hope[2].id == "d0");
    BOOST_TEST(r.hope[3].id == "d2");
}

BOOST_AUTO_TEST_CASE(one_rep)
{
    const kare::plan p = fixture_plan();
    const auto r = kare::make_pipeline(p, fixture_as_of(), {"ben"});
    BOOST_TEST(r.rep == "ben");
    BOOST_TEST(r.deals.size() == 5U); // d3 d4 d5 d9 d10
    BOOST_TEST_REQUIRE(r.by_rep.size() == 1U);
    BOOST_TEST(r.overall.total.to_string() == "130000.00");
    BOOST_TEST(r.closed.won_amount.to_string() == "40000.00");
    BOOST_TEST(r.hope.size() == 3U);
    for (const auto& f : r.findings)
        BOOST_TEST((f.subject_id == "d3" || f.subject_id == "d4" || f.subject_id == "d5"));
    BOOST_CHECK_THROW(kare::make_pipeline(p, fixture_as_of(), {"zed"}), kare::error);
}

BOOST_AUTO_TEST_CASE(findings_raised_and_not_raised)
{
    const kare::plan p = fixture_plan();
    const auto r = kare::make_pipeline(p, fixture_as_of());
    // d1 (qualified, moving) and d3's Keep account with evidence raise nothing
    // beyond what is listed; closed deals raise nothing.
    const std::set<std::string> expected{
        "deal.hope@d2",
        "deal.stalled@d3",
        "deal.hope@d4",
        "deal.keep_no_renewal_evidence@d4",
        "deal.distorting@d5",
        "deal.on_fired_account@d6",
        "deal.unknown_account@d7",
        "deal.dead@d8",
        "deal.stalled_explained@d11",
        "deal.slipping@d12",
    };
    BOOST_TEST(codes(r.findings) == expected, boost::test_tools::per_element());
    BOOST_TEST(r.findings.size() == expected.size());
    // Errors first.
    BOOST_TEST(r.findings.front().code == "deal.unknown_account");
    for (const auto& f : r.findings) {
        const kare::finding_code* entry = kare::find_finding_code(f.code);
        BOOST_TEST_REQUIRE(entry != nullptr);
        BOOST_TEST((entry->severity == f.severity));
        BOOST_TEST((f.subject == kare::subject_kind::deal));
        BOOST_TEST(!f.message.empty());
    }
    const auto d5 = std::find_if(r.findings.begin(), r.findings.end(),
                                 [](const kare::finding& f) { return f.subject_id == "d5"; });
    BOOST_TEST(d5->message == "The deal 'd5' on initech (80000.00 USD) is unqualified for 89 days "
                              "(the limit is 30), missing decision_process: it distorts the "
                              "forecast.");
    BOOST_TEST((d5->figures[2] == kare::figure{"missing", std::vector<std::string>{"decision_process"}}));
}

BOOST_AUTO_TEST_CASE(an_unsupported_declaration_is_flagged)
{
    kare::plan p = fixture_plan();
    auto policy = p.honesty();
    policy.declared_qualified = kare::declared_check::flag;
    p.set_honesty(policy);
    p.declare_deal_state("d2", honesty_state::qualified, day("2026-03-30"), "trust me");
    const auto r = kare::make_pipeline(p, fixture_as_of());
    BOOST_TEST(codes(r.findings).count("deal.declared_unsupported@d2") == 1U);
    BOOST_TEST(codes(r.findings).count("deal.hope@d2") == 1U); // still hope
    BOOST_TEST(r.overall.honest_total.to_string() == "127345.67");
}

BOOST_AUTO_TEST_CASE(renewal_evidence_is_the_policys)
{
    kare::plan p = fixture_plan();
    auto policy = p.honesty();
    policy.renewal_evidence = {"budget"};
    p.set_honesty(policy);
    p.add_evidence("d4", {"budget", day("2026-03-30"), "renewal quote accepted"}, fixture_as_of());
    auto r = kare::make_pipeline(p, fixture_as_of());
    BOOST_TEST(codes(r.findings).count("deal.keep_no_renewal_evidence@d4") == 0U);
    // An empty list asks for no renewal evidence at all.
    policy.renewal_evidence.clear();
    p.set_honesty(policy);
    kare::deal d = *p.find_deal("d4");
    d.evidence.clear();
    p.replace_deal(d);
    r = kare::make_pipeline(p, fixture_as_of());
    BOOST_TEST(codes(r.findings).count("deal.keep_no_renewal_evidence@d4") == 0U);
}

BOOST_AUTO_TEST_CASE(honesty_never_changes_what_won_and_lost_mean)
{
    kare::plan p = fixture_plan();
    const auto strict = kare::make_pipeline(p, fixture_as_of());
    auto policy = p.honesty();
    policy.rules.required_evidence.clear();
    policy.rules.stall_after_days = 365;
    policy.rules.dead_after_days = 366;
    p.set_honesty(policy);
    const auto lenient = kare::make_pipeline(p, fixture_as_of());
    BOOST_TEST(lenient.overall.honest_total.to_string() != strict.overall.honest_total.to_string());
    BOOST_TEST(lenient.overall.total.to_string() == strict.overall.total.to_string());
    BOOST_TEST(lenient.closed.won == strict.closed.won);
    BOOST_TEST(lenient.closed.won_amount.to_string() == strict.closed.won_amount.to_string());
    BOOST_TEST(lenient.closed.lost_amount.to_string() == strict.closed.lost_amount.to_string());
    // d9 was won with no evidence at all: still won.
    BOOST_TEST((p.find_deal("d9")->evidence.empty()));
}

BOOST_AUTO_TEST_CASE(the_main_report_carries_the_deal_findings)
{
    const kare::plan p = fixture_plan();
    const auto team = kare::make_report(p, fixture_as_of());
    const auto deal_codes = [](const kare::report& r) {
        std::set<std::string> ids;
        for (const auto& f : r.findings)
            if (f.subject == kare::subject_kind::deal)
                ids.insert(f.subject_id);
        return ids;
    };
    BOOST_TEST(deal_codes(team) ==
               (std::set<std::string>{"d2", "d3", "d4", "d5", "d6", "d7", "d8", "d11", "d12"}),
               boost::test_tools::per_element());
    const auto ben = kare::make_report(p, fixture_as_of(), {"ben"});
    BOOST_TEST(deal_codes(ben) == (std::set<std::string>{"d3", "d4", "d5"}),
               boost::test_tools::per_element());
    BOOST_TEST((team.findings.front().severity == kare::severity::error));
}

BOOST_AUTO_TEST_CASE(later_facts_are_left_out_not_refused)
{
    kare::plan p = fixture_plan();
    // d2 was touched on 03-28 and d4 opened on 03-20: as of earlier dates the
    // pipeline shows the plan as it stood then (plan_as_of), and counts them.
    const auto before_touch = kare::make_pipeline(p, day("2026-03-27"));
    BOOST_TEST(before_touch.ignored.last_activities >= 1u);
    const auto before_opening = kare::make_pipeline(p, day("2026-03-19"), {"ben"});
    BOOST_TEST(before_opening.ignored.deals >= 1u);
    kare::deal d1 = *p.find_deal("d1");
    d1.evidence[2].on = day("2026-04-02");
    p.replace_deal(d1);
    BOOST_TEST(kare::make_pipeline(p, fixture_as_of()).ignored.evidence == 1u);
}

BOOST_AUTO_TEST_CASE(a_total_that_does_not_fit_is_refused)
{
    kare::plan p;
    p.add_rep({"ana", "Ana", kare::rep_style::hunter});
    for (const char* id : {"x1", "x2"}) {
        kare::deal d = qualified_deal();
        d.id = id;
        d.amount = kare::money::from_minor(std::numeric_limits<std::int64_t>::max() - 1, 2);
        p.add_deal(d);
    }
    try {
        kare::make_pipeline(p, day("2026-01-20"));
        BOOST_FAIL("no error");
    } catch (const kare::error& e) {
        BOOST_TEST((e.code() == kare::errc::limit_exceeded));
    }
}

BOOST_AUTO_TEST_CASE(an_empty_pipeline)
{
    const auto r = kare::make_pipeline(kare::plan{}, day("2026-01-01"));
    BOOST_TEST(r.overall.total.to_string() == "0.00");
    BOOST_TEST(!r.overall.bloat_ratio().has_value());
    const json::value doc = json::parse(kare::write_pipeline(r));
    BOOST_TEST(doc.at("summary").at("bloat_ratio").is_null());
    BOOST_TEST(doc.at("by_rep").as_array().empty());
}

BOOST_AUTO_TEST_CASE(the_document)
{
    const kare::plan p = fixture_plan();
    const auto r = kare::make_pipeline(p, fixture_as_of());
    const std::string text = kare::write_pipeline(r);
    BOOST_TEST(kare::write_pipeline(kare::make_pipeline(p, fixture_as_of())) == text);
    const json::value doc = json::parse(text);
    BOOST_TEST(!has_float(doc));
    BOOST_TEST(doc.at("format").as_string() == "kare-pipeline");
    BOOST_TEST(doc.at("as_of").as_string() == "2026-03-31");
    BOOST_TEST(doc.at("rep").is_null());
    const auto& summary = doc.at("summary");
    BOOST_TEST(summary.at("total").as_string() == "392345.67");
    BOOST_TEST(summary.at("honest_total").as_string() == "127345.67");
    BOOST_TEST(summary.at("bloat_ratio").at("numerator").as_string() == "265000.00");
    BOOST_TEST(summary.at("bloat_ratio").at("denominator").as_string() == "392345.67");
    BOOST_TEST(summary.at("bloat_ratio").at("value").as_string() == "0.6754");
    BOOST_TEST(summary.at("states").at("dead").at("amount").as_string() == "70000.00");
    BOOST_TEST(doc.at("by_category").at("unknown_account").at("total").as_string() == "5000.00");
    BOOST_TEST(doc.at("by_rep").at(1).at("rep").as_string() == "ben");
    BOOST_TEST(doc.at("closed").at("lost").at("by_reason").at("competitor").as_int64() == 1);
    BOOST_TEST(doc.at("hope").at(0).at("deal").as_string() == "d5");
    const auto& d9 = doc.at("deals").at(8);
    BOOST_TEST(d9.at("state").is_null());
    BOOST_TEST(d9.at("outcome").as_string() == "won");
    const auto& d11 = doc.at("deals").at(10);
    BOOST_TEST(d11.at("explained").as_bool());
    BOOST_TEST(d11.at("cause").as_string() == "stall_explained");
    BOOST_TEST(doc.at("findings").as_array().size() == r.findings.size());
    // The main report document still reads the same way, deal findings included.
    const json::value report = json::parse(kare::write_report(kare::make_report(p, fixture_as_of())));
    BOOST_TEST(report.at("findings").at(0).at("subject").at("kind").as_string() == "deal");
}

BOOST_AUTO_TEST_SUITE_END()
