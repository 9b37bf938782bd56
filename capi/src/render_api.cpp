// Drawing with the render options: kare_report_map_svg and
// kare_report_review_html for an existing report, kare_plan_map_svg_v2 and
// kare_plan_review_html_v2 for a new one.
#include "firewall.hpp"

#include <kare/map_view.hpp>
#include <kare/render.hpp>

#include <mutex>
#include <optional>

using namespace kare::capi;

namespace {

static_assert(KARE_SECTION_MAP == kare::html_section::map &&
              KARE_SECTION_ACCOUNTS == kare::html_section::accounts &&
              KARE_SECTION_SCOREBOARD == kare::html_section::scoreboard &&
              KARE_SECTION_PROGRESS == kare::html_section::progress &&
              KARE_SECTION_PIPELINE == kare::html_section::pipeline &&
              KARE_SECTION_EFFORT == kare::html_section::effort &&
              KARE_SECTION_PLAYBOOK == kare::html_section::playbook &&
              KARE_SECTION_CHANGES == kare::html_section::changes);

// The C options as C++ ones. Members an older struct lacks are never read.
struct render_choice {
    kare::html_options html;
    std::optional<std::string> rep; // none: the team, or the report's own
};

// `known`: the section bits the function can draw.
render_choice options_arg(const kare_render_options* options,
                          unsigned known = kare::html_section::all)
{
    render_choice choice;
    if (options == nullptr)
        return choice;
    check_options_version(options->version, KARE_RENDER_OPTIONS_VERSION, "options");
    if (options->rows_per_quadrant != 0)
        choice.html.picture.rows_per_quadrant = options->rows_per_quadrant;
    if ((options->sections & ~known) != 0)
        throw bad_argument("options sections " + std::to_string(options->sections) +
                           " holds bits that name no section");
    if (options->sections != 0)
        choice.html.sections = options->sections;
    if (options->version >= 2) {
        if (options->width > kare::max_svg_width)
            throw bad_argument("options width " + std::to_string(options->width) +
                               " is more than " + std::to_string(kare::max_svg_width) + " pixels");
        choice.html.picture.width = options->width;
        // NULL is no rep unless a length says text was meant.
        if (options->rep != nullptr ||
            (options->rep_len != 0 && options->rep_len != KARE_NUL_TERMINATED))
            choice.rep = optional_text(options->rep, options->rep_len, "options.rep",
                                       text_kind::name);
    }
    if (options->version >= 3 && options->rows_per_list != 0)
        choice.html.rows_per_list = options->rows_per_list == KARE_EVERY_ROW
                                        ? kare::every_row
                                        : options->rows_per_list;
    return choice;
}

std::string scope_name(const std::string& rep)
{
    return rep.empty() ? std::string("the whole team") : "'" + rep + "'";
}

using draw_fn = std::string (*)(const kare::map_view&, const kare::report&,
                                const kare::html_options&);

std::string draw_svg(const kare::map_view& view, const kare::report&,
                     const kare::html_options& html)
{
    return kare::render_svg(view, html.picture);
}

std::string draw_html(const kare::map_view& view, const kare::report& r,
                      const kare::html_options& html)
{
    return kare::render_html(view, r, html);
}

kare_status draw_report(char** out, size_t* out_len, const kare_report* report,
                        const kare_plan* plan, const kare_render_options* options, draw_fn draw)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        const kare::report& r = require(report, "report")->report;
        require(plan, "plan");
        const render_choice choice = options_arg(options);
        if (choice.rep && *choice.rep != r.rep)
            throw kare::error(kare::errc::conflict,
                              "options.rep names " + scope_name(*choice.rep) +
                                  ", and the report covers " + scope_name(r.rep) +
                                  ": make a report for that rep to draw it");
        std::string text;
        {
            std::shared_lock read(plan->lock);
            text = draw(kare::make_map_view(plan->plan, r), r, choice.html);
        }
        give_string(out, out_len, text);
    });
}

kare_status draw_new(char** out, size_t* out_len, const kare_plan* plan, const char* as_of,
                     size_t as_of_len, const kare_render_options* options, draw_fn draw)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        const render_choice choice = options_arg(options);
        kare::report_options scope;
        scope.rep = choice.rep.value_or(std::string());
        std::string text;
        {
            std::shared_lock read(plan->lock);
            const kare::report r = kare::make_report(plan->plan, day, scope);
            text = draw(kare::make_map_view(plan->plan, r), r, choice.html);
        }
        give_string(out, out_len, text);
    });
}

} // namespace

extern "C" {

kare_status kare_plan_review_html_since(char** out, size_t* out_len, const kare_plan* plan,
                                        const char* since, size_t since_len, const char* as_of,
                                        size_t as_of_len, const kare_render_options* options)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date from = date_arg(since, since_len, "since");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        render_choice choice = options_arg(options, kare::html_section::with_changes);
        if (options == nullptr || options->sections == 0)
            choice.html.sections = kare::html_section::with_changes;
        kare::report_options scope;
        scope.rep = choice.rep.value_or(std::string());
        std::string text;
        {
            std::shared_lock read(plan->lock);
            const kare::plan_changes changes = kare::changes_since(plan->plan, from, day);
            const kare::report r = kare::make_report(plan->plan, day, scope);
            text = kare::render_html(kare::make_map_view(plan->plan, r), r, choice.html, changes);
        }
        give_string(out, out_len, text);
    });
}

kare_status kare_render_options_init(kare_render_options* options, uint32_t version)
{
    return guard([&] {
        require(options, "options");
        check_options_version(version, KARE_RENDER_OPTIONS_VERSION, "version");
        // A version-1 struct is shorter: only its members are written.
        options->version = version;
        options->rows_per_quadrant = 0;
        options->sections = 0;
        if (version >= 2) {
            options->width = 0;
            options->rep = nullptr;
            options->rep_len = 0;
        }
        if (version >= 3)
            options->rows_per_list = 0;
    });
}

kare_status kare_report_map_svg(char** out, size_t* out_len, const kare_report* report,
                                const kare_plan* plan, const kare_render_options* options)
{
    return draw_report(out, out_len, report, plan, options, draw_svg);
}

kare_status kare_report_review_html(char** out, size_t* out_len, const kare_report* report,
                                    const kare_plan* plan, const kare_render_options* options)
{
    return draw_report(out, out_len, report, plan, options, draw_html);
}

kare_status kare_plan_map_svg_v2(char** out, size_t* out_len, const kare_plan* plan,
                                 const char* as_of, size_t as_of_len,
                                 const kare_render_options* options)
{
    return draw_new(out, out_len, plan, as_of, as_of_len, options, draw_svg);
}

kare_status kare_plan_review_html_v2(char** out, size_t* out_len, const kare_plan* plan,
                                     const char* as_of, size_t as_of_len,
                                     const kare_render_options* options)
{
    return draw_new(out, out_len, plan, as_of, as_of_len, options, draw_html);
}

} // extern "C"
