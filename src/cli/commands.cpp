#include "commands.hpp"
#include "changes_text.hpp"
#include "cli_io.hpp"
#include "import_command.hpp"
#include "pipeline_table.hpp"
#include "progress_table.hpp"
#include "review_text.hpp"
#include "terminal_map.hpp"
#include "timeline_text.hpp"
#include "../render/escape.hpp"

#include <kare/accept_moves.hpp>
#include <kare/as_of.hpp>
#include <kare/plan_changes.hpp>
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
        emit_streamed(args, out, [&](std::ostream& o) { write_report(r, o); });
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
    if (args.flag("json"))
        emit_streamed(args, out, [&](std::ostream& o) { write_pipeline(r, o); });
    else
        emit(args, out, render_pipeline_table(r));
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
    if (args.flag("json"))
        emit_streamed(args, out, [&](std::ostream& o) { write_progress(r, o); });
    else
        emit(args, out, render_progress_table(r));
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

// A plan read for a comparison: an error names the file it is in, since
// two are read.
plan load_side(const std::string& file)
{
    try {
        return read_plan(read_file(file));
    } catch (const error& e) {
        throw error(e.code(), e.what(), file + (e.path().empty() ? "" : ": " + e.path()));
    }
}

std::optional<date> date_option(const arguments& args, const std::string& name)
{
    auto text = args.value(name);
    if (!text)
        return std::nullopt;
    auto d = date::parse(*text);
    if (!d)
        throw usage_error("--" + name + " '" + detail::quoted(*text) +
                          "' is not a calendar date (YYYY-MM-DD)");
    return d;
}

// The date the earlier document is judged on: --since, else its latest
// fact (the day it was last worked on), never after the later side's date.
date earlier_date(const plan& earlier, std::optional<date> since, date later)
{
    if (!since) {
        const auto last = last_fact(earlier);
        return last && *last < later ? *last : later;
    }
    if (later < *since)
        throw error(errc::invalid_argument,
                    "the date " + since->to_string() + " is after the as-of date (" +
                        later.to_string() + ")",
                    "since");
    if (const auto first = first_fact(earlier); first && *since < *first)
        throw error(errc::invalid_argument,
                    "the date " + since->to_string() + " is before the plan's first fact (" +
                        first->to_string() + "): the plan did not exist yet",
                    "since");
    return *since;
}

// Two documents compared; an error names the file, then the place in it
// ("new.json: settings.currency").
plan_changes compare_files(const plan& earlier, const std::string& old_file, date then,
                           const plan& later, const std::string& new_file, date now)
{
    try {
        return compare_plans(earlier, then, later, now,
                             {.before_name = old_file, .after_name = new_file});
    } catch (const error& e) {
        for (const std::string* file : {&old_file, &new_file})
            if (e.path().rfind(*file + ".", 0) == 0)
                throw error(e.code(), e.what(), *file + ": " + e.path().substr(file->size() + 1));
        throw;
    }
}

// --rows N|all: the rows each long list of the review page shows.
std::size_t rows_per_list(const arguments& args)
{
    const auto n = args.value("rows");
    if (!n)
        return default_rows_per_list;
    if (*n == "all")
        return every_row;
    char* end = nullptr;
    const unsigned long long rows = std::strtoull(n->c_str(), &end, 10);
    if (n->empty() || !std::isdigit(static_cast<unsigned char>(n->front())) || *end != '\0' ||
        rows == 0 || rows > 100'000'000)
        throw usage_error("--rows takes a number of rows from 1 to 100000000 or all, not '" +
                          detail::quoted(*n) + "'");
    return static_cast<std::size_t>(rows);
}

