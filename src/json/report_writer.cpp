// The report document, written as it goes: each account, finding and list
// item is built and written on its own (canonical_stream.hpp), so the
// document is never held as a tree, and on a stream not even as text.
#include "canonical_stream.hpp"
#include "finding_json.hpp"
#include "json_values.hpp"
#include "review_json.hpp"

#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>

#include <ostream>

namespace kare {
inline namespace v1 {

namespace {

using boost::json::array;
using boost::json::object;

array category_names(const std::vector<category>& cats)
{
    array out;
    for (category c : cats)
        out.push_back(boost::json::string(to_string(c)));
    return out;
}

object outcome_json(const rule_outcome& r, bool explained)
{
    object o;
    o["held"] = r.held;
    if (!explained)
        return o; // the verdict without its checks (report_options::explain)
    array checks;
    for (const auto& c : r.checks) {
        object co;
        co["path"] = c.path;
        co["criterion"] = c.text;
        co["held"] = c.held;
        co["actual"] = c.actual ? detail::to_json(*c.actual) : boost::json::value(nullptr);
        checks.push_back(std::move(co));
    }
    o["checks"] = std::move(checks);
    return o;
}

object account_json(const account_result& a)
{
    object o;
    o["id"] = a.id;
    o["name"] = a.name;
    o["owner"] = a.owner;
    o["placement"] = a.outcome.result.name();
    o["basis"] = to_string(a.outcome.basis);
    o["candidates"] = category_names(a.outcome.candidates);
    const auto& fire = a.outcome.fire_suggestions;
    if (fire.size() > listed_fire_rules) {
        o["fire_suggestions"] = detail::string_array(std::vector<std::string>(
            fire.begin(), fire.begin() + static_cast<std::ptrdiff_t>(listed_fire_rules)));
        o["fire_suggestions_not_listed"] = fire.size() - listed_fire_rules;
    } else {
        o["fire_suggestions"] = detail::string_array(fire);
    }
    object profiles;
    for (category c : all_categories)
        if (const auto& r = a.outcome.profiles[static_cast<std::size_t>(c)])
            profiles[to_string(c)] = outcome_json(*r, a.explained);
    o["profiles"] = std::move(profiles);
    return o;
}

void stream_report(detail::canonical_stream& s, const report& r)
{
    detail::object_stream o(s, 0);
    o.member("format", "kare-report");
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
    object summary;
    for (category c : all_categories)
        summary[to_string(c)] = r.counts.by_category[static_cast<std::size_t>(c)];
    summary["fired"] = r.counts.fired;
    summary["unassigned"] = r.counts.unassigned;
    summary["total"] = r.counts.total();
    o.member("summary", summary);
    detail::array_stream accounts = o.array_member("accounts");
    for (const auto& a : r.accounts)
        accounts.item(account_json(a));
    accounts.end();
    detail::stream_findings(o, r.findings);
    detail::stream_review_lists(o, r);
    o.end();
    s.text() += '\n';
    s.finish();
}

} // namespace

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const report& r)
{
    // Read back from the document, so that there is one way a report is written.
    out = boost::json::parse(write_report(r));
}

std::string write_report(const report& r)
{
    std::string text;
    detail::canonical_stream s(text);
    stream_report(s, r);
    return text;
}

void write_report(const report& r, std::ostream& out)
{
    detail::canonical_stream s(out);
    stream_report(s, r);
}

std::string write_figures(const std::vector<figure>& figures)
{
    boost::json::object o;
    for (const auto& fig : figures)
        o[fig.name] = detail::figure_json(fig.value);
    return to_canonical_text(o);
}

} // namespace v1
} // namespace kare
