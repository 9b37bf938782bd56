// Cookbook progress: the pro-rating convention pinned on the method's own
// figures, period edges (ISO week 53, fiscal quarters across the year end,
// leap days), per-account scaling and history.
#include "seed_plan.hpp"

#include <kare/error.hpp>
#include <kare/json.hpp>
#include <kare/progress.hpp>

#include <boost/json.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {

using kare::category;
using kare::placement;
using kare::progress_status;

const kare::target_progress& line(const kare::progress_report& r, std::string_view rep,
                                  std::string_view activity)
{
    for (const auto& rp : r.reps)
        if (rp.id == rep)
            for (const auto& t : rp.targets)
                if (t.goal.activity == activity)
                    return t;
    BOOST_FAIL("no line for " << rep << ' ' << activity);
    throw std::logic_error("unreachable");
}

kare::progress_report progress_as_of(const kare::plan& p, std::string_view as_of, std::size_t trend = 4)
{
    kare::progress_options options;
    options.trend_periods = trend;
    return kare::make_progress(p, seed::day(as_of), options);
}

// ------------------------------------------------------------ the 32 dials

// Ann's dials in ISO week 2026-W10 (Monday 2 March .. Sunday 8 March 2026).
struct dial_case {
    const char* name;
    std::array<int, 7> dials; // Monday .. Sunday
    const char* as_of;
    kare::day_basis basis;
    std::vector<const char*> holidays;
    std::int32_t days_elapsed, days_total;
    std::int64_t done, expected, gap, remaining;
    progress_status status;
};

std::ostream& operator<<(std::ostream& os, const dial_case& c) { return os << c.name; }

constexpr auto working = kare::day_basis::working_days;
constexpr auto calendar = kare::day_basis::calendar_days;

const std::vector<dial_case> dial_cases{
    // The issue's example. Working-day pro-rating counts the as-of day as
    // elapsed, so by the end of Thursday 4 of 5 days are gone and 32 of 40
    // dials is exactly on pace: on track, not behind (docs/cookbook.md).
    {"32 dials as of Thursday", {8, 8, 8, 8, 0, 0, 0}, "2026-03-05", working, {}, 4, 5, 32, 32, 0, 8,
     progress_status::on_track},
    {"31 dials as of Thursday", {8, 8, 8, 7, 0, 0, 0}, "2026-03-05", working, {}, 4, 5, 31, 32, 1, 9,
     progress_status::behind},
    // The same 32 dials logged through Thursday are behind once Friday counts.
    {"32 dials by Thursday, as of Friday", {8, 8, 8, 8, 0, 0, 0}, "2026-03-06", working, {}, 5, 5,
     32, 40, 8, 8, progress_status::behind},
    {"32 dials as of Thursday, calendar days", {8, 8, 8, 8, 0, 0, 0}, "2026-03-05", calendar, {}, 4,
     7, 32, 23, 0, 8, progress_status::on_track}, // 40 × 4/7 = 22.86, rounded up
    {"22 dials as of Thursday, calendar days", {8, 8, 6, 0, 0, 0, 0}, "2026-03-05", calendar, {}, 4,
     7, 22, 23, 1, 18, progress_status::behind},
    {"40 dials by Wednesday", {14, 13, 13, 0, 0, 0, 0}, "2026-03-04", working, {}, 3, 5, 40, 24, 0, 0,
     progress_status::ahead},
    {"40 dials as of Friday", {8, 8, 8, 8, 8, 0, 0}, "2026-03-06", working, {}, 5, 5, 40, 40, 0, 0,
     progress_status::on_track},
    {"40 dials as of Sunday", {8, 8, 8, 8, 6, 2, 0}, "2026-03-08", working, {}, 5, 5, 40, 40, 0, 0,
     progress_status::on_track},
    {"40 dials as of Saturday, calendar days", {8, 8, 8, 8, 8, 0, 0}, "2026-03-07", calendar, {}, 6,
     7, 40, 35, 0, 0, progress_status::ahead},
    {"nothing on Monday", {0, 0, 0, 0, 0, 0, 0}, "2026-03-02", working, {}, 1, 5, 0, 8, 8, 40,
     progress_status::not_started},
    {"nothing all week, as of Saturday", {0, 0, 0, 0, 0, 0, 0}, "2026-03-07", working, {}, 5, 5, 0,
     40, 40, 40, progress_status::not_started},
    {"Tuesday holiday, 30 dials as of Thursday", {10, 0, 10, 10, 0, 0, 0}, "2026-03-05", working,
     {"2026-03-03"}, 3, 4, 30, 30, 0, 10, progress_status::on_track},
    {"Tuesday holiday, 29 dials as of Thursday", {10, 0, 10, 9, 0, 0, 0}, "2026-03-05", working,
     {"2026-03-03"}, 3, 4, 29, 30, 1, 11, progress_status::behind},
    {"holidays are ignored with calendar days", {8, 8, 8, 8, 0, 0, 0}, "2026-03-05", calendar,
     {"2026-03-03"}, 4, 7, 32, 23, 0, 8, progress_status::on_track},
    {"a week of holidays paces by the calendar", {0, 0, 0, 0, 0, 0, 0}, "2026-03-05", working,
     {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"}, 4, 7, 0, 23, 23, 40,
     progress_status::not_started},
    {"dials after as-of do not count", {8, 8, 8, 8, 8, 8, 8}, "2026-03-05", working, {}, 4, 5, 32,
     32, 0, 8, progress_status::on_track},
};

} // namespace

