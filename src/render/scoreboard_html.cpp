#include "scoreboard_html.hpp"
#include "escape.hpp"

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

constexpr std::array<category, 4> kare_order{category::keep, category::attain,
                                             category::recapture, category::expand};

std::string td(const std::string& text, bool figure = true)
{
    return std::string(figure ? "<td class=\"num\">" : "<td>") + escape_xml(text) + "</td>";
}

std::string grouped(const std::string& decimal)
{
    const auto dot = decimal.find('.');
    const std::string whole = decimal.substr(0, dot);
    const std::size_t sign = !whole.empty() && whole[0] == '-' ? 1 : 0;
    std::string out = whole.substr(0, sign);
    for (std::size_t i = sign; i < whole.size(); ++i) {
        if (i > sign && (whole.size() - i) % 3 == 0)
            out += ',';
        out += whole[i];
    }
    return out + (dot == std::string::npos ? "" : decimal.substr(dot));
}

std::string bloat(const pipeline_totals& t)
{
    const auto r = t.bloat_ratio();
    if (!r)
        return "-";
    ratio percent = *r;
    percent.numerator *= 100;
    return percent.to_decimal(1) + "%";
}

std::string effort(const scoreboard_row& row, std::size_t k)
{
    std::string text = std::to_string(row.share_percent[k]) + "%";
    if (row.intended_percent)
        text += " (" + std::to_string((*row.intended_percent)[k]) + "%)";
    return text;
}

std::string row_html(const scoreboard_row& row)
{
    const bool team = row.rep.empty();
    std::string out = team ? "<tr class=\"team\"><th>team</th>"
                           : "<tr><th>" + escape_xml(row.name.empty() ? row.rep : row.name) +
                                 " (<span class=\"id\">" + escape_xml(row.rep) + "</span>)</th>";
    for (category c : kare_order) {
        const auto k = static_cast<std::size_t>(c);
        out += td(std::to_string(row.accounts[k]) + " (" + std::to_string(row.in_focus[k]) + ")");
    }
    out += td(std::to_string(row.unassigned)) + td(std::to_string(row.fired));
    out += td(std::to_string(row.targets_behind) + " of " + std::to_string(row.targets));
    for (category c : kare_order)
        out += td(effort(row, static_cast<std::size_t>(c)));
    out += td(std::to_string(row.pipeline.open_deals)) +
           td(grouped(row.pipeline.total.to_string())) +
           td(grouped(row.pipeline.honest_total.to_string())) + td(bloat(row.pipeline));
    for (std::size_t s = 3; s-- > 0;)
        out += td(std::to_string(row.findings[s]));
    return out + "</tr>\n";
}

} // namespace

void scoreboard_section(std::string& out, const report& r)
{
    const scoreboard& board = r.scoreboard;
    out += "<h2>Scoreboard</h2>\n";
    out += "<p>Per quadrant, the accounts and (in brackets) those on a focus list; cookbook "
           "targets behind pace this period; each quadrant's share of the logged activities "
           "and (in brackets) the intended share; the open pipeline; the findings.</p>\n";
    out += "<div class=\"scroll\"><table id=\"scoreboard\">\n<tr><th rowspan=\"2\">rep</th>"
           "<th colspan=\"6\">accounts (in focus)</th><th rowspan=\"2\">targets behind</th>"
           "<th colspan=\"4\">effort (intended)</th><th colspan=\"4\">open pipeline</th>"
           "<th colspan=\"3\">findings</th></tr>\n<tr>";
    for (const char* head : {"Keep", "Attain", "Recapture", "Expand", "unassigned", "fired", "Keep",
                             "Attain", "Recapture", "Expand", "deals", "total", "honest", "bloat",
                             "error", "warning", "info"})
        out += std::string("<th>") + head + "</th>";
    out += "</tr>\n";
    for (const scoreboard_row& row : board.reps)
        out += row_html(row);
    out += row_html(board.team);
    out += "</table></div>\n";
    bool any = false;
    for (const scoreboard_row& row : board.reps)
        any = any || !row.worst.empty();
    if (!any)
        return;
    out += "<div class=\"scroll\"><table id=\"scoreboard-worst\">\n<tr><th>severity</th><th>rep</th><th>code</th>"
           "<th>worst findings</th></tr>\n";
    for (const scoreboard_row& row : board.reps)
        for (std::size_t i : row.worst) {
            const finding& f = r.findings.at(i);
            out += "<tr class=\"" + std::string(to_string(f.severity)) + "\">" +
                   td(std::string(to_string(f.severity)), false) + td(row.rep, false) +
                   td(f.code, false) + td(f.message, false) + "</tr>\n";
        }
    out += "</table></div>\n";
}

} // namespace detail
} // namespace v1
} // namespace kare
