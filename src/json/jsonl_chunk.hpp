// Reading, classifying and answering the lines of one chunk of a JSON Lines
// stream. One worker per thread; it reuses its parser, arena and buffers.
#ifndef KARE_SRC_JSONL_CHUNK_HPP
#define KARE_SRC_JSONL_CHUNK_HPP

#include "account_line_reader.hpp"
#include "strict_parser.hpp"

#include <kare/batch.hpp>
#include <kare/plan.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// Appends `s` as a JSON string.
void append_json_string(std::string& out, std::string_view s);

/// What every chunk of one batch shares, read only.
struct batch_context {
    batch_context(const plan& p, const batch_options& o);

    const plan& source;
    const compiled_profiles& compiled;
    const field_table fields;
    const batch_options& options;
    std::vector<std::string> fire_ids; // as JSON strings
    std::size_t longest_fire_ids = 0;  // all of them, with commas
};

/// Counts of one chunk, folded into the summary in input order.
struct chunk_counts {
    std::size_t accounts = 0;
    std::array<std::size_t, 4> by_category{};
    std::size_t fired = 0;
    std::size_t unassigned = 0;
    std::array<std::size_t, 4> matching{};
    std::array<std::size_t, account_finding_count> findings{};
};

/// Bytes written in place: room is asked for first, then filled, without
/// the zero-filling of std::string::resize or a copy from a scratch line.
class text_buffer {
public:
    /// At least `n` writable bytes past the end.
    char* room(std::size_t n)
    {
        if (capacity_ - size_ < n) {
            const std::size_t capacity = std::max(capacity_ * 2, size_ + n);
            std::unique_ptr<char[]> bigger(new char[capacity]);
            if (size_)
                std::memcpy(bigger.get(), data_.get(), size_);
            data_ = std::move(bigger);
            capacity_ = capacity;
        }
        return data_.get() + size_;
    }
    /// Keeps `n` bytes written into `room()`.
    void commit(std::size_t n) noexcept { size_ += n; }
    void clear() noexcept { size_ = 0; }
    std::size_t size() const noexcept { return size_; }
    std::string_view view() const noexcept { return {data_.get(), size_}; }

private:
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

/// What one chunk gives. Line numbers are relative to the chunk's first line.
struct chunk_result {
    text_buffer output;
    chunk_counts counts;
    std::size_t lines = 0;               // lines in the chunk, counted as read
    std::vector<line_error> errors;      // skip policy
    std::vector<std::size_t> holes;      // where each error record goes in `output`
    std::optional<line_error> failure;   // fail policy: the first bad line

    /// Empties the result, keeping the output's memory for the next chunk.
    void clear() noexcept;
};

/// Reads and answers chunks, one at a time.
class chunk_worker {
public:
    explicit chunk_worker(const batch_context& ctx);

    /// Reads every line of `text` (whole lines) into `out` (cleared first).
    void run(std::string_view text, chunk_result& out);

private:
    void one_line(std::string_view text, chunk_result& out);
    void answer(std::string_view id, placement decision, chunk_result& out);

    const batch_context& ctx_;
    account_line_reader reader_;
    std::vector<double> record_;
    // The JSON tree the exact reader needs; made on the first line that needs it.
    struct tree_parser {
        explicit tree_parser(const read_limits& limits);
        std::array<unsigned char, 16 * 1024> buffer;
        boost::json::monotonic_resource arena;
        strict_parser parser;
    };
    std::unique_ptr<tree_parser> tree_;
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
