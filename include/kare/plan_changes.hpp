/// @file
/// @brief What changed between two plans, or one plan at two dates: the
/// accounts added, removed, moved and fired, the deals opened, closed and
/// changing honesty state, the pipeline and the cookbook then and now, and
/// the findings that appeared and cleared (docs/review.md, "What changed").
#ifndef KARE_PLAN_CHANGES_HPP
#define KARE_PLAN_CHANGES_HPP

#include <kare/account.hpp>
#include <kare/category.hpp>
#include <kare/classify.hpp>
#include <kare/cookbook.hpp>
#include <kare/date.hpp>
#include <kare/deal.hpp>
#include <kare/finding.hpp>
#include <kare/money.hpp>
#include <kare/pipeline.hpp>
#include <kare/progress.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// An account on one side only: added (it is in the later plan) or removed
/// (it was in the earlier one).
struct account_presence {
    std::string id;    ///< Account id.
    std::string name;  ///< Account name.
    std::string owner; ///< Owning rep.
    placement where;   ///< Where it stands on the side it is on; never open.
    std::optional<kare::date> added; ///< Its recorded `added` date, if any.
};

/// An account whose placement changed, or that was moved and moved back.
struct account_move {
    std::string id;    ///< Account id.
    std::string name;  ///< Account name (the later plan's).
    std::string owner; ///< Owning rep (the later plan's).
    placement from;    ///< Where it stood then; never open.
    placement to;      ///< Where it stands now; never open.
    kare::basis basis = kare::basis::none; ///< How `to` was reached.
    /// The moves the later plan's history records, up to its date, that the
    /// earlier's does not, oldest first: their dates and reasons (on one plan
    /// at two dates, the moves dated between them). Empty when the placement
    /// changed without a recorded move (the profiles decided differently).
    std::vector<move_record> moves;
    std::string fire_action; ///< The out-of-plan action when `to` is fired.
};

/// A deal that was opened, closed, reopened, removed or changed honesty state.
struct deal_change {
    std::string id;      ///< Deal id.
    std::string account; ///< Account id.
    std::string rep;     ///< Rep working it (its owner, else its account's owner); empty when unknown.
    money amount;        ///< Its amount on the later side (the earlier one for a removed deal).
    kare::date opened;   ///< When it was opened.
    deal_outcome outcome_before = deal_outcome::open; ///< Open, won or lost then; open for an opened deal.
    deal_outcome outcome_after = deal_outcome::open;  ///< Open, won or lost now; as then for a removed deal.
    std::optional<honesty_state> state_before; ///< Its honesty then, when it was open then.
    std::optional<honesty_state> state_after;  ///< Its honesty now, when it is open now.
    std::optional<kare::date> closed_on;       ///< When it was won or lost (closed deals).
    std::string lost_reason;                   ///< Why it was lost (lost deals).
    std::string reason; ///< Why its state is what it is now (then, for a removed deal).
};

/// One cookbook target of one rep, its current period then and now.
struct target_change {
    std::string rep;           ///< Rep id.
    kare::target goal;         ///< The cookbook's target.
    std::string activity_name; ///< The activity's display name.
    std::optional<period_progress> before; ///< Then; none when the rep did not have the target then.
    std::optional<period_progress> after;  ///< Now; none when the rep no longer has it.
};

/// True when a period keeps pace: `on_track` or `ahead` (the target
/// pro-rated to the date is met).
/// @param p a period's progress
/// @return whether its status is `on_track` or `ahead`
constexpr bool keeps_pace(const period_progress& p) noexcept
{
    return p.status == progress_status::on_track || p.status == progress_status::ahead;
}

