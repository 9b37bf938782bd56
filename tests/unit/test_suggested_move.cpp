// Suggested moves: the evidence they carry, where a won Attain account goes,
// and accepting one through the plan's normal move.
#include "review_fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace review_fixture;
using kare::category;
using kare::placement;
using kare::relationship;

namespace {

kare::criterion client_rule()
{
    kare::criterion c;
    c.field = "relationship";
    c.op = kare::criterion_op::eq;
    c.operands = {std::string("client")};
    return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(suggested_move)

BOOST_AUTO_TEST_CASE(a_won_attain_account_carries_its_deals)
{
    kare::plan p = base();
    p.add_deal(closed_deal("W2", "A1", "2026-09-01", "2026-11-10", kare::deal_outcome::won, 500));
    p.add_deal(closed_deal("W1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::won, 250));
    const auto moves = kare::suggest_moves(p, as_of);
    BOOST_REQUIRE(moves.size() == 1u);
    const kare::suggested_move& m = moves[0];
    BOOST_TEST(m.code == "move.attain_won");
    BOOST_TEST(m.account == "A1");
    BOOST_TEST(m.from == category::attain);
    BOOST_TEST(m.to == category::keep);
    BOOST_REQUIRE(m.won_deals.size() == 2u);
    BOOST_TEST(m.won_deals[0].id == "W1"); // oldest first
    BOOST_TEST(m.won_deals[1].amount.to_string() == "5.00");
    BOOST_TEST(!m.last_purchase);
    // As a client A1 meets neither client profile: Keep is the fallback, and says so.
    BOOST_TEST(m.reason == "Won W1 (2.50 USD, 2026-11-02) and W2 (5.00 USD, 2026-11-10): a client "
                           "now; neither Keep's nor Expand's profile matches it, so Keep, where a "
                           "new client is protected first.");
    BOOST_TEST((kare::suggest_move(p, *p.find_account("A1"), as_of) == m));
}

BOOST_AUTO_TEST_CASE(a_won_account_goes_where_its_profiles_say)
{
    kare::plan p = base();
    kare::account a = *p.find_account("A1");
    a.attributes["growth_potential"] = std::string("high");
    a.attributes["profitability"] = std::string("high");
    p.replace_account(a);
    p.add_deal(closed_deal("W1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::won));
    const std::string won = "Won W1 (10000.00 USD, 2026-11-02): a client now; ";
    // As a client it meets the default Expand profile, not Keep's.
    BOOST_TEST(kare::suggest_moves(p, as_of).at(0).to == category::expand);
    BOOST_TEST(kare::suggest_moves(p, as_of).at(0).reason == won + "its profiles point to Expand.");

    // Both profiles hold: Keep, unless the plan's tie-break prefers Expand.
    kare::profile_set set = p.profiles();
    set.profiles[static_cast<std::size_t>(category::keep)]->rule = client_rule();
    set.profiles[static_cast<std::size_t>(category::expand)]->rule = client_rule();
    p.set_profiles(set);
    BOOST_TEST(kare::suggest_moves(p, as_of).at(0).to == category::keep);
    BOOST_TEST(kare::suggest_moves(p, as_of).at(0).reason ==
               won + "both Keep's and Expand's profiles match it, so Keep, where a new client is "
                     "protected first.");
    set.ties.how = kare::tie_break::mode::category_order;
    p.set_profiles(set);
    BOOST_TEST(kare::suggest_moves(p, as_of).at(0).to == category::expand);
    BOOST_TEST(kare::suggest_moves(p, as_of).at(0).reason ==
               won + "both Keep's and Expand's profiles match it and the plan's tie-break picks "
                     "Expand.");
}

BOOST_AUTO_TEST_CASE(a_won_account_no_profile_matches_goes_to_keep_and_says_so)
{
    kare::plan p = base();
    kare::profile_set set = p.profiles();
    kare::criterion never = client_rule();
    never.operands = {std::string("prospect")}; // a won account is taken as a client
    set.profiles[static_cast<std::size_t>(category::keep)]->rule = never;
    set.profiles[static_cast<std::size_t>(category::expand)]->rule = never;
    p.set_profiles(set);
    p.add_deal(closed_deal("W1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::won));
    const auto moves = kare::suggest_moves(p, as_of);
    BOOST_REQUIRE(moves.size() == 1u);
    BOOST_TEST(moves[0].to == category::keep);
    // Keep is the fallback here, not what the profiles say.
    BOOST_TEST(moves[0].reason ==
               "Won W1 (10000.00 USD, 2026-11-02): a client now; neither Keep's nor Expand's profile "
               "matches it, so Keep, where a new client is protected first.");
}

BOOST_AUTO_TEST_CASE(a_lapsed_client_carries_its_last_purchase)
{
    kare::plan p = base();
    kare::account k1 = *p.find_account("K1");
    k1.attributes["last_purchase"] = day("2025-06-30");
    p.replace_account(k1);
    const auto moves = kare::suggest_moves(p, as_of);
    BOOST_REQUIRE(moves.size() == 1u);
    BOOST_TEST(moves[0].code == "move.client_lapsed");
    BOOST_TEST(moves[0].to == category::recapture);
    BOOST_TEST(moves[0].last_purchase->to_string() == "2025-06-30");
    BOOST_TEST(moves[0].days_since_purchase == 511);
    BOOST_TEST(moves[0].lapse_days == 365u);
    BOOST_TEST(moves[0].won_deals.empty());
}

BOOST_AUTO_TEST_CASE(a_recaptured_client_goes_back_to_keep)
{
    kare::plan p = base();
    p.move("R1", placement::unassigned(), day("2026-01-10"), "Parked.");
    p.assign("R1", category::recapture, day("2026-02-01"), "Worth winning back.");
    p.add_deal(closed_deal("OLD", "R1", "2025-01-01", "2025-03-01", kare::deal_outcome::won));
    BOOST_TEST(kare::suggest_moves(p, as_of).empty()); // only a new win counts
    p.add_deal(closed_deal("NEW", "R1", "2026-06-01", "2026-11-01", kare::deal_outcome::won));
    const auto moves = kare::suggest_moves(p, as_of);
    BOOST_REQUIRE(moves.size() == 1u);
    BOOST_TEST(moves[0].code == "move.recapture_won");
    BOOST_TEST(moves[0].to == category::keep);
    BOOST_TEST(moves[0].in_category_since->to_string() == "2026-02-01");
    BOOST_REQUIRE(moves[0].won_deals.size() == 1u);
    BOOST_TEST(moves[0].won_deals[0].id == "NEW");
}

BOOST_AUTO_TEST_CASE(a_win_older_than_the_last_purchase_is_not_a_recapture)
{
    kare::plan p = base();
    kare::account r1 = *p.find_account("R1");
    r1.attributes["last_purchase"] = day("2026-03-01");
    p.replace_account(r1);
    // Won in 2025, bought again in March, then lapsed: nothing was won back.
    p.add_deal(closed_deal("OLD", "R1", "2025-09-01", "2025-12-01", kare::deal_outcome::won));
    BOOST_TEST(kare::suggest_moves(p, as_of).empty());
    // A win on the last purchase's day is that purchase: a CRM that records the
    // win as the purchase counts it.
    p.add_deal(closed_deal("SAME", "R1", "2026-01-05", "2026-03-01", kare::deal_outcome::won));
    auto moves = kare::suggest_moves(p, as_of);
    BOOST_REQUIRE(moves.size() == 1u);
    BOOST_TEST(moves[0].code == "move.recapture_won");
    BOOST_REQUIRE(moves[0].won_deals.size() == 1u);
    BOOST_TEST(moves[0].won_deals[0].id == "SAME");
}

BOOST_AUTO_TEST_CASE(accepting_moves_the_account_and_records_why)
{
    kare::plan p = base();
    p.add_deal(closed_deal("W1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::won));
    const kare::suggested_move m = kare::suggest_moves(p, as_of).at(0);
    const std::size_t history = p.find_account("A1")->history.size();
    kare::accept(p, m, as_of);
    const kare::account& a = *p.find_account("A1");
    BOOST_TEST(a.decision == placement::in(category::keep));
    BOOST_REQUIRE(a.history.size() == history + 1);
    BOOST_TEST(a.history.back().reason == m.reason);
    BOOST_TEST((a.history.back().on == as_of));
    BOOST_TEST(a.history.back().from == placement::in(category::attain));
    BOOST_TEST(a.relationship == relationship::prospect); // a CRM fact, left alone
    // The suggestion is spent: the account is no longer in Attain.
    BOOST_TEST(kare::suggest_moves(p, as_of).empty());
}

BOOST_AUTO_TEST_CASE(a_refused_acceptance_changes_nothing)
{
    kare::plan p = base();
    p.add_deal(closed_deal("W1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::won));
    const kare::suggested_move m = kare::suggest_moves(p, as_of).at(0);
    p.move("A1", placement::unassigned(), day("2026-11-20"), "Parked.");
    const std::string before = kare::write_plan(p);
    try {
        kare::accept(p, m, as_of);
        BOOST_FAIL("a stale suggestion was accepted");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::conflict);
    }
    kare::suggested_move ghost = m;
    ghost.account = "NOPE";
    BOOST_CHECK_THROW(kare::accept(p, ghost, as_of), kare::error);
    BOOST_TEST(kare::write_plan(p) == before);

    // Dated before the last recorded decision: refused by plan::move.
    p.assign("A1", category::attain, day("2026-11-21"), "Back.");
    const std::string again = kare::write_plan(p);
    BOOST_CHECK_THROW(kare::accept(p, m, day("2026-11-01")), kare::error);
    BOOST_TEST(kare::write_plan(p) == again);
}

BOOST_AUTO_TEST_CASE(the_report_document_lists_the_moves)
{
    kare::plan p = base();
    p.add_deal(closed_deal("W1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::won));
    const auto doc = boost::json::parse(kare::write_report(kare::make_report(p, as_of))).as_object();
    const auto& moves = doc.at("suggested_moves").as_array();
    BOOST_REQUIRE(moves.size() == 1u);
    const auto& m = moves[0].as_object();
    BOOST_TEST(m.at("code").as_string() == "move.attain_won");
    BOOST_TEST(m.at("from").as_string() == "attain");
    BOOST_TEST(m.at("to").as_string() == "keep");
    BOOST_TEST(m.at("evidence").at("won_deals").as_array()[0].at("id").as_string() == "W1");
    BOOST_TEST(m.at("evidence").at("last_purchase").is_null());
}

BOOST_AUTO_TEST_SUITE_END()
