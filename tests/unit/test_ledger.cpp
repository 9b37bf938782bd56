// One category per account: assignments, deliberate moves, firing, history,
// and the strong guarantee on every refusal.
#include "fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

namespace bdata = boost::unit_test::data;
using namespace kare_test;
using kare::category;
using kare::placement;

namespace {

struct refusal {
    const char* name;
    std::function<void(kare::plan&)> operation;
    kare::errc code;
};

std::ostream& operator<<(std::ostream& os, const refusal& r)
{
    return os << r.name;
}

const std::vector<refusal> refusals{
    {"assign over another category", [](kare::plan& p) { p.assign("DLT-004", category::expand, day("2026-11-01")); }, kare::errc::conflict},
    {"assign a fired account", [](kare::plan& p) { p.assign("IRN-009", category::keep, day("2026-11-01")); }, kare::errc::conflict},
    {"assign unknown account", [](kare::plan& p) { p.assign("NOPE", category::keep, day("2026-11-01")); }, kare::errc::not_found},
    {"move without reason", [](kare::plan& p) { p.move("DLT-004", placement::in(category::expand), day("2026-11-01"), ""); }, kare::errc::invalid_argument},
    {"move to the same place", [](kare::plan& p) { p.move("DLT-004", placement::in(category::keep), day("2026-11-01"), "why"); }, kare::errc::conflict},
    {"move dated before last decision", [](kare::plan& p) { p.move("DLT-004", placement::in(category::expand), day("2026-01-01"), "why"); }, kare::errc::conflict},
    {"move to fired", [](kare::plan& p) { p.move("DLT-004", placement::fired(), day("2026-11-01"), "why"); }, kare::errc::invalid_argument},
    {"move with control character", [](kare::plan& p) { p.move("DLT-004", placement::in(category::expand), day("2026-11-01"), "bad\x07"); }, kare::errc::invalid_plan},
    {"fire without action", [](kare::plan& p) { p.fire("DLT-004", day("2026-11-01"), "why", ""); }, kare::errc::invalid_argument},
    {"fire without reason", [](kare::plan& p) { p.fire("DLT-004", day("2026-11-01"), "", "end_relationship"); }, kare::errc::invalid_argument},
    {"fire twice", [](kare::plan& p) { p.fire("IRN-009", day("2026-11-01"), "why", "end_relationship"); }, kare::errc::conflict},
    {"add duplicate account", [](kare::plan& p) { auto a = *p.find_account("DLT-004"); p.add_account(a); }, kare::errc::conflict},
    {"add account with unknown owner", [](kare::plan& p) { auto a = *p.find_account("DLT-004"); a.id = "NEW"; a.owner = "zed"; p.add_account(a); }, kare::errc::invalid_plan},
    {"replace with bad attribute", [](kare::plan& p) { auto a = *p.find_account("DLT-004"); a.attributes["seats"] = -5.0; p.replace_account(a); }, kare::errc::invalid_plan},
    {"replace unknown", [](kare::plan& p) { auto a = *p.find_account("DLT-004"); a.id = "NEW"; p.replace_account(a); }, kare::errc::not_found},
    {"remove unknown", [](kare::plan& p) { p.remove_account("NEW"); }, kare::errc::not_found},
    {"add duplicate rep", [](kare::plan& p) { p.add_rep({"maya", "Maya", kare::rep_style::both}); }, kare::errc::conflict},
    {"declare duplicate field", [](kare::plan& p) { kare::field_def f; f.name = "seats"; p.declare_field(f); }, kare::errc::conflict},
};

} // namespace

BOOST_AUTO_TEST_SUITE(ledger)

BOOST_DATA_TEST_CASE(refused_operations_change_nothing, bdata::make(refusals), r)
{
    kare::plan p = example_plan();
    const std::string before = kare::write_plan(p);
    try {
        r.operation(p);
        BOOST_FAIL("expected a refusal");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == r.code);
    }
    BOOST_TEST(kare::write_plan(p) == before);
}

