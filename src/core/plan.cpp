#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {

plan::plan()
    : schema_(schema::standard()), profiles_(profile_set::defaults()),
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
    validate(set, schema_);
    profiles_ = std::move(set);
}

const rep* plan::find_rep(std::string_view id) const noexcept
{
    auto it = std::find_if(reps_.begin(), reps_.end(), [&](const rep& r) { return r.id == id; });
    return it == reps_.end() ? nullptr : &*it;
}

void plan::add_rep(rep r)
{
    const std::string where = "reps[" + std::to_string(reps_.size()) + "]";
    detail::check_name(r.id, "the rep id", where + ".id");
    detail::check_name(r.name, "the rep name", where + ".name", true);
    if (find_rep(r.id))
        throw error(errc::conflict, "the rep id '" + r.id + "' is used twice", where + ".id");
    reps_.push_back(std::move(r));
}

const account* plan::find_account(std::string_view id) const noexcept
{
    auto i = account_index(id);
    return i ? &accounts_[*i] : nullptr;
}

std::optional<std::size_t> plan::account_index(std::string_view id) const noexcept
{
    auto it = index_.find(id);
    if (it == index_.end())
        return std::nullopt;
    return it->second;
}

account& plan::account_at(std::string_view id)
{
    auto i = account_index(id);
    if (!i)
        throw error(errc::not_found, "no account has the id '" + std::string(id) + "'");
    return accounts_[*i];
}

void plan::check_account(const account& a, const std::string& where) const
{
    detail::check_name(a.id, "the account id", where + ".id");
    detail::check_name(a.name, "the account name", where + ".name");
    detail::check_name(a.owner, "the owner", where + ".owner");
    if (!find_rep(a.owner))
        throw error(errc::invalid_plan, "the owner '" + a.owner + "' is not a rep of the plan",
                    where + ".owner");
    for (std::size_t i = 0; i < a.products.size(); ++i) {
        const std::string path = where + ".products[" + std::to_string(i) + "]";
        detail::check_name(a.products[i], "a product", path);
        if (std::find(a.products.begin(), a.products.begin() + static_cast<std::ptrdiff_t>(i),
                      a.products[i]) != a.products.begin() + static_cast<std::ptrdiff_t>(i))
            throw error(errc::invalid_plan, "the product '" + a.products[i] + "' is listed twice",
                        path);
        if (!product_ids_.empty() && !product_ids_.count(a.products[i]))
            throw error(errc::invalid_plan,
                        "the product '" + a.products[i] + "' is not in the plan's catalogue",
                        path);
    }
    for (const auto& [field_name, val] : a.attributes) {
        const std::string path = where + ".attributes." + field_name;
        const field_def* field = schema_.find(field_name);
        if (!field)
            throw error(errc::invalid_plan,
                        field_name == relationship_field
                            ? std::string("'relationship' is not an attribute: set the "
                                          "account's relationship")
                            : "unknown field '" + field_name + "'",
                        path);
        if (auto why = field->check(val))
            throw error(errc::invalid_plan, *why, path);
    }
    const bool fired = a.decision.what() == placement::kind::fired;
    if (fired && a.fire_action.empty())
        throw error(errc::invalid_plan, "a fired account needs a fire action",
                    where + ".fire_action");
    if (!fired && !a.fire_action.empty())
        throw error(errc::invalid_plan, "only a fired account has a fire action",
                    where + ".fire_action");
    detail::check_prose(a.fire_action, "the fire action", where + ".fire_action");
    for (std::size_t i = 0; i < a.history.size(); ++i) {
        const move_record& m = a.history[i];
        const std::string path = where + ".history[" + std::to_string(i) + "]";
        detail::check_prose(m.reason, "the reason", path + ".reason");
        if (m.from == m.to)
            throw error(errc::invalid_plan, "a move must change the placement", path + ".to");
        if (i > 0 && m.on < a.history[i - 1].on)
            throw error(errc::invalid_plan, "moves must be in date order", path + ".date");
        if (i > 0 && !(m.from == a.history[i - 1].to))
            throw error(errc::invalid_plan,
                        "the move starts from '" + std::string(m.from.name()) +
                            "' but the previous one ended in '" +
                            std::string(a.history[i - 1].to.name()) + "'",
                        path + ".from");
        const bool first_decision = m.from.what() == placement::kind::open ||
                                    m.from.what() == placement::kind::unassigned;
        if (m.reason.empty() && !(first_decision && m.to.is_assigned()))
            throw error(errc::invalid_plan, "a deliberate move needs a reason", path + ".reason");
    }
    if (!a.history.empty() && !(a.history.back().to == a.decision))
        throw error(errc::invalid_plan,
                    "the placement '" + std::string(a.decision.name()) +
                        "' differs from the last recorded move to '" +
                        std::string(a.history.back().to.name()) + "'",
                    where + ".placement");
}

void plan::add_account(account a, std::string_view where)
{
    const std::string path =
        where.empty() ? "accounts[" + std::to_string(accounts_.size()) + "]" : std::string(where);
    check_account(a, path);
    if (index_.count(a.id))
        throw error(errc::conflict, "the account id '" + a.id + "' is used twice", path + ".id");
    // Reserve first so that nothing below can fail half-way.
    accounts_.reserve(accounts_.size() + 1);
    auto slot = index_.emplace(a.id, accounts_.size()).first;
    try {
        accounts_.push_back(std::move(a));
    } catch (...) {
        index_.erase(slot);
        throw;
    }
}

void plan::replace_account(account a)
{
    auto i = account_index(a.id);
    if (!i)
        throw error(errc::not_found, "no account has the id '" + a.id + "'");
    check_account(a, "accounts[" + std::to_string(*i) + "]");
    accounts_[*i] = std::move(a);
}

void plan::remove_account(std::string_view id)
{
    auto i = account_index(id);
    if (!i)
        throw error(errc::not_found, "no account has the id '" + std::string(id) + "'");
    // The log keeps its history: an account with activities cannot vanish.
    for (std::size_t k = 0; k < activities_.size(); ++k)
        if (activities_[k].account == id)
            throw error(errc::conflict,
                        "the account '" + std::string(id) +
                            "' has logged activities; remove them first",
                        "activities[" + std::to_string(k) + "].account");
    // Rebuild the index aside, then commit with non-throwing operations.
    decltype(index_) rebuilt;
    for (std::size_t k = 0; k < accounts_.size(); ++k)
        if (k != *i)
            rebuilt.emplace(accounts_[k].id, k < *i ? k : k - 1);
    accounts_.erase(accounts_.begin() + static_cast<std::ptrdiff_t>(*i));
    index_.swap(rebuilt);
}

} // namespace v1
} // namespace kare
