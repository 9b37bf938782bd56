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
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
