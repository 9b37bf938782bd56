// The plan as it stood on a past date, and every report drawn from it: the
// example pinned at three past dates.
#include "fixtures.hpp"

#include <kare/as_of.hpp>
#include <kare/json.hpp>
#include <kare/pipeline.hpp>
#include <kare/plan.hpp>
#include <kare/progress.hpp>
#include <kare/report.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using kare::category;
using kare::placement;
using kare_test::day;

const kare::account_result* line_of(const kare::report& r, const std::string& id)
{
    for (const auto& line : r.accounts)
        if (line.id == id)
            return &line;
    return nullptr;
}

const kare::deal_line* deal_of(const kare::pipeline_report& r, const std::string& id)
{
    for (const auto& line : r.deals)
        if (line.id == id)
            return &line;
    return nullptr;
}

std::vector<std::string> deal_ids(const kare::pipeline_report& r)
{
    std::vector<std::string> ids;
    for (const auto& line : r.deals)
        ids.push_back(line.id);
    return ids;
}

placement where(const kare::report& r, const std::string& id)
{
    const auto* line = line_of(r, id);
    BOOST_TEST_REQUIRE(line != nullptr, id << " is in the report");
    return line->outcome.result;
}

bool is_error(const kare::error& e, kare::errc code, const std::string& path)
{
    return e.code() == code && e.path() == path;
}

} // namespace

BOOST_AUTO_TEST_SUITE(as_of)

BOOST_AUTO_TEST_CASE(end_of_march_before_the_firings_and_most_deals)
{
    const kare::plan p = kare_test::example_plan();
    const kare::report r = kare::make_report(p, day("2026-03-31"));
    // Quartz Telecom was fired on 2026-04-20 and Ironwood Mills on 2026-09-15.
    BOOST_TEST(r.counts.fired == 0u);
    BOOST_TEST((where(r, "IRN-009") == placement::in(category::keep)));
    BOOST_TEST((where(r, "QRT-017") != placement::fired()));
    // Juniper Schools moved from Keep to Expand on 2026-07-01.
    BOOST_TEST((where(r, "JNP-010") == placement::in(category::keep)));
    // Nova Robotics, Opal Insurance and Yarrow Media were added later.
    BOOST_TEST(line_of(r, "NVA-014") == nullptr);
    BOOST_TEST(line_of(r, "OPL-015") == nullptr);
    BOOST_TEST(line_of(r, "YRW-025") == nullptr);
    BOOST_TEST(r.accounts.size() == 23u);
    // Only two deals were open by then; the one lost in July was still open.
    BOOST_TEST(deal_ids(r.pipeline) == (std::vector<std::string>{"D-109", "D-114"}),
               boost::test_tools::per_element());
    BOOST_TEST((deal_of(r.pipeline, "D-114")->outcome == kare::deal_outcome::open));
    // Tidal Water's budget letter came on 2026-04-15: only the pain was known.
    const auto& tidal = deal_of(r.pipeline, "D-109")->assessment;
    BOOST_TEST(tidal.missing_evidence ==
                   (std::vector<std::string>{"budget", "decision_process"}),
               boost::test_tools::per_element());
    BOOST_TEST(deal_of(r.pipeline, "D-109")->expected_close.to_string() == "2026-06-30");
    BOOST_TEST(r.ignored.accounts == 3u);
    BOOST_TEST(r.ignored.moves == 6u);
    BOOST_TEST(r.ignored.deals == 13u);
    BOOST_TEST(r.ignored.closes == 1u);
}

