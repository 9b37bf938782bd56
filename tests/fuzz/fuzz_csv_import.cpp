// Fuzz target: any bytes as CRM exports. The bytes are cut at form feeds into
// CSV files, each read on its own and then all imported through both shipped
// mappings, into a new plan and into the example plan. Bytes that start with
// '{' are a mapping document instead, used on the shipped exports.
//
// Reading fails with a parse error naming the file, or gives a table whose
// records are as wide as the header, numbered in order, and unchanged when
// written back. An import fails with a kare error that says where, leaving
// the plan as it was, or gives a plan that round-trips and a report whose
// counts add up.
#include "fuzz_example.hpp"

#include <kare/csv.hpp>
#include <kare/import.hpp>
#include <kare/json.hpp>
#include <kare/report.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using kare::errc;

const kare::date as_of = kare::date::from_days(20780);

// The shipped exports of one CRM (docs/examples/import/<crm>-*.csv).
std::vector<kare::csv_source> import_examples(const std::string& crm)
{
    std::vector<kare::csv_source> out;
    for (const auto& entry : std::filesystem::directory_iterator(KARE_FUZZ_IMPORT_DIR)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(crm + "-", 0) == 0 && entry.path().extension() == ".csv") {
            std::ifstream file(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << file.rdbuf();
            out.push_back({name, text.str()});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const kare::csv_source& x, const kare::csv_source& y) { return x.name < y.name; });
    return out;
}

void require(bool condition)
{
    if (!condition)
        std::abort();
}

// Every field quoted, so that any table can be written and read back.
std::string write_quoted(const kare::csv_table& t)
{
    std::string out;
    const auto record = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out += i == 0 ? "\"" : ",\"";
            for (const char c : fields[i]) {
                if (c == '"')
                    out += '"';
                out += c;
            }
            out += '"';
        }
        out += "\r\n";
    };
    record(t.header);
    for (const auto& r : t.rows)
        record(r);
    return out;
}

void check_table(const kare::csv_source& file)
{
    kare::csv_table t;
    try {
        t = kare::parse_csv(file.text, file.name);
    } catch (const kare::error& e) {
        require(e.code() == errc::parse_error || e.code() == errc::limit_exceeded);
        require(e.path().rfind(file.name, 0) == 0 && *e.what() != '\0');
        return;
    }
    require(!t.header.empty() && t.rows.size() == t.row_numbers.size());
    std::size_t previous = 1; // the header's row
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        require(t.rows[i].size() == t.header.size() && t.row_numbers[i] > previous);
        previous = t.row_numbers[i];
    }
    require(kare::parse_csv_header(file.text, file.name) == t.header);
    const kare::csv_table again = kare::parse_csv(write_quoted(t), file.name);
    require(again.header == t.header && again.rows == t.rows);
}

void check_import(const kare::plan& base, const std::string& base_text,
                  const kare::import_mapping& mapping, const std::vector<kare::csv_source>& files)
{
    kare::import_result result;
    try {
        result = kare::import_csv(base, mapping, files, as_of);
    } catch (const kare::error& e) {
        require(e.code() != errc::internal && !e.path().empty() && *e.what() != '\0');
        require(kare::write_plan(base) == base_text); // nothing half-imported
        return;
    }
    const kare::import_report& r = result.report;
    require(r.files.size() == files.size());
    std::size_t skipped = 0;
    for (std::size_t i = 0; i < r.files.size(); ++i) {
        const auto& f = r.files[i];
        require(f.rows == f.added + f.updated + f.skipped);
        require(i == 0 || r.files[i - 1].kind <= f.kind);
        skipped += f.skipped;
    }
    require(skipped == r.skipped.size());
    const std::string first = kare::write_plan(result.plan);
    require(kare::write_plan(kare::read_plan(first)) == first);
    (void)kare::write_import_report(r);
    (void)kare::make_report(result.plan, as_of);
}

struct fixture {
    kare::plan empty;
    std::string empty_text = kare::write_plan(empty);
    kare::plan example = kare_fuzz::example_plan();
    std::string example_text = kare::write_plan(example);
    kare::import_mapping hubspot = kare::read_import_mapping(kare::builtin_mapping("hubspot"));
    kare::import_mapping salesforce = kare::read_import_mapping(kare::builtin_mapping("salesforce"));
    std::vector<kare::csv_source> hubspot_files = import_examples("hubspot");
    std::vector<kare::csv_source> salesforce_files = import_examples("salesforce");

    void import_everywhere(const kare::import_mapping& m, const std::vector<kare::csv_source>& files) const
    {
        check_import(empty, empty_text, m, files);
        check_import(example, example_text, m, files);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fixture f;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (!text.empty() && text.front() == '{') {
        kare::import_mapping mapping;
        try {
            mapping = kare::read_import_mapping(text);
        } catch (const kare::error& e) {
            require(e.code() != errc::internal && *e.what() != '\0');
            return 0;
        }
        f.import_everywhere(mapping, f.hubspot_files);
        f.import_everywhere(mapping, f.salesforce_files);
        return 0;
    }

    std::vector<kare::csv_source> files;
    std::size_t start = 0;
    while (files.size() < 8) {
        const std::size_t cut = text.find('\f', start);
        const std::string_view part =
            cut == text.npos ? text.substr(start) : text.substr(start, cut - start);
        files.push_back({"f" + std::to_string(files.size() + 1) + ".csv", std::string(part)});
        if (cut == text.npos)
            break;
        start = cut + 1;
    }
    for (const auto& file : files)
        check_table(file);
    f.import_everywhere(f.hubspot, files);
    f.import_everywhere(f.salesforce, files);
    return 0;
}
