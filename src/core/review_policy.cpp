#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/finding.hpp>
#include <kare/plan.hpp>
#include <kare/review_policy.hpp>

#include <algorithm>
#include <cmath>

namespace kare {
inline namespace v1 {

std::string_view to_string(rep_fit_strategy s) noexcept
{
    return s == rep_fit_strategy::blend ? "blend" : "focus";
}

std::optional<rep_fit_strategy> rep_fit_strategy_from_string(std::string_view name) noexcept
{
    if (name == "focus")
        return rep_fit_strategy::focus;
    if (name == "blend")
        return rep_fit_strategy::blend;
    return std::nullopt;
}

bool suits(rep_style s, category c) noexcept
{
    switch (s) {
    case rep_style::hunter: return c == category::attain || c == category::recapture;
    case rep_style::farmer: return c != category::attain;
    case rep_style::both: return true;
    }
    return true;
}

bool review_policy::enabled(std::string_view code) const noexcept
{
    return !std::binary_search(disabled_checks.begin(), disabled_checks.end(), code);
}

void validate(const review_policy& policy)
{
    const location where = location().key("policy").key("review");
    if (policy.focus_min < 1 || policy.focus_min > max_focus_size)
        throw error(errc::invalid_plan,
                    "the focus minimum must be from 1 to " + std::to_string(max_focus_size),
                    where.key("focus_min"));
    if (policy.focus_max < policy.focus_min || policy.focus_max > max_focus_size)
        throw error(errc::invalid_plan,
                    "the focus maximum must be from the minimum (" +
                        std::to_string(policy.focus_min) + ") to " +
                        std::to_string(max_focus_size),
                    where.key("focus_max"));
    const auto& types = policy.quarterly_review_activities;
    for (std::size_t i = 0; i < types.size(); ++i) {
        const location path = where.item("quarterly_review_activities", i);
        detail::check_name(types[i], "an activity id", path);
        if (std::find(types.begin(), types.begin() + static_cast<std::ptrdiff_t>(i), types[i]) !=
            types.begin() + static_cast<std::ptrdiff_t>(i))
            throw error(errc::invalid_plan, "the activity '" + types[i] + "' is listed twice", path);
    }
    if (policy.quarterly_review_days < 1 || policy.quarterly_review_days > 3660)
        throw error(errc::invalid_plan, "the quarterly review window must be from 1 to 3660 days",
                    where.key("quarterly_review_days"));
    if (policy.lapse_days < 1 || policy.lapse_days > 36500)
        throw error(errc::invalid_plan, "the lapse window must be from 1 to 36500 days",
                    where.key("lapse_days"));
    if (!std::isfinite(policy.existing_client_cost) || policy.existing_client_cost <= 0 ||
        policy.existing_client_cost > 1)
        throw error(errc::invalid_plan,
                    "the existing-client cost is a fraction of a new client's: above 0, at most 1",
                    where.key("existing_client_cost"));
    if (!std::isfinite(policy.recapture_cost) || policy.recapture_cost <= 0 ||
        policy.recapture_cost > 1)
        throw error(errc::invalid_plan,
                    "the recapture cost is a fraction of a new client's: above 0, at most 1",
                    where.key("recapture_cost"));
    if (policy.potential_value &&
        (!std::isfinite(*policy.potential_value) || *policy.potential_value < 0 ||
         *policy.potential_value > max_potential_value))
        throw error(errc::invalid_plan,
                    "the potential value is an amount in currency units: from 0 to 1e15",
                    where.key("potential_value"));
    const auto& off = policy.disabled_checks;
    for (std::size_t i = 0; i < off.size(); ++i) {
        const location path = where.item("disabled_checks", i);
        if (!find_finding_code(off[i]))
            throw error(errc::invalid_plan,
                        "'" + off[i] + "' is not a finding code (kare codes lists them)", path);
        if (std::find(off.begin(), off.begin() + static_cast<std::ptrdiff_t>(i), off[i]) !=
            off.begin() + static_cast<std::ptrdiff_t>(i))
            throw error(errc::invalid_plan, "the check '" + off[i] + "' is listed twice", path);
    }
}

void plan::set_review_policy(kare::review_policy policy)
{
    validate(policy);
    std::sort(policy.disabled_checks.begin(), policy.disabled_checks.end());
    review_ = std::move(policy);
}

} // namespace v1
} // namespace kare
