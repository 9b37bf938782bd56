/// @file
/// @brief Bounds on what a document or a stream of accounts may hold.
#ifndef KARE_READ_LIMITS_HPP
#define KARE_READ_LIMITS_HPP

#include <cstddef>

namespace kare {
inline namespace v1 {

/// Bounds that make a hostile document fail fast instead of exhausting
/// memory or stack.
struct read_limits {
    /// Whole document. Large enough for the plans kare writes: `write_plan`
    /// refuses to write a document beyond this default.
    std::size_t max_document_bytes = std::size_t{4} << 30;
    std::size_t max_depth = 64;               ///< JSON nesting (criteria groups included).
    std::size_t max_string_bytes = 64 * 1024; ///< Any one string.
    std::size_t max_accounts = 10'000'000;    ///< Accounts in one plan.
    std::size_t max_reps = 100'000;           ///< Reps in one plan.
    std::size_t max_fields = 1'000;           ///< Declared fields.
    std::size_t max_criterion_nodes = 10'000; ///< Nodes across all profiles and fire rules.
    std::size_t max_history = 10'000;         ///< Recorded moves per account.
    std::size_t max_deals = 10'000'000;       ///< Deals in one plan.
    std::size_t max_deal_items = 10'000;      ///< Evidence items, and close-date changes, per deal.
    std::size_t max_policy_items = 10'000;    ///< Stages, evidence types, lost reasons, holidays, overrides.
    std::size_t max_activity_types = 10'000;  ///< Activity types in the cookbook.
    std::size_t max_targets = 10'000;         ///< Targets in the cookbook.
    std::size_t max_activities = 100'000'000; ///< Entries in the activity log.
};

} // namespace v1
} // namespace kare

#endif
