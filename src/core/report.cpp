#include "review_checks.hpp"
#include "review_context.hpp"
#include "word_list.hpp"

#include <kare/effort.hpp>
#include <kare/error.hpp>
#include <kare/pipeline.hpp>
#include <kare/plan.hpp>
#include <kare/report.hpp>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_set>

namespace kare {
inline namespace v1 {

namespace {

using detail::joined;

std::vector<std::string> names(const std::vector<category>& cats)
{
    std::vector<std::string> out;
    for (category c : cats)
        out.emplace_back(to_string(c));
    return out;
}

finding make(std::string_view code, const account& a, std::vector<figure> figures,
             std::string message)
{
    const finding_code* entry = find_finding_code(code);
    finding f;
    f.code = std::string(code);
    f.severity = entry ? entry->severity : severity::warning;
    f.subject = subject_kind::account;
    f.subject_id = a.id;
    f.figures = std::move(figures);
    f.message = std::move(message);
    return f;
}

// The findings the classification of one account raises.
void account_findings(const plan& p, const account& a, const classification& c,
                      std::vector<finding>& out)
{
    const std::string who = "'" + a.name + "' (" + a.id + ")";
    switch (c.basis) {
    case basis::none:
        if (c.candidates.size() > 1)
            out.push_back(make("account.ambiguous", a, {{"candidates", names(c.candidates)}},
                               who + " matches the " + joined(names(c.candidates)) +
                                   " profiles; decide which category it belongs in."));
        else
            out.push_back(make("account.unassigned", a, {},
                               who + " matches no profile and has no decision; categorise or "
                                     "fire it."));
        break;
    case basis::tie_break:
        out.push_back(make("account.tie_break", a,
                           {{"candidates", names(c.candidates)},
                            {"chosen", std::string(c.result.name())}},
                           who + " matches the " + joined(names(c.candidates)) +
                               " profiles; the tie-break chose " + std::string(c.result.name()) +
                               "."));
        break;
    case basis::decision:
        if (c.result.what() == placement::kind::unassigned) {
            out.push_back(make("account.unassigned_by_decision", a,
                               {{"candidates", names(c.candidates)}},
                               who + " is marked unassigned; categorise or fire it."));
        } else if (c.contradicts_profile()) {
            std::vector<std::string> failed, paths;
            for (const auto& check : c.profiles[static_cast<std::size_t>(c.result.cat())]->checks)
                if (!check.held) {
                    failed.push_back(check.text);
                    paths.push_back(check.path);
                }
            out.push_back(make("account.contradicts_profile", a,
                               {{"category", std::string(c.result.name())},
                                {"failed", failed},
                                {"failed_paths", paths}},
                               who + " is in " + std::string(c.result.name()) +
                                   " but fails its profile: " + joined(failed, "; ") + "."));
        }
        break;
    case basis::profile: break;
    }
    if (!c.fire_suggestions.empty() && c.result.what() != placement::kind::fired) {
        // A plan may hold thousands of fire rules: look each up once, and
        // name at most a few in the sentence and figures, with the count.
        const std::unordered_set<std::string_view> met(c.fire_suggestions.begin(),
                                                       c.fire_suggestions.end());
        std::vector<std::string> actions;
        std::unordered_set<std::string_view> seen_actions;
        for (const auto& rule : p.profiles().fire_rules)
            if (met.count(rule.id) && seen_actions.insert(rule.action).second)
                actions.push_back(rule.action);
        const std::size_t matched = c.fire_suggestions.size();
        std::vector<std::string> listed(
            c.fire_suggestions.begin(),
            c.fire_suggestions.begin() +
                static_cast<std::ptrdiff_t>(std::min(matched, listed_fire_rules)));
        std::string rules_text = joined(listed);
        std::vector<figure> figures{{"rules", listed}, {"actions", actions}};
        if (matched > listed.size()) {
            const std::size_t more = matched - listed.size();
            rules_text = joined(listed, ", ") + " and " + std::to_string(more) + " more";
            figures.push_back({"rules_not_listed", static_cast<std::int64_t>(more)});
        }
        out.push_back(make("account.fire_suggested", a, std::move(figures),
                           who + " meets the fire rule " + rules_text + "; consider: " +
                               joined(actions, " or ") + "."));
    }
}

} // namespace

report make_report(const plan& p, date as_of, const report_options& options)
{
    if (!options.rep.empty() && !p.find_rep(options.rep))
        throw error(errc::not_found, "no rep has the id '" + options.rep + "'");
    report r;
    r.plan_name = p.name;
    r.as_of = as_of;
    r.rep = options.rep;
    std::vector<placement> where(p.accounts().size(), placement::unassigned());
    std::vector<std::size_t> in_scope;
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const account& a = p.accounts()[i];
        if (!options.rep.empty() && a.owner != options.rep)
            continue;
        account_result line{a.id, a.name, a.owner, classify(p, a)};
        where[i] = line.outcome.result;
        if (where[i].is_assigned())
            ++r.counts.by_category[static_cast<std::size_t>(where[i].cat())];
        else if (where[i].what() == placement::kind::fired)
            ++r.counts.fired;
        else
            ++r.counts.unassigned;
        r.accounts.push_back(std::move(line));
        in_scope.push_back(i);
    }

    const auto deal_index = detail::deals_by_account(p);
    const detail::review_checks checks(p, as_of, options.rep, where);
    const review_policy& policy = p.review_policy();
    for (std::size_t k = 0; k < in_scope.size(); ++k) {
        const account& a = p.accounts()[in_scope[k]];
        account_findings(p, a, r.accounts[k].outcome, r.findings);
        checks.account_findings(a, where[in_scope[k]], r.findings);
        auto move = detail::suggestion(p, a, where[in_scope[k]], as_of,
                                       detail::positions_of(deal_index, a.id));
        if (move && policy.enabled(move->code)) {
            r.findings.push_back(checks.move_finding(a, *move));
            r.suggested_moves.push_back(std::move(*move));
        }
    }
    auto deals = make_pipeline(p, as_of, pipeline_options{options.rep}).findings;
    r.findings.insert(r.findings.end(), std::make_move_iterator(deals.begin()),
                      std::make_move_iterator(deals.end()));
    auto effort = effort_findings(p, as_of, options.rep);
    r.findings.insert(r.findings.end(), std::make_move_iterator(effort.begin()),
                      std::make_move_iterator(effort.end()));

    r.priorities = detail::rank_accounts(p, as_of, options.rep, where, deal_index);
    r.focus_lists = make_focus_lists(p, r.priorities, options.rep);
    for (std::size_t k = 0; k < r.focus_lists.size(); k += 4) {
        const rep* owner = p.find_rep(r.focus_lists[k].rep);
        const std::vector<focus_list> mine(r.focus_lists.begin() + static_cast<std::ptrdiff_t>(k),
                                           r.focus_lists.begin() + static_cast<std::ptrdiff_t>(k + 4));
        checks.rep_findings(*owner, mine, r.findings);
    }
    r.heat_map = detail::heat_map_of(p, options.rep, where);

    detail::drop_disabled(p, r.findings);
    std::stable_sort(r.findings.begin(), r.findings.end(),
                     [](const finding& x, const finding& y) { return x.severity > y.severity; });
    return r;
}

} // namespace v1
} // namespace kare
