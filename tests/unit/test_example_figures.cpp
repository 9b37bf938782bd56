// The bundled example's figures that the method's own reading corrected,
// each recomputed by hand from the plan as of 2026-11-23.
#include "fixtures.hpp"

#include <kare/effort.hpp>
#include <kare/finding.hpp>
#include <kare/priority.hpp>
#include <kare/progress.hpp>
#include <kare/report.hpp>
#include <kare/suggested_move.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

const kare::date as_of = kare_test::day("2026-11-23");

const kare::plan& example()
{
    static const kare::plan p = kare_test::example_plan();
    return p;
}

std::vector<kare::finding> findings_of(std::string_view rep, std::string_view code)
{
    kare::report_options options;
    options.rep = std::string(rep);
    std::vector<kare::finding> out;
    for (const auto& f : kare::make_report(example(), as_of, options).findings)
        if (f.code == code)
            out.push_back(f);
    return out;
}

double score_of(std::string_view id)
{
    for (const auto& line : kare::make_priorities(example(), as_of))
        if (line.id == id)
            return line.terms.score;
    BOOST_FAIL("no priority for " << id);
    return 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(example_figures)

// Maya logged 15 of her 57 activities toward Keep: 26.32%, shown 26% by the
// finding as by `kare progress` (one rounding rule, nearest).
BOOST_AUTO_TEST_CASE(maya_keep_share_is_26_percent)
{
    const kare::effort_summary s = kare::measure_effort(example(), "maya", as_of);
    BOOST_TEST(s.categories[0].activities == 15);
    BOOST_TEST(s.total == 57);
    const auto over = findings_of("maya", "effort.keep_overinvested");
    BOOST_TEST_REQUIRE(over.size() == 1U);
    const auto& figures = over[0].figures;
    const auto share = std::find_if(figures.begin(), figures.end(),
                                    [](const kare::figure& f) { return f.name == "keep_share_percent"; });
    BOOST_TEST_REQUIRE((share != figures.end()));
    BOOST_TEST(std::get<std::int64_t>(share->value) == 26);
    BOOST_TEST(over[0].message.find("15 of 57 activities (26%)") != std::string::npos);
}

// Leo, a hunter, owns 2 Keep, 4 Attain, 3 Recapture and 1 Expand accounts.
// Under the focus strategy only Attain and Recapture ask effort of him, each
// per-rep target scaled to his accounts against a focus target of 5:
//   Attain    dials ⌈40 × 4/5⌉ = 32, conversations ⌈5 × 4/5⌉ = 4, referral
//             asks ⌈1 × 4/5⌉ = 1, LinkedIn touches ⌈5 × 4/5⌉ = 4: 41 a week,
//             2132 a year
//   Recapture calls ⌈4 × 3/5⌉ = 3 a week (156 a year), meetings ⌈1 × 3/5⌉ = 1
//             a month (12): 168 a year
// 2132/2300 = 92.70%, 168/2300 = 7.30%: Attain takes the last point.
BOOST_AUTO_TEST_CASE(leo_is_asked_no_effort_on_accounts_his_style_does_not_fit)
{
    BOOST_TEST((kare::cookbook_mix(example(), "leo", as_of) == kare::effort_mix{0, 93, 7, 0}));
    BOOST_TEST(findings_of("leo", "effort.category_neglected").empty());

    kare::progress_options only_leo;
    only_leo.rep = "leo";
    const kare::progress_report r = kare::make_progress(example(), as_of, only_leo);
    BOOST_TEST_REQUIRE(r.reps.size() == 1U);
    std::vector<std::string> lines;
    for (const auto& t : r.reps[0].targets)
        lines.push_back(std::string(kare::to_string(t.goal.cat)) + " " + t.goal.activity + " " +
                        std::to_string(t.current.target));
    const std::vector<std::string> expected{
        "attain dial 32", "attain conversation 4", "attain referral_ask 1", "attain linkedin_touch 4",
        "recapture where_are_they_now_call 3", "recapture recapture_meeting 1"};
    BOOST_TEST(lines == expected, boost::test_tools::per_element());

    // The rep-fit finding asks for a reassignment instead, to the farmer.
    const auto mismatch = findings_of("leo", "rep.style_mismatch");
    BOOST_TEST_REQUIRE(mismatch.size() == 1U);
    BOOST_TEST(mismatch[0].message ==
               "'Leo Okafor' (leo), a hunter, works 3 of 10 categorised accounts in quadrants "
               "that do not suit that style: UMB-021 (Keep), VRT-022 (Keep) and XEN-024 (Expand); "
               "under the plan's focus strategy they ask no effort of this rep: reassign them to "
               "'Maya Chen' (maya).");
}

// Yarrow Media meets neither client profile once won: Keep is the fallback,
// and the sentence says so instead of claiming its profiles point there.
BOOST_AUTO_TEST_CASE(yarrow_media_move_says_what_holds)
{
    const auto moves = kare::suggest_moves(example(), as_of, "leo");
    const auto it = std::find_if(moves.begin(), moves.end(),
                                 [](const kare::suggested_move& m) { return m.account == "YRW-025"; });
    BOOST_TEST_REQUIRE((it != moves.end()));
    BOOST_TEST(it->code == "move.attain_won");
    BOOST_TEST(it->to == kare::category::keep);
    BOOST_TEST(it->reason ==
               "Won D-115 (28000.00 USD, 2026-11-12): a client now; neither Keep's nor Expand's "
               "profile matches it, so Keep, where a new client is protected first.");
}

// The example's 13 clients earn 884,000 a year: an average of 68,000, the
// potential value of every prospect and former client without revenue.
// Former clients cost 2 × 0.5 = 1; win probability 0.7 when risk is not set.
//   TDL-020 growth high:   68000 × 2   × 0.7 / 1 = 95200
//   ZPH-026 growth medium: 68000 × 1.5 × 0.7 / 1 = 71400
//   SLT-019 growth low:    68000 × 1   × 0.7 / 1 = 47600
//   KST-011 medium, risk medium: 68000 × 1.5 × 0.7 / 1 = 71400
// Prospects cost their full pursuit cost:
//   YRW-025 medium, risk low, cost low:  68000 × 1.5 × 0.9 / 1 = 91800
//   NVA-014 high, risk low, cost high:   68000 × 2 × 0.9 / 3 = 40800 (D-106 is hope)
//   PKR-016 high, risk low, cost high:   (68000 + 240000) × 2 × 0.9 / 3 = 184800
BOOST_AUTO_TEST_CASE(prospects_and_former_clients_rank_by_potential)
{
    BOOST_TEST(score_of("TDL-020") == 95200.0);
    BOOST_TEST(score_of("ZPH-026") == 71400.0);
    BOOST_TEST(score_of("SLT-019") == 47600.0);
    BOOST_TEST(score_of("KST-011") == 71400.0);
    BOOST_TEST(score_of("YRW-025") == 91800.0);
    BOOST_TEST(score_of("NVA-014") == 40800.0);
    BOOST_TEST(score_of("PKR-016") == 184800.0);
    const kare::priority_terms t =
        kare::score_account(example(), *example().find_account("TDL-020"), as_of);
    BOOST_TEST(t.potential_value == 68000.0);
    BOOST_TEST(t.former_client);
    BOOST_TEST(t.cost_fraction == 0.5);
}

BOOST_AUTO_TEST_SUITE_END()
