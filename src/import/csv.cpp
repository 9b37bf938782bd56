// The CSV reader (RFC 4180, as CRMs export it). Strict: an export that is
// not what it claims fails with the row and column, so nothing is imported
// from a file that was misread. A stream is read a chunk at a time, so an
// over-long record fails as soon as it passes its limit, whatever follows.
#include "csv_reader.hpp"
#include "utf8.hpp"

#include <kare/csv.hpp>
#include <kare/error.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {

std::size_t csv_table::column(std::string_view name) const noexcept
{
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

std::string csv_location(std::string_view source, std::size_t row, std::size_t column,
                         std::string_view name)
{
    std::string out(source);
    out += ", row " + std::to_string(row);
    if (column > 0) {
        out += ", column " + std::to_string(column);
        if (!name.empty())
            out += " (" + std::string(name) + ")";
    }
    return out;
}

namespace detail {

csv_reader::csv_reader(std::string_view text, std::string_view source, const csv_limits& limits)
    : window_(text), limits_(limits)
{
    table_.source = std::string(source);
}

csv_reader::csv_reader(std::istream& in, std::string_view source, const csv_limits& limits)
    : in_(&in), limits_(limits)
{
    table_.source = std::string(source);
}

bool csv_reader::refill()
{
    if (!in_)
        return false;
    base_ += window_.size();
    window_ = {};
    i_ = 0;
    chunk_.resize(chunk_bytes);
    in_->read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    const auto got = static_cast<std::size_t>(in_->gcount());
    if (got == 0) {
        if (in_->bad())
            throw error(errc::io_error, "cannot read the file", table_.source);
        return false;
    }
    window_ = std::string_view(chunk_.data(), got);
    if (base_ + got > limits_.max_bytes)
        throw error(errc::limit_exceeded,
                    "the file is larger than " + std::to_string(limits_.max_bytes) + " bytes",
                    table_.source);
    return true;
}

// Checks what the first bytes say about the file; leaves the reader at the header.
void csv_reader::start()
{
    started_ = true;
    if (in_)
        refill(); // a first chunk holds the whole mark, unless the file is shorter
    else if (window_.size() > limits_.max_bytes)
        throw error(errc::limit_exceeded,
                    "the file is larger than " + std::to_string(limits_.max_bytes) + " bytes",
                    table_.source);
    if (window_.substr(0, 3) == "\xEF\xBB\xBF")
        i_ = 3; // the byte-order mark spreadsheets write
    else if (window_.substr(0, 2) == "\xFF\xFE" || window_.substr(0, 2) == "\xFE\xFF")
        throw error(errc::parse_error,
                    "the file is UTF-16 (it starts with a UTF-16 byte-order mark); export it "
                    "as UTF-8",
                    csv_location(table_.source, 1));
    if (peek() == end)
        throw error(errc::parse_error, "the file is empty: a CSV export starts with a header",
                    csv_location(table_.source, 1));
}

void csv_reader::fail(const std::string& message, std::size_t row, std::size_t column,
                      errc code) const
{
    const std::string name =
        column > 0 && column <= table_.header.size() ? table_.header[column - 1] : "";
    throw error(code, message, csv_location(table_.source, row, column, name));
}

void csv_reader::check_record_size(std::size_t column) const
{
    if (offset() - record_start_ > limits_.max_record_bytes)
        fail("the row is longer than " + std::to_string(limits_.max_record_bytes) +
                 " bytes",
             row_, column, errc::limit_exceeded);
}

void csv_reader::add_byte(std::string& field, char c, std::size_t column)
{
    if (field.size() >= limits_.max_field_bytes)
        fail("a field is longer than " + std::to_string(limits_.max_field_bytes) + " bytes",
             row_, column, errc::limit_exceeded);
    check_record_size(column);
    field += c;
}

// One field; returns whether it was quoted.
bool csv_reader::field(std::string& out, std::size_t column)
{
    static const auto ends_field = [](int c) { return c == ',' || c == '\r' || c == '\n' || c == end; };
    const bool quoted = peek() == '"';
    if (quoted) {
        next();
        while (true) {
            const int c = peek();
            if (c == end)
                fail("a quoted field is not closed: the file ends inside it", row_, column);
            next();
            if (c == '"') {
                if (peek() != '"')
                    break;
                next(); // a quote written twice is one quote
            }
            add_byte(out, static_cast<char>(c), column);
        }
        if (!ends_field(peek()))
            fail("text follows the closing quote of a quoted field; a quote inside a field "
                 "is written twice (\"\")",
                 row_, column);
    } else {
        for (int c = peek(); !ends_field(c); c = peek()) {
            if (c == '"')
                fail("a quote inside an unquoted field; quote the whole field and write the "
                     "quote twice (\"\")",
                     row_, column);
            add_byte(out, static_cast<char>(c), column);
            next();
        }
    }
    // UTF-16 text read as bytes is full of NULs; no CRM writes one in UTF-8.
    if (const auto nul = out.find('\0'); nul != std::string::npos)
        fail("byte " + std::to_string(nul + 1) + " of the field is a NUL byte: the file is "
             "not UTF-8 text (UTF-16 holds them); export it as UTF-8",
             row_, column);
    if (auto bad = first_invalid_utf8(out))
        fail("byte " + std::to_string(*bad + 1) + " of the field is not UTF-8; export the "
             "file as UTF-8",
             row_, column);
    return quoted;
}

void csv_reader::record()
{
    if (row_ > limits_.max_rows)
        fail("more than " + std::to_string(limits_.max_rows) + " rows", row_, 0,
             errc::limit_exceeded);
    record_start_ = offset();
    std::vector<std::string> fields;
    bool quoted = false;
    while (true) {
        if (fields.size() >= limits_.max_columns)
            fail("more than " + std::to_string(limits_.max_columns) + " columns", row_, 0,
                 errc::limit_exceeded);
        check_record_size(fields.size() + 1);
        std::string value;
        quoted = field(value, fields.size() + 1) || quoted;
        fields.push_back(std::move(value));
        if (peek() == ',') {
            next();
            continue;
        }
        break;
    }
    if (peek() == '\r') { // CRLF or a lone CR
        next();
        if (peek() == '\n')
            next();
    } else if (peek() == '\n') {
        next();
    }
    const bool blank = fields.size() == 1 && fields[0].empty() && !quoted;
    if (table_.header.empty()) {
        if (blank)
            fail("the header row is empty", row_, 0);
        table_.header = std::move(fields);
    } else if (blank) {
        table_.blank_rows.push_back(row_);
    } else {
        // The column named is the first one the row lacks, or the first
        // one past the header.
        const std::size_t n = fields.size(), width = table_.header.size();
        if (n < width)
            fail("the row has " + std::to_string(n) + (n == 1 ? " field" : " fields") +
                     " where the header has " + std::to_string(width) +
                     ": it ends before this column",
                 row_, n + 1);
        if (n > width)
            fail("the row has " + std::to_string(n) + " fields where the header has " +
                     std::to_string(width) + ": this column is past the header",
                 row_, width + 1);
        table_.rows.push_back(std::move(fields));
        table_.row_numbers.push_back(row_);
    }
    ++row_;
}

const std::vector<std::string>& csv_reader::header()
{
    if (!started_) {
        start();
        record();
    }
    return table_.header;
}

csv_table csv_reader::rows()
{
    header();
    while (peek() != end)
        record();
    return std::move(table_);
}

} // namespace detail

csv_table parse_csv(std::string_view text, std::string_view source, const csv_limits& limits)
{
    return detail::csv_reader(text, source, limits).rows();
}

csv_table parse_csv(std::istream& in, std::string_view source, const csv_limits& limits)
{
    return detail::csv_reader(in, source, limits).rows();
}

std::vector<std::string> parse_csv_header(std::string_view text, std::string_view source,
                                          const csv_limits& limits)
{
    detail::csv_reader reader(text, source, limits);
    return reader.header();
}

} // namespace v1
} // namespace kare