/// What changed from one plan (or date) to another, for the whole team.
struct plan_changes {
    std::string plan_before; ///< The earlier plan's name.
    std::string plan_after;  ///< The later plan's name.
    std::string currency;    ///< ISO 4217 code of every amount (the same on both sides).
    kare::date before_as_of; ///< The date the earlier side is judged on.
    kare::date after_as_of;  ///< The date the later side is judged on.
    std::vector<account_presence> accounts_added;   ///< In the later plan's order.
    std::vector<account_presence> accounts_removed; ///< In the earlier plan's order.
    /// Accounts whose placement changed to anything but fired, or that were
    /// moved and moved back, in the later plan's order.
    std::vector<account_move> accounts_moved;
    std::vector<account_move> accounts_fired; ///< Accounts fired since, in the later plan's order.
    /// Deals new on the later side (open, or opened and closed since), in its order.
    std::vector<deal_change> deals_opened;
    std::vector<deal_change> deals_closed;   ///< Open then, won or lost now.
    std::vector<deal_change> deals_reopened; ///< Closed then, open now, or closed otherwise.
    std::vector<deal_change> deals_removed;  ///< On the earlier side only, in its order.
    /// Open on both sides with another honesty state now, in the later plan's order.
    std::vector<deal_change> deals_changed_state;
    pipeline_totals pipeline_before; ///< Open pipeline then: total, honest, hope, bloat.
    pipeline_totals pipeline_after;  ///< Open pipeline now.
    /// Every rep's targets on either side: the later side's order, then
    /// the targets of the earlier side only.
    std::vector<target_change> targets;
    std::vector<finding> findings_appeared; ///< Raised now and not then, in the later report's order.
    std::vector<finding> findings_cleared;  ///< Raised then and not now, in the earlier report's order.

    /// True when nothing but the dates differs: no account, deal, figure or
    /// finding changed.
    /// @return whether every list is empty and the pipeline figures are equal
    bool empty() const noexcept;
};

/// How `compare_plans` names its two sides in errors.
struct compare_options {
    std::string before_name = "before"; ///< Names the earlier plan (a file, an argument).
    std::string after_name = "after";   ///< Names the later plan.
};

/// The latest dated fact of the plan (an account added, a move, a logged
/// activity, a deal opened, evidence, a close-date change, a stall, a state
/// set by hand, a revival, a deal's last activity or close); none for a
/// plan without any. The day a saved plan was last worked on: the date its
/// side of a comparison is judged on when none is given.
/// @param p the plan
/// @return the date, or none
std::optional<date> last_fact(const plan& p) noexcept;

/// Compares two plans, each judged on its own date (its report as of that
/// date: placements, honesty states, progress and findings; a date before
/// the plan's latest facts shows the plan as it stood then, `plan_as_of`).
/// Accounts and deals are matched by id. Neither plan is changed.
///
/// Two plans are the same plan when they have the same currency and fiscal
/// year and, when both hold accounts, at least one account id in common;
/// the name may change.
/// @throws error `invalid_argument` naming the later side
/// (`after.settings.currency`, `after.settings.fiscal_year_start_month`,
/// `after.accounts`) when the two are not the same plan; naming the earlier
/// (`before.as_of`) when `before_as_of` is after `after_as_of` or before the
/// earlier plan's first fact, and `after.as_of` when `after_as_of` is before
/// the later plan's first fact (the names are `options`').
/// @param before the earlier plan
/// @param before_as_of the date it is judged on
/// @param after the later plan
/// @param after_as_of the date it is judged on
/// @param options how errors name the two sides
/// @return the changes
plan_changes compare_plans(const plan& before, date before_as_of, const plan& after,
                           date after_as_of, const compare_options& options = {});

/// One plan at two dates: `compare_plans(p, since, p, as_of)`, with errors
/// naming `since` (after `as_of`, or before the plan's first fact) and
/// `as_of`.
/// @throws error `invalid_argument` naming `since` or `as_of`.
/// @param p the plan
/// @param since the earlier date
/// @param as_of the later date
/// @return the changes
plan_changes changes_since(const plan& p, date since, date as_of);

} // namespace v1
} // namespace kare

#endif