BOOST_AUTO_TEST_CASE(assign_records_and_is_idempotent)
{
    kare::plan p = example_plan();
    p.assign("EVR-005", category::expand, day("2026-11-23"), "Rollout agreed");
    const kare::account& a = *p.find_account("EVR-005");
    BOOST_TEST(a.decision == placement::in(category::expand));
    BOOST_REQUIRE(a.history.size() == 1u);
    BOOST_TEST(a.history[0].from == placement());
    BOOST_TEST(a.history[0].reason == "Rollout agreed");
    p.assign("EVR-005", category::expand, day("2026-11-24"));
    BOOST_TEST(p.find_account("EVR-005")->history.size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_unassigned_account_can_be_assigned)
{
    kare::plan p = example_plan();
    p.assign("WLW-023", category::attain, day("2026-11-23"));
    BOOST_TEST(p.find_account("WLW-023")->decision == placement::in(category::attain));
    BOOST_TEST(p.find_account("WLW-023")->history.back().from == placement::unassigned());
}

BOOST_AUTO_TEST_CASE(moves_and_firing_build_a_chained_history_that_round_trips)
{
    kare::plan p = example_plan();
    p.move("DLT-004", placement::in(category::expand), day("2026-11-23"), "New division buys");
    p.move("DLT-004", placement::unassigned(), day("2026-11-24"), "Division sold");
    p.fire("DLT-004", day("2026-11-25"), "Unpaid invoices", "end_relationship");
    const kare::account& a = *p.find_account("DLT-004");
    BOOST_TEST(a.decision == placement::fired());
    BOOST_TEST(a.fire_action == "end_relationship");
    BOOST_REQUIRE(a.history.size() == 4u);
    for (std::size_t i = 1; i < a.history.size(); ++i)
        BOOST_TEST(a.history[i].from == a.history[i - 1].to);
    // Reinstating a fired account is a deliberate move; the action goes.
    p.move("DLT-004", placement::in(category::recapture), day("2026-12-01"), "New owner");
    BOOST_TEST(p.find_account("DLT-004")->fire_action.empty());
    const std::string written = kare::write_plan(p);
    BOOST_TEST(kare::write_plan(kare::read_plan(written)) == written);
}

BOOST_AUTO_TEST_CASE(same_day_decisions_are_allowed)
{
    kare::plan p = example_plan();
    p.move("DLT-004", placement::in(category::expand), day("2026-11-23"), "a");
    p.move("DLT-004", placement::in(category::keep), day("2026-11-23"), "b, corrected");
    BOOST_TEST(p.find_account("DLT-004")->history.size() == 3u);
}

BOOST_AUTO_TEST_CASE(remove_account_keeps_the_index_consistent)
{
    kare::plan p = example_plan();
    const std::size_t n = p.accounts().size();
    p.remove_account("LMN-012");
    BOOST_TEST(p.accounts().size() == n - 1);
    BOOST_TEST(!p.find_account("LMN-012"));
    for (std::size_t i = 0; i < p.accounts().size(); ++i)
        BOOST_TEST(*p.account_index(p.accounts()[i].id) == i);
    p.remove_account("XEN-024"); // one with a neighbour on each side
    BOOST_TEST(p.find_account("WLW-023"));
    BOOST_TEST(p.find_account("YRW-025"));
    for (std::size_t i = 0; i < p.accounts().size(); ++i)
        BOOST_TEST(*p.account_index(p.accounts()[i].id) == i);
}

BOOST_AUTO_TEST_CASE(two_plans_never_see_each_other)
{
    kare::plan a = example_plan();
    const kare::plan b = example_plan();
    a.assign("EVR-005", category::keep, day("2026-11-23"));
    a.remove_account("LMN-012");
    BOOST_TEST(b.find_account("EVR-005")->decision == placement());
    BOOST_TEST(b.find_account("LMN-012"));
}

BOOST_AUTO_TEST_SUITE_END()
