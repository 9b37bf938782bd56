// Priorities on a hand-computed fixture: every term, the score, the ranking
// and its tie-breaks, and the focus lists the ranking defines.
#include "review_fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace review_fixture;
using kare::category;
using kare::placement;
using kare::relationship;

namespace {

kare::deal open_deal(std::string id, std::string account, std::int64_t minor, bool qualified)
{
    kare::deal d;
    d.id = std::move(id);
    d.account = std::move(account);
    d.amount = kare::money::from_minor(minor, 2);
    d.stage = "proposal";
    d.opened = day("2026-10-01");
    d.last_activity = day("2026-11-20");
    d.expected_close = day("2026-12-31");
    if (qualified)
        for (const char* type : {"pain", "budget", "decision_process"})
            d.evidence.push_back({type, day("2026-10-05"), "meeting"});
    return d;
}

kare::account with(const char* id, relationship rel, placement where,
                   std::initializer_list<std::pair<const char*, kare::value>> attributes)
{
    kare::account a = client(id, "ana", rel, where);
    for (const auto& [field, v] : attributes)
        a.attributes[field] = v;
    return a;
}

// By hand (existing-client cost 1/8, exact in binary):
//   P1 keep      revenue 100000, growth low ×1, risk low ×0.9    -> EV 90000;  cost 2 × 1/8 = 0.25  -> 360000
//   P2 expand    revenue 50000 + qualified 20000, high ×2, medium ×0.7 -> EV 98000; cost 3 × 1/8 = 0.375 -> 261333.33
//   P3 attain    qualified 300000 (a 100000 hope deal does not count), high ×2, low ×0.9 -> EV 540000; cost 3 -> 180000
//   P5 attain    nothing yet, growth high                          -> 0 (growth 2 breaks the tie)
//   P4 recapture nothing recorded: ×1, ×0.7, cost 2                 -> 0
//   P6 unassigned: not ranked
kare::plan fixture()
{
    kare::plan p;
    p.add_rep({"ana", "Ana", kare::rep_style::both});
    kare::review_policy policy;
    policy.existing_client_cost = 0.125;
    // The terms above on their own; potential value and the recapture
    // fraction have their own cases below.
    policy.potential_value = 0;
    policy.recapture_cost = 1;
    policy.focus_min = 1;
    policy.focus_max = 1;
    p.set_review_policy(policy);
    p.add_account(with("P1", relationship::client, placement::in(category::keep),
                       {{"annual_revenue", 100000.0},
                        {"growth_potential", std::string("low")},
                        {"risk", std::string("low")},
                        {"cost_of_pursuit", std::string("medium")}}));
    p.add_account(with("P2", relationship::client, placement::in(category::expand),
                       {{"annual_revenue", 50000.0},
                        {"growth_potential", std::string("high")},
                        {"risk", std::string("medium")},
                        {"cost_of_pursuit", std::string("high")}}));
    p.add_account(with("P3", relationship::prospect, placement::in(category::attain),
                       {{"growth_potential", std::string("high")},
                        {"risk", std::string("low")},
                        {"cost_of_pursuit", std::string("high")}}));
    p.add_account(with("P4", relationship::former_client, placement::in(category::recapture), {}));
    p.add_account(with("P5", relationship::prospect, placement::in(category::attain),
                       {{"growth_potential", std::string("high")}}));
    p.add_account(with("P6", relationship::prospect, placement::unassigned(), {}));
    p.add_deal(open_deal("D2", "P2", 2'000'000, true));
    p.add_deal(open_deal("D3", "P3", 30'000'000, true));
    p.add_deal(open_deal("D3h", "P3", 10'000'000, false));
    return p;
}

std::vector<std::string> ids(const std::vector<kare::account_priority>& ranked)
{
    std::vector<std::string> out;
    for (const auto& line : ranked)
        out.push_back(line.id);
    return out;
}

const kare::account_priority& line_of(const std::vector<kare::account_priority>& ranked,
                                      const std::string& id)
{
    for (const auto& line : ranked)
        if (line.id == id)
            return line;
    BOOST_FAIL("no priority line for " << id);
    return ranked.front();
}

} // namespace

BOOST_AUTO_TEST_SUITE(priority)

BOOST_AUTO_TEST_CASE(the_ranking_matches_the_hand_computation)
{
    const auto ranked = kare::make_priorities(fixture(), as_of);
    BOOST_TEST(ids(ranked) == (std::vector<std::string>{"P1", "P2", "P3", "P5", "P4"}),
               boost::test_tools::per_element());
    const double scores[] = {360000, 261333.33, 180000, 0, 0};
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        BOOST_TEST(ranked[i].terms.score == scores[i]);
        BOOST_TEST(ranked[i].rank == i + 1);
    }
    BOOST_TEST(line_of(ranked, "P1").rank_in_category == 1u);
    BOOST_TEST(line_of(ranked, "P3").rank_in_category == 1u);
    BOOST_TEST(line_of(ranked, "P5").rank_in_category == 2u);
    BOOST_TEST(line_of(ranked, "P4").cat == category::recapture);
}

