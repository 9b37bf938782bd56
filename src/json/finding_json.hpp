// Findings as JSON, shared by the report, pipeline and progress writers.
#ifndef KARE_SRC_FINDING_JSON_HPP
#define KARE_SRC_FINDING_JSON_HPP

#include <kare/finding.hpp>

#include <boost/json.hpp>

#include <string>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

inline boost::json::array string_array(const std::vector<std::string>& items)
{
    boost::json::array out;
    for (const auto& s : items)
        out.push_back(boost::json::string(s));
    return out;
}

inline boost::json::value figure_json(const figure::value_type& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return *i;
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* s = std::get_if<std::string>(&v))
        return boost::json::string(*s);
    return string_array(std::get<std::vector<std::string>>(v));
}

inline boost::json::object finding_json(const finding& f)
{
    boost::json::object o;
    o["code"] = f.code;
    o["severity"] = to_string(f.severity);
    boost::json::object subject;
    subject["kind"] = to_string(f.subject);
    subject["id"] = f.subject_id;
    o["subject"] = std::move(subject);
    boost::json::object figures;
    for (const auto& fig : f.figures)
        figures[fig.name] = figure_json(fig.value);
    o["figures"] = std::move(figures);
    o["message"] = f.message;
    return o;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
