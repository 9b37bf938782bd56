// The slow, exact reader of one account of a JSON Lines stream: the plan
// reader's own code, so its errors are word for word the plan document's.
#ifndef KARE_SRC_STREAM_ACCOUNT_HPP
#define KARE_SRC_STREAM_ACCOUNT_HPP

#include <kare/account.hpp>
#include <kare/json.hpp>
#include <kare/value.hpp>

#include <boost/json/value.hpp>

namespace kare {
inline namespace v1 {
namespace detail {

/// Reads one account in the plan document's account format and checks it
/// against `fields` and the account's own rules (not "the owner is a rep").
/// @throws error with a path relative to the account, e.g. `attributes.risk`.
account read_stream_account(const boost::json::value& v, const schema& fields,
                            const read_limits& limits);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
