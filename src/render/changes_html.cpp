#include "changes_html.hpp"
#include "row_budget.hpp"
#include "escape.hpp"

namespace kare {
inline namespace v1 {
namespace detail {

// A named namespace: the page's other sections keep helpers of the same
// names, and a unity build puts them in one translation unit.
namespace changes_page {

std::string placement_name(placement p)
{
    std::string name(p.name());
    if (p.is_assigned())
        name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

std::string money_text(const money& m)
{
    std::string text = m.to_string();
    const std::size_t sign = !text.empty() && text.front() == '-' ? 1 : 0;
    std::size_t point = text.find('.');
    if (point == std::string::npos)
        point = text.size();
    for (std::size_t i = point; i > sign + 3; i -= 3)
        text.insert(i - 3, ",");
    return text;
}

std::string bloat_text(const pipeline_totals& t)
{
    const auto r = t.bloat_ratio();
    if (!r)
        return "-";
    ratio percent = *r;
    percent.numerator *= 100;
    return percent.to_decimal(1) + "%";
}

std::string cell(const std::string& text, bool figure = false)
{
    return std::string(figure ? "<td class=\"num\">" : "<td>") + escape_xml(text) + "</td>";
}

std::string id_cell(const std::string& id)
{
    return "<td><span class=\"id\">" + escape_xml(id) + "</span></td>";
}

std::string state_name(const std::optional<honesty_state>& s)
{
    return s ? std::string(to_string(*s)) : std::string();
}

std::string outcome_name(const deal_change& d, deal_outcome o)
{
    std::string text(to_string(o));
    if (o != deal_outcome::open && d.closed_on)
        text += " on " + d.closed_on->to_string();
    if (o == deal_outcome::lost && !d.lost_reason.empty())
        text += " (" + d.lost_reason + ")";
    return text;
}

// Then and now of one deal, in words.
std::string then_text(const deal_change& d)
{
    return d.outcome_before == deal_outcome::open ? state_name(d.state_before)
                                                  : outcome_name(d, d.outcome_before);
}

std::string now_text(const deal_change& d)
{
    return d.outcome_after == deal_outcome::open ? state_name(d.state_after)
                                                 : outcome_name(d, d.outcome_after);
}

void account_rows(std::string& out, const char* change, const std::vector<account_presence>& list,
                  row_budget& budget)
{
    for (const auto& a : list)
        if (budget.take())
            out += "<tr>" + cell(change) + id_cell(a.id) + cell(a.name) + cell(a.owner) +
                   cell(std::string(change) == "added" ? "" : placement_name(a.where)) +
                   cell(std::string(change) == "added" ? placement_name(a.where) : "") +
                   cell(a.added ? "added " + a.added->to_string() : std::string()) + "</tr>\n";
}

void move_rows(std::string& out, const char* change, const std::vector<account_move>& list,
               row_budget& budget)
{
    for (const auto& m : list) {
        if (!budget.take())
            continue;
        std::string why;
        for (const auto& r : m.moves)
            why += (why.empty() ? "" : "<br>") + escape_xml(r.on.to_string()) + " " +
                   escape_xml(placement_name(r.from)) + " &#8594; " +
                   escape_xml(placement_name(r.to)) +
                   (r.reason.empty() ? std::string() : ": " + escape_xml(r.reason));
        if (m.moves.empty())
            why = "by its " + escape_xml(std::string(to_string(m.basis)));
        if (!m.fire_action.empty())
            why += "<br>action: " + escape_xml(m.fire_action);
        out += "<tr>" + cell(change) + id_cell(m.id) + cell(m.name) + cell(m.owner) +
               cell(placement_name(m.from)) + cell(placement_name(m.to)) + "<td>" + why +
               "</td></tr>\n";
    }
}

void deal_rows(std::string& out, const char* change, const std::vector<deal_change>& list,
               row_budget& budget)
{
    for (const auto& d : list)
        if (budget.take())
            out += "<tr>" + cell(change) + id_cell(d.id) + cell(d.account) + cell(d.rep) +
                   cell(money_text(d.amount), true) +
                   cell(std::string(change) == "opened" ? "" : then_text(d)) +
                   cell(std::string(change) == "removed" ? "" : now_text(d)) + cell(d.reason) +
                   "</tr>\n";
}

std::string progress_cell(const std::optional<period_progress>& p)
{
    if (!p)
        return cell("");
    std::string status(to_string(p->status));
    return "<td class=\"" + status + "\">" + escape_xml(p->label) + ": " +
           std::to_string(p->done) + " of " + std::to_string(p->target) + ", <span class=\"status\">" +
           escape_xml(status) + "</span></td>";
}

void finding_rows(std::string& out, const char* change, const std::vector<finding>& list,
                  row_budget& budget)
{
    for (const auto& f : list)
        if (budget.take())
            out += "<tr>" + cell(change) + cell(std::string(to_string(f.severity))) +
                   "<td><span class=\"code\">" + escape_xml(f.code) + "</span></td>" +
                   id_cell(f.subject_id) + cell(f.message) + "</tr>\n";
}

} // namespace changes_page

void changes_section(std::string& out, const plan_changes& c, std::size_t rows)
{
    using namespace changes_page;
    out += "<section id=\"changes\">\n<h2>What changed</h2>\n";
    out += "<p>From " + escape_xml(c.before_as_of.to_string()) +
           (c.plan_before == c.plan_after ? std::string()
                                          : " (" + escape_xml(c.plan_before) + ")") +
           " to " + escape_xml(c.after_as_of.to_string()) + ".</p>\n";
    if (c.empty()) {
        out += "<p>Nothing changed.</p>\n</section>\n";
        return;
    }

    out += "<h3>Accounts</h3>\n";
    if (c.accounts_added.empty() && c.accounts_removed.empty() && c.accounts_moved.empty() &&
        c.accounts_fired.empty()) {
        out += "<p>No account added, removed, moved or fired.</p>\n";
    } else {
        out += "<div class=\"scroll\"><table>\n<tr><th>change</th><th>account</th><th>name</th>"
               "<th>owner</th><th>then</th><th>now</th><th>recorded</th></tr>\n";
        row_budget budget(rows);
        account_rows(out, "added", c.accounts_added, budget);
        account_rows(out, "removed", c.accounts_removed, budget);
        move_rows(out, "moved", c.accounts_moved, budget);
        move_rows(out, "fired", c.accounts_fired, budget);
        out += "</table></div>\n";
        rows_left_out(out, budget,
                      c.accounts_added.size() + c.accounts_removed.size() +
                          c.accounts_moved.size() + c.accounts_fired.size(),
                      "account changes", changes_document);
    }

    out += "<h3>Deals</h3>\n";
    if (c.deals_opened.empty() && c.deals_closed.empty() && c.deals_reopened.empty() &&
        c.deals_removed.empty() && c.deals_changed_state.empty()) {
        out += "<p>No deal opened, closed or changing state.</p>\n";
    } else {
        out += "<div class=\"scroll\"><table>\n<tr><th>change</th><th>deal</th><th>account</th>"
               "<th>rep</th><th>amount</th><th>then</th><th>now</th><th>why</th></tr>\n";
        row_budget budget(rows);
        deal_rows(out, "opened", c.deals_opened, budget);
        deal_rows(out, "closed", c.deals_closed, budget);
        deal_rows(out, "reopened", c.deals_reopened, budget);
        deal_rows(out, "removed", c.deals_removed, budget);
        deal_rows(out, "changed state", c.deals_changed_state, budget);
        out += "</table></div>\n";
        rows_left_out(out, budget,
                      c.deals_opened.size() + c.deals_closed.size() + c.deals_reopened.size() +
                          c.deals_removed.size() + c.deals_changed_state.size(),
                      "deal changes", changes_document);
    }

    out += "<h3>Open pipeline (" + escape_xml(c.currency) + ")</h3>\n<div class=\"scroll\"><table>\n<tr><th></th><th>" +
           escape_xml(c.before_as_of.to_string()) + "</th><th>" +
           escape_xml(c.after_as_of.to_string()) + "</th></tr>\n";
    const auto row = [&](const char* label, const std::string& then, const std::string& now) {
        out += "<tr><th>" + std::string(label) + "</th>" + cell(then, true) + cell(now, true) +
               "</tr>\n";
    };
    const auto& b = c.pipeline_before;
    const auto& a = c.pipeline_after;
    row("open deals", std::to_string(b.open_deals), std::to_string(a.open_deals));
    row("total", money_text(b.total), money_text(a.total));
    row("honest", money_text(b.honest_total), money_text(a.honest_total));
    row("hope", money_text(b.hope_total), money_text(a.hope_total));
    row("bloat", bloat_text(b), bloat_text(a));
    out += "</table></div>\n";

    if (!c.targets.empty()) {
        out += "<h3>Cookbook targets, the current period then and now</h3>\n"
               "<div class=\"scroll\"><table>\n<tr><th>rep</th><th>category</th><th>activity</th>"
               "<th>target</th><th>then</th><th>now</th></tr>\n";
        row_budget budget(rows);
        for (const auto& t : c.targets)
            if (budget.take())
                out += "<tr>" + id_cell(t.rep) + cell(std::string(to_string(t.goal.cat))) +
                   cell(t.activity_name) +
                   cell(std::to_string(t.goal.count) + " a " + std::string(to_string(t.goal.per)) +
                        (t.goal.scope == target_scope::account ? " per account" : "")) +
                   progress_cell(t.before) + progress_cell(t.after) + "</tr>\n";
        out += "</table></div>\n";
        rows_left_out(out, budget, c.targets.size(), "targets", changes_document);
    }

    out += "<h3>Findings</h3>\n";
    if (c.findings_appeared.empty() && c.findings_cleared.empty()) {
        out += "<p>None appeared or cleared.</p>\n";
    } else {
        out += "<div class=\"scroll\"><table>\n<tr><th>change</th><th>severity</th><th>code</th>"
               "<th>about</th><th>finding</th></tr>\n";
        row_budget budget(rows);
        finding_rows(out, "appeared", c.findings_appeared, budget);
        finding_rows(out, "cleared", c.findings_cleared, budget);
        out += "</table></div>\n";
        rows_left_out(out, budget, c.findings_appeared.size() + c.findings_cleared.size(),
                      "findings that appeared or cleared", changes_document);
    }
    out += "</section>\n";
}

} // namespace detail
} // namespace v1
} // namespace kare
