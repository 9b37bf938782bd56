/// @file
/// @brief Deciding an account's category, with the explanation: which
/// criteria held and which failed for every profile considered.
#ifndef KARE_CLASSIFY_HPP
#define KARE_CLASSIFY_HPP

#include <kare/account.hpp>
#include <kare/category.hpp>
#include <kare/profile.hpp>
#include <kare/value.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// The outcome of one leaf criterion on one account.
struct criterion_check {
    std::string path;            ///< Where the criterion is, e.g. `profiles.keep.rule.all[1]`.
    std::string text;            ///< The criterion in words.
    bool held = false;           ///< Whether it held.
    std::optional<value> actual; ///< The account's value, or none when missing.

    /// Equal when every member is equal.
    friend bool operator==(const criterion_check&, const criterion_check&) = default;
};

/// The outcome of a whole rule (a profile or a fire rule).
struct rule_outcome {
    bool held = false;                   ///< Whether the rule as a whole held.
    std::vector<criterion_check> checks; ///< Every leaf, in document order.

    /// Equal when every member is equal.
    friend bool operator==(const rule_outcome&, const rule_outcome&) = default;
};

/// How an account's placement was reached.
enum class basis : std::uint8_t {
    decision,  ///< A person decided (assigned, fired or unassigned).
    profile,   ///< Exactly one profile matched.
    tie_break, ///< Several matched; the plan's tie-break chose.
    none,      ///< No decision and no single match: unassigned.
};

/// `"decision"`, `"profile"`, `"tie_break"` or `"none"`.
/// @param b a basis
/// @return its name in reports
std::string_view to_string(basis b) noexcept;

/// Where an account stands and why.
struct classification {
    placement result;                 ///< Assigned, fired or unassigned; never open.
    kare::basis basis = kare::basis::none; ///< How `result` was reached.
    std::vector<category> candidates; ///< Categories whose profile holds, K-A-R-E order.
    /// Per category (indexed by `category`), the profile's outcome when it has one.
    std::array<std::optional<rule_outcome>, 4> profiles;
    /// Ids of fire rules that hold (suggestions, never applied).
    std::vector<std::string> fire_suggestions;

    /// True when a person put the account in a category whose profile fails.
    /// @return false for placements the profiles made or that are not in a category
    bool contradicts_profile() const noexcept
    {
        if (basis != kare::basis::decision || !result.is_assigned())
            return false;
        const auto& outcome = profiles[static_cast<std::size_t>(result.cat())];
        return outcome && !outcome->held;
    }
};

/// Classifies `a` under the plan's profiles, with the full explanation.
/// @param p the plan whose profiles, tie-break and fire rules apply
/// @param a the account, in the plan or not
/// @return the placement, its basis and every profile's outcome
classification classify(const plan& p, const account& a);

/// Where the profiles alone put `a`, whatever its decision: the single
/// matching category, the tie-break's choice, or unassigned. The same
/// outcome `classify` gives an open account, without the explanation.
/// @param p the plan whose profiles and tie-break apply
/// @param a the account
/// @return a category, or unassigned; never open or fired
placement profile_placement(const plan& p, const account& a);

/// Whether `rule` holds for `a`: the fast path, without explanation.
/// @param rule a validated criterion
/// @param a the account
/// @param fields the schema that types the account's attributes
/// @return whether the rule holds
bool holds(const criterion& rule, const account& a, const schema& fields);

/// Evaluates `rule` for `a`, recording every leaf under `path`.
/// @param rule a validated criterion
/// @param a the account
/// @param fields the schema that types the account's attributes
/// @param path the rule's place in the plan document, prefixed to each leaf's path
/// @return whether it held, and every leaf with its outcome
rule_outcome explain(const criterion& rule, const account& a, const schema& fields,
                     const std::string& path);

} // namespace v1
} // namespace kare

#endif
