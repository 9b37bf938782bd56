// The review checks (docs/review.md, "Findings"): quarterly reviews, heat
// maps, focus lists, an empty Recapture, rep fit and suggested moves.
#include "review_pass.hpp"
#include "word_list.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>
#include <kare/review_checks.hpp>

#include <algorithm>
#include <iterator>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {


finding make(std::string_view code, subject_kind kind, const std::string& id,
             std::vector<figure> figures, std::string message)
{
    const finding_code* entry = find_finding_code(code);
    finding f;
    f.code = std::string(code);
    f.severity = entry ? entry->severity : severity::warning;
    f.subject = kind;
    f.subject_id = id;
    f.figures = std::move(figures);
    f.message = std::move(message);
    return f;
}

std::string who(const account& a)
{
    return "'" + a.name + "' (" + a.id + ")";
}

std::string who(const rep& r)
{
    return r.name.empty() ? "'" + r.id + "'" : "'" + r.name + "' (" + r.id + ")";
}

std::string range(const review_policy& policy)
{
    return std::to_string(policy.focus_min) + "\xE2\x80\x93" + std::to_string(policy.focus_max);
}

} // namespace

review_checks::review_checks(const plan& p, date as_of, std::string_view rep,
                             const std::vector<placement>& where)
    : p_(p), as_of_(as_of)
{
    const auto& types = p.review_policy().quarterly_review_activities;
    for (const activity& a : p.activities()) {
        if (as_of < a.on || std::find(types.begin(), types.end(), a.type) == types.end())
            continue;
        auto [it, added] = last_review_.emplace(a.account, a.on);
        if (!added && it->second < a.on)
            it->second = a.on;
    }
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const account& a = p.accounts()[i];
        if (!rep.empty() && a.owner != rep)
            continue;
        book& b = books_[a.owner];
        if (where[i].is_assigned())
            b.placed.emplace_back(a.id, where[i].cat());
        if (a.relationship == relationship::former_client &&
            where[i].what() != placement::kind::fired)
            b.former_clients.push_back(a.id);
    }
}

void review_checks::account_findings(const account& a, placement where,
                                     std::vector<finding>& out) const
{
    if (!where.is_assigned())
        return;
    const review_policy& policy = p_.review_policy();
    if (where.cat() == category::keep) {
        const date first = as_of_.plus_days(1 - static_cast<std::int32_t>(policy.quarterly_review_days));
        auto last = last_review_.find(a.id);
        if (last == last_review_.end() || last->second < first) {
            std::vector<figure> figures{
                {"activities", policy.quarterly_review_activities},
                {"window_days", std::int64_t{policy.quarterly_review_days}},
                {"window_first", first.to_string()}};
            std::string message = who(a) + " is in Keep with no quarterly review (" +
                                  joined(policy.quarterly_review_activities, " or ") +
                                  ") on record since " + first.to_string() + " (" +
                                  std::to_string(policy.quarterly_review_days) + " days); ";
            if (last != last_review_.end()) {
                figures.push_back({"last_review", last->second.to_string()});
                message += "the last one was on " + last->second.to_string() + ".";
            } else {
                message += "none is on record.";
            }
            const auto& types = policy.quarterly_review_activities;
            if (std::none_of(types.begin(), types.end(), [&](const std::string& t) {
                    return p_.cookbook().find_activity(t) != nullptr;
                }))
                message += " The cookbook has no such activity type: set "
                           "policy.review.quarterly_review_activities.";
            out.push_back(make("account.no_quarterly_review", subject_kind::account, a.id,
                               std::move(figures), std::move(message)));
        }
    }
    if (where.cat() == category::expand && (p_.products().empty() || a.products.empty())) {
        const bool no_catalogue = p_.products().empty();
        out.push_back(make(
            "account.no_heat_map", subject_kind::account, a.id,
            {{"reason", std::string(no_catalogue ? "no_catalogue" : "no_products")},
             {"catalogue_products", static_cast<std::int64_t>(p_.products().size())}},
            who(a) + " is in Expand without a product heat map: " +
                (no_catalogue ? std::string("the plan has no product catalogue.")
                              : std::string("what it buys is not recorded."))));
    }
}