BOOST_AUTO_TEST_CASE(end_of_june_quartz_fired_the_won_deal_still_open)
{
    const kare::plan p = kare_test::example_plan();
    const kare::report r = kare::make_report(p, day("2026-06-30"));
    BOOST_TEST((where(r, "QRT-017") == placement::fired()));
    BOOST_TEST(r.counts.fired == 1u);
    BOOST_TEST((where(r, "IRN-009") == placement::in(category::keep)));
    BOOST_TEST((where(r, "ZPH-026") == placement::in(category::keep)));
    BOOST_TEST(deal_ids(r.pipeline) ==
                   (std::vector<std::string>{"D-105", "D-109", "D-110", "D-113", "D-114"}),
               boost::test_tools::per_element());
    // Brightline's deal was won on 2026-07-28; on 06-30 it was open.
    const auto* brightline = deal_of(r.pipeline, "D-113");
    BOOST_TEST((brightline->outcome == kare::deal_outcome::open));
    // The close date pushed on 06-25 counts; the push of 08-28 does not yet.
    BOOST_TEST(deal_of(r.pipeline, "D-109")->expected_close.to_string() == "2026-08-31");
    // Granite Bank's stall was declared on 2026-10-05: not yet explained.
    BOOST_TEST(r.ignored.deal_notes == 1u);
    BOOST_TEST(r.ignored.total() == 238u + 3u);
}

BOOST_AUTO_TEST_CASE(end_of_august_ironwood_not_yet_fired)
{
    const kare::plan p = kare_test::example_plan();
    const kare::report r = kare::make_report(p, day("2026-08-31"));
    // Fired on 2026-09-15, not on the as-of date.
    BOOST_TEST((where(r, "IRN-009") == placement::in(category::keep)));
    BOOST_TEST((where(r, "JNP-010") == placement::in(category::expand)));
    BOOST_TEST((where(r, "ZPH-026") == placement::in(category::recapture)));
    BOOST_TEST((where(r, "WLW-023") == placement::unassigned()));
    BOOST_TEST(line_of(r, "NVA-014") == nullptr); // added 2026-09-01
    BOOST_TEST(line_of(r, "PKR-016") != nullptr);
    // Flux Energy's deal opened on 2026-09-01.
    BOOST_TEST(deal_of(r.pipeline, "D-101") == nullptr);
    // Juniper's board minutes (budget) came on 2026-09-15.
    const auto* juniper = deal_of(r.pipeline, "D-102");
    BOOST_TEST_REQUIRE(juniper != nullptr);
    BOOST_TEST(juniper->assessment.missing_evidence ==
                   (std::vector<std::string>{"budget", "decision_process"}),
               boost::test_tools::per_element());
    BOOST_TEST(r.ignored.deals == 7u);
    BOOST_TEST(r.ignored.evidence == 2u);
    BOOST_TEST(r.ignored.total() == 233u);
    BOOST_TEST(kare::to_text(r.ignored) ==
               "233 later facts left out: 3 accounts added, 1 move, 7 deals opened, 2 evidence "
               "items, 1 close-date change, 1 stall, state set by hand or revival, 5 last deal "
               "activities, 213 logged activities");
}

BOOST_AUTO_TEST_CASE(the_documents_count_the_facts_left_out)
{
    const kare::plan p = kare_test::example_plan();
    const auto past = boost::json::parse(kare::write_report(kare::make_report(p, day("2026-08-31"))));
    BOOST_TEST(past.at("facts_ignored").at("total").as_int64() == 233u);
    BOOST_TEST(past.at("facts_ignored").at("accounts").as_int64() == 3u);
    const auto pipeline =
        boost::json::parse(kare::write_pipeline(kare::make_pipeline(p, day("2026-08-31"))));
    BOOST_TEST(pipeline.at("facts_ignored").at("deals").as_int64() == 7u);
    const auto progress =
        boost::json::parse(kare::write_progress(kare::make_progress(p, day("2026-08-31"))));
    BOOST_TEST(progress.at("facts_ignored").at("activities").as_int64() == 213u);
    // As of the plan's latest facts nothing is left out, and nothing is said.
    const kare::report today = kare::make_report(p, day("2026-11-23"));
    BOOST_TEST(today.ignored.total() == 0u);
    BOOST_TEST(!boost::json::parse(kare::write_report(today)).as_object().contains("facts_ignored"));
}

