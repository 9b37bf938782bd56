/// @file
/// @brief One account over time: where it was placed and why, its deals with
/// their dated facts and their state, and its logged activity by day
/// (`kare timeline`). Not to be confused with `timeline.hpp`, which answers
/// where an account stood on one date.
#ifndef KARE_ACCOUNT_HISTORY_HPP
#define KARE_ACCOUNT_HISTORY_HPP

#include <kare/account.hpp>
#include <kare/category.hpp>
#include <kare/classify.hpp>
#include <kare/date.hpp>
#include <kare/deal.hpp>
#include <kare/money.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// What happened to a deal on a date.
enum class deal_event_kind : std::uint8_t {
    opened,              ///< Opened; no detail.
    evidence,            ///< Evidence obtained; `detail` its type, `note` its source.
    close_date_changed,  ///< Expected close moved; `detail` "FROM -> TO", `note` why.
    stage_changed,       ///< Moved to another stage; `detail` "FROM -> TO", `note` why.
    stall_declared,      ///< A stall declared; `detail` the resume date, `note` why.
    state_declared,      ///< A state set by hand; `detail` the state, `note` why.
    revived,             ///< Brought back to life; `detail` the day it had died, `note` why.
    closed,              ///< Won or lost; `detail` the outcome, `note` the lost reason.
};

/// `"opened"`, `"evidence"`, `"close_date_changed"`, `"stage_changed"`, `"stall_declared"`,
/// `"state_declared"`, `"revived"` or `"closed"`.
/// @param k a kind of event
/// @return its name in the timeline document
std::string_view to_string(deal_event_kind k) noexcept;

/// One dated fact of a deal.
struct deal_event {
    kare::date on;          ///< When.
    deal_event_kind what = deal_event_kind::opened; ///< What happened.
    std::string detail;     ///< What it was (see `deal_event_kind`).
    std::string note;       ///< Where from or why; may be empty.
};

/// A deal of the account, with its facts in date order.
struct deal_history {
    std::string id;          ///< Deal id.
    money amount;            ///< Amount.
    std::string stage;       ///< Stage on the day asked.
    kare::date expected_close; ///< Expected close date as of the date asked.
    deal_outcome outcome = deal_outcome::open; ///< Open, won or lost as of the date asked.
    std::optional<honesty_state> state; ///< Its honesty as of the date asked, when open.
    std::string reason;      ///< Why it has that state, in words.
    std::vector<deal_event> events; ///< Its facts, oldest first (same day: in the order of `deal_event_kind`).
};

/// Activities logged on the account on one day.
struct activity_day {
    kare::date on;          ///< The day.
    std::size_t count = 0;  ///< How many.
};

/// One account over time, as of a date: facts dated later are left out.
struct account_history {
    std::string id;    ///< Account id.
    std::string name;  ///< Account name.
    std::string owner; ///< Owning rep.
    kare::date as_of;  ///< The date asked about.
    std::optional<kare::date> added; ///< When it entered the plan, if recorded.
    placement now;     ///< Where it stands on `as_of`; never open.
    kare::basis basis = kare::basis::none; ///< How `now` was reached.
    std::vector<move_record> moves;   ///< Its recorded decisions up to `as_of`, oldest first.
    std::vector<deal_history> deals;  ///< Its deals opened by `as_of`, in plan order.
    std::vector<activity_day> activities; ///< Activity per day up to `as_of`, oldest first.
};

/// The history of the account `account_id` as of `as_of` (the plan as it
/// stood that day, `plan_as_of`). The plan is not changed.
/// @throws error `not_found` naming `account` when the plan holds no such
/// account on `as_of`; `invalid_argument` naming `as_of` when it is before
/// the plan's first fact.
/// @param p the plan
/// @param account_id the account's id
/// @param as_of the date asked about
/// @return its placements, deals and activity over time
account_history make_account_history(const plan& p, std::string_view account_id, date as_of);

} // namespace v1
} // namespace kare

#endif
