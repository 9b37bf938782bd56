/// @file
/// @brief The activity log: what a seller did, on which account, when.
#ifndef KARE_ACTIVITY_HPP
#define KARE_ACTIVITY_HPP

#include <kare/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
    /// Its id in the log, unique there and never reused: given, or assigned
    /// when the activity joins a plan without one (`activity_id_for`).
    std::string id;

    /// Equal when every member is equal.
    friend bool operator==(const activity&, const activity&) = default;
};

/// The id kare assigns as the `number`th: `act-1`, `act-2`, …
/// @param number the activity's number, from 1
/// @return the id
std::string activity_id_for(std::uint64_t number);

/// The number of an id of the assigned form (`act-` and a decimal number
/// without leading zeros), or nothing for any other id.
/// @param id an activity id
/// @return its number, or nothing
std::optional<std::uint64_t> activity_id_number(std::string_view id) noexcept;

} // namespace v1
} // namespace kare

#endif
