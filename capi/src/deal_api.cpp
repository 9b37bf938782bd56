// kare_plan_* for deals and the activity log.
#include "firewall.hpp"

#include <kare/honesty.hpp>
#include <kare/json.hpp>

#include <mutex>

using namespace kare::capi;

namespace {

std::string required_text(const char* text_value, const char* name)
{
    return std::string(text(text_value, KARE_NUL_TERMINATED, name));
}

} // namespace

extern "C" {

kare_status kare_plan_add_activity(kare_plan* plan, const char* json, size_t json_len)
{
    return write_document(plan, json, json_len, [](kare::plan& p, std::string_view doc) {
        p.add_activity(kare::read_activity(doc, p));
    });
}

kare_status kare_plan_remove_activity(kare_plan* plan, size_t index)
{
    return guard([&] {
        require(plan, "plan");
        std::unique_lock write(plan->lock);
        plan->plan.remove_activity(index);
    });
}

kare_status kare_plan_activity_count(size_t* out, const kare_plan* plan)
{
    return guard([&] {
        require(out, "out");
        require(plan, "plan");
        std::shared_lock read(plan->lock);
        *out = plan->plan.activities().size();
    });
}

kare_status kare_plan_add_deal(kare_plan* plan, const char* json, size_t json_len)
{
    return write_document(plan, json, json_len, [](kare::plan& p, std::string_view doc) {
        p.add_deal(kare::read_deal(doc, p));
    });
}

kare_status kare_plan_replace_deal(kare_plan* plan, const char* json, size_t json_len)
{
    return write_document(plan, json, json_len, [](kare::plan& p, std::string_view doc) {
        p.replace_deal(kare::read_deal(doc, p));
    });
}

kare_status kare_plan_remove_deal(kare_plan* plan, const char* deal_id, size_t id_len)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(deal_id, id_len, "deal_id");
        std::unique_lock write(plan->lock);
        plan->plan.remove_deal(id);
    });
}

kare_status kare_plan_deal_count(size_t* out, const kare_plan* plan)
{
    return guard([&] {
        require(out, "out");
        require(plan, "plan");
        std::shared_lock read(plan->lock);
        *out = plan->plan.deals().size();
    });
}

kare_status kare_plan_deal_state(int32_t* out, const kare_plan* plan, const char* deal_id,
                                 size_t id_len, const char* as_of)
{
    return guard([&] {
        require(out, "out");
        require(plan, "plan");
        const auto id = text(deal_id, id_len, "deal_id");
        const kare::date day = date_arg(as_of, "as_of");
        std::shared_lock read(plan->lock);
        const kare::deal* d = plan->plan.find_deal(id);
        if (!d)
            throw kare::error(kare::errc::not_found, "no deal has the id '" + std::string(id) + "'");
        const auto assessment = kare::assess(*d, plan->plan.honesty(), day);
        *out = assessment.state ? static_cast<int32_t>(*assessment.state) : KARE_HONESTY_CLOSED;
    });
}

kare_status kare_plan_add_evidence(kare_plan* plan, const char* deal_id, const char* type,
                                   const char* on, const char* source, const char* as_of)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = required_text(deal_id, "deal_id");
        kare::evidence_item item{required_text(type, "type"), date_arg(on, "on"),
                                 required_text(source, "source")};
        const kare::date today = date_arg(as_of, "as_of");
        std::unique_lock write(plan->lock);
        plan->plan.add_evidence(id, std::move(item), today);
    });
}

kare_status kare_plan_record_deal_activity(kare_plan* plan, const char* deal_id, const char* on)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = required_text(deal_id, "deal_id");
        const kare::date day = date_arg(on, "on");
        std::unique_lock write(plan->lock);
        plan->plan.record_activity(id, day);
    });
}

kare_status kare_plan_change_close_date(kare_plan* plan, const char* deal_id, const char* to,
                                        const char* on, const char* reason)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = required_text(deal_id, "deal_id");
        const kare::date new_close = date_arg(to, "to");
        const kare::date day = date_arg(on, "on");
        std::unique_lock write(plan->lock);
        plan->plan.change_close_date(id, new_close, day, optional_text(reason));
    });
}

kare_status kare_plan_declare_stall(kare_plan* plan, const char* deal_id, const char* reason,
                                    const char* declared_on, const char* resume_on)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = required_text(deal_id, "deal_id");
        kare::stall_note note{required_text(reason, "reason"), date_arg(declared_on, "declared_on"),
                              date_arg(resume_on, "resume_on")};
        std::unique_lock write(plan->lock);
        plan->plan.declare_stall(id, std::move(note));
    });
}

kare_status kare_plan_clear_stall(kare_plan* plan, const char* deal_id)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = required_text(deal_id, "deal_id");
        std::unique_lock write(plan->lock);
        plan->plan.clear_stall(id);
    });
}

kare_status kare_plan_declare_deal_state(kare_plan* plan, const char* deal_id, int32_t state,
                                         const char* on, const char* reason)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = required_text(deal_id, "deal_id");
        if (state < KARE_HONESTY_DEAD || state > KARE_HONESTY_QUALIFIED)
            throw bad_argument("state " + std::to_string(state) +
                               " is not one of KARE_HONESTY_DEAD..KARE_HONESTY_QUALIFIED");
        const kare::date day = date_arg(on, "on");
        std::unique_lock write(plan->lock);
        plan->plan.declare_deal_state(id, static_cast<kare::honesty_state>(state), day,
                                 optional_text(reason));
    });
}

kare_status kare_plan_clear_deal_state(kare_plan* plan, const char* deal_id, const char* on,
                                       const char* reason)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = required_text(deal_id, "deal_id");
        const kare::date day = date_arg(on, "on");
        std::unique_lock write(plan->lock);
        plan->plan.clear_deal_state(id, day, optional_text(reason));
    });
}

kare_status kare_plan_close_deal(kare_plan* plan, const char* deal_id, int32_t outcome,
                                 const char* on, const char* lost_reason)
{
    return guard([&] {
        require(plan, "plan");
        const std::string id = required_text(deal_id, "deal_id");
        if (outcome != KARE_OUTCOME_WON && outcome != KARE_OUTCOME_LOST)
            throw bad_argument("outcome " + std::to_string(outcome) +
                               " is not KARE_OUTCOME_WON or KARE_OUTCOME_LOST");
        const kare::date day = date_arg(on, "on");
        std::unique_lock write(plan->lock);
        plan->plan.close_deal(id, static_cast<kare::deal_outcome>(outcome), day,
                              optional_text(lost_reason));
    });
}

} // extern "C"
