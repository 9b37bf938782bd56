#include "review_sections.hpp"
#include "row_budget.hpp"
#include "escape.hpp"

#include <kare/percent.hpp>

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

// A named namespace: html.cpp's helpers live in an anonymous one, and a
// unity build puts both files in one translation unit.
namespace page {

std::string td(const std::string& text, const char* attrs = "")
{
    return std::string("<td") + attrs + ">" + escape_xml(text) + "</td>";
}

std::string td_markup(const std::string& html, const char* attrs = "")
{
    return std::string("<td") + attrs + ">" + html + "</td>";
}

std::string id_of(const std::string& id)
{
    return "<span class=\"id\">" + escape_xml(id) + "</span>";
}

std::string category_name(category c)
{
    std::string name(to_string(c));
    name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

// "1234567.50" -> "1,234,567.50": exact, as the money is.
std::string amount(const money& m)
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

// Names by account id, for the sections that only have ids.
using names = std::map<std::string_view, const account_result*, std::less<>>;

names account_names(const report& r)
{
    names by_id;
    for (const account_result& a : r.accounts)
        by_id.emplace(a.id, &a);
    return by_id;
}

std::string account_markup(const names& by_id, const std::string& id)
{
    auto it = by_id.find(id);
    if (it == by_id.end() || it->second->name.empty())
        return id_of(id);
    return escape_xml(it->second->name) + " " + id_of(id);
}

std::string rep_heading(const std::string& id, const std::string& name)
{
    return "<h3>" + (name.empty() ? escape_xml(id) : escape_xml(name) + " " + id_of(id)) +
           "</h3>\n";
}

// A bar drawn with CSS: done against target, with a tick where pace is.
std::string bar(std::int64_t done, std::int64_t expected, std::int64_t target)
{
    const auto share = [&](std::int64_t n) {
        return target > 0 ? std::to_string(std::clamp<std::int64_t>(n * 100 / target, 0, 100)) : "0";
    };
    return "<span class=\"bar\" aria-hidden=\"true\"><span class=\"done\" style=\"width:" +
           share(done) + "%\"></span><span class=\"pace\" style=\"left:" + share(expected) +
           "%\"></span></span>";
}

std::string status_words(progress_status s)
{
    switch (s) {
    case progress_status::not_started: return "not started";
    case progress_status::behind: return "behind";
    case progress_status::on_track: return "on track";
    case progress_status::ahead: return "ahead";
    }
    return std::string(to_string(s));
}

void deal_table(std::string& out, const report& r, const names& by_id, const char* id,
                const std::vector<const hope_deal*>& deals, std::size_t rows)
{
    row_budget budget(rows);
    out += "<div class=\"scroll\"><table id=\"" + std::string(id) +
           "\">\n<tr><th>deal</th><th>account</th><th>rep</th><th class=\"num\">amount</th>"
           "<th>state</th><th>why</th></tr>\n";
    for (const hope_deal* d : deals)
        if (budget.take())
            out += "<tr>" + td_markup(id_of(d->id)) + td_markup(account_markup(by_id, d->account)) +
                   td(d->rep) + td(r.pipeline.currency + " " + amount(d->amount), " class=\"num\"") +
                   td(std::string(to_string(d->state)), " class=\"state\"") + td(d->reason) + "</tr>\n";
    out += "</table></div>\n";
    rows_left_out(out, budget, deals.size(), "deals", report_document);
}

// A group of findings about one thing: its key and how it is titled.
struct finding_group {
    std::string heading; // markup
    std::vector<const finding*> findings;
};

} // namespace page

// The one rounding rule every effort figure follows (kare/percent.hpp), so the
// table and the effort findings never disagree.
std::string share_text(std::int64_t part, std::int64_t whole)
{
    if (whole <= 0)
        return "-";
    return std::to_string(whole_percent(part, whole)) + "%";
}

void progress_section(std::string& out, const report& r)
{
    using namespace page;
    out += "<section id=\"progress\">\n<h2>Cookbook progress</h2>\n";
    out += "<p>This period's count of each cookbook activity: done so far, where pace is today "
           "(the target pro-rated to the day), and the whole period's target.</p>\n";
    if (r.progress.reps.empty())
        out += "<p>No rep in scope has cookbook targets.</p>\n";
    for (const rep_progress& rep : r.progress.reps) {
        out += rep_heading(rep.id, rep.name);
        if (rep.targets.empty()) {
            out += "<p>No targets apply: the rep has no accounts in a quadrant with targets.</p>\n";
            continue;
        }
        out += "<div class=\"scroll\"><table class=\"progress\">\n<tr><th>quadrant</th>"
               "<th>activity</th><th>period</th><th class=\"num\">done</th>"
               "<th class=\"num\">pace</th><th class=\"num\">target</th><th></th>"
               "<th>status</th></tr>\n";
        for (const target_progress& t : rep.targets) {
            const period_progress& c = t.current;
            std::string what = escape_xml(t.activity_name);
            if (t.goal.scope == target_scope::account)
                what += " <span class=\"note\">(" + std::to_string(t.accounts) + " \xC3\x97 " +
                        std::to_string(t.goal.count) + ")</span>";
            std::vector<std::string> short_of;
            for (const account_progress& a : t.by_account)
                if (a.current.done < a.current.target)
                    short_of.push_back(escape_xml(a.name.empty() ? a.id : a.name) + " " +
                                       std::to_string(a.current.done) + "/" +
                                       std::to_string(a.current.target));
            if (!short_of.empty()) {
                what += "<br><span class=\"note\">short: ";
                for (std::size_t i = 0; i < short_of.size(); ++i)
                    what += (i ? ", " : "") + short_of[i];
                what += "</span>";
            }
            const std::string status(to_string(c.status));
            out += "<tr class=\"" + status + "\">" + td(category_name(t.goal.cat)) +
                   td_markup(what) + td(c.label) +
                   td(std::to_string(c.done), " class=\"num\"") +
                   td(std::to_string(c.expected), " class=\"num\"") +
                   td(std::to_string(c.target), " class=\"num\"") +
                   td_markup(bar(c.done, c.expected, c.target)) +
                   td(status_words(c.status), " class=\"status\"") + "</tr>\n";
        }
        out += "</table></div>\n";
    }
    out += "</section>\n";
}

void pipeline_section(std::string& out, const report& r, std::size_t rows)
{
    using namespace page;
    const pipeline_report& p = r.pipeline;
    const pipeline_totals& t = p.overall;
    const names by_id = account_names(r);
    out += "<section id=\"pipeline\">\n<h2>Pipeline: honest, hope and dead</h2>\n";
    out += "<p>" + std::to_string(t.open_deals) + (t.open_deals == 1 ? " open deal" : " open deals") +
           " worth " + escape_xml(p.currency + " " + amount(t.total)) + "; honest (qualified) " +
           escape_xml(p.currency + " " + amount(t.honest_total)) + ", hope " +
           escape_xml(p.currency + " " + amount(t.hope_total));
    if (auto bloat = t.bloat_ratio()) {
        ratio percent = *bloat;
        percent.numerator *= 100;
        out += " (" + percent.to_decimal(0) + "% of the pipeline is not qualified)";
    }
    out += ". Only the honest total is money to forecast.</p>\n";
    std::vector<const hope_deal*> hope;
    std::vector<const hope_deal*> dead;
    for (const hope_deal& d : p.hope)
        (d.state == honesty_state::dead ? dead : hope).push_back(&d);
    out += "<h3>Hope deals (" + std::to_string(hope.size()) + ")</h3>\n";
    if (hope.empty())
        out += "<p>None: every open deal that is not dead is qualified.</p>\n";
    else
        deal_table(out, r, by_id, "hope-deals", hope, rows);
    out += "<h3>Dead deals (" + std::to_string(dead.size()) + ")</h3>\n";
    if (dead.empty())
        out += "<p>None.</p>\n";
    else {
        out += "<p>Still open in the CRM, but dead: close them as lost or revive them with "
               "evidence.</p>\n";
        deal_table(out, r, by_id, "dead-deals", dead, rows);
    }
    out += "</section>\n";
}

void effort_section(std::string& out, const report& r)
{
    using namespace page;
    out += "<section id=\"effort\">\n<h2>Effort mix</h2>\n";
    if (r.progress.reps.empty())
        out += "<p>No rep in scope.</p>\n";
    for (const rep_progress& rep : r.progress.reps) {
        const effort_summary& e = rep.effort;
        out += rep_heading(rep.id, rep.name);
        out += "<p>Activities logged from " + e.first.to_string() + " to " + e.last.to_string() +
               ": " + std::to_string(e.total) + " toward a quadrant" +
               (e.uncategorised > 0
                    ? ", " + std::to_string(e.uncategorised) + " on fired or unassigned accounts"
                    : std::string()) +
               ".</p>\n";
        out += "<div class=\"scroll\"><table class=\"effort\">\n<tr><th>quadrant</th>"
               "<th class=\"num\">accounts</th><th class=\"num\">activities</th>"
               "<th class=\"num\">share</th><th class=\"num\">intended</th></tr>\n";
        for (category c : all_categories) {
            const category_effort& ce = e.categories[static_cast<std::size_t>(c)];
            out += "<tr>" + td(category_name(c)) + td(std::to_string(ce.accounts), " class=\"num\"") +
                   td(std::to_string(ce.activities), " class=\"num\"") +
                   td(share_text(ce.activities, e.total), " class=\"num\"") +
                   td(std::to_string(ce.intended_percent) + "%", " class=\"num\"") + "</tr>\n";
        }
        out += "</table></div>\n";
    }
    out += "</section>\n";
}

void playbook_section(std::string& out, const map_view& view)
{
    using namespace page;
    out += "<section id=\"playbook\">\n<h2>Playbook</h2>\n<div class=\"plays\">\n";
    for (category c : {category::keep, category::expand, category::attain, category::recapture}) {
        const playbook& book = view.quadrants[static_cast<std::size_t>(c)].playbook;
        out += "<div class=\"play " + std::string(to_string(c)) + "\">\n<h3>" + category_name(c) +
               "</h3>\n";
        if (!book.actions.empty()) {
            out += "<ul class=\"actions\">\n";
            for (const play_action& a : book.actions)
                out += "<li><b>" + escape_xml(a.name) + "</b>" +
                       (a.description.empty() ? std::string() : ": " + escape_xml(a.description)) +
                       "</li>\n";
            out += "</ul>\n";
        }
        if (!book.questions.empty()) {
            out += "<p class=\"ask\">Questions to ask</p>\n<ul class=\"questions\">\n";
            for (const std::string& q : book.questions)
                out += "<li>" + escape_xml(q) + "</li>\n";
            out += "</ul>\n";
        }
        out += "</div>\n";
    }
    out += "</div>\n</section>\n";
}

void findings_section(std::string& out, const report& r, std::size_t rows)
{
    using namespace page;
    const names by_id = account_names(r);
    std::map<std::string_view, std::string_view> account_of_deal;
    for (const deal_line& d : r.pipeline.deals)
        account_of_deal.emplace(d.id, d.account);

    // Groups in the order their first finding comes: the report lists errors
    // first, so the worst groups lead.
    std::vector<page::finding_group> groups;
    std::map<std::string, std::size_t> slot;
    for (const finding& f : r.findings) {
        std::string key;
        std::string heading;
        if (f.subject == subject_kind::account ||
            (f.subject == subject_kind::deal && account_of_deal.count(f.subject_id))) {
            const std::string account = f.subject == subject_kind::account
                                            ? f.subject_id
                                            : std::string(account_of_deal.at(f.subject_id));
            key = "account " + account;
            heading = account_markup(by_id, account);
            if (auto it = by_id.find(account); it != by_id.end())
                heading += " <span class=\"note\">" + escape_xml(it->second->outcome.result.name()) +
                           (it->second->owner.empty() ? std::string()
                                                      : ", " + escape_xml(it->second->owner)) +
                           "</span>";
        } else if (f.subject == subject_kind::rep) {
            key = "rep " + f.subject_id;
            heading = "Rep " + escape_xml(f.subject_id);
            for (const rep_progress& rp : r.progress.reps)
                if (rp.id == f.subject_id && !rp.name.empty())
                    heading = "Rep " + escape_xml(rp.name) + " " + id_of(rp.id);
        } else if (f.subject == subject_kind::deal) {
            key = "deal " + f.subject_id;
            heading = "Deal " + id_of(f.subject_id);
        } else {
            key = "plan";
            heading = "The plan";
        }
        auto [it, added] = slot.emplace(key, groups.size());
        if (added)
            groups.push_back({heading, {}});
        groups[it->second].findings.push_back(&f);
    }

    out += "<section id=\"findings\">\n<h2>Findings (" + std::to_string(r.findings.size()) +
           ")</h2>\n";
    if (groups.empty())
        out += "<p>None: the plan holds together.</p>\n";
    else
        out += "<p>Grouped by what they are about, the worst first; each code is stable "
               "(<code>kare codes</code> explains it).</p>\n";
    row_budget budget(rows);
    for (const page::finding_group& g : groups) {
        if (!budget.take()) { // the group's first finding: none shown, no heading
            for (std::size_t k = 1; k < g.findings.size(); ++k)
                budget.take();
            continue;
        }
        out += "<div class=\"group\">\n<h3>" + g.heading + "</h3>\n<ul>\n";
        for (std::size_t k = 0; k < g.findings.size(); ++k) {
            const finding* f = g.findings[k];
            if (k > 0 && !budget.take())
                continue;
            const std::string severity(to_string(f->severity));
            std::string about;
            if (f->subject == subject_kind::deal)
                about = "Deal " + id_of(f->subject_id) + ": ";
            out += "<li class=\"" + severity + "\"><span class=\"severity\">" + severity +
                   "</span> " + about + escape_xml(f->message) + " <span class=\"code\">" +
                   escape_xml(f->code) + "</span></li>\n";
        }
        out += "</ul>\n</div>\n";
    }
    rows_left_out(out, budget, r.findings.size(), "findings, worst first,", report_document);
    out += "</section>\n";
}

} // namespace detail
} // namespace v1
} // namespace kare
