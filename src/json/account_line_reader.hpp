// Reading one JSON Lines account straight into a compiled record, as the
// parser goes (SAX): no JSON tree, no kare::account, no map. Anything
// unusual (an error, a rare shape) is handed to the exact reader, which the
// fast one mirrors.
#ifndef KARE_SRC_ACCOUNT_LINE_READER_HPP
#define KARE_SRC_ACCOUNT_LINE_READER_HPP

#include <kare/account.hpp>
#include <kare/detail/compiled_profiles.hpp>
#include <kare/json.hpp>
#include <kare/value.hpp>


#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// `a == b`, inline: names are short, and a call to memcmp per lookup costs
/// more than the comparison.
inline bool same_text(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size())
        return false;
    std::size_t i = 0;
    for (; i + 8 <= a.size(); i += 8) {
        std::uint64_t x;
        std::uint64_t y;
        std::memcpy(&x, a.data() + i, 8);
        std::memcpy(&y, b.data() + i, 8);
        if (x != y)
            return false;
    }
    for (; i < a.size(); ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

/// A read-only table from names known in advance (fields, choices) to
/// values: open addressing over a hash of the length and the first and last
/// eight bytes, which is cheap and separates names that differ anywhere but
/// in a long middle (those still work, by probing).
template <typename T>
class name_table {
public:
    /// Builds the table; the names must outlive it.
    explicit name_table(const std::vector<std::pair<std::string_view, T>>& entries)
    {
        std::size_t size = 8;
        while (size < entries.size() * 2)
            size *= 2;
        slots_.resize(size);
        mask_ = size - 1;
        for (const auto& [name, value] : entries) {
            std::size_t i = hash(name) & mask_;
            while (slots_[i].used)
                i = (i + 1) & mask_;
            slots_[i] = {name, value, true};
        }
    }

    /// The value of `name`, or null.
    const T* find(std::string_view name) const noexcept
    {
        for (std::size_t i = hash(name) & mask_;; i = (i + 1) & mask_) {
            const slot& s = slots_[i];
            if (!s.used)
                return nullptr;
            if (same_text(s.name, name))
                return &s.value;
        }
    }

private:
    struct slot {
        std::string_view name;
        T value{};
        bool used = false;
    };

    static std::size_t hash(std::string_view s) noexcept
    {
        std::uint64_t head = 0;
        std::uint64_t tail = 0;
        if (s.size() >= 8) {
            std::memcpy(&head, s.data(), 8);
            std::memcpy(&tail, s.data() + s.size() - 8, 8);
        } else {
            std::memcpy(&head, s.data(), s.size());
        }
        std::uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ s.size()) * 0xBF58476D1CE4E5B9ULL;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }

    std::vector<slot> slots_;
    std::size_t mask_ = 0;
};

/// What the fast reader needs to know of the schema, built once per batch
/// and shared read-only by every thread.
class field_table {
public:
    field_table(const schema& fields, const compiled_profiles& compiled);

    struct entry {
        std::uint32_t index = 0; // position in the schema
        const field_def* def = nullptr;
        std::int32_t slot = -1; // -1: no criterion reads the field
        const name_table<std::uint32_t>* choices = nullptr;
    };

    /// The field `name`, or null.
    const entry* find(std::string_view name) const noexcept { return fields_.find(name); }
    /// The slot of `relationship`, or -1.
    std::int32_t relationship_slot() const noexcept { return relationship_slot_; }
    /// Number of fields.
    std::size_t size() const noexcept { return size_; }

private:
    std::vector<std::unique_ptr<name_table<std::uint32_t>>> choice_lists_;
    name_table<entry> fields_;
    std::int32_t relationship_slot_ = -1;
    std::size_t size_ = 0;
};

/// One account read by the fast path.
struct line_account {
    std::string_view id; // valid until the next read
    placement decision;
};

/// The fast reader. One per thread: it reuses its parser and buffers from
/// line to line.
class account_line_reader {
public:
    account_line_reader(const field_table& fields, const compiled_profiles& compiled,
                        const read_limits& limits);
    ~account_line_reader();
    account_line_reader(const account_line_reader&) = delete;
    account_line_reader& operator=(const account_line_reader&) = delete;

    /// Reads the JSON text `line` into `record` and `out` when it is a valid
    /// account of the common shape; returns false otherwise, malformed JSON
    /// included (the exact reader then decides).
    bool read(std::string_view line, std::span<double> record, line_account& out);

private:
    struct sax_handler;
    struct parser;
    std::unique_ptr<parser> parser_;
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
