#include "import_command.hpp"
#include "cli_io.hpp"
#include "../io/read_file.hpp"
#include "../render/escape.hpp"

#include <kare/import.hpp>
#include <kare/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

namespace kare::cli {

using detail::escape_terminal;

namespace {

// Errors of a document name the file first: an import reads several.
[[noreturn]] void rethrow_in(const std::string& file, const error& e)
{
    const std::string where = e.labelled_path();
    throw error(e.code(), e.what(), file + (where.empty() ? "" : ": " + where));
}

// A file by that name wins; otherwise `hubspot` and `salesforce` are the
// mappings kare ships.
import_mapping mapping_of(const std::string& name)
{
    std::error_code ec;
    const std::string_view builtin = builtin_mapping(name);
    if (!builtin.empty() && !std::filesystem::exists(name, ec))
        return read_import_mapping(builtin);
    try {
        return read_import_mapping(read_file(name));
    } catch (const error& e) {
        if (e.code() == errc::io_error)
            throw;
        rethrow_in(name, e);
    }
}

// Cells and headers of the export are echoed: each is escaped for the terminal.
void summary(std::ostream& out, const import_report& r)
{
    const auto e = [](std::string_view text) { return escape_terminal(text); };
    for (const auto& f : r.files) {
        out << e(f.source) << ": " << to_string(f.kind) << ", " << f.rows
            << (f.rows == 1 ? " row: " : " rows: ") << f.added << " added, " << f.updated
            << " updated, " << f.skipped << " skipped\n";
        for (const auto& c : f.missing_columns)
            out << "  column '" << e(c) << "' is not in the file: not imported\n";
    }
    // Grouped: a real export skips hundreds of rows for a handful of
    // reasons; every row is in the --report document.
    if (!r.skip_groups.empty()) {
        out << "skipped:\n";
        for (const auto& g : r.skip_groups) {
            out << "  " << e(g.source) << ", " << (g.count == 1 ? "row " : "rows ");
            for (std::size_t i = 0; i < g.first_rows.size(); ++i)
                out << (i ? ", " : "") << g.first_rows[i];
            if (g.count > g.first_rows.size())
                out << " and " << g.count - g.first_rows.size() << " more";
            out << ": " << e(g.reason) << "\n";
        }
    }
    if (!r.reps_added.empty()) {
        out << "reps added:";
        for (const auto& id : r.reps_added)
            out << " " << e(id);
        out << "\n";
    }
    if (r.close_date_changes > 0)
        out << "close dates moved: " << r.close_date_changes << " (recorded as changes)\n";
    if (r.stage_changes > 0)
        out << "stages moved: " << r.stage_changes << " (recorded as changes)\n";
    const derived_counts& d = r.derived;
    const std::pair<std::size_t, const char*> derived[] = {
        {d.owners, "account owners from their deals"},
        {d.relationships, "relationships from won deals"},
        {d.last_purchases, "last purchases from won deals"},
        {d.products, "accounts' products from won deals"},
        {d.amounts_from_list_price, "open deals priced at list"},
        {d.opened_on_as_of, "open deals opened on the as-of date"},
        {d.expected_closes, "open deals given an expected close"},
        {d.evidence_items, "evidence items"},
    };
    for (const auto& [count, what] : derived)
        if (count > 0)
            out << "derived: " << count << " " << what << "\n";
    for (const auto& m : r.name_matches)
        out << "matched: " << e(m.source) << ", " << e(m.column) << " '" << e(m.written)
            << "' taken as the product '" << e(m.product) << "' (" << m.rows
            << (m.rows == 1 ? " row)\n" : " rows)\n");
    for (const auto& c : r.conflicts)
        out << "kept from the export: " << e(c.account) << " " << c.fact << " " << e(c.exported)
            << ", though its deals say " << e(c.derived) << "\n";
    if (r.after_as_of > 0)
        out << "left out: " << r.after_as_of << " deals dated after the as-of date\n";
}

// Judged by today, a two-year-old export shows every client as lapsed:
// say so when the date was not chosen.
void warn_if_stale(const arguments& args, const import_report& r, date on)
{
    constexpr std::int32_t far = 90;
    if (args.value("as-of") || !r.newest_fact || on.days() - r.newest_fact->days() <= far)
        return;
    std::cerr << "kare: warning: --as-of was not given, so the import is as of today, "
              << on.to_string() << ", " << on.days() - r.newest_fact->days()
              << " days after its newest fact (" << r.newest_fact->to_string()
              << "); pass --as-of " << r.newest_fact->to_string()
              << " to judge the export as of its own day\n";
}

} // namespace

int import_command(const arguments& args, std::ostream& out)
{
    const date day = as_of(args); // usage first: exit status 2 before any file is read
    import_mapping mapping = mapping_of(*args.value("mapping"));
    if (args.flag("leave-out-later"))
        mapping.after_as_of = after_as_of_policy::leave_out;
    if (auto share = args.value("max-skipped")) {
        char* end = nullptr;
        const double x = std::strtod(share->c_str(), &end);
        if (share->empty() || *end != '\0' || !(x >= 0.0 && x <= 1.0))
            throw error(errc::invalid_argument, "--max-skipped takes a share from 0 to 1");
        mapping.max_skipped_share = x;
    }
    plan base;
    if (auto into = args.value("into")) {
        const std::string text = read_file(*into);
        try {
            base = read_plan(text);
        } catch (const error& e) {
            rethrow_in(*into, e);
        }
    } else {
        base.set_name(mapping.name.empty() ? "Imported plan" : "Imported: " + mapping.name);
    }
    // Files are named as given, so that two exports called accounts.csv in
    // two folders stay apart in errors and in the report.
    // Each is opened and checked now, then read as it is parsed: an
    // over-long line fails at its limit, not after the whole file is read.
    std::vector<std::unique_ptr<io::input_file>> inputs;
    std::vector<csv_source> files;
    for (const std::string& path : args.operands) {
        inputs.push_back(std::make_unique<io::input_file>(path, csv_limits{}.max_bytes));
        files.push_back(csv_source{path, {}, &inputs.back()->stream()});
    }

    const import_result result = import_csv(base, mapping, files, day);

    // Only a complete import reaches the disk, and both files or neither:
    // `-o` may name the `--into` plan itself. The plan's text goes to its
    // file (or the standard output) as it is written, before either file
    // replaces its destination.
    std::optional<staged_file> report_file;
    std::optional<staged_stream> plan_file;
    if (auto report = args.value("report"))
        report_file.emplace(*report, write_import_report(result.report));
    if (auto output = args.value("output")) {
        plan_file.emplace(*output);
        write_plan(result.plan, plan_file->stream());
    } else {
        errno = 0; // the writer stops at the first failed write, so errno keeps its reason
        write_plan(result.plan, out);
        finish_out(out);
    }
    if (report_file)
        report_file->commit();
    if (plan_file)
        plan_file->commit();
    summary(plan_file ? out : std::cerr, result.report);
    warn_if_stale(args, result.report, day);
    return exit_ok;
}

} // namespace kare::cli
