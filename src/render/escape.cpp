#include "escape.hpp"

namespace kare {
inline namespace v1 {
namespace detail {

std::string escape_xml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // Control characters are not allowed in XML 1.0 at all.
            if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t')
                out += "\xEF\xBF\xBD"; // U+FFFD
            else
                out += ch;
        }
    }
    return out;
}

} // namespace detail
} // namespace v1
} // namespace kare
