// The CSV reader as the import drives it: the header of every file first,
// then each file's rows, from text in memory or from a stream read as it is
// parsed (include/kare/csv.hpp says what it accepts).
#ifndef KARE_SRC_CSV_READER_HPP
#define KARE_SRC_CSV_READER_HPP

#include <kare/csv.hpp>
#include <kare/error.hpp>

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

class csv_reader {
public:
    /// Reads `text`, which must outlive the reader.
    csv_reader(std::string_view text, std::string_view source, const csv_limits& limits);
    /// Reads `in` a chunk at a time; `in` must outlive the reader.
    csv_reader(std::istream& in, std::string_view source, const csv_limits& limits);

    /// The header; call once, before `rows`.
    const std::vector<std::string>& header();
    /// The header (read now if `header` was not called) and every record.
    csv_table rows();

private:
    static constexpr std::size_t chunk_bytes = 64 * 1024;
    static constexpr int end = -1;

    int peek()
    {
        if (i_ < window_.size())
            return static_cast<unsigned char>(window_[i_]);
        return refill() ? static_cast<unsigned char>(window_[i_]) : end;
    }
    void next() { ++i_; }
    bool refill();
    std::size_t offset() const noexcept { return base_ + i_; }

    void start();
    [[noreturn]] void fail(const std::string& message, std::size_t row, std::size_t column,
                           errc code = errc::parse_error) const;
    void check_record_size(std::size_t column) const;
    void add_byte(std::string& field, char c, std::size_t column);
    bool field(std::string& out, std::size_t column);
    void record();

    std::string_view window_; // the text, or the chunk of the stream at hand
    std::size_t i_ = 0;       // in window_
    std::size_t base_ = 0;    // bytes before window_
    std::istream* in_ = nullptr;
    std::string chunk_;
    csv_limits limits_;
    csv_table table_;
    bool started_ = false;
    std::size_t row_ = 1;
    std::size_t record_start_ = 0; // offset of the record being read
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
