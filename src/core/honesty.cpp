// Deal honesty: the policy's checks and the derivation of a deal's state.
#include "first_repeat.hpp"
#include "honesty_derive.hpp"
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/honesty.hpp>

#include <algorithm>
#include <array>

namespace kare {
inline namespace v1 {

namespace {

constexpr std::int32_t max_limit_days = 36500;

constexpr std::array<std::string_view, 10> cause_names{
    "won",         "lost",         "qualified",         "evidence_missing",
    "unqualified_too_long", "no_activity", "close_date_passed", "slipping",
    "stall_explained", "declared"};

void check_names(const std::vector<std::string>& names, std::string_view what,
                 const location& path, bool may_be_empty)
{
    if (names.empty() && !may_be_empty)
        throw error(errc::invalid_plan, "the " + std::string(what) + " list is empty", path);
    for (std::size_t i = 0; i < names.size(); ++i)
        detail::check_name(names[i], what, path.at(i));
    if (const auto twice = detail::first_repeat(names))
        throw error(errc::invalid_plan, "'" + names[*twice] + "' is listed twice",
                    path.at(*twice));
}

void check_known(const std::vector<std::string>& names, const std::vector<std::string>& known,
                 std::string_view what, const location& path)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        const location item = path.at(i);
        if (std::find(known.begin(), known.end(), names[i]) == known.end())
            throw error(errc::invalid_plan,
                        "unknown " + std::string(what) + " '" + names[i] + "'", item);
        if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names[i]) !=
            names.begin() + static_cast<std::ptrdiff_t>(i))
            throw error(errc::invalid_plan, "'" + names[i] + "' is listed twice", item);
    }
}

void check_days(std::int32_t days, std::int32_t min, const location& path)
{
    if (days < min || days > max_limit_days)
        throw error(errc::invalid_plan,
                    "expected a number of days from " + std::to_string(min) + " to " +
                        std::to_string(max_limit_days) + ", got " + std::to_string(days),
                    path);
}

// The rules' own consistency; `key` names where a member is in the document
// (an override reports the member it sets, the plan's rules every member).
template <typename KeyOf>
void check_rules(const honesty_rules& r, const honesty_policy& policy, KeyOf key)
{
    check_known(r.required_evidence, policy.evidence_types, "evidence type", key("required_evidence"));
    check_days(r.stall_after_days, 1, key("stall_after_days"));
    check_days(r.dead_after_days, 1, key("dead_after_days"));
    check_days(r.unqualified_flag_after_days, 1, key("unqualified_flag_after_days"));
    check_days(r.unqualified_dead_after_days, 1, key("unqualified_dead_after_days"));
    if (r.dead_after_days <= r.stall_after_days)
        throw error(errc::invalid_plan,
                    "a deal must stall before it dies: dead_after_days (" +
                        std::to_string(r.dead_after_days) + ") must be above stall_after_days (" +
                        std::to_string(r.stall_after_days) + ")",
                    key("dead_after_days"));
    if (r.unqualified_dead_after_days <= r.unqualified_flag_after_days)
        throw error(errc::invalid_plan,
                    "an unqualified deal must be flagged before it dies: "
                    "unqualified_dead_after_days (" +
                        std::to_string(r.unqualified_dead_after_days) +
                        ") must be above unqualified_flag_after_days (" +
                        std::to_string(r.unqualified_flag_after_days) + ")",
                    key("unqualified_dead_after_days"));
    if (r.slipping_after_pushes < 1 || r.slipping_after_pushes > 1000)
        throw error(errc::invalid_plan,
                    "expected a number of pushes from 1 to 1000, got " +
                        std::to_string(r.slipping_after_pushes),
                    key("slipping_after_pushes"));
}

// "1 day", "12 business days".
std::string day_count(std::int32_t n, const honesty_policy& policy)
{
    const bool business = policy.exclude_weekends || !policy.holidays.empty();
    return std::to_string(n) + (business ? " business" : "") + (n == 1 ? " day" : " days");
}

} // namespace

std::string_view to_string(declared_check c) noexcept
{
    return c == declared_check::flag ? "flag" : "refuse";
}

