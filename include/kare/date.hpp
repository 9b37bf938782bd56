/// @file
/// @brief Calendar date type (`kare::date`): a day in the proleptic Gregorian
///        calendar, with no time of day and no time zone.

#ifndef KARE_DATE_HPP
#define KARE_DATE_HPP

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {

/// @brief Implementation details of the calendar module; not part of the API.
namespace detail {

/// @brief A broken-down proleptic Gregorian date used by the civil algorithms.
struct civil {
    std::int64_t year;  ///< Astronomical year (year 0 exists, may be negative).
    unsigned month;     ///< Month, 1..12.
    unsigned day;       ///< Day of month, 1..31.
};

/// @brief Floor division (rounds towards negative infinity).
/// @param a Dividend.
/// @param b Divisor; must be positive.
/// @return floor(a / b).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    return (a >= 0 ? a : a - (b - 1)) / b;
}

/// @brief Days since 1970-01-01 of a civil date (Howard Hinnant's
///        `days_from_civil`). Valid for any month 1..12 and day 1..31; does not
///        validate the day against the month length.
/// @param y Astronomical year.
/// @param m Month, 1..12.
/// @param d Day of month.
/// @return Days since 1970-01-01 (negative before the epoch).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = floor_div(y, 400);
    const auto yoe = static_cast<unsigned>(y - era * 400);                 // [0, 399]
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// @brief Civil date of a day count since 1970-01-01 (Howard Hinnant's
///        `civil_from_days`).
/// @param z Days since 1970-01-01.
/// @return The corresponding civil date.
constexpr civil civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = floor_div(z, 146097);
    const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;                             // [1, 31]
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;                               // [1, 12]
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    return civil{y, m, d};
}

/// @brief Narrows a 64-bit value to `std::int32_t`, saturating at the limits
///        (keeps date arithmetic free of undefined behaviour at the extremes).
/// @param v Value to narrow.
/// @return `v` clamped to the range of `std::int32_t`.
constexpr std::int32_t saturate_i32(std::int64_t v) noexcept {
    constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t hi = std::numeric_limits<std::int32_t>::max();
    return static_cast<std::int32_t>(v < lo ? lo : (v > hi ? hi : v));
}

/// @brief Appends `v` as decimal, zero-padded to at least `width` digits; a
///        negative value gets a leading '-'.
/// @param out String to append to.
/// @param v Value to format.
/// @param width Minimum number of digits.
inline void append_padded(std::string& out, std::int64_t v, int width) {
    if (v < 0) {
        out.push_back('-');
    }
    // Work with the magnitude as unsigned so INT64_MIN cannot overflow.
    std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    char buf[24];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + mag % 10);
        mag /= 10;
    } while (mag != 0);
    for (; n < width; ++n) {
        buf[n] = '0';
    }
    while (n > 0) {
        out.push_back(buf[--n]);
    }
}

}  // namespace detail

/// @brief Whether @p y is a leap year in the proleptic Gregorian calendar.
/// @param y Astronomical year.
/// @return true for years divisible by 4, except centuries not divisible by 400.
constexpr bool is_leap_year(int y) noexcept {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/// @brief Number of days in month @p m of year @p y.
/// @param y Astronomical year.
/// @param m Month, 1..12.
/// @return 28..31, or 0 if @p m is not in 1..12.
constexpr unsigned days_in_month(int y, unsigned m) noexcept {
    constexpr unsigned lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) {
        return 0;
    }
    return m == 2 && is_leap_year(y) ? 29U : lengths[m - 1];
}

/// @brief A calendar date (proleptic Gregorian, no time of day, no zone).
///
/// Stored as a signed 32-bit count of days since 1970-01-01, so copies are
/// cheap and comparisons are integer comparisons. Every `std::int32_t` value is
/// a valid date; only from_ymd() and parse() restrict the year to 1..9999.
class date {
public:
    /// @brief Constructs 1970-01-01.
    constexpr date() noexcept = default;

    /// @brief Date @p days days after 1970-01-01.
    /// @param days Days since 1970-01-01 (negative for earlier dates).
    /// @return The date.
    static constexpr date from_days(std::int32_t days) noexcept {
        date d;
        d.days_ = days;
        return d;
    }

