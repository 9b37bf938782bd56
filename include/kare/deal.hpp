/// @file
/// @brief Deals: the opportunities in the pipeline, with the facts their
/// honesty is judged on (evidence, activity, close-date history).
#ifndef KARE_DEAL_HPP
#define KARE_DEAL_HPP

#include <kare/date.hpp>
#include <kare/money.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// How a deal ended, if it has. Separate from honesty: a won deal is won
/// whatever its evidence was.
enum class deal_outcome : std::uint8_t {
    open, ///< In the pipeline.
    won,  ///< Closed and won: left the pipeline.
    lost, ///< Closed and lost, with a reason: left the pipeline.
};

/// `"open"`, `"won"` or `"lost"`.
/// @param o an outcome
/// @return its name in plan documents
std::string_view to_string(deal_outcome o) noexcept;
/// Parses a name written by `to_string(deal_outcome)`.
/// @param name a name from a plan document
/// @return the outcome, or `std::nullopt` for an unknown name
std::optional<deal_outcome> deal_outcome_from_string(std::string_view name) noexcept;

/// The honesty of an open deal. Separate from the stage and the outcome.
///
/// The enumerators are ordered from the most pessimistic to the most
/// optimistic; a state set by hand never makes a deal look better than its
/// facts (see `assess`).
enum class honesty_state : std::uint8_t {
    dead = 0,        ///< Will not close: no activity for too long, unqualified for too long, or declared dead.
    unqualified = 1, ///< The buyer has not shown they are ready, willing and able: evidence is missing.
    stalled = 2,     ///< Qualified, but stuck: no recent activity, a passed close date, or a declared stall.
    qualified = 3,   ///< Every required evidence item is on record and the deal is moving.
};

/// `"dead"`, `"unqualified"`, `"stalled"` or `"qualified"`.
/// @param s a state
/// @return its name in plan documents and reports
std::string_view to_string(honesty_state s) noexcept;
/// Parses a name written by `to_string(honesty_state)`.
/// @param name a name from a plan document
/// @return the state, or `std::nullopt` for an unknown name
std::optional<honesty_state> honesty_state_from_string(std::string_view name) noexcept;

/// One piece of evidence that the buyer is ready, willing and able.
struct evidence_item {
    std::string type;   ///< A declared evidence type, e.g. `pain`, `budget`, `decision_process`.
    kare::date on;      ///< When it was obtained.
    std::string source; ///< Where it comes from: a person, a meeting, a document.

    /// Equal when every member is equal.
    friend bool operator==(const evidence_item&, const evidence_item&) = default;
};

/// One change of a deal's expected close date.
struct close_date_change {
    kare::date on;      ///< When the change was made.
    kare::date from;    ///< Expected close date before.
    kare::date to;      ///< Expected close date after.
    std::string reason; ///< Why, in words (may be empty).

    /// True when the date moved later: a push, the sign of a slipping deal.
    /// @return whether `to` is after `from`
    bool is_push() const noexcept { return from < to; }

    /// Equal when every member is equal.
    friend bool operator==(const close_date_change&, const close_date_change&) = default;
};

/// A stall with a known reason and a date the deal resumes (the champion is
/// on leave until 1 March). Until `resume_on` the deal is "stalled,
/// explained" and does not rot; from `resume_on` it is judged like any other.
struct stall_note {
    std::string reason;     ///< Why the deal waits; never empty.
    kare::date declared_on; ///< When the stall was declared.
    kare::date resume_on;   ///< When the deal is expected to move again.

    /// Equal when every member is equal.
    friend bool operator==(const stall_note&, const stall_note&) = default;
};

/// A state set by hand, checked against the facts (see `plan::declare_deal_state`).
struct state_declaration {
    honesty_state state = honesty_state::qualified; ///< The state declared.
    kare::date on;      ///< When it was declared.
    std::string reason; ///< Why, in words.

    /// Equal when every member is equal.
    friend bool operator==(const state_declaration&, const state_declaration&) = default;
};

/// The record of a dead deal brought back to life by new evidence.
struct revival {
    kare::date died_on; ///< When the deal had died.
    kare::date on;      ///< When it was revived; evidence dated after `died_on` and no later than this exists.
    std::string reason; ///< Why, in words.

    /// Equal when every member is equal.
    friend bool operator==(const revival&, const revival&) = default;
};

/// An opportunity on an account.
struct deal {
    std::string id;      ///< Unique within a plan.
    std::string account; ///< Account id; may name an account the plan does not hold (reported).
    std::string owner;   ///< Rep working the deal; empty means the account's owner.
    money amount;        ///< Value, in the plan's currency; never negative.
    std::string stage;   ///< One of the organisation's stages.
    kare::date opened;   ///< When the deal was opened.
    std::optional<kare::date> last_activity; ///< Last recorded activity, if any.
    kare::date expected_close;               ///< When it is expected to close; not before `opened`.
    deal_outcome outcome = deal_outcome::open; ///< Open, won or lost.
    std::optional<kare::date> closed_on;       ///< When it was won or lost (closed deals only).
    std::string lost_reason;                   ///< One of the organisation's lost reasons (lost deals only).
    std::vector<evidence_item> evidence;       ///< Evidence items, in the order recorded.
    std::vector<close_date_change> close_date_history; ///< Every change of `expected_close`, oldest first.
    std::optional<stall_note> stall;                   ///< A declared stall, if any.
    std::optional<state_declaration> declared;         ///< A state set by hand, if any.
    std::optional<kare::revival> revived;              ///< The last revival, if any.
    /// The next action agreed on, in words ("demo to the CFO on Friday");
    /// empty when none. One line: no control or bidi control characters.
    std::string next_step;

    /// Equal when every member is equal.
    friend bool operator==(const deal&, const deal&) = default;
};

} // namespace v1
} // namespace kare

#endif
