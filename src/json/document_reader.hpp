// A cursor over a parsed JSON document that knows where it is, so every
// error names its path (`accounts[12].attributes.risk`). Boost.JSON's own
// conversions cannot say where they failed (boostorg/json #904), hence this.
#ifndef KARE_SRC_DOCUMENT_READER_HPP
#define KARE_SRC_DOCUMENT_READER_HPP

#include <kare/date.hpp>
#include <kare/error.hpp>

#include <boost/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

class document_reader {
public:
    explicit document_reader(std::size_t max_string_bytes) : max_string_(max_string_bytes) {}

    /// Enters a key or an index for the lifetime of the returned guard.
    class scope {
    public:
        explicit scope(document_reader& r) : r_(r) {}
        ~scope() { r_.where_.pop(); }
        scope(const scope&) = delete;
        scope& operator=(const scope&) = delete;

    private:
        document_reader& r_;
    };
    scope key(std::string_view k)
    {
        where_.push_key(k);
        return scope(*this);
    }
    scope index(std::size_t i)
    {
        where_.push_index(i);
        return scope(*this);
    }
    /// Names the record at the innermost position (`accounts[3] (LMN-004)`).
    void label(std::string_view id) { where_.label(id); }

    /// Where the reader is, as the core's errors name places.
    const location& where() const noexcept { return where_; }
    /// The current path, e.g. `accounts[3].attributes.risk`.
    std::string path() const { return to_path(where_); }
    /// The current path extended by `k`.
    std::string path_to(std::string_view k) const;

    [[noreturn]] void fail(const std::string& message, errc code = errc::invalid_plan) const
    {
        throw error(code, message, where_);
    }

    const boost::json::object& object(const boost::json::value& v) const;
    const boost::json::array& array(const boost::json::value& v) const;
    std::string text(const boost::json::value& v) const;
    bool boolean(const boost::json::value& v) const;
    double number(const boost::json::value& v) const;
    std::int64_t integer(const boost::json::value& v, std::int64_t min, std::int64_t max) const;
    kare::date date(const boost::json::value& v) const;

    /// Rejects keys outside `allowed` (typos must not pass silently).
    void only_keys(const boost::json::object& o, std::initializer_list<std::string_view> allowed);
    /// The member `k`, failing when it is missing.
    const boost::json::value& required(const boost::json::object& o, std::string_view k) const;
    /// The member `k`, or null when missing or JSON null.
    static const boost::json::value* optional(const boost::json::object& o, std::string_view k);

private:
    location where_;
    std::size_t max_string_;
};

/// "line L, column C" (from 1) of byte `offset`, as a text editor shows it:
/// where a parse error is.
std::string line_and_column(std::string_view text, std::size_t offset);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
