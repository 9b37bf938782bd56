// Priorities (docs/review.md, "Priorities"): expected value against the cost
// of pursuit, every term kept so the report can explain the number.
#include "honesty_derive.hpp"
#include "review_context.hpp"

#include <kare/error.hpp>
#include <kare/honesty.hpp>
#include <kare/plan.hpp>
#include <kare/priority.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace kare {
inline namespace v1 {

namespace {

// Cents are enough for reading and comparing; rounding makes equal-looking
// scores compare equal, so ties fall to the documented tie-breaks.
double cents(double x)
{
    return std::round(x * 100) / 100;
}

// The factor of a low/medium/high attribute, recording the level it read.
double factor(const account& a, std::string_view field, const std::array<double, 3>& by_level,
              double none, std::string& level)
{
    constexpr std::array<std::string_view, 3> levels{"low", "medium", "high"};
    auto it = a.attributes.find(field);
    if (it == a.attributes.end())
        return none;
    const auto* text = std::get_if<std::string>(&it->second);
    if (!text)
        return none;
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (*text == levels[i]) {
            level = *text;
            return by_level[i];
        }
    return none;
}

double major_units(const money& m)
{
    return static_cast<double>(m.minor_units()) / std::pow(10.0, m.digits());
}

const double* annual_revenue(const account& a)
{
    if (auto it = a.attributes.find("annual_revenue"); it != a.attributes.end())
        return std::get_if<double>(&it->second);
    return nullptr;
}

// What a prospect or former client without revenue stands to bring: the
// policy's figure, or else the average revenue of the plan's clients.
double potential_value(const plan& p)
{
    if (const auto& set = p.review_policy().potential_value)
        return *set;
    double sum = 0;
    std::size_t clients = 0;
    for (const account& a : p.accounts())
        if (a.relationship == relationship::client)
            if (const double* revenue = annual_revenue(a)) {
                sum += *revenue;
                ++clients;
            }
    return clients == 0 ? 0 : cents(sum / static_cast<double>(clients));
}

priority_terms score(const plan& p, const account& a, date as_of,
                     const std::vector<std::size_t>& deal_positions, double potential)
{
    priority_terms t;
    if (const double* revenue = annual_revenue(a))
        t.revenue = *revenue;
    else if (a.relationship != relationship::client)
        t.potential_value = potential; // a client without revenue on record is not guessed at
    t.qualified_pipeline = money::from_minor(0, currency_digits(p.settings().currency));
    for (std::size_t i : deal_positions) {
        const deal& d = p.deals()[i];
        if (d.outcome != deal_outcome::open)
            continue;
        const honesty_assessment h = detail::assess_deal(d, p.honesty(), as_of, i);
        if (h.state != honesty_state::qualified)
            continue; // hope does not count
        auto sum = checked_add(t.qualified_pipeline, d.amount);
        if (!sum)
            throw error(errc::limit_exceeded,
                        "the qualified deals of account '" + a.id +
                            "' sum beyond what 64-bit minor units hold",
                        location().item("deals", i, d.id).key("amount"));
        t.qualified_pipeline = *sum;
    }
    t.value = cents(t.revenue + t.potential_value + major_units(t.qualified_pipeline));
    t.growth_factor = factor(a, "growth_potential", {1.0, 1.5, 2.0}, 1.0, t.growth_potential);
    t.win_probability = factor(a, "risk", {0.9, 0.7, 0.5}, 0.7, t.risk);
    t.expected_value = cents(t.value * t.growth_factor * t.win_probability);
    t.pursuit_cost = factor(a, "cost_of_pursuit", {1.0, 2.0, 3.0}, 2.0, t.cost_of_pursuit);
    t.existing_client = a.relationship == relationship::client;
    t.former_client = a.relationship == relationship::former_client;
    const review_policy& policy = p.review_policy();
    t.cost_fraction = t.existing_client  ? policy.existing_client_cost
                      : t.former_client ? policy.recapture_cost
                                        : 1.0;
    t.cost = t.pursuit_cost * t.cost_fraction;
    t.score = cents(t.expected_value / t.cost);
    return t;
}

// Best first; every step is a documented tie-break, plan order last.
bool before(const account_priority& x, std::size_t xi, const account_priority& y, std::size_t yi)
{
    const priority_terms& a = x.terms;
    const priority_terms& b = y.terms;
    if (a.score != b.score)
        return a.score > b.score;
    if (a.growth_factor != b.growth_factor)
        return a.growth_factor > b.growth_factor;
    if (a.win_probability != b.win_probability)
        return a.win_probability > b.win_probability;
    if (a.cost != b.cost)
        return a.cost < b.cost;
    return xi < yi;
}

} // namespace

priority_terms score_account(const plan& p, const account& a, date as_of)
{
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < p.deals().size(); ++i)
        if (p.deals()[i].account == a.id)
            positions.push_back(i);
    return score(p, a, as_of, positions, potential_value(p));
}

