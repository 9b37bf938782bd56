// The pipeline report: each deal assessed, the figures summed exactly, the
// hope deals ranked and the deal findings raised.
#include "deal_total.hpp"
#include "honesty_derive.hpp"

#include <kare/error.hpp>
#include <kare/pipeline.hpp>
#include <kare/plan.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {

namespace {

constexpr std::array<std::string_view, 7> bucket_names{
    "keep", "attain", "recapture", "expand", "unassigned", "fired", "unknown_account"};

money add(money a, money b)
{
    auto sum = checked_add(a, b);
    if (!sum)
        throw error(errc::limit_exceeded,
                    "a pipeline total does not fit in 64-bit minor units");
    return *sum;
}

pipeline_totals zero_totals(unsigned digits)
{
    pipeline_totals t;
    const money zero = money::from_minor(0, digits);
    t.total = t.honest_total = t.hope_total = zero;
    t.amount_by_state.fill(zero);
    return t;
}

void count(pipeline_totals& t, const deal_line& line)
{
    const auto s = static_cast<std::size_t>(*line.assessment.state);
    ++t.open_deals;
    ++t.count_by_state[s];
    t.amount_by_state[s] = add(t.amount_by_state[s], line.amount);
    t.total = add(t.total, line.amount);
    if (*line.assessment.state == honesty_state::qualified)
        t.honest_total = add(t.honest_total, line.amount);
    else
        t.hope_total = add(t.hope_total, line.amount);
}

// The account's placement comes from the plan's cached verdicts: the
// pipeline evaluates no profile.
deal_bucket bucket_of(const plan& p, std::optional<std::size_t> i)
{
    if (!i)
        return deal_bucket::unknown_account;
    const placement where = p.placement_of(*i).result;
    if (where.is_assigned())
        return static_cast<deal_bucket>(where.cat());
    return where.what() == placement::kind::fired ? deal_bucket::fired : deal_bucket::unassigned;
}

finding make(std::string_view code, const deal_line& line, std::vector<figure> figures,
             std::string message)
{
    const finding_code* entry = find_finding_code(code);
    finding f;
    f.code = std::string(code);
    f.severity = entry ? entry->severity : severity::warning;
    f.subject = subject_kind::deal;
    f.subject_id = line.id;
    f.figures = std::move(figures);
    f.message = std::move(message);
    return f;
}

// A figure holds a 64-bit whole number; an int32 alone would be ambiguous with double.
std::int64_t whole(std::int32_t n) { return n; }

// The findings one open deal raises.
void deal_findings(const plan& p, const deal& d, const deal_line& line, const std::string& currency,
                   std::vector<finding>& out)
{
    const honesty_assessment& a = line.assessment;
    const std::string amount = line.amount.to_string();
    const std::string who = "The deal '" + line.id + "' on " + line.account + " (" + amount + " " +
                            currency + ")";
    const figure fig_amount{"amount", amount};
    const figure fig_currency{"currency", currency};
    switch (*a.state) {
    case honesty_state::unqualified:
        out.push_back(make(a.distorting ? "deal.distorting" : "deal.hope", line,
                           {fig_amount, fig_currency,
                            {"missing", a.missing_evidence},
                            {"days_unqualified", whole(a.days_unqualified)},
                            {"limit_days", whole(a.rules.unqualified_flag_after_days)}},
                           who + " is " + a.reason + "."));
        break;
    case honesty_state::stalled:
        if (a.explained)
            out.push_back(make("deal.stalled_explained", line,
                               {fig_amount, fig_currency,
                                {"reason", d.stall->reason},
                                {"resume_on", d.stall->resume_on.to_string()}},
                               who + " is " + a.reason + "."));
        else
            out.push_back(make("deal.stalled", line,
                               {fig_amount, fig_currency,
                                {"cause", std::string(to_string(a.cause))},
                                {"days_idle", whole(a.days_idle)},
                                {"limit_days", whole(a.rules.stall_after_days)},
                                {"expected_close", line.expected_close.to_string()}},
                               who + " is " + a.reason + "."));
        break;
    case honesty_state::dead:
        out.push_back(make("deal.dead", line,
                           {fig_amount, fig_currency,
                            {"cause", std::string(to_string(a.cause))},
                            {"died_on", a.died_on->to_string()}},
                           who + " is " + a.reason + "; close it as lost or revive it with new "
                                                     "evidence."));
        break;
    case honesty_state::qualified: break;
    }
    if (a.slipping)
        out.push_back(make("deal.slipping", line,
                           {{"pushes", static_cast<std::int64_t>(a.pushes)},
                            {"limit", static_cast<std::int64_t>(a.rules.slipping_after_pushes)},
                            {"expected_close", line.expected_close.to_string()}},
                           who + " has had its close date pushed " + std::to_string(a.pushes) +
                               " times; it is slipping."));
    if (a.declared_unsupported)
        out.push_back(make("deal.declared_unsupported", line,
                           {{"missing", a.missing_evidence},
                            {"declared_on", d.declared->on.to_string()}},
                           who + " was called qualified on " + d.declared->on.to_string() +
                               " without " + detail::joined(a.missing_evidence) +
                               "; it counts as " + std::string(to_string(*a.state)) + "."));
    if (line.bucket == deal_bucket::fired)
        out.push_back(make("deal.on_fired_account", line,
                           {{"account", line.account}, fig_amount, fig_currency},
                           who + " is on a fired account; close it or reconsider the firing."));
    if (line.bucket == deal_bucket::unknown_account)
        out.push_back(make("deal.unknown_account", line,
                           {{"account", line.account}, fig_amount, fig_currency},
                           who + " names an account the plan does not hold; add the account or "
                                 "correct the deal."));
    if (line.bucket == deal_bucket::keep) {
        const auto& renewal = p.honesty().renewal_evidence;
        const bool has = std::any_of(d.evidence.begin(), d.evidence.end(), [&](const evidence_item& e) {
            // assess() has refused evidence dated after the as-of date.
            return std::find(renewal.begin(), renewal.end(), e.type) != renewal.end();
        });
        if (!renewal.empty() && !has)
            out.push_back(make("deal.keep_no_renewal_evidence", line,
                               {{"account", line.account}, {"renewal_evidence", renewal}},
                               who + " is on a Keep account with no renewal evidence (" +
                                   detail::joined(renewal) + ") on record."));
    }
}

} // namespace

