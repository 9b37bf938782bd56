// Input hygiene for strings that reach reports, terminals and pictures.
#ifndef KARE_SRC_TEXT_CHECK_HPP
#define KARE_SRC_TEXT_CHECK_HPP

#include <kare/error.hpp>

#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

/// Identifiers and names: no control characters at all (they would corrupt
/// terminals and CSV exports). UTF-8 validity is checked by the JSON parser.
inline void check_name(std::string_view text, std::string_view what, const std::string& path,
                       bool may_be_empty = false)
{
    if (text.empty() && !may_be_empty)
        throw error(errc::invalid_plan, std::string(what) + " is empty", path);
    for (unsigned char ch : text)
        if (ch < 0x20 || ch == 0x7f)
            throw error(errc::invalid_plan, std::string(what) + " contains a control character",
                        path);
}

/// Free text (reasons, descriptions): line breaks and tabs are allowed.
inline void check_prose(std::string_view text, std::string_view what, const std::string& path)
{
    for (unsigned char ch : text)
        if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f)
            throw error(errc::invalid_plan, std::string(what) + " contains a control character",
                        path);
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
