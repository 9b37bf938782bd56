/// @file
/// @brief The cookbook: the organisation's activity vocabulary and how many
/// of each activity a seller owes per category and period.
///
/// A target reads "in category C, do N of activity A per period P", scoped
/// either to the rep as a whole ("40 dials a week") or to every account the
/// rep has in C ("a client scorecard per Keep account per quarter"). See
/// docs/cookbook.md for how targets turn into progress.
#ifndef KARE_COOKBOOK_HPP
#define KARE_COOKBOOK_HPP

#include <kare/calendar.hpp>
#include <kare/category.hpp>
#include <kare/playbook.hpp>

#include <array>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// One kind of activity in the organisation's own vocabulary.
struct activity_type {
    std::string id;   ///< Stable name used by targets and the activity log, e.g. `dial`.
    std::string name; ///< Display name, e.g. `Dial`; may be empty.

    /// Equal when id and name are equal.
    friend bool operator==(const activity_type&, const activity_type&) = default;
};

/// Whom a target's count applies to.
enum class target_scope : std::uint8_t {
    rep,     ///< The count is owed by the rep as a whole.
    account, ///< The count is owed per account the rep has in the category.
};

/// `"rep"` or `"account"`.
/// @param s a scope
/// @return its name in plan documents
std::string_view to_string(target_scope s) noexcept;
/// Parses a name written by `to_string(target_scope)`.
/// @param name a name from a plan document
/// @return the scope, or `std::nullopt` for an unknown name
std::optional<target_scope> target_scope_from_string(std::string_view name) noexcept;

/// The largest count a target may ask for; keeps every product of counts,
/// accounts and days far inside 64 bits.
inline constexpr std::int64_t max_target_count = 1'000'000;

/// "In category `cat`, `count` of `activity` per `per`".
struct target {
    category cat = category::keep;             ///< The category the activities are for.
    std::string activity;                      ///< Id of an `activity_type` of the cookbook.
    std::int64_t count = 1;                    ///< How many per period, 1..max_target_count.
    period_kind per = period_kind::week;       ///< The period the count is owed in.
    target_scope scope = target_scope::rep;    ///< Per rep, or per account in the category.

    /// Equal when every member is equal.
    friend bool operator==(const target&, const target&) = default;
};

/// The activity vocabulary and the targets.
struct cookbook {
    std::vector<activity_type> activity_types; ///< Declared activities, in order.
    std::vector<target> targets;               ///< Targets, in the order they are reported.
    /// The plan's own playbooks, indexed by `category`; an empty one keeps
    /// the method's (`default_playbook`). Only those set are written back,
    /// so a plan that sets none reads and writes as before.
    std::array<std::optional<playbook>, 4> playbooks{};

    /// The playbook of category `c`: the plan's own, else the method's.
    /// @param c a category
    /// @return the plan's playbook for it, else the default
    playbook playbook_for(category c) const;

    /// The activity type with id `id`, or null.
    /// @param id an activity type's id
    /// @return the type, owned by the cookbook, or null
    const activity_type* find_activity(std::string_view id) const noexcept;

    /// The method's own example cookbook (docs/cookbook.md):
    /// Keep: 1 temperature meeting a week, 1 client scorecard a quarter per
    /// account; Attain: 40 dials, 5 conversations, 1 referral ask and 5
    /// LinkedIn touches a week; Recapture: 4 "where are they now" calls a
    /// week and 1 recapture meeting a month; Expand: 25 attempts and 1
    /// meeting a week.
    /// @return a valid cookbook holding those types and targets
    static cookbook defaults();

    /// Equal when every member is equal.
    friend bool operator==(const cookbook&, const cookbook&) = default;
};

/// Checks a cookbook on its own: non-empty unique activity ids, targets on
/// declared activities with counts in 1..max_target_count, and no two
/// targets for the same category, activity, period and scope; each playbook
/// set checked by `validate(const playbook&, …)`.
/// @throws error `invalid_plan` with a path such as
/// `cookbook.targets[3].count`.
/// @param book the cookbook a plan document gave
void validate(const cookbook& book);

} // namespace v1
} // namespace kare

#endif
