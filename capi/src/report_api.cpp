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

kare_status kare_report_options_init(kare_report_options* options, uint32_t version)
{
    return guard([&] {
        require(options, "options");
        check_options_version(version, KARE_REPORT_OPTIONS_VERSION, "version");
        *options = KARE_REPORT_OPTIONS_INIT;
        options->version = version;
    });
}

kare_status kare_report_new_with_options(kare_report** out, const kare_plan* plan,
                                         const char* as_of, size_t as_of_len,
                                         const kare_report_options* options)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        kare::report_options chosen;
        if (options) {
            check_options_version(options->version, KARE_REPORT_OPTIONS_VERSION, "options");
            switch (options->explain) {
            case KARE_EXPLAIN_ALL: chosen.explain = kare::explanation::all; break;
            case KARE_EXPLAIN_NEEDED: chosen.explain = kare::explanation::needed; break;
            case KARE_EXPLAIN_NONE: chosen.explain = kare::explanation::none; break;
            default:
                throw kare::error(kare::errc::invalid_argument,
                                  "options explain " + std::to_string(options->explain) +
                                      " is not KARE_EXPLAIN_ALL, _NEEDED or _NONE",
                                  "options.explain");
            }
            chosen.rep = optional_text(options->rep, options->rep_len, "options.rep",
                                       text_kind::name);
            chosen.explain_account =
                optional_text(options->explain_account, options->explain_account_len,
                              "options.explain_account", text_kind::name);
        }
        auto handle = std::make_unique<kare_report>();
        {
            std::shared_lock read(plan->lock);
            handle->report = kare::make_report(plan->plan, day, chosen);
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
