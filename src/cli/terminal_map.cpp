#include "terminal_map.hpp"

#include "../render/escape.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <unordered_map>

namespace kare::cli {

using detail::escape_terminal;

namespace {

// Display width in code points: close enough for names in any script
// without pulling in a Unicode width table.
std::size_t width_of(const std::string& s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Cuts to `width` code points without splitting a UTF-8 sequence.
std::string fit(const std::string& s, std::size_t width)
{
    if (width_of(s) <= width)
        return s + std::string(width - width_of(s), ' ');
    std::string out;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool starts = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (starts && ++seen > width - 1)
            break;
        out += s[i];
    }
    return out + "~";
}

std::string marker(basis b)
{
    switch (b) {
    case basis::decision: return " ";
    case basis::profile: return "*";
    case basis::tie_break: return "?";
    case basis::none: return " ";
    }
    return " ";
}

// An account as a line shows it; names are escaped, whatever filled the report.
template <class Entry>
std::string named(const Entry& a)
{
    return escape_terminal(a.name) + " [" + escape_terminal(a.id) + ", " + escape_terminal(a.owner) + "]";
}

// How each account got where it is, by id: the view says where, the report how.
using basis_by_id = std::unordered_map<std::string_view, basis>;

// Only the open deals: revenue is a fact of the past, the map's money is the
// forecast, honest apart from hope and dead.
std::string open_money(const map_entry& e)
{
    std::string text;
    for (const auto& [kind, amount] : {std::pair{"honest", &e.honest}, std::pair{"hope", &e.hope},
                                       std::pair{"dead", &e.dead}})
        if (!amount->empty())
            text += std::string(" ") + kind + " " + *amount;
    return text;
}

std::vector<std::string> quadrant_lines(const map_view& view, const basis_by_id& how, category c,
                                        std::size_t column)
{
    std::vector<std::string> lines;
    for (const map_entry& a : view.quadrants[static_cast<std::size_t>(c)].accounts) {
        const auto it = how.find(a.id);
        const std::string money = open_money(a);
        std::string head = (a.concern ? "!" : " ") +
                           marker(it == how.end() ? basis::none : it->second) + " " + named(a);
        // The name gives way, never the money.
        if (width_of(head) + width_of(money) > column && column > width_of(money) + 4)
            head = fit(head, column - width_of(money));
        lines.push_back(head + money);
    }
    if (lines.empty())
        lines.push_back("  (none)");
    return lines;
}

std::string title(category c, std::size_t count)
{
    std::string name(to_string(c));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](char ch) { return static_cast<char>(ch - 'a' + 'A'); });
    return " " + name + " (" + std::to_string(count) + ") ";
}

std::string rule(const std::string& left, const std::string& right, std::size_t column,
                 const char* l, const char* m, const char* r)
{
    auto bar = [&](const std::string& label) {
        std::string out = "-" + label;
        while (out.size() < column)
            out += '-';
        return out;
    };
    return std::string(l) + bar(left) + m + bar(right) + r + "\n";
}

void row_pair(std::string& out, const map_view& view, const basis_by_id& how, category left,
              category right, std::size_t column)
{
    auto a = quadrant_lines(view, how, left, column);
    auto b = quadrant_lines(view, how, right, column);
    const std::size_t rows = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < rows; ++i)
        out += "|" + fit(i < a.size() ? a[i] : "", column) + "|" +
               fit(i < b.size() ? b[i] : "", column) + "|\n";
}

} // namespace

std::string render_terminal_map(const map_view& view, const report& r, std::size_t width)
{
    basis_by_id how;
    for (const auto& a : r.accounts)
        how.emplace(a.id, a.outcome.basis);
    const std::size_t column = std::max<std::size_t>(20, (width - 3) / 2);
    const auto count = [&](category c) { return r.counts.by_category[static_cast<std::size_t>(c)]; };
    std::string out = "KARE map: " + (r.plan_name.empty() ? std::string("(unnamed plan)") : escape_terminal(r.plan_name)) +
                      ", as of " + r.as_of.to_string() + (r.rep.empty() ? "" : ", rep " + escape_terminal(r.rep)) + "\n";
    if (r.ignored.total() > 0)
        out += "The plan as it stood that day; " + to_text(r.ignored) + ".\n";
    out += rule(title(category::keep, count(category::keep)),
                title(category::expand, count(category::expand)), column, "+", "+", "+");
    row_pair(out, view, how, category::keep, category::expand, column);
    out += rule(title(category::attain, count(category::attain)),
                title(category::recapture, count(category::recapture)), column, "+", "+", "+");
    row_pair(out, view, how, category::attain, category::recapture, column);
    out += rule("", "", column, "+", "+", "+");
    out += "  highest priority first   * placed by its profile   ? placed by the tie-break   (others by decision)\n";
    out += "  ! warnings or errors in the review   open deals " + view.currency +
           ": honest (qualified), hope (stalled or unqualified), dead\n";

    out += "\nUnassigned (" + std::to_string(r.counts.unassigned) + ")\n";
    for (const auto& a : r.accounts)
        if (a.outcome.result.what() == placement::kind::unassigned) {
            std::string why = a.outcome.basis == basis::decision ? "marked unassigned"
                              : a.outcome.candidates.size() > 1  ? "matches "
                                                                 : "matches no profile";
            if (a.outcome.basis != basis::decision && a.outcome.candidates.size() > 1)
                for (std::size_t i = 0; i < a.outcome.candidates.size(); ++i)
                    why += (i ? " and " : "") + std::string(to_string(a.outcome.candidates[i]));
            out += "  " + named(a) + ": " + why + "\n";
        }
    out += "\nFired (" + std::to_string(r.counts.fired) + ")\n";
    for (const auto& a : r.accounts)
        if (a.outcome.result.what() == placement::kind::fired)
            out += "  " + named(a) + "\n";

    out += "\nFindings (" + std::to_string(r.findings.size()) + ")\n";
    for (const auto& f : r.findings)
        out += "  " + std::string(to_string(f.severity)) + "  " + escape_terminal(f.code) + "  " + escape_terminal(f.message) + "\n";
    return out;
}

} // namespace kare::cli
