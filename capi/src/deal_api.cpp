// kare_plan_* for deals as records, and the activity log.
#include "firewall.hpp"

#include <kare/honesty.hpp>
#include <kare/json.hpp>

#include <mutex>

using namespace kare::capi;

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
        const auto id = text(deal_id, id_len, "deal_id", text_kind::name);
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
    return kare_plan_deal_state_v2(out, plan, deal_id, id_len, as_of, KARE_NUL_TERMINATED);
}

kare_status kare_plan_deal_state_v2(int32_t* out, const kare_plan* plan, const char* deal_id,
                                    size_t id_len, const char* as_of, size_t as_of_len)
{
    return guard([&] {
        require(out, "out");
        require(plan, "plan");
        const auto id = text(deal_id, id_len, "deal_id", text_kind::name);
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        std::shared_lock read(plan->lock);
        const auto index = plan->plan.deal_index(id);
        if (!index)
            throw kare::error(kare::errc::not_found, "no deal has the id '" + std::string(id) + "'");
        try {
            const auto assessment = kare::assess(plan->plan.deals()[*index], plan->plan.honesty(), day);
            *out = assessment.state ? static_cast<int32_t>(*assessment.state) : KARE_HONESTY_CLOSED;
        } catch (const kare::error& e) {
            // The assessment names the member; the caller needs the deal too.
            if (e.where().empty() || e.where().segments().front().key == "deals")
                throw;
            const kare::deal& d = plan->plan.deals()[*index];
            throw kare::error(e.code(), e.what(),
                              kare::location().item("deals", *index, d.id).then(e.where()));
        }
    });
}

} // extern "C"
