#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <cstdint>
#include <cstdio>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kare/date.hpp"

namespace bdata = boost::unit_test::data;

namespace {

// The suite below is a namespace called `date`, so the type gets an alias.
using kdate = kare::date;

// Compile-time checks: the constexpr API must be usable in constant expressions.
static_assert(kdate{}.days() == 0);
static_assert(kdate{}.year() == 1970 && kdate{}.month() == 1 && kdate{}.day() == 1);
static_assert(kdate::from_ymd(2024, 2, 29).has_value());
static_assert(!kdate::from_ymd(2023, 2, 29).has_value());
static_assert(kdate::from_ymd(2026, 11, 23)->days() == 20780);
static_assert(kdate::from_ymd(2026, 11, 23)->iso_weekday() == 1);
static_assert(kdate::from_days(-1).year() == 1969);
static_assert(days_between(kdate::from_days(10), kdate::from_days(3)) == -7);
static_assert(kdate::from_days(5) < kdate::from_days(6));
static_assert(kare::is_leap_year(2000) && !kare::is_leap_year(1900));
static_assert(kare::days_in_month(2024, 2) == 29 && kare::days_in_month(2024, 13) == 0);

struct valid_case {
    const char* text;
    int year;
    unsigned month;
    unsigned day;
    std::int32_t days;  // since 1970-01-01, computed independently (Python datetime)
};

std::ostream& operator<<(std::ostream& os, const valid_case& c) { return os << '"' << c.text << '"'; }

std::vector<valid_case> valid_cases() {
    return {
        {"1970-01-01", 1970, 1, 1, 0},
        {"1969-12-31", 1969, 12, 31, -1},
        {"2024-02-29", 2024, 2, 29, 19782},
        {"2000-02-29", 2000, 2, 29, 11016},
        {"1900-02-28", 1900, 2, 28, -25509},
        {"2026-11-23", 2026, 11, 23, 20780},
        {"2026-12-31", 2026, 12, 31, 20818},
        {"0001-01-01", 1, 1, 1, -719162},
        {"9999-12-31", 9999, 12, 31, 2932896},
        {"2001-09-11", 2001, 9, 11, 11576},
    };
}

struct text_case {
    std::string_view text;
};

std::ostream& operator<<(std::ostream& os, const text_case& c) { return os << '"' << c.text << '"'; }

std::vector<text_case> invalid_cases() {
    using namespace std::string_view_literals;
    return {
        {"2026-02-30"sv},   // February never has 30 days
        {"2023-02-29"sv},   // not a leap year
        {"1900-02-29"sv},   // century, not divisible by 400
        {"2100-02-29"sv},
        {"0000-01-01"sv},   // year 0 is outside 1..9999
        {"2026-13-01"sv},   // month 13
        {"2026-00-10"sv},   // month 0
        {"2026-01-00"sv},   // day 0
        {"2026-01-32"sv},
        {"2026-04-31"sv},   // April has 30 days
        {"2026-2-3"sv},     // wrong field widths
        {"2026-02-3"sv},
        {"202-01-01"sv},
        {"20260-01-01"sv},
        {" 2026-01-01"sv},  // surrounding whitespace
        {"2026-01-01 "sv},
        {"2026-01-01\n"sv},
        {"+026-01-01"sv},   // signs
        {"-026-01-01"sv},
        {"2026-+1-01"sv},
        {"2026-01--1"sv},
        {"2026/01/01"sv},   // wrong separators
        {"2026 01 01"sv},
        {"20260101xx"sv},
        {"2026--1-01"sv},
        {"20x6-01-01"sv},   // non-digits
        {"2026-0a-01"sv},
        {"2026-01-0a"sv},
        {"2026-01-0\0"sv},  // embedded NUL
        {"2026-01-01T00:00"sv},
        {""sv},
    };
}

struct weekday_case {
    const char* text;
    unsigned weekday;
};

std::ostream& operator<<(std::ostream& os, const weekday_case& c) { return os << c.text << " -> " << c.weekday; }

std::vector<weekday_case> weekday_cases() {
    return {
        {"1970-01-01", 4}, {"1969-12-31", 3}, {"2000-01-01", 6}, {"2026-11-23", 1}, {"2026-11-29", 7},
        {"2024-02-29", 4}, {"1900-01-01", 1}, {"2100-12-31", 5}, {"0001-01-01", 1}, {"9999-12-31", 5},
        {"2001-09-11", 2}, {"2027-01-01", 5},
    };
}

// Reference formatting, independent of date::to_string.
std::string format_ymd(int y, unsigned m, unsigned d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(default_is_epoch) {
    const kdate d;
    BOOST_TEST(d.days() == 0);
    BOOST_TEST(d.to_string() == "1970-01-01");
    BOOST_TEST(d.iso_weekday() == 4U);
}

BOOST_DATA_TEST_CASE(parse_valid, bdata::make(valid_cases()), c) {
    const auto parsed = kdate::parse(c.text);
    BOOST_TEST_REQUIRE(parsed.has_value());
    BOOST_TEST(parsed->year() == c.year);
    BOOST_TEST(parsed->month() == c.month);
    BOOST_TEST(parsed->day() == c.day);
    BOOST_TEST(parsed->days() == c.days);
    BOOST_TEST(parsed->to_string() == c.text);
    const auto built = kdate::from_ymd(c.year, c.month, c.day);
    BOOST_TEST_REQUIRE(built.has_value());
    BOOST_TEST(built->days() == c.days);
    BOOST_TEST((*built == *parsed));
}

BOOST_DATA_TEST_CASE(parse_invalid, bdata::make(invalid_cases()), c) {
    BOOST_TEST(!kdate::parse(c.text).has_value());
}

BOOST_AUTO_TEST_CASE(from_ymd_rejects_out_of_range) {
    BOOST_TEST(!kdate::from_ymd(0, 1, 1).has_value());
    BOOST_TEST(!kdate::from_ymd(-1, 1, 1).has_value());
    BOOST_TEST(!kdate::from_ymd(10000, 1, 1).has_value());
    BOOST_TEST(!kdate::from_ymd(2026, 0, 1).has_value());
    BOOST_TEST(!kdate::from_ymd(2026, 13, 1).has_value());
    BOOST_TEST(!kdate::from_ymd(2026, 1, 0).has_value());
    BOOST_TEST(!kdate::from_ymd(2026, 6, 31).has_value());
    BOOST_TEST(!kdate::from_ymd(2026, 2, 29).has_value());
    BOOST_TEST(kdate::from_ymd(2028, 2, 29).has_value());
    BOOST_TEST(kdate::from_ymd(1, 1, 1).has_value());
    BOOST_TEST(kdate::from_ymd(9999, 12, 31).has_value());
}

BOOST_DATA_TEST_CASE(weekday_of_known_dates, bdata::make(weekday_cases()), c) {
    const auto d = kdate::parse(c.text);
    BOOST_TEST_REQUIRE(d.has_value());
    BOOST_TEST(d->iso_weekday() == c.weekday);
}

BOOST_AUTO_TEST_CASE(leap_years_and_month_lengths) {
    BOOST_TEST(kare::is_leap_year(2024));
    BOOST_TEST(kare::is_leap_year(2000));
    BOOST_TEST(kare::is_leap_year(1600));
    BOOST_TEST(kare::is_leap_year(0));
    BOOST_TEST(kare::is_leap_year(-4));
    BOOST_TEST(!kare::is_leap_year(2023));
    BOOST_TEST(!kare::is_leap_year(1900));
    BOOST_TEST(!kare::is_leap_year(2100));
    BOOST_TEST(!kare::is_leap_year(-1));
    const unsigned common[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (unsigned m = 1; m <= 12; ++m) {
        BOOST_TEST(kare::days_in_month(2023, m) == common[m - 1]);
        BOOST_TEST(kare::days_in_month(2024, m) == (m == 2 ? 29U : common[m - 1]));
    }
    BOOST_TEST(kare::days_in_month(2024, 0) == 0U);
    BOOST_TEST(kare::days_in_month(2024, 13) == 0U);
}

// Walks every day from 1900-01-01 to 2100-12-31, tracking the expected civil
// date by hand, so the civil algorithms are checked against simple counting.
BOOST_AUTO_TEST_CASE(round_trip_every_day_1900_to_2100) {
    const auto start = kdate::from_ymd(1900, 1, 1);
    BOOST_TEST_REQUIRE(start.has_value());
    int y = 1900;
    unsigned m = 1;
    unsigned d = 1;
    unsigned weekday = 1;  // 1900-01-01 was a Monday
    std::int32_t days = start->days();
    std::int32_t checked = 0;
    bool ok = true;
    while (y <= 2100) {
        const kdate cur = kdate::from_days(days);
        const std::string expected = format_ymd(y, m, d);
        const auto parsed = kdate::parse(expected);
        const auto built = kdate::from_ymd(y, m, d);
        const bool day_ok = cur.year() == y && cur.month() == m && cur.day() == d && cur.to_string() == expected &&
                            parsed && *parsed == cur && built && *built == cur && cur.iso_weekday() == weekday;
        if (!day_ok) {
            BOOST_TEST(day_ok, "mismatch at " << expected << " (day " << days << "): got " << cur.to_string());
            ok = false;
            break;
        }
        ++checked;
        ++days;
        weekday = weekday % 7 + 1;
        if (++d > kare::days_in_month(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                ++y;
            }
        }
    }
    BOOST_TEST(ok);
    BOOST_TEST(checked == 73414);  // 201 years, 49 of them leap (2000 yes, 1900 and 2100 no)
    BOOST_TEST(kdate::from_days(days).to_string() == "2101-01-01");
}

// The civil conversions must be exact inverses over the whole int32 range.
BOOST_AUTO_TEST_CASE(civil_round_trip_whole_range) {
    constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t hi = std::numeric_limits<std::int32_t>::max();
    std::int64_t failed_at = 0;
    bool ok = true;
    for (std::int64_t z = lo; z <= hi && ok; z += 9973) {
        const auto c = kare::detail::civil_from_days(z);
        ok = c.month >= 1 && c.month <= 12 && c.day >= 1 &&
             c.day <= kare::days_in_month(static_cast<int>(c.year), c.month) &&
             kare::detail::days_from_civil(c.year, c.month, c.day) == z;
        failed_at = z;
    }
    BOOST_TEST(ok, "civil round trip failed at day " << failed_at);
    const auto c = kare::detail::civil_from_days(hi);
    BOOST_TEST(kare::detail::days_from_civil(c.year, c.month, c.day) == hi);
}

BOOST_AUTO_TEST_CASE(arithmetic_and_ordering) {
    const kdate a = *kdate::from_ymd(2024, 2, 28);
    const kdate b = a.plus_days(1);
    BOOST_TEST(b.to_string() == "2024-02-29");
    BOOST_TEST(b.plus_days(1).to_string() == "2024-03-01");
    BOOST_TEST(a.plus_days(-59).to_string() == "2023-12-31");
    BOOST_TEST(a.plus_days(0).days() == a.days());
    BOOST_TEST(days_between(a, b) == 1);
    BOOST_TEST(days_between(b, a) == -1);
    BOOST_TEST(days_between(a, a) == 0);
    BOOST_TEST(days_between(*kdate::from_ymd(2024, 1, 1), *kdate::from_ymd(2025, 1, 1)) == 366);
    BOOST_TEST(days_between(*kdate::from_ymd(2023, 1, 1), *kdate::from_ymd(2024, 1, 1)) == 365);
    BOOST_TEST((a < b));
    BOOST_TEST((b > a));
    BOOST_TEST((a <= a));
    BOOST_TEST((a != b));
    BOOST_TEST((a == *kdate::parse("2024-02-28")));
    BOOST_TEST(((a <=> b) == std::strong_ordering::less));
}

BOOST_AUTO_TEST_CASE(extremes_do_not_overflow) {
    constexpr std::int32_t lo = std::numeric_limits<std::int32_t>::min();
    constexpr std::int32_t hi = std::numeric_limits<std::int32_t>::max();
    const kdate first = kdate::from_days(lo);
    const kdate last = kdate::from_days(hi);
    BOOST_TEST(last.plus_days(1).days() == hi);       // saturates
    BOOST_TEST(first.plus_days(-1).days() == lo);
    BOOST_TEST(days_between(first, last) == hi);
    BOOST_TEST(days_between(last, first) == lo);
    BOOST_TEST(last.year() > 5000000);
    BOOST_TEST(first.year() < -5000000);
    BOOST_TEST(last.iso_weekday() >= 1U);
    BOOST_TEST(last.iso_weekday() <= 7U);
    BOOST_TEST(first.iso_weekday() >= 1U);
    BOOST_TEST(first.iso_weekday() <= 7U);
    // Outside 1..9999 the text form is not parseable.
    BOOST_TEST(!kdate::parse(last.to_string()).has_value());
    BOOST_TEST(first.to_string().front() == '-');
    BOOST_TEST(kdate::from_days(-719528).to_string() == "0000-01-01");
    BOOST_TEST(kdate::from_days(-719529).to_string() == "-0001-12-31");
}

BOOST_AUTO_TEST_SUITE_END()
