// Positions by id for a plan's records, in a flat table: a slot holds the
// record's position and a fragment of its id's hash, never the id itself,
// which the caller's vector already holds. A plan of millions of accounts
// kept a node and a second copy of every id in an unordered_map (about 80
// bytes per account); this costs 11 to 23.
#ifndef KARE_DETAIL_ID_INDEX_HPP
#define KARE_DETAIL_ID_INDEX_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// Open addressing with linear probing; `id_of(position)` gives the id
/// stored at a position, so the table never copies ids.
class id_index {
public:
    /// The position of `id`, or nothing.
    template <class IdOf>
    std::optional<std::size_t> find(std::string_view id, const IdOf& id_of) const noexcept
    {
        if (slots_.empty())
            return std::nullopt;
        const std::uint64_t h = hash(id);
        for (std::size_t s = h & mask(); slots_[s] != empty; s = (s + 1) & mask())
            if (tag_of(slots_[s]) == tag(h) && id_of(position_of(slots_[s])) == id)
                return position_of(slots_[s]);
        return std::nullopt;
    }

    /// Makes room for `n` ids, so that inserting up to `n` cannot throw.
    template <class IdOf>
    void reserve(std::size_t n, const IdOf& id_of)
    {
        if (n * 10 <= slots_.size() * 7)
            return;
        std::size_t capacity = 16;
        while (capacity * 7 < n * 10)
            capacity *= 2;
        std::vector<std::uint64_t> old(capacity, empty);
        old.swap(slots_);
        for (std::uint64_t slot : old)
            if (slot != empty)
                place(hash(id_of(position_of(slot))), position_of(slot));
    }

    /// Records `id` at `position`; the id must be new and room reserved.
    void insert(std::string_view id, std::size_t position) noexcept
    {
        place(hash(id), position);
        ++count_;
    }

    /// Forgets `id`, which must be present; `id_of` must still give it.
    template <class IdOf>
    void erase(std::string_view id, const IdOf& id_of) noexcept
    {
        std::size_t s = locate(id, id_of);
        // Backward shift: move later members of the run into the hole
        // unless that would put one before its home slot.
        for (std::size_t next = (s + 1) & mask(); slots_[next] != empty; next = (next + 1) & mask()) {
            const std::size_t home = hash(id_of(position_of(slots_[next]))) & mask();
            if (((next - home) & mask()) >= ((next - s) & mask())) {
                slots_[s] = slots_[next];
                s = next;
            }
        }
        slots_[s] = empty;
        --count_;
    }

    /// Forgets every id and records positions 0 to `n - 1` afresh, whose ids
    /// `id_of` gives, in the table as it is: nothing is allocated. For when
    /// every position changes at once (the records were moved together).
    template <class IdOf>
    void rebuild(std::size_t n, const IdOf& id_of) noexcept
    {
        std::fill(slots_.begin(), slots_.end(), empty);
        for (std::size_t p = 0; p < n; ++p)
            place(hash(id_of(p)), p);
        count_ = n;
    }

    /// How many ids are recorded.
    std::size_t size() const noexcept { return count_; }

    /// Forgets every id.
    void clear() noexcept
    {
        slots_.clear();
        count_ = 0;
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t{0};

    static std::uint64_t hash(std::string_view id) noexcept
    {
        // std::hash is 64 bits here; spread it so that low and high halves
        // are independent (slot from the low bits, tag from the high).
        std::uint64_t h = std::hash<std::string_view>{}(id);
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        return h;
    }
    static std::uint32_t tag(std::uint64_t h) noexcept { return static_cast<std::uint32_t>(h >> 32); }
    static std::uint32_t tag_of(std::uint64_t slot) noexcept
    {
        return static_cast<std::uint32_t>(slot >> 32);
    }
    static std::size_t position_of(std::uint64_t slot) noexcept
    {
        return static_cast<std::uint32_t>(slot);
    }
    std::size_t mask() const noexcept { return slots_.size() - 1; }

    // The slot of `id`, which must be present.
    template <class IdOf>
    std::size_t locate(std::string_view id, const IdOf& id_of) const noexcept
    {
        const std::uint64_t h = hash(id);
        std::size_t s = h & mask();
        while (!(slots_[s] != empty && tag_of(slots_[s]) == tag(h) &&
                 id_of(position_of(slots_[s])) == id))
            s = (s + 1) & mask();
        return s;
    }

    void place(std::uint64_t h, std::size_t position) noexcept
    {
        std::size_t s = h & mask();
        while (slots_[s] != empty)
            s = (s + 1) & mask();
        slots_[s] = (std::uint64_t{tag(h)} << 32) | static_cast<std::uint32_t>(position);
    }

    std::vector<std::uint64_t> slots_; // tag << 32 | position, or empty
    std::size_t count_ = 0;
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
