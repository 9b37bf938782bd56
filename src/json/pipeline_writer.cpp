// The pipeline report document. Amounts are decimal strings, the bloat ratio
// an exact fraction with a rounded decimal beside it: never a JSON float.
// Written as it is produced (canonical_stream.hpp): no tree of the document.
#include "canonical_stream.hpp"
#include "json_values.hpp"
#include "finding_json.hpp"
#include "pipeline_json.hpp"
#include "review_json.hpp"

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

namespace {

object closed_json(const pipeline_report& r)
{
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
    return closed;
}

object hope_json(const hope_deal& h)
{
    object o;
    o["deal"] = h.id;
    o["account"] = h.account;
    o["rep"] = text_or_null(h.rep);
    o["amount"] = h.amount.to_string();
    o["state"] = to_string(h.state);
    o["reason"] = h.reason;
    return o;
}

// Totals are written whole; the lists that grow with the plan item by item.
void stream_pipeline(detail::canonical_stream& s, const pipeline_report& r)
{
    detail::object_stream o(s, 0);
    o.member("format", "kare-pipeline");
    o.member("version", KARE_PLAN_FORMAT_VERSION);
    o.member("plan", boost::json::string(r.plan_name));
    o.member("as_of", boost::json::string(r.as_of.to_string()));
    {
        object ignored; // the same member, present only when facts were left out
        detail::put_ignored(ignored, r.ignored);
        for (const auto& m : ignored)
            o.member(m.key(), m.value());
    }
    o.member("rep", text_or_null(r.rep));
    o.member("currency", boost::json::string(r.currency));
    o.member("summary", detail::pipeline_totals_json(r.overall));
    detail::array_stream reps = o.array_member("by_rep");
    for (const auto& rp : r.by_rep) {
        object ro;
        ro["rep"] = text_or_null(rp.rep);
        ro["totals"] = detail::pipeline_totals_json(rp.totals);
        reps.item(ro);
    }
    reps.end();
    object categories;
    for (deal_bucket b : all_deal_buckets)
        categories[to_string(b)] = detail::pipeline_totals_json(r.by_bucket[static_cast<std::size_t>(b)]);
    o.member("by_category", categories);
    o.member("closed", closed_json(r));
    detail::array_stream hope = o.array_member("hope");
    for (const auto& h : r.hope)
        hope.item(hope_json(h));
    hope.end();
    detail::array_stream deals = o.array_member("deals");
    for (const auto& d : r.deals)
        deals.item(deal_json(d));
    deals.end();
    detail::stream_findings(o, r.findings);
    o.end();
    s.text() += '\n';
    s.finish();
}

} // namespace

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out,
                const pipeline_report& r)
{
    // Read back from the document, so that there is one way a pipeline is written.
    out = boost::json::parse(write_pipeline(r), out.storage());
}

std::string write_pipeline(const pipeline_report& r)
{
    std::string text;
    detail::canonical_stream s(text);
    stream_pipeline(s, r);
    return text;
}

void write_pipeline(const pipeline_report& r, std::ostream& out)
{
    detail::canonical_stream s(out);
    stream_pipeline(s, r);
}

} // namespace v1
} // namespace kare
