// The storage behind a plan's record_list: records in slots, a removed one
// released and left in place, the live moved together when the removed pass
// a sixteenth. Slots are the plan's internal positions (its id indexes and
// parallel vectors use them); positions are what callers see.
#ifndef KARE_DETAIL_RECORD_STORE_HPP
#define KARE_DETAIL_RECORD_STORE_HPP

#include <kare/record_list.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace kare {
inline namespace v1 {
namespace detail {

template <class T>
class record_store : public record_list<T> {
    using base = record_list<T>;
    using base::live_;
    using base::removed_;
    using base::slots_;

public:
    // Removed slots tolerated before moving the live together: a sixteenth of
    // the slots and at least this many, so small plans are not compacted on
    // every removal.
    static constexpr std::size_t min_removed_to_compact = 16;

    record_store() = default;

    std::size_t slot_count() const noexcept { return slots_.size(); }
    std::size_t removed_count() const noexcept { return removed_; }
    bool is_removed(std::size_t slot) const noexcept { return base::removed(slots_[slot]); }
    T& slot(std::size_t s) noexcept { return slots_[s]; }
    const T& slot(std::size_t s) const noexcept { return slots_[s]; }
    std::size_t slot_of(const T& r) const noexcept
    {
        return static_cast<std::size_t>(&r - slots_.data());
    }
    std::size_t slot_of_position(std::size_t i) const noexcept { return base::slot_of_position(i); }
    // The position of the live record in `slot`: the live slots before it.
    std::size_t position_of_slot(std::size_t slot) const noexcept
    {
        if (removed_ == 0)
            return slot;
        std::size_t live = 0;
        for (std::size_t k = slot; k != 0; k &= k - 1)
            live += live_[k - 1];
        return live;
    }

    // Room for `n` slots in all (a reader knows how many it will add).
    void reserve(std::size_t n)
    {
        slots_.reserve(n);
        if (removed_ != 0)
            live_.reserve(n);
    }

    // Makes room for one more record, so that `push` cannot throw.
    void make_room()
    {
        if (slots_.size() == slots_.capacity()) // geometric: n adds copy O(n) records
            slots_.reserve(std::max<std::size_t>(16, slots_.capacity() * 2));
        if (removed_ != 0 && live_.size() == live_.capacity())
            live_.reserve(std::max<std::size_t>(16, slots_.capacity()));
    }

    // Appends a record; `make_room` first. Returns its slot.
    std::size_t push(T&& r) noexcept
    {
        slots_.push_back(std::move(r));
        const std::size_t k = slots_.size(); // the new node: live in (k - lowbit(k), k]
        if (removed_ != 0) {
            const std::size_t low = k & (~k + 1);
            live_.push_back(static_cast<std::uint32_t>(1 + live_before(k - 1) - live_before(k - low)));
        }
        return k - 1;
    }

    // Makes room for removing the record in `slot`, so that `remove` cannot
    // throw: the tree of live counts, unless the last goes.
    void make_room_to_remove(std::size_t slot)
    {
        if (removed_ == 0 && slot + 1 != slots_.size())
            live_.reserve(slots_.capacity());
    }

    // Removes the record in `slot`; `make_room_to_remove` first. The last
    // slot and the removed ones before it are dropped; any other is released
    // and left in place. Returns the slot count after.
    std::size_t remove(std::size_t slot) noexcept
    {
        if (slot + 1 == slots_.size()) {
            drop_last();
            while (!slots_.empty() && base::removed(slots_.back())) {
                drop_last();
                --removed_;
            }
            return slots_.size();
        }
        if (removed_ == 0) {
            // Every slot live: node k counts lowbit(k) of them.
            live_.resize(slots_.size());
            for (std::size_t k = 1; k <= live_.size(); ++k)
                live_[k - 1] = static_cast<std::uint32_t>(k & (~k + 1));
        }
        slots_[slot] = T{};
        for (std::size_t k = slot + 1; k <= live_.size(); k += k & (~k + 1))
            --live_[k - 1];
        ++removed_;
        return slots_.size();
    }

    bool wants_compaction() const noexcept
    {
        return removed_ >= min_removed_to_compact && removed_ * 16 >= slots_.size();
    }

    // Moves the live records together, in order; `moved(from, to)` is told
    // of each that moves, so that parallel vectors follow. Returns the slot
    // count after, which is then the number of records.
    template <class Moved>
    std::size_t compact(Moved&& moved) noexcept
    {
        std::size_t to = 0;
        for (std::size_t from = 0; from < slots_.size(); ++from) {
            if (base::removed(slots_[from]))
                continue;
            if (from != to) {
                slots_[to] = std::move(slots_[from]);
                moved(from, to);
            }
            ++to;
        }
        slots_.erase(slots_.begin() + static_cast<std::ptrdiff_t>(to), slots_.end());
        live_.clear(); // kept allocated for the next removal
        removed_ = 0;
        return to;
    }

    void clear() noexcept
    {
        slots_.clear();
        live_.clear();
        removed_ = 0;
    }

private:
    // Live slots among the first `k`.
    std::size_t live_before(std::size_t k) const noexcept
    {
        std::size_t live = 0;
        for (; k != 0; k &= k - 1)
            live += live_[k - 1];
        return live;
    }

    void drop_last() noexcept
    {
        slots_.pop_back();
        if (removed_ != 0)
            live_.pop_back();
    }
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
