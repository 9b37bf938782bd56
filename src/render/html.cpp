// The HTML review page: the map, the scoreboard, then the one-to-one parts
// (progress, the pipeline's hope and dead deals, the effort mix, the moves,
// the playbooks, the findings by account), then the priorities with their
// terms, the focus lists, the heat map and the accounts. Self-contained: no
// scripts, no external resources.
#include "escape.hpp"
#include "changes_html.hpp"
#include "review_sections.hpp"
#include "row_budget.hpp"
#include "scoreboard_html.hpp"

#include <kare/as_of.hpp>
#include <kare/render.hpp>

#include <charconv>
#include <string_view>
#include <unordered_map>

namespace kare {
inline namespace v1 {

namespace {

using detail::escape_xml;

std::string cell(const std::string& text, const char* attrs = "")
{
    return std::string("<td") + attrs + ">" + escape_xml(text) + "</td>";
}

// A cell whose content is already markup.
std::string markup_cell(const std::string& html, const char* attrs = "")
{
    return std::string("<td") + attrs + ">" + html + "</td>";
}

// Ids such as "FLX-006" would otherwise wrap at their hyphen.
std::string id_span(const std::string& id)
{
    return "<span class=\"id\">" + escape_xml(id) + "</span>";
}

std::string named_id(const std::string& name, const std::string& id)
{
    return escape_xml(name) + " (" + id_span(id) + ")";
}

std::string comma_separated(const std::vector<std::string>& items, const char* sep = ", ")
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? sep : "") + items[i];
    return out;
}

std::string comma_separated(const std::vector<category>& cats)
{
    std::vector<std::string> names;
    for (category c : cats)
        names.emplace_back(to_string(c));
    return comma_separated(names);
}

// 1234567.891 -> "1,234,567.89": fixed decimals, grouped, locale-free.
std::string decimal(double x, int places = 2)
{
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, places);
    if (ec != std::errc())
        return "?";
    std::string text(buf, end);
    const std::size_t sign = text.front() == '-' ? 1 : 0;
    std::size_t point = text.find('.');
    if (point == std::string::npos)
        point = text.size();
    for (std::size_t i = point; i > sign + 3; i -= 3)
        text.insert(i - 3, ",");
    return text;
}

