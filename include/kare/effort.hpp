/// @file
/// @brief The effort mix: where a rep's logged activities went, per
/// category, against the mix the plan intends, and the findings it raises
/// (the usual failure the method names is hiding in Keep).
#ifndef KARE_EFFORT_HPP
#define KARE_EFFORT_HPP

#include <kare/activity_policy.hpp>
#include <kare/date.hpp>
#include <kare/finding.hpp>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// Where the intended mix of an effort summary came from.
enum class mix_source : std::uint8_t {
    policy,   ///< The plan's `effort_policy::mix`.
    cookbook, ///< Derived from the cookbook's targets for this rep.
};

/// `"policy"` or `"cookbook"`.
/// @param s where a mix came from
/// @return its name in reports
std::string_view to_string(mix_source s) noexcept;

/// One category's line of an effort summary.
struct category_effort {
    std::int64_t activities = 0;        ///< Activities logged toward the category in the window.
    std::int64_t accounts = 0;          ///< Accounts the rep owns in the category on "as of".
    std::uint32_t intended_percent = 0; ///< The intended share, whole percent.
};

/// A rep's activities per category over the effort window.
struct effort_summary {
    kare::date first;                         ///< First day of the window.
    kare::date last;                          ///< Last day of the window ("as of").
    std::array<category_effort, 4> categories{}; ///< Indexed by `category`.
    std::int64_t total = 0;         ///< Activities toward any category (the shares' denominator).
    std::int64_t uncategorised = 0; ///< Activities on accounts that were fired or unassigned then.
    mix_source source = mix_source::policy; ///< Where `intended_percent` came from.
};

/// The rep's effort over the `effort_policy::window_days` days ending on
/// `as_of`. Activities count for the rep who logged them, toward the
/// category their account was in on the activity's date.
/// @throws error `not_found` when `rep` names no rep of the plan.
/// @param p the plan with the activity log and the effort policy
/// @param rep the rep's id
/// @param as_of the window's last day
/// @return the activities per category, with the intended shares
effort_summary measure_effort(const plan& p, std::string_view rep, date as_of);

/// The intended mix the cookbook itself implies for `rep` on `as_of`: each
/// category's targets counted over a year (52 weeks, 12 months, 4 quarters)
/// and scaled like progress targets, as whole percentages summing to 100
/// (largest remainder), or all zero when the rep owes nothing.
/// @throws error `not_found` when `rep` names no rep of the plan.
/// @param p the plan with the cookbook
/// @param rep the rep's id
/// @param as_of the day whose accounts per category scale the per-account targets
/// @return whole percentages indexed by `category`
effort_mix cookbook_mix(const plan& p, std::string_view rep, date as_of);

/// The effort findings of one rep, or of every rep when `rep` is empty:
/// `effort.keep_overinvested` and `effort.category_neglected`
/// (docs/cookbook.md, "Findings").
/// @throws error `not_found` when `rep` is not empty and names no rep.
/// @param p the plan with the activity log and the effort policy
/// @param as_of the last day of the window measured
/// @param rep a rep's id, or empty for every rep
/// @return the findings, rep by rep in plan order
std::vector<finding> effort_findings(const plan& p, date as_of, std::string_view rep = {});

} // namespace v1
} // namespace kare

#endif