    /// @brief Validated construction from year, month and day.
    /// @param y Year, 1..9999.
    /// @param m Month, 1..12.
    /// @param d Day, 1..days_in_month(y, m).
    /// @return The date, or std::nullopt if any component is out of range.
    static constexpr std::optional<date> from_ymd(int y, unsigned m, unsigned d) noexcept {
        if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
            return std::nullopt;
        }
        return from_days(static_cast<std::int32_t>(detail::days_from_civil(y, m, d)));
    }

    /// @brief Strictly parses "YYYY-MM-DD".
    ///
    /// Exactly ten characters: four digits, '-', two digits, '-', two digits,
    /// forming a valid date with year 1..9999. No sign, no whitespace, no
    /// shortened fields.
    /// @param text Text to parse.
    /// @return The date, or std::nullopt if @p text is not in that form.
    static std::optional<date> parse(std::string_view text) noexcept {
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
            return std::nullopt;
        }
        unsigned fields[3] = {0, 0, 0};
        constexpr std::size_t starts[3] = {0, 5, 8};
        constexpr std::size_t ends[3] = {4, 7, 10};
        for (std::size_t f = 0; f < 3; ++f) {
            for (std::size_t i = starts[f]; i < ends[f]; ++i) {
                const char c = text[i];
                if (c < '0' || c > '9') {
                    return std::nullopt;
                }
                fields[f] = fields[f] * 10 + static_cast<unsigned>(c - '0');
            }
        }
        return from_ymd(static_cast<int>(fields[0]), fields[1], fields[2]);
    }

    /// @brief Year (astronomical numbering; may be outside 1..9999 for dates
    ///        built with from_days()).
    /// @return The year.
    constexpr int year() const noexcept {
        return static_cast<int>(detail::civil_from_days(days_).year);
    }

    /// @brief Month of the year.
    /// @return 1..12.
    constexpr unsigned month() const noexcept { return detail::civil_from_days(days_).month; }

    /// @brief Day of the month.
    /// @return 1..31.
    constexpr unsigned day() const noexcept { return detail::civil_from_days(days_).day; }

    /// @brief Days since 1970-01-01.
    /// @return The day count (negative before the epoch).
    constexpr std::int32_t days() const noexcept { return days_; }

    /// @brief ISO 8601 day of the week.
    /// @return 1 = Monday … 7 = Sunday.
    constexpr unsigned iso_weekday() const noexcept {
        // 1970-01-01 was a Thursday (4); shift so Monday maps to 0.
        const std::int64_t z = static_cast<std::int64_t>(days_) + 3;
        return static_cast<unsigned>(z - detail::floor_div(z, 7) * 7) + 1;
    }

    /// @brief Formats as "YYYY-MM-DD".
    ///
    /// Years 0..9999 produce exactly that; other years (only reachable through
    /// from_days()) are written with more digits or a leading '-', which
    /// parse() rejects.
    /// @return The formatted date.
    std::string to_string() const {
        const detail::civil c = detail::civil_from_days(days_);
        std::string out;
        out.reserve(12);
        detail::append_padded(out, c.year, 4);
        out.push_back('-');
        detail::append_padded(out, c.month, 2);
        out.push_back('-');
        detail::append_padded(out, c.day, 2);
        return out;
    }

    /// @brief The date @p n days later (earlier if @p n is negative).
    ///
    /// Saturates at the limits of the `std::int32_t` day count instead of
    /// overflowing.
    /// @param n Number of days to add.
    /// @return The shifted date.
    constexpr date plus_days(std::int32_t n) const noexcept {
        return from_days(detail::saturate_i32(static_cast<std::int64_t>(days_) + n));
    }

    /// @brief Signed number of days from @p from to @p to.
    ///
    /// Saturates at the limits of `std::int32_t` (only reachable for dates
    /// millions of years apart).
    /// @param from Start date.
    /// @param to End date.
    /// @return `to - from` in days; negative if @p to is before @p from.
    friend constexpr std::int32_t days_between(date from, date to) noexcept {
        return detail::saturate_i32(static_cast<std::int64_t>(to.days_) - from.days_);
    }

    /// @brief Chronological ordering.
    /// @param a Left operand.
    /// @param b Right operand.
    /// @return The ordering of @p a relative to @p b.
    friend constexpr auto operator<=>(date a, date b) noexcept = default;

    /// @brief Equality.
    /// @param a Left operand.
    /// @param b Right operand.
    /// @return true if both denote the same day.
    friend constexpr bool operator==(date a, date b) noexcept = default;

private:
    std::int32_t days_ = 0;  ///< Days since 1970-01-01.
};

}  // namespace v1
}  // namespace kare

#endif  // KARE_DATE_HPP
