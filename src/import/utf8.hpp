// UTF-8 validation for imported text: overlong forms, surrogates and code
// points past U+10FFFF are invalid, as in the JSON reader.
#ifndef KARE_SRC_UTF8_HPP
#define KARE_SRC_UTF8_HPP

#include <cstddef>
#include <optional>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

/// The offset of the first byte that is not part of valid UTF-8, if any.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF; // bounds of the second byte
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0)
                lo = 0xA0; // no overlong forms
            if (b == 0xED)
                hi = 0x9F; // no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0)
                lo = 0x90;
            if (b == 0xF4)
                hi = 0x8F; // nothing past U+10FFFF
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            const unsigned char min = k == 1 ? lo : 0x80;
            const unsigned char max = k == 1 ? hi : 0xBF;
            if (c < min || c > max)
                return i;
        }
        i += len;
    }
    return std::nullopt;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
