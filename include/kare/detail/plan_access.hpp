// What tests and benchmarks read of a plan's internals: no promise.
#ifndef KARE_DETAIL_PLAN_ACCESS_HPP
#define KARE_DETAIL_PLAN_ACCESS_HPP

#include <kare/plan.hpp>

#include <cstddef>
#include <memory>

namespace kare {
inline namespace v1 {
namespace detail {

struct plan_access {
    /// The plan's compiled profiles as a shared handle, to keep them beyond the plan.
    static std::shared_ptr<const compiled_profiles> compiled_shared(const plan& p) noexcept
    {
        return p.compiled_;
    }

    /// How many account evaluations the plan has run to keep its verdicts
    /// current; shows that a change re-evaluates only what it must.
    static std::size_t evaluation_count(const plan& p) noexcept { return p.evaluations_; }

    /// Removed accounts, deals and activities the plan still keeps in place:
    /// shows that removals leave them and that compaction clears them.
    static std::size_t removed_accounts(const plan& p) noexcept { return p.accounts_.removed_count(); }
    static std::size_t removed_deals(const plan& p) noexcept { return p.deals_.removed_count(); }
    static std::size_t removed_activities(const plan& p) noexcept
    {
        return p.activities_.removed_count();
    }
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
