#include "date_check.hpp"

#include <kare/activity_policy.hpp>
#include <kare/error.hpp>

#include <array>
#include <string>

namespace kare {
inline namespace v1 {

namespace {
constexpr std::array<std::string_view, 2> basis_names{"working_days", "calendar_days"};
} // namespace

std::string_view to_string(day_basis b) noexcept
{
    const auto i = static_cast<std::size_t>(b);
    return i < basis_names.size() ? basis_names[i] : std::string_view{};
}

std::optional<day_basis> day_basis_from_string(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < basis_names.size(); ++i)
        if (basis_names[i] == name)
            return static_cast<day_basis>(i);
    return std::nullopt;
}

holiday_calendar pacing_policy::day_calendar() const
{
    // Calendar days count every day: holidays only shape the working week.
    if (basis == day_basis::calendar_days)
        return holiday_calendar();
    return holiday_calendar(holidays, true);
}

void validate(const pacing_policy& pacing)
{
    if (to_string(pacing.basis).empty())
        throw error(errc::invalid_plan, "not a day basis (working_days, calendar_days)",
                    location().key("policy").key("pacing").key("pro_rate_by"));
    for (std::size_t i = 0; i < pacing.holidays.size(); ++i)
        if (!detail::is_document_date(pacing.holidays[i]))
            throw error(errc::invalid_plan, "a holiday must fall in the years 1 to 9999",
                        location().key("policy").key("pacing").item("holidays", i));
}

void validate(const effort_policy& effort)
{
    if (effort.mix) {
        std::uint64_t sum = 0;
        for (std::size_t i = 0; i < effort.mix->size(); ++i) {
            const std::uint32_t share = (*effort.mix)[i];
            if (share > 100)
                throw error(errc::invalid_plan, "a share is a whole percentage from 0 to 100",
                            location().key("policy").key("effort").key("mix").key(
                                to_string(static_cast<category>(i))));
            sum += share;
        }
        if (sum != 100)
            throw error(errc::invalid_plan,
                        "the shares must add up to 100, not " + std::to_string(sum),
                        location().key("policy").key("effort").key("mix"));
    }
    if (effort.keep_tolerance > 100)
        throw error(errc::invalid_plan, "the tolerance is a whole number of points from 0 to 100",
                    location().key("policy").key("effort").key("keep_tolerance"));
    if (effort.window_days < 1 || effort.window_days > 3660)
        throw error(errc::invalid_plan, "the window is a whole number of days from 1 to 3660",
                    location().key("policy").key("effort").key("window_days"));
    if (effort.min_activities > 1'000'000)
        throw error(errc::invalid_plan, "the minimum is a whole number from 0 to 1000000",
                    location().key("policy").key("effort").key("min_activities"));
}

} // namespace v1
} // namespace kare
