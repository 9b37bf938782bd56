// The honesty derivation without the "as of" checks: facts dated after
// `as_of` are simply not yet known. `assess` checks, then derives; the plan's
// mutators derive at the date of the change they record.
#ifndef KARE_SRC_HONESTY_DERIVE_HPP
#define KARE_SRC_HONESTY_DERIVE_HPP

#include "word_list.hpp"

#include <kare/honesty.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

/// The assessment of `d` as of `as_of`, ignoring facts dated later.
honesty_assessment derive(const deal& d, const honesty_policy& policy, date as_of);

/// `assess` of the deal at `index` in `plan::deals()`, its place in the
/// document named only when a date is after `as_of`.
honesty_assessment assess_deal(const deal& d, const honesty_policy& policy, date as_of,
                               std::size_t index);

/// Whether `d` holds an evidence item dated after `after` and no later than `until`.
bool has_evidence_between(const deal& d, date after, date until) noexcept;

} // namespace detail
} // namespace v1
} // namespace kare

#endif
