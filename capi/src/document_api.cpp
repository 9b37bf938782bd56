// kare_plan_* documents and pictures: progress, pipeline, map and review.
#include "firewall.hpp"
#include "streamed_text.hpp"

#include <kare/json.hpp>
#include <kare/pipeline.hpp>
#include <kare/progress.hpp>
#include <kare/render.hpp>

#include <mutex>
#include <ostream>

using namespace kare::capi;

namespace {

// Computes a document under the plan's read lock and hands it to C.
template <typename Make>
kare_status document(char** out, size_t* out_len, const kare_plan* plan, const char* as_of,
                     size_t as_of_len, Make make)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        std::string text;
        {
            std::shared_lock read(plan->lock);
            text = make(plan->plan, day);
        }
        give_string(out, out_len, text);
    });
}

// Computes a report under the plan's read lock and hands its document to C
// as it is written, in the one buffer returned.
template <typename Make, typename Write>
kare_status streamed_document(char** out, size_t* out_len, const kare_plan* plan,
                              const char* as_of, size_t as_of_len, Make make, Write write)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        std::shared_lock read(plan->lock);
        const auto made = make(plan->plan, day);
        read.unlock(); // the report holds no reference to the plan
        give_streamed(out, out_len, [&](std::ostream& stream) { write(made, stream); });
    });
}

} // namespace

extern "C" {

kare_status kare_plan_progress_json(char** out, size_t* out_len, const kare_plan* plan,
                                    const char* as_of, const char* rep, uint32_t trend_periods)
{
    return streamed_document(
        out, out_len, plan, as_of, KARE_NUL_TERMINATED,
        [&](const kare::plan& p, kare::date day) {
            kare::progress_options options;
            options.rep = optional_text(rep, "rep", text_kind::name);
            options.trend_periods = trend_periods;
            return kare::make_progress(p, day, options);
        },
        [](const kare::progress_report& r, std::ostream& stream) { kare::write_progress(r, stream); });
}

kare_status kare_plan_progress_json_v2(char** out, size_t* out_len, const kare_plan* plan,
                                       const char* as_of, size_t as_of_len, const char* rep,
                                       size_t rep_len, uint32_t trend_periods)
{
    return streamed_document(
        out, out_len, plan, as_of, as_of_len,
        [&](const kare::plan& p, kare::date day) {
            kare::progress_options options;
            options.rep = optional_text(rep, rep_len, "rep", text_kind::name);
            options.trend_periods = trend_periods;
            return kare::make_progress(p, day, options);
        },
        [](const kare::progress_report& r, std::ostream& stream) { kare::write_progress(r, stream); });
}

kare_status kare_plan_pipeline_json(char** out, size_t* out_len, const kare_plan* plan,
                                    const char* as_of, const char* rep)
{
    return streamed_document(
        out, out_len, plan, as_of, KARE_NUL_TERMINATED,
        [&](const kare::plan& p, kare::date day) {
            kare::pipeline_options options;
            options.rep = optional_text(rep, "rep", text_kind::name);
            return kare::make_pipeline(p, day, options);
        },
        [](const kare::pipeline_report& r, std::ostream& stream) { kare::write_pipeline(r, stream); });
}

kare_status kare_plan_pipeline_json_v2(char** out, size_t* out_len, const kare_plan* plan,
                                       const char* as_of, size_t as_of_len, const char* rep,
                                       size_t rep_len)
{
    return streamed_document(
        out, out_len, plan, as_of, as_of_len,
        [&](const kare::plan& p, kare::date day) {
            kare::pipeline_options options;
            options.rep = optional_text(rep, rep_len, "rep", text_kind::name);
            return kare::make_pipeline(p, day, options);
        },
        [](const kare::pipeline_report& r, std::ostream& stream) { kare::write_pipeline(r, stream); });
}

kare_status kare_plan_map_svg(char** out, size_t* out_len, const kare_plan* plan,
                              const char* as_of, const char* rep)
{
    return document(out, out_len, plan, as_of, KARE_NUL_TERMINATED, [&](const kare::plan& p, kare::date day) {
        kare::report_options options;
        options.rep = optional_text(rep, "rep", text_kind::name);
        return kare::render_svg(kare::make_map_view(p, kare::make_report(p, day, options)));
    });
}

kare_status kare_plan_review_html(char** out, size_t* out_len, const kare_plan* plan,
                                  const char* as_of, const char* rep)
{
    return document(out, out_len, plan, as_of, KARE_NUL_TERMINATED, [&](const kare::plan& p, kare::date day) {
        kare::report_options options;
        options.rep = optional_text(rep, "rep", text_kind::name);
        const kare::report r = kare::make_report(p, day, options);
        return kare::render_html(kare::make_map_view(p, r), r);
    });
}

} // extern "C"
