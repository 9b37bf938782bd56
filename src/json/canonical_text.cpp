// The canonical text of a JSON value: two-space indentation, arrays of
// scalars on one line, numbers in their shortest exact form. Being a pure
// function of the value, it makes write -> read -> write byte-identical.
// Large documents are written through the streams of canonical_stream.hpp,
// which put the same bytes out member by member.
#include "canonical_stream.hpp"

#include <kare/json.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <ostream>

namespace kare {
inline namespace v1 {

namespace {

bool is_scalar(const boost::json::value& v) noexcept
{
    return !v.is_object() && !v.is_array();
}

void write_number(std::string& out, double d)
{
    // Whole numbers print as integers so they read back as the same value.
    if (std::trunc(d) == d && std::fabs(d) <= max_exact_number) {
        out += std::to_string(static_cast<std::int64_t>(d));
        return;
    }
    std::array<char, 32> buf{};
    auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), d);
    out.append(buf.data(), end);
}

void newline(std::string& out, int level)
{
    out += '\n';
    out.append(static_cast<std::size_t>(level) * 2, ' ');
}

void write(std::string& out, const boost::json::value& v, int indent)
{
    switch (v.kind()) {
    case boost::json::kind::object: {
        const auto& o = v.get_object();
        if (o.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const auto& member : o) {
            if (!first)
                out += ',';
            first = false;
            newline(out, indent + 1);
            out += boost::json::serialize(boost::json::string_view(member.key()));
            out += ": ";
            write(out, member.value(), indent + 1);
        }
        newline(out, indent);
        out += '}';
        return;
    }
    case boost::json::kind::array: {
        const auto& a = v.get_array();
        if (a.empty()) {
            out += "[]";
            return;
        }
        const bool inline_items = std::all_of(a.begin(), a.end(), is_scalar);
        out += '[';
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (i)
                out += inline_items ? ", " : ",";
            if (!inline_items)
                newline(out, indent + 1);
            write(out, a[i], indent + 1);
        }
        if (!inline_items)
            newline(out, indent);
        out += ']';
        return;
    }
    case boost::json::kind::double_: write_number(out, v.get_double()); return;
    default: out += boost::json::serialize(v); return;
    }
}

constexpr std::size_t stream_chunk_bytes = std::size_t{1} << 16;

} // namespace

std::string to_canonical_text(const boost::json::value& v)
{
    std::string out;
    write(out, v, 0);
    out += '\n';
    return out;
}

namespace detail {

void append_canonical(std::string& out, const boost::json::value& v, int indent)
{
    write(out, v, indent);
}

void canonical_stream::check_bound() const
{
    if (text_.size() > max_bytes_ - handed_on_)
        throw error(errc::limit_exceeded, over_message_);
}

void canonical_stream::maybe_flush()
{
    check_bound();
    if (out_ && text_.size() >= stream_chunk_bytes)
        finish();
}

void canonical_stream::finish()
{
    check_bound();
    if (!out_)
        return;
    if (*out_)
        out_->write(text_.data(), static_cast<std::streamsize>(text_.size()));
    handed_on_ += text_.size();
    text_.clear(); // after a failed write, the rest is dropped: the stream's state says so
}

void array_stream::item(const boost::json::value& v)
{
    std::string& out = s_.text();
    out += empty_ ? '[' : ',';
    empty_ = false;
    newline(out, indent_ + 1);
    write(out, v, indent_ + 1);
    s_.maybe_flush();
}

object_stream array_stream::object_item()
{
    std::string& out = s_.text();
    out += empty_ ? '[' : ',';
    empty_ = false;
    newline(out, indent_ + 1);
    return {s_, indent_ + 1};
}

void array_stream::end()
{
    std::string& out = s_.text();
    if (empty_) {
        out += "[]";
        return;
    }
    newline(out, indent_);
    out += ']';
}

void object_stream::key(std::string_view k)
{
    std::string& out = s_.text();
    out += empty_ ? '{' : ',';
    empty_ = false;
    newline(out, indent_ + 1);
    out += boost::json::serialize(boost::json::string_view(k.data(), k.size()));
    out += ": ";
}

void object_stream::member(std::string_view k, const boost::json::value& v)
{
    key(k);
    write(s_.text(), v, indent_ + 1);
    s_.maybe_flush();
}

array_stream object_stream::array_member(std::string_view k)
{
    key(k);
    return {s_, indent_ + 1};
}

object_stream object_stream::object_member(std::string_view k)
{
    key(k);
    return {s_, indent_ + 1};
}

void object_stream::end()
{
    std::string& out = s_.text();
    if (empty_) {
        out += "{}";
        return;
    }
    newline(out, indent_);
    out += '}';
}

} // namespace detail

} // namespace v1
} // namespace kare
