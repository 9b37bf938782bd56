// Escaping for the SVG and HTML renderers.
#ifndef KARE_SRC_RENDER_ESCAPE_HPP
#define KARE_SRC_RENDER_ESCAPE_HPP

#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

/// Escapes text for XML and HTML content and attribute values.
std::string escape_xml(std::string_view text);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
