// kare_report_map_svg and kare_report_review_html: an existing report drawn,
// with the render options.
#include "firewall.hpp"

#include <kare/map_view.hpp>
#include <kare/render.hpp>

#include <mutex>

using namespace kare::capi;

namespace {

kare::svg_options svg_options_arg(const kare_render_options* options)
{
    kare::svg_options svg;
    if (options == nullptr)
        return svg;
    check_options_version(options->version, KARE_RENDER_OPTIONS_VERSION, "options");
    if (options->rows_per_quadrant != 0)
        svg.rows_per_quadrant = options->rows_per_quadrant;
    return svg;
}

template <typename Draw>
kare_status draw(char** out, size_t* out_len, const kare_report* report, const kare_plan* plan,
                 const kare_render_options* options, Draw draw_view)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        const kare::report& r = require(report, "report")->report;
        require(plan, "plan");
        const kare::svg_options svg = svg_options_arg(options);
        std::string text;
        {
            std::shared_lock read(plan->lock);
            text = draw_view(kare::make_map_view(plan->plan, r), r, svg);
        }
        give_string(out, out_len, text);
    });
}

} // namespace

extern "C" {

kare_status kare_render_options_init(kare_render_options* options, uint32_t version)
{
    return guard([&] {
        require(options, "options");
        check_options_version(version, KARE_RENDER_OPTIONS_VERSION, "version");
        *options = kare_render_options{};
        options->version = version;
    });
}

kare_status kare_report_map_svg(char** out, size_t* out_len, const kare_report* report,
                                const kare_plan* plan, const kare_render_options* options)
{
    return draw(out, out_len, report, plan, options,
                [](const kare::map_view& view, const kare::report&, const kare::svg_options& svg) {
                    return kare::render_svg(view, svg);
                });
}

kare_status kare_report_review_html(char** out, size_t* out_len, const kare_report* report,
                                    const kare_plan* plan, const kare_render_options* options)
{
    return draw(out, out_len, report, plan, options,
                [](const kare::map_view& view, const kare::report& r,
                   const kare::svg_options& svg) { return kare::render_html(view, r, svg); });
}

} // extern "C"
