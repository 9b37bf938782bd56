/// @file
/// @brief Reporting periods (ISO weeks, months, fiscal quarters and fiscal
///        years) and business-day counting.
///
/// @par Fiscal year convention
/// A fiscal year starts on the first day of `fiscal_year_start_month` and is
/// named after the calendar year in which it **ends**:
/// - start month 1: the fiscal year equals the calendar year
///   (FY2026 = 2026-01-01 .. 2026-12-31);
/// - start month 2: FY2027 = 2026-02-01 .. 2027-01-31;
/// - start month 10: FY2027 = 2026-10-01 .. 2027-09-30.
///
/// Fiscal quarters are consecutive three-month blocks counted from the start
/// month (with start month 2, FY2027-Q1 = 2026-02-01 .. 2026-04-30).
///
/// @par Start month precondition
/// Callers are expected to pass a `fiscal_year_start_month` in 1..12. Nothing
/// here asserts or throws: a value of 0 is treated as 1 and values above 12 as
/// 12 (see clamp_fiscal_start()).

#ifndef KARE_CALENDAR_HPP
#define KARE_CALENDAR_HPP

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kare/date.hpp"

namespace kare {
inline namespace v1 {

/// @brief The kinds of reporting period.
enum class period_kind : std::uint8_t {
    week,     ///< ISO 8601 week, Monday .. Sunday.
    month,    ///< Calendar month.
    quarter,  ///< Fiscal quarter (three months from the fiscal year start).
    year,     ///< Fiscal year.
};

/// @brief Name of a period kind.
/// @param kind The kind.
/// @return "week", "month", "quarter" or "year"; empty for values outside the
///         enumeration.
constexpr std::string_view to_string(period_kind kind) noexcept {
    switch (kind) {
        case period_kind::week: return "week";
        case period_kind::month: return "month";
        case period_kind::quarter: return "quarter";
        case period_kind::year: return "year";
    }
    return {};
}

/// @brief Parses a period kind name (exact, lowercase match).
/// @param text "week", "month", "quarter" or "year".
/// @return The kind, or std::nullopt for any other text.
constexpr std::optional<period_kind> period_kind_from_string(std::string_view text) noexcept {
    if (text == "week") return period_kind::week;
    if (text == "month") return period_kind::month;
    if (text == "quarter") return period_kind::quarter;
    if (text == "year") return period_kind::year;
    return std::nullopt;
}

/// @brief An ISO 8601 week: the week-numbering year and the week within it.
struct iso_week {
    int year;       ///< ISO week-numbering year (may differ from the calendar year near 1 January).
    unsigned week;  ///< Week number, 1..53.

    /// @brief Memberwise equality.
    /// @param a Left operand.
    /// @param b Right operand.
    /// @return true if year and week are equal.
    friend constexpr bool operator==(const iso_week& a, const iso_week& b) noexcept = default;
};

/// @brief ISO 8601 week of a date.
///
/// Weeks start on Monday; week 1 is the week containing the year's first
/// Thursday, so 29–31 December may belong to week 1 of the next year and 1–3
/// January to week 52 or 53 of the previous one.
/// @param d The date.
/// @return The ISO week-numbering year and week.
constexpr iso_week iso_week_of(date d) noexcept {
    // A week belongs to the year that contains its Thursday.
    const std::int64_t thursday = static_cast<std::int64_t>(d.days()) + 4 - d.iso_weekday();
    const std::int64_t year = detail::civil_from_days(thursday).year;
    const std::int64_t jan1 = detail::days_from_civil(year, 1, 1);
    return iso_week{static_cast<int>(year), static_cast<unsigned>((thursday - jan1) / 7 + 1)};
}

/// @brief Brings a fiscal year start month into 1..12 (0 → 1, above 12 → 12).
/// @param fiscal_year_start_month Requested start month.
/// @return A month in 1..12.
constexpr unsigned clamp_fiscal_start(unsigned fiscal_year_start_month) noexcept {
    return fiscal_year_start_month < 1 ? 1U : (fiscal_year_start_month > 12 ? 12U : fiscal_year_start_month);
}

/// @brief Fiscal year containing a date, named after the calendar year in
///        which that fiscal year ends (see the file documentation).
/// @param d The date.
/// @param fiscal_year_start_month First month of the fiscal year, 1..12.
/// @return The fiscal year name, e.g. 2027 for 2026-11-15 with start month 2.
constexpr int fiscal_year_of(date d, unsigned fiscal_year_start_month) noexcept {
    const unsigned start = clamp_fiscal_start(fiscal_year_start_month);
    return start > 1 && d.month() >= start ? d.year() + 1 : d.year();
}

namespace detail {

/// @brief Date of the first day of a month index (`year * 12 + month - 1`).
/// @param month_index Months since the start of year 0.
/// @return The first day of that month.
constexpr date first_of_month_index(std::int64_t month_index) noexcept {
    const std::int64_t y = floor_div(month_index, 12);
    const auto m = static_cast<unsigned>(month_index - y * 12) + 1;
    return date::from_days(saturate_i32(days_from_civil(y, m, 1)));
}

/// @brief Date of the last day of a month index (`year * 12 + month - 1`).
/// @param month_index Months since the start of year 0.
/// @return The last day of that month.
constexpr date last_of_month_index(std::int64_t month_index) noexcept {
    return first_of_month_index(month_index + 1).plus_days(-1);
}

}  // namespace detail

/// @brief A reporting period: an inclusive range of dates of a given kind.
struct period {
    period_kind kind;  ///< What kind of period this is.
    date first;        ///< First day of the period (inclusive).
    date last;         ///< Last day of the period (inclusive).

    /// @brief Number of days in the period.
    /// @return `last - first + 1`.
    constexpr std::int32_t length_days() const noexcept { return days_between(first, last) + 1; }

    /// @brief Human-readable label.
    ///
    /// - week: ISO week, e.g. "2026-W48";
    /// - month: calendar month, e.g. "2026-11";
    /// - quarter: fiscal year and quarter, e.g. "FY2027-Q1";
    /// - year: fiscal year, e.g. "FY2027".
    ///
    /// Labels are derived from #first, so they are only meaningful for periods
    /// produced by period_containing() and friends.
    /// @param fiscal_year_start_month First month of the fiscal year, 1..12;
    ///        ignored for weeks and months.
    /// @return The label.
    std::string label(unsigned fiscal_year_start_month) const {
        std::string out;
        switch (kind) {
            case period_kind::week: {
                const iso_week w = iso_week_of(first);
                detail::append_padded(out, w.year, 4);
                out += "-W";
                detail::append_padded(out, w.week, 2);
                break;
            }
            case period_kind::month:
                detail::append_padded(out, first.year(), 4);
                out.push_back('-');
                detail::append_padded(out, first.month(), 2);
                break;
            case period_kind::quarter: {
                const unsigned start = clamp_fiscal_start(fiscal_year_start_month);
                out += "FY";
                detail::append_padded(out, fiscal_year_of(first, start), 4);
                out += "-Q";
                detail::append_padded(out, (first.month() + 12 - start) % 12 / 3 + 1, 1);
                break;
            }
            case period_kind::year:
                out += "FY";
                detail::append_padded(out, fiscal_year_of(first, fiscal_year_start_month), 4);
                break;
        }
        return out;
    }

    /// @brief Memberwise equality.
    /// @param a Left operand.
    /// @param b Right operand.
    /// @return true if kind, first and last are all equal.
    friend bool operator==(const period& a, const period& b) = default;
};

/// @brief The period of the given kind that contains a date.
///
/// Weeks are ISO weeks (Monday .. Sunday), months are calendar months,
/// quarters and years follow the fiscal year (see the file documentation).
/// @param d The date.
/// @param kind Kind of period.
/// @param fiscal_year_start_month First month of the fiscal year, 1..12;
///        ignored for weeks and months.
/// @return The containing period.
constexpr period period_containing(date d, period_kind kind, unsigned fiscal_year_start_month) noexcept {
    switch (kind) {
        case period_kind::week: {
            const date monday = d.plus_days(1 - static_cast<std::int32_t>(d.iso_weekday()));
            return period{kind, monday, monday.plus_days(6)};
        }
        case period_kind::month:
        case period_kind::quarter:
        case period_kind::year: {
            const std::int64_t month_index = static_cast<std::int64_t>(d.year()) * 12 + (d.month() - 1);
            // Months elapsed since the fiscal year started (0..11).
            const unsigned into_year = (d.month() + 12 - clamp_fiscal_start(fiscal_year_start_month)) % 12;
            const unsigned back = kind == period_kind::month ? 0 : (kind == period_kind::quarter ? into_year % 3 : into_year);
            const unsigned span = kind == period_kind::month ? 1 : (kind == period_kind::quarter ? 3 : 12);
            const std::int64_t start = month_index - back;
            return period{kind, detail::first_of_month_index(start), detail::last_of_month_index(start + span - 1)};
        }
    }
    return period{kind, d, d};  // unreachable for valid kinds
}

/// @brief The period of the same kind immediately before @p p.
/// @param p A period (as returned by period_containing()).
/// @param fiscal_year_start_month First month of the fiscal year, 1..12.
/// @return The preceding period.
constexpr period previous_period(const period& p, unsigned fiscal_year_start_month) noexcept {
    return period_containing(p.first.plus_days(-1), p.kind, fiscal_year_start_month);
}

/// @brief The period of the same kind immediately after @p p.
/// @param p A period (as returned by period_containing()).
/// @param fiscal_year_start_month First month of the fiscal year, 1..12.
/// @return The following period.
constexpr period next_period(const period& p, unsigned fiscal_year_start_month) noexcept {
    return period_containing(p.last.plus_days(1), p.kind, fiscal_year_start_month);
}

/// @brief How much of a period has elapsed, as an integer fraction.
struct elapsed {
    std::int32_t days_elapsed;  ///< Days of the period up to and including the as-of date.
    std::int32_t days_total;    ///< Length of the period in days.
};

/// @brief Portion of @p p elapsed up to and including @p as_of.
///
/// Returned as two integers so callers can pro-rate without floating point.
/// @param p The period.
/// @param as_of The reference date.
/// @return `{0, total}` if @p as_of is before the period, `{total, total}` if
///         after it, otherwise `{as_of - first + 1, total}`.
constexpr elapsed elapsed_in(const period& p, date as_of) noexcept {
    const std::int32_t total = p.length_days();
    if (as_of < p.first) {
        return elapsed{0, total};
    }
    if (as_of >= p.last) {
        return elapsed{total, total};
    }
    return elapsed{days_between(p.first, as_of) + 1, total};
}

/// @brief A set of non-working days: optional weekends plus explicit holidays.
///
/// A default-constructed calendar has no holidays and does **not** exclude
/// weekends, so every day is a business day and days_between() counts
/// calendar days.
class holiday_calendar {
public:
    /// @brief Calendar in which every day is a business day.
    holiday_calendar() = default;

    /// @brief Calendar with the given holidays.
    /// @param holidays Non-working dates in any order; duplicates are removed.
    ///        Holidays that fall on a weekend are kept (see holidays()) but are
    ///        not counted twice.
    /// @param exclude_weekends Whether Saturdays and Sundays are non-working.
    explicit holiday_calendar(std::vector<date> holidays, bool exclude_weekends)
        : holidays_(std::move(holidays)), exclude_weekends_(exclude_weekends) {
        std::sort(holidays_.begin(), holidays_.end());
        holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
        // Only holidays that would otherwise be business days reduce the count.
        effective_.reserve(holidays_.size());
        for (const date h : holidays_) {
            if (!exclude_weekends_ || h.iso_weekday() <= 5) {
                effective_.push_back(h);
            }
        }
    }

    /// @brief Whether a date is a business day.
    /// @param d The date.
    /// @return false for holidays and, if excluded, Saturdays and Sundays.
    bool is_business_day(date d) const noexcept {
        if (exclude_weekends_ && d.iso_weekday() > 5) {
            return false;
        }
        return !std::binary_search(holidays_.begin(), holidays_.end(), d);
    }

    /// @brief Whether Saturdays and Sundays are non-working days.
    /// @return The flag given at construction (false by default).
    bool excludes_weekends() const noexcept { return exclude_weekends_; }

    /// @brief The holidays, sorted ascending and without duplicates.
    /// @return The holiday list, including any that fall on weekends.
    const std::vector<date>& holidays() const noexcept { return holidays_; }

    /// @brief Signed count of business days between two dates.
    ///
    /// Counts business days `d` with `from < d <= to`; if @p to is before
    /// @p from the result is the negated count for the swapped arguments, so
    /// `days_between(a, b) == -days_between(b, a)` and `days_between(a, a) == 0`.
    /// Runs in O(log n) in the number of holidays, independent of the span.
    /// @param from Start date (excluded).
    /// @param to End date (included).
    /// @return The signed business-day count (saturated to `std::int32_t`).
    std::int32_t days_between(date from, date to) const noexcept {
        // Both terms are differences of cumulative counts, which makes the
        // reversed case come out negative without a special branch.
        const std::int64_t base = exclude_weekends_
                                      ? weekdays_before(static_cast<std::int64_t>(to.days()) + 1) -
                                            weekdays_before(static_cast<std::int64_t>(from.days()) + 1)
                                      : static_cast<std::int64_t>(to.days()) - from.days();
        const auto upto = [this](date d) {
            return std::upper_bound(effective_.begin(), effective_.end(), d) - effective_.begin();
        };
        return detail::saturate_i32(base - (upto(to) - upto(from)));
    }

private:
    /// @brief Signed count of Monday–Friday days in [1970-01-05, @p day);
    ///        negative when @p day is earlier. 1970-01-05 (day 4) is the first
    ///        Monday after the epoch, which makes the week arithmetic simple.
    /// @param day Days since 1970-01-01.
    /// @return The signed weekday count.
    static constexpr std::int64_t weekdays_before(std::int64_t day) noexcept {
        const std::int64_t k = day - 4;
        const std::int64_t weeks = detail::floor_div(k, 7);
        const std::int64_t rest = k - weeks * 7;  // 0..6 days into the week
        return weeks * 5 + (rest < 5 ? rest : 5);
    }

    std::vector<date> holidays_;     ///< Sorted, unique; what holidays() reports.
    std::vector<date> effective_;    ///< Holidays that reduce the count: weekend ones dropped when weekends are excluded.
    bool exclude_weekends_ = false;  ///< Whether Saturdays and Sundays are non-working.
};

}  // namespace v1
}  // namespace kare

#endif  // KARE_CALENDAR_HPP
