// The import report as a JSON document.
#include <kare/import.hpp>
#include <kare/json.hpp>
#include <kare/version.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {

std::string write_import_report(const import_report& report)
{
    using boost::json::array;
    using boost::json::object;
    object o;
    o["format"] = "kare-import-report";
    o["version"] = 1;
    array files;
    for (const auto& f : report.files) {
        object fo;
        fo["source"] = f.source;
        fo["kind"] = to_string(f.kind);
        fo["rows"] = f.rows;
        fo["added"] = f.added;
        fo["updated"] = f.updated;
        fo["skipped"] = f.skipped;
        array missing;
        for (const auto& c : f.missing_columns)
            missing.push_back(boost::json::string(c));
        fo["missing_columns"] = std::move(missing);
        files.push_back(std::move(fo));
    }
    o["files"] = std::move(files);
    array skipped;
    for (const auto& s : report.skipped) {
        object so;
        so["source"] = s.source;
        so["row"] = s.row;
        so["reason"] = s.reason;
        skipped.push_back(std::move(so));
    }
    o["skipped"] = std::move(skipped);
    array reps;
    for (const auto& r : report.reps_added)
        reps.push_back(boost::json::string(r));
    o["reps_added"] = std::move(reps);
    o["close_date_changes"] = report.close_date_changes;
    return to_canonical_text(o);
}

} // namespace v1
} // namespace kare
