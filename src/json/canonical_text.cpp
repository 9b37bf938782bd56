// The canonical text of a JSON value: two-space indentation, arrays of
// scalars on one line, numbers in their shortest exact form. Being a pure
// function of the value, it makes write -> read -> write byte-identical.
#include <kare/json.hpp>

#include <boost/json.hpp>

#include <array>
#include <charconv>
#include <cmath>

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

void write(std::string& out, const boost::json::value& v, int indent)
{
    const auto newline = [&](int level) {
        out += '\n';
        out.append(static_cast<std::size_t>(level) * 2, ' ');
    };
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
            newline(indent + 1);
            out += boost::json::serialize(boost::json::string_view(member.key()));
            out += ": ";
            write(out, member.value(), indent + 1);
        }
        newline(indent);
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
                newline(indent + 1);
            write(out, a[i], indent + 1);
        }
        if (!inline_items)
            newline(indent);
        out += ']';
        return;
    }
    case boost::json::kind::double_: write_number(out, v.get_double()); return;
    default: out += boost::json::serialize(v); return;
    }
}

} // namespace

std::string to_canonical_text(const boost::json::value& v)
{
    std::string out;
    write(out, v, 0);
    out += '\n';
    return out;
}

} // namespace v1
} // namespace kare