std::optional<declared_check> declared_check_from_string(std::string_view name) noexcept
{
    if (name == "refuse") return declared_check::refuse;
    if (name == "flag") return declared_check::flag;
    return std::nullopt;
}

std::string_view to_string(honesty_cause c) noexcept
{
    return cause_names[static_cast<std::size_t>(c)];
}

honesty_rules rules_override::apply(honesty_rules base) const
{
    if (required_evidence) base.required_evidence = *required_evidence;
    if (stall_after_days) base.stall_after_days = *stall_after_days;
    if (dead_after_days) base.dead_after_days = *dead_after_days;
    if (unqualified_flag_after_days) base.unqualified_flag_after_days = *unqualified_flag_after_days;
    if (unqualified_dead_after_days) base.unqualified_dead_after_days = *unqualified_dead_after_days;
    if (close_date_passed_stalls) base.close_date_passed_stalls = *close_date_passed_stalls;
    if (slipping_after_pushes) base.slipping_after_pushes = *slipping_after_pushes;
    if (slipping_stalls) base.slipping_stalls = *slipping_stalls;
    return base;
}

honesty_rules honesty_policy::rules_for(std::string_view stage) const
{
    auto it = stage_overrides.find(stage);
    return it == stage_overrides.end() ? rules : it->second.apply(rules);
}

holiday_calendar honesty_policy::calendar() const
{
    return holiday_calendar(holidays, exclude_weekends);
}

void validate(const honesty_policy& policy)
{
    const location honesty = location().key("honesty");
    check_names(policy.stages, "stage", honesty.key("stages"), false);
    check_names(policy.evidence_types, "evidence type", honesty.key("evidence_types"), true);
    check_names(policy.lost_reasons, "lost reason", honesty.key("lost_reasons"), false);
    const location rules = honesty.key("policy");
    check_rules(policy.rules, policy, [&](std::string_view k) { return rules.key(k); });
    check_known(policy.renewal_evidence, policy.evidence_types, "evidence type",
                rules.key("renewal_evidence"));
    for (std::size_t i = 0; i < policy.holidays.size(); ++i)
        if (i > 0 && !(policy.holidays[i - 1] < policy.holidays[i]))
            throw error(errc::invalid_plan, "holidays must be in date order, each listed once",
                        rules.item("holidays", i));
    for (const auto& [stage, over] : policy.stage_overrides) {
        const location base = honesty.key("stage_overrides").key(stage);
        if (std::find(policy.stages.begin(), policy.stages.end(), stage) == policy.stages.end())
            throw error(errc::invalid_plan, "unknown stage '" + stage + "'", base);
        // A limit the stage inherits is reported at the stage, where the fix goes.
        check_rules(over.apply(policy.rules), policy, [&](std::string_view k) { return base.key(k); });
    }
}

date add_days(const holiday_calendar& cal, date from, std::int32_t n) noexcept
{
    if (n <= 0)
        return from;
    // The count grows with the date: widen until reached, then bisect.
    std::int64_t lo = 0, hi = n;
    while (cal.days_between(from, from.plus_days(detail::saturate_i32(hi))) < n) {
        if (from.plus_days(detail::saturate_i32(hi)) == from.plus_days(detail::saturate_i32(hi * 2)))
            return from.plus_days(detail::saturate_i32(hi));
        lo = hi;
        hi *= 2;
    }
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (cal.days_between(from, from.plus_days(detail::saturate_i32(mid))) >= n)
            hi = mid;
        else
            lo = mid;
    }
    return from.plus_days(detail::saturate_i32(hi));
}

