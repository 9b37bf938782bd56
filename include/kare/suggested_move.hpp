/// @file
/// @brief Moves the facts suggest: proposed with their evidence, never applied
/// silently; a person accepts one through the plan's normal move, which
/// records it in the account's history.
///
/// - An Attain account with a won deal is now a client: Keep or Expand, as
///   its profiles say when it is taken as a client (`move.attain_won`).
/// - A Keep or Expand account with no purchase for longer than the review
///   policy's `lapse_days` is a Recapture candidate (`move.client_lapsed`).
/// - A Recapture account with a new won deal is back: Keep
///   (`move.recapture_won`).
#ifndef KARE_SUGGESTED_MOVE_HPP
#define KARE_SUGGESTED_MOVE_HPP

#include <kare/category.hpp>
#include <kare/date.hpp>
#include <kare/money.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;
struct account;

/// A won deal offered as evidence.
struct won_deal {
    std::string id;   ///< Deal id.
    kare::date on;    ///< When it was won.
    money amount;     ///< Its amount.

    /// Equal when every member is equal.
    friend bool operator==(const won_deal&, const won_deal&) = default;
};

/// One move the facts suggest.
struct suggested_move {
    std::string code;              ///< The finding code: `move.attain_won`, `move.client_lapsed` or `move.recapture_won`.
    std::string account;           ///< Account id.
    category from = category::keep; ///< Where the account is now.
    category to = category::keep;   ///< Where the facts say it belongs.
    /// The account's category entered by a recorded move on this date (won
    /// deals count from then on); empty when its profiles placed it.
    std::optional<kare::date> in_category_since;
    std::vector<won_deal> won_deals; ///< Won deals behind the move, oldest first (won-deal moves).
    /// The latest purchase known: the `last_purchase` attribute or a won
    /// deal's date, whichever is later (lapsed clients).
    std::optional<kare::date> last_purchase;
    std::int32_t days_since_purchase = 0; ///< From `last_purchase` to "as of" (lapsed clients).
    std::uint32_t lapse_days = 0;         ///< The policy's window (lapsed clients).
    std::string reason; ///< The move's reason in a sentence; recorded when accepted.

    /// Equal when every member is equal.
    friend bool operator==(const suggested_move&, const suggested_move&) = default;
};

/// The move the facts suggest for one account as of `as_of`, if any.
/// Facts dated after `as_of` are not considered.
/// @param p the plan with the deals and the review policy
/// @param a the account, one of `p`'s
/// @param as_of the day the facts are read on
/// @return the move with its evidence, or `std::nullopt`
std::optional<suggested_move> suggest_move(const plan& p, const account& a, date as_of);

/// The suggested moves for the accounts of `rep` (or every account when
/// empty), in plan order. Switched-off codes (`review_policy::disabled_checks`)
/// are left out.
/// @throws error `not_found` when `rep` names no rep of the plan.
/// @param p the plan
/// @param as_of the day the facts are read on
/// @param rep a rep's id, or empty for every account
/// @return the moves, one per account at most
std::vector<suggested_move> suggest_moves(const plan& p, date as_of, std::string_view rep = {});

/// Accepts a suggestion: `plan::move` of the account to `m.to` on `on`,
/// with `m.reason` as the reason, recorded in its history. The account's
/// relationship is a fact from the CRM and is left as it is.
/// @throws error `not_found` (no such account), `conflict` when the account
/// is no longer in `m.from` (a stale suggestion), and as `plan::move`. A
/// refused acceptance changes nothing.
/// @param p the plan the move is made in
/// @param m a suggestion `suggest_move` made for `p`
/// @param on the day the move is recorded
void accept(plan& p, const suggested_move& m, date on);

} // namespace v1
} // namespace kare

#endif
