#include "review_text.hpp"
#include "columns.hpp"
#include "pipeline_table.hpp"

#include <charconv>
#include <unordered_map>

namespace kare::cli {

namespace {

constexpr std::array<category, 4> kare_order{category::keep, category::attain,
                                             category::recapture, category::expand};

std::string title_case(category c)
{
    std::string name(to_string(c));
    name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

// A term of the score: fixed places, grouped, locale-free.
std::string number(double x, int places = 2)
{
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, places);
    return ec == std::errc() ? grouped(std::string(buf, end)) : std::string("?");
}

// The shortest text of a factor: 0.15, 1.5, 2.
std::string factor(double x)
{
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string level(const std::string& name)
{
    return name.empty() ? std::string("not set") : name;
}

std::string joined(const std::vector<std::string>& items, const char* sep = ", ")
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? sep : "") + items[i];
    return out;
}

std::string row_label(const scoreboard_row& row)
{
    return row.rep.empty() ? std::string("team") : row.rep;
}

std::string scoreboard_line(const scoreboard_row& row)
{
    std::string out = "  " + pad(row_label(row), 12);
    for (category c : kare_order) {
        const auto k = static_cast<std::size_t>(c);
        out += pad(std::to_string(row.accounts[k]) + " (" + std::to_string(row.in_focus[k]) + ")",
                   10, true);
    }
    out += pad(std::to_string(row.unassigned), 7, true) + pad(std::to_string(row.fired), 6, true);
    out += pad(std::to_string(row.targets_behind) + " of " + std::to_string(row.targets), 10, true);
    out += pad(std::to_string(row.pipeline.open_deals), 6, true) +
           pad(grouped(row.pipeline.total.to_string()), 15, true) +
           pad(grouped(row.pipeline.honest_total.to_string()), 15, true) +
           pad(bloat_percent(row.pipeline), 8, true);
    for (std::size_t s = 3; s-- > 0;)
        out += pad(std::to_string(row.findings[s]), 6, true);
    return out + "\n";
}

std::string effort_line(const scoreboard_row& row)
{
    std::int64_t total = 0;
    for (std::int64_t n : row.activities)
        total += n;
    std::string out = "  " + pad(row_label(row), 12) + pad(std::to_string(total), 6, true);
    for (category c : kare_order) {
        const auto k = static_cast<std::size_t>(c);
        std::string share = std::to_string(row.share_percent[k]) + "%";
        if (row.intended_percent)
            share += " (" + std::to_string((*row.intended_percent)[k]) + "%)";
        out += pad(share, 13, true);
    }
    if (row.uncategorised > 0)
        out += "   and " + std::to_string(row.uncategorised) + " on fired or unassigned accounts";
    return out + "\n";
}

std::string account_label(const std::string& name, const std::string& id)
{
    return name.empty() ? id : name + " [" + id + "]";
}

void priorities_text(std::string& out, const report& r)
{
    out += "\nPriorities (" + std::to_string(r.priorities.size()) +
           "): score = expected value / cost\n";
    out += "  expected value = (revenue, or the potential value of a prospect or former client\n"
           "    without revenue, + qualified pipeline) x growth factor x win probability;\n"
           "  cost = cost of pursuit x the existing-client fraction for clients, x the\n"
           "    recapture fraction for former clients\n";
    for (const account_priority& line : r.priorities) {
        const priority_terms& t = line.terms;
        out += "  " + pad(std::to_string(line.rank), 4, true) + "  " +
               account_label(line.name, line.id) + ", " + title_case(line.cat) + " #" +
               std::to_string(line.rank_in_category) + ", " + line.owner +
               (line.focus ? ", in focus" : "") + ": score " + number(t.score) + "\n";
        const std::string base = t.potential_value > 0
                                     ? "potential " + number(t.potential_value)
                                     : number(t.revenue);
        out += "        (" + base + " + " + grouped(t.qualified_pipeline.to_string()) +
               ") x " + factor(t.growth_factor) + " (growth " + level(t.growth_potential) + ") x " +
               factor(t.win_probability) + " (risk " + level(t.risk) +
               ") = " + number(t.expected_value) + "; cost " + factor(t.pursuit_cost) + " (" +
               level(t.cost_of_pursuit) + ")" +
               (t.existing_client || t.former_client
                    ? " x " + factor(t.cost_fraction) +
                          (t.existing_client ? " (a client) = " : " (a former client) = ") +
                          factor(t.cost)
                    : std::string()) +
               "\n";
    }
}

void focus_text(std::string& out, const report& r)
{
    out += "\nFocus lists\n";
    std::string rep;
    for (const focus_list& list : r.focus_lists) {
        if (list.rep != rep) {
            rep = list.rep;
            out += "  " + rep + "\n";
        }
        out += "    " + pad(title_case(list.cat), 11) +
               pad(std::to_string(list.accounts.size()) + " of " +
                       std::to_string(list.in_category),
                   8) +
               (list.accounts.empty() ? std::string("(none)")
                                      : (list.named ? "named: " : "by priority: ") +
                                            joined(list.accounts)) +
               "\n";
    }
}

void moves_text(std::string& out, const report& r,
                const std::unordered_map<std::string_view, const account_result*>& accounts)
{
    out += "\nSuggested moves (" + std::to_string(r.suggested_moves.size()) +
           "): proposed, never applied; kare accept records one\n";
    for (const suggested_move& m : r.suggested_moves) {
        const auto it = accounts.find(m.account);
        const std::string name = it == accounts.end() ? std::string() : it->second->name;
        out += "  " + account_label(name, m.account) + ": " + title_case(m.from) + " -> " +
               title_case(m.to) + " (" + m.code + ")\n";
        std::vector<std::string> evidence;
        for (const won_deal& w : m.won_deals)
            evidence.push_back("won " + w.id + " on " + w.on.to_string() + " (" +
                               grouped(w.amount.to_string()) + ")");
        if (m.last_purchase)
            evidence.push_back("last purchase " + m.last_purchase->to_string() + ", " +
                               std::to_string(m.days_since_purchase) + " days before (window " +
                               std::to_string(m.lapse_days) + " days)");
        if (m.in_category_since)
            evidence.push_back("in " + title_case(m.from) + " since " +
                               m.in_category_since->to_string());
        out += "    evidence: " + joined(evidence, "; ") + "\n";
        out += "    reason: " + m.reason + "\n";
    }
}

void whitespace_text(std::string& out, const report& r)
{
    const heat_map& map = r.heat_map;
    out += "\nWhitespace\n";
    if (map.products.empty()) {
        out += "  The plan has no product catalogue: whitespace is measured against what the "
               "organisation sells.\n";
        return;
    }
    const auto product_name = [&](std::size_t k) {
        return map.products[k].name.empty() ? map.products[k].id : map.products[k].name;
    };
    for (const heat_map_row& row : map.rows) {
        std::vector<std::string> missing;
        for (std::size_t k = 0; k < row.bought.size() && k < map.products.size(); ++k)
            if (!row.bought[k])
                missing.push_back(product_name(k));
        out += "  " + account_label(row.name, row.id) + ", " + title_case(row.cat) + ", " +
               row.owner + ": " +
               (!row.recorded        ? std::string("not recorded, no heat map")
                : missing.empty()    ? std::string("none, it buys every product")
                                     : joined(missing)) +
               "\n";
    }
    std::vector<std::string> buyers;
    for (std::size_t k = 0; k < map.products.size() && k < map.buyers.size(); ++k)
        buyers.push_back(product_name(k) + " " + std::to_string(map.buyers[k]));
    out += "  buyers per product: " + joined(buyers) + "\n";
}

} // namespace

