/// @file
/// @brief The plan: schema, profiles, reps and accounts, with the rules that
/// keep it consistent (one category per account, recorded moves).
#ifndef KARE_PLAN_HPP
#define KARE_PLAN_HPP

#include <kare/account.hpp>
#include <kare/compiled_profiles.hpp>
#include <kare/profile.hpp>
#include <kare/rep.hpp>
#include <kare/value.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
/// exactly as it was (the strong guarantee). A plan shares nothing mutable
/// with other plans; one plan may be read from many threads at once, but a
/// mutation needs exclusive access.
///
/// The plan keeps its profiles compiled and every account's verdict
/// (`verdict()`) current: adding or replacing an account evaluates that
/// account only, decisions (assign, move, fire) evaluate nothing since the
/// verdict does not depend on them, and only new profiles re-evaluate all.
class plan {
public:
    /// An empty plan with the standard schema and the default profiles.
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

    /// The profiles compiled against the schema; immutable, and shared by
    /// copies of the plan.
    const compiled_profiles& compiled() const noexcept { return *compiled_; }
    /// The compiled profiles as a shared handle, to keep them beyond the plan.
    std::shared_ptr<const compiled_profiles> compiled_shared() const noexcept { return compiled_; }

    /// What the profiles and fire rules say about `accounts()[index]`.
    const compiled_verdict& verdict(std::size_t index) const noexcept { return verdicts_[index]; }
    /// Where `accounts()[index]` stands and how: the `result` and `basis`
    /// of `classify()`, without the explanation.
    placement_outcome placement_of(std::size_t index) const noexcept
    {
        return compiled_->decide(decisions_[index], verdicts_[index]);
    }
    /// How many account evaluations the plan has run to keep its verdicts
    /// current; shows that a change re-evaluates only what it must.
    std::size_t evaluation_count() const noexcept { return evaluations_; }

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
    /// @param a the account
    /// @param where document path used in errors; defaults to the path the
    ///        account will have (`accounts[N]`).
    /// @throws error `invalid_plan` or `conflict`, naming the field.
    void add_account(account a, std::string_view where = {});
    /// Replaces the account with the same id, checked as `add_account`.
    /// @throws error `not_found` when no account has that id.
    void replace_account(account a);
    /// Removes the account with id `id`. @throws error `not_found`.
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

private:
    account& account_at(std::string_view id);
    void check_account(const account& a, const std::string& where) const;
    void record(account& a, placement to, date on, std::string reason, std::string action);

    kare::schema schema_;
    profile_set profiles_;
    std::shared_ptr<const compiled_profiles> compiled_;
    std::vector<compiled_verdict> verdicts_; // parallel to accounts_
    std::vector<placement> decisions_;       // accounts_[i].decision, packed for placement_of
    std::size_t evaluations_ = 0;
    std::vector<rep> reps_;
    std::vector<account> accounts_;
    // By id; hashed, since a CRM asks for one account at a time among millions.
    struct id_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const noexcept
        {
            return std::hash<std::string_view>{}(id);
        }
    };
    std::unordered_map<std::string, std::size_t, id_hash, std::equal_to<>> index_;
};

} // namespace v1
} // namespace kare

#endif
