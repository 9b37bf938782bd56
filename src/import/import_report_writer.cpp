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
        so["on_purpose"] = s.on_purpose;
        skipped.push_back(std::move(so));
    }
    o["skipped"] = std::move(skipped);
    array reps;
    for (const auto& r : report.reps_added)
        reps.push_back(boost::json::string(r));
    o["reps_added"] = std::move(reps);
    o["close_date_changes"] = report.close_date_changes;
    o["stage_changes"] = report.stage_changes;
    array groups;
    for (const auto& g : report.skip_groups) {
        object go;
        go["source"] = g.source;
        go["reason"] = g.reason;
        go["count"] = g.count;
        array rows;
        for (std::size_t r : g.first_rows)
            rows.push_back(r);
        go["first_rows"] = std::move(rows);
        go["on_purpose"] = g.on_purpose;
        groups.push_back(std::move(go));
    }
    o["skip_groups"] = std::move(groups);
    array matches;
    for (const auto& m : report.name_matches) {
        object mo;
        mo["source"] = m.source;
        mo["column"] = m.column;
        mo["written"] = m.written;
        mo["product"] = m.product;
        mo["rows"] = m.rows;
        matches.push_back(std::move(mo));
    }
    o["name_matches"] = std::move(matches);
    array conflicts;
    for (const auto& c : report.conflicts) {
        object co;
        co["account"] = c.account;
        co["fact"] = c.fact;
        co["exported"] = c.exported;
        co["derived"] = c.derived;
        conflicts.push_back(std::move(co));
    }
    o["conflicts"] = std::move(conflicts);
    const derived_counts& d = report.derived;
    o["derived"] = object{{"owners", d.owners},
                          {"relationships", d.relationships},
                          {"last_purchases", d.last_purchases},
                          {"products", d.products},
                          {"amounts_from_list_price", d.amounts_from_list_price},
                          {"opened_on_as_of", d.opened_on_as_of},
                          {"expected_closes", d.expected_closes},
                          {"evidence_items", d.evidence_items}};
    o["after_as_of"] = report.after_as_of;
    if (report.newest_fact)
        o["newest_fact"] = report.newest_fact->to_string();
    else
        o["newest_fact"] = nullptr;
    return to_canonical_text(o);
}

} // namespace v1
} // namespace kare