namespace detail {

std::vector<account_priority> rank_accounts(const plan& p, date as_of, std::string_view rep,
                                            const std::vector<placement>& placements,
                                            const positions_by_account& deals)
{
    std::vector<account_priority> ranked;
    std::vector<std::size_t> order; // plan position of each ranked entry
    const double potential = potential_value(p);
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const account& a = p.accounts()[i];
        if (!rep.empty() && a.owner != rep)
            continue;
        const placement where = placements[i];
        if (!where.is_assigned())
            continue;
        account_priority line;
        line.id = a.id;
        line.name = a.name;
        line.owner = a.owner;
        line.cat = where.cat();
        line.terms = score(p, a, as_of, positions_of(deals, a.id), potential);
        ranked.push_back(std::move(line));
        order.push_back(i);
    }
    std::vector<std::size_t> perm(ranked.size());
    for (std::size_t k = 0; k < perm.size(); ++k)
        perm[k] = k;
    std::sort(perm.begin(), perm.end(), [&](std::size_t x, std::size_t y) {
        return before(ranked[x], order[x], ranked[y], order[y]);
    });
    std::vector<account_priority> out;
    std::vector<const account*> of; // the account of each line of `out`
    out.reserve(ranked.size());
    of.reserve(ranked.size());
    for (std::size_t k : perm) {
        out.push_back(std::move(ranked[k]));
        of.push_back(&p.accounts()[order[k]]);
    }

    // Ranks, then each rep's focus list per category: the named accounts if
    // any are named there, else the top focus_max.
    std::array<std::size_t, 4> in_category{};
    std::map<std::pair<std::string, category>, std::size_t> taken;
    std::set<std::pair<std::string, category>> named;
    for (std::size_t k = 0; k < out.size(); ++k)
        if (of[k]->focus)
            named.insert({out[k].owner, out[k].cat});
    const std::size_t focus_max = p.review_policy().focus_max;
    for (std::size_t k = 0; k < out.size(); ++k) {
        account_priority& line = out[k];
        line.rank = k + 1;
        line.rank_in_category = ++in_category[static_cast<std::size_t>(line.cat)];
        const auto key = std::make_pair(line.owner, line.cat);
        if (named.count(key))
            line.focus = of[k]->focus;
        else
            line.focus = ++taken[key] <= focus_max;
    }
    return out;
}

} // namespace detail

std::vector<account_priority> make_priorities(const plan& p, date as_of, std::string_view rep)
{
    detail::require_rep(p, rep);
    return detail::rank_accounts(p, as_of, rep, detail::placements_in_scope(p, rep),
                                 detail::deals_by_account(p));
}

std::vector<focus_list> make_focus_lists(const plan& p, const std::vector<account_priority>& ranked,
                                         std::string_view rep)
{
    std::vector<focus_list> out;
    std::map<std::string_view, std::size_t, std::less<>> first; // rep id -> its Keep list
    for (const auto& r : p.reps()) {
        if (!rep.empty() && r.id != rep)
            continue;
        first.emplace(r.id, out.size());
        for (category c : all_categories) {
            focus_list list;
            list.rep = r.id;
            list.cat = c;
            out.push_back(std::move(list));
        }
    }
    // One pass over the ranking keeps priority order inside every list.
    for (const auto& line : ranked) {
        auto it = first.find(line.owner);
        if (it == first.end())
            continue;
        focus_list& list = out[it->second + static_cast<std::size_t>(line.cat)];
        ++list.in_category;
        if (const account* a = p.find_account(line.id); a && a->focus)
            list.named = true;
        if (line.focus)
            list.accounts.push_back(line.id);
    }
    return out;
}

} // namespace v1
} // namespace kare
