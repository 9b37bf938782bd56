/// @file
/// @brief The report: every account in exactly one place, with how it got
/// there, and the findings.
#ifndef KARE_REPORT_HPP
#define KARE_REPORT_HPP

#include <kare/classify.hpp>
#include <kare/date.hpp>
#include <kare/finding.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// What a report covers.
struct report_options {
    std::string rep; ///< Only accounts owned by this rep; empty for the whole team.
};

/// One account's line in the report.
struct account_result {
    std::string id;               ///< Account id.
    std::string name;             ///< Account name.
    std::string owner;            ///< Owning rep.
    classification outcome;       ///< Where it stands and why.
};

/// Accounts per placement.
struct placement_counts {
    std::array<std::size_t, 4> by_category{}; ///< Indexed by `category`.
    std::size_t fired = 0;                    ///< Fired accounts.
    std::size_t unassigned = 0;               ///< Unassigned accounts.
};

/// The report on a plan as of one date.
struct report {
    std::string plan_name;               ///< The plan's name.
    kare::date as_of;                    ///< The date the report describes.
    std::string rep;                     ///< Rep covered, or empty for the team.
    std::vector<account_result> accounts; ///< In plan order.
    placement_counts counts;             ///< Totals of `accounts`.
    std::vector<finding> findings;       ///< Ordered by severity (errors first), then accounts before deals, in plan order.
};

/// Builds the report. Pure: the same plan and date give the same report.
/// The findings include the deal findings of `make_pipeline` for the same rep.
/// @throws error `not_found` when `options.rep` names no rep of the plan, and
/// as `make_pipeline` for deals (a fact dated after `as_of`).
report make_report(const plan& p, date as_of, const report_options& options = {});

} // namespace v1
} // namespace kare

#endif
