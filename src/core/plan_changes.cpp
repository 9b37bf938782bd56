// What changed between two plans: both sides are reviewed as of their own
// dates (make_report, which already shows a plan as it stood on a past
// date), then matched by id. No rule is evaluated here a second way.
#include <kare/as_of.hpp>
#include <kare/error.hpp>
#include <kare/plan.hpp>
#include <kare/plan_changes.hpp>
#include <kare/report.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace kare {
inline namespace v1 {

namespace {

void require_same_plan(const plan& before, const plan& after, const compare_options& names)
{
    const auto& b = before.settings();
    const auto& a = after.settings();
    if (b.currency != a.currency)
        throw error(errc::invalid_argument,
                    "not the same plan: its amounts are in " + a.currency + ", those of " +
                        names.before_name + " in " + b.currency,
                    names.after_name + ".settings.currency");
    if (b.fiscal_year_start_month != a.fiscal_year_start_month)
        throw error(errc::invalid_argument,
                    "not the same plan: its fiscal year starts in month " +
                        std::to_string(a.fiscal_year_start_month) + ", that of " +
                        names.before_name + " in month " +
                        std::to_string(b.fiscal_year_start_month),
                    names.after_name + ".settings.fiscal_year_start_month");
    if (before.accounts().empty() || after.accounts().empty())
        return;
    const bool shared = std::any_of(after.accounts().begin(), after.accounts().end(),
                                    [&](const account& x) { return before.find_account(x.id); });
    if (!shared)
        throw error(errc::invalid_argument,
                    "not the same plan: no account of it is in " + names.before_name,
                    names.after_name + ".accounts");
}

void require_reviewable(const plan& p, date day, const std::string& side)
{
    const auto first = first_fact(p);
    if (first && day < *first)
        throw error(errc::invalid_argument,
                    "the date " + day.to_string() + " is before the plan's first fact (" +
                        first->to_string() + "): the plan did not exist yet",
                    side);
}

std::string fire_action_of(const account& a)
{
    if (!a.fire_action.empty())
        return a.fire_action;
    return a.history.empty() ? std::string() : a.history.back().reason;
}

// The moves the later side records that the earlier one does not: on one
// plan at two dates, those dated between them; across two documents, those
// recorded since the earlier was saved, whatever their date.
std::vector<move_record> new_moves(const account* earlier, date then, const account& later,
                                   date now)
{
    std::vector<move_record> known;
    if (earlier)
        for (const auto& m : earlier->history)
            if (m.on <= then)
                known.push_back(m);
    std::vector<move_record> out;
    for (const auto& m : later.history) {
        if (m.on > now)
            continue;
        const auto found = std::find(known.begin(), known.end(), m);
        if (found != known.end())
            known.erase(found);
        else
            out.push_back(m);
    }
    return out;
}

account_presence presence_of(const account_result& line, const plan& p)
{
    const account* a = p.find_account(line.id);
    return {.id = line.id,
            .name = line.name,
            .owner = line.owner,
            .where = line.outcome.result,
            .added = a ? a->added : std::nullopt};
}

void compare_accounts(const plan& earlier, const report& then, const report& now,
                      const plan& later, plan_changes& out)
{
    std::unordered_map<std::string_view, const account_result*> before;
    for (const auto& line : then.accounts)
        before.emplace(line.id, &line);
    std::unordered_set<std::string_view> seen;
    for (const auto& line : now.accounts) {
        const auto found = before.find(line.id);
        if (found == before.end()) {
            out.accounts_added.push_back(presence_of(line, later));
            continue;
        }
        seen.insert(line.id);
        const account* a = later.find_account(line.id);
        auto moves = a ? new_moves(earlier.find_account(line.id), then.as_of, *a, now.as_of)
                       : std::vector<move_record>{};
        const placement from = found->second->outcome.result;
        const placement to = line.outcome.result;
        if (from == to && moves.empty())
            continue;
        account_move m{.id = line.id,
                       .name = line.name,
                       .owner = line.owner,
                       .from = from,
                       .to = to,
                       .basis = line.outcome.basis,
                       .moves = std::move(moves),
                       .fire_action = {}};
        if (to == placement::fired() && from != to) {
            m.fire_action = a ? fire_action_of(*a) : std::string();
            out.accounts_fired.push_back(std::move(m));
        } else {
            out.accounts_moved.push_back(std::move(m));
        }
    }
    for (const auto& line : then.accounts)
        if (!seen.count(line.id))
            out.accounts_removed.push_back(presence_of(line, earlier));
}

deal_change change_of(const deal_line& line)
{
    deal_change c;
    c.id = line.id;
    c.account = line.account;
    c.rep = line.rep;
    c.amount = line.amount;
    c.outcome_before = line.outcome;
    c.outcome_after = line.outcome;
    c.lost_reason = line.lost_reason;
    c.reason = line.assessment.reason;
    return c;
}

void compare_deals(const plan& earlier, const report& then, const plan& later, const report& now,
                   plan_changes& out)
{
    std::unordered_map<std::string_view, const deal_line*> before;
    for (const auto& line : then.pipeline.deals)
        before.emplace(line.id, &line);
    std::unordered_set<std::string_view> seen;
    // The deal as the side's plan holds it, for the dates reports leave out.
    const auto facts = [](const plan& p, const std::string& id, date as_of) {
        std::pair<date, std::optional<date>> dates{};
        if (const deal* d = p.find_deal(id)) {
            dates.first = d->opened;
            if (d->closed_on && *d->closed_on <= as_of)
                dates.second = d->closed_on;
        }
        return dates;
    };
    for (const auto& line : now.pipeline.deals) {
        deal_change c = change_of(line);
        std::tie(c.opened, c.closed_on) = facts(later, line.id, now.as_of);
        c.state_after = line.assessment.state;
        const auto found = before.find(line.id);
        if (found == before.end()) {
            c.outcome_before = deal_outcome::open;
            out.deals_opened.push_back(std::move(c));
            continue;
        }
        seen.insert(line.id);
        const deal_line& old = *found->second;
        c.outcome_before = old.outcome;
        c.state_before = old.assessment.state;
        if (old.outcome == line.outcome) {
            if (line.outcome == deal_outcome::open && old.assessment.state != line.assessment.state)
                out.deals_changed_state.push_back(std::move(c));
        } else if (old.outcome == deal_outcome::open) {
            out.deals_closed.push_back(std::move(c));
        } else {
            out.deals_reopened.push_back(std::move(c));
        }
    }
    for (const auto& line : then.pipeline.deals) {
        if (seen.count(line.id))
            continue;
        deal_change c = change_of(line);
        std::tie(c.opened, c.closed_on) = facts(earlier, line.id, then.as_of);
        c.state_before = line.assessment.state;
        out.deals_removed.push_back(std::move(c));
    }
}

using target_key = std::tuple<std::string, category, std::string, period_kind, target_scope>;

target_key change_key(const std::string& rep, const target& t)
{
    return {rep, t.cat, t.activity, t.per, t.scope};
}

void compare_targets(const report& then, const report& now, plan_changes& out)
{
    std::map<target_key, const target_progress*> before;
    std::vector<std::pair<std::string, const target_progress*>> before_order;
    for (const auto& r : then.progress.reps)
        for (const auto& t : r.targets) {
            before.emplace(change_key(r.id, t.goal), &t);
            before_order.emplace_back(r.id, &t);
        }
    std::set<target_key> seen;
    for (const auto& r : now.progress.reps)
        for (const auto& t : r.targets) {
            target_change c{.rep = r.id,
                            .goal = t.goal,
                            .activity_name = t.activity_name,
                            .before = std::nullopt,
                            .after = t.current};
            const auto key = change_key(r.id, t.goal);
            if (const auto found = before.find(key); found != before.end())
                c.before = found->second->current;
            seen.insert(key);
            out.targets.push_back(std::move(c));
        }
    for (const auto& [rep, t] : before_order)
        if (!seen.count(change_key(rep, t->goal)))
            out.targets.push_back({.rep = rep,
                                   .goal = t->goal,
                                   .activity_name = t->activity_name,
                                   .before = t->current,
                                   .after = std::nullopt});
}

using finding_key = std::tuple<std::string_view, subject_kind, std::string_view>;

finding_key change_key(const finding& f)
{
    return {f.code, f.subject, f.subject_id};
}

// Findings match by code and subject; two of the same key match in order.
void compare_findings(const report& then, const report& now, plan_changes& out)
{
    std::map<finding_key, std::size_t> unmatched;
    for (const auto& f : then.findings)
        ++unmatched[change_key(f)];
    std::map<finding_key, std::size_t> matched_now;
    for (const auto& f : now.findings) {
        auto found = unmatched.find(change_key(f));
        if (found != unmatched.end() && found->second > 0) {
            --found->second;
            ++matched_now[change_key(f)];
        } else {
            out.findings_appeared.push_back(f);
        }
    }
    for (const auto& f : then.findings) {
        auto found = matched_now.find(change_key(f));
        if (found != matched_now.end() && found->second > 0)
            --found->second;
        else
            out.findings_cleared.push_back(f);
    }
}

bool same_figures(const pipeline_totals& a, const pipeline_totals& b)
{
    return a.open_deals == b.open_deals && a.total == b.total &&
           a.honest_total == b.honest_total && a.count_by_state == b.count_by_state &&
           a.amount_by_state == b.amount_by_state;
}

bool same_progress(const std::optional<period_progress>& a,
                   const std::optional<period_progress>& b)
{
    if (!a || !b)
        return !a && !b;
    return a->label == b->label && a->done == b->done && a->target == b->target &&
           a->expected == b->expected && a->status == b->status;
}

} // namespace

bool plan_changes::empty() const noexcept
{
    return accounts_added.empty() && accounts_removed.empty() && accounts_moved.empty() &&
           accounts_fired.empty() && deals_opened.empty() && deals_closed.empty() &&
           deals_reopened.empty() && deals_removed.empty() && deals_changed_state.empty() &&
           same_figures(pipeline_before, pipeline_after) &&
           std::all_of(targets.begin(), targets.end(),
                       [](const target_change& t) { return same_progress(t.before, t.after); }) &&
           findings_appeared.empty() && findings_cleared.empty();
}

std::optional<date> last_fact(const plan& p) noexcept
{
    std::optional<date> last;
    const auto see = [&](date d) {
        if (!last || *last < d)
            last = d;
    };
    for (const auto& a : p.accounts()) {
        if (a.added)
            see(*a.added);
        if (!a.history.empty())
            see(a.history.back().on);
    }
    for (const auto& x : p.activities())
        see(x.on);
    for (const auto& d : p.deals()) {
        see(d.opened);
        for (const auto& e : d.evidence)
            see(e.on);
        for (const auto& c : d.close_date_history)
            see(c.on);
        if (d.last_activity)
            see(*d.last_activity);
        if (d.closed_on)
            see(*d.closed_on);
        if (d.stall)
            see(d.stall->declared_on);
        if (d.declared)
            see(d.declared->on);
        if (d.revived)
            see(d.revived->on);
    }
    return last;
}

plan_changes compare_plans(const plan& before, date before_as_of, const plan& after,
                           date after_as_of, const compare_options& options)
{
    require_same_plan(before, after, options);
    if (after_as_of < before_as_of)
        throw error(errc::invalid_argument,
                    "the earlier date " + before_as_of.to_string() + " is after the later one (" +
                        after_as_of.to_string() + ")",
                    options.before_name + ".as_of");
    require_reviewable(before, before_as_of, options.before_name + ".as_of");
    require_reviewable(after, after_as_of, options.after_name + ".as_of");

    report_options quiet;
    quiet.explain = explanation::none;
    const report then = make_report(before, before_as_of, quiet);
    const report now = make_report(after, after_as_of, quiet);

    plan_changes out;
    out.plan_before = before.name();
    out.plan_after = after.name();
    out.currency = after.settings().currency;
    out.before_as_of = before_as_of;
    out.after_as_of = after_as_of;
    compare_accounts(before, then, now, after, out);
    compare_deals(before, then, after, now, out);
    out.pipeline_before = then.pipeline.overall;
    out.pipeline_after = now.pipeline.overall;
    compare_targets(then, now, out);
    compare_findings(then, now, out);
    return out;
}

plan_changes changes_since(const plan& p, date since, date as_of)
{
    if (as_of < since)
        throw error(errc::invalid_argument,
                    "the date " + since.to_string() + " is after the as-of date (" +
                        as_of.to_string() + ")",
                    "since");
    require_reviewable(p, since, "since");
    require_reviewable(p, as_of, "as_of");
    return compare_plans(p, since, p, as_of, {.before_name = "since", .after_name = "as_of"});
}

} // namespace v1
} // namespace kare
