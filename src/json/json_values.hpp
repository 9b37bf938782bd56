// Attribute values as JSON, shared by the plan and report writers.
#ifndef KARE_SRC_JSON_VALUES_HPP
#define KARE_SRC_JSON_VALUES_HPP

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

} // namespace detail
} // namespace v1
} // namespace kare

#endif
