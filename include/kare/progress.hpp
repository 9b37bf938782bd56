/// @file
/// @brief Cookbook progress: per rep, category and activity, what was done
/// in the period containing "as of" against the target pro-rated to date,
/// with the last complete periods as a trend.
///
/// The conventions (which days count, how expected-to-date is rounded, what
/// each status means) are described in docs/cookbook.md.
#ifndef KARE_PROGRESS_HPP
#define KARE_PROGRESS_HPP

#include <kare/activity_policy.hpp>
#include <kare/calendar.hpp>
#include <kare/cookbook.hpp>
#include <kare/as_of.hpp>
#include <kare/date.hpp>
#include <kare/effort.hpp>
#include <kare/finding.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// How a count stands against its pro-rated target.
enum class progress_status : std::uint8_t {
    not_started, ///< Nothing done while something is already expected.
    behind,      ///< Done is below expected-to-date.
    on_track,    ///< Done meets expected-to-date (for a finished period: the target was met).
    ahead,       ///< The whole period's target is met while counted days remain.
};

/// `"not_started"`, `"behind"`, `"on_track"` or `"ahead"`.
/// @param s a status
/// @return its name in the progress document
std::string_view to_string(progress_status s) noexcept;

/// The most trend periods `make_progress` accepts (ten years of weeks).
inline constexpr std::size_t max_trend_periods = 520;

/// What a progress report covers.
struct progress_options {
    std::string rep;               ///< Only this rep; empty for every rep.
    std::size_t trend_periods = 4; ///< Complete periods reported before the current one.
};

/// A count against its target over one period, as of one date.
struct period_progress {
    kare::period span;               ///< The period.
    std::string label;               ///< Its label, e.g. `2026-W10` or `FY2027-Q1`.
    std::int32_t days_elapsed = 0;   ///< Counted days of the period up to and including "as of".
    std::int32_t days_total = 0;     ///< Counted days in the period.
    std::int64_t target = 0;         ///< The whole period's target.
    std::int64_t done = 0;           ///< Activities counted in the period up to "as of".
    /// `target × days_elapsed / days_total`, rounded up: the whole number of
    /// activities that keeps pace.
    std::int64_t expected = 0;
    std::int64_t gap = 0;            ///< `max(0, expected − done)`: short of pace.
    std::int64_t remaining = 0;      ///< `max(0, target − done)`: left to meet the target.
    progress_status status = progress_status::on_track; ///< See `progress_status`.
};

/// Pro-rates `target` over `span` as of `as_of`, counting days with `days`
/// (a period without a counted day falls back to calendar days), and rates
/// `done` against it.
/// @param span the period (as returned by `period_containing`)
/// @param target the whole period's target, at least 0
/// @param done what was done, at least 0
/// @param as_of the reference date; the as-of day counts as elapsed
/// @param days the day calendar (`pacing_policy::day_calendar()`)
/// @param fiscal_year_start_month for the period label
/// @return the figures and the status
/// @throws error `invalid_argument` when the period ends before it starts.
period_progress pace(const period& span, std::int64_t target, std::int64_t done, date as_of,
                     const holiday_calendar& days, unsigned fiscal_year_start_month);

/// One account's line under a per-account target: done against the count.
struct account_progress {
    std::string id;          ///< Account id.
    std::string name;        ///< Account name.
    period_progress current; ///< Done against `target::count` in the current period.
};

/// One cookbook target for one rep.
struct target_progress {
    kare::target goal;          ///< The cookbook's target.
    std::string activity_name;  ///< The activity's display name (its id when the name is empty).
    /// Accounts the rep owns in the category on "as of"; the scale of a
    /// per-account target.
    std::int64_t accounts = 0;
    period_progress current;    ///< The period containing "as of".
    /// The complete periods before it, oldest first. Per-account targets
    /// scale with the accounts owned on each period's last day.
    std::vector<period_progress> trend;
    /// Per-account targets only: each account the rep owns in the category
    /// on "as of", in plan order.
    std::vector<account_progress> by_account;
};

/// One rep's progress.
struct rep_progress {
    std::string id;                      ///< Rep id.
    std::string name;                    ///< Rep name.
    std::vector<target_progress> targets; ///< Targets of categories the rep has accounts in, cookbook order.
    effort_summary effort;               ///< The effort mix.
};

/// The progress report as of one date.
struct progress_report {
    std::string plan_name;                ///< The plan's name.
    kare::date as_of;                     ///< The date it describes.
    std::string rep;                      ///< Rep covered, or empty for the team.
    unsigned fiscal_year_start_month = 1; ///< Of the plan, for quarters and years.
    day_basis basis = day_basis::working_days; ///< How days were counted.
    std::vector<rep_progress> reps;       ///< In plan order.
    std::vector<finding> findings;        ///< The effort findings, errors first.
    /// The plan's facts dated after `as_of`, left out (`plan_as_of`).
    ignored_facts ignored;
};

/// Builds the progress report. Pure: the same plan, date and options give
/// the same report. As of a date before the plan's latest facts, it
/// describes the plan as it stood that day (`plan_as_of`).
/// @throws error `not_found` when `options.rep` names no rep of the plan,
/// `invalid_argument` naming `as_of` when it is before the plan's first fact,
/// `invalid_argument` when `options.trend_periods` exceeds
/// `max_trend_periods`.
/// @param p the plan with the cookbook, the activity log and the pacing policy
/// @param as_of the day the report describes
/// @param options the rep covered and how many past periods to show
/// @return each rep's targets against what was done, and the effort findings
progress_report make_progress(const plan& p, date as_of, const progress_options& options = {});

} // namespace v1
} // namespace kare

#endif
