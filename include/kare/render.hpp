/// @file
/// @brief Drawing the KARE map: a one-page SVG, and an HTML report that
/// embeds it with the findings.
#ifndef KARE_RENDER_HPP
#define KARE_RENDER_HPP

#include <kare/map_view.hpp>
#include <kare/plan_changes.hpp>
#include <kare/report.hpp>

#include <cstddef>
#include <string>

namespace kare {
inline namespace v1 {

/// How the picture is laid out.
struct svg_options {
    std::size_t rows_per_quadrant = 12; ///< Accounts listed before "+ N more".
    /// The width the picture is shown at, in pixels, at most
    /// `max_svg_width`; 0 for its natural width, 1400. The layout stays the
    /// same and is scaled: the height follows, the `viewBox` keeps the
    /// drawing's own coordinates.
    std::size_t width = 0;
    /// 860 px wide with the margin lists under the quadrants, instead of
    /// 1400 px with them beside: on a page about 900 px wide its text keeps
    /// nearly its drawn size (12 px and up). The review page always draws
    /// its map narrow.
    bool narrow = false;
};

/// The widest picture `svg_options::width` may ask for.
inline constexpr std::size_t max_svg_width = 100000;

/// The map as a standalone SVG document: a 2×2 quadrant diagram (Keep and
/// Expand over Attain and Recapture) with each quadrant's accounts, counts,
/// focus target, progress bars and figures, and the unassigned and fired
/// accounts in a margin beside the suggested moves and a legend. Each part
/// is a group with a stable id (`quadrant-keep`, …, `margin`, `moves`,
/// `legend`) so that tools can find them. Names are text, not paths, so the
/// picture is searchable and accessible; every user string is escaped.
/// Deterministic: the same view gives the same bytes.
/// @throws error `invalid_argument` for a width past `max_svg_width`.
/// @param view what to draw (`make_map_view`)
/// @param options the layout
/// @return the SVG document
std::string render_svg(const map_view& view, const svg_options& options = {});

/// A self-contained HTML page, the one a sales leader opens in a one-to-one:
/// the SVG map (narrow), the scoreboard, cookbook progress with pace, the hope and dead
/// deals, the effort mix, the suggested moves, each quadrant's playbook, the
/// findings grouped by account, then the priorities with their terms, focus
/// lists, heat map and accounts as tables. Readable from 900 px wide to an
/// A4 landscape print. No scripts, no external resources.
/// @throws error as `render_svg`.
/// @param view the map (`make_map_view`)
/// @param r the report the view was made from
/// @param options the map's layout
/// @return the HTML document
std::string render_html(const map_view& view, const report& r, const svg_options& options = {});

/// The parts of the review page, as bits of `html_options::sections`.
namespace html_section {
inline constexpr unsigned map = 1;         ///< The SVG map.
inline constexpr unsigned findings = 2;    ///< The findings table.
inline constexpr unsigned moves = 4;       ///< The suggested moves.
inline constexpr unsigned priorities = 8;  ///< The priorities with their terms.
inline constexpr unsigned focus = 16;      ///< The focus lists.
inline constexpr unsigned heat_map = 32;   ///< The heat map.
inline constexpr unsigned accounts = 64;   ///< The accounts.
inline constexpr unsigned scoreboard = 128; ///< The scoreboard, after the map.
inline constexpr unsigned progress = 256;  ///< Cookbook progress per rep, with pace.
inline constexpr unsigned pipeline = 512;  ///< The honest pipeline, the hope and the dead deals.
inline constexpr unsigned effort = 1024;   ///< The effort mix per rep.
inline constexpr unsigned playbook = 2048; ///< Each quadrant's actions and questions.
inline constexpr unsigned all = 4095;      ///< Every part of the review of one date.
/// What changed since an earlier plan or date, after the scoreboard; drawn
/// only by the `render_html` that is given the changes. Not in `all`, whose
/// value callers have compiled in: a page drawn with `all` stays as it was.
inline constexpr unsigned changes = 4096;
inline constexpr unsigned with_changes = all | changes; ///< Every part, what changed too.
} // namespace html_section

/// Rows each long list of the review page shows unless asked otherwise: a
/// team's whole book, and a page a browser still opens for a million accounts.
inline constexpr std::size_t default_rows_per_list = 1000;
/// `html_options::rows_per_list` for every row of every list.
inline constexpr std::size_t every_row = static_cast<std::size_t>(-1);

/// What the review page holds and how its map is laid out.
struct html_options {
    svg_options picture;                   ///< The map's layout.
    unsigned sections = html_section::all; ///< Bits of `html_section`.
    /// Rows each long list shows (findings, suggested moves, priorities,
    /// focus lists, the heat map, the accounts, hope and dead deals, and what
    /// changed) before the page says how many more the report or the changes
    /// hold: the first rows, which lead where a list has an order (findings
    /// worst first, priorities highest first). `every_row` shows them all.
    std::size_t rows_per_list = default_rows_per_list;
};

/// The review page with only the parts `options.sections` names, in their
/// usual order; `render_html(view, r, picture)` is this with every part.
/// @param view the map (`make_map_view`)
/// @param r the report the view was made from
/// @param options the parts to show and the map's layout
/// @return the HTML document
std::string render_html(const map_view& view, const report& r, const html_options& options);

/// The review page with a "What changed" section after the scoreboard
/// (when `options.sections` holds `html_section::changes`, as
/// `html_section::with_changes` does), the other parts as the form without
/// changes draws them. The changes' later side should be the report's plan
/// and date (`changes_since(plan, since, r.as_of)`).
/// @param view the map (`make_map_view`)
/// @param r the report the view was made from
/// @param options the parts to show and the map's layout
/// @param changes what changed since an earlier plan or date (`compare_plans`)
/// @return the HTML document
std::string render_html(const map_view& view, const report& r, const html_options& options,
                        const plan_changes& changes);

} // namespace v1
} // namespace kare

#endif
