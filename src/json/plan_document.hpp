// The plan reader's two halves, for readers of documents built from plans:
// the text to a JSON value under the limits, and a JSON value to a plan.
#ifndef KARE_SRC_PLAN_DOCUMENT_HPP
#define KARE_SRC_PLAN_DOCUMENT_HPP

#include <kare/json.hpp>
#include <kare/plan.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

/// Parses JSON text held to `limits` (size, depth); the value lives in `arena`.
/// @throws error `parse_error` naming the line and column, `limit_exceeded`.
boost::json::value parse_document(std::string_view json, const read_limits& limits,
                                  boost::json::monotonic_resource& arena);

/// Reads a parsed plan document as `read_plan` reads its text.
plan read_plan_document(const boost::json::value& doc, const read_limits& limits);

/// `write_plan` with its size bound given: `limit_exceeded` beyond `max_bytes`.
std::string write_plan_within(const plan& p, std::size_t max_bytes);

/// `write_plan(p, out)` with its size bound given: `out` receives at most
/// `max_bytes`, then `limit_exceeded` is thrown.
void write_plan_within(const plan& p, std::size_t max_bytes, std::ostream& out);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
