#include <kare/classify.hpp>
#include <kare/plan.hpp>
#include <kare/timeline.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {

placement decision_at(const account& a, date on) noexcept
{
    if (a.history.empty())
        return a.decision;
    // History is in date order (the plan checks it): find the last move on
    // or before `on`; moves sharing a date apply in their recorded order.
    auto after = std::upper_bound(a.history.begin(), a.history.end(), on,
                                  [](date d, const move_record& m) { return d < m.on; });
    if (after == a.history.begin())
        return a.history.front().from;
    return std::prev(after)->to;
}

placement placement_at(const plan& p, const account& a, date on)
{
    const placement decided = decision_at(a, on);
    if (decided.what() != placement::kind::open)
        return decided;
    return profile_placement(p, a);
}

std::optional<category> category_at(const plan& p, const account& a, date on)
{
    const placement where = placement_at(p, a, on);
    if (!where.is_assigned())
        return std::nullopt;
    return where.cat();
}

} // namespace v1
} // namespace kare
