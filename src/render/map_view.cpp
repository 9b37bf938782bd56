#include <kare/map_view.hpp>
#include <kare/error.hpp>
#include <kare/pipeline.hpp>
#include <kare/plan.hpp>
#include <kare/progress.hpp>
#include <kare/report.hpp>

#include <map>
#include <tuple>

namespace kare {
inline namespace v1 {

namespace {

// 1234567 -> "1,234,567": figures are read at a glance, not parsed.
std::string grouped(double amount)
{
    const auto whole = static_cast<long long>(amount < 0 ? -amount : amount);
    std::string digits = std::to_string(whole);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return amount < 0 ? "-" + out : out;
}

// "1234567.50" -> "1,234,567": the picture shows whole currency units.
std::string grouped_amount(const money& m)
{
    const std::string text = m.to_string();
    return grouped(static_cast<double>(std::stoll(text.substr(0, text.find('.')))));
}

map_entry entry_of(const plan& p, const account_result& line,
                   const std::map<std::string, money, std::less<>>& open_pipeline)
{
    map_entry e;
    e.id = line.id;
    e.name = line.name;
    e.owner = line.owner;
    e.by_profile = line.outcome.basis == basis::profile || line.outcome.basis == basis::tie_break;
    if (const account* a = p.find_account(line.id)) {
        auto revenue = a->attributes.find("annual_revenue");
        if (revenue != a->attributes.end())
            if (const double* amount = std::get_if<double>(&revenue->second))
                e.figure = p.settings().currency + " " + grouped(*amount);
        if (e.figure.empty())
            if (auto open = open_pipeline.find(line.id); open != open_pipeline.end())
                e.figure = "open " + p.settings().currency + " " + grouped_amount(open->second);
        if (line.outcome.result.what() == placement::kind::fired)
            e.note = a->fire_action;
    }
    if (line.outcome.result.what() == placement::kind::unassigned) {
        if (line.outcome.basis == basis::decision) {
            e.note = "held unassigned";
        } else if (line.outcome.candidates.size() > 1) {
            e.note = "matches";
            for (std::size_t i = 0; i < line.outcome.candidates.size(); ++i)
                e.note += std::string(i ? " and " : " ") +
                          std::string(to_string(line.outcome.candidates[i]));
        } else {
            e.note = "matches no profile";
        }
    }
    return e;
}

std::string pipeline_line(const pipeline_totals& t, const std::string& currency)
{
    std::string line = std::to_string(t.open_deals) + (t.open_deals == 1 ? " deal, " : " deals, ") +
                       currency + " " + grouped_amount(t.total) + ", honest " +
                       grouped_amount(t.honest_total);
    if (auto bloat = t.bloat_ratio()) {
        ratio percent = *bloat;
        percent.numerator *= 100;
        line += " (" + percent.to_decimal(0) + "% hope)";
    }
    return line;
}

std::string title(category c)
{
    std::string name(to_string(c));
    name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

// Each cookbook target's current period, summed over the reps in scope, in
// cookbook order.
void add_progress(const progress_report& progress, map_view& view)
{
    using key = std::tuple<category, std::string, period_kind, target_scope>;
    std::map<key, std::size_t> slot; // -> index in its quadrant's bars
    for (const rep_progress& rp : progress.reps)
        for (const target_progress& tp : rp.targets) {
            auto& bars = view.quadrants[static_cast<std::size_t>(tp.goal.cat)].progress;
            const key k{tp.goal.cat, tp.goal.activity, tp.goal.per, tp.goal.scope};
            auto [it, added] = slot.emplace(k, bars.size());
            if (added)
                bars.push_back(map_progress{tp.activity_name + " / " +
                                                std::string(to_string(tp.goal.per)),
                                            0, 0, 0});
            bars[it->second].done += tp.current.done;
            bars[it->second].target += tp.current.target;
            bars[it->second].expected += tp.current.expected;
        }
}

} // namespace

map_view make_map_view(const plan& p, const report& r)
{
    // A report for a rep drawn over another plan would show that plan's figures.
    if (!r.rep.empty() && p.find_rep(r.rep) == nullptr)
        throw error(errc::not_found, "no rep has the id '" + r.rep + "'");
    map_view view;
    view.title = r.plan_name;
    view.as_of = r.as_of;
    view.rep = r.rep;
    view.findings = r.findings.size();
    const review_policy& policy = p.review_policy();
    for (category c : all_categories) {
        map_quadrant& q = view.quadrants[static_cast<std::size_t>(c)];
        q.category = c;
        q.focus_min = policy.focus_min;
        q.focus_max = policy.focus_max;
    }

    const pipeline_report& pipeline = r.pipeline;
    std::map<std::string, money, std::less<>> open_pipeline;
    for (const deal_line& d : pipeline.deals)
        if (d.outcome == deal_outcome::open) {
            auto [it, added] = open_pipeline.emplace(d.account, d.amount);
            if (!added)
                if (auto sum = checked_add(it->second, d.amount))
                    it->second = *sum;
        }

    // Quadrants follow the ranking; the margin follows plan order.
    std::map<std::string_view, const account_result*, std::less<>> lines;
    for (const auto& line : r.accounts) {
        const placement& where = line.outcome.result;
        if (where.is_assigned())
            lines.emplace(line.id, &line);
        else if (where.what() == placement::kind::fired)
            view.fired.push_back(entry_of(p, line, open_pipeline));
        else
            view.unassigned.push_back(entry_of(p, line, open_pipeline));
    }
    for (const account_priority& ranked : r.priorities) {
        auto it = lines.find(ranked.id);
        if (it == lines.end())
            continue;
        map_entry e = entry_of(p, *it->second, open_pipeline);
        e.focus = ranked.focus;
        map_quadrant& q = view.quadrants[static_cast<std::size_t>(ranked.cat)];
        q.focus += e.focus ? 1 : 0;
        q.accounts.push_back(std::move(e));
        lines.erase(it);
    }
    // A report always ranks its categorised accounts; keep any left over visible.
    for (const auto& [id, line] : lines)
        view.quadrants[static_cast<std::size_t>(line->outcome.result.cat())].accounts.push_back(
            entry_of(p, *line, open_pipeline));

    add_progress(r.progress, view);
    for (category c : all_categories) {
        const pipeline_totals& t = pipeline.by_bucket[static_cast<std::size_t>(c)];
        view.quadrants[static_cast<std::size_t>(c)].figures.push_back(
            t.open_deals ? "Pipeline: " + pipeline_line(t, pipeline.currency) : "Pipeline: no open deals");
    }
    for (const suggested_move& m : r.suggested_moves) {
        std::string name = m.account;
        if (const account* a = p.find_account(m.account))
            name = a->name;
        view.moves.push_back(name + ": " + title(m.from) + " \xE2\x86\x92 " + title(m.to));
    }
    return view;
}

} // namespace v1
} // namespace kare
