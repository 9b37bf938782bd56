// Accounts loaded for bulk evaluation: records of slot values in column
// blocks of 64, evaluated a block at a time. An internal of the evaluator,
// kept for its tests and benchmarks: no promise.
#ifndef KARE_DETAIL_COMPILED_ACCOUNTS_HPP
#define KARE_DETAIL_COMPILED_ACCOUNTS_HPP

#include <kare/account.hpp>
#include <kare/detail/compiled_profiles.hpp>

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// Many accounts, each reduced to its record under one `compiled_profiles`.
///
/// Records are kept in blocks of 64 accounts, column by column (all 64
/// values of slot 0, then slot 1, …), so one pass of the program evaluates a
/// whole block. An account costs `bytes_per_account()` and nothing else: no
/// strings, no maps.
class compiled_accounts {
public:
    /// Accounts evaluated together.
    static constexpr std::size_t block_size = 64;

    /// An empty store for records of `profiles`.
    explicit compiled_accounts(std::shared_ptr<const compiled_profiles> profiles);

    /// The profiles the records are compiled for.
    const compiled_profiles& profiles() const noexcept { return *profiles_; }
    /// Number of accounts.
    std::size_t size() const noexcept { return size_; }
    /// Reserves room for `n` accounts.
    void reserve(std::size_t n);

    /// Appends `a`'s record.
    void push_back(const account& a);
    /// Appends a record written by `compiled_profiles::load` (`slot_count()` values).
    void push_back(std::span<const double> record);
    /// Replaces the record of account `i` with `a`'s.
    void assign(std::size_t i, const account& a);

    /// The value of slot `s` of account `i`.
    double value(std::size_t i, std::size_t s) const noexcept
    {
        return values_[offset(i) + s * block_size];
    }

    /// Evaluates account `i`.
    compiled_verdict evaluate(std::size_t i) const noexcept;
    /// Evaluates every account, a block at a time; `out` holds `size()` verdicts.
    void evaluate_all(std::span<compiled_verdict> out) const;

    /// Memory one account takes: one `double` per slot.
    std::size_t bytes_per_account() const noexcept { return slots_ * sizeof(double); }

private:
    std::size_t offset(std::size_t i) const noexcept
    {
        return (i / block_size) * block_size * slots_ + i % block_size;
    }
    void grow();

    std::shared_ptr<const compiled_profiles> profiles_;
    std::size_t slots_;
    std::size_t size_ = 0;
    std::vector<double> values_;
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
