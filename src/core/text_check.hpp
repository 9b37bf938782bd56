// Input hygiene for strings that reach reports, terminals and pictures.
#ifndef KARE_SRC_TEXT_CHECK_HPP
#define KARE_SRC_TEXT_CHECK_HPP

#include <kare/error.hpp>

#include <concepts>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

/// What a name or an id may not hold beyond ASCII controls.
enum class hidden_text : std::uint8_t {
    /// C1 controls (U+0080-U+009F), line and paragraph separators
    /// (U+2028, U+2029), bidi embeddings, overrides and isolates
    /// (U+202A-U+202E, U+2066-U+2069): they move a terminal's cursor or
    /// reorder the text printed after them.
    reordering,
    /// The above, and characters that print as nothing: soft hyphen (U+00AD),
    /// Arabic letter mark (U+061C), zero-width spaces, joiners and marks
    /// (U+200B-U+200F, U+2060-U+2064), the byte-order mark (U+FEFF): two ids
    /// must never look the same and differ.
    reordering_or_invisible,
};

/// True when valid UTF-8 `text` holds a character of `kind`.
inline bool has_hidden(std::string_view text, hidden_text kind) noexcept
{
    const bool ids = kind == hidden_text::reordering_or_invisible;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        if (b0 < 0xc2)
            continue;
        const auto b1 = static_cast<unsigned char>(text[i + 1]);
        if (b0 == 0xc2 && (b1 <= 0x9f || (ids && b1 == 0xad)))
            return true;
        if (b0 == 0xd8 && b1 == 0x9c && ids)
            return true;
        if (i + 2 >= text.size())
            continue;
        const auto b2 = static_cast<unsigned char>(text[i + 2]);
        if (b0 == 0xe2 && b1 == 0x80 &&
            ((b2 >= 0xa8 && b2 <= 0xae) || (ids && b2 >= 0x8b && b2 <= 0x8f)))
            return true;
        if (b0 == 0xe2 && b1 == 0x81 &&
            ((b2 >= 0xa6 && b2 <= 0xa9) || (ids && b2 >= 0xa0 && b2 <= 0xa4)))
            return true;
        if (ids && b0 == 0xef && b1 == 0xbb && b2 == 0xbf)
            return true;
    }
    return false;
}

/// True when `text` is only spaces (ASCII, no-break, and the Unicode spaces
/// U+2000-U+200A, U+202F, U+205F, U+3000).
inline bool is_blank(std::string_view text) noexcept
{
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view rest = text.substr(i);
        if (rest[0] == ' ') {
            i += 1;
        } else if (rest.substr(0, 2) == "\xc2\xa0") {
            i += 2;
        } else if (rest.size() >= 3 && rest.substr(0, 2) == "\xe2\x80" &&
                   ((static_cast<unsigned char>(rest[2]) >= 0x80 &&
                     static_cast<unsigned char>(rest[2]) <= 0x8a) ||
                    static_cast<unsigned char>(rest[2]) == 0xaf)) {
            i += 3;
        } else if (rest.substr(0, 3) == "\xe2\x81\x9f" || rest.substr(0, 3) == "\xe3\x80\x80") {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

/// True when a name holds no control character at all (they would corrupt
/// terminals and CSV exports) and no character that reorders the text around
/// it (see `hidden_text::reordering`). UTF-8 validity is checked by the JSON
/// parser. Eight bytes at a time: names are read for every account of a stream.
inline bool is_clean_name(std::string_view text) noexcept
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    std::uint64_t any_high = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        any_high |= w & highs;
        // A byte below 0x20, or equal to 0x7f (w ^ 0x7f.. has a zero byte);
        // bytes of 0x80 and up (UTF-8) are never flagged.
        const std::uint64_t below = (w - ones * 0x20) & ~w & highs;
        const std::uint64_t del = w ^ (ones * 0x7f);
        const std::uint64_t is_del = (del - ones) & ~del & highs;
        if (below | is_del)
            return false;
    }
    for (; i < text.size(); ++i) {
        const auto ch = static_cast<unsigned char>(text[i]);
        if (ch < 0x20 || ch == 0x7f)
            return false;
        any_high |= ch & 0x80U;
    }
    // Only text beyond ASCII can hold C1 controls or bidi controls.
    return any_high == 0 || !has_hidden(text, hidden_text::reordering);
}

/// True when an identifier is a clean name, not blank, and holds no invisible
/// character: ids that look alike are alike.
inline bool is_clean_id(std::string_view text) noexcept
{
    return is_clean_name(text) && !is_blank(text) &&
           !has_hidden(text, hidden_text::reordering_or_invisible);
}

/// True when free text (reasons, descriptions) holds no control character
/// but line breaks and tabs, and nothing that reorders the text around it.
inline bool is_clean_prose(std::string_view text) noexcept
{
    bool high = false;
    for (unsigned char ch : text) {
        if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f)
            return false;
        high |= ch >= 0x80;
    }
    return !high || !has_hidden(text, hidden_text::reordering);
}

/// The place `key` under `where`, built only when asked: a check that passes
/// (nearly all of them, when a plan is read) then costs no allocation.
struct lazy_key {
    const location& where; ///< The record.
    std::string_view key;  ///< The member of the record.
    location operator()() const { return where.key(key); }
};

/// A place given as it is.
inline const location& place_of(const location& where) noexcept { return where; }
/// A place given lazily (`lazy_key`, or any callable returning a location).
template <std::invocable F>
location place_of(const F& where)
{
    return where();
}

/// Names: not empty (unless allowed), no control or bidi control characters.
template <typename Where>
void check_name(std::string_view text, std::string_view what, const Where& path,
                bool may_be_empty = false)
{
    if (text.empty() && !may_be_empty)
        throw error(errc::invalid_plan, std::string(what) + " is empty", place_of(path));
    if (!is_clean_name(text))
        throw error(errc::invalid_plan,
                    std::string(what) + " contains a control or bidi control character",
                    place_of(path));
}

/// Identifiers: not empty nor blank, no control, bidi or invisible character.
template <typename Where>
void check_id(std::string_view text, std::string_view what, const Where& path)
{
    if (text.empty())
        throw error(errc::invalid_plan, std::string(what) + " is empty", place_of(path));
    if (!is_clean_name(text))
        throw error(errc::invalid_plan,
                    std::string(what) + " contains a control or bidi control character",
                    place_of(path));
    if (is_blank(text))
        throw error(errc::invalid_plan, std::string(what) + " is only spaces", place_of(path));
    if (has_hidden(text, hidden_text::reordering_or_invisible))
        throw error(errc::invalid_plan,
                    std::string(what) + " contains an invisible character (zero-width, soft "
                                        "hyphen or byte-order mark)",
                    place_of(path));
}

/// Free text: line breaks and tabs are allowed.
template <typename Where>
void check_prose(std::string_view text, std::string_view what, const Where& path)
{
    if (!is_clean_prose(text))
        throw error(errc::invalid_plan,
                    std::string(what) + " contains a control or bidi control character",
                    place_of(path));
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