std::string_view to_string(deal_bucket b) noexcept
{
    return bucket_names[static_cast<std::size_t>(b)];
}

std::optional<ratio> pipeline_totals::bloat_ratio() const
{
    if (total.minor_units() <= 0)
        return std::nullopt;
    return ratio{hope_total.minor_units(), total.minor_units()};
}

namespace {

pipeline_report pipeline_of(const plan& p, date as_of, const pipeline_options& options)
{
    if (!options.rep.empty() && !p.find_rep(options.rep))
        throw error(errc::not_found, "no rep has the id '" + options.rep + "'");
    detail::check_deal_total(p.deals()); // deals added since reading: named before any total
    const honesty_policy& policy = p.honesty();
    const unsigned digits = currency_digits(p.settings().currency);
    const money zero = money::from_minor(0, digits);

    pipeline_report r;
    r.plan_name = p.name();
    r.as_of = as_of;
    r.rep = options.rep;
    r.currency = p.settings().currency;
    r.overall = zero_totals(digits);
    r.by_bucket.fill(zero_totals(digits));
    r.closed.won_amount = r.closed.lost_amount = zero;
    for (const auto& reason : policy.lost_reasons)
        r.closed.lost_by_reason.emplace_back(reason, 0);
    for (const auto& rp : p.reps())
        if (options.rep.empty() || rp.id == options.rep)
            r.by_rep.push_back(rep_pipeline{rp.id, zero_totals(digits)});
    std::optional<rep_pipeline> no_rep;

    std::vector<finding> findings;
    for (std::size_t i = 0; i < p.deals().size(); ++i) {
        const deal& d = p.deals()[i];
        deal_line line;
        line.id = d.id;
        line.account = d.account;
        line.rep = d.owner;
        const auto account_at = p.account_index(d.account);
        if (line.rep.empty() && account_at)
            line.rep = p.accounts()[*account_at].owner;
        if (!options.rep.empty() && line.rep != options.rep)
            continue;
        if (d.amount.digits() != digits)
            throw error(errc::invalid_plan,
                        "the amount has " + std::to_string(d.amount.digits()) +
                            " decimal digits but " + p.settings().currency + " has " +
                            std::to_string(digits),
                        location().item("deals", i, d.id).key("amount"));
        line.bucket = bucket_of(p, account_at);
        line.stage = d.stage;
        line.amount = d.amount;
        line.outcome = d.outcome;
        line.lost_reason = d.lost_reason;
        line.next_step = d.next_step;
        line.expected_close = d.expected_close;
        line.assessment = detail::assess_deal(d, policy, as_of, i);

        if (d.outcome == deal_outcome::won) {
            ++r.closed.won;
            r.closed.won_amount = add(r.closed.won_amount, d.amount);
        } else if (d.outcome == deal_outcome::lost) {
            ++r.closed.lost;
            r.closed.lost_amount = add(r.closed.lost_amount, d.amount);
            for (auto& [reason, n] : r.closed.lost_by_reason)
                if (reason == d.lost_reason)
                    ++n;
        } else {
            count(r.overall, line);
            count(r.by_bucket[static_cast<std::size_t>(line.bucket)], line);
            auto it = std::find_if(r.by_rep.begin(), r.by_rep.end(),
                                   [&](const rep_pipeline& x) { return x.rep == line.rep; });
            if (it != r.by_rep.end()) {
                count(it->totals, line);
            } else {
                if (!no_rep)
                    no_rep = rep_pipeline{{}, zero_totals(digits)};
                count(no_rep->totals, line);
            }
            if (*line.assessment.state != honesty_state::qualified)
                r.hope.push_back(hope_deal{line.id, line.account, line.rep, line.amount,
                                           *line.assessment.state, line.assessment.reason});
            deal_findings(p, d, line, r.currency, findings);
        }
        r.deals.push_back(std::move(line));
    }
    if (no_rep)
        r.by_rep.push_back(std::move(*no_rep));
    std::stable_sort(r.hope.begin(), r.hope.end(), [](const hope_deal& x, const hope_deal& y) {
        if (x.amount.minor_units() != y.amount.minor_units())
            return x.amount.minor_units() > y.amount.minor_units();
        return x.id < y.id;
    });
    std::stable_sort(findings.begin(), findings.end(),
                     [](const finding& x, const finding& y) { return x.severity > y.severity; });
    r.findings = std::move(findings);
    return r;
}

} // namespace

pipeline_report make_pipeline(const plan& p, date as_of, const pipeline_options& options)
{
    const ignored_facts later = facts_after(p, as_of);
    if (later.total() == 0)
        return pipeline_of(p, as_of, options);
    pipeline_report r = pipeline_of(plan_as_of(p, as_of), as_of, options);
    r.ignored = later;
    return r;
}

} // namespace v1
} // namespace kare