BOOST_AUTO_TEST_CASE(the_past_is_a_copy_and_the_plan_is_unchanged)
{
    const kare::plan p = kare_test::example_plan();
    const std::string before = kare::write_plan(p);
    const kare::plan past = kare::plan_as_of(p, day("2026-06-30"));
    BOOST_TEST(kare::write_plan(p) == before);
    BOOST_TEST(past.accounts().size() == 23u);
    BOOST_TEST(past.find_deal("D-113")->closed_on.has_value() == false);
    BOOST_TEST(past.find_account("IRN-009")->history.size() == 1u);
    // The copy reloads: it is a plan like any other.
    BOOST_TEST(kare::write_plan(kare::read_plan(kare::write_plan(past))) == kare::write_plan(past));
    // As of the latest facts, the copy is the plan.
    BOOST_TEST(kare::write_plan(kare::plan_as_of(p, day("2026-11-23"))) == before);
}

BOOST_AUTO_TEST_CASE(a_date_before_the_first_fact_is_refused_naming_the_argument)
{
    const kare::plan p = kare_test::example_plan();
    BOOST_TEST(kare::first_fact(p)->to_string() == "2026-02-01");
    const auto refused = [](const kare::error& e) {
        return is_error(e, kare::errc::invalid_argument, "as_of") &&
               std::string(e.what()).find("2026-02-01") != std::string::npos;
    };
    BOOST_CHECK_EXCEPTION(kare::make_report(p, day("2026-01-31")), kare::error, refused);
    BOOST_CHECK_EXCEPTION(kare::make_pipeline(p, day("2026-01-31")), kare::error, refused);
    BOOST_CHECK_EXCEPTION(kare::make_progress(p, day("2026-01-31")), kare::error, refused);
    BOOST_CHECK_EXCEPTION(kare::plan_as_of(p, day("2025-12-31")), kare::error, refused);
    // The first fact's own day is the plan's first day.
    BOOST_TEST(kare::make_report(p, day("2026-02-01")).accounts.size() == 23u);
    // A plan without facts has no first day.
    BOOST_TEST(!kare::first_fact(kare::plan()).has_value());
}

BOOST_AUTO_TEST_CASE(an_account_cannot_be_decided_before_it_was_added)
{
    kare::plan p = kare_test::example_plan();
    kare::account a = *p.find_account("IRN-009");
    a.added = day("2026-03-01"); // its first move is dated 2026-02-02
    BOOST_CHECK_EXCEPTION(p.replace_account(a), kare::error, [](const kare::error& e) {
        return is_error(e, kare::errc::invalid_plan, "accounts[8].added");
    });
    BOOST_TEST(!p.find_account("IRN-009")->added.has_value());
    std::string text = kare::write_plan(kare_test::example_plan());
    const auto at = text.find("\"added\": \"2026-09-01\"");
    BOOST_TEST_REQUIRE(at != std::string::npos);
    text.replace(at, 21, "\"added\": \"2026-13-01\"");
    BOOST_CHECK_EXCEPTION(kare::read_plan(text), kare::error, [](const kare::error& e) {
        return e.path() == "accounts[13].added";
    });
}

BOOST_AUTO_TEST_CASE(no_decision_is_dated_before_the_account_was_added)
{
    kare::plan p = kare_test::example_plan(); // YRW-025 was added on 2026-09-20
    for (const auto& decide : std::vector<std::function<void()>>{
             [&] { p.move("YRW-025", kare::placement::in(kare::category::keep), day("2026-07-08"), "why"); },
             [&] { p.fire("YRW-025", day("2026-09-19"), "why", "end_relationship"); }})
        BOOST_CHECK_EXCEPTION(decide(), kare::error, [](const kare::error& e) {
            return e.code() == kare::errc::conflict &&
                   std::string(e.what()).find("added on 2026-09-20") != std::string::npos;
        });
    BOOST_TEST(kare::write_plan(p) == kare::write_plan(kare_test::example_plan()));
    p.move("YRW-025", kare::placement::in(kare::category::keep), day("2026-09-20"), "won D-115");
    BOOST_CHECK_NO_THROW(kare::read_plan(kare::write_plan(p)));
}

BOOST_AUTO_TEST_SUITE_END()
