/// @file
/// @brief The plan's policy for judging activity: how progress is pro-rated
/// within a period and which effort mix across the categories is intended.
#ifndef KARE_ACTIVITY_POLICY_HPP
#define KARE_ACTIVITY_POLICY_HPP

#include <kare/calendar.hpp>
#include <kare/category.hpp>
#include <kare/date.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// Which days count when pro-rating a target within its period.
enum class day_basis : std::uint8_t {
    working_days,  ///< Monday to Friday, minus the pacing holidays.
    calendar_days, ///< Every day of the period; holidays are ignored.
};

/// `"working_days"` or `"calendar_days"`.
/// @param b a day basis
/// @return its name in plan documents
std::string_view to_string(day_basis b) noexcept;
/// Parses a name written by `to_string(day_basis)`.
/// @param name a name from a plan document
/// @return the basis, or `std::nullopt` for an unknown name
std::optional<day_basis> day_basis_from_string(std::string_view name) noexcept;

/// How expected-to-date is computed (docs/cookbook.md, "Pro-rating").
struct pacing_policy {
    day_basis basis = day_basis::working_days; ///< Days that count.
    /// Non-working days (working_days only); the plan keeps them sorted and
    /// without duplicates.
    std::vector<kare::date> holidays;

    /// The calendar that counts the days of `basis`.
    /// @return working days less the holidays, or every day for `calendar_days`
    holiday_calendar day_calendar() const;

    /// Equal when every member is equal.
    friend bool operator==(const pacing_policy&, const pacing_policy&) = default;
};

/// An intended share of activities per category, in whole percent summing
/// to 100, indexed by `category`.
using effort_mix = std::array<std::uint32_t, 4>;

/// The intended effort mix and when a deviation from it is a finding.
struct effort_policy {
    /// The intended mix; when absent it is derived per rep from the
    /// cookbook's own targets (docs/cookbook.md, "Effort mix").
    std::optional<effort_mix> mix;
    /// Keep is over-invested when its share exceeds its intended share by
    /// more than this many percentage points (0..100).
    std::uint32_t keep_tolerance = 10;
    /// The mix is measured over the last this many days up to "as of"
    /// (1..3660).
    std::uint32_t window_days = 28;
    /// Below this many activities in the window the mix says nothing and no
    /// effort finding is raised (0..1'000'000).
    std::uint32_t min_activities = 10;

    /// Equal when every member is equal.
    friend bool operator==(const effort_policy&, const effort_policy&) = default;
};

/// Checks the pacing policy: every holiday is a date a document can hold
/// (years 1 to 9999). @throws error `invalid_plan` with a path such as
/// `policy.pacing.holidays[2]`.
/// @param pacing the policy a plan document gave
void validate(const pacing_policy& pacing);

/// Checks the effort policy: a mix of whole percentages summing to 100 and
/// settings within their ranges. @throws error `invalid_plan` with a path
/// such as `policy.effort.mix`.
/// @param effort the policy a plan document gave
void validate(const effort_policy& effort);

} // namespace v1
} // namespace kare

#endif
