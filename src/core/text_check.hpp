// Input hygiene for strings that reach reports, terminals and pictures.
#ifndef KARE_SRC_TEXT_CHECK_HPP
#define KARE_SRC_TEXT_CHECK_HPP

#include <kare/error.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

/// True when a name holds no control character at all (they would corrupt
/// terminals and CSV exports). UTF-8 validity is checked by the JSON parser.
/// Eight bytes at a time: names are read for every account of a stream.
inline bool is_clean_name(std::string_view text) noexcept
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
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
    }
    return true;
}

/// True when free text (reasons, descriptions) holds no control character
/// but line breaks and tabs.
inline bool is_clean_prose(std::string_view text) noexcept
{
    for (unsigned char ch : text)
        if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f)
            return false;
    return true;
}

/// Identifiers and names: not empty (unless allowed), no control characters.
inline void check_name(std::string_view text, std::string_view what, const std::string& path,
                       bool may_be_empty = false)
{
    if (text.empty() && !may_be_empty)
        throw error(errc::invalid_plan, std::string(what) + " is empty", path);
    if (!is_clean_name(text))
        throw error(errc::invalid_plan, std::string(what) + " contains a control character",
                    path);
}

/// Free text: line breaks and tabs are allowed.
inline void check_prose(std::string_view text, std::string_view what, const std::string& path)
{
    if (!is_clean_prose(text))
        throw error(errc::invalid_plan, std::string(what) + " contains a control character",
                    path);
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
