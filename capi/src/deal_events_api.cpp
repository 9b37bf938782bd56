// kare_plan_* for what happens to a deal: evidence, activity, close dates,
// stalls, states and the close. Each has a NUL-terminated form and a counted
// (_v2) one sharing one body.
#include "firewall.hpp"


#include <mutex>

using namespace kare::capi;

namespace {

constexpr size_t nul = KARE_NUL_TERMINATED;

std::string name_arg(const char* data, size_t length, const char* name)
{
    return std::string(text(data, length, name, text_kind::name));
}

kare_status add_evidence(kare_plan* plan, const char* deal_id, size_t id_len, const char* type,
                         size_t type_len, const char* on, size_t on_len, const char* source,
                         size_t source_len, const char* as_of, size_t as_of_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = name_arg(deal_id, id_len, "deal_id");
        kare::evidence_item item{name_arg(type, type_len, "type"), date_arg(on, on_len, "on"),
                                 name_arg(source, source_len, "source")};
        const kare::date today = date_arg(as_of, as_of_len, "as_of");
        std::unique_lock write(plan->lock);
        plan->plan.add_evidence(id, std::move(item), today);
    });
}

kare_status record_deal_activity(kare_plan* plan, const char* deal_id, size_t id_len,
                                 const char* on, size_t on_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = name_arg(deal_id, id_len, "deal_id");
        const kare::date day = date_arg(on, on_len, "on");
        std::unique_lock write(plan->lock);
        plan->plan.record_activity(id, day);
    });
}

kare_status change_close_date(kare_plan* plan, const char* deal_id, size_t id_len, const char* to,
                              size_t to_len, const char* on, size_t on_len, const char* reason,
                              size_t reason_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = name_arg(deal_id, id_len, "deal_id");
        const kare::date new_close = date_arg(to, to_len, "to");
        const kare::date day = date_arg(on, on_len, "on");
        std::string why = optional_text(reason, reason_len, "reason", text_kind::prose);
        std::unique_lock write(plan->lock);
        plan->plan.change_close_date(id, new_close, day, std::move(why));
    });
}

kare_status declare_stall(kare_plan* plan, const char* deal_id, size_t id_len, const char* reason,
                          size_t reason_len, const char* declared_on, size_t declared_on_len,
                          const char* resume_on, size_t resume_on_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = name_arg(deal_id, id_len, "deal_id");
        kare::stall_note note{name_arg(reason, reason_len, "reason"),
                              date_arg(declared_on, declared_on_len, "declared_on"),
                              date_arg(resume_on, resume_on_len, "resume_on")};
        std::unique_lock write(plan->lock);
        plan->plan.declare_stall(id, std::move(note));
    });
}

kare_status clear_stall(kare_plan* plan, const char* deal_id, size_t id_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = name_arg(deal_id, id_len, "deal_id");
        std::unique_lock write(plan->lock);
        plan->plan.clear_stall(id);
    });
}

kare_status declare_deal_state(kare_plan* plan, const char* deal_id, size_t id_len, int32_t state,
                               const char* on, size_t on_len, const char* reason,
                               size_t reason_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = name_arg(deal_id, id_len, "deal_id");
        if (state < KARE_HONESTY_DEAD || state > KARE_HONESTY_QUALIFIED)
            throw bad_argument("state " + std::to_string(state) +
                               " is not one of KARE_HONESTY_DEAD..KARE_HONESTY_QUALIFIED");
        const kare::date day = date_arg(on, on_len, "on");
        std::string why = optional_text(reason, reason_len, "reason", text_kind::name);
        std::unique_lock write(plan->lock);
        plan->plan.declare_deal_state(id, static_cast<kare::honesty_state>(state), day, std::move(why));
    });
}

kare_status clear_deal_state(kare_plan* plan, const char* deal_id, size_t id_len, const char* on,
                             size_t on_len, const char* reason, size_t reason_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = name_arg(deal_id, id_len, "deal_id");
        const kare::date day = date_arg(on, on_len, "on");
        std::string why = optional_text(reason, reason_len, "reason", text_kind::name);
        std::unique_lock write(plan->lock);
        plan->plan.clear_deal_state(id, day, std::move(why));
    });
}

kare_status close_deal(kare_plan* plan, const char* deal_id, size_t id_len, int32_t outcome,
                       const char* on, size_t on_len, const char* lost_reason,
                       size_t lost_reason_len)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = name_arg(deal_id, id_len, "deal_id");
        if (outcome != KARE_OUTCOME_WON && outcome != KARE_OUTCOME_LOST)
            throw bad_argument("outcome " + std::to_string(outcome) +
                               " is not KARE_OUTCOME_WON or KARE_OUTCOME_LOST");
        const kare::date day = date_arg(on, on_len, "on");
        std::string why = optional_text(lost_reason, lost_reason_len, "lost_reason",
                                        text_kind::name);
        std::unique_lock write(plan->lock);
        plan->plan.close_deal(id, static_cast<kare::deal_outcome>(outcome), day, std::move(why));
    });
}

} // namespace

