// The pipeline report document. Amounts are decimal strings, the bloat ratio
// an exact fraction with a rounded decimal beside it: never a JSON float.
#include "json_values.hpp"
#include "finding_json.hpp"
#include "pipeline_json.hpp"

#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

namespace {

using boost::json::array;
using boost::json::object;

// Optimistic first: the order a reader scans a pipeline in.
constexpr std::array<honesty_state, 4> state_order{honesty_state::qualified, honesty_state::stalled,
                                                   honesty_state::unqualified, honesty_state::dead};

// Digits of the bloat ratio's decimal form: 0.0001 of a pipeline is finer
// than any forecast needs, and the exact fraction is written beside it.
constexpr unsigned ratio_places = 4;

boost::json::value text_or_null(const std::string& s)
{
    return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

object deal_json(const deal_line& d)
{
    const honesty_assessment& a = d.assessment;
    object o;
    o["id"] = d.id;
    o["account"] = d.account;
    o["rep"] = text_or_null(d.rep);
    o["category"] = to_string(d.bucket);
    o["stage"] = d.stage;
    o["amount"] = d.amount.to_string();
    o["outcome"] = to_string(d.outcome);
    o["lost_reason"] = text_or_null(d.lost_reason);
    o["next_step"] = text_or_null(d.next_step);
    o["expected_close"] = d.expected_close.to_string();
    o["state"] = a.state ? boost::json::value(to_string(*a.state)) : boost::json::value(nullptr);
    o["cause"] = to_string(a.cause);
    o["reason"] = a.reason;
    o["missing_evidence"] = detail::string_array(a.missing_evidence);
    o["days_idle"] = a.days_idle;
    o["days_unqualified"] = a.days_unqualified;
    o["pushes"] = a.pushes;
    o["explained"] = a.explained;
    o["distorting"] = a.distorting;
    o["slipping"] = a.slipping;
    o["close_date_passed"] = a.close_date_passed;
    o["declared_unsupported"] = a.declared_unsupported;
    o["died_on"] = a.died_on ? boost::json::value(a.died_on->to_string())
                             : boost::json::value(nullptr);
    return o;
}

} // namespace

boost::json::object detail::pipeline_totals_json(const pipeline_totals& t)
{
    using boost::json::object;

    object o;
    o["open_deals"] = t.open_deals;
    o["total"] = t.total.to_string();
    o["honest_total"] = t.honest_total.to_string();
    o["hope_total"] = t.hope_total.to_string();
    if (auto bloat = t.bloat_ratio()) {
        object b;
        b["numerator"] = money::from_minor(bloat->numerator, t.total.digits()).to_string();
        b["denominator"] = money::from_minor(bloat->denominator, t.total.digits()).to_string();
        b["value"] = bloat->to_decimal(ratio_places);
        o["bloat_ratio"] = std::move(b);
    } else {
        o["bloat_ratio"] = nullptr;
    }
    object states;
    for (honesty_state s : state_order) {
        object so;
        so["count"] = t.count_by_state[static_cast<std::size_t>(s)];
        so["amount"] = t.amount_by_state[static_cast<std::size_t>(s)].to_string();
        states[to_string(s)] = std::move(so);
    }
    o["states"] = std::move(states);
    return o;
}

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out,
                const pipeline_report& r)
{
    object o;
    o["format"] = "kare-pipeline";
    o["version"] = KARE_PLAN_FORMAT_VERSION;
    o["plan"] = r.plan_name;
    o["as_of"] = r.as_of.to_string();
    detail::put_ignored(o, r.ignored);
    o["rep"] = text_or_null(r.rep);
    o["currency"] = r.currency;
    o["summary"] = detail::pipeline_totals_json(r.overall);
    array reps;
    for (const auto& rp : r.by_rep) {
        object ro;
        ro["rep"] = text_or_null(rp.rep);
        ro["totals"] = detail::pipeline_totals_json(rp.totals);
        reps.push_back(std::move(ro));
    }
    o["by_rep"] = std::move(reps);
    object categories;
    for (deal_bucket b : all_deal_buckets)
        categories[to_string(b)] = detail::pipeline_totals_json(r.by_bucket[static_cast<std::size_t>(b)]);
    o["by_category"] = std::move(categories);
    object closed;
    object won;
    won["count"] = r.closed.won;
    won["amount"] = r.closed.won_amount.to_string();
    closed["won"] = std::move(won);
    object lost;
    lost["count"] = r.closed.lost;
    lost["amount"] = r.closed.lost_amount.to_string();
    object by_reason;
    for (const auto& [reason, n] : r.closed.lost_by_reason)
        by_reason[reason] = n;
    lost["by_reason"] = std::move(by_reason);
    closed["lost"] = std::move(lost);
    o["closed"] = std::move(closed);
    array hope;
    for (const auto& h : r.hope) {
        object ho;
        ho["deal"] = h.id;
        ho["account"] = h.account;
        ho["rep"] = text_or_null(h.rep);
        ho["amount"] = h.amount.to_string();
        ho["state"] = to_string(h.state);
        ho["reason"] = h.reason;
        hope.push_back(std::move(ho));
    }
    o["hope"] = std::move(hope);
    array deals;
    deals.reserve(r.deals.size());
    for (const auto& d : r.deals)
        deals.push_back(deal_json(d));
    o["deals"] = std::move(deals);
    array findings;
    for (const auto& f : r.findings)
        findings.push_back(detail::finding_json(f));
    o["findings"] = std::move(findings);
    out = std::move(o);
}

std::string write_pipeline(const pipeline_report& r)
{
    return to_canonical_text(boost::json::value_from(r));
}

} // namespace v1
} // namespace kare
