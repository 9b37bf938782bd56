/// @file
/// @brief The plan: schema, profiles, cookbook, reps, accounts and the
/// activity log, with the rules that keep it consistent (one category per
/// account, recorded moves, activities that name what exists).
#ifndef KARE_PLAN_HPP
#define KARE_PLAN_HPP

#include <kare/account.hpp>
#include <kare/activity.hpp>
#include <kare/activity_policy.hpp>
#include <kare/cookbook.hpp>
#include <kare/profile.hpp>
#include <kare/rep.hpp>
#include <kare/value.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// Plan-wide settings.
struct plan_settings {
    std::string currency = "USD";          ///< ISO 4217 code of every amount.
    unsigned fiscal_year_start_month = 1;  ///< 1 = January … 12 = December.

    /// Equal when every member is equal.
    friend bool operator==(const plan_settings&, const plan_settings&) = default;
};

/// An account plan.
///
/// Every mutating member either applies whole or throws and leaves the plan
/// exactly as it was (the strong guarantee). A plan shares nothing with other
/// plans; one plan may be read from many threads at once, but a mutation
/// needs exclusive access.
class plan {
public:
    /// An empty plan with the standard schema, the default profiles, the
    /// default cookbook and the default activity policy.
    plan();

    std::string name;       ///< Title shown in reports.
    plan_settings settings; ///< Currency, fiscal year.

    /// The attribute fields.
    const kare::schema& fields() const noexcept { return schema_; }
    /// Declares an organisation field. @throws error as `schema::declare`.
    void declare_field(field_def field);

    /// The profile set.
    const profile_set& profiles() const noexcept { return profiles_; }
    /// Replaces the profile set after validating it against the schema.
    /// @throws error `invalid_plan` naming the offending criterion.
    void set_profiles(profile_set set);

    /// The cookbook: activity types and targets.
    const kare::cookbook& cookbook() const noexcept { return cookbook_; }
    /// Replaces the cookbook after validating it (`validate(const cookbook&)`)
    /// and checking that every logged activity keeps its type.
    /// @throws error `invalid_plan` naming the offending target
    /// (`cookbook.targets[3].count`), `conflict` naming the first activity
    /// whose type the new cookbook lacks (`activities[7].activity`).
    void set_cookbook(kare::cookbook book);

    /// How progress is pro-rated.
    const pacing_policy& pacing() const noexcept { return pacing_; }
    /// Replaces the pacing policy; holidays are sorted and deduplicated.
    /// @throws error `invalid_plan` as `validate(const pacing_policy&)`.
    void set_pacing(pacing_policy policy);

    /// The intended effort mix and its tolerances.
    const kare::effort_policy& effort_policy() const noexcept { return effort_; }
    /// Replaces the effort policy.
    /// @throws error `invalid_plan` as `validate(const effort_policy&)`.
    void set_effort_policy(kare::effort_policy policy);

    /// The reps, in the order added.
    const std::vector<rep>& reps() const noexcept { return reps_; }
    /// The rep with id `id`, or null.
    const rep* find_rep(std::string_view id) const noexcept;
    /// Adds a rep. @throws error `invalid_plan` (empty id), `conflict` (duplicate id).
    void add_rep(rep r);

    /// The accounts, in the order added.
    const std::vector<account>& accounts() const noexcept { return accounts_; }
    /// The account with id `id`, or null. Valid until the next mutation.
    const account* find_account(std::string_view id) const noexcept;
    /// Position of the account with id `id` in `accounts()`.
    std::optional<std::size_t> account_index(std::string_view id) const noexcept;

    /// Adds an account after checking it: non-empty unique id, a known owner,
    /// known attributes of the right type within bounds, a consistent
    /// placement and history.
    /// @param where document path used in errors; defaults to the path the
    ///        account will have (`accounts[N]`).
    /// @throws error `invalid_plan` or `conflict`, naming the field.
    void add_account(account a, std::string_view where = {});
    /// Replaces the account with the same id, checked as `add_account`.
    /// @throws error `not_found` when no account has that id.
    void replace_account(account a);
    /// Removes the account with id `id`.
    /// @throws error `not_found`; `conflict` naming the first activity logged
    /// on it (`activities[4].account`): remove those first.
    void remove_account(std::string_view id);

    /// Puts an open or unassigned account in category `c`; the decision is
    /// recorded in its history. Assigning the category it already has does
    /// nothing.
    /// @throws error `conflict` when the account is in another category or
    /// fired: that takes a deliberate `move` with a reason.
    void assign(std::string_view id, category c, date on, std::string reason = {});

    /// Moves an account deliberately to `to` (a category, fired, unassigned or
    /// open), recording date and reason.
    /// @throws error `invalid_argument` when the reason is empty, `conflict`
    /// when `to` is the current placement or `on` precedes the last recorded
    /// decision, `not_found` for an unknown id.
    void move(std::string_view id, placement to, date on, std::string reason);

    /// Fires an account: it leaves the plan with the out-of-plan `action`.
    /// @throws error as `move`, and `invalid_argument` when `action` is empty.
    void fire(std::string_view id, date on, std::string reason, std::string action);

    /// The activity log, in the order added.
    const std::vector<activity>& activities() const noexcept { return activities_; }
    /// Logs an activity after checking it: a date a document can hold, a
    /// known rep, a known account, an activity type of the cookbook, a note
    /// without control characters.
    /// @param a the activity
    /// @param where document path used in errors; defaults to the path the
    ///        activity will have (`activities[N]`).
    /// @throws error `invalid_plan` naming the field (`activities[12].rep`).
    void add_activity(activity a, std::string_view where = {});
    /// Removes the activity at `index` in `activities()`.
    /// @throws error `not_found` when there is no such activity.
    void remove_activity(std::size_t index);

private:
    account& account_at(std::string_view id);
    void check_account(const account& a, const std::string& where) const;
    void record(account& a, placement to, date on, std::string reason, std::string action);

    kare::schema schema_;
    profile_set profiles_;
    std::vector<rep> reps_;
    std::vector<account> accounts_;
    kare::cookbook cookbook_;
    std::set<std::string, std::less<>> activity_type_ids_; // of cookbook_, for fast checks
    pacing_policy pacing_;
    kare::effort_policy effort_;
    std::vector<activity> activities_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

} // namespace v1
} // namespace kare

#endif
