// The effort mix and its findings, raised and not raised.
#include "seed_plan.hpp"

#include <kare/effort.hpp>
#include <kare/error.hpp>
#include <kare/finding.hpp>
#include <kare/report.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {

using kare::category;

std::vector<std::string> codes(const std::vector<kare::finding>& findings)
{
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.code + ":" + f.subject_id);
    return out;
}

const kare::figure::value_type& figure(const kare::finding& f, std::string_view name)
{
    for (const auto& fig : f.figures)
        if (fig.name == name)
            return fig.value;
    BOOST_FAIL("no figure " << name << " in " << f.code);
    throw std::logic_error("unreachable");
}

std::int64_t whole(const kare::finding& f, std::string_view name)
{
    return std::get<std::int64_t>(figure(f, name));
}

// Bob's activities in the four weeks up to Thursday 2026-03-05, under the
// plan's explicit mix Keep 40 / Attain 25 / Recapture 10 / Expand 25.
struct mix_case {
    const char* name;
    int keep, expand;
    std::uint32_t tolerance, min_activities;
    std::vector<std::string> expected;
};

std::ostream& operator<<(std::ostream& os, const mix_case& c) { return os << c.name; }

const std::vector<mix_case> mix_cases{
    {"half on Keep is within 40 + 10", 10, 10, 10, 10, {}},
    {"55% on Keep is over 40 + 10", 11, 9, 10, 10, {"effort.keep_overinvested:bob"}},
    {"with no tolerance 41% is over", 41, 59, 0, 10, {"effort.keep_overinvested:bob"}},
    {"with no tolerance 40% is not", 40, 60, 0, 10, {}},
    {"nine Keep activities are too few to judge", 9, 0, 10, 10, {}},
    {"ten are enough, and Expand got nothing", 10, 0, 10, 10,
     {"effort.keep_overinvested:bob", "effort.category_neglected:bob"}},
    {"a minimum of zero still needs one activity", 0, 0, 10, 0, {}},
    {"Expand alone leaves Keep neglected", 0, 12, 10, 10, {"effort.category_neglected:bob"}},
};

