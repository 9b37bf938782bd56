// kare_plan_assign, _move and _fire: decisions on accounts, each with a
// NUL-terminated form and a counted (_v2) one sharing one body.
#include "firewall.hpp"

#include <mutex>

using namespace kare::capi;

namespace {

kare::placement placement_arg(int32_t code)
{
    if (code >= KARE_PLACEMENT_KEEP && code <= KARE_PLACEMENT_EXPAND)
        return kare::placement::in(static_cast<kare::category>(code));
    switch (code) {
    case KARE_PLACEMENT_FIRED: return kare::placement::fired();
    case KARE_PLACEMENT_UNASSIGNED: return kare::placement::unassigned();
    case KARE_PLACEMENT_OPEN: return kare::placement();
    default: throw bad_argument("unknown placement code " + std::to_string(code));
    }
}

kare_status assign(kare_plan* plan, const char* account_id, size_t id_len, int32_t category,
                   const char* on, size_t on_len, const char* reason, size_t reason_len)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(account_id, id_len, "account_id", text_kind::name);
        if (category < KARE_PLACEMENT_KEEP || category > KARE_PLACEMENT_EXPAND)
            throw bad_argument("category " + std::to_string(category) +
                               " is not one of KARE_PLACEMENT_KEEP..KARE_PLACEMENT_EXPAND");
        const kare::date day = date_arg(on, on_len, "on");
        std::string why = optional_text(reason, reason_len, "reason", text_kind::prose);
        std::unique_lock write(plan->lock);
        plan->plan.assign(id, static_cast<kare::category>(category), day, std::move(why));
    });
}

kare_status move(kare_plan* plan, const char* account_id, size_t id_len, int32_t placement,
                 const char* on, size_t on_len, const char* reason, size_t reason_len)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(account_id, id_len, "account_id", text_kind::name);
        const kare::placement to = placement_arg(placement);
        const kare::date day = date_arg(on, on_len, "on");
        std::string why = optional_text(reason, reason_len, "reason", text_kind::prose);
        std::unique_lock write(plan->lock);
        plan->plan.move(id, to, day, std::move(why));
    });
}

kare_status fire(kare_plan* plan, const char* account_id, size_t id_len, const char* on,
                 size_t on_len, const char* reason, size_t reason_len, const char* action,
                 size_t action_len)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(account_id, id_len, "account_id", text_kind::name);
        const kare::date day = date_arg(on, on_len, "on");
        std::string why = optional_text(reason, reason_len, "reason", text_kind::prose);
        std::string what = optional_text(action, action_len, "action", text_kind::prose);
        std::unique_lock write(plan->lock);
        plan->plan.fire(id, day, std::move(why), std::move(what));
    });
}

constexpr size_t nul = KARE_NUL_TERMINATED;

} // namespace

extern "C" {

kare_status kare_plan_assign(kare_plan* plan, const char* account_id, int32_t category,
                             const char* on, const char* reason)
{
    return assign(plan, account_id, nul, category, on, nul, reason, nul);
}

kare_status kare_plan_assign_v2(kare_plan* plan, const char* account_id, size_t id_len,
                                int32_t category, const char* on, size_t on_len,
                                const char* reason, size_t reason_len)
{
    return assign(plan, account_id, id_len, category, on, on_len, reason, reason_len);
}

kare_status kare_plan_move(kare_plan* plan, const char* account_id, int32_t placement,
                           const char* on, const char* reason)
{
    return move(plan, account_id, nul, placement, on, nul, reason, nul);
}

kare_status kare_plan_move_v2(kare_plan* plan, const char* account_id, size_t id_len,
                              int32_t placement, const char* on, size_t on_len,
                              const char* reason, size_t reason_len)
{
    return move(plan, account_id, id_len, placement, on, on_len, reason, reason_len);
}

kare_status kare_plan_fire(kare_plan* plan, const char* account_id, const char* on,
                           const char* reason, const char* action)
{
    return fire(plan, account_id, nul, on, nul, reason, nul, action, nul);
}

kare_status kare_plan_fire_v2(kare_plan* plan, const char* account_id, size_t id_len,
                              const char* on, size_t on_len, const char* reason,
                              size_t reason_len, const char* action, size_t action_len)
{
    return fire(plan, account_id, id_len, on, on_len, reason, reason_len, action, action_len);
}

} // extern "C"
