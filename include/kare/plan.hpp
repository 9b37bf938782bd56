/// @file
/// @brief The plan: schema, profiles, cookbook, reps, accounts, the activity
/// log and deals, with the rules that keep it consistent (one category per
/// account, recorded moves, activities that name what exists, deals checked
/// against the honesty policy).
#ifndef KARE_PLAN_HPP
#define KARE_PLAN_HPP

#include <kare/account.hpp>
#include <kare/activity.hpp>
#include <kare/activity_policy.hpp>
#include <kare/cookbook.hpp>
#include <kare/deal.hpp>
#include <kare/detail/compiled_profiles.hpp>
#include <kare/detail/id_index.hpp>
#include <kare/detail/record_store.hpp>
#include <kare/honesty.hpp>
#include <kare/location.hpp>
#include <kare/product.hpp>
#include <kare/profile.hpp>
#include <kare/record_list.hpp>
#include <kare/rep.hpp>
#include <kare/review_policy.hpp>
#include <kare/value.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kare {
inline namespace v1 {

namespace detail {
struct plan_access;
struct plan_rewind;
} // namespace detail

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
///
/// Removing an account, deal or activity keeps the order of the others and
/// moves none of them: the removed record is released and left in place,
/// unseen through `accounts()`, `deals()` and `activities()`, and the records
/// are moved together once the removed pass a sixteenth of a list. A removal
/// is then constant time amortised; the one that moves them together is
/// linear in that list. While removed records remain, a position (`verdict(i)`,
/// `accounts()[i]`) costs O(log n); otherwise it is a plain index.
class plan {
public:
    /// An empty plan with the standard schema, the default profiles, the
    /// default cookbook and the default activity policy.
    plan();

    /// Title shown in reports; may be empty.
    /// @return the title, as reports show it
    const std::string& name() const noexcept { return name_; }
    /// Replaces the title after checking it as the document's names are
    /// checked (no control character).
    /// @throws error `invalid_plan` naming `name`.
    /// @param title the title, without control characters
    void set_name(std::string title);

    /// Currency and fiscal year.
    /// @return the currency and the fiscal year's first month
    const plan_settings& settings() const noexcept { return settings_; }
    /// Replaces the settings after checking them: the currency an ISO 4217
    /// code (three capital letters), the fiscal year's first month 1 to 12,
    /// and every deal's amount in the new currency's decimal digits.
    /// @throws error `invalid_plan` naming `settings.currency` or
    /// `settings.fiscal_year_start_month`; `conflict` naming the first deal
    /// whose amount the currency cannot hold (`deals[3].amount`).
    /// @param s the new settings
    void set_settings(plan_settings s);
    /// `set_settings` with another currency. @throws error as `set_settings`.
    /// @param code an ISO 4217 code such as `EUR`
    void set_currency(std::string code);
    /// `set_settings` with another first month. @throws error as `set_settings`.
    /// @param month 1 (January) to 12
    void set_fiscal_year_start_month(unsigned month);

    /// The attribute fields.
    /// @return the standard fields and the organisation's own
    const kare::schema& fields() const noexcept { return schema_; }
    /// Declares an organisation field. @throws error as `schema::declare`.
    /// @param field the new field's definition
    void declare_field(field_def field);

    /// The profile set.
    /// @return the profiles, fire rules and tie-break
    const profile_set& profiles() const noexcept { return profiles_; }
    /// Replaces the profile set after validating it against the schema.
    /// @throws error `invalid_plan` naming the offending criterion.
    /// @param set the new profiles, fire rules and tie-break
    void set_profiles(profile_set set);

    /// The cookbook: activity types and targets.
    /// @return the activity types and targets
    const kare::cookbook& cookbook() const noexcept { return cookbook_; }
    /// Replaces the cookbook after validating it (`validate(const cookbook&)`)
    /// and checking that every logged activity keeps its type.
    /// @throws error `invalid_plan` naming the offending target
    /// (`cookbook.targets[3].count`), `conflict` naming the first activity
    /// whose type the new cookbook lacks (`activities[7].activity`).
    /// @param book the new cookbook
    void set_cookbook(kare::cookbook book);

    /// How progress is pro-rated.
    /// @return the day basis and the holidays
    const pacing_policy& pacing() const noexcept { return pacing_; }
    /// Replaces the pacing policy; holidays are sorted and deduplicated.
    /// @throws error `invalid_plan` as `validate(const pacing_policy&)`.
    /// @param policy the new pacing policy
    void set_pacing(pacing_policy policy);

    /// The intended effort mix and its tolerances.
    /// @return the intended mix, the window and the tolerances
    const kare::effort_policy& effort_policy() const noexcept { return effort_; }
    /// Replaces the effort policy.
    /// @throws error `invalid_plan` as `validate(const effort_policy&)`.
    /// @param policy the new effort policy
    void set_effort_policy(kare::effort_policy policy);

    /// The profiles compiled against the schema; immutable, and shared by
    /// copies of the plan. The evaluator's internals (`kare::detail`): no promise.
    /// @return the compiled profiles, valid until the profiles or the schema change
    const detail::compiled_profiles& compiled() const noexcept { return *compiled_; }

    /// What the profiles and fire rules say about `accounts()[index]`.
    /// @param index a position in `accounts()`
    /// @return the verdict, kept current as the account changes
    const compiled_verdict& verdict(std::size_t index) const noexcept
    {
        return verdicts_[accounts_.slot_of_position(index)];
    }
    /// Where `accounts()[index]` stands and how: the `result` and `basis`
    /// of `classify()`, without the explanation.
    /// @param index a position in `accounts()`
    /// @return the placement and its basis
    placement_outcome placement_of(std::size_t index) const noexcept
    {
        const std::size_t slot = accounts_.slot_of_position(index);
        return compiled_->decide(decisions_[slot], verdicts_[slot]);
    }

    /// The review policy: focus-list target, windows, rep fit, cost of
    /// selling to existing clients, disabled checks.
    /// @return the focus-list bounds, windows, rep fit, existing-client cost and
    ///     disabled checks
    const kare::review_policy& review_policy() const noexcept { return review_; }
    /// Replaces the review policy after validating it
    /// (`validate(const review_policy&)`); disabled checks are sorted. Its
    /// quarterly review activities are not checked against the cookbook, so
    /// that a cookbook of the organisation's own vocabulary can go with the
    /// default policy: the `account.no_quarterly_review` finding says when
    /// the cookbook lacks them.
    /// @throws error `invalid_plan` naming the member (`policy.review.focus_max`).
    /// @param policy the new review policy
    void set_review_policy(kare::review_policy policy);

    /// The product catalogue, in order; empty when the plan declares none.
    /// @return the catalogue, in order
    const std::vector<product>& products() const noexcept { return products_; }
    /// The catalogue product with id `id`, or null.
    /// @param id a product id
    /// @return the product, owned by the plan, or null
    const product* find_product(std::string_view id) const noexcept;
    /// Replaces the catalogue: non-empty unique ids without control
    /// characters. When the catalogue is not empty, every account's products
    /// must be catalogue ids.
    /// @throws error `invalid_plan` naming `products[2].id` or the first
    /// account product the catalogue lacks (`accounts[4].products[1]`).
    /// @param catalogue the new catalogue, in order
    void set_products(std::vector<product> catalogue);

    /// The reps, in the order added.
    /// @return the reps, in the order added
    const std::vector<rep>& reps() const noexcept { return reps_; }
    /// The rep with id `id`, or null.
    /// @param id a rep id
    /// @return the rep, owned by the plan, or null
    const rep* find_rep(std::string_view id) const noexcept;
    /// Adds a rep. @throws error `invalid_plan` (empty id), `conflict` (duplicate id).
    /// @param r the rep, with an id new to the plan
    void add_rep(rep r);

    /// The accounts, in the order added (less those removed): the order the
    /// plan's document lists them in. A position in it is the account's
    /// position in that document.
    /// @return the accounts, read-only, valid until the next mutation
    const record_list<account>& accounts() const noexcept { return accounts_; }
    /// The account with id `id`, or null. Valid until the next mutation.
    /// @param id an account id
    /// @return the account, owned by the plan, or null
    const account* find_account(std::string_view id) const noexcept;
    /// Position of the account with id `id` in `accounts()`.
    /// @param id an account id
    /// @return its position, or `std::nullopt` when no account has the id
    std::optional<std::size_t> account_index(std::string_view id) const noexcept;

    /// Makes room for this many records in all, so that adding them
    /// allocates once (a reader knows how many a document holds). Never
    /// shrinks; changes nothing a caller can see.
    /// @param accounts accounts the plan will hold
    /// @param deals deals the plan will hold
    /// @param activities activities the plan's log will hold
    void reserve(std::size_t accounts, std::size_t deals, std::size_t activities);

    /// Adds an account after checking it: non-empty unique id, a known owner,
    /// products from the catalogue (when the plan has one), known attributes
    /// of the right type within bounds, a consistent placement and history.
    /// @param a the account
    /// @param where document path used in errors; defaults to the path the
    ///        account will have (`accounts[N]`).
    /// @throws error `invalid_plan` or `conflict`, naming the field.
    void add_account(account a, std::string_view where = {});
    /// Replaces the account with the same id, checked as `add_account`.
    /// @throws error `not_found` when no account has that id.
    /// @param a the account, found by its id
    void replace_account(account a);
    /// Removes the account with id `id`; the later accounts move up one
    /// position, in constant time amortised (see the class).
    /// @throws error `not_found`; `conflict` naming the first activity logged
    /// on it (`activities[4].account`): remove those first.
    /// @param id the account's id
    void remove_account(std::string_view id);

    /// Puts an open or unassigned account in category `c`; the decision is
    /// recorded in its history. Assigning the category it already has does
    /// nothing.
    /// @throws error `conflict` when the account is in another category or
    /// fired: that takes a deliberate `move` with a reason.
    /// @param id the account's id
    /// @param c the category
    /// @param on the decision's date
    /// @param reason why; may be empty for a first assignment
    void assign(std::string_view id, category c, date on, std::string reason = {});

    /// Moves an account deliberately to `to` (a category, fired, unassigned or
    /// open), recording date and reason.
    /// @throws error `invalid_argument` when the reason is empty, `conflict`
    /// when `to` is the current placement or `on` precedes the last recorded
    /// decision, `not_found` for an unknown id.
    /// @param id the account's id
    /// @param to where it goes
    /// @param on the move's date, not before its last recorded decision
    /// @param reason why, required
    void move(std::string_view id, placement to, date on, std::string reason);

    /// Fires an account: it leaves the plan with the out-of-plan `action`.
    /// @throws error as `move`, and `invalid_argument` when `action` is empty.
    /// @param id the account's id
    /// @param on the decision's date
    /// @param reason why, required
    /// @param action what becomes of the account, e.g. `end_relationship`
    void fire(std::string_view id, date on, std::string reason, std::string action);

    /// The honesty policy deals are judged by.
    /// @return the stages, evidence types, lost reasons, rules and calendar
    const honesty_policy& honesty() const noexcept { return honesty_; }
    /// Replaces the honesty policy after validating it and checking every
    /// deal against it (stages, evidence types, lost reasons, declarations).
    /// @throws error `invalid_plan` naming the policy member or the deal.
    /// @param policy the new honesty policy
    void set_honesty(honesty_policy policy);

    /// The deals, in the order added (less those removed), as the plan's
    /// document lists them.
    /// @return the deals, open and closed, read-only, valid until the next mutation
    const record_list<deal>& deals() const noexcept { return deals_; }
    /// The deal with id `id`, or null. Valid until the next mutation.
    /// @param id a deal id
    /// @return the deal, owned by the plan, or null
    const deal* find_deal(std::string_view id) const noexcept;
    /// Position of the deal with id `id` in `deals()`.
    /// @param id a deal id
    /// @return its position, or `std::nullopt` when no deal has the id
    std::optional<std::size_t> deal_index(std::string_view id) const noexcept;

    /// Adds a deal after checking it against the policy: non-empty unique id,
    /// an account id (the account may be absent from the plan: the review
    /// reports it), a known owner if any, a non-negative amount in the plan
    /// currency's digits, a known stage, no close before the opening, known
    /// evidence types and lost reason, a consistent close-date history, and
    /// declarations the policy accepts.
    /// @param d the deal
    /// @param where document path used in errors; defaults to `deals[N]`.
    /// @throws error `invalid_plan` or `conflict` (duplicate id), naming the member.
    void add_deal(deal d, std::string_view where = {});
    /// Replaces the deal with the same id, checked as `add_deal`.
    /// @throws error `not_found` when no deal has that id.
    /// @param d the deal, found by its id
    void replace_deal(deal d);
    /// Removes the deal with id `id`, in constant time amortised.
    /// @throws error `not_found`.
    /// @param id the deal's id
    void remove_deal(std::string_view id);

    /// Records an evidence item. Its date may not be after `as_of`: evidence
    /// from the future is bad input.
    /// @throws error `not_found`, or `invalid_plan` naming
    /// `deals[N].evidence[K]` and the bad member.
    /// @param deal_id the deal's id
    /// @param item the evidence: a declared type, its date and its source
    /// @param as_of today, which the item's date may not pass
    void add_evidence(std::string_view deal_id, evidence_item item, date as_of);

    /// Records activity on `on` (kept when later than the last one). A deal
    /// that had already died for lack of activity stays dead: its death is
    /// recorded as a declared state first, since activity alone does not
    /// revive a deal (new evidence does, see `declare_deal_state`).
    /// @throws error `not_found`, `conflict` for a closed deal, `invalid_plan`
    /// for a date before the opening.
    /// @param deal_id the deal's id
    /// @param on the activity's date
    void record_activity(std::string_view deal_id, date on);

    /// Moves the expected close date to `to`, recording the change (a move
    /// later is a push; enough pushes make the deal slipping).
    /// @throws error `not_found`, `conflict` when `to` is the current date,
    /// `invalid_plan` for a close before the opening or a change dated before
    /// the previous one.
    /// @param deal_id the deal's id
    /// @param to the new expected close date
    /// @param on the day of the change
    /// @param reason why; may be empty
    void change_close_date(std::string_view deal_id, date to, date on, std::string reason);

    /// Moves an open deal to the stage `to`, recording the change, so that a
    /// report as of an earlier day shows the stage the deal was at then.
    /// @throws error `not_found`, `conflict` for a closed deal or when `to` is
    /// the current stage, `invalid_plan` for an unknown stage, a change dated
    /// before the opening or before the previous change.
    /// @param deal_id the deal's id
    /// @param to one of the organisation's stages
    /// @param on the day of the change
    /// @param reason why; may be empty
    void change_stage(std::string_view deal_id, std::string to, date on, std::string reason);

    /// Declares a stall with a known reason and a resume date: until then the
    /// deal is "stalled, explained" and does not rot.
    /// @throws error `not_found`, `invalid_plan` naming `deals[N].stall.*`.
    /// @param deal_id the deal's id
    /// @param note the reason, the day declared and the day work resumes
    void declare_stall(std::string_view deal_id, stall_note note);
    /// Removes a declared stall. @throws error `not_found`, `conflict` when there is none.
    /// @param deal_id the deal's id
    void clear_stall(std::string_view deal_id);

    /// Sets a deal's state by hand, checked against the facts as of `on`:
    /// - calling it qualified without every required evidence item dated on
    ///   or before `on` is refused (`conflict`) or recorded and flagged, as
    ///   the policy says;
    /// - a deal dead as of `on` is revived only by a state other than dead
    ///   and only with an evidence item dated after its death (and not after
    ///   `on`); the revival is recorded;
    /// - a state more pessimistic than the facts always takes effect; a more
    ///   optimistic one never does (see `assess`).
    /// @throws error `invalid_argument` (empty reason), `not_found`,
    /// `conflict` (closed deal, refused declaration or revival, a date before
    /// the previous declaration), `invalid_plan` (a date before the opening).
    /// Named as in C (`kare_plan_declare_deal_state`) and Python.
    /// @param deal_id the deal's id
    /// @param state the state declared
    /// @param on the declaration's date
    /// @param reason why, required
    void declare_deal_state(std::string_view deal_id, honesty_state state, date on,
                            std::string reason);
    /// Removes the state set by hand. Removing a "dead" declaration in effect
    /// on `on` is a revival, checked and recorded as in `declare_deal_state`;
    /// any other declaration is simply removed.
    /// @throws error `not_found`, `conflict` (none declared, or a refused revival).
    /// @param deal_id the deal's id
    /// @param on the day the declaration is removed
    /// @param reason why; required for a revival
    void clear_deal_state(std::string_view deal_id, date on, std::string reason);

    /// The former name of `declare_deal_state`.
    /// @param deal_id the deal's id
    /// @param state the state declared
    /// @param on the declaration's date
    /// @param reason why, required
    [[deprecated("use declare_deal_state")]] void declare_state(std::string_view deal_id,
                                                                honesty_state state, date on,
                                                                std::string reason)
    {
        declare_deal_state(deal_id, state, on, std::move(reason));
    }
    /// The former name of `clear_deal_state`.
    /// @param deal_id the deal's id
    /// @param on the day the declaration is removed
    /// @param reason why; required for a revival
    [[deprecated("use clear_deal_state")]] void clear_declared_state(std::string_view deal_id,
                                                                     date on, std::string reason)
    {
        clear_deal_state(deal_id, on, std::move(reason));
    }

    /// Closes an open deal as won or lost (a lost deal needs one of the
    /// policy's lost reasons). It leaves the pipeline; its honesty no longer
    /// matters and no figure of won or lost deals depends on it.
    /// @throws error `invalid_argument` (outcome `open`), `not_found`,
    /// `conflict` (already closed), `invalid_plan` (unknown lost reason, a
    /// date before the opening).
    /// @param deal_id the deal's id
    /// @param outcome won or lost
    /// @param on the closing date
    /// @param lost_reason one of the policy's lost reasons, for a lost deal
    void close_deal(std::string_view deal_id, deal_outcome outcome, date on,
                    std::string lost_reason = {});

    /// The activity log, in the order added (less those removed), as the
    /// plan's document lists it.
    /// @return the activities, in the order logged, read-only, valid until the
    ///     next mutation
    const record_list<activity>& activities() const noexcept { return activities_; }
    /// Logs an activity after checking it: a date a document can hold, a
    /// known rep, a known account, an activity type of the cookbook, a note
    /// without control characters.
    /// @param a the activity
    /// @param where document path used in errors; defaults to the path the
    ///        activity will have (`activities[N]`).
    /// An activity without an id is given the next assigned one
    /// (`activity_id_for`: one more than the highest assigned number the log
    /// has held), so ids are never reused.
    /// @throws error `invalid_plan` naming the field (`activities[12].rep`);
    /// `conflict` for an id already in the log (`activities[12].id`).
    void add_activity(activity a, std::string_view where = {});
    /// Removes the activity at `index` in `activities()`, in O(log n).
    /// @throws error `not_found` when there is no such activity.
    /// @param index a position in `activities()`
    void remove_activity(std::size_t index);
    /// Removes the activity with that id, in constant time amortised.
    /// @throws error `not_found` when no activity has it.
    /// @param id the activity's id
    void remove_activity_with_id(std::string_view id);
    /// The position in `activities()` of the activity with that id, found by
    /// hash, not by a scan of the log.
    /// @param id the activity's id
    /// @return its position, or nothing when no activity has it
    std::optional<std::size_t> activity_index(std::string_view id) const noexcept;

private:
    friend struct detail::plan_access;
    friend struct detail::plan_rewind;

    account& account_at(std::string_view id);
    void check_account(const account& a, const location& where) const;
    // The add_* bodies, with the place their errors name.
    void add_account_at(account a, const location& where);
    void add_deal_at(deal d, const location& where);
    void add_activity_at(activity a, const location& where);
    void record(account& a, placement to, date on, std::string reason, std::string action);
    void check_deal(const deal& d, const honesty_policy& policy, const location& where) const;
    // Slots: where a record is kept, a position in accounts_ (…) less the
    // removed records before it; see record_store.
    std::optional<std::size_t> account_slot(std::string_view id) const noexcept;
    std::optional<std::size_t> deal_slot(std::string_view id) const noexcept;
    std::optional<std::size_t> activity_slot(std::string_view id) const noexcept;
    std::size_t deal_position(std::string_view id) const; // the slot; throws not_found
    void commit_deal(std::size_t slot, deal d);
    void remove_activity_slot(std::size_t slot) noexcept;
    void compact_accounts() noexcept;
    void compact_deals() noexcept;
    void compact_activities() noexcept;

    std::string name_;
    plan_settings settings_;
    kare::schema schema_;
    profile_set profiles_;
    std::shared_ptr<const detail::compiled_profiles> compiled_;
    std::vector<compiled_verdict> verdicts_; // by slot of accounts_
    std::vector<placement> decisions_;       // each account's decision by slot, packed for placement_of
    std::size_t evaluations_ = 0;
    std::vector<rep> reps_;
    detail::record_store<account> accounts_;
    std::vector<std::uint32_t> activity_counts_; // by slot of accounts_: activities logged on each
    kare::cookbook cookbook_;
    std::set<std::string, std::less<>> activity_type_ids_; // of cookbook_, for fast checks
    pacing_policy pacing_;
    kare::effort_policy effort_;
    kare::review_policy review_;
    std::vector<product> products_;
    std::set<std::string, std::less<>> product_ids_; // of products_, for fast checks
    detail::record_store<activity> activities_;
    std::uint64_t next_activity_number_ = 1; // past every assigned id the log has held
    // By id; hashed, since a CRM asks for one account at a time among millions.
    struct id_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const noexcept
        {
            return std::hash<std::string_view>{}(id);
        }
    };
    detail::id_index index_; // slots of accounts_, which holds the ids
    std::unordered_map<std::string, std::size_t, id_hash, std::equal_to<>> rep_index_;
    honesty_policy honesty_;
    detail::record_store<deal> deals_;
    detail::id_index deal_index_;     // slots of deals_, which holds the ids
    detail::id_index activity_index_; // slots of activities_, which holds the ids
};

} // namespace v1
} // namespace kare

#endif
