#include "progress_table.hpp"
#include "columns.hpp"
#include "../render/escape.hpp"


#include <kare/percent.hpp>

namespace kare::cli {

using detail::escape_terminal;

namespace {

// A bar of ten cells: done against the period target.
std::string bar(std::int64_t done, std::int64_t target)
{
    const std::int64_t filled = target > 0 ? std::min<std::int64_t>(10, done * 10 / target) : 0;
    return "[" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(10 - filled), '.') + "]";
}

std::string trend(const target_progress& t)
{
    std::string out;
    for (const auto& p : t.trend)
        out += (out.empty() ? "" : " ") + std::to_string(p.done) + "/" + std::to_string(p.target);
    return out.empty() ? "-" : out;
}

} // namespace

std::string render_progress_table(const progress_report& r)
{
    std::string out = "Cookbook progress: " +
                      (r.plan_name.empty() ? std::string("(unnamed plan)") : escape_terminal(r.plan_name)) +
                      ", as of " + r.as_of.to_string() + " (days: " +
                      std::string(to_string(r.basis)) + ")\n";
    if (r.ignored.total() > 0)
        out += "The plan as it stood that day; " + to_text(r.ignored) + ".\n";
    for (const rep_progress& rep : r.reps) {
        out += "\n" + escape_terminal(rep.id) + (rep.name.empty() ? "" : " (" + escape_terminal(rep.name) + ")") + "\n";
        out += "  " + pad("category", 11) + pad("activity", 26) + pad("period", 12) +
               pad("done", 6, true) + pad("expected", 10, true) + pad("target", 8, true) + "  " +
               pad("", 13) + pad("status", 13) + "earlier periods\n";
        for (const target_progress& t : rep.targets) {
            const period_progress& c = t.current;
            std::string what = t.activity_name;
            if (t.goal.scope == target_scope::account)
                what += " x" + std::to_string(t.accounts);
            out += "  " + pad(std::string(to_string(t.goal.cat)), 11) + pad(what, 26) +
                   pad(c.label, 12) + pad(std::to_string(c.done), 6, true) +
                   pad(std::to_string(c.expected), 10, true) + pad(std::to_string(c.target), 8, true) +
                   "  " + pad(bar(c.done, c.target), 13) + pad(std::string(to_string(c.status)), 13) +
                   trend(t) + "\n";
            for (const account_progress& a : t.by_account)
                if (a.current.done < a.current.target)
                    out += "      " + pad(a.id, 10) + pad(a.name, 28) + std::to_string(a.current.done) +
                           " of " + std::to_string(a.current.target) + " " + escape_terminal(t.activity_name) +
                           " in " + escape_terminal(a.current.label) + "\n";
        }
        const effort_summary& e = rep.effort;
        out += "  effort " + e.first.to_string() + " to " + e.last.to_string() + ": " +
               std::to_string(e.total) + " activities;";
        for (category c : all_categories) {
            const category_effort& ce = e.categories[static_cast<std::size_t>(c)];
            const auto share = whole_percent(ce.activities, e.total);
            out += " " + std::string(to_string(c)) + " " + std::to_string(share) + "% (intended " +
                   std::to_string(ce.intended_percent) + "%)";
        }
        out += "\n";
    }
    out += "\nFindings (" + std::to_string(r.findings.size()) + ")\n";
    for (const auto& f : r.findings)
        out += "  " + std::string(to_string(f.severity)) + "  " + escape_terminal(f.code) + "  " + escape_terminal(f.message) + "\n";
    return out;
}

} // namespace kare::cli