finding review_checks::move_finding(const account& a, const suggested_move& m) const
{
    std::vector<figure> figures{{"from", std::string(to_string(m.from))},
                                {"to", std::string(to_string(m.to))}};
    if (!m.won_deals.empty()) {
        std::vector<std::string> ids;
        for (const auto& w : m.won_deals)
            ids.push_back(w.id);
        figures.push_back({"won_deals", ids});
    }
    if (m.last_purchase) {
        figures.push_back({"last_purchase", m.last_purchase->to_string()});
        figures.push_back({"days_since_purchase", std::int64_t{m.days_since_purchase}});
        figures.push_back({"lapse_days", std::int64_t{m.lapse_days}});
    }
    std::string reason = m.reason;
    if (!reason.empty() && reason.front() >= 'A' && reason.front() <= 'Z')
        reason.front() = static_cast<char>(reason.front() - 'A' + 'a');
    return make(m.code, subject_kind::account, a.id, std::move(figures),
                "The facts suggest moving " + who(a) + " from " + category_title(m.from) + " to " +
                    category_title(m.to) + ": " + reason);
}

void review_checks::rep_findings(const rep& r, const std::vector<focus_list>& lists,
                                 std::vector<finding>& out) const
{
    const review_policy& policy = p_.review_policy();
    const bool blend = policy.rep_fit == rep_fit_strategy::blend;
    for (const focus_list& list : lists) {
        const std::vector<figure> base{{"category", std::string(to_string(list.cat))},
                                       {"accounts_in_category", static_cast<std::int64_t>(list.in_category)},
                                       {"focus", list.accounts},
                                       {"focus_min", std::int64_t{policy.focus_min}},
                                       {"focus_max", std::int64_t{policy.focus_max}}};
        const bool expected = blend || suits(r.style, list.cat);
        // Recapture depends on former clients existing: rep.recapture_empty judges it.
        const bool judged = expected && list.cat != category::recapture;
        if (judged && list.in_category == 0) {
            out.push_back(make("rep.focus_empty", subject_kind::rep, r.id, base,
                               who(r) + " has no account in " + category_title(list.cat) + ", a quadrant " +
                                   (blend ? std::string("every rep works under the blend strategy")
                                          : "their style (" + std::string(to_string(r.style)) +
                                                ") calls for") +
                                   "; the focus target is " + range(policy) + " accounts."));
        } else if (judged && list.accounts.size() < policy.focus_min) {
            out.push_back(make("rep.focus_short", subject_kind::rep, r.id, base,
                               "The focus list of " + who(r) + " in " + category_title(list.cat) + " holds " +
                                   std::to_string(list.accounts.size()) +
                                   (list.accounts.size() == 1 ? " account" : " accounts") +
                                   ", below the focus target of " + range(policy) + "."));
        }
        if (list.accounts.size() > policy.focus_max)
            out.push_back(make("rep.focus_overloaded", subject_kind::rep, r.id, base,
                               "The focus list named for " + who(r) + " in " + category_title(list.cat) +
                                   " holds " + std::to_string(list.accounts.size()) +
                                   " accounts, more than the focus target of " + range(policy) +
                                   "."));
    }

    auto it = books_.find(r.id);
    if (it == books_.end())
        return;
    const book& b = it->second;
    const bool recapture_held =
        std::any_of(b.placed.begin(), b.placed.end(),
                    [](const auto& e) { return e.second == category::recapture; });
    if (!b.former_clients.empty() && !recapture_held)
        out.push_back(make("rep.recapture_empty", subject_kind::rep, r.id,
                           {{"former_clients", b.former_clients}},
                           who(r) + " has " + std::to_string(b.former_clients.size()) +
                               (b.former_clients.size() == 1 ? " former client (" : " former clients (") +
                               joined(b.former_clients) + ") but no account in Recapture."));

    if (r.style == rep_style::both)
        return;
    std::vector<std::string> ids, where;
    for (const auto& [id, cat] : b.placed)
        if (!suits(r.style, cat)) {
            ids.push_back(id);
            where.emplace_back(to_string(cat));
        }
    const std::size_t total = b.placed.size();
    const bool raised = blend ? ids.size() * 2 > total : !ids.empty();
    if (!raised)
        return;
    std::vector<std::string> listed;
    for (std::size_t i = 0; i < ids.size(); ++i)
        listed.push_back(ids[i] + " (" + category_title(*category_from_string(where[i])) + ")");
    // Under focus these accounts ask no effort of the rep (their targets leave
    // them out): the fix is another owner, named when the plan has one whose
    // style suits every quadrant listed.
    std::vector<std::string> suited_ids, suited_names;
    if (!blend)
        for (const rep& other : p_.reps()) {
            if (other.id == r.id)
                continue;
            const bool fits = std::all_of(where.begin(), where.end(), [&](const std::string& c) {
                return suits(other.style, *category_from_string(c));
            });
            if (fits) {
                suited_ids.push_back(other.id);
                suited_names.push_back(who(other));
            }
        }
    std::string advice;
    if (blend)
        advice = "; the plan blends styles, but most of this book is outside it.";
    else
        advice = "; under the plan's focus strategy they ask no effort of this rep: reassign them to " +
                 (suited_names.empty() ? std::string("a rep whose style suits them (the plan has none yet)")
                                       : joined(suited_names, " or ")) +
                 ".";
    std::vector<figure> figures{{"style", std::string(to_string(r.style))},
                                {"strategy", std::string(to_string(policy.rep_fit))},
                                {"accounts", ids},
                                {"categories", where},
                                {"mismatched", static_cast<std::int64_t>(ids.size())},
                                {"total", static_cast<std::int64_t>(total)}};
    if (!blend)
        figures.push_back({"reassign_to", suited_ids});
    out.push_back(make("rep.style_mismatch", subject_kind::rep, r.id, std::move(figures),
                       who(r) + ", a " + std::string(to_string(r.style)) + ", works " +
                           std::to_string(ids.size()) + " of " + std::to_string(total) +
                           " categorised accounts in quadrants that do not suit that style: " +
                           joined(listed) + advice));
}

