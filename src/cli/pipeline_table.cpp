#include "pipeline_table.hpp"
#include "columns.hpp"
#include "../render/escape.hpp"


#include <cstdio>

namespace kare::cli {

using detail::escape_terminal;

std::string grouped(const std::string& decimal)
{
    const bool negative = !decimal.empty() && decimal[0] == '-';
    const std::string body = negative ? decimal.substr(1) : decimal;
    const auto dot = body.find('.');
    const std::string whole = body.substr(0, dot);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            out += ',';
        out += whole[i];
    }
    return (negative ? "-" : "") + out + (dot == std::string::npos ? "" : body.substr(dot));
}

namespace {

std::string totals_row(const std::string& label, const pipeline_totals& t)
{
    return "  " + pad(label, 22, false) + pad(std::to_string(t.open_deals), 6, true) +
           pad(grouped(t.total.to_string()), 16, true) +
           pad(grouped(t.honest_total.to_string()), 16, true) +
           pad(grouped(t.hope_total.to_string()), 16, true) + pad(bloat_percent(t), 9, true) + "\n";
}

} // namespace

std::string render_pipeline_table(const pipeline_report& r)
{
    std::string out = "Pipeline: " + (r.plan_name.empty() ? std::string("(unnamed plan)") : escape_terminal(r.plan_name)) +
                      ", as of " + r.as_of.to_string() + (r.rep.empty() ? "" : ", rep " + escape_terminal(r.rep)) +
                      " (" + r.currency + ")\n\n";
    if (r.ignored.total() > 0)
        out += "The plan as it stood that day; " + to_text(r.ignored) + ".\n\n";
    out += "  " + pad("", 22, false) + pad("open", 6, true) + pad("total", 16, true) +
           pad("honest", 16, true) + pad("hope", 16, true) + pad("bloat", 9, true) + "\n";
    out += totals_row(r.rep.empty() ? "whole team" : "rep " + r.rep, r.overall);
    out += "\n  by rep\n";
    for (const auto& rp : r.by_rep)
        out += totals_row(rp.rep.empty() ? "(no rep)" : rp.rep, rp.totals);
    out += "\n  by category of the account\n";
    for (std::size_t b = 0; b < r.by_bucket.size(); ++b)
        if (r.by_bucket[b].open_deals > 0)
            out += totals_row(std::string(to_string(static_cast<deal_bucket>(b))), r.by_bucket[b]);

    out += "\n  states:";
    for (std::size_t s = r.overall.count_by_state.size(); s-- > 0;)
        out += " " + std::string(to_string(static_cast<honesty_state>(s))) + " " +
               std::to_string(r.overall.count_by_state[s]) + " (" +
               grouped(r.overall.amount_by_state[s].to_string()) + ")" + (s ? "," : "");
    out += "\n  closed: won " + std::to_string(r.closed.won) + " (" +
           grouped(r.closed.won_amount.to_string()) + "), lost " + std::to_string(r.closed.lost) +
           " (" + grouped(r.closed.lost_amount.to_string()) + ")";
    for (const auto& [reason, n] : r.closed.lost_by_reason)
        if (n > 0)
            out += "; " + escape_terminal(reason) + " " + std::to_string(n);
    out += "\n\nHope deals, largest first (" + std::to_string(r.hope.size()) + ")\n";
    for (const auto& h : r.hope)
        out += "  " + pad(h.id, 10, false) + pad(h.account, 18, false) + pad(h.rep, 16, false) +
               pad(grouped(h.amount.to_string()), 14, true) + "  " +
               pad(std::string(to_string(h.state)), 12, false) + escape_terminal(h.reason) + "\n";
    out += "\nFindings (" + std::to_string(r.findings.size()) + ")\n";
    for (const auto& f : r.findings)
        out += "  " + std::string(to_string(f.severity)) + "  " + escape_terminal(f.code) + "  " + escape_terminal(f.message) + "\n";
    return out;
}

} // namespace kare::cli
