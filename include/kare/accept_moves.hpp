/// @file
/// @brief Accepting the moves the facts suggest in bulk: one account's, or
/// every move of a code, all or nothing, each through the plan's normal
/// move (recorded in the account's history with its date and reason).
#ifndef KARE_ACCEPT_MOVES_HPP
#define KARE_ACCEPT_MOVES_HPP

#include <kare/date.hpp>
#include <kare/suggested_move.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// Which suggested moves to accept. At least one of the two is given.
struct move_selection {
    std::string code;    ///< `move.attain_won`, `move.client_lapsed` or `move.recapture_won`; empty: any.
    std::string account; ///< One account's move; empty: every account's.
};

/// Accepts the moves `suggest_moves(p, as_of)` proposes that `which`
/// selects: each is `accept(p, move, on)`, with `reason` recorded when it is
/// not empty and the suggestion's own reason otherwise.
/// @return the moves accepted, in plan order
/// @throws error `invalid_argument` when `which` selects nothing (both
/// empty) or names an unknown move code; `not_found` when no suggested move
/// matches; as `accept` otherwise. All or nothing: a refused move leaves
/// the plan as it was.
/// @param p the plan the moves are made in
/// @param as_of the day the suggestions are made for
/// @param which the code and/or account whose moves to accept
/// @param on the day each move is recorded
/// @param reason recorded as every move's reason; empty for each suggestion's own
std::vector<suggested_move> accept_moves(plan& p, date as_of, const move_selection& which, date on,
                                         std::string_view reason = {});

} // namespace v1
} // namespace kare

#endif
