// kare_plan_* for activities by id: the id an added activity has, the id at
// a position of the log, and removal by id.
#include "firewall.hpp"

#include <kare/json.hpp>

#include <mutex>

using namespace kare::capi;

extern "C" {

kare_status kare_plan_add_activity_v2(char** out_id, size_t* out_id_len, kare_plan* plan,
                                      const char* json, size_t json_len)
{
    return guard([&] {
        if (out_id)
            *out_id = nullptr;
        require(plan, "plan");
        const std::string_view document = text(json, json_len, "json", text_kind::document);
        std::unique_lock write(plan->lock);
        kare::plan& p = plan->plan;
        p.add_activity(kare::read_activity(document, p));
        if (!out_id)
            return;
        try {
            give_string(out_id, out_id_len, p.activities().back().id);
        } catch (...) {
            // The caller would not learn the id: the activity is not kept.
            p.remove_activity(p.activities().size() - 1);
            throw;
        }
    });
}

kare_status kare_plan_remove_activity_by_id(kare_plan* plan, const char* activity_id,
                                            size_t id_len)
{
    return guard([&] {
        require(plan, "plan");
        const auto id = text(activity_id, id_len, "activity_id", text_kind::name);
        std::unique_lock write(plan->lock);
        plan->plan.remove_activity_with_id(id);
    });
}

kare_status kare_plan_activity_id(char** out, size_t* out_len, const kare_plan* plan,
                                  size_t index)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        std::shared_lock read(plan->lock);
        const auto& log = plan->plan.activities();
        if (index >= log.size())
            throw kare::error(kare::errc::not_found,
                              "there is no activity at index " + std::to_string(index) +
                                  "; the log holds " + std::to_string(log.size()));
        give_string(out, out_len, log[index].id);
    });
}

} // extern "C"
