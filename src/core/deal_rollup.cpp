// Rolling up deal findings per account (docs/review.md, "account.deal_findings"):
// an account with dozens of open deals would otherwise bury the review under
// one finding per deal.
#include "review_pass.hpp"

#include <kare/plan.hpp>

#include <map>
#include <utility>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

constexpr std::size_t most_per_account = 3; // more than this many of one code roll up
constexpr std::size_t deals_named = 3;      // in the sentence; the figure lists every one

std::string deal_list(const std::vector<std::string>& ids)
{
    std::string out;
    const std::size_t shown = std::min(ids.size(), deals_named);
    for (std::size_t i = 0; i < shown; ++i)
        out += (i ? ", " : "") + ids[i];
    if (ids.size() > shown)
        out += " and " + std::to_string(ids.size() - shown) + " more";
    return out;
}

} // namespace

void roll_up_deal_findings(const plan& p, std::vector<finding>& findings)
{
    if (!p.review_policy().enabled("account.deal_findings"))
        return;
    // (account, code) -> positions in `findings`, in order.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const finding& f = findings[i];
        if (f.subject != subject_kind::deal)
            continue;
        const deal* d = p.find_deal(f.subject_id);
        if (!d)
            continue;
        groups[{d->account, f.code}].push_back(i);
    }
    std::vector<bool> rolled(findings.size(), false);
    std::vector<std::pair<std::size_t, finding>> summaries; // at the first one's place
    for (const auto& [key, positions] : groups) {
        if (positions.size() <= most_per_account)
            continue;
        const auto& [account_id, code] = key;
        std::vector<std::string> ids;
        for (std::size_t i : positions) {
            ids.push_back(findings[i].subject_id);
            rolled[i] = true;
        }
        const account* a = p.find_account(account_id);
        finding f;
        f.code = "account.deal_findings";
        f.severity = findings[positions.front()].severity;
        f.subject = subject_kind::account;
        f.subject_id = account_id;
        f.message = std::to_string(ids.size()) + " deals of " +
                    (a ? "'" + a->name + "' (" + account_id + ")" : "'" + account_id + "'") +
                    " raise " + code + ": " + deal_list(ids) + ".";
        f.figures = {{"code", code},
                     {"count", static_cast<std::int64_t>(ids.size())},
                     {"deals", std::move(ids)}};
        summaries.emplace_back(positions.front(), std::move(f));
    }
    if (summaries.empty())
        return;
    std::map<std::size_t, finding> at(std::make_move_iterator(summaries.begin()),
                                      std::make_move_iterator(summaries.end()));
    std::vector<finding> out;
    out.reserve(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (auto s = at.find(i); s != at.end())
            out.push_back(std::move(s->second));
        if (!rolled[i])
            out.push_back(std::move(findings[i]));
    }
    findings = std::move(out);
}

} // namespace detail
} // namespace v1
} // namespace kare
