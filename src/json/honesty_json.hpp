// The honesty policy and deals in the plan document, read and written by the
// plan reader and writer. docs/honesty.md describes the keys.
#ifndef KARE_SRC_HONESTY_JSON_HPP
#define KARE_SRC_HONESTY_JSON_HPP

#include "document_reader.hpp"

#include <kare/deal.hpp>
#include <kare/honesty.hpp>
#include <kare/json.hpp>

#include <boost/json.hpp>

#include <string>

namespace kare {
inline namespace v1 {
namespace detail {

/// Reads the `honesty` member (the reader is at the document's root). Absent
/// members take their defaults; absent `required_evidence` and
/// `renewal_evidence` mean every declared evidence type.
honesty_policy read_honesty(document_reader& in, const boost::json::value& v,
                            const read_limits& limits);

/// Reads one deal (the reader is positioned on it). Amounts are decimal
/// strings in the digits of `currency`.
deal read_deal(document_reader& in, const boost::json::value& v, const std::string& currency,
               const read_limits& limits);

/// The `honesty` member, every key written.
boost::json::object honesty_json(const honesty_policy& policy);

/// One deal; optional members only when they carry information.
boost::json::object deal_json(const deal& d);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
