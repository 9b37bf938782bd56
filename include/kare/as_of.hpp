/// @file
/// @brief The plan as it stood on a past date: what every report shows when
/// asked "as of" a day before the plan's latest facts.
#ifndef KARE_AS_OF_HPP
#define KARE_AS_OF_HPP

#include <kare/date.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace kare {
inline namespace v1 {

class plan;

/// The facts a plan holds that are dated after a given day, by kind: what
/// `plan_as_of` leaves out, and what a report as of that day counts as
/// ignored.
struct ignored_facts {
    std::size_t accounts = 0;           ///< Accounts added after the day.
    std::size_t moves = 0;              ///< Recorded moves (placements, firings) after it.
    std::size_t deals = 0;              ///< Deals opened after it.
    std::size_t evidence = 0;           ///< Evidence items obtained after it.
    std::size_t close_date_changes = 0; ///< Changes of an expected close date after it.
    std::size_t closes = 0;             ///< Deals won or lost after it: still open that day.
    std::size_t deal_notes = 0;         ///< Stalls declared, states set by hand, revivals after it.
    std::size_t last_activities = 0;    ///< Deals whose last activity is after it.
    std::size_t activities = 0;         ///< Logged activities after it, or on an account not yet added.

    /// Every fact counted.
    /// @return the sum of the counts
    std::size_t total() const noexcept
    {
        return accounts + moves + deals + evidence + close_date_changes + closes + deal_notes +
               last_activities + activities;
    }
    /// Equal when every member is equal.
    friend bool operator==(const ignored_facts&, const ignored_facts&) = default;
};

/// The facts in words, for a report's reader: "7 later facts left out: 2
/// deals opened, 5 evidence items"; empty when there are none.
/// @param ignored the facts left out
/// @return the sentence
std::string to_text(const ignored_facts& ignored);

/// The earliest dated fact of the plan: an account added, a recorded move, a
/// logged activity or a deal opened; none for a plan without any.
/// @param p the plan
/// @return the date, or none
std::optional<date> first_fact(const plan& p) noexcept;

/// Counts the facts dated after `day` without building anything: zero means
/// the plan as of `day` is the plan itself.
/// @throws error `invalid_argument` naming `as_of` when `day` is before the
/// plan's first fact.
/// @param p the plan
/// @param day the as-of date
/// @return the counts per kind
ignored_facts facts_after(const plan& p, date day);

/// The plan as it stood on `day`, a copy; `p` is not changed.
/// - Accounts added after `day` are left out, with their logged activities.
/// - Every account's decision is the one in force that day (`decision_at`),
///   its history cut there; an account fired that day keeps its fire action
///   (or, when it has none any more, the firing's reason).
/// - Activities logged after `day` are left out.
/// - Deals opened after `day` are left out. Of the others, evidence,
///   close-date changes, stalls, states set by hand and revivals dated after
///   `day` are left out (the expected close is the one before the first
///   change left out); a deal closed after `day` is open; a last activity
///   after `day` becomes the deal's latest fact on or before it (its
///   opening, evidence, close-date changes or an activity logged on its
///   account).
/// - Attributes, products, stages, reps and the settings have no history:
///   they are today's.
/// @throws error `invalid_argument` naming `as_of` when `day` is before the
/// plan's first fact.
/// @param p the plan
/// @param day the as-of date
/// @return the plan as it stood that day
plan plan_as_of(const plan& p, date day);

} // namespace v1
} // namespace kare

#endif
