#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kare/calendar.hpp"
#include "kare/date.hpp"

namespace bdata = boost::unit_test::data;

namespace {

using kare::period;
using kare::period_kind;

// Compile-time checks of the constexpr parts.
static_assert(kare::iso_week_of(*kare::date::from_ymd(2020, 12, 31)) == kare::iso_week{2020, 53});
static_assert(kare::period_containing(*kare::date::from_ymd(2024, 2, 10), period_kind::month, 1).length_days() == 29);
static_assert(kare::period_kind_from_string("quarter") == period_kind::quarter);
static_assert(kare::to_string(period_kind::week) == "week");

kare::date ymd(int y, unsigned m, unsigned d) {
    const auto r = kare::date::from_ymd(y, m, d);
    BOOST_TEST_REQUIRE(r.has_value());
    return *r;
}

kare::date parse(std::string_view text) {
    const auto r = kare::date::parse(text);
    BOOST_TEST_REQUIRE(r.has_value(), "bad test date " << text);
    return *r;
}

// Compact text form so period mismatches print readably.
std::string show(const period& p) {
    return std::string(kare::to_string(p.kind)) + ' ' + p.first.to_string() + ".." + p.last.to_string();
}

std::string show(period_kind kind, std::string_view first, std::string_view last) {
    return std::string(kare::to_string(kind)) + ' ' + std::string(first) + ".." + std::string(last);
}

// ---------------------------------------------------------------- ISO weeks

struct week_case {
    const char* date;
    int year;
    unsigned week;
};

std::ostream& operator<<(std::ostream& os, const week_case& c) {
    return os << c.date << " -> " << c.year << "-W" << c.week;
}

std::vector<week_case> week_cases() {
    return {
        {"2020-12-31", 2020, 53}, {"2021-01-03", 2020, 53}, {"2021-01-04", 2021, 1},  {"2026-12-31", 2026, 53},
        {"2024-12-30", 2025, 1},  {"2027-01-01", 2026, 53}, {"2027-01-03", 2026, 53}, {"2027-01-04", 2027, 1},
        {"2026-01-01", 2026, 1},  {"2025-12-29", 2026, 1},  {"2025-12-28", 2025, 52}, {"2026-11-23", 2026, 48},
        {"2008-12-29", 2009, 1},  {"2010-01-03", 2009, 53}, {"2005-01-01", 2004, 53}, {"2005-01-02", 2004, 53},
        {"2007-01-01", 2007, 1},  {"2007-12-30", 2007, 52}, {"2007-12-31", 2008, 1},  {"1970-01-01", 1970, 1},
        {"2000-01-01", 1999, 52}, {"0001-01-01", 1, 1},     {"9999-12-31", 9999, 52},
    };
}

// ---------------------------------------------------------------- periods

struct period_case {
    const char* date;
    unsigned fiscal_start;
    period_kind kind;
    const char* label;
    const char* first;
    const char* last;
    std::int32_t length;
};

std::ostream& operator<<(std::ostream& os, const period_case& c) {
    return os << c.date << ' ' << kare::to_string(c.kind) << " (FY start " << c.fiscal_start << ") -> " << c.label;
}

std::vector<period_case> period_cases() {
    using k = period_kind;
    return {
        // ISO weeks, including a 53-week year and a week crossing the year end.
        {"2026-11-25", 1, k::week, "2026-W48", "2026-11-23", "2026-11-29", 7},
        {"2020-12-31", 1, k::week, "2020-W53", "2020-12-28", "2021-01-03", 7},
        {"2021-01-03", 7, k::week, "2020-W53", "2020-12-28", "2021-01-03", 7},
        {"2024-12-31", 1, k::week, "2025-W01", "2024-12-30", "2025-01-05", 7},
        // Calendar months, leap and common Februaries; fiscal start is ignored.
        {"2024-02-10", 1, k::month, "2024-02", "2024-02-01", "2024-02-29", 29},
        {"2023-02-28", 4, k::month, "2023-02", "2023-02-01", "2023-02-28", 28},
        {"2026-12-31", 10, k::month, "2026-12", "2026-12-01", "2026-12-31", 31},
        // Fiscal quarters, start month 1 (calendar quarters).
        {"2026-01-01", 1, k::quarter, "FY2026-Q1", "2026-01-01", "2026-03-31", 90},
        {"2026-12-31", 1, k::quarter, "FY2026-Q4", "2026-10-01", "2026-12-31", 92},
        {"2024-02-29", 1, k::quarter, "FY2024-Q1", "2024-01-01", "2024-03-31", 91},
        // Start month 2: Q4 spans Nov..Jan across the calendar year end.
        {"2026-01-31", 2, k::quarter, "FY2026-Q4", "2025-11-01", "2026-01-31", 92},
        {"2026-02-01", 2, k::quarter, "FY2027-Q1", "2026-02-01", "2026-04-30", 89},
        {"2026-11-23", 2, k::quarter, "FY2027-Q4", "2026-11-01", "2027-01-31", 92},
        {"2027-01-15", 2, k::quarter, "FY2027-Q4", "2026-11-01", "2027-01-31", 92},
        {"2024-03-15", 2, k::quarter, "FY2025-Q1", "2024-02-01", "2024-04-30", 90},
        // Start month 4.
        {"2026-03-31", 4, k::quarter, "FY2026-Q4", "2026-01-01", "2026-03-31", 90},
        {"2026-04-01", 4, k::quarter, "FY2027-Q1", "2026-04-01", "2026-06-30", 91},
        {"2026-12-25", 4, k::quarter, "FY2027-Q3", "2026-10-01", "2026-12-31", 92},
        {"2027-01-01", 4, k::quarter, "FY2027-Q4", "2027-01-01", "2027-03-31", 90},
        // Start month 10.
        {"2026-09-30", 10, k::quarter, "FY2026-Q4", "2026-07-01", "2026-09-30", 92},
        {"2026-10-01", 10, k::quarter, "FY2027-Q1", "2026-10-01", "2026-12-31", 92},
        {"2027-01-01", 10, k::quarter, "FY2027-Q2", "2027-01-01", "2027-03-31", 90},
        // Start months 11 and 12: Q1 itself crosses the year end (and a leap day).
        {"2026-01-31", 11, k::quarter, "FY2026-Q1", "2025-11-01", "2026-01-31", 92},
        {"2024-02-29", 12, k::quarter, "FY2024-Q1", "2023-12-01", "2024-02-29", 91},
        {"2023-02-15", 12, k::quarter, "FY2023-Q1", "2022-12-01", "2023-02-28", 90},
        {"2023-11-30", 12, k::quarter, "FY2023-Q4", "2023-09-01", "2023-11-30", 91},
        // Fiscal years.
        {"2026-06-15", 1, k::year, "FY2026", "2026-01-01", "2026-12-31", 365},
        {"2024-06-15", 1, k::year, "FY2024", "2024-01-01", "2024-12-31", 366},
        {"2026-02-01", 2, k::year, "FY2027", "2026-02-01", "2027-01-31", 365},
        {"2026-01-31", 2, k::year, "FY2026", "2025-02-01", "2026-01-31", 365},
        {"2024-02-29", 4, k::year, "FY2024", "2023-04-01", "2024-03-31", 366},
        {"2026-10-01", 10, k::year, "FY2027", "2026-10-01", "2027-09-30", 365},
        {"2026-06-30", 7, k::year, "FY2026", "2025-07-01", "2026-06-30", 365},
        {"2026-12-01", 12, k::year, "FY2027", "2026-12-01", "2027-11-30", 365},
    };
}

// ---------------------------------------------------------------- neighbours

struct step_case {
    unsigned fiscal_start;
    period_kind kind;
    const char* first;  // of the starting period
    const char* prev_first;
    const char* prev_last;
    const char* next_first;
    const char* next_last;
};

std::ostream& operator<<(std::ostream& os, const step_case& c) {
    return os << kare::to_string(c.kind) << " from " << c.first << " (FY start " << c.fiscal_start << ')';
}

std::vector<step_case> step_cases() {
    using k = period_kind;
    return {
        {1, k::week, "2020-12-28", "2020-12-21", "2020-12-27", "2021-01-04", "2021-01-10"},
        {1, k::week, "2021-01-04", "2020-12-28", "2021-01-03", "2021-01-11", "2021-01-17"},
        {1, k::month, "2026-12-01", "2026-11-01", "2026-11-30", "2027-01-01", "2027-01-31"},
        {1, k::month, "2024-03-01", "2024-02-01", "2024-02-29", "2024-04-01", "2024-04-30"},
        {1, k::quarter, "2026-10-01", "2026-07-01", "2026-09-30", "2027-01-01", "2027-03-31"},
        {2, k::quarter, "2026-11-01", "2026-08-01", "2026-10-31", "2027-02-01", "2027-04-30"},
        {2, k::quarter, "2026-02-01", "2025-11-01", "2026-01-31", "2026-05-01", "2026-07-31"},
        {10, k::quarter, "2026-10-01", "2026-07-01", "2026-09-30", "2027-01-01", "2027-03-31"},
        {1, k::year, "2026-01-01", "2025-01-01", "2025-12-31", "2027-01-01", "2027-12-31"},
        {10, k::year, "2026-10-01", "2025-10-01", "2026-09-30", "2027-10-01", "2028-09-30"},
        {2, k::year, "2024-02-01", "2023-02-01", "2024-01-31", "2025-02-01", "2026-01-31"},
    };
}

// ---------------------------------------------------------------- business days

// Holidays for the business-day tests, deliberately unsorted and duplicated.
// 2026-11-26 Thu, 2026-11-28 Sat (a holiday on a weekend), 2026-12-25 Fri,
// 2027-01-01 Fri.
std::vector<kare::date> sample_holidays() {
    return {parse("2026-12-25"), parse("2026-11-26"), parse("2027-01-01"), parse("2026-11-28"), parse("2026-12-25")};
}

struct span_case {
    const char* from;
    const char* to;
    std::int32_t with_weekends_excluded;  // hand-counted, see comments
    std::int32_t all_days;                // weekends count, holidays do not
};

std::ostream& operator<<(std::ostream& os, const span_case& c) { return os << c.from << " .. " << c.to; }

// Nov 2026: Mon 23, Tue 24, Wed 25, Thu 26 (hol), Fri 27, Sat 28 (hol), Sun 29, Mon 30.
std::vector<span_case> span_cases() {
    return {
        {"2026-11-23", "2026-11-23", 0, 0},     // from == to
        {"2026-11-28", "2026-11-28", 0, 0},     // from == to on a holiday
        {"2026-11-23", "2026-11-24", 1, 1},
        {"2026-11-23", "2026-11-27", 3, 3},     // 24, 25, 27 (26 is a holiday)
        {"2026-11-23", "2026-11-29", 3, 4},     // + 29 when weekends count
        {"2026-11-23", "2026-11-30", 4, 5},
        {"2026-11-30", "2026-11-23", -4, -5},   // reversed order
        {"2026-11-27", "2026-11-30", 1, 2},     // over a weekend: 30 (and 29)
        {"2026-11-28", "2026-11-29", 0, 1},     // Sat -> Sun
        {"2026-11-29", "2026-11-28", 0, -1},
        {"2026-11-26", "2026-11-27", 1, 1},     // from is a holiday: excluded anyway
        {"2026-11-25", "2026-11-26", 0, 0},     // to is a holiday
        {"2026-11-27", "2026-11-26", -1, -1},
        {"2026-11-27", "2026-11-28", 0, 0},     // to is a weekend holiday
        {"2026-11-30", "2026-12-31", 22, 30},   // 23 weekdays in Dec 2026, minus the 25th
        {"2026-12-31", "2027-01-04", 1, 3},     // Jan 1 holiday, 2-3 weekend, 4 Mon
        {"2026-11-22", "2027-01-03", 27, 38},   // 6 full weeks = 30 weekdays - 3 weekday holidays
        {"2027-01-03", "2026-11-22", -27, -38},
    };
}

// Naive reference: walks the days one by one.
std::int32_t naive_days_between(const kare::holiday_calendar& cal, kare::date from, kare::date to) {
    const bool reversed = to < from;
    const kare::date lo = reversed ? to : from;
    const kare::date hi = reversed ? from : to;
    std::int32_t n = 0;
    for (kare::date d = lo.plus_days(1); d <= hi; d = d.plus_days(1)) {
        n += cal.is_business_day(d) ? 1 : 0;
    }
    return reversed ? -n : n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(period_kind_names) {
    for (const period_kind kind : {period_kind::week, period_kind::month, period_kind::quarter, period_kind::year}) {
        const auto back = kare::period_kind_from_string(kare::to_string(kind));
        BOOST_TEST_REQUIRE(back.has_value());
        BOOST_TEST((*back == kind));
    }
    BOOST_TEST(kare::to_string(period_kind::month) == "month");
    BOOST_TEST(kare::to_string(period_kind::quarter) == "quarter");
    BOOST_TEST(kare::to_string(period_kind::year) == "year");
    for (const std::string_view bad : {"", "Week", "weeks", " week", "month ", "q", "annual", "YEAR"}) {
        BOOST_TEST(!kare::period_kind_from_string(bad).has_value(), "accepted '" << bad << "'");
    }
}

BOOST_DATA_TEST_CASE(iso_week_edge_cases, bdata::make(week_cases()), c) {
    const kare::iso_week w = kare::iso_week_of(parse(c.date));
    BOOST_TEST(w.year == c.year);
    BOOST_TEST(w.week == c.week);
}

// Cross-checks iso_week_of against the week-counting rules for 1900..2100:
// weeks advance on Mondays only, and a year has 53 weeks exactly when it
// starts on a Thursday, or on a Wednesday in a leap year.
BOOST_AUTO_TEST_CASE(iso_weeks_are_consistent_1900_to_2100) {
    const kare::date end = ymd(2100, 12, 31);
    kare::date d = ymd(1900, 1, 1);  // a Monday, ISO 1900-W01
    kare::iso_week prev = kare::iso_week_of(d);
    BOOST_TEST(prev.year == 1900);
    BOOST_TEST(prev.week == 1U);
    bool ok = true;
    for (d = d.plus_days(1); d <= end && ok; d = d.plus_days(1)) {
        const kare::iso_week w = kare::iso_week_of(d);
        if (d.iso_weekday() != 1) {
            ok = w == prev;
        } else if (w.year == prev.year) {
            ok = w.week == prev.week + 1;
        } else {
            const kare::date jan1 = ymd(prev.year, 1, 1);
            const unsigned weeks_in_prev =
                jan1.iso_weekday() == 4 || (kare::is_leap_year(prev.year) && jan1.iso_weekday() == 3) ? 53U : 52U;
            ok = w.year == prev.year + 1 && w.week == 1 && prev.week == weeks_in_prev;
        }
        BOOST_TEST_REQUIRE(ok, "ISO week inconsistent at " << d.to_string());
        prev = w;
    }
}

BOOST_DATA_TEST_CASE(period_containing_and_label, bdata::make(period_cases()), c) {
    const kare::date d = parse(c.date);
    const period p = kare::period_containing(d, c.kind, c.fiscal_start);
    BOOST_TEST(show(p) == show(c.kind, c.first, c.last));
    BOOST_TEST(p.label(c.fiscal_start) == c.label);
    BOOST_TEST(p.length_days() == c.length);
    BOOST_TEST((p.first <= d));
    BOOST_TEST((d <= p.last));
    // Every day of the period maps back to the same period.
    BOOST_TEST((kare::period_containing(p.first, c.kind, c.fiscal_start) == p));
    BOOST_TEST((kare::period_containing(p.last, c.kind, c.fiscal_start) == p));
}

BOOST_AUTO_TEST_CASE(fiscal_year_naming) {
    BOOST_TEST(kare::fiscal_year_of(parse("2026-01-01"), 1) == 2026);
    BOOST_TEST(kare::fiscal_year_of(parse("2026-12-31"), 1) == 2026);
    BOOST_TEST(kare::fiscal_year_of(parse("2026-01-31"), 2) == 2026);
    BOOST_TEST(kare::fiscal_year_of(parse("2026-02-01"), 2) == 2027);
    BOOST_TEST(kare::fiscal_year_of(parse("2027-01-31"), 2) == 2027);
    BOOST_TEST(kare::fiscal_year_of(parse("2026-09-30"), 10) == 2026);
    BOOST_TEST(kare::fiscal_year_of(parse("2026-10-01"), 10) == 2027);
}

BOOST_AUTO_TEST_CASE(fiscal_start_month_is_clamped) {
    const kare::date d = parse("2026-01-15");
    BOOST_TEST(kare::clamp_fiscal_start(0) == 1U);
    BOOST_TEST(kare::clamp_fiscal_start(7) == 7U);
    BOOST_TEST(kare::clamp_fiscal_start(13) == 12U);
    BOOST_TEST((kare::period_containing(d, period_kind::year, 0) == kare::period_containing(d, period_kind::year, 1)));
    BOOST_TEST(
        (kare::period_containing(d, period_kind::quarter, 99) == kare::period_containing(d, period_kind::quarter, 12)));
    BOOST_TEST(kare::period_containing(d, period_kind::quarter, 0).label(0) == "FY2026-Q1");
    BOOST_TEST(kare::period_containing(d, period_kind::year, 13).label(13) == "FY2026");
}

BOOST_DATA_TEST_CASE(previous_and_next_periods, bdata::make(step_cases()), c) {
    const period p = kare::period_containing(parse(c.first), c.kind, c.fiscal_start);
    BOOST_TEST(p.first.to_string() == c.first);
    const period prev = kare::previous_period(p, c.fiscal_start);
    const period next = kare::next_period(p, c.fiscal_start);
    BOOST_TEST(show(prev) == show(c.kind, c.prev_first, c.prev_last));
    BOOST_TEST(show(next) == show(c.kind, c.next_first, c.next_last));
}

BOOST_AUTO_TEST_CASE(labels_across_year_ends) {
    const period q = kare::period_containing(parse("2026-11-23"), period_kind::quarter, 2);
    BOOST_TEST(q.label(2) == "FY2027-Q4");
    BOOST_TEST(kare::next_period(q, 2).label(2) == "FY2028-Q1");
    BOOST_TEST(kare::previous_period(q, 2).label(2) == "FY2027-Q3");
    const period w = kare::period_containing(parse("2020-12-31"), period_kind::week, 1);
    BOOST_TEST(w.label(1) == "2020-W53");
    BOOST_TEST(kare::next_period(w, 1).label(1) == "2021-W01");
    BOOST_TEST(kare::previous_period(kare::period_containing(parse("2025-01-01"), period_kind::week, 1), 1).label(1) ==
               "2024-W52");
    const period y = kare::period_containing(parse("2026-03-01"), period_kind::year, 4);
    BOOST_TEST(y.label(4) == "FY2026");
    BOOST_TEST(kare::next_period(y, 4).label(4) == "FY2027");
    BOOST_TEST(kare::period_containing(parse("2026-12-31"), period_kind::month, 1).label(1) == "2026-12");
    BOOST_TEST(kare::next_period(kare::period_containing(parse("2026-12-31"), period_kind::month, 1), 1).label(1) ==
               "2027-01");
}

// Walking forward and back must tile the timeline without gaps or overlaps,
// for every kind and every fiscal start month.
BOOST_AUTO_TEST_CASE(periods_tile_the_timeline) {
    for (const period_kind kind : {period_kind::week, period_kind::month, period_kind::quarter, period_kind::year}) {
        for (unsigned fs = 1; fs <= 12; ++fs) {
            period p = kare::period_containing(parse("1999-12-31"), kind, fs);
            for (int i = 0; i < 150; ++i) {
                const period n = kare::next_period(p, fs);
                const bool ok = n.kind == kind && days_between(p.last, n.first) == 1 && n.first <= n.last &&
                                kare::previous_period(n, fs) == p;
                BOOST_TEST_REQUIRE(ok, "gap or overlap after " << show(p) << " (FY start " << fs << ')');
                p = n;
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(elapsed_in_boundaries) {
    const period feb = kare::period_containing(parse("2024-02-10"), period_kind::month, 1);
    struct expectation {
        const char* as_of;
        std::int32_t elapsed;
    };
    const expectation cases[] = {
        {"1900-01-01", 0}, {"2024-01-31", 0},  {"2024-02-01", 1},  {"2024-02-15", 15},
        {"2024-02-28", 28}, {"2024-02-29", 29}, {"2024-03-01", 29}, {"9999-12-31", 29},
    };
    for (const auto& e : cases) {
        const kare::elapsed r = kare::elapsed_in(feb, parse(e.as_of));
        BOOST_TEST(r.days_elapsed == e.elapsed, "as of " << e.as_of);
        BOOST_TEST(r.days_total == 29);
    }
    const period fy = kare::period_containing(parse("2026-02-01"), period_kind::year, 2);
    const kare::elapsed mid = kare::elapsed_in(fy, parse("2026-12-31"));
    BOOST_TEST(mid.days_elapsed == 334);  // Feb 1 .. Dec 31 2026
    BOOST_TEST(mid.days_total == 365);
    const period w = kare::period_containing(parse("2020-12-31"), period_kind::week, 1);
    BOOST_TEST(kare::elapsed_in(w, parse("2021-01-03")).days_elapsed == 7);
    BOOST_TEST(kare::elapsed_in(w, parse("2020-12-27")).days_elapsed == 0);
}

BOOST_AUTO_TEST_CASE(holiday_calendar_basics) {
    const kare::holiday_calendar cal(sample_holidays(), true);
    BOOST_TEST(cal.excludes_weekends());
    BOOST_TEST_REQUIRE(cal.holidays().size() == 4U);  // duplicate removed, weekend holiday kept
    BOOST_TEST(cal.holidays()[0].to_string() == "2026-11-26");
    BOOST_TEST(cal.holidays()[1].to_string() == "2026-11-28");
    BOOST_TEST(cal.holidays()[2].to_string() == "2026-12-25");
    BOOST_TEST(cal.holidays()[3].to_string() == "2027-01-01");
    BOOST_TEST(cal.is_business_day(parse("2026-11-23")));
    BOOST_TEST(!cal.is_business_day(parse("2026-11-26")));  // holiday
    BOOST_TEST(!cal.is_business_day(parse("2026-11-28")));  // weekend and holiday
    BOOST_TEST(!cal.is_business_day(parse("2026-11-29")));  // Sunday

    const kare::holiday_calendar all_days(sample_holidays(), false);
    BOOST_TEST(!all_days.excludes_weekends());
    BOOST_TEST(all_days.is_business_day(parse("2026-11-29")));
    BOOST_TEST(!all_days.is_business_day(parse("2026-11-28")));

    const kare::holiday_calendar none;
    BOOST_TEST(!none.excludes_weekends());
    BOOST_TEST(none.holidays().empty());
    BOOST_TEST(none.is_business_day(parse("2026-11-28")));
    BOOST_TEST(none.days_between(parse("2026-01-01"), parse("2027-01-01")) == 365);
    BOOST_TEST(none.days_between(parse("2027-01-01"), parse("2026-01-01")) == -365);
    BOOST_TEST(none.days_between(parse("2024-02-28"), parse("2024-03-01")) == 2);
}

BOOST_DATA_TEST_CASE(business_days_between, bdata::make(span_cases()), c) {
    const kare::holiday_calendar weekdays(sample_holidays(), true);
    const kare::holiday_calendar every_day(sample_holidays(), false);
    const kare::date from = parse(c.from);
    const kare::date to = parse(c.to);
    BOOST_TEST(weekdays.days_between(from, to) == c.with_weekends_excluded);
    BOOST_TEST(every_day.days_between(from, to) == c.all_days);
    BOOST_TEST(weekdays.days_between(to, from) == -c.with_weekends_excluded);  // symmetric
    BOOST_TEST(every_day.days_between(to, from) == -c.all_days);
}

BOOST_AUTO_TEST_CASE(weekends_only_without_holidays) {
    const kare::holiday_calendar cal({}, true);
    // Mon 2026-11-23: each step forward through the week.
    const std::int32_t expected[] = {0, 1, 2, 3, 4, 4, 4, 5, 6};
    for (std::int32_t i = 0; i < 9; ++i) {
        BOOST_TEST(cal.days_between(parse("2026-11-23"), parse("2026-11-23").plus_days(i)) == expected[i],
                   "offset " << i);
    }
    // Starting on a Saturday, the first business day is the Monday.
    BOOST_TEST(cal.days_between(parse("2026-11-28"), parse("2026-11-30")) == 1);
    BOOST_TEST(cal.days_between(parse("2026-11-28"), parse("2026-11-29")) == 0);
    // Two full 400-year Gregorian cycles are exactly 41742 weeks.
    BOOST_TEST(cal.days_between(parse("1600-01-01"), parse("2400-01-01")) == 41742 * 5);
    BOOST_TEST(cal.days_between(parse("2400-01-01"), parse("1600-01-01")) == -41742 * 5);
}

// Compares the O(log n) count against a day-by-day walk over many ranges.
BOOST_AUTO_TEST_CASE(business_days_match_naive_count) {
    std::vector<kare::date> hol = sample_holidays();
    for (int i = 0; i < 40; ++i) {
        hol.push_back(parse("2026-10-01").plus_days(i * 7 + i % 5));  // mixes weekdays and weekends
    }
    const kare::holiday_calendar cals[] = {kare::holiday_calendar(hol, true), kare::holiday_calendar(hol, false),
                                           kare::holiday_calendar({}, true), kare::holiday_calendar()};
    const kare::date base = parse("2026-09-20");
    for (const auto& cal : cals) {
        for (std::int32_t a = 0; a < 400; a += 3) {
            for (std::int32_t b = 0; b < 400; b += 11) {
                const kare::date from = base.plus_days(a);
                const kare::date to = base.plus_days(b);
                const std::int32_t fast = cal.days_between(from, to);
                const std::int32_t slow = naive_days_between(cal, from, to);
                if (fast != slow) {
                    BOOST_TEST(fast == slow, from.to_string() << " .. " << to.to_string()
                                                              << " weekends excluded: " << cal.excludes_weekends());
                    return;
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(business_days_extreme_spans) {
    constexpr std::int32_t lo = std::numeric_limits<std::int32_t>::min();
    constexpr std::int32_t hi = std::numeric_limits<std::int32_t>::max();
    const kare::date first = kare::date::from_days(lo);
    const kare::date last = kare::date::from_days(hi);
    const kare::holiday_calendar every_day;
    BOOST_TEST(every_day.days_between(first, last) == hi);  // saturated
    BOOST_TEST(every_day.days_between(last, first) == lo);
    const kare::holiday_calendar weekdays(sample_holidays(), true);
    const std::int32_t n = weekdays.days_between(first, last);
    BOOST_TEST(n > 1500000000);  // about 5/7 of 2^32, saturated at the top
    BOOST_TEST(weekdays.days_between(first, parse("2026-01-01")) > 0);
}

BOOST_AUTO_TEST_SUITE_END()
