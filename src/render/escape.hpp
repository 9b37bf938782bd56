// Escaping for the SVG and HTML renderers and the tool's terminal text.
#ifndef KARE_SRC_RENDER_ESCAPE_HPP
#define KARE_SRC_RENDER_ESCAPE_HPP

#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

/// Escapes text for XML and HTML content and attribute values. Control
/// characters other than line breaks and tabs, C1 controls, line and
/// paragraph separators, bidi embeddings, overrides and isolates, and bytes
/// that are not UTF-8 become U+FFFD: a report or map view filled by hand
/// cannot break the document or reorder the text around a name.
std::string escape_xml(std::string_view text);

/// Text for a terminal: control characters (line breaks and tabs included),
/// C1 controls, line and paragraph separators and bidi embeddings, overrides
/// and isolates are written as `\\u001b`, bytes that are not UTF-8 as
/// `\\xff`; everything else is kept. The tool prints every name, label, id
/// and reason through it.
std::string escape_terminal(std::string_view text);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
