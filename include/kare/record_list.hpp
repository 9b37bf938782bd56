/// @file
/// @brief `record_list`: the accounts, deals or activities of a plan, in plan
/// order, as a read-only range.
#ifndef KARE_RECORD_LIST_HPP
#define KARE_RECORD_LIST_HPP

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {

namespace detail {
template <class T>
class record_store;
} // namespace detail

/// The records of one kind a plan holds (`plan::accounts()`, `plan::deals()`,
/// `plan::activities()`), in plan order: the order the plan's document lists
/// them in.
///
/// It reads as the `std::vector` it replaces: `size()`, `empty()`, iteration,
/// `operator[]`, `at()`, `front()` and `back()`, with positions counted in
/// plan order. A position is the one the record has in the document the plan
/// writes, and the one `plan::account_index`, `plan::deal_index`,
/// `plan::activity_index`, `plan::verdict` and the errors' locations use.
///
/// Why not a vector: removing one record from the middle of a vector of a
/// million moves every later one. A plan instead leaves a removed record in
/// place, released and skipped, and moves the live ones together once the
/// removed pass a sixteenth of the list. A position is then translated in
/// O(log n) while removed records remain, and is a plain index otherwise;
/// iteration costs the same as a vector's.
///
/// Valid, with every reference into it, until the plan's next mutation.
/// @tparam T `account`, `deal` or `activity`
template <class T>
class record_list {
public:
    using value_type = T;                   ///< The record type.
    using size_type = std::size_t;          ///< Counts and positions.
    using difference_type = std::ptrdiff_t; ///< Distances between iterators.
    using reference = const T&;             ///< Records are read-only.
    using const_reference = const T&;       ///< Records are read-only.
    using pointer = const T*;               ///< Records are read-only.
    using const_pointer = const T*;         ///< Records are read-only.

    /// Walks the records in plan order.
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag; ///< One pass or many, forwards.
        using iterator_concept = std::forward_iterator_tag;  ///< As the category.
        using value_type = T;                                ///< The record type.
        using difference_type = std::ptrdiff_t;              ///< Distances.
        using pointer = const T*;                            ///< Read-only.
        using reference = const T&;                          ///< Read-only.

        /// A singular iterator, as a value-initialised one of the standard's.
        const_iterator() = default;
        /// The record.
        /// @return the record, read-only
        reference operator*() const noexcept { return *at_; }
        /// The record's members.
        /// @return the record, read-only
        pointer operator->() const noexcept { return at_; }
        /// The next record.
        /// @return this iterator, moved on
        const_iterator& operator++() noexcept
        {
            ++at_;
            skip();
            return *this;
        }
        /// The next record.
        /// @return this iterator before it moved on
        const_iterator operator++(int) noexcept
        {
            const_iterator before = *this;
            ++*this;
            return before;
        }
        /// Equal when at the same record.
        /// @param a an iterator
        /// @param b an iterator of the same list
        /// @return whether both are at the same record
        friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept
        {
            return a.at_ == b.at_;
        }

    private:
        friend class record_list;
        const_iterator(const T* at, const T* end) noexcept : at_(at), end_(end) { skip(); }
        void skip() noexcept
        {
            while (at_ != end_ && removed(*at_))
                ++at_;
        }
        const T* at_ = nullptr;
        const T* end_ = nullptr;
    };
    using iterator = const_iterator; ///< Records are read-only.

    /// How many records.
    /// @return the number of records
    size_type size() const noexcept { return slots_.size() - removed_; }
    /// Whether there is none.
    /// @return `size() == 0`
    bool empty() const noexcept { return size() == 0; }

    /// The first record.
    /// @return an iterator at the first record
    const_iterator begin() const noexcept
    {
        const T* first = slots_.data();
        if (removed_ != 0 && !slots_.empty())
            first += slot_of_position(0);
        return const_iterator(first, slots_.data() + slots_.size());
    }
    /// Past the last record.
    /// @return an iterator past the last record
    const_iterator end() const noexcept
    {
        const T* last = slots_.data() + slots_.size();
        return const_iterator(last, last);
    }

    /// The record at a position.
    /// @param i a position below `size()`
    /// @return the record
    const T& operator[](size_type i) const noexcept { return slots_[slot_of_position(i)]; }
    /// The record at a position, checked.
    /// @param i a position
    /// @return the record
    /// @throws std::out_of_range when `i` is not below `size()`
    const T& at(size_type i) const
    {
        if (i >= size())
            throw std::out_of_range("record_list::at: position " + std::to_string(i) +
                                    " of " + std::to_string(size()));
        return (*this)[i];
    }
    /// The first record; the list must not be empty.
    /// @return the record at position 0
    const T& front() const noexcept { return (*this)[0]; }
    /// The last record; the list must not be empty.
    /// @return the record at position `size() - 1`
    const T& back() const noexcept { return slots_.back(); } // the last slot is never removed

    /// Equal when both hold equal records in the same order.
    /// @param a a list
    /// @param b a list
    /// @return whether the records are equal, in order
    friend bool operator==(const record_list& a, const record_list& b)
    {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }
    /// Equal to a vector holding equal records in the same order.
    /// @param a a list
    /// @param b a vector
    /// @return whether the records are equal, in order
    friend bool operator==(const record_list& a, const std::vector<T>& b)
    {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }

    /// The records, copied into a vector.
    /// @return a vector of copies, in order
    std::vector<T> to_vector() const { return std::vector<T>(begin(), end()); }

private:
    friend class detail::record_store<T>; // the plan's storage, which alone changes it

    record_list() = default;
    record_list(const record_list&) = default;
    record_list(record_list&&) noexcept = default;
    record_list& operator=(const record_list&) = default;
    record_list& operator=(record_list&&) noexcept = default;
    ~record_list() = default;

    // A removed record is released and left in place with an empty id; every
    // record of a plan has one.
    static bool removed(const T& r) noexcept { return r.id.empty(); }

    // The slot of the record at position `i`: the (i + 1)th live slot, found
    // by descending the tree of live counts.
    std::size_t slot_of_position(std::size_t i) const noexcept
    {
        if (removed_ == 0)
            return i;
        const std::size_t n = slots_.size();
        std::size_t slot = 0;
        std::size_t rest = i + 1;
        for (std::size_t step = std::bit_floor(n); step != 0; step >>= 1)
            if (slot + step <= n && live_[slot + step - 1] < rest) {
                slot += step;
                rest -= live_[slot - 1];
            }
        return slot;
    }

    std::vector<T> slots_; // records in plan order, removed ones among them
    // A Fenwick tree of live flags over slots_ (node k at live_[k - 1] counts
    // the live slots in (k - lowbit(k), k]); kept only while removed_ != 0.
    std::vector<std::uint32_t> live_;
    std::size_t removed_ = 0; // removed slots in slots_; the last slot is never one
};

} // namespace v1
} // namespace kare

#endif