BOOST_AUTO_TEST_CASE(every_term_is_reported)
{
    const auto ranked = kare::make_priorities(fixture(), as_of);
    const kare::priority_terms& p2 = line_of(ranked, "P2").terms;
    BOOST_TEST(p2.revenue == 50000.0);
    BOOST_TEST(p2.qualified_pipeline.to_string() == "20000.00");
    BOOST_TEST(p2.value == 70000.0);
    BOOST_TEST(p2.growth_potential == "high");
    BOOST_TEST(p2.growth_factor == 2.0);
    BOOST_TEST(p2.risk == "medium");
    BOOST_TEST(p2.win_probability == 0.7);
    BOOST_TEST(p2.expected_value == 98000.0);
    BOOST_TEST(p2.cost_of_pursuit == "high");
    BOOST_TEST(p2.pursuit_cost == 3.0);
    BOOST_TEST(p2.existing_client);
    BOOST_TEST(p2.cost_fraction == 0.125);
    BOOST_TEST(p2.cost == 0.375);
    BOOST_TEST(p2.score == 261333.33);

    const kare::priority_terms& p3 = line_of(ranked, "P3").terms;
    BOOST_TEST(p3.qualified_pipeline.to_string() == "300000.00"); // hope does not count
    BOOST_TEST(!p3.existing_client);
    BOOST_TEST(p3.cost_fraction == 1.0);
    BOOST_TEST(p3.cost == 3.0);

    const kare::priority_terms& p4 = line_of(ranked, "P4").terms;
    BOOST_TEST(p4.growth_potential.empty());
    BOOST_TEST(p4.growth_factor == 1.0);
    BOOST_TEST(p4.risk.empty());
    BOOST_TEST(p4.win_probability == 0.7);
    BOOST_TEST(p4.pursuit_cost == 2.0);
    BOOST_TEST(p4.value == 0.0);
}

BOOST_AUTO_TEST_CASE(the_existing_client_fraction_moves_clients)
{
    kare::plan p = fixture();
    kare::review_policy policy = p.review_policy();
    policy.existing_client_cost = 1.0; // as dear as a new client
    p.set_review_policy(policy);
    const auto ranked = kare::make_priorities(p, as_of);
    // P3 540000/3 = 180000 now beats P1 90000/2 = 45000 and P2 98000/3 = 32666.67.
    BOOST_TEST(ids(ranked) == (std::vector<std::string>{"P3", "P1", "P2", "P5", "P4"}),
               boost::test_tools::per_element());
    BOOST_TEST(line_of(ranked, "P2").terms.score == 32666.67);
}

// By hand, with the defaults: the potential value is the clients' average
// revenue, (100000 + 50000) / 2 = 75000, and a former client costs half.
//   P3 attain    75000 + qualified 300000, ×2, ×0.9 -> EV 675000; cost 3           -> 225000
//   P4 recapture 75000, ×1, risk low ×0.9           -> EV 67500;  cost 2 × 0.5 = 1 -> 67500
//   P5 attain    75000, ×2, ×0.7                    -> EV 105000; cost 2           -> 52500
// Without its own cost factor P4 would score 33750, behind P5.
BOOST_AUTO_TEST_CASE(prospects_and_former_clients_rank_by_their_potential)
{
    kare::plan p = fixture();
    kare::review_policy policy = p.review_policy();
    policy.potential_value.reset();
    policy.recapture_cost = kare::review_policy{}.recapture_cost;
    p.set_review_policy(policy);
    kare::account p4 = *p.find_account("P4");
    p4.attributes["risk"] = std::string("low");
    p.replace_account(p4);
    const auto ranked = kare::make_priorities(p, as_of);
    BOOST_TEST(ids(ranked) == (std::vector<std::string>{"P1", "P2", "P3", "P4", "P5"}),
               boost::test_tools::per_element());
    const double scores[] = {360000, 261333.33, 225000, 67500, 52500};
    for (std::size_t i = 0; i < ranked.size(); ++i)
        BOOST_TEST(ranked[i].terms.score == scores[i]);
    const kare::priority_terms& t4 = line_of(ranked, "P4").terms;
    BOOST_TEST(t4.revenue == 0.0);
    BOOST_TEST(t4.potential_value == 75000.0);
    BOOST_TEST(t4.value == 75000.0);
    BOOST_TEST(t4.former_client);
    BOOST_TEST(!t4.existing_client);
    BOOST_TEST(t4.cost_fraction == 0.5);
    BOOST_TEST(t4.cost == 1.0);
    BOOST_TEST(line_of(ranked, "P3").terms.value == 375000.0);
    // Clients keep their own revenue: no potential is added to them.
    BOOST_TEST(line_of(ranked, "P1").terms.potential_value == 0.0);

    // An explicit potential of 10000:
    //   P3 310000 × 1.8 / 3 = 186000; P4 10000 × 0.9 / 1 = 9000; P5 10000 × 1.4 / 2 = 7000.
    policy.potential_value = 10000;
    p.set_review_policy(policy);
    const auto set = kare::make_priorities(p, as_of);
    BOOST_TEST(line_of(set, "P3").terms.score == 186000.0);
    BOOST_TEST(line_of(set, "P4").terms.score == 9000.0);
    BOOST_TEST(line_of(set, "P5").terms.score == 7000.0);
    BOOST_TEST((kare::score_account(p, *p.find_account("P4"), as_of) == line_of(set, "P4").terms));
}

