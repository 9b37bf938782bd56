#include "import_command.hpp"
#include "cli_io.hpp"

#include <kare/import.hpp>
#include <kare/json.hpp>

#include <filesystem>
#include <iostream>
#include <optional>
#include <ostream>

namespace kare::cli {

namespace {

// Errors of a document name the file first: an import reads several.
[[noreturn]] void rethrow_in(const std::string& file, const error& e)
{
    throw error(e.code(), e.what(), file + (e.path().empty() ? "" : ": " + e.path()));
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

void summary(std::ostream& out, const import_report& r)
{
    for (const auto& f : r.files) {
        out << f.source << ": " << to_string(f.kind) << ", " << f.rows
            << (f.rows == 1 ? " row: " : " rows: ") << f.added << " added, " << f.updated
            << " updated, " << f.skipped << " skipped\n";
        for (const auto& c : f.missing_columns)
            out << "  column '" << c << "' is not in the file: not imported\n";
    }
    if (!r.skipped.empty()) {
        out << "skipped:\n";
        for (const auto& s : r.skipped)
            out << "  " << s.source << ", row " << s.row << ": " << s.reason << "\n";
    }
    if (!r.reps_added.empty()) {
        out << "reps added:";
        for (const auto& id : r.reps_added)
            out << " " << id;
        out << "\n";
    }
    if (r.close_date_changes > 0)
        out << "close dates moved: " << r.close_date_changes << " (recorded as changes)\n";
}

} // namespace

int import_command(const arguments& args, std::ostream& out)
{
    const import_mapping mapping = mapping_of(*args.value("mapping"));
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
    std::vector<csv_source> files;
    for (const std::string& path : args.operands)
        files.push_back(csv_source{path, read_file(path)});

    const import_result result = import_csv(base, mapping, files, as_of(args));

    // Only a complete import reaches the disk, and both files or neither:
    // `-o` may name the `--into` plan itself.
    const std::string document = write_plan(result.plan);
    std::optional<staged_file> report_file, plan_file;
    if (auto report = args.value("report"))
        report_file.emplace(*report, write_import_report(result.report));
    if (auto output = args.value("output"))
        plan_file.emplace(*output, document);
    if (report_file)
        report_file->commit();
    if (plan_file)
        plan_file->commit();
    else
        out << document;
    summary(plan_file ? out : std::cerr, result.report);
    return exit_ok;
}

} // namespace kare::cli
