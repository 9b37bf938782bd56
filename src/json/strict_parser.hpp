// Boost.JSON's tree parser, refusing what Boost.JSON lets through silently:
// a key given twice in one object, of which the tree would keep only the last
// ({"placement": "keep", "placement": "attain"} would mean "attain").
#ifndef KARE_SRC_JSON_STRICT_PARSER_HPP
#define KARE_SRC_JSON_STRICT_PARSER_HPP

#include <kare/error.hpp>

#include <boost/json/basic_parser.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_stack.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// Parses one JSON text into a tree, as boost::json::parser does, but fails on
/// the second occurrence of a key in an object and remembers where it is.
class strict_parser {
public:
    strict_parser(boost::json::storage_ptr sp, const boost::json::parse_options& options);
    ~strict_parser();
    strict_parser(const strict_parser&) = delete;
    strict_parser& operator=(const strict_parser&) = delete;

    /// Starts a new text whose tree goes into `sp`.
    void reset(boost::json::storage_ptr sp) noexcept;
    /// Parses the whole text; on failure sets `ec` and returns where it stopped.
    std::size_t write(const char* data, std::size_t size, boost::system::error_code& ec);
    /// The tree, after a successful write.
    boost::json::value release();

    /// After a failed write: true when the failure is a repeated key.
    bool found_duplicate() const noexcept;
    /// The repeated key's path in the document's terms (`accounts[2].placement`).
    const std::string& duplicate_path() const noexcept;
    /// The repeated key itself.
    const std::string& duplicate_key() const noexcept;

    struct handler;

private:
    std::unique_ptr<boost::json::basic_parser<handler>> parser_;
};

/// The error for a repeated key: `invalid_plan` at the second occurrence.
inline error duplicate_key_error(const strict_parser& parser)
{
    return error(errc::invalid_plan,
                 "the key '" + quoted(parser.duplicate_key()) +
                     "' is given twice in one object (a key appears at most once)",
                 parser.duplicate_path());
}

/// A UTF-8 byte-order mark at the start of a document is accepted and
/// skipped, as the CSV reader does: editors on Windows write one.
inline std::string_view without_byte_order_mark(std::string_view text) noexcept
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return text;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