int review_command(const arguments& args, std::ostream& out)
{
    const date day = as_of(args); // usage first: exit status 2 before any file is read
    const std::optional<date> since = date_option(args, "since");
    const auto before_file = args.value("before");
    if ((since || before_file) && !args.flag("html"))
        throw usage_error("--since and --before add \"What changed\" to the page: add --html");
    if (args.value("rows") && !args.flag("html"))
        throw usage_error("--rows shapes the page's lists: add --html");
    html_options options;
    options.rows_per_list = rows_per_list(args);
    const plan p = load(args);
    // No view of the review shows the criteria checked.
    const report r = make_report(p, day, report_options_of(args, false));
    if (args.flag("html") && (since || before_file)) {
        plan_changes changes;
        if (before_file) {
            const plan earlier = load_side(*before_file);
            changes = compare_files(earlier, *before_file, earlier_date(earlier, since, day), p,
                                    args.operands[0], day);
        } else {
            changes = changes_since(p, *since, day);
        }
        options.sections = html_section::with_changes;
        emit(args, out, render_html(make_map_view(p, r), r, options, changes));
    } else if (args.flag("html"))
        emit(args, out, render_html(make_map_view(p, r), r, options));
    else if (args.flag("json"))
        emit_streamed(args, out, [&](std::ostream& o) { write_review(r, o); });
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
    // Safe in place (-o PLAN.json): the plan is read whole before anything is
    // written, and the file replaced only once its new text is complete.
    const plan p = load(args);
    emit_streamed(args, out, [&](std::ostream& o) { write_plan(p, o); });
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
    emit_streamed(args, out, [&](std::ostream& o) { write_plan(p, o); });
    std::ostream& note = to_file ? out : std::cerr;
    for (const auto& m : accepted)
        note << "accepted " << m.code << ": " << detail::escape_terminal(m.account) << " from " << to_string(m.from)
             << " to " << to_string(m.to) << " on " << on.to_string() << "\n";
    return exit_ok;
}

plan_changes changes_of(const arguments& args)
{
    if (args.operands.size() > 2)
        throw usage_error("diff compares two plans, or one plan at two dates with --since");
    const std::optional<date> since = date_option(args, "since");
    const date later = as_of(args); // usage first: exit status 2 before any file is read
    if (args.operands.size() == 1) {
        if (!since)
            throw usage_error("one plan is compared at two dates: add --since DATE");
        return changes_since(load(args), *since, later);
    }
    const std::string& old_file = args.operands[0];
    const std::string& new_file = args.operands[1];
    const plan earlier = load_side(old_file);
    const plan current = load_side(new_file);
    return compare_files(earlier, old_file, earlier_date(earlier, since, later), current, new_file,
                         later);
}

int diff_command(const arguments& args, std::ostream& out)
{
    const plan_changes c = changes_of(args);
    if (args.flag("json"))
        emit_streamed(args, out, [&](std::ostream& o) { write_changes(c, o); });
    else
        emit(args, out, render_changes_text(c));
    return exit_ok;
}

int timeline_command(const arguments& args, std::ostream& out)
{
    if (args.operands.size() != 2)
        throw usage_error("timeline takes a plan and an account id");
    const date day = as_of(args); // usage first: exit status 2 before any file is read
    const plan p = load(args);
    const account_history h = make_account_history(p, args.operands[1], day);
    emit(args, out, args.flag("json") ? write_account_history(h) : render_timeline_text(h));
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
        {"review",
         "kare review PLAN.json [--html [--since YYYY-MM-DD | --before OLD.json] [--rows N|all] "
         "| --json] [--as-of YYYY-MM-DD] [--rep REP] [-o FILE]",
         "The plan review: the scoreboard, priorities, focus lists, suggested moves and "
         "whitespace, as text, JSON or an HTML page (with what changed since a date or an "
         "older plan).",
         {"as-of", "rep", "output", "since", "before", "rows"}, {"html", "json"}, review_command},
        {"diff",
         "kare diff (OLD.json NEW.json | PLAN.json --since YYYY-MM-DD) [--json] "
         "[--since YYYY-MM-DD] [--as-of YYYY-MM-DD] [-o FILE]",
         "What changed between two plans, or one plan since a date: accounts added, removed, "
         "moved and fired; deals opened, closed and changing state; the pipeline and the "
         "cookbook then and now; findings that appeared and cleared.",
         {"since", "as-of", "output"}, {"json"}, diff_command, true},
        {"timeline", "kare timeline PLAN.json ACCOUNT_ID [--json] [--as-of YYYY-MM-DD] [-o FILE]",
         "One account over time: its placements and the reasons, its deals' dated facts and "
         "state, its activity per day.",
         {"as-of", "output"}, {"json"}, timeline_command, true},
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
