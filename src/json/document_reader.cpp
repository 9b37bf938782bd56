#include "document_reader.hpp"

#include <kare/value.hpp>

#include <algorithm>
#include <cmath>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {
std::string_view kind_name(const boost::json::value& v)
{
    switch (v.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "a number";
    case boost::json::kind::string: return "a string";
    case boost::json::kind::array: return "an array";
    case boost::json::kind::object: return "an object";
    }
    return "a value";
}
} // namespace

std::string line_and_column(std::string_view text, std::size_t offset)
{
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string document_reader::path_to(std::string_view k) const
{
    std::string p = path();
    return p.empty() ? std::string(k) : p + "." + std::string(k);
}

const boost::json::object& document_reader::object(const boost::json::value& v) const
{
    if (!v.is_object())
        fail("expected an object, got " + std::string(kind_name(v)));
    return v.get_object();
}

const boost::json::array& document_reader::array(const boost::json::value& v) const
{
    if (!v.is_array())
        fail("expected an array, got " + std::string(kind_name(v)));
    return v.get_array();
}

std::string document_reader::text(const boost::json::value& v) const
{
    if (!v.is_string())
        fail("expected a string, got " + std::string(kind_name(v)));
    const auto& s = v.get_string();
    if (s.size() > max_string_)
        fail("the string is longer than " + std::to_string(max_string_) + " bytes",
             errc::limit_exceeded);
    return std::string(s.data(), s.size());
}

bool document_reader::boolean(const boost::json::value& v) const
{
    if (!v.is_bool())
        fail("expected true or false, got " + std::string(kind_name(v)));
    return v.get_bool();
}

double document_reader::number(const boost::json::value& v) const
{
    // Boost.JSON turns 1e400 into infinity and integers past 2^64 into
    // rounded doubles; neither is what the document says, so both are errors.
    double d = 0;
    if (v.is_int64()) {
        const std::int64_t i = v.get_int64();
        if (i > 9007199254740992LL || i < -9007199254740992LL)
            fail("the number " + std::to_string(i) + " is outside the exact range (|x| <= 2^53)");
        d = static_cast<double>(i);
    } else if (v.is_uint64()) {
        fail("the number " + std::to_string(v.get_uint64()) +
             " is outside the exact range (|x| <= 2^53)");
    } else if (v.is_double()) {
        d = v.get_double();
        if (!std::isfinite(d) || std::fabs(d) > max_exact_number)
            fail("the number is outside the exact range (finite, |x| <= 2^53)");
    } else {
        fail("expected a number, got " + std::string(kind_name(v)));
    }
    return d;
}

std::int64_t document_reader::integer(const boost::json::value& v, std::int64_t min,
                                      std::int64_t max) const
{
    std::int64_t i = 0;
    if (v.is_int64())
        i = v.get_int64();
    else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(max))
        i = static_cast<std::int64_t>(v.get_uint64());
    else if (v.is_number())
        fail("expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    else
        fail("expected a whole number, got " + std::string(kind_name(v)));
    if (i < min || i > max)
        fail("expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
             ", got " + std::to_string(i));
    return i;
}

kare::date document_reader::date(const boost::json::value& v) const
{
    const std::string s = text(v);
    auto d = kare::date::parse(s);
    if (!d)
        fail("'" + quoted(s) + "' is not a calendar date (YYYY-MM-DD)");
    return *d;
}

void document_reader::only_keys(const boost::json::object& o,
                                std::initializer_list<std::string_view> allowed)
{
    for (const auto& member : o)
        if (std::find(allowed.begin(), allowed.end(), member.key()) == allowed.end()) {
            const std::string shown = quoted(member.key()); // a 10 MB key is not echoed whole
            auto here = key(shown);
            fail("unknown key '" + shown + "'");
        }
}

const boost::json::value& document_reader::required(const boost::json::object& o,
                                                    std::string_view k) const
{
    const auto* v = o.if_contains(k);
    if (!v)
        fail("'" + std::string(k) + "' is missing");
    return *v;
}

const boost::json::value* document_reader::optional(const boost::json::object& o,
                                                    std::string_view k)
{
    const auto* v = o.if_contains(k);
    return v && !v->is_null() ? v : nullptr;
}

} // namespace detail
} // namespace v1
} // namespace kare
