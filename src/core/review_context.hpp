// Lookups the review modules share: where each account stands now and which
// deals and activities concern it, built once per review so that checking a
// book of many accounts costs one pass over the deals and the log.
#ifndef KARE_SRC_REVIEW_CONTEXT_HPP
#define KARE_SRC_REVIEW_CONTEXT_HPP

#include <kare/classify.hpp>
#include <kare/error.hpp>
#include <kare/plan.hpp>
#include <kare/priority.hpp>
#include <kare/suggested_move.hpp>
#include <kare/whitespace.hpp>

#include <array>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// Where an account stands now: what `classify` gives, without the
/// explanation. An account of the plan is read from the plan's cached
/// verdicts; any other is evaluated.
inline placement current_placement(const plan& p, const account& a)
{
    if (auto i = p.account_index(a.id); i && &p.accounts()[*i] == &a)
        return p.placement_of(*i).result;
    return a.decision.what() == placement::kind::open ? profile_placement(p, a) : a.decision;
}

/// The path and words of one leaf criterion of a profile: the same for
/// every account, so a report puts them in words once.
struct leaf_words {
    std::string path; ///< As `criterion_check::path`.
    std::string text; ///< As `criterion_check::text`.
};

/// The leaves of each category's profile (indexed by `category`), in
/// document order; none for a category without a profile.
using profile_words = std::array<std::vector<leaf_words>, 4>;

/// The leaves of the plan's profiles, put in words once.
profile_words words_of(const plan& p);

/// `classify`, with each profile's criterion checks only when `explained`:
/// without them, each profile's outcome holds only its verdict, the one the
/// checks would give. `v` is what the profiles and fire rules say about
/// `a` (for an account of the plan, its cached verdict); `words`, when
/// given, is `words_of(p)`.
classification classify_account(const plan& p, const account& a, const compiled_verdict& v,
                                bool explained, const profile_words* words = nullptr);

/// Where each account stands now, by position in `plan::accounts()`, for the
/// accounts of `rep` (every account when empty), from the plan's cached
/// verdicts; the others are left unassigned and are not read by the
/// functions below, which filter by rep.
inline std::vector<placement> placements_in_scope(const plan& p, std::string_view rep)
{
    std::vector<placement> where(p.accounts().size(), placement::unassigned());
    for (std::size_t i = 0; i < where.size(); ++i)
        if (rep.empty() || p.accounts()[i].owner == rep)
            where[i] = p.placement_of(i).result;
    return where;
}

/// Positions in a plan list grouped by an account id.
using positions_by_account = std::map<std::string, std::vector<std::size_t>, std::less<>>;

/// The deals of each account, as positions in `plan::deals()`.
inline positions_by_account deals_by_account(const plan& p)
{
    positions_by_account out;
    const auto& deals = p.deals();
    for (std::size_t i = 0; i < deals.size(); ++i)
        out[deals[i].account].push_back(i);
    return out;
}

/// The positions listed for `id`, or none.
inline const std::vector<std::size_t>& positions_of(const positions_by_account& index,
                                                    std::string_view id)
{
    static const std::vector<std::size_t> none;
    auto it = index.find(id);
    return it == index.end() ? none : it->second;
}

/// The rep with id `id`, or `not_found`.
inline void require_rep(const plan& p, std::string_view id)
{
    if (!id.empty() && !p.find_rep(id))
        throw error(errc::not_found, "no rep has the id '" + std::string(id) + "'");
}

/// `make_priorities` with the placements and deal index already built.
std::vector<account_priority> rank_accounts(const plan& p, date as_of, std::string_view rep,
                                            const std::vector<placement>& where,
                                            const positions_by_account& deals);

/// `make_heat_map` with the placements already built.
heat_map heat_map_of(const plan& p, std::string_view rep, const std::vector<placement>& where);

/// `suggest_move` for an account standing at `where`, given its deals.
std::optional<suggested_move> suggestion(const plan& p, const account& a, placement where,
                                         date as_of, const std::vector<std::size_t>& deals);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
