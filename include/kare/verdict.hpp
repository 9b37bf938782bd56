/// @file
/// @brief What the compiled profiles say about an account (`compiled_verdict`)
/// and the rule that turns it into a placement (`decide`).
#ifndef KARE_VERDICT_HPP
#define KARE_VERDICT_HPP

#include <kare/category.hpp>
#include <kare/classify.hpp>
#include <kare/profile.hpp>

#include <cstdint>

namespace kare {
inline namespace v1 {

/// What the profiles and fire rules say about one account.
struct compiled_verdict {
    std::uint8_t candidates = 0; ///< Bit `c` is set when the profile of category `c` holds.
    bool any_fire = false;       ///< True when at least one fire rule holds.
    /// Bit `i` is set when fire rule `i` holds, for the first 64 rules; later
    /// rules are answered by `compiled_profiles::fires`.
    std::uint64_t fire = 0;

    /// True when the profile of `c` holds.
    /// @param c a category
    /// @return whether bit `c` of `candidates` is set
    constexpr bool is_candidate(category c) const noexcept
    {
        return (candidates >> static_cast<unsigned>(c)) & 1U;
    }

    /// Equal when every member is equal.
    friend bool operator==(const compiled_verdict&, const compiled_verdict&) = default;
};

/// Where an account stands and how that was reached.
struct placement_outcome {
    placement result;                       ///< Assigned, fired or unassigned; never open.
    kare::basis basis = kare::basis::none; ///< How `result` was reached.

    /// Equal when both members are equal.
    friend bool operator==(const placement_outcome&, const placement_outcome&) = default;
};

/// The rule `classify()` applies: an explicit decision stands; otherwise the
/// single candidate; otherwise the tie-break when the plan asks for one;
/// otherwise unassigned.
/// @param decision the account's explicit decision (`open` for none)
/// @param candidates bit `c` set when the profile of category `c` holds
/// @param ties the plan's tie-break
/// @return the placement and its basis
placement_outcome decide(placement decision, std::uint8_t candidates,
                         const tie_break& ties) noexcept;

} // namespace v1
} // namespace kare

#endif
