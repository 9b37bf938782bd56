// Attribute values as JSON, shared by the plan and report writers.
#ifndef KARE_SRC_JSON_VALUES_HPP
#define KARE_SRC_JSON_VALUES_HPP

#include <kare/as_of.hpp>
#include <kare/value.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {
namespace detail {

inline boost::json::value to_json(const value& v)
{
    if (const double* d = std::get_if<double>(&v))
        return *d;
    if (const bool* b = std::get_if<bool>(&v))
        return *b;
    if (const std::string* s = std::get_if<std::string>(&v))
        return boost::json::string(*s);
    return boost::json::string(std::get<kare::date>(v).to_string());
}

/// The facts a report as of a past date left out, by kind; written only when
/// there are some, so that a report as of today reads as it always has.
inline void put_ignored(boost::json::object& o, const ignored_facts& ignored)
{
    if (ignored.total() == 0)
        return;
    boost::json::object x;
    x["total"] = ignored.total();
    x["accounts"] = ignored.accounts;
    x["moves"] = ignored.moves;
    x["deals"] = ignored.deals;
    x["evidence"] = ignored.evidence;
    x["close_date_changes"] = ignored.close_date_changes;
    x["closes"] = ignored.closes;
    x["deal_notes"] = ignored.deal_notes;
    x["last_activities"] = ignored.last_activities;
    x["activities"] = ignored.activities;
    o["facts_ignored"] = std::move(x);
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
