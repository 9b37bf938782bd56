#include "columns.hpp"
#include "../render/escape.hpp"


namespace kare::cli {

using detail::escape_terminal;

namespace {

// Columns a terminal gives the text: one per UTF-8 code point.
std::size_t columns_of(const std::string& s)
{
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The first `count` code points of `s`.
std::string first_columns(const std::string& s, std::size_t count)
{
    std::size_t i = 0;
    for (std::size_t seen = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == count)
            break;
    }
    return s.substr(0, i);
}

} // namespace

std::string pad(const std::string& text, std::size_t width, bool right)
{
    const std::string s = escape_terminal(text); // names reach the terminal harmless
    const std::size_t room = width > 0 ? width - 1 : 0; // one space always parts columns
    const std::size_t n = columns_of(s);
    if (right) {
        // Figures are never cut: a long one widens its column instead.
        if (n >= room)
            return " " + s;
        return std::string(width - n, ' ') + s;
    }
    if (n <= room)
        return s + std::string(width - n, ' ');
    if (room == 0)
        return std::string(width, ' ');
    return first_columns(s, room - 1) + "\u2026 ";
}

std::string bloat_percent(const pipeline_totals& t)
{
    const auto r = t.bloat_ratio();
    if (!r)
        return "-";
    ratio percent = *r;
    percent.numerator *= 100;
    return percent.to_decimal(1) + "%";
}

} // namespace kare::cli
