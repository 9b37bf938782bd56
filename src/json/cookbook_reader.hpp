// Reading the cookbook, the activity policy and the activity log of a plan
// document; plan_reader.cpp calls these at the matching keys.
#ifndef KARE_SRC_COOKBOOK_READER_HPP
#define KARE_SRC_COOKBOOK_READER_HPP

#include "document_reader.hpp"

#include <kare/activity.hpp>
#include <kare/activity_policy.hpp>
#include <kare/cookbook.hpp>

#include <boost/json/fwd.hpp>

#include <cstddef>

namespace kare {
inline namespace v1 {
namespace detail {

/// Limits on the cookbook's lists (hostile documents fail fast).
struct cookbook_limits {
    std::size_t max_activity_types; ///< Declared activity types.
    std::size_t max_targets;        ///< Targets.
};

/// The value at `cookbook`; the caller has entered the key.
cookbook read_cookbook(document_reader& in, const boost::json::value& v,
                       const cookbook_limits& limits);

/// The value at `policy.pacing`; the caller has entered `policy`.
pacing_policy read_pacing(document_reader& in, const boost::json::value& v);

/// The value at `policy.effort`; the caller has entered `policy`.
effort_policy read_effort(document_reader& in, const boost::json::value& v);

/// One entry of `activities`; the caller has entered its index.
activity read_activity(document_reader& in, const boost::json::value& v);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
