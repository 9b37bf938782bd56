// The column-block store of compiled account records.
#include <kare/detail/compiled_accounts.hpp>
#include <kare/error.hpp>

#include <algorithm>
#include <array>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

// Runs `body` with `n` words of scratch, on the stack when they fit.
template <typename T, typename Body>
auto with_buffer(std::size_t n, Body&& body)
{
    std::array<T, 128> local;
    if (n <= local.size())
        return body(std::span<T>(local.data(), n));
    std::vector<T> heap(n);
    return body(std::span<T>(heap));
}

} // namespace

compiled_accounts::compiled_accounts(std::shared_ptr<const compiled_profiles> profiles)
    : profiles_(std::move(profiles))
{
    if (!profiles_)
        throw error(errc::invalid_argument, "compiled accounts need compiled profiles");
    slots_ = profiles_->slot_count();
}

void compiled_accounts::reserve(std::size_t n)
{
    const std::size_t blocks = (n + block_size - 1) / block_size;
    values_.reserve(blocks * block_size * slots_);
}

// Opens a new block when the last one is full; fresh slots read as missing.
void compiled_accounts::grow()
{
    if (size_ % block_size == 0)
        values_.resize(values_.size() + block_size * slots_, compiled_profiles::missing());
}

void compiled_accounts::push_back(std::span<const double> record)
{
    if (record.size() != slots_)
        throw error(errc::invalid_argument, "a record holds one value per slot");
    grow();
    const std::size_t at = offset(size_);
    for (std::size_t s = 0; s < slots_; ++s)
        values_[at + s * block_size] = record[s];
    ++size_;
}

void compiled_accounts::push_back(const account& a)
{
    with_buffer<double>(slots_, [&](std::span<double> record) {
        profiles_->load(a, record);
        push_back(record);
        return 0;
    });
}

void compiled_accounts::assign(std::size_t i, const account& a)
{
    if (i >= size_)
        throw error(errc::invalid_argument, "no compiled account at that position");
    with_buffer<double>(slots_, [&](std::span<double> record) {
        profiles_->load(a, record);
        const std::size_t at = offset(i);
        for (std::size_t s = 0; s < slots_; ++s)
            values_[at + s * block_size] = record[s];
        return 0;
    });
}

compiled_verdict compiled_accounts::evaluate(std::size_t i) const noexcept
{
    return profiles_->evaluate(values_.data() + offset(i), block_size);
}

void compiled_accounts::evaluate_all(std::span<compiled_verdict> out) const
{
    if (out.size() != size_)
        throw error(errc::invalid_argument, "evaluate_all needs one verdict per account");
    std::vector<std::uint64_t> scratch(profiles_->scratch_size());
    for (std::size_t first = 0; first < size_; first += block_size)
        profiles_->evaluate_block(values_.data() + offset(first), block_size,
                                  std::min(block_size, size_ - first), out.data() + first,
                                  scratch.data());
}

} // namespace detail
} // namespace v1
} // namespace kare
