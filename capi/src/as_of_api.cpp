// kare_plan_as_of and kare_report_facts_ignored: the plan as it stood on a
// past date, and what a report as of that date left out.
#include "firewall.hpp"

#include <kare/as_of.hpp>

#include <memory>
#include <mutex>

using namespace kare::capi;

extern "C" {

kare_status kare_plan_as_of(kare_plan** out, const kare_plan* plan, const char* as_of,
                            size_t as_of_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        auto handle = std::make_unique<kare_plan>();
        {
            std::shared_lock read(plan->lock);
            handle->plan = kare::plan_as_of(plan->plan, day);
        }
        *out = handle.release();
    });
}

kare_status kare_report_facts_ignored(size_t* out, const kare_report* report)
{
    return guard([&] {
        require(out, "out");
        *out = require(report, "report")->report.ignored.total();
    });
}

} // extern "C"
