#include <kare/error.hpp>

#include <cstdint>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

// Characters that would move a terminal's cursor, reorder the text around
// them or hide themselves: C0, DEL, C1, bidi embeddings, overrides and
// isolates, zero-width and other invisible formatting characters.
bool is_unprintable(std::uint32_t c) noexcept
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xad || c == 0x61c ||
           (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
           (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
}

// The code point at `text[i]` and its length; 0 for a byte that does not start
// a well-formed UTF-8 sequence.
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
    if ((b0 & 0xe0) == 0xc0) {
        n = 2, c = b0 & 0x1f, min = 0x80;
    } else if ((b0 & 0xf0) == 0xe0) {
        n = 3, c = b0 & 0x0f, min = 0x800;
    } else if ((b0 & 0xf8) == 0xf0) {
        n = 4, c = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
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

} // namespace

std::string printable(std::string_view text, std::size_t max_chars)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(std::min(text.size(), max_chars + 8));
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (chars == max_chars) {
            out += "\xe2\x80\xa6"; // …
            out += " (" + std::to_string(text.size()) + " bytes)";
            break;
        }
        std::uint32_t c = 0;
        const std::size_t n = decode(text, i, c);
        if (n == 0) {
            const auto b = static_cast<unsigned char>(text[i]);
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 15];
            ++i;
        } else if (is_unprintable(c)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(c >> shift) & 15];
            i += n;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
        ++chars;
    }
    return out;
}

} // namespace detail
} // namespace v1
} // namespace kare
