// The leader's scoreboard: its figures on the bundled example, computed by
// hand from the plan (docs/review.md, "The scoreboard"), and how findings
// and deals are attributed to reps.
#include "fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace kare_test;

namespace {

const kare::scoreboard_row& row_of(const kare::scoreboard& board, const std::string& rep)
{
    for (const auto& row : board.reps)
        if (row.rep == rep)
            return row;
    BOOST_FAIL("no row for " + rep);
    return board.team;
}

std::vector<std::string> worst_codes(const kare::report& r, const kare::scoreboard_row& row)
{
    std::vector<std::string> out;
    for (std::size_t i : row.worst)
        out.push_back(r.findings.at(i).code + " " + r.findings.at(i).subject_id);
    return out;
}

using counts4 = std::array<std::size_t, 4>;
using shares4 = std::array<std::uint32_t, 4>;
using activities4 = std::array<std::int64_t, 4>;
using severities = std::array<std::size_t, 3>;

} // namespace

BOOST_AUTO_TEST_SUITE(scoreboard)

// Maya owns ACME, BRT, CDR, DLT (Keep), FLX, GRN, HLX, JNP (Expand), KST
// (Recapture), EVR, LMN, MRD (unassigned) and IRN (fired); her focus lists
// are the top of each quadrant: 4, 0, 1, 4.
BOOST_AUTO_TEST_CASE(maya_by_hand)
{
    const kare::report r = kare::make_report(example_plan(), day("2026-11-23"));
    BOOST_REQUIRE_EQUAL(r.scoreboard.reps.size(), 2u);
    BOOST_TEST(r.scoreboard.reps[0].rep == "maya"); // plan order
    const auto& maya = row_of(r.scoreboard, "maya");
    BOOST_TEST(maya.name == "Maya Chen");
    BOOST_TEST((maya.accounts == counts4{4, 0, 1, 4}));
    BOOST_TEST(maya.unassigned == 3u);
    BOOST_TEST(maya.fired == 1u);
    BOOST_TEST((maya.in_focus == counts4{4, 0, 1, 4}));
    // Six targets; both Recapture and both Expand ones not started.
    BOOST_TEST(maya.targets == 6u);
    BOOST_TEST(maya.targets_behind == 4u);
    // 57 activities: 15 Keep, 3 Recapture, 39 Expand; 15/57 = 26.3%.
    BOOST_TEST((maya.activities == activities4{15, 0, 3, 39}));
    BOOST_TEST((maya.share_percent == shares4{26, 0, 5, 68}));
    BOOST_REQUIRE(maya.intended_percent);
    BOOST_TEST((*maya.intended_percent == shares4{6, 0, 5, 89}));
    // D-101 120,000 and D-102 85,000 qualified; D-105 45,000, D-111 12,000
    // and D-112 84,000 hope.
    BOOST_TEST(maya.pipeline.open_deals == 5u);
    BOOST_TEST(maya.pipeline.total.to_string() == "346000.00");
    BOOST_TEST(maya.pipeline.honest_total.to_string() == "205000.00");
    BOOST_TEST(maya.pipeline.hope_total.to_string() == "141000.00");
    BOOST_TEST(maya.pipeline.bloat_ratio()->to_decimal(4) == "0.4075");
    // Warnings: 8 on her accounts, 4 on her deals (D-111 twice, D-112
    // twice), her effort; info: D-105 and two short focus lists.
    BOOST_TEST((maya.findings == severities{3, 13, 0}));
    BOOST_TEST((worst_codes(r, maya) ==
                std::vector<std::string>{"account.no_quarterly_review CDR-003",
                                         "move.client_lapsed CDR-003",
                                         "account.ambiguous EVR-005"}));
}

BOOST_AUTO_TEST_CASE(leo_by_hand)
{
    const kare::report r = kare::make_report(example_plan(), day("2026-11-23"));
    const auto& leo = row_of(r.scoreboard, "leo");
    BOOST_TEST((leo.accounts == counts4{2, 4, 3, 1}));
    BOOST_TEST(leo.unassigned == 2u);
    BOOST_TEST(leo.fired == 1u);
    // He names two Attain accounts; the other lists are the top of each quadrant.
    BOOST_TEST((leo.in_focus == counts4{2, 2, 3, 1}));
    // Six targets: a hunter owes no Keep or Expand effort (the rep-fit
    // rule); dials, conversations and the recapture meeting keep pace.
    BOOST_TEST(leo.targets == 6u);
    BOOST_TEST(leo.targets_behind == 3u);
    BOOST_TEST((leo.activities == activities4{0, 145, 10, 0}));
    // 145/155 = 93.5%, halves up: 94; 10/155 = 6.5%: 6.
    BOOST_TEST((leo.share_percent == shares4{0, 94, 6, 0}));
    BOOST_TEST((*leo.intended_percent == shares4{0, 93, 7, 0}));
    BOOST_TEST(leo.pipeline.open_deals == 7u);
    BOOST_TEST(leo.pipeline.total.to_string() == "895000.00");
    BOOST_TEST(leo.pipeline.honest_total.to_string() == "240000.00");
    BOOST_TEST(leo.pipeline.hope_total.to_string() == "655000.00");
    // Warnings: 6 on accounts, 6 on deals, style; info: the Yarrow move,
    // D-108, his short Attain list.
    BOOST_TEST((leo.findings == severities{3, 13, 0}));
    BOOST_TEST((worst_codes(r, leo) ==
                std::vector<std::string>{"account.unassigned RDG-018",
                                         "account.contradicts_profile UMB-021",
                                         "account.no_quarterly_review UMB-021"}));
}

