// The activity log and the settings it is judged by: cookbook, pacing and
// effort policy. Each mutator validates first and commits with operations
// that cannot throw.
#include "date_check.hpp"
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {

void plan::set_cookbook(kare::cookbook book)
{
    validate(book);
    decltype(activity_type_ids_) ids;
    for (const auto& t : book.activity_types)
        ids.insert(t.id);
    for (std::size_t i = 0; i < activities_.size(); ++i)
        if (!ids.count(activities_[i].type))
            throw error(errc::conflict,
                        "the activity type '" + activities_[i].type +
                            "' is logged but missing from the new cookbook",
                        location().item("activities", i, activities_[i].account).key("activity"));
    cookbook_ = std::move(book);
    activity_type_ids_.swap(ids);
}

void plan::set_pacing(pacing_policy policy)
{
    validate(policy);
    std::sort(policy.holidays.begin(), policy.holidays.end());
    policy.holidays.erase(std::unique(policy.holidays.begin(), policy.holidays.end()),
                          policy.holidays.end());
    pacing_ = std::move(policy);
}

void plan::set_effort_policy(kare::effort_policy policy)
{
    validate(policy);
    effort_ = std::move(policy);
}

void plan::add_activity(activity a, std::string_view where)
{
    // An activity has no id of its own: its account names it for a person.
    location path = where.empty() ? location().item("activities", activities_.size(), a.account)
                                  : location().key(where);
    add_activity_at(std::move(a), path);
}

void plan::add_activity_at(activity a, const location& path)
{
    if (!detail::is_document_date(a.on))
        throw error(errc::invalid_plan, "the date must fall in the years 1 to 9999",
                    path.key("date"));
    detail::check_name(a.rep, "the rep", path.key("rep"));
    if (!find_rep(a.rep))
        throw error(errc::invalid_plan, "the rep '" + a.rep + "' is not a rep of the plan",
                    path.key("rep"));
    detail::check_name(a.account, "the account", path.key("account"));
    const auto owner_index = account_index(a.account);
    if (!owner_index)
        throw error(errc::invalid_plan,
                    "the account '" + a.account + "' is not an account of the plan",
                    path.key("account"));
    detail::check_name(a.type, "the activity type", path.key("activity"));
    if (!activity_type_ids_.count(a.type))
        throw error(errc::invalid_plan,
                    "unknown activity type '" + a.type + "': declare it in cookbook.activity_types",
                    path.key("activity"));
    detail::check_prose(a.note, "the note", path.key("note"));
    if (activities_.size() == activities_.capacity()) // geometric, as accounts and deals
        activities_.reserve(std::max<std::size_t>(16, activities_.capacity() * 2));
    activities_.push_back(std::move(a)); // cannot throw: capacity is reserved
    ++activity_counts_[*owner_index];
}

void plan::remove_activity(std::size_t index)
{
    if (index >= activities_.size())
        throw error(errc::not_found, "there is no activity at index " + std::to_string(index) +
                                         "; the log holds " + std::to_string(activities_.size()));
    if (auto owner = account_index(activities_[index].account))
        --activity_counts_[*owner];
    activities_.erase(activities_.begin() + static_cast<std::ptrdiff_t>(index));
}

} // namespace v1
} // namespace kare
