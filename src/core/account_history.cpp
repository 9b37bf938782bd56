// One account over time, read from the plan as it stood on the date asked:
// its recorded moves, its deals' dated facts, its activity per day.
#include <kare/account_history.hpp>
#include <kare/as_of.hpp>
#include <kare/error.hpp>
#include <kare/honesty.hpp>
#include <kare/plan.hpp>

#include <algorithm>
#include <map>

namespace kare {
inline namespace v1 {

namespace {

std::vector<deal_event> events_of(const deal& d)
{
    std::vector<deal_event> out;
    out.push_back({.on = d.opened, .what = deal_event_kind::opened, .detail = {}, .note = {}});
    for (const auto& e : d.evidence)
        out.push_back({.on = e.on, .what = deal_event_kind::evidence, .detail = e.type, .note = e.source});
    for (const auto& c : d.close_date_history)
        out.push_back({.on = c.on,
                       .what = deal_event_kind::close_date_changed,
                       .detail = c.from.to_string() + " -> " + c.to.to_string(),
                       .note = c.reason});
    for (const auto& c : d.stage_history)
        out.push_back({.on = c.on,
                       .what = deal_event_kind::stage_changed,
                       .detail = c.from + " -> " + c.to,
                       .note = c.reason});
    if (d.stall)
        out.push_back({.on = d.stall->declared_on,
                       .what = deal_event_kind::stall_declared,
                       .detail = d.stall->resume_on.to_string(),
                       .note = d.stall->reason});
    if (d.declared)
        out.push_back({.on = d.declared->on,
                       .what = deal_event_kind::state_declared,
                       .detail = std::string(to_string(d.declared->state)),
                       .note = d.declared->reason});
    if (d.revived)
        out.push_back({.on = d.revived->on,
                       .what = deal_event_kind::revived,
                       .detail = d.revived->died_on.to_string(),
                       .note = d.revived->reason});
    if (d.closed_on)
        out.push_back({.on = *d.closed_on,
                       .what = deal_event_kind::closed,
                       .detail = std::string(to_string(d.outcome)),
                       .note = d.lost_reason});
    std::stable_sort(out.begin(), out.end(), [](const deal_event& a, const deal_event& b) {
        return a.on < b.on || (a.on == b.on && a.what < b.what);
    });
    return out;
}

account_history history_in(const plan& past, std::string_view account_id, date as_of)
{
    const auto index = past.account_index(account_id);
    if (!index)
        throw error(errc::not_found,
                    "no account has the id '" + detail::quoted(account_id) + "' on " +
                        as_of.to_string(),
                    "account");
    const account& a = past.accounts()[*index];
    const placement_outcome where = past.placement_of(*index);
    account_history out;
    out.id = a.id;
    out.name = a.name;
    out.owner = a.owner;
    out.as_of = as_of;
    out.added = a.added;
    out.now = where.result;
    out.basis = where.basis;
    out.moves = a.history;
    for (const deal& d : past.deals()) {
        if (d.account != a.id)
            continue;
        deal_history h;
        h.id = d.id;
        h.amount = d.amount;
        h.stage = d.stage;
        h.expected_close = d.expected_close;
        h.outcome = d.outcome;
        if (d.outcome == deal_outcome::open) {
            const honesty_assessment judged = assess(d, past.honesty(), as_of);
            h.state = judged.state;
            h.reason = judged.reason;
        }
        h.events = events_of(d);
        out.deals.push_back(std::move(h));
    }
    std::map<date, std::size_t> per_day;
    for (const activity& x : past.activities())
        if (x.account == a.id)
            ++per_day[x.on];
    for (const auto& [on, count] : per_day)
        out.activities.push_back({.on = on, .count = count});
    return out;
}

} // namespace

std::string_view to_string(deal_event_kind k) noexcept
{
    switch (k) {
    case deal_event_kind::opened: return "opened";
    case deal_event_kind::evidence: return "evidence";
    case deal_event_kind::close_date_changed: return "close_date_changed";
    case deal_event_kind::stage_changed: return "stage_changed";
    case deal_event_kind::stall_declared: return "stall_declared";
    case deal_event_kind::state_declared: return "state_declared";
    case deal_event_kind::revived: return "revived";
    case deal_event_kind::closed: return "closed";
    }
    return "opened";
}

account_history make_account_history(const plan& p, std::string_view account_id, date as_of)
{
    // Only the plan of a past date is rebuilt; as of its latest facts the plan is itself.
    if (facts_after(p, as_of).total() == 0)
        return history_in(p, account_id, as_of);
    return history_in(plan_as_of(p, as_of), account_id, as_of);
}

} // namespace v1
} // namespace kare
