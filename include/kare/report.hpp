/// @file
/// @brief The report: every account in exactly one place, with how it got
/// there, and the findings.
#ifndef KARE_REPORT_HPP
#define KARE_REPORT_HPP

#include <kare/classify.hpp>
#include <kare/date.hpp>
#include <kare/finding.hpp>
#include <kare/pipeline.hpp>
#include <kare/priority.hpp>
#include <kare/progress.hpp>
#include <kare/scoreboard.hpp>
#include <kare/suggested_move.hpp>
#include <kare/whitespace.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// At most this many fire rules are named in an `account.fire_suggested`
/// finding (its figure `rules_not_listed` counts the others) and in an
/// account's `fire_suggestions` in the JSON report (`fire_suggestions_not_listed`):
/// a plan may hold thousands of rules, and the report stays proportional
/// to the plan.
inline constexpr std::size_t listed_fire_rules = 10;

/// Which accounts' placements a report explains criterion by criterion.
/// Every account keeps its placement, basis, candidates and each profile's
/// verdict; an explanation adds every criterion checked, with the account's
/// value: most of a report's size on a large plan.
enum class explanation : std::uint8_t {
    all,    ///< Every account (the default: small plans, full documents).
    needed, ///< Accounts whose placement asks a question: unassigned by their
            ///< profiles, tie-broken, or contradicting their profile.
    none,   ///< No account: the map, the text views and large plans.
};

/// `"all"`, `"needed"` or `"none"`.
/// @param e a mode
/// @return its name
std::string_view to_string(explanation e) noexcept;

/// Parses a name written by `to_string(explanation)`.
/// @param name a name `to_string` writes
/// @return the mode, or none for any other text
std::optional<explanation> explanation_from_string(std::string_view name) noexcept;

/// What a report covers.
struct report_options {
    /// The whole team, every account explained.
    report_options() = default;
    /// One rep's accounts (`of_rep`), every account explained: `{rep}` reads as before.
    /// @param of_rep the rep whose accounts are reported
    report_options(std::string of_rep) : rep(std::move(of_rep)) {} // NOLINT(google-explicit-constructor)

    std::string rep; ///< Only accounts owned by this rep; empty for the whole team.
    /// Which accounts are explained (`account_result::explained`).
    kare::explanation explain = kare::explanation::all;
    /// When not empty, only this account is explained, whatever `explain` says.
    std::string explain_account;
};

/// One account's line in the report.
struct account_result {
    std::string id;               ///< Account id.
    std::string name;             ///< Account name.
    std::string owner;            ///< Owning rep.
    classification outcome;       ///< Where it stands and why.
    /// Whether `outcome.profiles` holds each criterion checked; when false
    /// each profile keeps its verdict (`held`) and no checks
    /// (`report_options::explain`).
    bool explained = true;
};

/// Accounts per placement.
struct placement_counts {
    std::array<std::size_t, 4> by_category{}; ///< Indexed by `category`.
    std::size_t fired = 0;                    ///< Fired accounts.
    std::size_t unassigned = 0;               ///< Unassigned accounts.

    /// Every account counted: the categories, the fired and the unassigned.
    /// @return the number of accounts
    std::size_t total() const noexcept
    {
        return by_category[0] + by_category[1] + by_category[2] + by_category[3] + fired +
               unassigned;
    }
};

/// The report on a plan as of one date: the plan review.
struct report {
    std::string plan_name;               ///< The plan's name.
    kare::date as_of;                    ///< The date the report describes.
    std::string rep;                     ///< Rep covered, or empty for the team.
    std::vector<account_result> accounts; ///< In plan order.
    placement_counts counts;             ///< Totals of `accounts`.
    /// Ordered by severity (errors first), then account findings (each
    /// account's together, in plan order), deal findings, rep findings.
    std::vector<finding> findings;
    std::vector<account_priority> priorities; ///< Categorised accounts, best first (`make_priorities`).
    std::vector<focus_list> focus_lists;      ///< Per rep in scope and category (`make_focus_lists`).
    std::vector<suggested_move> suggested_moves; ///< Moves the facts suggest, in plan order.
    kare::heat_map heat_map;                  ///< Expand and Keep accounts × the catalogue.
    /// The pipeline of the same date and rep (`make_pipeline`): its deal
    /// findings are among `findings`, and the map draws its figures.
    pipeline_report pipeline;
    /// Cookbook progress of the same date and rep, current periods only
    /// (`make_progress` with no trend): its effort findings are among
    /// `findings`, and the map draws its bars.
    progress_report progress;
    /// One row per rep and the team total (`make_scoreboard`), drawn from
    /// the members above once they are complete.
    kare::scoreboard scoreboard;
    /// The plan's facts dated after `as_of`, left out: the report describes
    /// the plan as it stood that day (`plan_as_of`).
    ignored_facts ignored;
};

/// Builds the report. Pure: the same plan and date give the same report.
/// One pass: each account in scope is classified once (its placement from
/// the plan's cached verdicts, its explanation from `classify`), and the
/// pipeline and progress are computed once, the scoreboard drawn from them; every view of the review (JSON,
/// text, the map, the HTML page) is drawn from the result.
/// The findings are the classification findings, the review checks
/// (`review_findings`), the deal findings of `make_pipeline` and the effort
/// findings for the same rep, less the codes the review policy switches off;
/// a switched-off `move.*` code also leaves its moves out of
/// `suggested_moves`.
/// As of a date before the plan's latest facts, every part of the report
/// describes the plan as it stood that day (`plan_as_of`), and `ignored`
/// counts what was left out.
/// @throws error `not_found` when `options.rep` names no rep of the plan,
/// `invalid_argument` naming `as_of` when it is before the plan's first
/// fact, and as `make_pipeline` for deals.
/// @param p the plan reviewed
/// @param as_of the day of the review
/// @param options the rep covered, or the whole team
/// @return the accounts, findings, priorities, focus lists, moves, heat map, pipeline and progress
report make_report(const plan& p, date as_of, const report_options& options = {});

} // namespace v1
} // namespace kare

#endif
