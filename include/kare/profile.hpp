/// @file
/// @brief KARE profiles: each category's definition as criteria, fire rules,
/// the tie-break, and the default profile set that encodes the method's
/// template.
#ifndef KARE_PROFILE_HPP
#define KARE_PROFILE_HPP

#include <kare/category.hpp>
#include <kare/criterion.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {

class schema;

/// An organisation's definition of one category.
struct profile {
    std::string description; ///< The definition in words.
    criterion rule;          ///< An account matches when the rule holds.

    /// Equal when description and rule are equal.
    friend bool operator==(const profile&, const profile&) = default;
};

/// A rule suggesting that an account leave the plan (fire a client,
/// disqualify a prospect). It only suggests: firing is a decision.
struct fire_rule {
    std::string id;          ///< Stable name, unique among fire rules.
    std::string action;      ///< The out-of-plan action, e.g. `end_relationship`.
    std::string description; ///< Why, in words.
    criterion rule;          ///< When the suggestion applies.

    /// Equal when every member is equal.
    friend bool operator==(const fire_rule&, const fire_rule&) = default;
};

/// What the engine does when an account matches several profiles.
struct tie_break {
    /// The policy.
    enum class mode : std::uint8_t {
        none,           ///< Do not guess: the account stays unassigned and is reported.
        category_order, ///< Take the first candidate in `order`; still reported.
    };
    mode how = mode::none; ///< Default: never guess.
    /// Preference used by `category_order`, most preferred first.
    std::array<category, 4> order{category::expand, category::keep, category::recapture,
                                  category::attain};

    /// Equal when mode and order are equal.
    friend bool operator==(const tie_break&, const tie_break&) = default;
};

/// `"none"` or `"category_order"`.
/// @param m a tie-break mode
/// @return its name in plan documents
std::string_view to_string(tie_break::mode m) noexcept;

/// Every category's profile, the fire rules and the tie-break.
struct profile_set {
    /// Profile per category, indexed by `category`; a category without a
    /// profile is only reached by explicit assignment.
    std::array<std::optional<profile>, 4> profiles;
    std::vector<fire_rule> fire_rules; ///< Checked in order.
    tie_break ties;                    ///< Used when several profiles match.

    /// The profile of `c`, or null.
    /// @param c a category
    /// @return its profile, owned by the set, or null when it has none
    const profile* find(category c) const noexcept
    {
        const auto& p = profiles[static_cast<std::size_t>(c)];
        return p ? &*p : nullptr;
    }

    /// The default set: the method's template (see docs/profiles.md).
    /// @return profiles for all four categories, the template's fire rules, no tie-break
    static profile_set defaults();

    /// Equal when every member is equal.
    friend bool operator==(const profile_set&, const profile_set&) = default;
};

/// Checks every criterion against `fields`: known field, operands of the
/// field's type, valid choices, a sensible operand count, groups not empty
/// of meaning. Run before any account is evaluated.
/// @throws error `invalid_plan` with a path such as
/// `profiles.keep.rule.all[1].field`.
/// @param set the profiles, fire rules and tie-break a plan document gave
/// @param fields the plan's schema the criteria refer to
void validate(const profile_set& set, const schema& fields);

} // namespace v1
} // namespace kare

#endif
