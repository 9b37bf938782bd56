// What the C boundary accepts as text: well-formed UTF-8 (no overlong forms,
// no surrogates, nothing past U+10FFFF, no cut-off sequence) and, for names
// and prose, none of the control characters the plan document refuses. A
// refusal says what is wrong and at which byte, so a program holding Latin-1
// or UTF-16 debris can find it.
#ifndef KARE_CAPI_TEXT_CHECK_HPP
#define KARE_CAPI_TEXT_CHECK_HPP

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace kare::capi {

/// What a text argument may hold.
enum class text_kind {
    document, ///< JSON, JSON Lines or CSV: their readers check the bytes.
    name,     ///< Ids, names and short labels: no control character at all.
    prose,    ///< Reasons and actions: line breaks and tabs allowed.
};

/// The first byte of `s` that is not acceptable, and why.
struct text_fault {
    std::size_t offset;
    const char* why;
};

inline std::optional<text_fault> first_utf8_fault(std::string_view s) noexcept
{
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (b >= 0x80 && b <= 0xBF)
            return text_fault{i, "a continuation byte without a lead byte"};
        if (b == 0xC0 || b == 0xC1)
            return text_fault{i, "an overlong encoding"};
        if (b > 0xF4)
            return text_fault{i, "a byte that never occurs in UTF-8"};
        const std::size_t len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        for (std::size_t k = 1; k < len; ++k) {
            if (i + k >= n)
                return text_fault{i, "a sequence cut short"};
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (c < 0x80 || c > 0xBF)
                return text_fault{i, "a sequence cut short"};
        }
        const auto second = static_cast<unsigned char>(s[i + 1]);
        if ((b == 0xE0 && second < 0xA0) || (b == 0xF0 && second < 0x90))
            return text_fault{i, "an overlong encoding"};
        if (b == 0xED && second > 0x9F)
            return text_fault{i, "a UTF-16 surrogate (U+D800..U+DFFF)"};
        if (b == 0xF4 && second > 0x8F)
            return text_fault{i, "a code point past U+10FFFF"};
        i += len;
    }
    return std::nullopt;
}

inline std::optional<text_fault> first_control_fault(std::string_view s, text_kind kind) noexcept
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto ch = static_cast<unsigned char>(s[i]);
        const bool allowed_break = kind == text_kind::prose && (ch == '\n' || ch == '\t');
        if ((ch < 0x20 && !allowed_break) || ch == 0x7f)
            return text_fault{i, kind == text_kind::prose
                                     ? "a control character (only line breaks and tabs are allowed)"
                                     : "a control character"};
    }
    return std::nullopt;
}

/// The refusal of argument `name`, or nothing when `s` is acceptable as `kind`.
inline std::optional<std::string> text_refusal(std::string_view s, text_kind kind,
                                               std::string_view name)
{
    if (kind == text_kind::document)
        return std::nullopt;
    std::optional<text_fault> fault = first_utf8_fault(s);
    const bool encoding = fault.has_value();
    if (!fault)
        fault = first_control_fault(s, kind);
    if (!fault)
        return std::nullopt;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(s[fault->offset]));
    return std::string(name) + (encoding ? " is not valid UTF-8" : " holds a character not allowed") +
           " at byte " + std::to_string(fault->offset) + ": " + fault->why + " (" + byte + ")";
}

} // namespace kare::capi

#endif