BOOST_AUTO_TEST_SUITE(progress)

BOOST_DATA_TEST_CASE(dials_against_forty_a_week, bdata::make(dial_cases), c)
{
    kare::plan p = seed::team();
    kare::pacing_policy pacing{c.basis, {}};
    for (const char* h : c.holidays)
        pacing.holidays.push_back(seed::day(h));
    p.set_pacing(pacing);
    const kare::date monday = seed::day("2026-03-02");
    for (int d = 0; d < 7; ++d)
        for (int n = 0; n < c.dials[static_cast<std::size_t>(d)]; ++n)
            p.add_activity({monday.plus_days(d), "ann", d % 2 ? "p2" : "p1", "dial", {}, {}});

    const auto dials = line(progress_as_of(p, c.as_of), "ann", "dial");
    const kare::period_progress& now = dials.current;
    BOOST_TEST(now.label == "2026-W10");
    BOOST_TEST(now.span.first.to_string() == "2026-03-02");
    BOOST_TEST(now.span.last.to_string() == "2026-03-08");
    BOOST_TEST(now.days_elapsed == c.days_elapsed);
    BOOST_TEST(now.days_total == c.days_total);
    BOOST_TEST(now.target == 40);
    BOOST_TEST(now.done == c.done);
    BOOST_TEST(now.expected == c.expected);
    BOOST_TEST(now.gap == c.gap);
    BOOST_TEST(now.remaining == c.remaining);
    BOOST_TEST(kare::to_string(now.status) == kare::to_string(c.status));
}

