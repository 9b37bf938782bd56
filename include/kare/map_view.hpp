/// @file
/// @brief The KARE map as data: what the one-page picture shows, independent
/// of how it is drawn (SVG, HTML, terminal).
#ifndef KARE_MAP_VIEW_HPP
#define KARE_MAP_VIEW_HPP

#include <kare/category.hpp>
#include <kare/date.hpp>
#include <kare/finding.hpp>
#include <kare/playbook.hpp>

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
    std::string figure; ///< Its annual revenue in words (e.g. "USD 84,000"), or empty.
    /// Its open deals by honesty, in whole currency units ("120,000"), each
    /// empty when it has none: the honest (qualified) pipeline, the hope
    /// (stalled or unqualified deals) and the dead money. Only `honest` is
    /// money to forecast.
    std::string honest;
    std::string hope;          ///< Stalled and unqualified open deals; see `honest`.
    std::string dead;          ///< Dead open deals; see `honest`.
    /// The worst severity of the review's warnings and errors about it or its
    /// deals; empty when it has none (info findings do not mark an account).
    std::optional<kare::severity> concern;
    std::vector<std::string> concerns; ///< Those findings' sentences, worst first.
    std::string note;   ///< Why it is here when that needs saying (candidates, action).
    bool by_profile = false; ///< Placed by its profile rather than by a decision.
    bool focus = false;      ///< On its owner's focus list for the quadrant.
};

/// A progress bar: an activity's done count against its target.
struct map_progress {
    std::string label;     ///< What is counted, e.g. "dials / week".
    std::int64_t done = 0;     ///< Done so far in the period.
    std::int64_t target = 0;   ///< Target for the period.
    std::int64_t expected = 0; ///< The target pro-rated to the map's date: where pace is.
};

/// One quadrant of the map.
struct map_quadrant {
    kare::category category = kare::category::keep; ///< Which quadrant.
    std::vector<map_entry> accounts;          ///< Its accounts, highest priority first.
    std::size_t focus = 0;                    ///< Accounts on their owner's focus list.
    std::optional<std::size_t> focus_min;     ///< Focus-list target per rep, when known.
    std::optional<std::size_t> focus_max;     ///< Upper end of that range.
    std::vector<map_progress> progress;       ///< Cookbook progress, when known.
    std::vector<std::string> figures;         ///< Further lines, e.g. honest pipeline.
    kare::playbook playbook;                  ///< Its actions and questions (the cookbook's).
};

/// Everything the picture shows.
struct map_view {
    std::string title;                    ///< The plan's name.
    std::string currency;                 ///< ISO 4217 code of every amount shown.
    kare::date as_of;                     ///< The date the map describes.
    std::string rep;                      ///< The rep shown, or empty for the team.
    std::array<map_quadrant, 4> quadrants; ///< Indexed by `category`.
    std::vector<map_entry> unassigned;    ///< In no quadrant, with why.
    std::vector<map_entry> fired;         ///< Out of the plan, with the action.
    std::vector<std::string> moves;       ///< Suggested moves, one line each.
    std::size_t findings = 0;             ///< Number of findings in the report.
};

/// The map of a report on plan `p`:
/// - each quadrant's accounts in priority order (the report's
///   `priorities`), those on a focus list marked, with the focus target of
///   the plan's review policy;
/// - each account's annual revenue, and its open deals split by honesty:
///   the honest pipeline apart from the hope and the dead money, so the
///   picture never shows hope as money to forecast;
/// - each account's warnings and errors (its deals' included), so an
///   account with a problem stands out;
/// - cookbook progress bars: each target's current period, done against
///   target, summed over the reps in the report (the report's `progress`);
/// - each quadrant's honest pipeline (the report's `pipeline`);
/// - each quadrant's playbook: the plan's own, else the method's;
/// - the unassigned with why, the fired with their action, and the moves
///   the facts suggest.
///
/// Throws `errc::not_found` when the report is for a rep the plan lacks.
///
/// Drawn from the report alone (and the plan's accounts for their figures):
/// nothing is classified or computed again.
/// @param p the plan the report was made from
/// @param r the report
/// @return what the map draws
map_view make_map_view(const plan& p, const report& r);

} // namespace v1
} // namespace kare

#endif
