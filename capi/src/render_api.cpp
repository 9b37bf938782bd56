// kare_report_map_svg and kare_report_review_html: an existing report drawn,
// with the render options.
#include "firewall.hpp"

#include <kare/map_view.hpp>
#include <kare/render.hpp>

#include <mutex>

using namespace kare::capi;

namespace {

static_assert(KARE_SECTION_MAP == kare::html_section::map &&
              KARE_SECTION_ACCOUNTS == kare::html_section::accounts &&
              KARE_SECTION_PROGRESS == kare::html_section::progress &&
              KARE_SECTION_PIPELINE == kare::html_section::pipeline &&
              KARE_SECTION_EFFORT == kare::html_section::effort &&
              KARE_SECTION_PLAYBOOK == kare::html_section::playbook);

kare::html_options options_arg(const kare_render_options* options)
{
    kare::html_options html;
    if (options == nullptr)
        return html;
    check_options_version(options->version, KARE_RENDER_OPTIONS_VERSION, "options");
    if (options->rows_per_quadrant != 0)
        html.picture.rows_per_quadrant = options->rows_per_quadrant;
    if ((options->sections & ~kare::html_section::all) != 0)
        throw bad_argument("options sections " + std::to_string(options->sections) +
                           " holds bits that name no section");
    if (options->sections != 0)
        html.sections = options->sections;
    return html;
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
        const kare::html_options html = options_arg(options);
        std::string text;
        {
            std::shared_lock read(plan->lock);
            text = draw_view(kare::make_map_view(plan->plan, r), r, html);
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
                [](const kare::map_view& view, const kare::report&, const kare::html_options& html) {
                    return kare::render_svg(view, html.picture);
                });
}

kare_status kare_report_review_html(char** out, size_t* out_len, const kare_report* report,
                                    const kare_plan* plan, const kare_render_options* options)
{
    return draw(out, out_len, report, plan, options,
                [](const kare::map_view& view, const kare::report& r,
                   const kare::html_options& html) { return kare::render_html(view, r, html); });
}

} // extern "C"
