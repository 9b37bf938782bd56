#include "commands.hpp"
#include "pipeline_table.hpp"
#include "progress_table.hpp"
#include "terminal_map.hpp"

#include <kare/json.hpp>
#include <kare/render.hpp>
#include <kare/version.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace kare::cli {

namespace {

std::string read_file(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw error(errc::io_error, "cannot open '" + path + "'");
    std::ostringstream contents;
    contents << file.rdbuf();
    return contents.str();
}

plan load(const arguments& args)
{
    return read_plan(read_file(args.operands.at(0)));
}

// The CLI is an adapter, so it may read the clock; the library never does.
date as_of(const arguments& args)
{
    if (auto text = args.value("as-of")) {
        auto d = date::parse(*text);
        if (!d)
            throw error(errc::invalid_argument,
                        "--as-of '" + *text + "' is not a calendar date (YYYY-MM-DD)");
        return *d;
    }
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return date::from_days(static_cast<std::int32_t>(today.time_since_epoch().count()));
}

int report_command(const arguments& args, std::ostream& out)
{
    const plan p = load(args);
    report_options options;
    options.rep = args.value("rep").value_or("");
    const report r = make_report(p, as_of(args), options);
    out << (args.flag("json") ? write_report(r) : render_terminal_map(r));
    return exit_ok;
}

// Writes to --output when given (atomically enough for a CLI: whole file at
// once), else to standard output.
void emit(const arguments& args, std::ostream& out, const std::string& text)
{
    if (auto path = args.value("output")) {
        std::ofstream file(*path, std::ios::binary | std::ios::trunc);
        if (!(file << text) || !file.flush())
            throw error(errc::io_error, "cannot write '" + *path + "'");
        return;
    }
    out << text;
}

int pipeline_command(const arguments& args, std::ostream& out)
{
    const plan p = load(args);
    pipeline_options options;
    options.rep = args.value("rep").value_or("");
    const pipeline_report r = make_pipeline(p, as_of(args), options);
    emit(args, out, args.flag("json") ? write_pipeline(r) : render_pipeline_table(r));
    return exit_ok;
}

int progress_command(const arguments& args, std::ostream& out)
{
    const plan p = load(args);
    progress_options options;
    options.rep = args.value("rep").value_or("");
    if (auto n = args.value("trend")) {
        char* end = nullptr;
        const unsigned long periods = std::strtoul(n->c_str(), &end, 10);
        if (n->empty() || *end != '\0' || periods > max_trend_periods)
            throw error(errc::invalid_argument, "--trend takes a number of periods from 0 to " +
                                                    std::to_string(max_trend_periods));
        options.trend_periods = periods;
    }
    const progress_report r = make_progress(p, as_of(args), options);
    emit(args, out, args.flag("json") ? write_progress(r) : render_progress_table(r));
    return exit_ok;
}

int map_command(const arguments& args, std::ostream& out)
{
    const plan p = load(args);
    report_options options;
    options.rep = args.value("rep").value_or("");
    const report r = make_report(p, as_of(args), options);
    emit(args, out, render_svg(make_map_view(p, r)));
    return exit_ok;
}

int review_command(const arguments& args, std::ostream& out)
{
    const plan p = load(args);
    report_options options;
    options.rep = args.value("rep").value_or("");
    const report r = make_report(p, as_of(args), options);
    if (args.flag("html"))
        emit(args, out, render_html(make_map_view(p, r), r));
    else if (args.flag("json"))
        emit(args, out, write_report(r));
    else
        emit(args, out, render_terminal_map(r));
    return exit_ok;
}

int check_command(const arguments& args, std::ostream& out)
{
    const plan p = load(args);
    out << args.operands.at(0) << ": a valid plan with " << p.accounts().size() << " accounts and "
        << p.reps().size() << " reps\n";
    return exit_ok;
}

int format_command(const arguments& args, std::ostream& out)
{
    out << write_plan(load(args));
    return exit_ok;
}

int codes_command(const arguments&, std::ostream& out)
{
    for (const auto& c : finding_codes())
        out << c.code << "\t" << to_string(c.severity) << "\t" << c.description << "\n";
    return exit_ok;
}

} // namespace

const std::vector<command>& commands()
{
    static const std::vector<command> all{
        {"report", "kare report PLAN.json [--json] [--as-of YYYY-MM-DD] [--rep REP]",
         "The KARE map: every account in its quadrant, the unassigned and fired, the findings.",
         {"as-of", "rep"}, {"json"}, report_command},
        {"pipeline", "kare pipeline PLAN.json [--json] [--as-of YYYY-MM-DD] [--rep REP] [-o FILE]",
         "The honest pipeline: total against honest total, bloat, states and the hope deals.",
         {"as-of", "rep", "output"}, {"json"}, pipeline_command},
        {"progress", "kare progress PLAN.json [--json] [--as-of YYYY-MM-DD] [--rep REP] [--trend N] [-o FILE]",
         "Cookbook progress: each target's done against the pro-rated expectation, the effort mix.",
         {"as-of", "rep", "trend", "output"}, {"json"}, progress_command},
        {"map", "kare map PLAN.json [--as-of YYYY-MM-DD] [--rep REP] [-o FILE.svg]",
         "The KARE map as a one-page SVG picture.", {"as-of", "rep", "output"}, {}, map_command},
        {"review", "kare review PLAN.json [--html | --json] [--as-of YYYY-MM-DD] [--rep REP] [-o FILE]",
         "The plan review: the map and every finding, as text, JSON or an HTML page.",
         {"as-of", "rep", "output"}, {"html", "json"}, review_command},
        {"check", "kare check PLAN.json", "Validates a plan document.", {}, {}, check_command},
        {"format", "kare format PLAN.json",
         "Prints the plan document in canonical form.", {}, {}, format_command},
        {"codes", "kare codes", "Lists every finding code with its severity.", {}, {},
         codes_command},
    };
    return all;
}

} // namespace kare::cli