std::string title_case(category c)
{
    std::string name(to_string(c));
    name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

void moves_table(std::string& out, const report& r, std::size_t rows)
{
    std::unordered_map<std::string_view, std::string_view> name_of;
    if (!r.suggested_moves.empty())
        for (const account_result& a : r.accounts)
            name_of.emplace(a.id, a.name);
    detail::row_budget budget(rows);
    out += "<h2>Suggested moves (" + std::to_string(r.suggested_moves.size()) + ")</h2>\n";
    out += "<p>Proposed from the facts, never applied: accepting one is a move with this reason, "
           "recorded in the account's history.</p>\n";
    out += "<div class=\"scroll\"><table id=\"moves\">\n<tr><th>account</th><th>from</th><th>to</th><th>evidence</th>"
           "<th>reason</th></tr>\n";
    for (const suggested_move& m : r.suggested_moves) {
        if (!budget.take())
            continue;
        std::vector<std::string> evidence;
        for (const won_deal& w : m.won_deals)
            evidence.push_back("won " + w.id + " on " + w.on.to_string() + " (" +
                               w.amount.to_string() + ")");
        if (m.last_purchase)
            evidence.push_back("last purchase " + m.last_purchase->to_string() + ", " +
                               std::to_string(m.days_since_purchase) + " days ago (window " +
                               std::to_string(m.lapse_days) + ")");
        const auto named = name_of.find(m.account);
        const std::string name(named == name_of.end() ? std::string_view() : named->second);
        out += "<tr>" + markup_cell(name.empty() ? id_span(m.account) : named_id(name, m.account)) +
               cell(title_case(m.from)) + cell(title_case(m.to)) +
               cell(comma_separated(evidence, "; ")) + cell(m.reason) + "</tr>\n";
    }
    out += "</table></div>\n";
    detail::rows_left_out(out, budget, r.suggested_moves.size(), "suggested moves",
                          detail::report_document);
}

void priorities_table(std::string& out, const report& r, std::size_t rows)
{
    detail::row_budget budget(rows);
    out += "<h2>Priorities (" + std::to_string(r.priorities.size()) + ")</h2>\n";
    out += "<p>score = expected value / cost; expected value = (revenue, or the potential value "
           "of a prospect or former client without revenue, + qualified pipeline) &#215; growth "
           "factor &#215; win probability; cost = cost of pursuit &#215; the existing-client "
           "fraction for clients, the recapture fraction for former clients.</p>\n";
    out += "<div class=\"scroll\"><table id=\"priorities\">\n<tr><th>rank</th><th>account</th><th>category</th>"
           "<th>owner</th><th>focus</th><th>score</th><th>expected value</th><th>value</th>"
           "<th>growth potential</th><th>risk: win probability</th><th>cost of pursuit</th></tr>\n";
    for (const account_priority& line : r.priorities) {
        if (!budget.take())
            continue;
        const priority_terms& t = line.terms;
        const auto level = [](const std::string& name) { return name.empty() ? std::string("not set") : name; };
        out += "<tr>" + cell(std::to_string(line.rank)) + markup_cell(named_id(line.name, line.id)) +
               cell(title_case(line.cat) + " #" + std::to_string(line.rank_in_category)) +
               cell(line.owner) + cell(line.focus ? "yes" : "") +
               cell(decimal(t.score), " class=\"num\"") +
               cell(decimal(t.expected_value), " class=\"num\"") +
               cell(decimal(t.value), " class=\"num\"") +
               cell(level(t.growth_potential) + ": \xC3\x97" + decimal(t.growth_factor, 1)) +
               cell(level(t.risk) + ": " + decimal(t.win_probability, 1)) +
               cell(level(t.cost_of_pursuit) + ": " + decimal(t.pursuit_cost, 0) +
                    (t.existing_client || t.former_client ? " \xC3\x97 " + decimal(t.cost_fraction, 3) + " = " +
                                             decimal(t.cost, 3)
                                       : std::string())) +
               "</tr>\n";
    }
    out += "</table></div>\n";
    detail::rows_left_out(out, budget, r.priorities.size(), "priorities, highest first,",
                          detail::report_document);
}

void focus_table(std::string& out, const report& r, std::size_t rows)
{
    detail::row_budget budget(rows);
    out += "<h2>Focus lists</h2>\n";
    out += "<div class=\"scroll\"><table id=\"focus\">\n<tr><th>rep</th><th>quadrant</th><th>focus list</th>"
           "<th>accounts in the quadrant</th><th>chosen by</th></tr>\n";
    for (const focus_list& list : r.focus_lists) {
        if (!budget.take())
            continue;
        std::vector<std::string> ids;
        for (const std::string& id : list.accounts)
            ids.push_back(id_span(id));
        out += "<tr>" + cell(list.rep) + cell(title_case(list.cat)) + markup_cell(comma_separated(ids)) +
               cell(std::to_string(list.in_category), " class=\"num\"") +
               cell(list.named ? "the plan" : "priority") + "</tr>\n";
    }
    out += "</table></div>\n";
    detail::rows_left_out(out, budget, r.focus_lists.size(), "focus lists",
                          detail::report_document);
}

void heat_map_table(std::string& out, const report& r, std::size_t rows)
{
    detail::row_budget budget(rows);
    const heat_map& map = r.heat_map;
    out += "<h2>Heat map</h2>\n";
    if (map.products.empty()) {
        out += "<p>The plan has no product catalogue: whitespace is measured against what the "
               "organisation sells.</p>\n";
        return;
    }
    out += "<div class=\"scroll\"><table id=\"heat-map\">\n<tr><th>account</th><th>quadrant</th>";
    for (const product& p : map.products)
        out += "<th>" + escape_xml(p.name.empty() ? p.id : p.name) + "</th>";
    out += "<th>whitespace</th></tr>\n";
    for (const heat_map_row& row : map.rows) {
        if (!budget.take())
            continue;
        out += "<tr>" + markup_cell(named_id(row.name, row.id)) + cell(title_case(row.cat));
        for (bool bought : row.bought)
            out += bought ? "<td class=\"bought\" aria-label=\"bought\">\xE2\x97\x8F</td>"
                          : "<td class=\"space\" aria-label=\"not bought\">\xE2\x97\x8B</td>";
        // Products by the names the columns show, not by id.
        std::vector<std::string> missing;
        for (std::size_t k = 0; k < row.bought.size() && k < map.products.size(); ++k)
            if (!row.bought[k])
                missing.push_back(map.products[k].name.empty() ? map.products[k].id
                                                               : map.products[k].name);
        out += cell(row.recorded ? comma_separated(missing)
                                 : std::string("what it buys is not recorded: no heat map")) +
               "</tr>\n";
    }
    out += "<tr><th>buyers</th><th></th>";
    for (std::size_t n : map.buyers)
        out += "<th class=\"num\">" + std::to_string(n) + "</th>";
    out += "<th></th></tr>\n</table></div>\n";
    detail::rows_left_out(out, budget, map.rows.size(), "accounts of the heat map",
                          detail::report_document);
}

void accounts_table(std::string& out, const report& r, std::size_t rows)
{
    detail::row_budget budget(rows);
    out += "<h2>Accounts (" + std::to_string(r.accounts.size()) + ")</h2>\n";
    out += "<div class=\"scroll\"><table id=\"accounts\">\n<tr><th>id</th><th>name</th><th>owner</th><th>placement</th>"
           "<th>decided by</th><th>matching profiles</th></tr>\n";
    for (const account_result& a : r.accounts)
        if (budget.take())
            out += "<tr>" + markup_cell(id_span(a.id)) + cell(a.name) + cell(a.owner) +
                   cell(std::string(a.outcome.result.name())) +
                   cell(std::string(to_string(a.outcome.basis))) + cell(comma_separated(a.outcome.candidates)) +
                   "</tr>\n";
    out += "</table></div>\n";
    detail::rows_left_out(out, budget, r.accounts.size(), "accounts, in plan order,",
                          detail::report_document);
}

} // namespace

