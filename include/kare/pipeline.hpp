/// @file
/// @brief The pipeline report: every deal's honesty, the total against the
/// honest (qualified) total per rep, per category and overall, the bloat
/// ratio, the hope deals, and the deal findings.
#ifndef KARE_PIPELINE_HPP
#define KARE_PIPELINE_HPP

#include <kare/as_of.hpp>
#include <kare/date.hpp>
#include <kare/deal.hpp>
#include <kare/finding.hpp>
#include <kare/honesty.hpp>
#include <kare/money.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// Where a deal's account stands, for the per-category figures. The first
/// four values equal `category`'s.
enum class deal_bucket : std::uint8_t {
    keep = 0,        ///< The account is in Keep.
    attain = 1,      ///< The account is in Attain.
    recapture = 2,   ///< The account is in Recapture.
    expand = 3,      ///< The account is in Expand.
    unassigned = 4,  ///< The account has no category.
    fired = 5,       ///< The account is fired: the deal should not be there.
    unknown_account = 6, ///< The plan holds no account with the deal's account id.
};

/// Every bucket, in report order.
inline constexpr std::array<deal_bucket, 7> all_deal_buckets{
    deal_bucket::keep,       deal_bucket::attain, deal_bucket::recapture,
    deal_bucket::expand,     deal_bucket::unassigned, deal_bucket::fired,
    deal_bucket::unknown_account};

/// `"keep"`, …, `"unassigned"`, `"fired"`, `"unknown_account"`.
/// @param b a bucket
/// @return its name in the pipeline document
std::string_view to_string(deal_bucket b) noexcept;

/// What a pipeline report covers.
struct pipeline_options {
    std::string rep; ///< Only deals this rep works; empty for the whole team.
};

/// The figures of a set of open deals. Won and lost deals are never in them.
struct pipeline_totals {
    std::size_t open_deals = 0; ///< Open deals.
    money total;                ///< Sum of every open deal.
    money honest_total;         ///< Sum of the qualified deals only.
    money hope_total;           ///< `total - honest_total`: what hope adds to the forecast.
    std::array<std::size_t, 4> count_by_state{};  ///< Deals per state, indexed by `honesty_state`.
    std::array<money, 4> amount_by_state{};       ///< Amount per state, indexed by `honesty_state`.

    /// The bloat ratio: the share of the pipeline that is not qualified,
    /// `hope_total / total` in minor units; 0 is an honest pipeline, 1 is all
    /// hope. Empty when the total is zero.
    /// @return the ratio, or `std::nullopt` for a zero total
    std::optional<ratio> bloat_ratio() const;
};

/// One deal's line in the report.
struct deal_line {
    std::string id;                 ///< Deal id.
    std::string account;            ///< Account id.
    std::string rep;                ///< Rep working the deal; empty when unknown.
    deal_bucket bucket = deal_bucket::unknown_account; ///< Where the account stands.
    std::string stage;              ///< Stage.
    money amount;                   ///< Amount.
    deal_outcome outcome = deal_outcome::open; ///< Open, won or lost.
    std::string lost_reason;        ///< Lost deals only.
    date expected_close;            ///< Expected close date.
    honesty_assessment assessment;  ///< State and why.
    std::string next_step;          ///< The next action agreed on; empty when none.
};

/// A deal that inflates the forecast: open and not qualified.
struct hope_deal {
    std::string id;      ///< Deal id.
    std::string account; ///< Account id.
    std::string rep;     ///< Rep working the deal; empty when unknown.
    money amount;        ///< How much it inflates the forecast.
    honesty_state state = honesty_state::unqualified; ///< Its state.
    std::string reason;  ///< Why, in words.
};

/// The figures of one rep.
struct rep_pipeline {
    std::string rep;        ///< Rep id; empty for deals no rep is known for.
    pipeline_totals totals; ///< The rep's figures.
};

/// Won and lost deals: counted by outcome only, whatever their honesty was.
struct closed_totals {
    std::size_t won = 0;  ///< Deals won.
    money won_amount;     ///< Their amount.
    std::size_t lost = 0; ///< Deals lost.
    money lost_amount;    ///< Their amount.
    /// Lost deals per reason, in the policy's order (reasons with none included).
    std::vector<std::pair<std::string, std::size_t>> lost_by_reason;
};

/// The pipeline as of one date.
struct pipeline_report {
    std::string plan_name;          ///< The plan's name.
    kare::date as_of;               ///< The date the report describes.
    std::string rep;                ///< Rep covered, or empty for the team.
    std::string currency;           ///< ISO 4217 code of every amount.
    std::vector<deal_line> deals;   ///< Every deal in scope, open or closed, in plan order.
    pipeline_totals overall;        ///< Figures of every open deal in scope.
    std::vector<rep_pipeline> by_rep; ///< Per rep, in the plan's order; deals with no known rep last.
    std::array<pipeline_totals, 7> by_bucket{}; ///< Per account category, indexed by `deal_bucket`.
    closed_totals closed;           ///< Won and lost deals.
    std::vector<hope_deal> hope;    ///< Open deals not qualified, largest amount first, then by id.
    std::vector<finding> findings;  ///< Deal findings, by severity (errors first), then plan order.
    /// The plan's facts dated after `as_of`, left out (`plan_as_of`).
    ignored_facts ignored;
};

/// Builds the pipeline report. Pure: the same plan and date give the same report.
///
/// A deal's rep is its owner, or else its account's owner; its category is
/// its account's current placement (`classify`).
/// As of a date before the plan's latest facts, the report describes the
/// plan as it stood that day (`plan_as_of`) and counts what it left out.
/// @throws error `not_found` when `options.rep` names no rep of the plan;
/// `invalid_argument` naming `as_of` when it is before the plan's first
/// fact; `invalid_plan` naming `deals[N]…` for an
/// amount not in the plan currency's digits; `limit_exceeded` when a total
/// does not fit in 64-bit minor units.
/// @param p the plan with the deals and the honesty policy
/// @param as_of the day every deal is judged on
/// @param options the rep covered, or the whole team
/// @return every deal's line, the totals, the hope deals and the findings
pipeline_report make_pipeline(const plan& p, date as_of, const pipeline_options& options = {});

} // namespace v1
} // namespace kare

#endif