void drop_disabled(const plan& p, std::vector<finding>& findings)
{
    const review_policy& policy = p.review_policy();
    if (policy.disabled_checks.empty())
        return;
    std::erase_if(findings, [&](const finding& f) { return !policy.enabled(f.code); });
}

review_pass_result review_pass(const plan& p, date as_of, std::string_view rep,
                               const std::vector<placement>& where,
                               const account_hook& before_account)
{
    const auto deals = deals_by_account(p);
    const review_checks checks(p, as_of, rep, where);
    const review_policy& policy = p.review_policy();
    review_pass_result out;
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const account& a = p.accounts()[i];
        if (!rep.empty() && a.owner != rep)
            continue;
        if (before_account)
            before_account(i, out.account_findings);
        checks.account_findings(a, where[i], out.account_findings);
        auto move = suggestion(p, a, where[i], as_of, positions_of(deals, a.id));
        if (move && policy.enabled(move->code)) {
            out.account_findings.push_back(checks.move_finding(a, *move));
            out.moves.push_back(std::move(*move));
        }
    }
    out.priorities = rank_accounts(p, as_of, rep, where, deals);
    out.focus_lists = make_focus_lists(p, out.priorities, rep);
    // Four lists per rep in scope, K-A-R-E, reps in plan order.
    for (std::size_t k = 0; k < out.focus_lists.size(); k += 4) {
        const std::vector<focus_list> mine(
            out.focus_lists.begin() + static_cast<std::ptrdiff_t>(k),
            out.focus_lists.begin() + static_cast<std::ptrdiff_t>(k + 4));
        checks.rep_findings(*p.find_rep(out.focus_lists[k].rep), mine, out.rep_findings);
    }
    return out;
}

} // namespace detail

std::vector<finding> review_findings(const plan& p, date as_of, std::string_view rep)
{
    detail::require_rep(p, rep);
    auto pass = detail::review_pass(p, as_of, rep, detail::placements_in_scope(p, rep));
    std::vector<finding> out = std::move(pass.account_findings);
    out.insert(out.end(), std::make_move_iterator(pass.rep_findings.begin()),
               std::make_move_iterator(pass.rep_findings.end()));
    detail::drop_disabled(p, out);
    return out;
}

} // namespace v1
} // namespace kare
