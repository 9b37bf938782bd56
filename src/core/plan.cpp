#include "account_rules.hpp"
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <algorithm>

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
    std::vector<compiled_verdict> verdicts;
    verdicts.reserve(accounts_.size());
    for (const account& a : accounts_)
        verdicts.push_back(compiled->evaluate(a));
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
    auto i = account_index(id);
    return i ? &accounts_[*i] : nullptr;
}

std::optional<std::size_t> plan::account_index(std::string_view id) const noexcept
{
    return index_.find(id, [this](std::size_t i) -> std::string_view { return accounts_[i].id; });
}

account& plan::account_at(std::string_view id)
{
    auto i = account_index(id);
    if (!i)
        throw error(errc::not_found, "no account has the id '" + std::string(id) + "'");
    return accounts_[*i];
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
    accounts_.reserve(accounts);
    verdicts_.reserve(accounts);
    decisions_.reserve(accounts);
    activity_counts_.reserve(accounts);
    index_.reserve(accounts, [this](std::size_t i) -> std::string_view { return accounts_[i].id; });
    deals_.reserve(deals);
    deal_index_.reserve(deals, [this](std::size_t i) -> std::string_view { return deals_[i].id; });
    activities_.reserve(activities);
    activity_ids_.reserve(activities);
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
    if (account_index(a.id))
        throw error(errc::conflict, "the account id '" + a.id + "' is used twice", path.key("id"));
    const compiled_verdict verdict = compiled_->evaluate(a);
    // Reserve first so that nothing below can fail half-way; grow
    // geometrically, or adding n accounts would copy O(n^2) of them.
    if (accounts_.size() == accounts_.capacity())
        accounts_.reserve(std::max<std::size_t>(16, accounts_.capacity() * 2));
    if (verdicts_.size() == verdicts_.capacity())
        verdicts_.reserve(std::max<std::size_t>(16, verdicts_.capacity() * 2));
    if (decisions_.size() == decisions_.capacity())
        decisions_.reserve(std::max<std::size_t>(16, decisions_.capacity() * 2));
    if (activity_counts_.size() == activity_counts_.capacity())
        activity_counts_.reserve(std::max<std::size_t>(16, activity_counts_.capacity() * 2));
    index_.reserve(accounts_.size() + 1, [this](std::size_t i) -> std::string_view { return accounts_[i].id; });
    // Nothing below throws: room is reserved everywhere.
    accounts_.push_back(std::move(a));
    index_.insert(accounts_.back().id, accounts_.size() - 1);
    verdicts_.push_back(verdict);
    decisions_.push_back(accounts_.back().decision);
    activity_counts_.push_back(0);
    ++evaluations_;
}

void plan::replace_account(account a)
{
    auto i = account_index(a.id);
    if (!i)
        throw error(errc::not_found, "no account has the id '" + a.id + "'");
    check_account(a, location().item("accounts", *i, a.id));
    const compiled_verdict verdict = compiled_->evaluate(a);
    decisions_[*i] = a.decision;
    accounts_[*i] = std::move(a);
    verdicts_[*i] = verdict;
    ++evaluations_;
}

void plan::remove_account(std::string_view id)
{
    auto i = account_index(id);
    if (!i)
        throw error(errc::not_found, "no account has the id '" + std::string(id) + "'");
    // The log keeps its history: an account with activities cannot vanish.
    // The count says whether any exist; only then is the log searched, for
    // the error's path.
    if (activity_counts_[*i] != 0)
        for (std::size_t k = 0; k < activities_.size(); ++k)
            if (activities_[k].account == id)
                throw error(errc::conflict,
                            "the account '" + std::string(id) +
                                "' has logged activities; remove them first",
                            location().item("activities", k, activities_[k].account).key("account"));
    // Nothing below throws: the index shifts in place, nothing is allocated.
    const auto id_of = [this](std::size_t k) -> std::string_view { return accounts_[k].id; };
    index_.erase(id, id_of);
    index_.close_gap(*i, accounts_.size(), id_of);
    const auto at = static_cast<std::ptrdiff_t>(*i);
    accounts_.erase(accounts_.begin() + at);
    verdicts_.erase(verdicts_.begin() + at);
    decisions_.erase(decisions_.begin() + at);
    activity_counts_.erase(activity_counts_.begin() + at);
}

} // namespace v1
} // namespace kare