namespace detail {

bool has_evidence_between(const deal& d, date after, date until) noexcept
{
    return std::any_of(d.evidence.begin(), d.evidence.end(),
                       [&](const evidence_item& e) { return after < e.on && e.on <= until; });
}

honesty_assessment derive(const deal& d, const honesty_policy& policy, date as_of)
{
    honesty_assessment out;
    out.rules = policy.rules_for(d.stage);
    const honesty_rules& r = out.rules;
    for (const auto& change : d.close_date_history)
        if (change.on <= as_of && change.is_push())
            ++out.pushes;
    out.slipping = out.pushes >= r.slipping_after_pushes;
    if (d.outcome != deal_outcome::open) {
        const bool won = d.outcome == deal_outcome::won;
        out.cause = won ? honesty_cause::won : honesty_cause::lost;
        out.reason = std::string(won ? "won" : "lost") +
                     (d.closed_on ? " on " + d.closed_on->to_string() : std::string()) +
                     ": not in the pipeline";
        return out;
    }

    const holiday_calendar cal = policy.calendar();
    const bool revived = d.revived && d.revived->on <= as_of;
    const date life_start = revived ? std::max(d.opened, d.revived->on) : d.opened;

    // What is on record as of the date.
    date touch = life_start;
    if (d.last_activity && *d.last_activity <= as_of)
        touch = std::max(touch, *d.last_activity);
    for (const auto& e : d.evidence)
        if (e.on <= as_of)
            touch = std::max(touch, e.on);
    for (const auto& type : r.required_evidence)
        if (std::none_of(d.evidence.begin(), d.evidence.end(), [&](const evidence_item& e) {
                return e.type == type && e.on <= as_of;
            }))
            out.missing_evidence.push_back(type);
    const bool stall_known = d.stall && d.stall->declared_on <= as_of;
    const bool stall_active = stall_known && as_of < d.stall->resume_on;
    if (stall_known && !stall_active)
        touch = std::max(touch, d.stall->resume_on); // the clock restarts when the wait ends
    out.days_idle = std::max(0, cal.days_between(touch, as_of));
    date expected = d.expected_close;
    for (auto it = d.close_date_history.rbegin(); it != d.close_date_history.rend(); ++it)
        if (it->on > as_of)
            expected = it->from; // the date as it stood then
    out.close_date_passed = expected < as_of;
    // A declaration made after a revival is dated after it (checked on load).
    const bool declared = d.declared && d.declared->on <= as_of;
    const bool has_evidence = out.missing_evidence.empty();

    const auto set = [&](honesty_state s, honesty_cause c, std::string reason) {
        out.state = s;
        out.cause = c;
        out.reason = std::move(reason);
    };
    const auto days = [&](std::int32_t n) { return day_count(n, policy); };
    const auto dead_idle = [&] {
        out.died_on = add_days(cal, touch, r.dead_after_days);
        set(honesty_state::dead, honesty_cause::no_activity,
            "dead: no activity for " + days(out.days_idle) + " (the limit is " +
                std::to_string(r.dead_after_days) + ")");
    };

    if (declared && d.declared->state == honesty_state::dead) {
        out.died_on = d.declared->on;
        set(honesty_state::dead, honesty_cause::declared,
            "declared dead on " + d.declared->on.to_string() + ": " + d.declared->reason);
        return out;
    }
    if (!has_evidence) {
        out.days_unqualified = std::max(0, cal.days_between(life_start, as_of));
        const std::string missing = "missing " + joined(out.missing_evidence);
        if (out.days_unqualified >= r.unqualified_dead_after_days) {
            out.died_on = add_days(cal, life_start, r.unqualified_dead_after_days);
            set(honesty_state::dead, honesty_cause::unqualified_too_long,
                "dead: unqualified for " + days(out.days_unqualified) + " (the limit is " +
                    std::to_string(r.unqualified_dead_after_days) + "), " + missing);
        } else if (!stall_active && out.days_idle >= r.dead_after_days) {
            dead_idle();
        } else if (out.days_unqualified >= r.unqualified_flag_after_days) {
            out.distorting = true;
            set(honesty_state::unqualified, honesty_cause::unqualified_too_long,
                "unqualified for " + days(out.days_unqualified) + " (the limit is " +
                    std::to_string(r.unqualified_flag_after_days) + "), " + missing +
                    ": it distorts the forecast");
        } else {
            set(honesty_state::unqualified, honesty_cause::evidence_missing,
                "unqualified: " + missing);
        }
        if (stall_active && out.state == honesty_state::unqualified)
            out.reason += "; waiting until " + d.stall->resume_on.to_string() + ": " +
                          d.stall->reason;
    } else if (!stall_active && out.days_idle >= r.dead_after_days) {
        dead_idle();
    } else if (stall_active) {
        out.explained = true;
        set(honesty_state::stalled, honesty_cause::stall_explained,
            "stalled, explained: " + d.stall->reason + " (resumes on " +
                d.stall->resume_on.to_string() + ")");
    } else if (out.days_idle >= r.stall_after_days) {
        set(honesty_state::stalled, honesty_cause::no_activity,
            "stalled: no activity for " + days(out.days_idle) + " (the limit is " +
                std::to_string(r.stall_after_days) + ")");
    } else if (r.close_date_passed_stalls && out.close_date_passed) {
        set(honesty_state::stalled, honesty_cause::close_date_passed,
            "stalled: the expected close date " + expected.to_string() + " has passed");
    } else if (r.slipping_stalls && out.slipping) {
        set(honesty_state::stalled, honesty_cause::slipping,
            "stalled: the close date was pushed " + std::to_string(out.pushes) + " times");
    } else {
        set(honesty_state::qualified, honesty_cause::qualified,
            "qualified: " + (r.required_evidence.empty() ? std::string("no evidence is required")
                                                         : joined(r.required_evidence) +
                                                               " on record") +
                ", last touched " + days(out.days_idle) + " ago");
    }

    if (declared) {
        const state_declaration& decl = *d.declared;
        if (decl.state == honesty_state::qualified) {
            out.declared_unsupported = !has_evidence;
            if (out.declared_unsupported)
                out.reason += "; declared qualified on " + decl.on.to_string() +
                              " without the evidence, which does not count";
        } else if (decl.state < *out.state) {
            // A person may always be more pessimistic than the facts.
            out.explained = false;
            set(decl.state, honesty_cause::declared,
                "declared " + std::string(to_string(decl.state)) + " on " + decl.on.to_string() +
                    ": " + decl.reason);
        }
    }
    return out;
}

} // namespace detail

