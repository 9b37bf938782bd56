#include "changes_text.hpp"
#include "columns.hpp"
#include "pipeline_table.hpp"
#include "../render/escape.hpp"

#include <algorithm>

namespace kare::cli {

namespace {

using detail::escape_terminal;

// "Keep", "Expand"; "fired" and "unassigned" stay lower case, as the map writes them.
std::string placement_text(placement p)
{
    std::string name(p.name());
    if (p.is_assigned())
        name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

std::string changed_account_label(const std::string& id, const std::string& name, const std::string& owner)
{
    return escape_terminal(id) + " " + escape_terminal(name) + " (" + escape_terminal(owner) + ")";
}

std::string heading(const std::string& title, std::size_t count)
{
    return "  " + title + " (" + std::to_string(count) + ")\n";
}

void presence_lines(std::string& out, const char* title, const std::vector<account_presence>& list)
{
    if (list.empty())
        return;
    out += heading(title, list.size());
    for (const auto& a : list) {
        out += "    " + changed_account_label(a.id, a.name, a.owner) + ": " + placement_text(a.where);
        if (a.added)
            out += ", added " + a.added->to_string();
        out += "\n";
    }
}

void move_lines(std::string& out, const char* title, const std::vector<account_move>& list)
{
    if (list.empty())
        return;
    out += heading(title, list.size());
    for (const auto& m : list) {
        out += "    " + changed_account_label(m.id, m.name, m.owner) + ": " + placement_text(m.from) +
               " -> " + placement_text(m.to);
        if (!m.fire_action.empty())
            out += " (" + escape_terminal(m.fire_action) + ")";
        if (m.moves.empty())
            out += ", by its " + std::string(to_string(m.basis));
        out += "\n";
        for (const auto& r : m.moves)
            out += "      " + r.on.to_string() + " " + placement_text(r.from) + " -> " +
                   placement_text(r.to) +
                   (r.reason.empty() ? std::string() : ": " + escape_terminal(r.reason)) + "\n";
    }
}

std::string state_text(const std::optional<honesty_state>& s)
{
    return s ? std::string(to_string(*s)) : std::string("closed");
}

std::string deal_label(const deal_change& d)
{
    return escape_terminal(d.id) + " on " + escape_terminal(d.account) +
           (d.rep.empty() ? std::string() : " (" + escape_terminal(d.rep) + ")") + " " +
           grouped(d.amount.to_string());
}

std::string outcome_text(const deal_change& d, deal_outcome o)
{
    std::string out(to_string(o));
    if (o != deal_outcome::open && d.closed_on)
        out += " on " + d.closed_on->to_string();
    if (o == deal_outcome::lost && !d.lost_reason.empty())
        out += " (" + escape_terminal(d.lost_reason) + ")";
    return out;
}

void deal_lines(std::string& out, const char* title, const std::vector<deal_change>& list,
                std::string (*what)(const deal_change&))
{
    if (list.empty())
        return;
    out += heading(title, list.size());
    for (const auto& d : list)
        out += "    " + deal_label(d) + ": " + what(d) + "\n";
}

std::string opened_text(const deal_change& d)
{
    return "opened " + d.opened.to_string() + ", " +
           (d.outcome_after == deal_outcome::open ? state_text(d.state_after)
                                                  : outcome_text(d, d.outcome_after));
}

std::string closed_text(const deal_change& d)
{
    return outcome_text(d, d.outcome_after) + ", was " + state_text(d.state_before);
}

std::string reopened_text(const deal_change& d)
{
    return std::string(to_string(d.outcome_before)) + " -> " +
           (d.outcome_after == deal_outcome::open ? "open, " + state_text(d.state_after)
                                                  : outcome_text(d, d.outcome_after));
}

std::string removed_text(const deal_change& d)
{
    return "no longer in the plan, was " + (d.outcome_before == deal_outcome::open
                                                ? state_text(d.state_before)
                                                : outcome_text(d, d.outcome_before));
}

// The reason names the new state first ("dead: no activity for …").
std::string state_change_text(const deal_change& d)
{
    return "was " + state_text(d.state_before) + ", now " +
           (d.reason.empty() ? state_text(d.state_after) : escape_terminal(d.reason));
}

std::string pipeline_row(const char* label, const std::string& then, const std::string& now)
{
    return "  " + pad(label, 14) + pad(then, 16, true) + pad(now, 16, true) + "\n";
}

std::string progress_text(const std::optional<period_progress>& p)
{
    if (!p)
        return "-";
    std::string status(to_string(p->status));
    std::replace(status.begin(), status.end(), '_', ' ');
    return p->label + " " + std::to_string(p->done) + " of " + std::to_string(p->target) + ", " +
           status;
}

std::string target_name(const target_change& t)
{
    std::string cat(to_string(t.goal.cat));
    cat.front() = static_cast<char>(cat.front() - 'a' + 'A');
    return cat + ": " + std::to_string(t.goal.count) + " " + t.activity_name + " a " +
           std::string(to_string(t.goal.per)) +
           (t.goal.scope == target_scope::account ? " per account" : "");
}

std::string pace_change(const target_change& t)
{
    const bool then = t.before && keeps_pace(*t.before);
    const bool now = t.after && keeps_pace(*t.after);
    if (!t.before || !t.after || then == now)
        return {};
    return now ? "  (now on pace)" : "  (fell behind)";
}

void finding_lines(std::string& out, const char* title, const std::vector<finding>& list)
{
    if (list.empty())
        return;
    out += heading(title, list.size());
    for (const auto& f : list)
        out += "    " + pad(std::string(to_string(f.severity)), 9) + f.code +
               (f.subject_id.empty() ? std::string() : " " + escape_terminal(f.subject_id)) +
               ": " + escape_terminal(f.message) + "\n";
}

} // namespace

std::string render_changes_text(const plan_changes& c)
{
    std::string out = "What changed: " + escape_terminal(c.plan_after) + ", " +
                      c.before_as_of.to_string() + " -> " + c.after_as_of.to_string() + "\n";
    if (c.plan_before != c.plan_after)
        out += "Renamed from: " + escape_terminal(c.plan_before) + "\n";
    if (c.empty())
        return out + "\nNothing changed.\n";

    const std::size_t account_changes = c.accounts_added.size() + c.accounts_removed.size() +
                                        c.accounts_moved.size() + c.accounts_fired.size();
    out += "\nAccounts\n";
    if (account_changes == 0)
        out += "  no account added, removed, moved or fired\n";
    presence_lines(out, "added", c.accounts_added);
    presence_lines(out, "removed", c.accounts_removed);
    move_lines(out, "moved", c.accounts_moved);
    move_lines(out, "fired", c.accounts_fired);

    const std::size_t deal_changes = c.deals_opened.size() + c.deals_closed.size() +
                                     c.deals_reopened.size() + c.deals_removed.size() +
                                     c.deals_changed_state.size();
    out += "\nDeals\n";
    if (deal_changes == 0)
        out += "  no deal opened, closed or changing state\n";
    deal_lines(out, "opened", c.deals_opened, opened_text);
    deal_lines(out, "closed", c.deals_closed, closed_text);
    deal_lines(out, "reopened", c.deals_reopened, reopened_text);
    deal_lines(out, "removed", c.deals_removed, removed_text);
    deal_lines(out, "changed state", c.deals_changed_state, state_change_text);

    out += "\nOpen pipeline (" + escape_terminal(c.currency) + ")\n";
    out += pipeline_row("", c.before_as_of.to_string(), c.after_as_of.to_string());
    const auto& b = c.pipeline_before;
    const auto& a = c.pipeline_after;
    out += pipeline_row("open deals", std::to_string(b.open_deals), std::to_string(a.open_deals));
    out += pipeline_row("total", grouped(b.total.to_string()), grouped(a.total.to_string()));
    out += pipeline_row("honest", grouped(b.honest_total.to_string()),
                        grouped(a.honest_total.to_string()));
    out += pipeline_row("hope", grouped(b.hope_total.to_string()), grouped(a.hope_total.to_string()));
    out += pipeline_row("bloat", bloat_percent(b), bloat_percent(a));

    if (!c.targets.empty()) {
        out += "\nCookbook targets, the current period then and now\n";
        std::size_t rep_width = 4;
        std::size_t name_width = 7;
        for (const auto& t : c.targets) {
            rep_width = std::max(rep_width, t.rep.size() + 2);
            name_width = std::min<std::size_t>(std::max(name_width, target_name(t).size() + 2), 60);
        }
        out += "  " + pad("rep", rep_width) + pad("target", name_width) +
               pad(c.before_as_of.to_string(), 32) + c.after_as_of.to_string() + "\n";
        for (const auto& t : c.targets)
            out += "  " + pad(t.rep, rep_width) + pad(target_name(t), name_width) +
                   pad(progress_text(t.before), 32) + escape_terminal(progress_text(t.after)) +
                   pace_change(t) + "\n";
    }

    out += "\nFindings\n";
    if (c.findings_appeared.empty() && c.findings_cleared.empty())
        out += "  none appeared or cleared\n";
    finding_lines(out, "appeared", c.findings_appeared);
    finding_lines(out, "cleared", c.findings_cleared);
    return out;
}

} // namespace kare::cli
