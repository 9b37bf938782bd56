/// @file
/// @brief The leader's scoreboard: one row per rep and the team total, the
/// figures a one-to-one starts from (docs/review.md, "The scoreboard").
#ifndef KARE_SCOREBOARD_HPP
#define KARE_SCOREBOARD_HPP

#include <kare/pipeline.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {

struct report;

/// At most this many findings are named in a scoreboard row (`worst`).
inline constexpr std::size_t scoreboard_worst_findings = 3;

/// One row of the scoreboard: a rep's figures, or the team's.
struct scoreboard_row {
    std::string rep;  ///< Rep id; empty on the team row.
    std::string name; ///< Rep name; empty on the team row.
    std::array<std::size_t, 4> accounts{}; ///< Accounts per quadrant, indexed by `category`.
    std::size_t fired = 0;                 ///< Fired accounts.
    std::size_t unassigned = 0;            ///< Unassigned accounts.
    std::array<std::size_t, 4> in_focus{}; ///< Accounts on focus lists per quadrant.
    std::size_t targets = 0;        ///< Cookbook targets of the current periods.
    std::size_t targets_behind = 0; ///< Those behind or not started.
    /// Activities logged per category over the effort window.
    std::array<std::int64_t, 4> activities{};
    std::int64_t uncategorised = 0; ///< Activities on fired or unassigned accounts.
    /// Each category's share of the categorised activities, whole percent
    /// rounded by `whole_percent`, as `kare progress` prints it; all 0 when none were logged.
    std::array<std::uint32_t, 4> share_percent{};
    /// The intended mix, whole percent. Each rep has their own; the team row
    /// has one only when every rep's is the same.
    std::optional<std::array<std::uint32_t, 4>> intended_percent;
    pipeline_totals pipeline;               ///< Open deals: total, honest, hope, bloat.
    std::array<std::size_t, 3> findings{};  ///< Findings per severity, indexed by `severity`.
    /// The worst of the row's findings, at most `scoreboard_worst_findings`:
    /// indices into `report::findings` (which is ordered by severity).
    std::vector<std::size_t> worst;
};

/// The scoreboard of a report: its reps in plan order, and the team total.
struct scoreboard {
    std::vector<scoreboard_row> reps; ///< One row per rep in the report's scope.
    /// Every account, open deal and finding of the report, whoever it
    /// belongs to (so a deal or finding no rep is known for counts here only).
    scoreboard_row team;
};

/// The scoreboard of a report, from what the report holds: its accounts,
/// focus lists, progress, pipeline and findings. Pure. A finding belongs to
/// the owner of the account it is about, the rep working the deal, or the
/// rep; plan findings count on the team row only.
/// @param r a complete report
/// @return a row per rep and the team
scoreboard make_scoreboard(const report& r);

} // namespace v1
} // namespace kare

#endif
