/// @file
/// @brief Drawing the KARE map: a one-page SVG, and an HTML report that
/// embeds it with the findings.
#ifndef KARE_RENDER_HPP
#define KARE_RENDER_HPP

#include <kare/map_view.hpp>
#include <kare/report.hpp>

#include <cstddef>
#include <string>

namespace kare {
inline namespace v1 {

/// How the picture is laid out.
struct svg_options {
    std::size_t rows_per_quadrant = 12; ///< Accounts listed before "+ N more".
};

/// The map as a standalone SVG document: a 2×2 quadrant diagram (Keep and
/// Expand over Attain and Recapture) with each quadrant's accounts, counts,
/// focus target, progress bars and figures, and the unassigned and fired
/// accounts in a margin beside the suggested moves and a legend. Each part
/// is a group with a stable id (`quadrant-keep`, …, `margin`, `moves`,
/// `legend`) so that tools can find them. Names are text, not paths, so the
/// picture is searchable and accessible; every user string is escaped.
/// Deterministic: the same view gives the same bytes.
std::string render_svg(const map_view& view, const svg_options& options = {});

/// A self-contained HTML page: the SVG map, then the report's findings,
/// suggested moves, priorities with their terms, focus lists, heat map and
/// accounts as tables. No scripts, no external resources.
std::string render_html(const map_view& view, const report& r, const svg_options& options = {});

} // namespace v1
} // namespace kare

#endif
