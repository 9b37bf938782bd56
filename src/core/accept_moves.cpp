// Accepting suggested moves in bulk (docs/review.md, "Accepting a move").
#include <kare/accept_moves.hpp>
#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <array>
#include <algorithm>
#include <utility>

namespace kare {
inline namespace v1 {

std::vector<suggested_move> accept_moves(plan& p, date as_of, const move_selection& which, date on,
                                         std::string_view reason)
{
    static constexpr std::array<std::string_view, 3> codes{"move.attain_won", "move.client_lapsed",
                                                           "move.recapture_won"};
    if (which.code.empty() && which.account.empty())
        throw error(errc::invalid_argument, "say which moves to accept: a move code or an account");
    if (!which.code.empty() && std::find(codes.begin(), codes.end(), which.code) == codes.end())
        throw error(errc::invalid_argument,
                    "'" + which.code +
                        "' is not a move code (move.attain_won, move.client_lapsed, "
                        "move.recapture_won)");
    std::vector<suggested_move> chosen;
    for (suggested_move& m : suggest_moves(p, as_of))
        if ((which.code.empty() || m.code == which.code) &&
            (which.account.empty() || m.account == which.account))
            chosen.push_back(std::move(m));
    if (chosen.empty())
        throw error(errc::not_found,
                    "no suggested move" +
                        (which.code.empty() ? std::string() : " " + which.code) +
                        (which.account.empty() ? std::string() : " for '" + which.account + "'") +
                        " as of " + as_of.to_string());
    // Each move keeps the plan whole; a copy keeps the batch whole.
    plan next = p;
    for (suggested_move& m : chosen) {
        if (!reason.empty())
            m.reason = std::string(reason);
        accept(next, m, on);
    }
    p = std::move(next);
    return chosen;
}

} // namespace v1
} // namespace kare
