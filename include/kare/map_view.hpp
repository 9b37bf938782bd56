/// @file
/// @brief The KARE map as data: what the one-page picture shows, independent
/// of how it is drawn (SVG, HTML, terminal).
#ifndef KARE_MAP_VIEW_HPP
#define KARE_MAP_VIEW_HPP

#include <kare/category.hpp>
#include <kare/date.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;
struct report;

/// One account as the map lists it.
struct map_entry {
    std::string id;     ///< Account id.
    std::string name;   ///< Account name.
    std::string owner;  ///< Owning rep's id.
    std::string figure; ///< A key figure in words (e.g. "revenue 84,000"), or empty.
    std::string note;   ///< Why it is here when that needs saying (candidates, action).
    bool by_profile = false; ///< Placed by its profile rather than by a decision.
};

/// A progress bar: an activity's done count against its target.
struct map_progress {
    std::string label;     ///< What is counted, e.g. "dials / week".
    std::int64_t done = 0;   ///< Done so far in the period.
    std::int64_t target = 0; ///< Target for the period.
};

/// One quadrant of the map.
struct map_quadrant {
    kare::category category = kare::category::keep; ///< Which quadrant.
    std::vector<map_entry> accounts;          ///< Its accounts, in priority or plan order.
    std::optional<std::size_t> focus_min;     ///< Focus-list target range, when known.
    std::optional<std::size_t> focus_max;     ///< Upper end of that range.
    std::vector<map_progress> progress;       ///< Cookbook progress, when known.
    std::vector<std::string> figures;         ///< Further lines, e.g. honest pipeline.
};

/// Everything the picture shows.
struct map_view {
    std::string title;                    ///< The plan's name.
    kare::date as_of;                     ///< The date the map describes.
    std::string rep;                      ///< The rep shown, or empty for the team.
    std::array<map_quadrant, 4> quadrants; ///< Indexed by `category`.
    std::vector<map_entry> unassigned;    ///< In no quadrant, with why.
    std::vector<map_entry> fired;         ///< Out of the plan, with the action.
    std::size_t findings = 0;             ///< Number of findings in the report.
};

/// The map of a report on plan `p`: quadrants in plan order, the unassigned
/// with their candidates, the fired with their action, and each account's
/// annual revenue as its key figure when the plan has one.
map_view make_map_view(const plan& p, const report& r);

} // namespace v1
} // namespace kare

#endif
