#include "text_check.hpp"

#include <kare/cookbook.hpp>
#include <kare/error.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

namespace kare {
inline namespace v1 {

namespace {
constexpr std::array<std::string_view, 2> scope_names{"rep", "account"};
} // namespace

std::string_view to_string(target_scope s) noexcept
{
    const auto i = static_cast<std::size_t>(s);
    return i < scope_names.size() ? scope_names[i] : std::string_view{};
}

std::optional<target_scope> target_scope_from_string(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < scope_names.size(); ++i)
        if (scope_names[i] == name)
            return static_cast<target_scope>(i);
    return std::nullopt;
}

const activity_type* cookbook::find_activity(std::string_view id) const noexcept
{
    auto it = std::find_if(activity_types.begin(), activity_types.end(),
                           [&](const activity_type& t) { return t.id == id; });
    return it == activity_types.end() ? nullptr : &*it;
}

playbook cookbook::playbook_for(category c) const
{
    const auto& own = playbooks[static_cast<std::size_t>(c)];
    return own ? *own : default_playbook(c);
}

cookbook cookbook::defaults()
{
    // The figures are the method's own example; docs/cookbook.md quotes them.
    cookbook book;
    book.activity_types = {
        {"temperature_meeting", "Temperature meeting"},
        {"client_scorecard", "Client scorecard"},
        {"dial", "Dial"},
        {"conversation", "Conversation"},
        {"referral_ask", "Referral ask"},
        {"linkedin_touch", "LinkedIn touch"},
        {"where_are_they_now_call", "\"Where are they now\" call"},
        {"recapture_meeting", "Recapture meeting"},
        {"expand_attempt", "Expand attempt"},
        {"expand_meeting", "Expand meeting"},
    };
    using k = period_kind;
    const auto per_rep = target_scope::rep;
    book.targets = {
        {category::keep, "temperature_meeting", 1, k::week, per_rep},
        {category::keep, "client_scorecard", 1, k::quarter, target_scope::account},
        {category::attain, "dial", 40, k::week, per_rep},
        {category::attain, "conversation", 5, k::week, per_rep},
        {category::attain, "referral_ask", 1, k::week, per_rep},
        {category::attain, "linkedin_touch", 5, k::week, per_rep},
        {category::recapture, "where_are_they_now_call", 4, k::week, per_rep},
        {category::recapture, "recapture_meeting", 1, k::month, per_rep},
        {category::expand, "expand_attempt", 25, k::week, per_rep},
        {category::expand, "expand_meeting", 1, k::week, per_rep},
    };
    return book;
}

void validate(const cookbook& book)
{
    // Sets keep the duplicate checks fast on a hostile cookbook.
    std::set<std::string_view> ids;
    std::map<std::tuple<category, std::string_view, period_kind, target_scope>, std::size_t> seen;
    for (std::size_t i = 0; i < book.activity_types.size(); ++i) {
        const activity_type& t = book.activity_types[i];
        const location path = location().key("cookbook").item("activity_types", i, t.id);
        detail::check_id(t.id, "the activity type id", path.key("id"));
        detail::check_name(t.name, "the activity type name", path.key("name"), true);
        if (!ids.insert(t.id).second)
            throw error(errc::invalid_plan, "the activity type id '" + t.id + "' is used twice",
                        path.key("id"));
    }
    for (std::size_t i = 0; i < book.targets.size(); ++i) {
        const target& t = book.targets[i];
        const location path = location().key("cookbook").item("targets", i);
        if (static_cast<std::size_t>(t.cat) >= all_categories.size())
            throw error(errc::invalid_plan, "not a KARE category", path.key("category"));
        if (!ids.count(t.activity))
            throw error(errc::invalid_plan,
                        "unknown activity type '" + t.activity +
                            "': declare it in cookbook.activity_types",
                        path.key("activity"));
        if (t.count < 1 || t.count > max_target_count)
            throw error(errc::invalid_plan,
                        "the count must be a whole number from 1 to " +
                            std::to_string(max_target_count) + ", got " + std::to_string(t.count),
                        path.key("count"));
        if (to_string(t.per).empty())
            throw error(errc::invalid_plan, "not a period (week, month, quarter, year)",
                        path.key("period"));
        if (to_string(t.scope).empty())
            throw error(errc::invalid_plan, "not a scope (rep, account)", path.key("scope"));
        const auto [first, fresh] = seen.emplace(std::tuple(t.cat, std::string_view(t.activity), t.per, t.scope), i);
        if (!fresh)
            throw error(errc::invalid_plan,
                        to_path(location().item("targets", first->second)) + " already sets " +
                            std::string(to_string(t.cat)) + " " + t.activity + " per " +
                            std::string(to_string(t.per)) + " per " +
                            std::string(to_string(t.scope)),
                        path.key("activity"));
    }
    for (category c : all_categories)
        if (const auto& own = book.playbooks[static_cast<std::size_t>(c)])
            validate(*own, location().key("cookbook").key("playbooks").key(to_string(c)));
}

} // namespace v1
} // namespace kare
