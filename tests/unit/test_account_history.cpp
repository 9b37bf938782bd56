// One account over time: Juniper Schools of the example, pinned from the
// plan document, today and before its deal was opened.
#include "fixtures.hpp"

#include <kare/account_history.hpp>
#include <kare/error.hpp>
#include <kare/json.hpp>
#include <kare/plan.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

using kare::category;
using kare::deal_event_kind;
using kare::placement;
using kare_test::day;

} // namespace

BOOST_AUTO_TEST_SUITE(account_history)

BOOST_AUTO_TEST_CASE(juniper_schools_today)
{
    const kare::plan p = kare_test::example_plan();
    const kare::account_history h = kare::make_account_history(p, "JNP-010", day("2026-11-23"));
    BOOST_TEST(h.name == "Juniper Schools");
    BOOST_TEST(h.owner == "maya");
    BOOST_TEST((h.now == placement::in(category::expand)));
    BOOST_TEST(h.basis == kare::basis::decision);
    // Kept at annual planning, moved to Expand on 2026-07-01.
    BOOST_TEST_REQUIRE(h.moves.size() == 2u);
    BOOST_TEST((h.moves[0].on == day("2026-02-02")));
    BOOST_TEST((h.moves[0].to == placement::in(category::keep)));
    BOOST_TEST((h.moves[1].on == day("2026-07-01")));
    BOOST_TEST(h.moves[1].reason == "District consolidation opens four more schools.");
    // D-102: opened 2026-08-15, then pain, budget and decision process on record.
    BOOST_TEST_REQUIRE(h.deals.size() == 1u);
    const kare::deal_history& d = h.deals[0];
    BOOST_TEST(d.id == "D-102");
    BOOST_TEST(d.amount.to_string() == "85000.00");
    BOOST_TEST((d.state == kare::honesty_state::qualified));
    BOOST_TEST_REQUIRE(d.events.size() == 4u);
    BOOST_TEST((d.events[0].what == deal_event_kind::opened));
    BOOST_TEST((d.events[0].on == day("2026-08-15")));
    BOOST_TEST(d.events[1].detail == "pain");
    BOOST_TEST(d.events[1].note == "district IT audit");
    BOOST_TEST(d.events[2].detail == "budget");
    BOOST_TEST((d.events[3].on == day("2026-10-01")));
    // Seven activities, one a day, from 2026-11-04 to 2026-11-20.
    BOOST_TEST_REQUIRE(h.activities.size() == 7u);
    BOOST_TEST((h.activities.front().on == day("2026-11-04")));
    BOOST_TEST((h.activities.back().on == day("2026-11-20")));
    BOOST_TEST(h.activities.back().count == 1u);
}

BOOST_AUTO_TEST_CASE(juniper_schools_at_the_end_of_june)
{
    const kare::plan p = kare_test::example_plan();
    const kare::account_history h = kare::make_account_history(p, "JNP-010", day("2026-06-30"));
    BOOST_TEST((h.now == placement::in(category::keep)));
    BOOST_TEST(h.moves.size() == 1u);
    BOOST_TEST(h.deals.empty());
    BOOST_TEST(h.activities.empty());
}

BOOST_AUTO_TEST_CASE(the_timeline_document)
{
    const kare::plan p = kare_test::example_plan();
    const auto doc = boost::json::parse(
        kare::write_account_history(kare::make_account_history(p, "IRN-009", day("2026-11-23"))));
    BOOST_TEST(doc.at("format").as_string() == "kare-timeline");
    BOOST_TEST(doc.at("placement").as_string() == "fired");
    BOOST_TEST(doc.at("moves").as_array().back().at("date").as_string() == "2026-09-15");
    const auto& deal = doc.at("deals").as_array().at(0);
    BOOST_TEST(deal.at("id").as_string() == "D-111");
    BOOST_TEST(deal.at("state").as_string() == "dead");
    BOOST_TEST(deal.at("events").as_array().at(0).at("event").as_string() == "opened");
}

BOOST_AUTO_TEST_CASE(a_stage_change_is_an_event_and_the_stage_is_the_one_of_the_day)
{
    kare::plan p = kare_test::example_plan();
    p.change_stage("D-102", "commit", day("2026-11-20"), "terms agreed");
    const auto stage_changes = [](const kare::account_history& h) {
        std::vector<const kare::deal_event*> found;
        for (const auto& e : h.deals.at(0).events)
            if (e.what == deal_event_kind::stage_changed)
                found.push_back(&e);
        return found;
    };
    const kare::account_history now = kare::make_account_history(p, "JNP-010", day("2026-11-23"));
    BOOST_TEST(now.deals.at(0).stage == "commit");
    const auto found = stage_changes(now);
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0]->detail == "negotiation -> commit");
    BOOST_TEST(found[0]->note == "terms agreed");
    BOOST_TEST(kare::write_account_history(now).find("\"stage_changed\"") != std::string::npos);
    const kare::account_history before = kare::make_account_history(p, "JNP-010", day("2026-11-19"));
    BOOST_TEST(before.deals.at(0).stage == "negotiation");
    BOOST_TEST(stage_changes(before).empty());
}

BOOST_AUTO_TEST_CASE(unknown_accounts_and_dates_are_refused_by_name)
{
    const kare::plan p = kare_test::example_plan();
    const auto refused = [&](const char* id, const char* on, kare::errc code, const char* path) {
        try {
            kare::make_account_history(p, id, day(on));
        } catch (const kare::error& e) {
            return e.code() == code && e.path() == path;
        }
        return false;
    };
    BOOST_TEST(refused("NOPE-1", "2026-11-23", kare::errc::not_found, "account"));
    // Nova Robotics was added on 2026-09-01.
    BOOST_TEST(refused("NVA-014", "2026-08-31", kare::errc::not_found, "account"));
    BOOST_TEST(refused("JNP-010", "2025-01-01", kare::errc::invalid_argument, "as_of"));
}

BOOST_AUTO_TEST_SUITE_END()
