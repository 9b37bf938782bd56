#include "account_rules.hpp"
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <algorithm>
#include <optional>

namespace kare {
inline namespace v1 {

plan::plan()
    : schema_(schema::standard()), profiles_(profile_set::defaults()),
      compiled_(std::make_shared<const detail::compiled_profiles>(profiles_, schema_)),
      cookbook_(kare::cookbook::defaults())
{
    for (const auto& t : cookbook_.activity_types)
        activity_type_ids_.insert(t.id);
}

void plan::declare_field(field_def field)
{
    schema_.declare(std::move(field));
}

void plan::set_profiles(profile_set set)
{
    auto compiled = std::make_shared<const detail::compiled_profiles>(set, schema_); // validates
    std::vector<compiled_verdict> verdicts(accounts_.slot_count()); // by slot, as verdicts_
    for (std::size_t s = 0; s < accounts_.slot_count(); ++s)
        if (!accounts_.is_removed(s))
            verdicts[s] = compiled->evaluate(accounts_.slot(s));
    // Commit: nothing below throws.
    profiles_ = std::move(set);
    compiled_ = std::move(compiled);
    verdicts_.swap(verdicts);
    evaluations_ += accounts_.size();
}

const rep* plan::find_rep(std::string_view id) const noexcept
{
    auto it = rep_index_.find(id);
    return it == rep_index_.end() ? nullptr : &reps_[it->second];
}

void plan::add_rep(rep r)
{
    const location where = location().item("reps", reps_.size(), r.id);
    detail::check_id(r.id, "the rep id", where.key("id"));
    detail::check_name(r.name, "the rep name", where.key("name"), true);
    detail::check_name(r.manager, "the rep's manager", where.key("manager"), true);
    detail::check_name(r.team, "the rep's team", where.key("team"), true);
    if (find_rep(r.id))
        throw error(errc::conflict, "the rep id '" + r.id + "' is used twice", where.key("id"));
    if (reps_.size() == reps_.capacity())
        reps_.reserve(std::max<std::size_t>(16, reps_.capacity() * 2));
    auto slot = rep_index_.emplace(r.id, reps_.size()).first;
    try {
        reps_.push_back(std::move(r));
    } catch (...) {
        rep_index_.erase(slot);
        throw;
    }
}

const account* plan::find_account(std::string_view id) const noexcept
{
    auto s = account_slot(id);
    return s ? &accounts_.slot(*s) : nullptr;
}

std::optional<std::size_t> plan::account_slot(std::string_view id) const noexcept
{
    return index_.find(id, [this](std::size_t s) -> std::string_view { return accounts_.slot(s).id; });
}

std::optional<std::size_t> plan::account_index(std::string_view id) const noexcept
{
    auto s = account_slot(id);
    return s ? std::optional<std::size_t>(accounts_.position_of_slot(*s)) : std::nullopt;
}

account& plan::account_at(std::string_view id)
{
    auto s = account_slot(id);
    if (!s)
        throw error(errc::not_found, "no account has the id '" + std::string(id) + "'");
    return accounts_.slot(*s);
}

void plan::check_account(const account& a, const location& where) const
{
    detail::check_account_names(a, where);
    if (!find_rep(a.owner))
        throw error(errc::invalid_plan, "the owner '" + a.owner + "' is not a rep of the plan",
                    where.key("owner"));
    detail::check_account_content(a, schema_, where);
    if (!product_ids_.empty())
        for (std::size_t i = 0; i < a.products.size(); ++i)
            if (!product_ids_.count(a.products[i]))
                throw error(errc::invalid_plan,
                            "the product '" + a.products[i] + "' is not in the plan's catalogue",
                            where.key("products").at(i));
}

void plan::reserve(std::size_t accounts, std::size_t deals, std::size_t activities)
{
    // Slots: removed records still hold theirs until compacted.
    const std::size_t account_slots = accounts + accounts_.removed_count();
    accounts_.reserve(account_slots);
    verdicts_.reserve(account_slots);
    decisions_.reserve(account_slots);
    activity_counts_.reserve(account_slots);
    index_.reserve(accounts, [this](std::size_t s) -> std::string_view { return accounts_.slot(s).id; });
    deals_.reserve(deals + deals_.removed_count());
    deal_index_.reserve(deals, [this](std::size_t s) -> std::string_view { return deals_.slot(s).id; });
    activities_.reserve(activities + activities_.removed_count());
    activity_index_.reserve(activities,
                            [this](std::size_t s) -> std::string_view { return activities_.slot(s).id; });
}

void plan::add_account(account a, std::string_view where)
{
    location path = where.empty() ? location().item("accounts", accounts_.size(), a.id)
                                  : location().key(where);
    add_account_at(std::move(a), path);
}

void plan::add_account_at(account a, const location& path)
{
    check_account(a, path);
    if (account_slot(a.id))
        throw error(errc::conflict, "the account id '" + a.id + "' is used twice", path.key("id"));
    const compiled_verdict verdict = compiled_->evaluate(a);
    // Reserve first so that nothing below can fail half-way; grow
    // geometrically, or adding n accounts would copy O(n^2) of them.
    accounts_.make_room();
    if (verdicts_.size() == verdicts_.capacity())
        verdicts_.reserve(std::max<std::size_t>(16, verdicts_.capacity() * 2));
    if (decisions_.size() == decisions_.capacity())
        decisions_.reserve(std::max<std::size_t>(16, decisions_.capacity() * 2));
    if (activity_counts_.size() == activity_counts_.capacity())
        activity_counts_.reserve(std::max<std::size_t>(16, activity_counts_.capacity() * 2));
    index_.reserve(accounts_.size() + 1,
                   [this](std::size_t s) -> std::string_view { return accounts_.slot(s).id; });
    // Nothing below throws: room is reserved everywhere.
    const placement decision = a.decision;
    const std::size_t slot = accounts_.push(std::move(a));
    index_.insert(accounts_.slot(slot).id, slot);
    verdicts_.push_back(verdict);
    decisions_.push_back(decision);
    activity_counts_.push_back(0);
    ++evaluations_;
}

void plan::replace_account(account a)
{
    auto s = account_slot(a.id);
    if (!s)
        throw error(errc::not_found, "no account has the id '" + a.id + "'");
    check_account(a, location().item("accounts", accounts_.position_of_slot(*s), a.id));
    const compiled_verdict verdict = compiled_->evaluate(a);
    decisions_[*s] = a.decision;
    accounts_.slot(*s) = std::move(a);
    verdicts_[*s] = verdict;
    ++evaluations_;
}

void plan::remove_account(std::string_view id)
{
    auto s = account_slot(id);
    if (!s)
        throw error(errc::not_found, "no account has the id '" + std::string(id) + "'");
    // The log keeps its history: an account with activities cannot vanish.
    // The count says whether any exist; only then is the log searched, for
    // the error's path.
    if (activity_counts_[*s] != 0) {
        std::size_t k = 0;
        for (const activity& x : activities_) {
            if (x.account == id)
                throw error(errc::conflict,
                            "the account '" + std::string(id) +
                                "' has logged activities; remove them first",
                            location().item("activities", k, x.account).key("account"));
            ++k;
        }
    }
    accounts_.make_room_to_remove(*s);
    // Nothing below throws or allocates: the record is released in place
    // (or dropped when last), so no later account moves.
    index_.erase(id, [this](std::size_t k) -> std::string_view { return accounts_.slot(k).id; });
    const std::size_t slots = accounts_.remove(*s);
    verdicts_.erase(verdicts_.begin() + static_cast<std::ptrdiff_t>(slots), verdicts_.end());
    decisions_.erase(decisions_.begin() + static_cast<std::ptrdiff_t>(slots), decisions_.end());
    activity_counts_.erase(activity_counts_.begin() + static_cast<std::ptrdiff_t>(slots),
                           activity_counts_.end());
    if (accounts_.wants_compaction())
        compact_accounts();
}

void plan::compact_accounts() noexcept
{
    // Every slot changes, so the index is rebuilt in place rather than
    // edited: once per sixteenth of the accounts removed.
    const std::size_t n = accounts_.compact([this](std::size_t from, std::size_t to) {
        verdicts_[to] = verdicts_[from];
        decisions_[to] = decisions_[from];
        activity_counts_[to] = activity_counts_[from];
    });
    verdicts_.erase(verdicts_.begin() + static_cast<std::ptrdiff_t>(n), verdicts_.end());
    decisions_.erase(decisions_.begin() + static_cast<std::ptrdiff_t>(n), decisions_.end());
    activity_counts_.erase(activity_counts_.begin() + static_cast<std::ptrdiff_t>(n),
                           activity_counts_.end());
    index_.rebuild(n, [this](std::size_t s) -> std::string_view { return accounts_.slot(s).id; });
}

} // namespace v1
} // namespace kare
