// Reading one JSON Lines account straight into a compiled record: no
// kare::account, no strings copied, no map. Anything unusual (an error, a
// rare shape) is handed to the exact reader, which the fast one mirrors.
#ifndef KARE_SRC_ACCOUNT_LINE_READER_HPP
#define KARE_SRC_ACCOUNT_LINE_READER_HPP

#include <kare/account.hpp>
#include <kare/compiled_profiles.hpp>
#include <kare/json.hpp>
#include <kare/value.hpp>

#include <boost/json.hpp>

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// What the fast reader needs to know of the schema, built once per batch
/// and shared read-only by every thread.
class field_table {
public:
    field_table(const schema& fields, const compiled_profiles& compiled);

    struct entry {
        const field_def* def = nullptr;
        std::int32_t slot = -1; // -1: no criterion reads the field
        const std::unordered_map<std::string_view, std::uint32_t>* choices = nullptr;
    };

    /// The field `name`, or null.
    const entry* find(std::string_view name) const noexcept
    {
        auto it = fields_.find(name);
        return it == fields_.end() ? nullptr : &it->second;
    }
    /// The slot of `relationship`, or -1.
    std::int32_t relationship_slot() const noexcept { return relationship_slot_; }

private:
    std::unordered_map<std::string_view, entry> fields_;
    std::vector<std::unordered_map<std::string_view, std::uint32_t>> choice_lists_;
    std::int32_t relationship_slot_ = -1;
};

/// One account read by the fast path; views into the parsed line.
struct line_account {
    std::string_view id;
    placement decision;
};

/// The fast reader. One per thread: it reuses its buffers from line to line.
class account_line_reader {
public:
    account_line_reader(const field_table& fields, const compiled_profiles& compiled,
                        const read_limits& limits)
        : fields_(fields), compiled_(compiled), limits_(limits)
    {
    }

    /// Reads `v` into `record` and `out` when it is a valid account of the
    /// common shape; returns false otherwise (the exact reader then decides).
    bool read(const boost::json::value& v, std::span<double> record, line_account& out);

private:
    bool text(const boost::json::value& v, std::string_view& out) const noexcept;
    bool name(const boost::json::value& v, std::string_view& out) const noexcept;
    bool products(const boost::json::value& v) const noexcept;
    bool attributes(const boost::json::value& v, std::span<double> record) const noexcept;
    bool history(const boost::json::array& list, placement decision);

    const field_table& fields_;
    const compiled_profiles& compiled_;
    const read_limits& limits_;
    std::vector<move_record> history_; // reused
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