namespace {

// The "as of" checks, then the derivation. `where()` gives the deal's place
// in the document, built only for the error.
template <class Where>
honesty_assessment assess_placed(const deal& d, const honesty_policy& policy, date as_of,
                                 const Where& where)
{
    const auto future = [&](date on, std::string_view what, const auto& member) {
        if (as_of < on)
            throw error(errc::invalid_plan,
                        std::string(what) + " is dated " + on.to_string() +
                            ", after the as-of date " + as_of.to_string(),
                        member());
    };
    future(d.opened, "the opening", [&] { return where().key("opened"); });
    if (d.last_activity)
        future(*d.last_activity, "the last activity", [&] { return where().key("last_activity"); });
    if (d.closed_on)
        future(*d.closed_on, "the close", [&] { return where().key("closed_on"); });
    for (std::size_t i = 0; i < d.evidence.size(); ++i)
        future(d.evidence[i].on, "the evidence",
               [&] { return where().item("evidence", i).key("date"); });
    for (std::size_t i = 0; i < d.close_date_history.size(); ++i)
        future(d.close_date_history[i].on, "the close-date change",
               [&] { return where().item("close_date_history", i).key("date"); });
    if (d.stall)
        future(d.stall->declared_on, "the stall",
               [&] { return where().key("stall").key("declared_on"); });
    if (d.declared)
        future(d.declared->on, "the declared state",
               [&] { return where().key("declared_state").key("date"); });
    if (d.revived)
        future(d.revived->on, "the revival", [&] { return where().key("revival").key("date"); });
    return detail::derive(d, policy, as_of);
}

} // namespace

honesty_assessment assess(const deal& d, const honesty_policy& policy, date as_of,
                          const location& where)
{
    return assess_placed(d, policy, as_of, [&] { return where; });
}

honesty_assessment detail::assess_deal(const deal& d, const honesty_policy& policy, date as_of,
                                       std::size_t index)
{
    return assess_placed(d, policy, as_of, [&] { return location().item("deals", index, d.id); });
}

honesty_assessment assess(const deal& d, const honesty_policy& policy, date as_of,
                          std::string_view where)
{
    return assess(d, policy, as_of, where.empty() ? location() : location().key(where));
}

} // namespace v1
} // namespace kare
