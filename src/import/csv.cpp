// The CSV reader (RFC 4180, as CRMs export it). Strict: an export that is
// not what it claims fails with the row and column, so nothing is imported
// from a file that was misread.
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

namespace {

class csv_reader {
public:
    csv_reader(std::string_view text, std::string_view source, const csv_limits& limits)
        : text_(text), limits_(limits)
    {
        table_.source = std::string(source);
    }

    csv_table read()
    {
        start();
        while (i_ < text_.size())
            record();
        return std::move(table_);
    }

    std::vector<std::string> read_header()
    {
        start();
        record();
        return std::move(table_.header);
    }

private:
    // Checks what the first bytes say about the file; leaves i_ at the header.
    void start()
    {
        if (text_.size() > limits_.max_bytes)
            throw error(errc::limit_exceeded,
                        "the file is larger than " + std::to_string(limits_.max_bytes) + " bytes",
                        table_.source);
        if (text_.substr(0, 3) == "\xEF\xBB\xBF")
            i_ = 3; // the byte-order mark spreadsheets write
        else if (text_.substr(0, 2) == "\xFF\xFE" || text_.substr(0, 2) == "\xFE\xFF")
            throw error(errc::parse_error,
                        "the file is UTF-16 (it starts with a UTF-16 byte-order mark); export it "
                        "as UTF-8",
                        csv_location(table_.source, 1));
        if (i_ >= text_.size())
            throw error(errc::parse_error, "the file is empty: a CSV export starts with a header",
                        csv_location(table_.source, 1));
    }

    [[noreturn]] void fail(const std::string& message, std::size_t row, std::size_t column,
                           errc code = errc::parse_error) const
    {
        const std::string name =
            column > 0 && column <= table_.header.size() ? table_.header[column - 1] : "";
        throw error(code, message, csv_location(table_.source, row, column, name));
    }

    static bool ends_field(char c) { return c == ',' || c == '\r' || c == '\n'; }

    void add_byte(std::string& field, char c, std::size_t column)
    {
        if (field.size() >= limits_.max_field_bytes)
            fail("a field is longer than " + std::to_string(limits_.max_field_bytes) + " bytes",
                 row_, column, errc::limit_exceeded);
        field += c;
    }

    // One field at i_; returns whether it was quoted.
    bool field(std::string& out, std::size_t column)
    {
        const std::size_t n = text_.size();
        const bool quoted = i_ < n && text_[i_] == '"';
        if (quoted) {
            ++i_;
            while (true) {
                if (i_ >= n)
                    fail("a quoted field is not closed: the file ends inside it", row_, column);
                const char c = text_[i_];
                if (c == '"') {
                    if (i_ + 1 < n && text_[i_ + 1] == '"') {
                        add_byte(out, '"', column);
                        i_ += 2;
                        continue;
                    }
                    ++i_;
                    break;
                }
                add_byte(out, c, column);
                ++i_;
            }
            if (i_ < n && !ends_field(text_[i_]))
                fail("text follows the closing quote of a quoted field; a quote inside a field "
                     "is written twice (\"\")",
                     row_, column);
        } else {
            while (i_ < n && !ends_field(text_[i_])) {
                if (text_[i_] == '"')
                    fail("a quote inside an unquoted field; quote the whole field and write the "
                         "quote twice (\"\")",
                         row_, column);
                add_byte(out, text_[i_], column);
                ++i_;
            }
        }
        // UTF-16 text read as bytes is full of NULs; no CRM writes one in UTF-8.
        if (const auto nul = out.find('\0'); nul != std::string::npos)
            fail("byte " + std::to_string(nul + 1) + " of the field is a NUL byte: the file is "
                 "not UTF-8 text (UTF-16 holds them); export it as UTF-8",
                 row_, column);
        if (auto bad = detail::first_invalid_utf8(out))
            fail("byte " + std::to_string(*bad + 1) + " of the field is not UTF-8; export the "
                 "file as UTF-8",
                 row_, column);
        return quoted;
    }

    void record()
    {
        if (row_ > limits_.max_rows)
            fail("more than " + std::to_string(limits_.max_rows) + " rows", row_, 0,
                 errc::limit_exceeded);
        std::vector<std::string> fields;
        bool quoted = false;
        while (true) {
            if (fields.size() >= limits_.max_columns)
                fail("more than " + std::to_string(limits_.max_columns) + " columns", row_, 0,
                     errc::limit_exceeded);
            std::string value;
            quoted = field(value, fields.size() + 1) || quoted;
            fields.push_back(std::move(value));
            if (i_ < text_.size() && text_[i_] == ',') {
                ++i_;
                continue;
            }
            break;
        }
        if (i_ < text_.size() && text_[i_] == '\r') { // CRLF or a lone CR
            ++i_;
            if (i_ < text_.size() && text_[i_] == '\n')
                ++i_;
        } else if (i_ < text_.size() && text_[i_] == '\n') {
            ++i_;
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

    std::string_view text_;
    csv_limits limits_;
    csv_table table_;
    std::size_t i_ = 0;
    std::size_t row_ = 1;
};

} // namespace

csv_table parse_csv(std::string_view text, std::string_view source, const csv_limits& limits)
{
    return csv_reader(text, source, limits).read();
}

std::vector<std::string> parse_csv_header(std::string_view text, std::string_view source,
                                          const csv_limits& limits)
{
    return csv_reader(text, source, limits).read_header();
}

} // namespace v1
} // namespace kare
