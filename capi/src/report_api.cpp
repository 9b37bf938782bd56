// kare_report_*: computing reports and reading them; the finding-code table.
#include "firewall.hpp"
#include "streamed_text.hpp"

#include <kare/json.hpp>

#include <memory>
#include <mutex>

using namespace kare::capi;

namespace {

const kare::finding& finding_at(const kare_report* report, size_t index)
{
    const auto& findings = require(report, "report")->report.findings;
    if (index >= findings.size())
        throw bad_argument("finding index " + std::to_string(index) + " is past the " +
                           std::to_string(findings.size()) + " findings");
    return findings[index];
}

} // namespace

extern "C" {

kare_status kare_report_new(kare_report** out, const kare_plan* plan, const char* as_of,
                            const char* rep)
{
    return kare_report_new_v2(out, plan, as_of, KARE_NUL_TERMINATED, rep, KARE_NUL_TERMINATED);
}

kare_status kare_report_new_v2(kare_report** out, const kare_plan* plan, const char* as_of,
                               size_t as_of_len, const char* rep, size_t rep_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        kare::report_options options;
        options.rep = optional_text(rep, rep_len, "rep", text_kind::name);
        auto handle = std::make_unique<kare_report>();
        {
            std::shared_lock read(plan->lock);
            handle->report = kare::make_report(plan->plan, day, options);
        }
        handle->scoreboard_amounts = scoreboard_texts(handle->report.scoreboard);
        *out = handle.release();
    });
}

void kare_report_free(kare_report* report)
{
    if (may_free(report))
        delete report;
}

kare_status kare_report_to_json(char** out, size_t* out_len, const kare_report* report)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(report, "report");
        const kare::report& r = report->report;
        give_streamed(out, out_len, [&](std::ostream& stream) { kare::write_report(r, stream); });
    });
}

kare_status kare_report_finding_count(size_t* out, const kare_report* report)
{
    return guard([&] {
        require(out, "out");
        *out = require(report, "report")->report.findings.size();
    });
}

kare_status kare_report_finding_code(const char** out, const kare_report* report, size_t index)
{
    return guard([&] {
        require(out, "out");
        *out = finding_at(report, index).code.c_str();
    });
}

kare_status kare_report_count(size_t* out, const kare_report* report, int32_t placement)
{
    return guard([&] {
        require(out, "out");
        const auto& counts = require(report, "report")->report.counts;
        if (placement >= KARE_PLACEMENT_KEEP && placement <= KARE_PLACEMENT_EXPAND)
            *out = counts.by_category[static_cast<std::size_t>(placement)];
        else if (placement == KARE_PLACEMENT_FIRED)
            *out = counts.fired;
        else if (placement == KARE_PLACEMENT_UNASSIGNED)
            *out = counts.unassigned;
        else
            throw bad_argument("placement " + std::to_string(placement) +
                               " is not a report placement");
    });
}

kare_status kare_finding_codes_json(char** out, size_t* out_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        give_string(out, out_len, kare::write_finding_codes());
    });
}

} // extern "C"