BOOST_AUTO_TEST_CASE(pace_rounds_expected_up_and_never_overflows)
{
    const kare::holiday_calendar every_day;
    const kare::period week = kare::period_containing(seed::day("2026-03-05"), kare::period_kind::week, 1);
    // 1 × 1/7 rounds up to 1: a quarterly or weekly single item is due from day one.
    const auto one = kare::pace(week, 1, 0, seed::day("2026-03-02"), every_day, 1);
    BOOST_TEST(one.expected == 1);
    BOOST_TEST(kare::to_string(one.status) == "not_started");
    // Huge targets stay exact: 7e15 × 3/7 = 3e15.
    const auto big = kare::pace(week, 7'000'000'000'000'000, 1, seed::day("2026-03-04"), every_day, 1);
    BOOST_TEST(big.expected == 3'000'000'000'000'000);
    // A zero target is never behind or ahead.
    const auto none = kare::pace(week, 0, 3, seed::day("2026-03-04"), every_day, 1);
    BOOST_TEST(kare::to_string(none.status) == "on_track");
    BOOST_TEST(none.expected == 0);
}

BOOST_AUTO_TEST_CASE(iso_week_53_and_the_week_after)
{
    kare::plan p = seed::team();
    seed::log(p, "ann", "p1", "dial", "2026-12-27", 3); // Sunday of 2026-W52
    seed::log(p, "ann", "p1", "dial", "2026-12-28", 5); // Monday of 2026-W53
    seed::log(p, "ann", "p2", "dial", "2027-01-01", 2); // Friday of 2026-W53, a new calendar year
    seed::log(p, "ann", "p3", "dial", "2027-01-04", 7); // Monday of 2027-W01

    const auto thursday = line(progress_as_of(p, "2026-12-31"), "ann", "dial");
    BOOST_TEST(thursday.current.label == "2026-W53");
    BOOST_TEST(thursday.current.span.first.to_string() == "2026-12-28");
    BOOST_TEST(thursday.current.span.last.to_string() == "2027-01-03");
    BOOST_TEST(thursday.current.done == 5);
    BOOST_TEST(thursday.current.expected == 32);
    BOOST_TEST(thursday.trend.back().label == "2026-W52");
    BOOST_TEST(thursday.trend.back().done == 3);

    const auto friday = line(progress_as_of(p, "2027-01-01"), "ann", "dial");
    BOOST_TEST(friday.current.label == "2026-W53");
    BOOST_TEST(friday.current.done == 7);
    BOOST_TEST(friday.current.expected == 40);

    const auto next = line(progress_as_of(p, "2027-01-04"), "ann", "dial");
    BOOST_TEST(next.current.label == "2027-W01");
    BOOST_TEST(next.current.done == 7);
    BOOST_TEST_REQUIRE(next.trend.size() == 4U);
    BOOST_TEST(next.trend[3].label == "2026-W53");
    BOOST_TEST(next.trend[3].done == 7);
    BOOST_TEST(next.trend[3].days_elapsed == 5);
    BOOST_TEST(kare::to_string(next.trend[3].status) == "behind");
    BOOST_TEST(next.trend[2].label == "2026-W52");
    BOOST_TEST(next.trend[0].label == "2026-W50");
}

BOOST_AUTO_TEST_CASE(a_fiscal_quarter_across_the_year_end_with_per_account_targets)
{
    kare::plan p = seed::team();
    p.set_fiscal_year_start_month(11); // FY2027 = 2026-11-01 .. 2027-10-31
    seed::log(p, "bob", "k1", "client_scorecard", "2026-10-20"); // the quarter before
    seed::log(p, "bob", "k1", "client_scorecard", "2026-12-10");
    seed::log(p, "bob", "k2", "client_scorecard", "2027-01-05");

    const auto scorecards = line(progress_as_of(p, "2027-01-15", 1), "bob", "client_scorecard");
    BOOST_TEST(scorecards.accounts == 3);
    const auto& q = scorecards.current;
    BOOST_TEST(q.label == "FY2027-Q1");
    BOOST_TEST(q.span.first.to_string() == "2026-11-01");
    BOOST_TEST(q.span.last.to_string() == "2027-01-31");
    // Weekdays: 21 in November, 23 in December, 11 by 15 January of 21.
    BOOST_TEST(q.days_elapsed == 55);
    BOOST_TEST(q.days_total == 65);
    BOOST_TEST(q.target == 3);     // one per Keep account, three Keep accounts
    BOOST_TEST(q.done == 2);
    BOOST_TEST(q.expected == 3);   // 3 × 55/65 = 2.54, rounded up
    BOOST_TEST(q.gap == 1);
    BOOST_TEST(kare::to_string(q.status) == "behind");

    BOOST_TEST_REQUIRE(scorecards.trend.size() == 1U);
    BOOST_TEST(scorecards.trend[0].label == "FY2026-Q4");
    BOOST_TEST(scorecards.trend[0].span.first.to_string() == "2026-08-01");
    BOOST_TEST(scorecards.trend[0].done == 1);
    BOOST_TEST(scorecards.trend[0].target == 3);

    // Which Keep accounts had no scorecard this quarter: k3.
    BOOST_TEST_REQUIRE(scorecards.by_account.size() == 3U);
    const std::array<const char*, 3> ids{"k1", "k2", "k3"};
    const std::array<std::int64_t, 3> done{1, 1, 0};
    const std::array<const char*, 3> status{"ahead", "ahead", "not_started"};
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(scorecards.by_account[i].id == ids[i]);
        BOOST_TEST(scorecards.by_account[i].current.target == 1);
        BOOST_TEST(scorecards.by_account[i].current.done == done[i]);
        BOOST_TEST(kare::to_string(scorecards.by_account[i].current.status) == status[i]);
    }
}

BOOST_AUTO_TEST_CASE(a_yearly_target_follows_the_fiscal_year)
{
    kare::plan p = seed::team();
    p.set_fiscal_year_start_month(11);
    kare::cookbook book = kare::cookbook::defaults();
    book.targets.push_back({category::expand, "expand_meeting", 12, kare::period_kind::year,
                            kare::target_scope::rep});
    p.set_cookbook(book);
    p.set_pacing({kare::day_basis::calendar_days, {}});
    seed::log(p, "bob", "e1", "expand_meeting", "2026-10-31");
    seed::log(p, "bob", "e1", "expand_meeting", "2026-11-01", 2);
    const auto r = progress_as_of(p, "2027-01-15");
    for (const auto& t : r.reps[1].targets)
        if (t.goal.per == kare::period_kind::year) {
            BOOST_TEST(t.current.label == "FY2027");
            BOOST_TEST(t.current.done == 2);
            BOOST_TEST(t.current.days_total == 365);
            BOOST_TEST(t.current.days_elapsed == 76);
            // Bob's one Expand account of a focus target of 3 owes ⌈12/3⌉ = 4 a
            // year: 4 × 76/365 = 0.83, rounded up.
            BOOST_TEST(t.current.target == 4);
            BOOST_TEST(t.current.expected == 1);
            BOOST_TEST(t.trend.back().label == "FY2026");
            BOOST_TEST(t.trend.back().done == 1);
            return;
        }
    BOOST_FAIL("no yearly line");
}

BOOST_AUTO_TEST_CASE(leap_days)
{
    kare::plan p = seed::team();
    seed::log(p, "cy", "r1", "recapture_meeting", "2028-02-29");
    // The month before: the plan's first fact, so that 02-28 is a date of the plan.
    seed::log(p, "cy", "r1", "recapture_meeting", "2028-01-03");
    // February 2028 has 21 weekdays, the 29th (a Tuesday) the last of them.
    const auto on_the_day = line(progress_as_of(p, "2028-02-29"), "cy", "recapture_meeting").current;
    BOOST_TEST(on_the_day.label == "2028-02");
    BOOST_TEST(on_the_day.span.last.to_string() == "2028-02-29");
    BOOST_TEST(on_the_day.days_elapsed == 21);
    BOOST_TEST(on_the_day.days_total == 21);
    BOOST_TEST(on_the_day.done == 1);
    BOOST_TEST(kare::to_string(on_the_day.status) == "on_track");

    const auto day_before = line(progress_as_of(p, "2028-02-28"), "cy", "recapture_meeting").current;
    BOOST_TEST(day_before.done == 0);
    BOOST_TEST(day_before.days_elapsed == 20);
    BOOST_TEST(kare::to_string(day_before.status) == "not_started");

    // A quarter holding the leap day, fiscal year from December, calendar days.
    p.set_fiscal_year_start_month(12);
    p.set_pacing({kare::day_basis::calendar_days, {}});
    seed::log(p, "cy", "k4", "client_scorecard", "2028-02-29");
    const auto quarter = line(progress_as_of(p, "2028-02-29"), "cy", "client_scorecard").current;
    BOOST_TEST(quarter.label == "FY2028-Q1");
    BOOST_TEST(quarter.span.first.to_string() == "2027-12-01");
    BOOST_TEST(quarter.days_total == 91);
    BOOST_TEST(quarter.days_elapsed == 91);
    BOOST_TEST(quarter.done == 1);
    BOOST_TEST(kare::to_string(quarter.status) == "on_track");
    const auto month = line(progress_as_of(p, "2028-02-29"), "cy", "recapture_meeting").current;
    BOOST_TEST(month.days_total == 29);
}

BOOST_AUTO_TEST_CASE(per_account_targets_scale_with_the_accounts_in_the_category_then)
{
    kare::plan p = seed::team();
    seed::log(p, "bob", "k3", "client_scorecard", "2026-02-02"); // while k3 is Keep
    p.move("k3", placement::in(category::expand), seed::day("2026-02-16"), "bought more");
    seed::log(p, "bob", "k1", "client_scorecard", "2026-03-02");

    const auto scorecards = line(progress_as_of(p, "2026-03-05"), "bob", "client_scorecard");
    BOOST_TEST(scorecards.accounts == 2);
    BOOST_TEST(scorecards.current.target == 2);
    // The scorecard on k3 was done for Keep; the later move does not undo it.
    BOOST_TEST(scorecards.current.done == 2);
    BOOST_TEST_REQUIRE(scorecards.by_account.size() == 2U);
    BOOST_TEST(scorecards.by_account[0].id == "k1");
    BOOST_TEST(scorecards.by_account[1].id == "k2");
    BOOST_TEST(kare::to_string(scorecards.by_account[1].current.status) == "not_started");
    // On 2025-12-31 k3 was still Keep: three accounts.
    BOOST_TEST(scorecards.trend.back().label == "FY2025-Q4");
    BOOST_TEST(scorecards.trend.back().target == 3);

    // Expand now holds e1 and k3; its weekly targets are per rep, written for
    // a full focus list of 3 (the seed team's): ⌈25 × 2/3⌉ = 17 attempts.
    const auto attempts = line(progress_as_of(p, "2026-03-05"), "bob", "expand_attempt");
    BOOST_TEST(attempts.accounts == 2);
    BOOST_TEST(attempts.current.target == 17);
    // Before the move Bob had one Expand account: ⌈25 × 1/3⌉ = 9.
    BOOST_TEST(attempts.trend.front().target == 9);

    // A third Expand account fills the focus list: the whole 25.
    p.move("k2", placement::in(category::expand), seed::day("2026-03-03"), "bought more");
    BOOST_TEST(line(progress_as_of(p, "2026-03-05"), "bob", "expand_attempt").current.target == 25);
}

BOOST_AUTO_TEST_CASE(activities_count_toward_the_category_of_their_date)
{
    kare::plan p = seed::team();
    seed::log(p, "ann", "p1", "dial", "2026-03-02", 10);
    seed::log(p, "ann", "p1", "dial", "2026-03-03", 6);
    p.fire("p1", seed::day("2026-03-04"), "no budget this year", "disqualify");
    seed::log(p, "ann", "p1", "dial", "2026-03-04", 9); // a fired account: no category
    seed::log(p, "ann", "p2", "dial", "2026-03-05", 4);
    const auto r = progress_as_of(p, "2026-03-05");
    BOOST_TEST(line(r, "ann", "dial").current.done == 20);
    BOOST_TEST(line(r, "ann", "dial").accounts == 2);
    BOOST_TEST(r.reps[0].effort.uncategorised == 9);
    BOOST_TEST(r.reps[0].effort.total == 20);
}

BOOST_AUTO_TEST_CASE(activities_count_for_the_rep_who_logged_them)
{
    kare::plan p = seed::team();
    seed::log(p, "cy", "k1", "client_scorecard", "2026-03-02"); // Cy helps on Bob's account
    const auto r = progress_as_of(p, "2026-03-05");
    BOOST_TEST(line(r, "bob", "client_scorecard").current.done == 0);
    BOOST_TEST(line(r, "cy", "client_scorecard").current.done == 1);
    // Cy's own Keep account k4 still has no scorecard.
    BOOST_TEST(line(r, "cy", "client_scorecard").by_account.at(0).current.done == 0);
}

BOOST_AUTO_TEST_CASE(a_rep_gets_the_targets_of_the_categories_they_work)
{
    const auto r = progress_as_of(seed::team(), "2026-03-05");
    BOOST_TEST_REQUIRE(r.reps.size() == 3U);
    std::vector<std::string> ann, bob, cy;
    for (const auto& t : r.reps[0].targets)
        ann.push_back(t.goal.activity);
    for (const auto& t : r.reps[1].targets)
        bob.push_back(t.goal.activity);
    for (const auto& t : r.reps[2].targets)
        cy.push_back(t.goal.activity);
    const std::vector<std::string> attain{"dial", "conversation", "referral_ask", "linkedin_touch"};
    const std::vector<std::string> keep_expand{"temperature_meeting", "client_scorecard",
                                               "expand_attempt", "expand_meeting"};
    const std::vector<std::string> keep_recapture{"temperature_meeting", "client_scorecard",
                                                  "where_are_they_now_call", "recapture_meeting"};
    BOOST_TEST(ann == attain, boost::test_tools::per_element());
    BOOST_TEST(bob == keep_expand, boost::test_tools::per_element());
    BOOST_TEST(cy == keep_recapture, boost::test_tools::per_element());
    BOOST_TEST(r.reps[0].targets[0].by_account.empty());
}

BOOST_AUTO_TEST_CASE(options_choose_the_rep_and_the_trend)
{
    const kare::plan p = seed::team();
    kare::progress_options only_bob;
    only_bob.rep = "bob";
    only_bob.trend_periods = 0;
    const auto r = kare::make_progress(p, seed::day("2026-03-05"), only_bob);
    BOOST_TEST(r.rep == "bob");
    BOOST_TEST_REQUIRE(r.reps.size() == 1U);
    BOOST_TEST(r.reps[0].id == "bob");
    BOOST_TEST(r.reps[0].targets[0].trend.empty());

    const auto four = line(progress_as_of(p, "2026-03-05"), "ann", "dial");
    BOOST_TEST_REQUIRE(four.trend.size() == 4U);
    const std::array<const char*, 4> labels{"2026-W06", "2026-W07", "2026-W08", "2026-W09"};
    for (std::size_t i = 0; i < 4; ++i)
        BOOST_TEST(four.trend[i].label == labels[i]);

    kare::progress_options unknown;
    unknown.rep = "zed";
    BOOST_CHECK_EXCEPTION(kare::make_progress(p, seed::day("2026-03-05"), unknown), kare::error,
                          [](const kare::error& e) { return e.code() == kare::errc::not_found; });
    kare::progress_options too_long;
    too_long.trend_periods = kare::max_trend_periods + 1;
    BOOST_CHECK_EXCEPTION(kare::make_progress(p, seed::day("2026-03-05"), too_long), kare::error,
                          [](const kare::error& e) {
                              return e.code() == kare::errc::invalid_argument;
                          });
    too_long.trend_periods = kare::max_trend_periods;
    BOOST_CHECK_NO_THROW(kare::make_progress(p, seed::day("2026-03-05"), too_long));
}

BOOST_AUTO_TEST_CASE(the_edges_of_the_calendar_do_not_break_anything)
{
    kare::plan p = seed::team();
    seed::log(p, "ann", "p1", "dial", "0001-01-01");
    seed::log(p, "ann", "p1", "dial", "9999-12-31");
    kare::progress_options longest;
    longest.trend_periods = kare::max_trend_periods;
    for (const char* as_of : {"0001-01-01", "9999-12-31"}) {
        const auto r = kare::make_progress(p, seed::day(as_of), longest);
        BOOST_TEST(line(r, "ann", "dial").current.done == 1);
        BOOST_TEST(line(r, "ann", "dial").trend.size() == kare::max_trend_periods);
        BOOST_TEST(!kare::write_progress(r).empty());
    }
}

BOOST_AUTO_TEST_CASE(the_progress_document)
{
    kare::plan p = seed::team();
    seed::log(p, "ann", "p1", "dial", "2026-03-02", 32);
    seed::log(p, "cy", "k4", "temperature_meeting", "2026-03-02", 12);
    kare::progress_options options;
    options.trend_periods = 1;
    const std::string text = kare::write_progress(kare::make_progress(p, seed::day("2026-03-05"), options));
    BOOST_TEST(text.back() == '\n');
    const boost::json::object doc = boost::json::parse(text).as_object();
    std::vector<std::string> keys;
    for (const auto& m : doc)
        keys.emplace_back(m.key());
    const std::vector<std::string> top{"format", "version", "plan", "as_of", "rep",
                                       "fiscal_year_start_month", "pro_rate_by", "reps", "findings"};
    BOOST_TEST(keys == top, boost::test_tools::per_element());
    BOOST_TEST(doc.at("format").as_string() == "kare-progress");
    BOOST_TEST(doc.at("rep").is_null());
    BOOST_TEST(doc.at("pro_rate_by").as_string() == "working_days");

    const auto& dials = doc.at("reps").at(0).at("targets").at(0).as_object();
    BOOST_TEST(boost::json::serialize(dials.at("current")) ==
               R"({"label":"2026-W10","first":"2026-03-02","last":"2026-03-08",)"
               R"("days_elapsed":4,"days_total":5,"target":40,"done":32,"expected":32,)"
               R"("gap":0,"remaining":8,"status":"on_track"})");
    BOOST_TEST(dials.at("activity_name").as_string() == "Dial");
    BOOST_TEST(dials.at("trend").as_array().size() == 1U);
    BOOST_TEST(!dials.contains("by_account"));

    const auto& cy = doc.at("reps").at(2).as_object();
    const auto& scorecard = cy.at("targets").at(1).as_object();
    BOOST_TEST(boost::json::serialize(scorecard.at("by_account")) ==
               R"([{"id":"k4","name":"Account k4","target":1,"done":0,"expected":1,"gap":1,)"
               R"("remaining":1,"status":"not_started"}])");
    BOOST_TEST(boost::json::serialize(cy.at("effort")) ==
               R"({"first":"2026-02-06","last":"2026-03-05","mix_source":"cookbook","total":12,)"
               R"("uncategorised":0,"categories":{"keep":{"activities":12,"accounts":1,)"
               R"("intended_percent":25},"attain":{"activities":0,"accounts":0,"intended_percent":0},)"
               R"("recapture":{"activities":0,"accounts":2,"intended_percent":75},)"
               R"("expand":{"activities":0,"accounts":0,"intended_percent":0}}})");
    const auto& findings = doc.at("findings").as_array();
    BOOST_TEST_REQUIRE(findings.size() == 2U);
    BOOST_TEST(findings[0].at("code").as_string() == "effort.keep_overinvested");
    BOOST_TEST(findings[1].at("code").as_string() == "effort.category_neglected");
    BOOST_TEST(findings[1].at("subject").at("id").as_string() == "cy");
}

BOOST_AUTO_TEST_CASE(the_example_plan_reads_as_the_docs_say)
{
    std::ifstream in(KARE_EXAMPLES_DIR "/cookbook-plan.json", std::ios::binary);
    BOOST_TEST_REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    const auto r = progress_as_of(kare::read_plan(text.str()), "2026-03-05", 2);
    // docs/cookbook.md walks through these figures.
    BOOST_TEST(line(r, "ann", "dial").current.done == 32);
    BOOST_TEST(kare::to_string(line(r, "ann", "dial").current.status) == "on_track");
    BOOST_TEST(line(r, "ann", "dial").trend.back().done == 38);
    BOOST_TEST(kare::to_string(line(r, "ann", "conversation").current.status) == "behind");
    BOOST_TEST(kare::to_string(line(r, "ann", "referral_ask").current.status) == "not_started");
    BOOST_TEST(kare::to_string(line(r, "ann", "linkedin_touch").current.status) == "ahead");
    const auto& scorecards = line(r, "bob", "client_scorecard");
    BOOST_TEST(scorecards.current.done == 2);
    BOOST_TEST(scorecards.by_account.at(2).id == "k3");
    BOOST_TEST(scorecards.by_account.at(2).current.done == 0);
    BOOST_TEST_REQUIRE(r.findings.size() == 1U);
    BOOST_TEST(r.findings[0].code == "effort.keep_overinvested");
    BOOST_TEST(r.findings[0].subject_id == "bob");
}

BOOST_AUTO_TEST_SUITE_END()
