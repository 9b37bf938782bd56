/// @file
/// @brief Priorities: accounts ranked within and across categories by
/// expected value against the cost of pursuit, with every term of the score
/// reported, and the focus lists the ranking defines.
///
/// The score (docs/review.md, "Priorities"):
///
///     value          = annual_revenue (or, for a prospect or former client
///                      without one, the policy's potential value)
///                      + open qualified deals on the account
///     expected_value = value × growth factor × win probability
///     cost           = cost of pursuit × (existing-client fraction for
///                      clients, recapture fraction for former clients)
///     score          = expected_value / cost
///
/// growth factor: growth_potential low 1, medium 1.5, high 2 (none: 1);
/// win probability: risk low 0.9, medium 0.7, high 0.5 (none: 0.7);
/// cost of pursuit: cost_of_pursuit low 1, medium 2, high 3 (none: 2); an
/// account whose relationship is `client` costs the review policy's
/// `existing_client_cost` of that, a `former_client` its `recapture_cost`.
#ifndef KARE_PRIORITY_HPP
#define KARE_PRIORITY_HPP

#include <kare/category.hpp>
#include <kare/date.hpp>
#include <kare/money.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;
struct account;

/// The terms of one account's priority score. Amounts are in the plan's
/// currency; `value`, `expected_value` and `score` are rounded to cents (so
/// equal-looking scores tie); `cost` is exact, e.g. 0.2222… at one-ninth.
struct priority_terms {
    double revenue = 0;            ///< The `annual_revenue` attribute; 0 when absent.
    double potential_value = 0;    ///< For a prospect or former client without `annual_revenue`: the review policy's potential value; else 0.
    money qualified_pipeline;      ///< Open deals on the account that are qualified as of the date.
    double value = 0;              ///< `revenue` + `potential_value` + `qualified_pipeline`, in currency units.
    std::string growth_potential;  ///< The account's level, or empty when it has none.
    double growth_factor = 1;      ///< 1, 1.5 or 2.
    std::string risk;              ///< The account's level, or empty when it has none.
    double win_probability = 0.7;  ///< 0.9, 0.7 or 0.5.
    double expected_value = 0;     ///< `value` × `growth_factor` × `win_probability`.
    std::string cost_of_pursuit;   ///< The account's level, or empty when it has none.
    double pursuit_cost = 2;       ///< What winning it as a new client costs: 1, 2 or 3 units.
    bool existing_client = false;  ///< The relationship is `client`.
    bool former_client = false;    ///< The relationship is `former_client`.
    double cost_fraction = 1;      ///< 1 for a prospect, else the policy's existing-client or recapture fraction.
    double cost = 2;               ///< `pursuit_cost` × `cost_fraction`.
    double score = 0;              ///< `expected_value` / `cost`.

    /// Equal when every member is equal.
    friend bool operator==(const priority_terms&, const priority_terms&) = default;
};

/// One categorised account in the ranking.
struct account_priority {
    std::string id;                   ///< Account id.
    std::string name;                 ///< Account name.
    std::string owner;                ///< Owning rep.
    category cat = category::keep;    ///< Its category.
    priority_terms terms;             ///< The score and its terms.
    std::size_t rank = 0;             ///< 1 is the highest priority, across categories.
    std::size_t rank_in_category = 0; ///< 1 is the highest within its category (all reps in scope).
    bool focus = false;               ///< On its owner's focus list for its category.
};

/// Scores one account as of `as_of` under the plan's review policy.
/// @throws error `invalid_plan` naming `deals[N]…` for a fact of one of its
/// deals dated after `as_of`; `limit_exceeded` when its qualified deals sum
/// beyond 64-bit minor units.
/// @param p the plan whose review policy and deals apply
/// @param a the account, usually one of `p`'s
/// @param as_of the day its deals are judged on
/// @return the score and every term of it
priority_terms score_account(const plan& p, const account& a, date as_of);

/// The accounts in a category (current placement), owned by `rep` or by
/// anyone when `rep` is empty, best first: by score, then growth factor,
/// win probability, lower cost, and plan order.
///
/// A rep's focus list in a category is the accounts the plan names
/// (`account::focus`) when it names any there; otherwise the first
/// `review_policy::focus_max` of the ranking.
/// @throws error `not_found` when `rep` names no rep; as `score_account`.
/// @param p the plan
/// @param as_of the day accounts are placed and scored on
/// @param rep a rep's id, or empty for every rep
/// @return every categorised account in scope, ranked, with its focus mark
std::vector<account_priority> make_priorities(const plan& p, date as_of, std::string_view rep = {});

/// One rep's focus list in one category.
struct focus_list {
    std::string rep;               ///< Rep id.
    category cat = category::keep; ///< The category.
    bool named = false;            ///< Named in the plan rather than the top of the ranking.
    std::vector<std::string> accounts; ///< Account ids, in priority order.
    std::size_t in_category = 0;   ///< Accounts the rep has in the category.
};

/// The focus lists of a ranking: one per rep of the plan (in plan order)
/// with accounts in scope, and category (K, A, R, E), including empty ones.
/// @param p the plan the ranking was made from
/// @param ranked the result of `make_priorities`
/// @param rep only this rep, or every rep when empty
/// @return the lists, rep by rep, each in K, A, R, E order
std::vector<focus_list> make_focus_lists(const plan& p, const std::vector<account_priority>& ranked,
                                         std::string_view rep = {});

} // namespace v1
} // namespace kare

#endif