kare::plan bob_worked(const mix_case& c)
{
    kare::plan p = seed::team();
    p.set_effort_policy({kare::effort_mix{40, 25, 10, 25}, c.tolerance, 28, c.min_activities});
    seed::log(p, "bob", "k1", "temperature_meeting", "2026-02-06", c.keep);
    seed::log(p, "bob", "e1", "expand_attempt", "2026-03-05", c.expand);
    return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(effort)

BOOST_AUTO_TEST_CASE(the_codes_are_registered)
{
    for (const char* code : {"effort.keep_overinvested", "effort.category_neglected"}) {
        const kare::finding_code* entry = kare::find_finding_code(code);
        BOOST_TEST_REQUIRE(entry != nullptr, code);
        BOOST_TEST(kare::to_string(entry->severity) == "warning");
        BOOST_TEST(kare::to_string(entry->subject) == "rep");
    }
}

BOOST_DATA_TEST_CASE(keep_over_investment, bdata::make(mix_cases), c)
{
    const auto findings = kare::effort_findings(bob_worked(c), seed::day("2026-03-05"), "bob");
    BOOST_TEST(codes(findings) == c.expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_keep_finding_carries_its_figures)
{
    const auto findings =
        kare::effort_findings(bob_worked(mix_cases[1]), seed::day("2026-03-05"), "bob");
    BOOST_TEST_REQUIRE(findings.size() == 1U);
    const kare::finding& f = findings[0];
    BOOST_TEST(kare::to_string(f.subject) == "rep");
    BOOST_TEST(whole(f, "keep_activities") == 11);
    BOOST_TEST(whole(f, "total_activities") == 20);
    BOOST_TEST(whole(f, "keep_share_percent") == 55);
    BOOST_TEST(whole(f, "intended_percent") == 40);
    BOOST_TEST(whole(f, "tolerance_points") == 10);
    BOOST_TEST(std::get<std::string>(figure(f, "window_first")) == "2026-02-06");
    BOOST_TEST(std::get<std::string>(figure(f, "window_last")) == "2026-03-05");
    BOOST_TEST(std::get<std::string>(figure(f, "mix_source")) == "policy");
    BOOST_TEST(f.message ==
               "'Bob' (bob) logged 11 of 20 activities (55%) toward Keep from 2026-02-06 to "
               "2026-03-05; the plan intends 40% with 10 points of tolerance.");
}

BOOST_AUTO_TEST_CASE(the_window_is_the_last_days_up_to_as_of)
{
    kare::plan p = seed::team();
    seed::log(p, "bob", "k1", "temperature_meeting", "2026-02-05", 5); // a day too early
    seed::log(p, "bob", "k1", "temperature_meeting", "2026-02-06", 2); // the first day
    seed::log(p, "bob", "e1", "expand_attempt", "2026-03-05", 3);      // as of
    seed::log(p, "bob", "e1", "expand_attempt", "2026-03-06", 4);      // after as of
    const kare::effort_summary s = kare::measure_effort(p, "bob", seed::day("2026-03-05"));
    BOOST_TEST(s.first.to_string() == "2026-02-06");
    BOOST_TEST(s.last.to_string() == "2026-03-05");
    BOOST_TEST(s.categories[0].activities == 2);
    BOOST_TEST(s.categories[3].activities == 3);
    BOOST_TEST(s.total == 5);
    BOOST_TEST(s.categories[0].accounts == 3);
    BOOST_TEST(s.categories[3].accounts == 1);
}

BOOST_AUTO_TEST_CASE(the_cookbook_implies_a_mix_when_the_policy_has_none)
{
    const kare::plan p = seed::team();
    const kare::date as_of = seed::day("2026-03-05");
    // Ann works Attain only.
    BOOST_TEST((kare::cookbook_mix(p, "ann", as_of) == kare::effort_mix{0, 100, 0, 0}));
    // Bob: Keep 52 meetings + 4 scorecards × 3 accounts = 64 a year; Expand
    // (25 + 1) × 52 = 1352. 64/1416 = 4.52%, 1352/1416 = 95.48%: the larger
    // remainder gives Keep the last point.
    BOOST_TEST((kare::cookbook_mix(p, "bob", as_of) == kare::effort_mix{5, 0, 0, 95}));
    // Cy: Keep 52 + 4 = 56; Recapture 4 × 52 + 12 = 220; 20.29% and 79.71%.
    BOOST_TEST((kare::cookbook_mix(p, "cy", as_of) == kare::effort_mix{20, 0, 80, 0}));
    BOOST_TEST(kare::to_string(kare::measure_effort(p, "cy", as_of).source) == "cookbook");
    BOOST_CHECK_THROW(kare::cookbook_mix(p, "zed", as_of), kare::error);
}

BOOST_AUTO_TEST_CASE(a_neglected_category_is_raised_against_the_cookbook_mix)
{
    kare::plan p = seed::team();
    seed::log(p, "cy", "k4", "temperature_meeting", "2026-03-02", 12);
    const auto findings = kare::effort_findings(p, seed::day("2026-03-05"));
    const std::vector<std::string> expected{"effort.keep_overinvested:cy",
                                            "effort.category_neglected:cy"};
    BOOST_TEST(codes(findings) == expected, boost::test_tools::per_element());
    const kare::finding& neglected = findings[1];
    BOOST_TEST(std::get<std::string>(figure(neglected, "category")) == "recapture");
    BOOST_TEST(whole(neglected, "accounts") == 2);
    BOOST_TEST(whole(neglected, "intended_percent") == 80);
    BOOST_TEST(whole(neglected, "total_activities") == 12);
    BOOST_TEST(neglected.message ==
               "'Cy' (cy) logged 12 activities from 2026-02-06 to 2026-03-05, none toward "
               "Recapture, which holds 2 of their accounts and should get 80% of the effort.");
}

BOOST_AUTO_TEST_CASE(no_neglect_where_the_plan_intends_nothing)
{
    kare::plan p = seed::team();
    p.set_effort_policy({kare::effort_mix{90, 5, 0, 5}, 10, 28, 10});
    seed::log(p, "cy", "k4", "temperature_meeting", "2026-03-02", 12);
    BOOST_TEST(kare::effort_findings(p, seed::day("2026-03-05"), "cy").empty());
}

BOOST_AUTO_TEST_CASE(no_neglect_of_a_category_without_accounts)
{
    kare::plan p = seed::team();
    p.set_effort_policy({kare::effort_mix{25, 25, 25, 25}, 10, 28, 10});
    seed::log(p, "ann", "p1", "dial", "2026-03-02", 40);
    BOOST_TEST(kare::effort_findings(p, seed::day("2026-03-05"), "ann").empty());
}

BOOST_AUTO_TEST_CASE(the_report_carries_the_effort_findings_of_its_scope)
{
    kare::plan p = seed::team();
    seed::log(p, "cy", "k4", "temperature_meeting", "2026-03-02", 12);
    seed::log(p, "bob", "k1", "temperature_meeting", "2026-03-02", 12);
    const kare::date as_of = seed::day("2026-03-05");
    const auto team = kare::make_report(p, as_of);
    const auto count = [](const kare::report& r, std::string_view code) {
        return std::count_if(r.findings.begin(), r.findings.end(),
                             [&](const kare::finding& f) { return f.code == code; });
    };
    BOOST_TEST(count(team, "effort.keep_overinvested") == 2);
    BOOST_TEST(count(team, "effort.category_neglected") == 2); // Bob's Expand, Cy's Recapture
    kare::report_options only_cy;
    only_cy.rep = "cy";
    const auto cy = kare::make_report(p, as_of, only_cy);
    BOOST_TEST(count(cy, "effort.keep_overinvested") == 1);
    for (const auto& f : cy.findings)
        if (f.code.rfind("effort.", 0) == 0)
            BOOST_TEST(f.subject_id == "cy");
    // A plan without activity raises no effort finding at all.
    BOOST_TEST(count(kare::make_report(seed::team(), as_of), "effort.category_neglected") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