std::string render_html(const map_view& view, const report& r, const svg_options& options)
{
    return render_html(view, r, html_options{.picture = options, .sections = html_section::all});
}

std::string render_html(const map_view& view, const report& r, const html_options& options)
{
    return detail::review_page(view, r, options, nullptr);
}

std::string render_html(const map_view& view, const report& r, const html_options& options,
                        const plan_changes& changes)
{
    return detail::review_page(view, r, options, &changes);
}

std::string detail::review_page(const map_view& view, const report& r, const html_options& options,
                                const plan_changes* changes)
{
    const auto shown = [&](unsigned section) { return (options.sections & section) != 0; };
    svg_options picture = options.picture;
    picture.narrow = true; // legible on a page 900 px wide
    std::string svg = shown(html_section::map) ? render_svg(view, picture) : std::string();
    if (!svg.empty()) {
        svg.erase(0, svg.find("<svg")); // an inline SVG carries no XML declaration
        svg = "<div class=\"map\">\n" + svg + "</div>\n";
    }
    const std::string title =
        "KARE review" + (view.title.empty() ? std::string() : ": " + view.title);

    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>" + escape_xml(title) + "</title>\n";
    // Severity colours its own mark only: coloured prose is hard to read. The
    // page reads from 900 px wide (the map is drawn narrow for it, wide
    // tables scroll in their own box) to an A4 landscape print.
    out += "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px auto;"
           "padding:0 24px;max-width:1400px;color:#222;line-height:1.35}"
           "table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;"
           "padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}"
           ".num{text-align:right}.id{white-space:nowrap;color:#555}"
           ".note{color:#555;font-size:90%}.code{color:#767676;font-size:85%;white-space:nowrap}"
           ".scroll{overflow-x:auto;max-width:100%}"
           ".bought{color:#1b5e20;text-align:center}.space{color:#767676;text-align:center}"
           ".map svg{display:block;width:100%;max-width:1120px;height:auto}"
           ".bar{position:relative;display:inline-block;width:120px;height:12px;"
           "border:1px solid #999;background:#fff;vertical-align:middle}"
           ".bar .done{position:absolute;left:0;top:0;bottom:0;background:#1b5e20}"
           ".bar .pace{position:absolute;top:-3px;bottom:-3px;width:2px;background:#222}"
           "tr.behind .status,tr.not_started .status{color:#b00020;font-weight:bold}"
           "tr.ahead .status,tr.on_track .status{color:#1b5e20}"
           ".state{white-space:nowrap}"
           ".group{margin:0 0 14px}.group h3{margin:10px 0 4px;font-size:110%}"
           ".group ul{margin:0;padding-left:20px}.group li{margin:2px 0}"
           ".severity{font-weight:bold;font-size:85%;text-transform:uppercase}"
           "li.error .severity{color:#b00020}li.warning .severity{color:#8a5a00}"
           "li.info .severity{color:#555}"
           ".plays{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:12px 24px}"
           ".play h3{margin:6px 0}.play ul{margin:4px 0;padding-left:20px}.ask{margin:6px 0 0;"
           "font-weight:bold}.play.keep h3{color:#1b5e20}.play.attain h3{color:#0d47a1}"
           ".play.recapture h3{color:#b34700}.play.expand h3{color:#4a148c}"
           "@media print{@page{size:A4 landscape;margin:10mm}body{margin:0;padding:0;"
           "max-width:none;font-size:10pt}.scroll{overflow:visible}table{font-size:9pt}"
           ".map svg{max-width:100%;max-height:185mm;width:auto;margin:0 auto}"
           "section{break-before:auto}h2,h3{break-after:avoid}tr,li,.play{break-inside:avoid}"
           ".bar,.bar .done,.bar .pace{print-color-adjust:exact;-webkit-print-color-adjust:exact}}"
           "</style>\n"
           "</head>\n<body>\n";
    out += "<h1>" + escape_xml(title) + "</h1>\n";
    out += "<p>As of " + escape_xml(view.as_of.to_string()) +
           (view.rep.empty() ? ", whole team" : ", rep " + escape_xml(view.rep)) + ".</p>\n";
    if (r.ignored.total() > 0)
        out += "<p class=\"as-of\">The plan as it stood that day; " +
               escape_xml(to_text(r.ignored)) + ".</p>\n";
    out += svg;
    if (shown(html_section::scoreboard))
        detail::scoreboard_section(out, r);
    if (changes && shown(html_section::changes))
        detail::changes_section(out, *changes, options.rows_per_list);
    if (shown(html_section::progress))
        detail::progress_section(out, r);
    if (shown(html_section::pipeline))
        detail::pipeline_section(out, r, options.rows_per_list);
    if (shown(html_section::effort))
        detail::effort_section(out, r);
    if (shown(html_section::moves))
        moves_table(out, r, options.rows_per_list);
    if (shown(html_section::playbook))
        detail::playbook_section(out, view);
    if (shown(html_section::findings))
        detail::findings_section(out, r, options.rows_per_list);
    if (shown(html_section::priorities))
        priorities_table(out, r, options.rows_per_list);
    if (shown(html_section::focus))
        focus_table(out, r, options.rows_per_list);
    if (shown(html_section::heat_map))
        heat_map_table(out, r, options.rows_per_list);
    if (shown(html_section::accounts))
        accounts_table(out, r, options.rows_per_list);
    out += "</body>\n</html>\n";
    return out;
}

} // namespace v1
} // namespace kare
