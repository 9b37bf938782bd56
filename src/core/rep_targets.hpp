// What a cookbook target asks of one rep (docs/cookbook.md, "What a target
// asks of a rep"), shared by progress and the effort mix so that the two, and
// the rep-fit check, never disagree.
#ifndef KARE_SRC_REP_TARGETS_HPP
#define KARE_SRC_REP_TARGETS_HPP

#include <kare/category.hpp>
#include <kare/cookbook.hpp>
#include <kare/plan.hpp>
#include <kare/rep.hpp>
#include <kare/review_policy.hpp>

#include <array>
#include <cstdint>

namespace kare {
inline namespace v1 {
namespace detail {

/// The rep's accounts per category that ask effort of them: under the focus
/// strategy a quadrant that does not suit the rep's style asks none, since
/// `rep.style_mismatch` asks for those accounts to be reassigned instead.
inline std::array<std::int64_t, 4> working_accounts(const plan& p, const rep& r,
                                                    std::array<std::int64_t, 4> owned)
{
    if (p.review_policy().rep_fit == rep_fit_strategy::focus)
        for (category c : all_categories)
            if (!suits(r.style, c))
                owned[static_cast<std::size_t>(c)] = 0;
    return owned;
}

/// How many of target `t` a rep with `accounts` working accounts in its
/// category owes per period. A per-account target is owed for each account.
/// A per-rep target is written for a full focus list (`focus_min` accounts):
/// a rep with fewer owes that share of it, rounded up, so one stray account
/// does not ask for a whole quadrant's effort.
inline std::int64_t owed_per_period(const target& t, std::int64_t accounts, std::uint32_t focus_min)
{
    if (accounts <= 0)
        return 0; // a category the rep does not work asks nothing of them
    if (t.scope == target_scope::account)
        return t.count * accounts;
    const std::int64_t full = focus_min > 0 ? std::int64_t{focus_min} : 1;
    if (accounts >= full)
        return t.count;
    return (t.count * accounts + full - 1) / full;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
