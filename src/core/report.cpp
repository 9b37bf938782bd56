#include "review_pass.hpp"
#include "word_list.hpp"

#include <kare/error.hpp>
#include <kare/pipeline.hpp>
#include <kare/plan.hpp>
#include <kare/report.hpp>
#include <kare/summary.hpp>

#include <algorithm>
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

// The findings the classification of one account raises: which ones is
// decided by `account_findings` (summary.hpp), the one rule the portfolio
// summary counts by; here they are only put in words.
void classification_findings(const plan& p, const account& a, const classification& c,
                             std::uint8_t raised, std::vector<finding>& out)
{
    const std::string who = "'" + a.name + "' (" + a.id + ")";
    using detail::account_finding;
    const auto has = [&](account_finding f) {
        return ((raised >> static_cast<unsigned>(f)) & 1U) != 0;
    };
    if (has(account_finding::ambiguous))
        out.push_back(make("account.ambiguous", a, {{"candidates", names(c.candidates)}},
                           who + " matches the " + joined(names(c.candidates)) +
                               " profiles; decide which category it belongs in."));
    if (has(account_finding::unassigned))
        out.push_back(make("account.unassigned", a, {},
                           who + " matches no profile and has no decision; categorise or "
                                 "fire it."));
    if (has(account_finding::tie_break))
        out.push_back(make("account.tie_break", a,
                           {{"candidates", names(c.candidates)},
                            {"chosen", std::string(c.result.name())}},
                           who + " matches the " + joined(names(c.candidates)) +
                               " profiles; the tie-break chose " + std::string(c.result.name()) +
                               "."));
    if (has(account_finding::unassigned_by_decision))
        out.push_back(make("account.unassigned_by_decision", a,
                           {{"candidates", names(c.candidates)}},
                           who + " is marked unassigned; categorise or fire it."));
    if (has(account_finding::contradicts_profile)) {
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
    if (has(account_finding::fire_suggested)) {
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

// Whether the report explains this account, given how it was placed.
bool explains(const report_options& options, const account& a, const classification& c)
{
    if (!options.explain_account.empty())
        return a.id == options.explain_account;
    switch (options.explain) {
    case explanation::all: return true;
    case explanation::none: return false;
    case explanation::needed:
        return c.basis == basis::none || c.basis == basis::tie_break || c.contradicts_profile();
    }
    return true;
}

// Drops the criterion checks, keeping each profile's verdict.
void drop_checks(classification& c)
{
    for (auto& outcome : c.profiles)
        if (outcome)
            std::vector<criterion_check>().swap(outcome->checks);
}

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from)
{
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace

std::string_view to_string(explanation e) noexcept
{
    switch (e) {
    case explanation::all: return "all";
    case explanation::needed: return "needed";
    case explanation::none: return "none";
    }
    return "all";
}

std::optional<explanation> explanation_from_string(std::string_view name) noexcept
{
    for (explanation e : {explanation::all, explanation::needed, explanation::none})
        if (to_string(e) == name)
            return e;
    return std::nullopt;
}

namespace detail {

report make_report(const plan& p, date as_of, const report_options& options, report_work& work)
{
    if (const ignored_facts later = facts_after(p, as_of); later.total() > 0) {
        report r = make_report(plan_as_of(p, as_of), as_of, options, work);
        r.ignored = later;
        return r;
    }
    require_rep(p, options.rep);
    if (!options.explain_account.empty() && p.find_account(options.explain_account) == nullptr)
        throw error(errc::not_found,
                    "no account has the id '" + options.explain_account + "' (explain_account)");
    report r;
    r.plan_name = p.name();
    r.as_of = as_of;
    r.rep = options.rep;
    // Where each account stands, once, from the plan's cached verdicts.
    const auto where = placements_in_scope(p, options.rep);
    const std::uint8_t profiled = p.compiled().profiled_categories();
    const profile_words words = words_of(p);
    auto pass = review_pass(p, as_of, options.rep, where, [&](std::size_t i, std::vector<finding>& out) {
        const account& a = p.accounts()[i];
        const placement_outcome outcome = p.placement_of(i);
        const compiled_verdict& verdict = p.verdict(i);
        const std::uint8_t raised = account_findings(outcome, verdict, profiled);
        // The placement from the cached verdict; the criteria walked, once,
        // only for an account the report explains or whose failed criteria
        // a finding names.
        account_result line{a.id, a.name, a.owner, detail::classify_account(p, a, verdict, false)};
        const bool named =
            ((raised >> static_cast<unsigned>(detail::account_finding::contradicts_profile)) & 1U) != 0;
        if (named || explains(options, a, line.outcome))
            line.outcome = detail::classify_account(p, a, verdict, true, &words);
        ++work.classifications;
        if (outcome.result.is_assigned())
            ++r.counts.by_category[static_cast<std::size_t>(outcome.result.cat())];
        else if (outcome.result.what() == placement::kind::fired)
            ++r.counts.fired;
        else
            ++r.counts.unassigned;
        classification_findings(p, a, line.outcome, raised, out);
        if (!explains(options, a, line.outcome)) {
            drop_checks(line.outcome);
            line.explained = false;
        }
        r.accounts.push_back(std::move(line));
    });

    r.pipeline = make_pipeline(p, as_of, pipeline_options{options.rep});
    ++work.pipelines;
    progress_options current;
    current.rep = options.rep;
    current.trend_periods = 0;
    r.progress = make_progress(p, as_of, current);
    ++work.progress_reports;

    r.findings = std::move(pass.account_findings);
    // The report rolls up an account's many deal findings; the pipeline keeps each.
    auto deals = r.pipeline.findings;
    roll_up_deal_findings(p, deals);
    append(r.findings, deals);
    append(r.findings, r.progress.findings);
    append(r.findings, pass.rep_findings);
    r.priorities = std::move(pass.priorities);
    r.focus_lists = std::move(pass.focus_lists);
    r.suggested_moves = std::move(pass.moves);
    r.heat_map = heat_map_of(p, options.rep, where);

    drop_disabled(p, r.findings);
    std::stable_sort(r.findings.begin(), r.findings.end(),
                     [](const finding& x, const finding& y) { return x.severity > y.severity; });
    r.scoreboard = make_scoreboard(r);
    return r;
}

} // namespace detail

report make_report(const plan& p, date as_of, const report_options& options)
{
    detail::report_work work;
    return detail::make_report(p, as_of, options, work);
}

} // namespace v1
} // namespace kare
