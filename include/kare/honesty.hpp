/// @file
/// @brief The honesty policy and the assessment of one deal: qualified,
/// stalled, unqualified or dead, with the reason in words.
///
/// The assessment is a pure function of the deal, the policy and an explicit
/// "as of" date; docs/honesty.md gives every rule with examples.
#ifndef KARE_HONESTY_HPP
#define KARE_HONESTY_HPP

#include <kare/calendar.hpp>
#include <kare/date.hpp>
#include <kare/deal.hpp>
#include <kare/location.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// The rules that judge a deal; the plan has one set, a stage may override
/// any of them. Day counts follow the policy's calendar (calendar days, or
/// business days when weekends and holidays are excluded); a limit of N days
/// is reached on the N-th day, not the day after.
struct honesty_rules {
    /// Evidence types a deal needs to be qualified. Every item must be on
    /// record; an Expand account's expansion deal needs the same as a new sale.
    std::vector<std::string> required_evidence{"pain", "budget", "decision_process"};
    std::int32_t stall_after_days = 14;            ///< Days without activity after which a qualified deal is stalled.
    std::int32_t dead_after_days = 60;             ///< Days without activity after which any open deal is dead.
    std::int32_t unqualified_flag_after_days = 30; ///< Days a deal may sit unqualified before it distorts the forecast.
    std::int32_t unqualified_dead_after_days = 90; ///< Days a deal may sit unqualified before it is dead.
    bool close_date_passed_stalls = true;          ///< Whether a passed expected close date stalls a qualified deal.
    std::uint32_t slipping_after_pushes = 3;       ///< Close-date pushes after which a deal is slipping.
    bool slipping_stalls = true;                   ///< Whether a slipping qualified deal is also stalled (a close date pushed again and again is evidence of a stall).

    /// Equal when every member is equal.
    friend bool operator==(const honesty_rules&, const honesty_rules&) = default;
};

/// A stage's overrides of the plan's rules; unset members inherit.
struct rules_override {
    std::optional<std::vector<std::string>> required_evidence; ///< Overrides `honesty_rules::required_evidence`.
    std::optional<std::int32_t> stall_after_days;              ///< Overrides `honesty_rules::stall_after_days`.
    std::optional<std::int32_t> dead_after_days;               ///< Overrides `honesty_rules::dead_after_days`.
    std::optional<std::int32_t> unqualified_flag_after_days;   ///< Overrides `honesty_rules::unqualified_flag_after_days`.
    std::optional<std::int32_t> unqualified_dead_after_days;   ///< Overrides `honesty_rules::unqualified_dead_after_days`.
    std::optional<bool> close_date_passed_stalls;              ///< Overrides `honesty_rules::close_date_passed_stalls`.
    std::optional<std::uint32_t> slipping_after_pushes;        ///< Overrides `honesty_rules::slipping_after_pushes`.
    std::optional<bool> slipping_stalls;                       ///< Overrides `honesty_rules::slipping_stalls`.

    /// `base` with this override's set members applied.
    /// @param base the rules the override starts from, usually the plan's
    /// @return the rules in force for the stage
    honesty_rules apply(honesty_rules base) const;

    /// Equal when every member is equal.
    friend bool operator==(const rules_override&, const rules_override&) = default;
};

/// What happens when a person calls a deal qualified without the evidence.
enum class declared_check : std::uint8_t {
    refuse, ///< The declaration is refused (an error; the plan is unchanged).
    flag,   ///< It is recorded but never counts: the deal stays unqualified and a finding says so.
};

/// `"refuse"` or `"flag"`.
/// @param c a check
/// @return its name in plan documents
std::string_view to_string(declared_check c) noexcept;
/// Parses a name written by `to_string(declared_check)`.
/// @param name a name from a plan document
/// @return the check, or `std::nullopt` for an unknown name
std::optional<declared_check> declared_check_from_string(std::string_view name) noexcept;

/// The plan's honesty policy: the organisation's stages, evidence types and
/// lost reasons, the rules and their per-stage overrides, and the calendar
/// days are counted on. A default-constructed policy is the method's default.
struct honesty_policy {
    /// The organisation's stages, in pipeline order.
    std::vector<std::string> stages{"prospecting", "discovery", "proposal", "negotiation", "commit"};
    /// The evidence types that exist; the default is "ready, willing and able".
    std::vector<std::string> evidence_types{"pain", "budget", "decision_process"};
    /// Why deals are lost.
    std::vector<std::string> lost_reasons{"competitor", "no_decision", "no_budget",
                                          "timing",     "price",       "other"};
    honesty_rules rules; ///< The plan-wide rules.
    /// Per-stage overrides, by stage name.
    std::map<std::string, rules_override, std::less<>> stage_overrides;
    /// Evidence types that show a Keep account will renew; a Keep account's
    /// open deal with none of them is reported.
    std::vector<std::string> renewal_evidence{"pain", "budget", "decision_process"};
    /// Calling a deal qualified without the required evidence: refused or flagged.
    declared_check declared_qualified = declared_check::refuse;
    bool exclude_weekends = false;  ///< Count business days (Monday to Friday) instead of calendar days.
    std::vector<kare::date> holidays; ///< Days never counted, sorted and unique.

