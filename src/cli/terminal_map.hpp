// The KARE map as text for a terminal.
#ifndef KARE_CLI_TERMINAL_MAP_HPP
#define KARE_CLI_TERMINAL_MAP_HPP

#include <kare/map_view.hpp>
#include <kare/report.hpp>

#include <string>

namespace kare::cli {

/// Four quadrants (Keep | Expand over Attain | Recapture), each listing its
/// accounts in the order the SVG map does (`view`, made from `r`) with their
/// open money by honesty and a mark when the review has a problem with them,
/// then the unassigned and fired accounts, then the findings.
std::string render_terminal_map(const map_view& view, const report& r, std::size_t width = 100);

} // namespace kare::cli

#endif