BOOST_AUTO_TEST_CASE(an_account_with_revenue_on_record_gets_no_potential)
{
    kare::plan p = fixture();
    kare::review_policy policy = p.review_policy();
    policy.potential_value = 10000;
    p.set_review_policy(policy);
    kare::account p4 = *p.find_account("P4");
    p4.attributes["annual_revenue"] = 20000.0; // what the former client used to buy
    p.replace_account(p4);
    const kare::priority_terms t = kare::score_account(p, *p.find_account("P4"), as_of);
    BOOST_TEST(t.revenue == 20000.0);
    BOOST_TEST(t.potential_value == 0.0);
    BOOST_TEST(t.value == 20000.0);
}

BOOST_AUTO_TEST_CASE(score_account_is_the_same_score)
{
    const kare::plan p = fixture();
    const auto ranked = kare::make_priorities(p, as_of);
    for (const auto& line : ranked)
        BOOST_TEST((kare::score_account(p, *p.find_account(line.id), as_of) == line.terms));
}

BOOST_AUTO_TEST_CASE(the_focus_list_is_the_top_unless_named)
{
    kare::plan p = fixture();
    auto ranked = kare::make_priorities(p, as_of);
    BOOST_TEST(line_of(ranked, "P3").focus);
    BOOST_TEST(!line_of(ranked, "P5").focus); // focus_max is 1
    auto lists = kare::make_focus_lists(p, ranked);
    BOOST_REQUIRE(lists.size() == 4u);
    BOOST_TEST(lists[1].cat == category::attain);
    BOOST_TEST(lists[1].accounts == std::vector<std::string>{"P3"}, boost::test_tools::per_element());
    BOOST_TEST(lists[1].in_category == 2u);
    BOOST_TEST(!lists[1].named);

    kare::account p5 = *p.find_account("P5");
    p5.focus = true;
    p.replace_account(p5);
    ranked = kare::make_priorities(p, as_of);
    BOOST_TEST(!line_of(ranked, "P3").focus);
    BOOST_TEST(line_of(ranked, "P5").focus);
    lists = kare::make_focus_lists(p, ranked);
    BOOST_TEST(lists[1].named);
    BOOST_TEST(lists[1].accounts == std::vector<std::string>{"P5"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_rep_ranking_holds_their_accounts_only)
{
    kare::plan p = fixture();
    p.add_rep({"bo", "Bo", kare::rep_style::farmer});
    kare::account other = client("B1", "bo", relationship::client, placement::in(category::keep));
    p.add_account(other);
    BOOST_TEST(kare::make_priorities(p, as_of, "bo").size() == 1u);
    BOOST_TEST(kare::make_priorities(p, as_of, "ana").size() == 5u);
    BOOST_TEST(kare::make_priorities(p, as_of).size() == 6u);
    BOOST_CHECK_THROW(kare::make_priorities(p, as_of, "nobody"), kare::error);
}

BOOST_AUTO_TEST_CASE(a_deal_fact_after_as_of_is_refused)
{
    kare::plan p = fixture();
    kare::deal late = open_deal("D9", "P1", 100, false);
    late.opened = day("2026-12-01");
    late.last_activity.reset();
    p.add_deal(late);
    try {
        (void)kare::make_priorities(p, as_of);
        BOOST_FAIL("a deal opened after as-of was scored");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path().rfind("deals[3]", 0) == 0u);
    }
}

BOOST_AUTO_TEST_SUITE_END()
