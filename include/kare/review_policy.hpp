/// @file
/// @brief The plan's review policy: the focus-list target, the windows the
/// review checks use, the rep-fit strategy, the cost of selling to an
/// existing client or winning back a former one, the potential value of
/// accounts without revenue, and which checks are switched off
/// (docs/review.md).
#ifndef KARE_REVIEW_POLICY_HPP
#define KARE_REVIEW_POLICY_HPP

#include <kare/category.hpp>
#include <kare/rep.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// How reps are matched to categories.
enum class rep_fit_strategy : std::uint8_t {
    focus, ///< Hunters work Attain, farmers Keep and Expand; any account outside the rep's style is reported.
    blend, ///< Reps may work any category; reported only when most of a rep's accounts are outside their style.
};

/// `"focus"` or `"blend"`.
/// @param s a strategy
/// @return its name in plan documents
std::string_view to_string(rep_fit_strategy s) noexcept;
/// Parses a name written by `to_string(rep_fit_strategy)`.
/// @param name a name from a plan document
/// @return the strategy, or `std::nullopt` for an unknown name
std::optional<rep_fit_strategy> rep_fit_strategy_from_string(std::string_view name) noexcept;

/// Whether category `c` suits a rep of style `s`: hunters Attain and
/// Recapture, farmers Keep, Expand and Recapture (a former client is won
/// back by either), reps who do both every category.
/// @param s the rep's style
/// @param c the account's category
/// @return whether the pairing is one the method intends
bool suits(rep_style s, category c) noexcept;

/// The largest focus-list bound a policy may set.
inline constexpr std::uint32_t max_focus_size = 1000;

/// The largest potential value a policy may set, in currency units.
inline constexpr double max_potential_value = 1e15;

/// The settings of the plan review.
struct review_policy {
    /// A rep's focus list in a quadrant should hold at least this many accounts.
    std::uint32_t focus_min = 5;
    /// … and at most this many (0 < focus_min <= focus_max <= max_focus_size).
    std::uint32_t focus_max = 6;
    /// Activity types that count as a Keep account's quarterly review (the
    /// up-front contract), e.g. the cookbook's `client_scorecard`.
    std::vector<std::string> quarterly_review_activities{"client_scorecard"};
    /// A Keep account needs one of those activities within this many days
    /// up to "as of" (1..3660).
    std::uint32_t quarterly_review_days = 92;
    /// A Keep or Expand account with no purchase for more than this many
    /// days is a Recapture candidate (1..36500).
    std::uint32_t lapse_days = 365;
    /// How reps are matched to categories.
    rep_fit_strategy rep_fit = rep_fit_strategy::focus;
    /// What selling to an existing client costs, as a fraction of selling to
    /// a new one (0 < x <= 1); the method cites one sixth to one ninth.
    double existing_client_cost = 0.15;
    /// What winning back a former client costs, as a fraction of winning a
    /// new one (0 < x <= 1): the method notes that recapture often closes
    /// faster than new business; half by default.
    double recapture_cost = 0.5;
    /// The value a prospect or former client without an `annual_revenue`
    /// stands to bring, in currency units (>= 0), so that such accounts rank
    /// by their prospects instead of tying at 0. Not set: the average
    /// `annual_revenue` of the plan's clients (a won account becomes a
    /// client like the others).
    std::optional<double> potential_value;
    /// Finding codes the review does not raise, sorted and unique.
    std::vector<std::string> disabled_checks;

    /// Whether the review raises findings with `code`.
    /// @param code a finding code such as `account.no_heat_map`
    /// @return false when `disabled_checks` lists it
    bool enabled(std::string_view code) const noexcept;

    /// Equal when every member is equal.
    friend bool operator==(const review_policy&, const review_policy&) = default;
};

/// Checks a review policy on its own: bounds in range, non-empty unique
/// activity ids, and disabled checks that are registered finding codes
/// (`finding_codes()`), each once.
/// @throws error `invalid_plan` with a path such as
/// `policy.review.disabled_checks[1]`.
/// @param policy the policy a plan document gave
void validate(const review_policy& policy);

} // namespace v1
} // namespace kare

#endif