std::string render_scoreboard_text(const report& r)
{
    const scoreboard& board = r.scoreboard;
    std::string out = "Scoreboard\n";
    out += "  " + pad("", 12) + pad("accounts (in focus)", 40) + pad("", 13) +
           pad("targets", 10, true) + pad("open pipeline", 44, true) +
           pad("findings", 18, true) + "\n";
    out += "  " + pad("rep", 12) + pad("keep", 10, true) + pad("attain", 10, true) +
           pad("recapture", 10, true) + pad("expand", 10, true) + pad("unass.", 7, true) +
           pad("fired", 6, true) + pad("behind", 10, true) + pad("open", 6, true) +
           pad("total", 15, true) + pad("honest", 15, true) + pad("bloat", 8, true) +
           pad("error", 6, true) + pad("warn", 6, true) + pad("info", 6, true) + "\n";
    for (const scoreboard_row& row : board.reps)
        out += scoreboard_line(row);
    out += scoreboard_line(board.team);

    out += "\n  effort: share of activities (intended)\n";
    out += "  " + pad("rep", 12) + pad("logged", 6, true) + pad("keep", 13, true) +
           pad("attain", 13, true) + pad("recapture", 13, true) + pad("expand", 13, true) + "\n";
    for (const scoreboard_row& row : board.reps)
        out += effort_line(row);
    out += effort_line(board.team);

    out += "\n  worst findings\n";
    for (const scoreboard_row& row : board.reps) {
        out += "  " + row_label(row) + "\n";
        if (row.worst.empty())
            out += "    (none)\n";
        for (std::size_t i : row.worst) {
            const finding& f = r.findings.at(i);
            out += "    " + std::string(to_string(f.severity)) + "  " + f.code + "  " + f.message +
                   "\n";
        }
    }
    return out;
}

std::string render_review_text(const report& r)
{
    std::string out = "KARE review: " +
                      (r.plan_name.empty() ? std::string("(unnamed plan)") : r.plan_name) +
                      ", as of " + r.as_of.to_string() +
                      (r.rep.empty() ? ", whole team" : ", rep " + r.rep) + "\n\n";
    out += render_scoreboard_text(r);
    std::unordered_map<std::string_view, const account_result*> accounts;
    for (const account_result& a : r.accounts)
        accounts.emplace(a.id, &a);
    priorities_text(out, r);
    focus_text(out, r);
    moves_text(out, r, accounts);
    whitespace_text(out, r);
    out += "\n" + std::to_string(r.findings.size()) +
           " findings; kare report lists them all with the map.\n";
    return out;
}

} // namespace kare::cli
