// The progress document (docs/cookbook.md, "The progress document"), written
// as it is produced (canonical_stream.hpp): no tree of the document.
#include "canonical_stream.hpp"
#include "json_values.hpp"
#include "finding_json.hpp"
#include "review_json.hpp"

#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

namespace {

using boost::json::array;
using boost::json::object;

// The figures of a count against its target, shared by periods and accounts.
void put_counts(object& o, const period_progress& p)
{
    o["target"] = p.target;
    o["done"] = p.done;
    o["expected"] = p.expected;
    o["gap"] = p.gap;
    o["remaining"] = p.remaining;
    o["status"] = to_string(p.status);
}

object period_json(const period_progress& p)
{
    object o;
    o["label"] = p.label;
    o["first"] = p.span.first.to_string();
    o["last"] = p.span.last.to_string();
    o["days_elapsed"] = p.days_elapsed;
    o["days_total"] = p.days_total;
    put_counts(o, p);
    return o;
}

// A target's figures written whole; its accounts, as many as the rep's book, one by one.
void stream_target(detail::object_stream& o, const target_progress& t)
{
    o.member("category", boost::json::string(to_string(t.goal.cat)));
    o.member("activity", boost::json::string(t.goal.activity));
    o.member("activity_name", boost::json::string(t.activity_name));
    o.member("count", t.goal.count);
    o.member("period", boost::json::string(to_string(t.goal.per)));
    o.member("scope", boost::json::string(to_string(t.goal.scope)));
    o.member("accounts", t.accounts);
    o.member("current", period_json(t.current));
    array trend;
    for (const auto& p : t.trend)
        trend.push_back(period_json(p));
    o.member("trend", trend);
    if (t.goal.scope == target_scope::account) {
        detail::array_stream accounts = o.array_member("by_account");
        for (const auto& a : t.by_account) {
            object ao;
            ao["id"] = a.id;
            ao["name"] = a.name;
            put_counts(ao, a.current);
            accounts.item(ao);
        }
        accounts.end();
    }
}

object effort_json(const effort_summary& e)
{
    object o;
    o["first"] = e.first.to_string();
    o["last"] = e.last.to_string();
    o["mix_source"] = to_string(e.source);
    o["total"] = e.total;
    o["uncategorised"] = e.uncategorised;
    object categories;
    for (category c : all_categories) {
        const category_effort& line = e.categories[static_cast<std::size_t>(c)];
        object co;
        co["activities"] = line.activities;
        co["accounts"] = line.accounts;
        co["intended_percent"] = line.intended_percent;
        categories[to_string(c)] = std::move(co);
    }
    o["categories"] = std::move(categories);
    return o;
}

void stream_progress(detail::canonical_stream& s, const progress_report& r)
{
    detail::object_stream o(s, 0);
    o.member("format", "kare-progress");
    o.member("version", KARE_PLAN_FORMAT_VERSION);
    o.member("plan", boost::json::string(r.plan_name));
    o.member("as_of", boost::json::string(r.as_of.to_string()));
    {
        object ignored; // the same member, present only when facts were left out
        detail::put_ignored(ignored, r.ignored);
        for (const auto& m : ignored)
            o.member(m.key(), m.value());
    }
    o.member("rep", r.rep.empty() ? boost::json::value(nullptr) : boost::json::value(r.rep));
    o.member("fiscal_year_start_month", r.fiscal_year_start_month);
    o.member("pro_rate_by", boost::json::string(to_string(r.basis)));
    detail::array_stream reps = o.array_member("reps");
    for (const auto& rp : r.reps) {
        detail::object_stream ro = reps.object_item();
        ro.member("id", boost::json::string(rp.id));
        ro.member("name", boost::json::string(rp.name));
        detail::array_stream targets = ro.array_member("targets");
        for (const auto& t : rp.targets) {
            detail::object_stream to = targets.object_item();
            stream_target(to, t);
            to.end();
        }
        targets.end();
        ro.member("effort", effort_json(rp.effort));
        ro.end();
    }
    reps.end();
    detail::stream_findings(o, r.findings);
    o.end();
    s.text() += '\n';
    s.finish();
}

} // namespace

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out,
                const progress_report& r)
{
    // Read back from the document, so that there is one way progress is written.
    out = boost::json::parse(write_progress(r), out.storage());
}

std::string write_progress(const progress_report& r)
{
    std::string text;
    detail::canonical_stream s(text);
    stream_progress(s, r);
    return text;
}

void write_progress(const progress_report& r, std::ostream& out)
{
    detail::canonical_stream s(out);
    stream_progress(s, r);
}

} // namespace v1
} // namespace kare