BOOST_AUTO_TEST_CASE(team_total_row)
{
    const kare::report r = kare::make_report(example_plan(), day("2026-11-23"));
    const auto& team = r.scoreboard.team;
    BOOST_TEST(team.rep.empty());
    BOOST_TEST((team.accounts == counts4{6, 4, 4, 5}));
    BOOST_TEST(team.unassigned == 5u);
    BOOST_TEST(team.fired == 2u);
    BOOST_TEST((team.in_focus == counts4{6, 2, 4, 5}));
    BOOST_TEST(team.targets == 12u);
    BOOST_TEST(team.targets_behind == 7u);
    // 212 activities: 15/212 = 7.1%, 145/212 = 68.4%, 13/212 = 6.1%, 39/212 = 18.4%.
    BOOST_TEST((team.activities == activities4{15, 145, 13, 39}));
    BOOST_TEST((team.share_percent == shares4{7, 68, 6, 18}));
    BOOST_TEST(!team.intended_percent); // the two reps intend different mixes
    BOOST_TEST(team.pipeline.total.to_string() == "1241000.00");
    BOOST_TEST(team.pipeline.honest_total.to_string() == "445000.00");
    BOOST_TEST(team.pipeline.bloat_ratio()->to_decimal(4) == "0.6414");
    BOOST_TEST((team.findings == severities{6, 26, 0}));
    BOOST_TEST(team.findings[0] + team.findings[1] + team.findings[2] == r.findings.size());
    BOOST_TEST((team.worst == std::vector<std::size_t>{0, 1, 2}));
}

BOOST_AUTO_TEST_CASE(one_rep_narrows_to_one_row)
{
    const kare::report r =
        kare::make_report(example_plan(), day("2026-11-23"), kare::report_options{"leo"});
    BOOST_REQUIRE_EQUAL(r.scoreboard.reps.size(), 1u);
    const auto& leo = r.scoreboard.reps[0];
    BOOST_TEST(leo.rep == "leo");
    BOOST_TEST((leo.findings == severities{3, 13, 0}));
    // The team row of a one-rep report is that rep's.
    BOOST_TEST((r.scoreboard.team.accounts == leo.accounts));
    BOOST_TEST((r.scoreboard.team.findings == leo.findings));
    BOOST_TEST(r.scoreboard.team.pipeline.total.to_string() == "895000.00");
    BOOST_TEST((*r.scoreboard.team.intended_percent == shares4{0, 93, 7, 0}));
}

// A finding belongs to the rep working the deal, not the account's owner,
// and a deal with a rep outside the plan's reps counts on the team row only.
BOOST_AUTO_TEST_CASE(deal_findings_follow_the_deal_owner)
{
    kare::plan p = example_plan();
    const kare::report before = kare::make_report(p, day("2026-11-23"));
    const auto maya_before = row_of(before.scoreboard, "maya").findings;
    const auto leo_before = row_of(before.scoreboard, "leo").findings;
    kare::deal d = p.deals()[p.deal_index("D-112").value()];
    d.owner = "leo";
    p.replace_deal(d);
    const kare::report after = kare::make_report(p, day("2026-11-23"));
    // D-112 raises two warnings: they move from Maya to Leo, with its amount.
    BOOST_TEST(row_of(after.scoreboard, "maya").findings[1] == maya_before[1] - 2);
    BOOST_TEST(row_of(after.scoreboard, "leo").findings[1] == leo_before[1] + 2);
    BOOST_TEST(row_of(after.scoreboard, "leo").pipeline.total.to_string() == "979000.00");
    BOOST_TEST((after.scoreboard.team.findings == before.scoreboard.team.findings));
}

BOOST_AUTO_TEST_CASE(a_plan_without_reps_has_only_the_team_row)
{
    kare::plan p;
    const kare::report r = kare::make_report(p, day("2026-11-23"));
    BOOST_TEST(r.scoreboard.reps.empty());
    BOOST_TEST(r.scoreboard.team.targets == 0u);
    BOOST_TEST((r.scoreboard.team.share_percent == shares4{0, 0, 0, 0}));
    BOOST_TEST(!r.scoreboard.team.intended_percent);
    BOOST_TEST(r.scoreboard.team.worst.empty());
}

BOOST_AUTO_TEST_SUITE_END()
