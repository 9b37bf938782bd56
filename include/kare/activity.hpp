/// @file
/// @brief The activity log: what a seller did, on which account, when.
#ifndef KARE_ACTIVITY_HPP
#define KARE_ACTIVITY_HPP

#include <kare/date.hpp>

#include <string>

namespace kare {
inline namespace v1 {

/// One logged activity.
///
/// It counts for the rep who logged it and toward the category the account
/// was in on `on` (see `placement_at`): moving the account later does not
/// rewrite what the activity counted for.
struct activity {
    kare::date on;        ///< The day it happened.
    std::string rep;      ///< Id of the rep who did it.
    std::string account;  ///< Id of the account it was for.
    std::string type;     ///< Id of an activity type of the plan's cookbook.
    std::string note;     ///< Optional free text.

    /// Equal when every member is equal.
    friend bool operator==(const activity&, const activity&) = default;
};

} // namespace v1
} // namespace kare

#endif
