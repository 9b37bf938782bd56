// The review page's scoreboard section, kept apart from the rest of the page.
#ifndef KARE_SRC_SCOREBOARD_HTML_HPP
#define KARE_SRC_SCOREBOARD_HTML_HPP

#include <kare/report.hpp>

#include <string>

namespace kare {
inline namespace v1 {
namespace detail {

/// Appends the scoreboard: a row per rep and the team total, then each
/// rep's worst findings.
void scoreboard_section(std::string& out, const report& r);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
