// The effort mix and its findings, raised and not raised.
#include "seed_plan.hpp"

#include <kare/effort.hpp>
#include <kare/error.hpp>
#include <kare/finding.hpp>
#include <kare/percent.hpp>
#include <kare/report.hpp>
#include <kare/review_policy.hpp>

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

BOOST_AUTO_TEST_CASE(one_rounding_rule_for_every_percentage)
{
    // Nearest whole percent, halves up.
    BOOST_TEST(kare::whole_percent(15, 57) == 26); // 26.32
    BOOST_TEST(kare::whole_percent(1, 8) == 13);   // 12.5
    BOOST_TEST(kare::whole_percent(1, 3) == 33);   // 33.33
    BOOST_TEST(kare::whole_percent(2, 3) == 67);   // 66.67
    BOOST_TEST(kare::whole_percent(1, 200) == 1);  // 0.5
    BOOST_TEST(kare::whole_percent(1, 201) == 0);  // 0.498
    BOOST_TEST(kare::whole_percent(57, 57) == 100);
    BOOST_TEST(kare::whole_percent(0, 57) == 0);
    BOOST_TEST(kare::whole_percent(5, 0) == 0);
    static_assert(kare::whole_percent(3, 8) == 38); // 37.5
}

BOOST_AUTO_TEST_CASE(the_keep_finding_shows_and_compares_the_rounded_share)
{
    // 15 of 57 is 26.32%, shown 26%. Against 15 + 10 points it is over ...
    mix_case over{"", 15, 42, 10, 10, {}};
    kare::plan p = bob_worked(over);
    p.set_effort_policy({kare::effort_mix{15, 25, 10, 50}, 10, 28, 10});
    auto findings = kare::effort_findings(p, seed::day("2026-03-05"), "bob");
    BOOST_TEST_REQUIRE(findings.size() == 1U);
    BOOST_TEST(whole(findings[0], "keep_share_percent") == 26);
    BOOST_TEST(findings[0].message ==
               "'Bob' (bob) logged 15 of 57 activities (26%) toward Keep from 2026-02-06 to "
               "2026-03-05; the plan intends 15% with 10 points of tolerance.");
    // ... and against 16 + 10 it is not: a finding never shows a share within its limit.
    p.set_effort_policy({kare::effort_mix{16, 24, 10, 50}, 10, 28, 10});
    BOOST_TEST(kare::effort_findings(p, seed::day("2026-03-05"), "bob").empty());
}

BOOST_AUTO_TEST_CASE(a_style_that_does_not_fit_asks_no_effort_under_focus)
{
    kare::plan p = seed::team();
    // Ann, a hunter, is given a Keep client: under focus it asks nothing of her.
    p.add_account(seed::account("k9", "ann", kare::relationship::client,
                                kare::placement::in(category::keep)));
    const kare::date as_of = seed::day("2026-03-05");
    BOOST_TEST((kare::cookbook_mix(p, "ann", as_of) == kare::effort_mix{0, 100, 0, 0}));
    seed::log(p, "ann", "p1", "dial", "2026-03-02", 12);
    BOOST_TEST(kare::effort_findings(p, as_of, "ann").empty()); // Keep is not neglected
    BOOST_TEST(kare::measure_effort(p, "ann", as_of).categories[0].accounts == 1);

    // Under blend every account asks effort of its owner: one of three
    // accounts owes ⌈1/3⌉ × 52 + 4 = 56 Keep a year against
    // (40 + 5 + 1 + 5) × 52 = 2652 Attain; 2.07% and 97.93%.
    kare::review_policy review = p.review_policy();
    review.rep_fit = kare::rep_fit_strategy::blend;
    p.set_review_policy(review);
    BOOST_TEST((kare::cookbook_mix(p, "ann", as_of) == kare::effort_mix{2, 98, 0, 0}));
    BOOST_TEST(codes(kare::effort_findings(p, as_of, "ann")) ==
                   std::vector<std::string>{"effort.category_neglected:ann"},
               boost::test_tools::per_element());
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
    // The seed team's focus target is 3 accounts. Ann works Attain only.
    BOOST_TEST((kare::cookbook_mix(p, "ann", as_of) == kare::effort_mix{0, 100, 0, 0}));
    // Bob: Keep 52 meetings + 4 scorecards × 3 accounts = 64 a year; his one
    // Expand account owes a third of the per-rep targets, rounded up:
    // (⌈25/3⌉ + ⌈1/3⌉) × 52 = (9 + 1) × 52 = 520. 64/584 = 10.96%,
    // 520/584 = 89.04%: the larger remainder gives Keep the last point.
    BOOST_TEST((kare::cookbook_mix(p, "bob", as_of) == kare::effort_mix{11, 0, 0, 89}));
    // Cy: Keep ⌈1/3⌉ × 52 + 4 × 1 = 56; Recapture ⌈4 × 2/3⌉ × 52 + ⌈2/3⌉ × 12
    // = 156 + 12 = 168; 56/224 = 25%, 168/224 = 75%.
    BOOST_TEST((kare::cookbook_mix(p, "cy", as_of) == kare::effort_mix{25, 0, 75, 0}));
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
    BOOST_TEST(whole(neglected, "intended_percent") == 75);
    BOOST_TEST(whole(neglected, "total_activities") == 12);
    BOOST_TEST(neglected.message ==
               "'Cy' (cy) logged 12 activities from 2026-02-06 to 2026-03-05, none toward "
               "Recapture, which holds 2 of their accounts and should get 75% of the effort.");
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
