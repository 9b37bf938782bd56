// The account findings of a classification as bits: which are raised is
// decided here once; no promise.
#ifndef KARE_DETAIL_ACCOUNT_FINDINGS_HPP
#define KARE_DETAIL_ACCOUNT_FINDINGS_HPP

#include <kare/verdict.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kare {
inline namespace v1 {

struct portfolio_summary;

namespace detail {

/// The account findings a report raises from a classification alone: the
/// one rule of which are raised, shared by the report (which words them),
/// the portfolio summary and the batch (which count them).
enum class account_finding : std::uint8_t {
    unassigned,             ///< `account.unassigned`
    unassigned_by_decision, ///< `account.unassigned_by_decision`
    ambiguous,              ///< `account.ambiguous`
    tie_break,              ///< `account.tie_break`
    contradicts_profile,    ///< `account.contradicts_profile`
    fire_suggested,         ///< `account.fire_suggested`
};

/// Number of `account_finding` values.
inline constexpr std::size_t account_finding_count = 6;

/// The finding's stable code, e.g. `account.ambiguous`.
std::string_view code_of(account_finding f) noexcept;

/// The findings `make_report()` raises for an account placed at `where` with
/// verdict `v`, as bits (bit `f` for `account_finding` `f`).
/// @param where the account's placement and basis
/// @param v its verdict
/// @param profiled bit `c` set when category `c` has a profile
std::uint8_t account_findings(const placement_outcome& where, const compiled_verdict& v,
                              std::uint8_t profiled) noexcept;

/// Counts in `s` one account placed at `where`, with verdict `v` and
/// findings `finding_bits` (from `account_findings()`).
void count_account(portfolio_summary& s, const placement_outcome& where,
                   const compiled_verdict& v, std::uint8_t finding_bits);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
