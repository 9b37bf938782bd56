#include "commands.hpp"
#include "cli_io.hpp"
#include "import_command.hpp"
#include "pipeline_table.hpp"
#include "progress_table.hpp"
#include "review_text.hpp"
#include "terminal_map.hpp"
#include "../render/escape.hpp"

#include <kare/accept_moves.hpp>
#include <kare/json.hpp>
#include <kare/render.hpp>
#include <kare/version.hpp>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <string>

namespace kare::cli {

namespace {

plan load(const arguments& args)
{
    return read_plan(read_file(args.operands.at(0)));
}

// The report a command needs: explanations only where its output shows them
// (the JSON document), as many as --explain and --explain-account ask.
report_options report_options_of(const arguments& args, bool shows_explanations)
{
    report_options options;
    options.rep = args.value("rep").value_or("");
    options.explain = shows_explanations ? explanation::all : explanation::none;
    if (auto mode = args.value("explain"))
        options.explain = *explanation_from_string(*mode); // checked by explain_mode
    options.explain_account = args.value("explain-account").value_or("");
    return options;
}

// Usage first: exit status 2 before any file is read.
void explain_mode(const arguments& args)
{
    if (auto mode = args.value("explain"); mode && !explanation_from_string(*mode))
        throw usage_error("--explain takes all, needed or none, not '" + detail::quoted(*mode) + "'");
    if (!args.flag("json") && (args.value("explain") || args.value("explain-account")))
        throw usage_error("--explain and --explain-account shape the JSON report: add --json");
}

int report_command(const arguments& args, std::ostream& out)
{
    const date day = as_of(args); // usage first: exit status 2 before any file is read
    explain_mode(args);
    const plan p = load(args);
    const report r = make_report(p, day, report_options_of(args, args.flag("json")));
    if (args.flag("json"))
        emit_streamed(
            args, out, [&] { return write_report(r); }, [&](std::ostream& o) { write_report(r, o); });
    else
        emit(args, out, render_terminal_map(make_map_view(p, r), r));
    return exit_ok;
}

int pipeline_command(const arguments& args, std::ostream& out)
{
    const date day = as_of(args); // usage first: exit status 2 before any file is read
    const plan p = load(args);
    pipeline_options options;
    options.rep = args.value("rep").value_or("");
    const pipeline_report r = make_pipeline(p, day, options);
    emit(args, out, args.flag("json") ? write_pipeline(r) : render_pipeline_table(r));
    return exit_ok;
}

int progress_command(const arguments& args, std::ostream& out)
{
    progress_options options;
    options.rep = args.value("rep").value_or("");
    if (auto n = args.value("trend")) {
        char* end = nullptr;
        const unsigned long periods = std::strtoul(n->c_str(), &end, 10);
        if (n->empty() || !std::isdigit(static_cast<unsigned char>(n->front())) || *end != '\0' ||
            periods > max_trend_periods)
            throw usage_error("--trend takes a number of periods from 0 to " +
                              std::to_string(max_trend_periods) + ", not '" + detail::quoted(*n) +
                              "'");
        options.trend_periods = periods;
    }
    const date day = as_of(args);
    const plan p = load(args);
    const progress_report r = make_progress(p, day, options);
    emit(args, out, args.flag("json") ? write_progress(r) : render_progress_table(r));
    return exit_ok;
}

int map_command(const arguments& args, std::ostream& out)
{
    const date day = as_of(args); // usage first: exit status 2 before any file is read
    const plan p = load(args);
    const report r = make_report(p, day, report_options_of(args, false));
    emit(args, out, render_svg(make_map_view(p, r)));
    return exit_ok;
}

int review_command(const arguments& args, std::ostream& out)
{
    const date day = as_of(args); // usage first: exit status 2 before any file is read
    const plan p = load(args);
    // No view of the review shows the criteria checked.
    const report r = make_report(p, day, report_options_of(args, false));
    if (args.flag("html"))
        emit(args, out, render_html(make_map_view(p, r), r));
    else if (args.flag("json"))
        emit_streamed(
            args, out, [&] { return write_review(r); }, [&](std::ostream& o) { write_review(r, o); });
    else
        emit(args, out, render_review_text(r));
    return exit_ok;
}

int check_command(const arguments& args, std::ostream& out)
{
    const plan p = load(args);
    write_out(out, args.operands.at(0) + ": a valid plan with " +
                       std::to_string(p.accounts().size()) + " accounts and " +
                       std::to_string(p.reps().size()) + " reps\n");
    return exit_ok;
}

int format_command(const arguments& args, std::ostream& out)
{
    // Safe in place (-o PLAN.json): the plan is read whole before anything is written.
    emit(args, out, write_plan(load(args)));
    return exit_ok;
}

// Accepts suggested moves through the plan's normal move; the plan is
// written only when every selected move is accepted.
int accept_command(const arguments& args, std::ostream& out)
{
    plan p = load(args);
    const date as_of_date = as_of(args);
    date on = as_of_date;
    if (auto text = args.value("on")) {
        auto d = date::parse(*text);
        if (!d)
            throw error(errc::invalid_argument, "--on '" + *text + "' is not a calendar date (YYYY-MM-DD)");
        on = *d;
    }
    move_selection which;
    which.code = args.value("code").value_or("");
    which.account = args.value("account").value_or("");
    const auto accepted =
        accept_moves(p, as_of_date, which, on, args.value("reason").value_or(""));
    const bool to_file = args.value("output").has_value();
    emit(args, out, write_plan(p));
    std::ostream& note = to_file ? out : std::cerr;
    for (const auto& m : accepted)
        note << "accepted " << m.code << ": " << detail::escape_terminal(m.account) << " from " << to_string(m.from)
             << " to " << to_string(m.to) << " on " << on.to_string() << "\n";
    return exit_ok;
}

int codes_command(const arguments&, std::ostream& out)
{
    std::string text;
    for (const auto& c : finding_codes())
        text += std::string(c.code) + "\t" + std::string(to_string(c.severity)) + "\t" +
                std::string(c.description) + "\n";
    write_out(out, text);
    return exit_ok;
}

} // namespace

const std::vector<command>& commands()
{
    static const std::vector<command> all{
        {"report",
         "kare report PLAN.json [--json [--explain all|needed|none] [--explain-account ID]] "
         "[--as-of YYYY-MM-DD] [--rep REP] [-o FILE]",
         "The KARE map: every account in its quadrant, the unassigned and fired, the findings.",
         {"as-of", "rep", "explain", "explain-account", "output"}, {"json"}, report_command},
        {"pipeline", "kare pipeline PLAN.json [--json] [--as-of YYYY-MM-DD] [--rep REP] [-o FILE]",
         "The honest pipeline: total against honest total, bloat, states and the hope deals.",
         {"as-of", "rep", "output"}, {"json"}, pipeline_command},
        {"progress", "kare progress PLAN.json [--json] [--as-of YYYY-MM-DD] [--rep REP] [--trend N] [-o FILE]",
         "Cookbook progress: each target's done against the pro-rated expectation, the effort mix.",
         {"as-of", "rep", "trend", "output"}, {"json"}, progress_command},
        {"map", "kare map PLAN.json [--as-of YYYY-MM-DD] [--rep REP] [-o FILE.svg]",
         "The KARE map as a one-page SVG picture.", {"as-of", "rep", "output"}, {}, map_command},
        {"review", "kare review PLAN.json [--html | --json] [--as-of YYYY-MM-DD] [--rep REP] [-o FILE]",
         "The plan review: the scoreboard, priorities, focus lists, suggested moves and "
         "whitespace, as text, JSON or an HTML page.",
         {"as-of", "rep", "output"}, {"html", "json"}, review_command},
        {"check", "kare check PLAN.json", "Validates a plan document.", {}, {}, check_command},
        {"format", "kare format PLAN.json [-o FILE]",
         "Prints the plan document in canonical form.", {"output"}, {}, format_command},
        {"import",
         "kare import FILE.csv... --mapping MAPPING.json|hubspot|salesforce [--into PLAN.json] "
         "[--as-of YYYY-MM-DD] [--leave-out-later] [--max-skipped SHARE] [--report REPORT.json] "
         "[-o FILE]",
         "Imports CRM exports (CSV) into a new plan, or on top of PLAN.json; all or nothing.",
         {"mapping", "into", "as-of", "report", "output", "max-skipped"}, {"leave-out-later"},
         import_command, true, {"mapping"}},
        {"accept",
         "kare accept PLAN.json (--code CODE | --account ID) [--as-of YYYY-MM-DD] "
         "[--on YYYY-MM-DD] [--reason TEXT] [-o FILE]",
         "Accepts the moves the review suggests (one account's, or all of a code), each "
         "recorded with its date and reason; all or nothing.",
         {"code", "account", "as-of", "on", "reason", "output"}, {}, accept_command},
        {"codes", "kare codes", "Lists every finding code with its severity.", {}, {},
         codes_command},
    };
    return all;
}

} // namespace kare::cli