    /// The rules for deals in `stage`: the plan's rules with the stage's overrides.
    /// @param stage a stage name; one without overrides gets the plan's rules
    /// @return the rules deals in that stage are judged by
    honesty_rules rules_for(std::string_view stage) const;
    /// The calendar day counts use.
    /// @return business days when `exclude_weekends`, less the holidays; every day otherwise
    holiday_calendar calendar() const;

    /// Equal when every member is equal.
    friend bool operator==(const honesty_policy&, const honesty_policy&) = default;
};

/// Checks a policy: non-empty unique names, known evidence types and stages
/// in the rules and overrides, day limits in 1..36500 with the dead limit
/// above the stall limit (and likewise for unqualified deals), sorted unique
/// holidays.
/// @throws error `invalid_plan` with a path such as
/// `honesty.stage_overrides.proposal.dead_after_days`.
/// @param policy the policy a plan document gave
void validate(const honesty_policy& policy);

/// Why a deal has its state; stable names for products to word.
enum class honesty_cause : std::uint8_t {
    won,                  ///< Won: not in the pipeline.
    lost,                 ///< Lost: not in the pipeline.
    qualified,            ///< Every required item is on record and the deal moves.
    evidence_missing,     ///< Unqualified: required evidence is missing.
    unqualified_too_long, ///< Unqualified past the limit: distorting the forecast, or dead.
    no_activity,          ///< Stalled or dead: too long without activity.
    close_date_passed,    ///< Stalled: the expected close date has passed.
    slipping,             ///< Stalled: the close date was pushed too often (when the rules say so).
    stall_explained,      ///< Stalled for a declared reason until a resume date.
    declared,             ///< A person set the state (only ever more pessimistic than the facts).
};

/// `"won"`, `"lost"`, `"qualified"`, `"evidence_missing"`, … as named above.
/// @param c a cause
/// @return its name in reports
std::string_view to_string(honesty_cause c) noexcept;

/// The honesty of one deal as of one date, and why.
struct honesty_assessment {
    /// The state; empty for won and lost deals, which are not in the pipeline.
    std::optional<honesty_state> state;
    honesty_cause cause = honesty_cause::qualified; ///< Why.
    std::string reason;                             ///< Why, in a sentence.
    std::vector<std::string> missing_evidence;      ///< Required types not on record, in policy order.
    std::int32_t days_idle = 0;        ///< Days since the last touch (activity, evidence, opening, revival, resume date).
    std::int32_t days_unqualified = 0; ///< Days the deal has sat unqualified (0 when qualified).
    std::uint32_t pushes = 0;          ///< Times the expected close date was pushed later.
    bool explained = false;            ///< Stalled for a declared reason, before its resume date.
    bool distorting = false;           ///< Unqualified past the flag limit: inflates the forecast.
    bool slipping = false;             ///< Pushed at least `slipping_after_pushes` times.
    bool close_date_passed = false;    ///< The expected close date is before the as-of date.
    bool declared_unsupported = false; ///< Declared qualified without the required evidence (flag policy).
    std::optional<kare::date> died_on; ///< When a dead deal died.
    honesty_rules rules;               ///< The rules applied (the stage's).
};

/// Assesses one deal as of `as_of`. Pure: the same deal, policy and date give
/// the same assessment.
///
/// Facts dated after `as_of` (evidence, activity, opening, closing, pushes,
/// declarations) are refused: the caller's "today" must not precede what is
/// on record.
/// @param d the deal
/// @param policy the plan's honesty policy
/// @param as_of the date the assessment describes
/// @param where document path of the deal used in errors, e.g. `deals[3]`;
///        empty paths start at the deal's own members (`evidence[1].date`).
/// @throws error `invalid_plan` naming the fact dated after `as_of`.
/// @return the state, its cause and the facts behind it
honesty_assessment assess(const deal& d, const honesty_policy& policy, date as_of,
                          std::string_view where = {});
/// As above, the deal's place given as a location (`deals`, 3, `D-104`), so
/// that errors name it as data.
honesty_assessment assess(const deal& d, const honesty_policy& policy, date as_of,
                          const location& where);

/// The first date on which `n` days (per `cal`) have passed since `from`:
/// the smallest `d` with `cal.days_between(from, d) >= n`.
/// @param cal the calendar that says which days count
/// @param from the day counting starts after
/// @param n how many counted days must pass
/// @return that date
date add_days(const holiday_calendar& cal, date from, std::int32_t n) noexcept;

} // namespace v1
} // namespace kare

#endif
