// Replacing a plan's configuration sections from a partial plan document.
#include "plan_document.hpp"

#include <kare/json.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <string>

namespace kare {
inline namespace v1 {

namespace {

// Records have their own calls, which keep their history and say which one
// failed; replacing them all at once would do neither.
constexpr std::array<std::string_view, 3> records{"accounts", "activities", "deals"};

} // namespace

plan replace_sections(const plan& base, std::string_view json, const read_limits& limits)
{
    boost::json::monotonic_resource arena;
    const boost::json::value patch = detail::parse_document(json, limits, arena);
    const boost::json::object* sections = patch.if_object();
    if (!sections)
        throw error(errc::invalid_plan, "a plan document must be a JSON object");
    for (const auto& member : *sections)
        if (std::find(records.begin(), records.end(), member.key()) != records.end())
            throw error(errc::invalid_plan,
                        "records are changed one at a time, not with the plan's sections",
                        std::string(member.key()));

    // The whole plan is read again, so that every record is checked against
    // the new sections: new fields, profiles and reps apply to all of it.
    boost::json::value merged = boost::json::value_from(base, &arena);
    boost::json::object& root = merged.as_object();
    // The header is the patch's own: its format and version are checked.
    root.erase("format");
    root.erase("version");
    for (const auto& member : *sections)
        root[member.key()] = member.value();
    return detail::read_plan_document(merged, limits);
}

} // namespace v1
} // namespace kare
