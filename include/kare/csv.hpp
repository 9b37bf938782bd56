/// @file
/// @brief CSV as CRMs export it (RFC 4180): a strict reader whose every
/// error names the row and the column.
///
/// Fields are separated by commas; a field may be quoted with `"`, and a
/// quote inside a quoted field is doubled (`""`). Quoted fields may hold
/// commas and line breaks. Records end with CRLF, LF or CR; the last may
/// end without one. A UTF-8 byte-order mark at the start is skipped. The
/// first record is the header. Rows are numbered as a spreadsheet shows
/// them: the header is row 1, whatever line breaks quoted fields hold; an
/// empty line is a row that holds no record. Columns are numbered from 1.
#ifndef KARE_CSV_HPP
#define KARE_CSV_HPP

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// Bounds that make a hostile file fail fast.
struct csv_limits {
    std::size_t max_bytes = std::size_t{1} << 30;  ///< The whole text.
    std::size_t max_columns = 10'000;             ///< Fields in one record.
    std::size_t max_rows = 10'000'000;            ///< Records, the header included.
    std::size_t max_field_bytes = 64 * 1024;      ///< Any one field.
    /// Any one record, its quotes, commas and quoted line breaks included.
    std::size_t max_record_bytes = std::size_t{4} << 20;
};

/// A parsed CSV file.
struct csv_table {
    std::string source;                         ///< The file's name, used in errors.
    std::vector<std::string> header;            ///< Column names, as written.
    std::vector<std::vector<std::string>> rows; ///< Data records, each as wide as the header.
    std::vector<std::size_t> row_numbers;       ///< The row number of each record (the header is 1).
    std::vector<std::size_t> blank_rows;        ///< Empty lines, by row number: not records.

    /// The position of column `name` in the header, or `header.size()`.
    /// @param name a column name, compared as written
    /// @return its position from 0
    std::size_t column(std::string_view name) const noexcept;
};

/// Where a cell is, as errors name it: `deals.csv, row 3, column 4 (Amount)`.
/// @param source the file's name
/// @param row the row number (the header is 1)
/// @param column the column number from 1, or 0 for the whole row
/// @param name the column's header name, or empty
/// @return the location, e.g. `deals.csv, row 3, column 4 (Amount)`
std::string csv_location(std::string_view source, std::size_t row, std::size_t column = 0,
                         std::string_view name = {});

/// Parses CSV text.
/// @param text the file's bytes
/// @param source its name, for errors
/// @param limits size bounds
/// @return the header and every data record
/// @throws error `parse_error` with a `csv_location` path for bad quoting
/// (a quote inside an unquoted field, text after a closing quote, a quote
/// left open), a record whose field count differs from the header's (at the
/// first column it lacks, or the first past the header), an empty file or
/// header line, a UTF-16 byte-order mark, NUL bytes, and bytes that are not
/// UTF-8 (overlong forms and surrogates included); `limit_exceeded` beyond
/// `limits`. Nothing is returned on error.
csv_table parse_csv(std::string_view text, std::string_view source, const csv_limits& limits = {});

/// Parses CSV text from a stream, a chunk at a time: a file past
/// `limits.max_bytes`, a record past `limits.max_record_bytes` or a field past
/// `limits.max_field_bytes` fails as soon as it passes the limit, and nothing
/// after that point is read (a 1 GB line costs no more than its limit).
/// @param in the bytes; read until its end
/// @param source its name, for errors
/// @param limits size bounds
/// @return the header and every data record
/// @throws error as `parse_csv(std::string_view, …)` does; `io_error` when
/// the stream fails.
csv_table parse_csv(std::istream& in, std::string_view source, const csv_limits& limits = {});

/// Parses only the first record, the header: enough to decide what a file
/// is before reading its rows, so that a problem with its columns is
/// reported ahead of any problem in its rows.
/// @param text the file's bytes
/// @param source its name, for errors
/// @param limits size bounds
/// @return the column names, as written
/// @throws error as `parse_csv` does for the header row.
std::vector<std::string> parse_csv_header(std::string_view text, std::string_view source,
                                          const csv_limits& limits = {});

} // namespace v1
} // namespace kare

#endif
