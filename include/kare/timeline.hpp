/// @file
/// @brief Where an account stood on a given date, read from its recorded
/// history, so that past activity keeps the category it was done for.
#ifndef KARE_TIMELINE_HPP
#define KARE_TIMELINE_HPP

#include <kare/account.hpp>
#include <kare/category.hpp>
#include <kare/date.hpp>

#include <optional>

namespace kare {
inline namespace v1 {

class plan;

/// The decision in force on `on`, as recorded: the `to` of the last move
/// dated on or before `on`; before the first move, that move's `from`;
/// without history, the current decision. May be `open` (no decision: the
/// profiles decide). A move takes effect on its own date.
/// @param a the account with its history
/// @param on the day asked about
/// @return the decision, possibly `open`
placement decision_at(const account& a, date on) noexcept;

/// Where the account stood on `on`: `decision_at`, with an `open` decision
/// resolved by the plan's profiles (`profile_placement`, which is what
/// `classify` gives an open account). Never `open`.
///
/// Only decisions have a history: attributes do not, so an open decision is
/// resolved with the account's current attributes.
/// @param p the plan whose profiles resolve an open decision
/// @param a the account with its history
/// @param on the day asked about
/// @return a category, fired or unassigned
placement placement_at(const plan& p, const account& a, date on);

/// The category the account was in on `on`, or none when it was fired or
/// unassigned then.
/// @param p the plan whose profiles resolve an open decision
/// @param a the account with its history
/// @param on the day asked about
/// @return the category, or `std::nullopt`
std::optional<category> category_at(const plan& p, const account& a, date on);

} // namespace v1
} // namespace kare

#endif