extern "C" {

kare_status kare_plan_add_evidence(kare_plan* plan, const char* deal_id, const char* type,
                                   const char* on, const char* source, const char* as_of)
{
    return add_evidence(plan, deal_id, nul, type, nul, on, nul, source, nul, as_of, nul);
}

kare_status kare_plan_add_evidence_v2(kare_plan* plan, const char* deal_id, size_t id_len,
                                      const char* type, size_t type_len, const char* on,
                                      size_t on_len, const char* source, size_t source_len,
                                      const char* as_of, size_t as_of_len)
{
    return add_evidence(plan, deal_id, id_len, type, type_len, on, on_len, source, source_len,
                        as_of, as_of_len);
}

kare_status kare_plan_record_deal_activity(kare_plan* plan, const char* deal_id, const char* on)
{
    return record_deal_activity(plan, deal_id, nul, on, nul);
}

kare_status kare_plan_record_deal_activity_v2(kare_plan* plan, const char* deal_id,
                                              size_t id_len, const char* on, size_t on_len)
{
    return record_deal_activity(plan, deal_id, id_len, on, on_len);
}

kare_status kare_plan_change_close_date(kare_plan* plan, const char* deal_id, const char* to,
                                        const char* on, const char* reason)
{
    return change_close_date(plan, deal_id, nul, to, nul, on, nul, reason, nul);
}

kare_status kare_plan_change_close_date_v2(kare_plan* plan, const char* deal_id, size_t id_len,
                                           const char* to, size_t to_len, const char* on,
                                           size_t on_len, const char* reason, size_t reason_len)
{
    return change_close_date(plan, deal_id, id_len, to, to_len, on, on_len, reason, reason_len);
}

kare_status kare_plan_declare_stall(kare_plan* plan, const char* deal_id, const char* reason,
                                    const char* declared_on, const char* resume_on)
{
    return declare_stall(plan, deal_id, nul, reason, nul, declared_on, nul, resume_on, nul);
}

kare_status kare_plan_declare_stall_v2(kare_plan* plan, const char* deal_id, size_t id_len,
                                       const char* reason, size_t reason_len,
                                       const char* declared_on, size_t declared_on_len,
                                       const char* resume_on, size_t resume_on_len)
{
    return declare_stall(plan, deal_id, id_len, reason, reason_len, declared_on, declared_on_len,
                         resume_on, resume_on_len);
}

kare_status kare_plan_clear_stall(kare_plan* plan, const char* deal_id)
{
    return clear_stall(plan, deal_id, nul);
}

kare_status kare_plan_clear_stall_v2(kare_plan* plan, const char* deal_id, size_t id_len)
{
    return clear_stall(plan, deal_id, id_len);
}

kare_status kare_plan_declare_deal_state(kare_plan* plan, const char* deal_id, int32_t state,
                                         const char* on, const char* reason)
{
    return declare_deal_state(plan, deal_id, nul, state, on, nul, reason, nul);
}

kare_status kare_plan_declare_deal_state_v2(kare_plan* plan, const char* deal_id, size_t id_len,
                                            int32_t state, const char* on, size_t on_len,
                                            const char* reason, size_t reason_len)
{
    return declare_deal_state(plan, deal_id, id_len, state, on, on_len, reason, reason_len);
}

kare_status kare_plan_clear_deal_state(kare_plan* plan, const char* deal_id, const char* on,
                                       const char* reason)
{
    return clear_deal_state(plan, deal_id, nul, on, nul, reason, nul);
}

kare_status kare_plan_clear_deal_state_v2(kare_plan* plan, const char* deal_id, size_t id_len,
                                          const char* on, size_t on_len, const char* reason,
                                          size_t reason_len)
{
    return clear_deal_state(plan, deal_id, id_len, on, on_len, reason, reason_len);
}

kare_status kare_plan_close_deal(kare_plan* plan, const char* deal_id, int32_t outcome,
                                 const char* on, const char* lost_reason)
{
    return close_deal(plan, deal_id, nul, outcome, on, nul, lost_reason, nul);
}

kare_status kare_plan_close_deal_v2(kare_plan* plan, const char* deal_id, size_t id_len,
                                    int32_t outcome, const char* on, size_t on_len,
                                    const char* lost_reason, size_t lost_reason_len)
{
    return close_deal(plan, deal_id, id_len, outcome, on, on_len, lost_reason, lost_reason_len);
}

} // extern "C"
