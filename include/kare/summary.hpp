/// @file
/// @brief The portfolio summary: figures over many accounts that merge, so
/// partitions evaluated apart (threads, processes, Spark or Dask workers)
/// add up to the whole portfolio.
#ifndef KARE_SUMMARY_HPP
#define KARE_SUMMARY_HPP

#include <kare/detail/account_findings.hpp>
#include <kare/verdict.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {

class plan;

/// Figures over a set of accounts that merge into the figures of their union.
///
/// Every member is a count or a map of counts, and `merge` adds them member
/// by member, so merging is associative and commutative and the empty
/// summary is its identity: `merge(summarize(A), summarize(B))` equals
/// `summarize(A ∪ B)` for any split of the accounts, in any grouping. New
/// figures (cookbook progress, pipeline totals) join as further members
/// with their own associative merge: sums of done and target, of amounts;
/// a ratio is kept as its two sums and divided only when read.
struct portfolio_summary {
    std::size_t accounts = 0;                 ///< Accounts summarised.
    std::array<std::size_t, 4> by_category{}; ///< Placed in each category, indexed by `category`.
    std::size_t fired = 0;                    ///< Fired by decision.
    std::size_t unassigned = 0;               ///< Neither placed nor fired.
    std::array<std::size_t, 4> matching{};    ///< Accounts whose profile of each category holds.
    /// Classification findings by stable code
    /// (`account.ambiguous` → 3); codes with no finding are absent. The
    /// review's findings need the whole plan and are not counted here.
    std::map<std::string, std::size_t, std::less<>> findings;

    /// Adds `other`'s figures to these.
    /// @param other the figures of accounts these do not count
    /// @return these figures
    portfolio_summary& operator+=(const portfolio_summary& other);

    /// Equal when every figure is equal.
    friend bool operator==(const portfolio_summary&, const portfolio_summary&) = default;
};

/// The summary of the union of two disjoint sets of accounts.
/// @param a the figures of one set
/// @param b the figures of a set disjoint from it
/// @return the figures of both
portfolio_summary merge(portfolio_summary a, const portfolio_summary& b);

/// The summary of every account of `p`, from its cached verdicts (no
/// evaluation, no explanation). Agrees with `make_report(p, …)`'s counts
/// and findings.
/// @param p the plan
/// @return its figures
portfolio_summary summarize(const plan& p);

} // namespace v1
} // namespace kare

#endif
