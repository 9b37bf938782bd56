#include <kare/map_view.hpp>
#include <kare/error.hpp>
#include <kare/pipeline.hpp>
#include <kare/plan.hpp>
#include <kare/progress.hpp>
#include <kare/report.hpp>

#include <algorithm>
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

// An account's open money by honesty: the honest pipeline, hope, dead.
struct open_money {
    money honest;
    money hope;
    money dead;
};

// What the map says beside an account, gathered once from the report.
struct account_facts {
    std::map<std::string, open_money, std::less<>> money_by_account;
    // Warnings and errors per account, worst first, its deals' included.
    std::map<std::string, std::vector<const finding*>, std::less<>> concerns;
};

void add_to(money& sum, const money& amount)
{
    if (auto total = checked_add(sum, amount))
        sum = *total;
}

account_facts gather_facts(const report& r)
{
    account_facts facts;
    std::map<std::string_view, std::string_view> account_of_deal;
    for (const deal_line& d : r.pipeline.deals) {
        account_of_deal.emplace(d.id, d.account);
        if (d.outcome != deal_outcome::open || !d.assessment.state)
            continue;
        open_money& m = facts.money_by_account[d.account];
        switch (*d.assessment.state) {
        case honesty_state::qualified: add_to(m.honest, d.amount); break;
        case honesty_state::stalled:
        case honesty_state::unqualified: add_to(m.hope, d.amount); break;
        case honesty_state::dead: add_to(m.dead, d.amount); break;
        }
    }
    for (const finding& f : r.findings) {
        if (f.severity < severity::warning)
            continue;
        std::string_view account;
        if (f.subject == subject_kind::account)
            account = f.subject_id;
        else if (f.subject == subject_kind::deal)
            if (auto it = account_of_deal.find(f.subject_id); it != account_of_deal.end())
                account = it->second;
        if (!account.empty())
            facts.concerns[std::string(account)].push_back(&f);
    }
    for (auto& [id, list] : facts.concerns)
        std::stable_sort(list.begin(), list.end(), [](const finding* a, const finding* b) {
            return a->severity > b->severity;
        });
    return facts;
}

map_entry entry_of(const plan& p, const account_result& line, const account_facts& facts)
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
        if (line.outcome.result.what() == placement::kind::fired)
            e.note = a->fire_action;
    }
    if (auto open = facts.money_by_account.find(line.id); open != facts.money_by_account.end()) {
        const money zero;
        const auto words = [&](const money& m) { return m == zero ? std::string() : grouped_amount(m); };
        e.honest = words(open->second.honest);
        e.hope = words(open->second.hope);
        e.dead = words(open->second.dead);
    }
    if (auto found = facts.concerns.find(line.id); found != facts.concerns.end()) {
        e.concern = found->second.front()->severity;
        for (const finding* f : found->second)
            e.concerns.push_back(f->message);
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
        q.playbook = p.cookbook().playbook_for(c);
    }

    const pipeline_report& pipeline = r.pipeline;
    view.currency = pipeline.currency;
    const account_facts facts = gather_facts(r);

    // Quadrants follow the ranking; the margin follows plan order.
    std::map<std::string_view, const account_result*, std::less<>> lines;
    for (const auto& line : r.accounts) {
        const placement& where = line.outcome.result;
        if (where.is_assigned())
            lines.emplace(line.id, &line);
        else if (where.what() == placement::kind::fired)
            view.fired.push_back(entry_of(p, line, facts));
        else
            view.unassigned.push_back(entry_of(p, line, facts));
    }
    for (const account_priority& ranked : r.priorities) {
        auto it = lines.find(ranked.id);
        if (it == lines.end())
            continue;
        map_entry e = entry_of(p, *it->second, facts);
        e.focus = ranked.focus;
        map_quadrant& q = view.quadrants[static_cast<std::size_t>(ranked.cat)];
        q.focus += e.focus ? 1 : 0;
        q.accounts.push_back(std::move(e));
        lines.erase(it);
    }
    // A report always ranks its categorised accounts; keep any left over visible.
    for (const auto& [id, line] : lines)
        view.quadrants[static_cast<std::size_t>(line->outcome.result.cat())].accounts.push_back(
            entry_of(p, *line, facts));

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
