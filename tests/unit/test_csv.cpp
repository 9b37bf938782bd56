// The CSV reader: RFC 4180 as CRMs write it, and every class of bad input
// with the row and column it is reported at.
#include "fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <streambuf>

namespace bdata = boost::unit_test::data;
using kare::errc;
using namespace std::string_literals; // NUL bytes inside test texts

namespace {

struct bad_csv {
    const char* name;
    std::string text;
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const bad_csv& c)
{
    return os << c.name;
}

const std::vector<bad_csv> bad_cases{
    {"empty file", "", errc::parse_error, "x.csv, row 1"},
    {"only a byte-order mark", "\xEF\xBB\xBF", errc::parse_error, "x.csv, row 1"},
    {"empty header line", "\nA,B\n", errc::parse_error, "x.csv, row 1"},
    {"too many fields", "A,B\n1,2\n3,4,5\n", errc::parse_error, "x.csv, row 3, column 3"},
    {"too few fields", "A,B\n1\n", errc::parse_error, "x.csv, row 2, column 2 (B)"},
    {"too few fields after a line break in quotes", "A,B,C\n\"x\ny\",2,3\n4,5\n",
     errc::parse_error, "x.csv, row 3, column 3 (C)"},
    {"a trailing comma", "A,B\n1,2,\n", errc::parse_error, "x.csv, row 2, column 3"},
    {"quote inside an unquoted field", "A,B\n1,5\" screen\n", errc::parse_error,
     "x.csv, row 2, column 2 (B)"},
    {"text after a closing quote", "A,B\n\"one\"two,2\n", errc::parse_error,
     "x.csv, row 2, column 1 (A)"},
    {"quote never closed", "A,B\n1,\"open\n2,3\n", errc::parse_error, "x.csv, row 2, column 2 (B)"},
    {"quote never closed in the header", "\"A,B\n", errc::parse_error, "x.csv, row 1, column 1"},
    {"a space before the opening quote", "A,B\n1, \"two\"\n", errc::parse_error,
     "x.csv, row 2, column 2 (B)"},
    {"NUL in an unquoted field", "A,B\n1,a\0b\n"s, errc::parse_error, "x.csv, row 2, column 2 (B)"},
    {"NUL in a quoted field", "A,B\n\"\0\",2\n"s, errc::parse_error, "x.csv, row 2, column 1 (A)"},
    {"UTF-16 without a byte-order mark", "A\0,\0B\0\n\0"s, errc::parse_error,
     "x.csv, row 1, column 1"},
    {"UTF-16 little-endian", "\xFF\xFE" "A\0,\0B\0\n\0"s, errc::parse_error, "x.csv, row 1"},
    {"UTF-16 big-endian", "\xFE\xFF\0A\0,\0B\0\n"s, errc::parse_error, "x.csv, row 1"},
    {"lone continuation byte", "A,B\n1,caf\x80\n", errc::parse_error, "x.csv, row 2, column 2 (B)"},
    {"latin-1 e acute", "Name,City\nJos\xE9,Lyon\n", errc::parse_error,
     "x.csv, row 2, column 1 (Name)"},
    {"overlong slash", "A\n\xC0\xAF\n", errc::parse_error, "x.csv, row 2, column 1 (A)"},
    {"surrogate", "A\n\xED\xA0\x80\n", errc::parse_error, "x.csv, row 2, column 1 (A)"},
    {"beyond U+10FFFF", "A\n\xF4\x90\x80\x80\n", errc::parse_error, "x.csv, row 2, column 1 (A)"},
    {"truncated sequence", "A\n\xE2\x82\n", errc::parse_error, "x.csv, row 2, column 1 (A)"},
    {"bad byte in the header", "A,\xFF\n1,2\n", errc::parse_error, "x.csv, row 1, column 2"},
    {"bad byte in a quoted field after a line break", "A,B\n1,\"line\nnext \xFE\"\n",
     errc::parse_error, "x.csv, row 2, column 2 (B)"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(rfc_4180_fields)
{
    const std::string text = "\xEF\xBB\xBFId,Name,Note\r\n"
                             "1,\"Acme, Inc.\",\"said \"\"yes\"\"\"\r\n"
                             "2,Brightline,\"two\r\nlines\"\r\n"
                             "3,,\r\n"
                             "4,\"\",last";
    const kare::csv_table t = kare::parse_csv(text, "x.csv");
    BOOST_TEST(t.source == "x.csv");
    BOOST_TEST(t.header == (std::vector<std::string>{"Id", "Name", "Note"}), boost::test_tools::per_element());
    BOOST_REQUIRE(t.rows.size() == 4u);
    BOOST_TEST(t.rows[0][1] == "Acme, Inc.");
    BOOST_TEST(t.rows[0][2] == "said \"yes\"");
    BOOST_TEST(t.rows[1][2] == "two\r\nlines");
    BOOST_TEST(t.rows[2][1].empty());
    BOOST_TEST(t.rows[2][2].empty());
    BOOST_TEST(t.rows[3][2] == "last");
    // Rows as a spreadsheet numbers them: the embedded line break does not count.
    BOOST_TEST(t.row_numbers == (std::vector<std::size_t>{2, 3, 4, 5}), boost::test_tools::per_element());
    BOOST_TEST(t.column("Note") == 2u);
    BOOST_TEST(t.column("Missing") == 3u);
}

namespace {

struct good_csv {
    const char* name;
    std::string text;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

std::ostream& operator<<(std::ostream& os, const good_csv& c)
{
    return os << c.name;
}

using row = std::vector<std::string>;

const std::vector<good_csv> good_cases{
    {"LF", "A,B\n1,2\n", {"A", "B"}, {row{"1", "2"}}},
    {"CRLF", "A,B\r\n1,2\r\n", {"A", "B"}, {row{"1", "2"}}},
    {"CR alone", "A,B\r1,2\r", {"A", "B"}, {row{"1", "2"}}},
    {"no line break at the end", "A,B\n1,2", {"A", "B"}, {row{"1", "2"}}},
    {"a byte-order mark is not part of the first name", "\xEF\xBB\xBFId,B\r\n1,2\r\n",
     {"Id", "B"}, {row{"1", "2"}}},
    {"a byte-order mark before a quoted name", "\xEF\xBB\xBF\"Id\"\n1\n", {"Id"}, {row{"1"}}},
    {"the header alone", "A,B\n", {"A", "B"}, {}},
    {"the header alone without a line break", "A,B", {"A", "B"}, {}},
    {"trailing blank lines", "A\n1\n\n\r\n", {"A"}, {row{"1"}}},
    {"empty fields", "A,B,C\n,,\n", {"A", "B", "C"}, {row{"", "", ""}}},
    {"CRLF inside quotes is kept", "A\r\n\"1\r\n2\"\r\n", {"A"}, {row{"1\r\n2"}}},
    {"spaces are kept", "A, B\n 1 ,2\n", {"A", " B"}, {row{" 1 ", "2"}}},
    {"a lone quote character, quoted", "A\n\"\"\"\"\n", {"A"}, {row{"\""}}},
    {"other control characters pass", "A\n\"a\tb\"\n", {"A"}, {row{"a\tb"}}},
};

} // namespace

BOOST_DATA_TEST_CASE(well_formed_files, bdata::make(good_cases), c)
{
    const kare::csv_table t = kare::parse_csv(c.text, "x.csv");
    BOOST_TEST(t.header == c.header, boost::test_tools::per_element());
    BOOST_REQUIRE(t.rows.size() == c.rows.size());
    for (std::size_t i = 0; i < c.rows.size(); ++i)
        BOOST_TEST(t.rows[i] == c.rows[i], boost::test_tools::per_element());
    BOOST_TEST(kare::parse_csv_header(c.text, "x.csv") == c.header, boost::test_tools::per_element());
    // Read from a stream, the same table.
    std::istringstream in(c.text);
    const kare::csv_table s = kare::parse_csv(in, "x.csv");
    BOOST_TEST(s.header == t.header, boost::test_tools::per_element());
    BOOST_TEST((s.rows == t.rows));
    BOOST_TEST(s.row_numbers == t.row_numbers, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_header_alone_is_read_without_the_rows)
{
    // The rows are not read, so their errors wait for parse_csv.
    BOOST_TEST(kare::parse_csv_header("A,B\n1\n\"open", "x.csv") ==
                   (std::vector<std::string>{"A", "B"}),
               boost::test_tools::per_element());
    BOOST_CHECK_EXCEPTION(kare::parse_csv_header("A,\"B\n", "x.csv"), kare::error,
                          [](const kare::error& e) {
                              return e.code() == errc::parse_error &&
                                     e.path() == "x.csv, row 1, column 2";
                          });
}

BOOST_AUTO_TEST_CASE(line_endings_and_blank_lines)
{
    for (const char* text : {"A,B\n1,2\n\n3,4\n", "A,B\r\n1,2\r\n\r\n3,4\r\n", "A,B\r1,2\r\r3,4"}) {
        const kare::csv_table t = kare::parse_csv(text, "x.csv");
        BOOST_REQUIRE(t.rows.size() == 2u);
        BOOST_TEST(t.rows[1][1] == "4");
        BOOST_TEST(t.row_numbers == (std::vector<std::size_t>{2, 4}), boost::test_tools::per_element());
        BOOST_TEST(t.blank_rows == std::vector<std::size_t>{3}, boost::test_tools::per_element());
    }
    // A quoted empty field is a record, not a blank line.
    const kare::csv_table one = kare::parse_csv("A\n\"\"\n", "x.csv");
    BOOST_TEST(one.rows.size() == 1u);
    BOOST_TEST(one.blank_rows.empty());
}

BOOST_AUTO_TEST_CASE(utf8_passes_through)
{
    const kare::csv_table t = kare::parse_csv("Name\nJosé Müller 東京 🚀\n", "x.csv");
    BOOST_TEST(t.rows[0][0] == "José Müller 東京 🚀");
}

BOOST_DATA_TEST_CASE(bad_input_names_row_and_column, bdata::make(bad_cases), c)
{
    try {
        (void)kare::parse_csv(c.text, "x.csv");
        BOOST_FAIL("accepted");
    } catch (const kare::error& e) {
        BOOST_TEST_MESSAGE(e.path() << ": " << e.what());
        BOOST_TEST(e.code() == c.code);
        BOOST_TEST(e.path() == c.path);
        BOOST_TEST(std::string(e.what()).size() > 10u);
    }
    // A stream fails alike.
    std::istringstream in(c.text);
    BOOST_CHECK_EXCEPTION(kare::parse_csv(in, "x.csv"), kare::error, [&](const kare::error& e) {
        return e.code() == c.code && e.path() == c.path;
    });
}

BOOST_AUTO_TEST_CASE(a_stream_reads_across_its_chunks_as_text_does)
{
    // Quotes, doubled quotes, CRLF and multi-byte characters fall on every
    // offset of the reader's 64 KiB chunks somewhere in 40,000 rows.
    std::string text = "\xEF\xBB\xBFId,Name,Note\r\n";
    for (int i = 0; i < 40'000; ++i)
        text += std::to_string(i) + ",\"Caf\xC3\xA9 \"\"" + std::to_string(i % 7) + "\"\",\r\nline\"," +
                (i % 3 ? "plain" : "") + (i % 5 ? "\r\n" : "\n");
    const kare::csv_table whole = kare::parse_csv(text, "x.csv");
    std::istringstream in(text);
    const kare::csv_table streamed = kare::parse_csv(in, "x.csv");
    BOOST_TEST(whole.rows.size() == 40'000u);
    BOOST_TEST((streamed.rows == whole.rows));
    BOOST_TEST(streamed.row_numbers == whole.row_numbers, boost::test_tools::per_element());
    BOOST_TEST(streamed.rows[39'999][1] == "Caf\xC3\xA9 \"1\",\r\nline"); // 39,999 % 7
}

namespace {

// A stream that would be huge: `head`, then `unit` over and over, up to
// `total` bytes; it counts what was taken from it.
class endless : public std::streambuf {
public:
    endless(std::string head, std::string unit, std::size_t total)
        : head_(std::move(head)), unit_(std::move(unit)), total_(total)
    {
    }
    std::size_t served() const { return served_; }

protected:
    int_type underflow() override
    {
        if (served_ >= total_)
            return traits_type::eof();
        buffer_.clear();
        while (buffer_.size() < 4096) {
            const std::string& piece = served_ + buffer_.size() < head_.size() ? head_ : unit_;
            buffer_ += piece;
        }
        buffer_.resize(std::min(buffer_.size(), total_ - served_));
        served_ += buffer_.size();
        setg(buffer_.data(), buffer_.data(), buffer_.data() + buffer_.size());
        return traits_type::to_int_type(buffer_[0]);
    }

private:
    std::string head_, unit_, buffer_;
    std::size_t total_, served_ = 0;
};

} // namespace

BOOST_AUTO_TEST_CASE(an_over_long_line_is_refused_without_reading_the_rest)
{
    // 256 MiB that are never read: each line is refused near its limit, and
    // the reader has taken at most that plus a chunk or two from the stream.
    constexpr std::size_t huge = std::size_t{256} << 20;
    constexpr std::size_t slack = 2 * 64 * 1024 + 4096;
    struct line {
        const char* what;
        std::string head, unit;
        kare::csv_limits limits;
        std::size_t bound;
    };
    kare::csv_limits low;
    low.max_record_bytes = 100'000;
    const std::size_t field = kare::csv_limits{}.max_field_bytes;
    const line lines[] = {
        {"one field", "A\n", "x", {}, field},
        {"a quoted field of line breaks", "A\n\"", "\r\n", {}, field},
        {"fields under their limit", "A\n", std::string(1000, 'y') + ",", {},
         kare::csv_limits{}.max_record_bytes},
        {"a record limit set low", "A\n", std::string(99, 'z') + ",", low, low.max_record_bytes},
    };
    for (const line& l : lines) {
        endless source(l.head, l.unit, huge);
        std::istream in(&source);
        try {
            (void)kare::parse_csv(in, "x.csv", l.limits);
            BOOST_FAIL(l.what << ": accepted");
        } catch (const kare::error& e) {
            BOOST_TEST_MESSAGE(l.what << ": " << e.path() << ": " << e.what());
            BOOST_TEST((e.code() == errc::limit_exceeded), l.what);
            BOOST_TEST(e.path().rfind("x.csv, row 2, column ", 0) == 0u, l.what);
        }
        BOOST_TEST(source.served() <= l.bound + slack, l.what << ": " << source.served() << " bytes read");
    }
    // The limit on the whole file holds for a stream too, at its limit.
    kare::csv_limits file;
    file.max_bytes = 256 * 1024;
    endless rows("A\n", "1\n", huge);
    std::istream in(&rows);
    BOOST_CHECK_EXCEPTION(kare::parse_csv(in, "x.csv", file), kare::error,
                          [](const kare::error& e) { return e.code() == errc::limit_exceeded; });
    BOOST_TEST(rows.served() <= file.max_bytes + slack);
}

BOOST_AUTO_TEST_CASE(limits)
{
    kare::csv_limits small;
    small.max_bytes = 10;
    BOOST_CHECK_EXCEPTION(kare::parse_csv("A,B\n1234567,8\n", "x.csv", small), kare::error,
                          [](const kare::error& e) { return e.code() == errc::limit_exceeded; });
    small = {};
    small.max_columns = 2;
    BOOST_CHECK_EXCEPTION(kare::parse_csv("A,B,C\n", "x.csv", small), kare::error,
                          [](const kare::error& e) { return e.code() == errc::limit_exceeded; });
    small = {};
    small.max_field_bytes = 4;
    BOOST_CHECK_EXCEPTION(kare::parse_csv("A\n\"12345\"\n", "x.csv", small), kare::error,
                          [](const kare::error& e) {
                              return e.code() == errc::limit_exceeded &&
                                     e.path() == "x.csv, row 2, column 1 (A)";
                          });
    small = {};
    small.max_rows = 2;
    BOOST_CHECK_EXCEPTION(kare::parse_csv("A\n1\n2\n", "x.csv", small), kare::error,
                          [](const kare::error& e) { return e.code() == errc::limit_exceeded; });
    BOOST_CHECK_NO_THROW(kare::parse_csv("A\n1\n", "x.csv", small));
}

BOOST_AUTO_TEST_SUITE_END()
