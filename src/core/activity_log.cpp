// The activity log and the settings it is judged by: cookbook, pacing and
// effort policy. Each mutator validates first and commits with operations
// that cannot throw.
#include "date_check.hpp"
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <algorithm>
#include <charconv>

namespace kare {
inline namespace v1 {

namespace {
constexpr std::string_view assigned_prefix = "act-";
} // namespace

std::string activity_id_for(std::uint64_t number)
{
    return std::string(assigned_prefix) + std::to_string(number);
}

std::optional<std::uint64_t> activity_id_number(std::string_view id) noexcept
{
    if (id.substr(0, assigned_prefix.size()) != assigned_prefix)
        return std::nullopt;
    const std::string_view digits = id.substr(assigned_prefix.size());
    if (digits.empty() || digits.front() == '0')
        return std::nullopt;
    std::uint64_t number = 0;
    const auto [end, failed] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (failed != std::errc() || end != digits.data() + digits.size())
        return std::nullopt;
    return number;
}

void plan::set_cookbook(kare::cookbook book)
{
    validate(book);
    decltype(activity_type_ids_) ids;
    for (const auto& t : book.activity_types)
        ids.insert(t.id);
    std::size_t i = 0;
    for (const activity& x : activities_) {
        if (!ids.count(x.type))
            throw error(errc::conflict,
                        "the activity type '" + x.type + "' is logged but missing from the new cookbook",
                        location().item("activities", i, x.account).key("activity"));
        ++i;
    }
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
    detail::check_name(a.rep, "the rep", detail::lazy_key{path, "rep"});
    if (!find_rep(a.rep))
        throw error(errc::invalid_plan, "the rep '" + a.rep + "' is not a rep of the plan",
                    path.key("rep"));
    detail::check_name(a.account, "the account", detail::lazy_key{path, "account"});
    const auto owner_index = account_slot(a.account);
    if (!owner_index)
        throw error(errc::invalid_plan,
                    "the account '" + a.account + "' is not an account of the plan",
                    path.key("account"));
    detail::check_name(a.type, "the activity type", detail::lazy_key{path, "activity"});
    if (!activity_type_ids_.count(a.type))
        throw error(errc::invalid_plan,
                    "unknown activity type '" + a.type + "': declare it in cookbook.activity_types",
                    path.key("activity"));
    detail::check_prose(a.note, "the note", detail::lazy_key{path, "note"});
    if (a.id.empty()) {
        a.id = activity_id_for(next_activity_number_);
    } else {
        detail::check_id(a.id, "the activity id", detail::lazy_key{path, "id"});
        if (activity_slot(a.id))
            throw error(errc::conflict, "the activity id '" + a.id + "' is used twice",
                        path.key("id"));
    }
    const std::optional<std::uint64_t> number = activity_id_number(a.id);
    activities_.make_room();
    activity_index_.reserve(activities_.size() + 1, [this](std::size_t s) -> std::string_view {
        return activities_.slot(s).id;
    }); // the last step that may throw: nothing changed before it
    const std::size_t slot = activities_.push(std::move(a)); // cannot throw: room is made
    activity_index_.insert(activities_.slot(slot).id, slot);
    ++activity_counts_[*owner_index];
    if (number && *number >= next_activity_number_)
        next_activity_number_ = *number + 1;
}

void plan::remove_activity(std::size_t index)
{
    if (index >= activities_.size())
        throw error(errc::not_found, "there is no activity at index " + std::to_string(index) +
                                         "; the log holds " + std::to_string(activities_.size()));
    const std::size_t slot = activities_.slot_of_position(index);
    activities_.make_room_to_remove(slot);
    remove_activity_slot(slot);
}

void plan::remove_activity_slot(std::size_t slot) noexcept
{
    // Nothing here throws or allocates: the activity is released in place
    // (or dropped when last), so no later activity moves.
    if (auto owner = account_slot(activities_.slot(slot).account))
        --activity_counts_[*owner];
    activity_index_.erase(activities_.slot(slot).id, [this](std::size_t k) -> std::string_view {
        return activities_.slot(k).id;
    });
    activities_.remove(slot);
    if (activities_.wants_compaction())
        compact_activities();
}

void plan::compact_activities() noexcept
{
    const std::size_t n = activities_.compact([](std::size_t, std::size_t) {});
    activity_index_.rebuild(n, [this](std::size_t s) -> std::string_view { return activities_.slot(s).id; });
}

std::optional<std::size_t> plan::activity_slot(std::string_view id) const noexcept
{
    return activity_index_.find(id, [this](std::size_t s) -> std::string_view { return activities_.slot(s).id; });
}

std::optional<std::size_t> plan::activity_index(std::string_view id) const noexcept
{
    auto s = activity_slot(id);
    return s ? std::optional<std::size_t>(activities_.position_of_slot(*s)) : std::nullopt;
}

void plan::remove_activity_with_id(std::string_view id)
{
    const auto slot = activity_slot(id);
    if (!slot)
        throw error(errc::not_found, "no activity has the id '" + std::string(id) + "'");
    activities_.make_room_to_remove(*slot);
    remove_activity_slot(*slot);
}

} // namespace v1
} // namespace kare
