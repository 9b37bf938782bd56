// Text as pictures and terminals show it. Names and labels are checked when a
// plan is read or changed, but a report or a map view can be filled by hand:
// whatever reaches the screen is made harmless here, at print time.
#include "escape.hpp"

#include <cstdint>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

// The code point at `text[i]` and its length; 0 for a byte that does not
// start a well-formed UTF-8 sequence.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& c) noexcept
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char b0 = byte(0);
    if (b0 < 0x80) {
        c = b0;
        return 1;
    }
    std::size_t n;
    std::uint32_t min;
    if ((b0 & 0xe0) == 0xc0)
        n = 2, c = b0 & 0x1f, min = 0x80;
    else if ((b0 & 0xf0) == 0xe0)
        n = 3, c = b0 & 0x0f, min = 0x800;
    else if ((b0 & 0xf8) == 0xf0)
        n = 4, c = b0 & 0x07, min = 0x10000;
    else
        return 0;
    if (i + n > text.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(k) & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (byte(k) & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    return n;
}

// C1 controls, line and paragraph separators, bidi embeddings, overrides and
// isolates: they move a terminal's cursor or reorder the text after them.
// Zero-width joiners and marks stay: scripts and emoji need them.
bool reorders(std::uint32_t c) noexcept
{
    return (c >= 0x7f && c <= 0x9f) || (c >= 0x2028 && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

} // namespace

std::string escape_xml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t c = 0;
        const std::size_t n = decode(text, i, c);
        if (n == 0) {
            out += "\xEF\xBF\xBD"; // not UTF-8: U+FFFD, as a browser shows it
            ++i;
            continue;
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // Control characters are not allowed in XML 1.0 at all.
            if ((c < 0x20 && c != '\n' && c != '\t') || reorders(c))
                out += "\xEF\xBF\xBD"; // U+FFFD
            else
                out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string escape_terminal(std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t c = 0;
        const std::size_t n = decode(text, i, c);
        if (n == 0) {
            const auto b = static_cast<unsigned char>(text[i]);
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 15];
            ++i;
            continue;
        }
        if (c < 0x20 || reorders(c)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(c >> shift) & 15];
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

} // namespace detail
} // namespace v1
} // namespace kare
