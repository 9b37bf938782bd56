// Every C entry point converts every kind of exception into a status and the
// thread's error record: built against the C API sources with the test-only
// fault hook (KARE_FAULT_INJECTION), never against the shipped library.
#define BOOST_TEST_MODULE kare_firewall
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "firewall.hpp"

#include <kare/import.hpp>

#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <string>

namespace bdata = boost::unit_test::data;
using kare::capi::testing::fault;

namespace {

const char* example()
{
    return KARE_EXAMPLE;
}

struct entry_point {
    const char* name;
    std::function<kare_status(kare_plan*, kare_report*)> call;
};

std::ostream& operator<<(std::ostream& os, const entry_point& e)
{
    return os << e.name;
}

// A pipeline made before the call under test, with the injected fault held
// back so that it strikes the read, not the making.
kare_pipeline* make_pipeline_for_test(kare_plan* p)
{
    const fault pending = kare::capi::testing::next_fault();
    kare::capi::testing::next_fault() = fault::none;
    kare_pipeline* q = nullptr;
    BOOST_REQUIRE(kare_pipeline_new(&q, p, "2026-11-23", nullptr) == KARE_OK);
    kare::capi::testing::next_fault() = pending;
    return q;
}

template <typename Read>
std::function<kare_status(kare_plan*, kare_report*)> with_pipeline(Read read)
{
    return [read](kare_plan* p, kare_report*) {
        kare_pipeline* q = make_pipeline_for_test(p);
        const kare_status s = read(q);
        kare_pipeline_free(q);
        return s;
    };
}

// Each entry point called with arguments that would succeed.
const std::vector<entry_point> entry_points{
    {"kare_plan_load", [](kare_plan*, kare_report*) { kare_plan* p = nullptr; auto s = kare_plan_load(&p, R"({"format":"kare-plan","version":1})", KARE_NUL_TERMINATED); kare_plan_free(p); return s; }},
    {"kare_plan_load_file", [](kare_plan*, kare_report*) { kare_plan* p = nullptr; auto s = kare_plan_load_file(&p, example()); kare_plan_free(p); return s; }},
    {"kare_plan_to_json", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_to_json(&out, nullptr, p); kare_string_free(out); return s; }},
    {"kare_plan_account_count", [](kare_plan* p, kare_report*) { size_t n; return kare_plan_account_count(&n, p); }},
    {"kare_plan_rep_count", [](kare_plan* p, kare_report*) { size_t n; return kare_plan_rep_count(&n, p); }},
    {"kare_plan_account_placement", [](kare_plan* p, kare_report*) { int32_t w; return kare_plan_account_placement(&w, p, "ACME-001", KARE_NUL_TERMINATED); }},
    {"kare_plan_placements", [](kare_plan* p, kare_report*) { char* out = nullptr; size_t n; auto s = kare_plan_placements(&out, nullptr, &n, p, "maya"); kare_string_free(out); return s; }},
    {"kare_plan_assign", [](kare_plan* p, kare_report*) { return kare_plan_assign(p, "EVR-005", KARE_PLACEMENT_KEEP, "2026-11-23", nullptr); }},
    {"kare_plan_move", [](kare_plan* p, kare_report*) { return kare_plan_move(p, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23", "why"); }},
    {"kare_plan_fire", [](kare_plan* p, kare_report*) { return kare_plan_fire(p, "DLT-004", "2026-11-23", "why", "end_relationship"); }},
    {"kare_plan_accept_moves", [](kare_plan* p, kare_report*) { return kare_plan_accept_moves(nullptr, p, "2026-11-23", "move.attain_won", nullptr, nullptr, nullptr); }},
    {"kare_plan_add_account", [](kare_plan* p, kare_report*) { return kare_plan_add_account(p, R"({"id":"N","name":"N","owner":"leo","relationship":"prospect"})", KARE_NUL_TERMINATED); }},
    {"kare_plan_remove_account", [](kare_plan* p, kare_report*) { return kare_plan_remove_account(p, "LMN-012", KARE_NUL_TERMINATED); }},
    {"kare_plan_save_file", [](kare_plan* p, kare_report*) { return kare_plan_save_file(p, KARE_SCRATCH "/firewall-plan.json"); }},
    {"kare_plan_replace_account", [](kare_plan* p, kare_report*) { return kare_plan_replace_account(p, R"({"id":"ACME-001","name":"Acme","owner":"maya","relationship":"client"})", KARE_NUL_TERMINATED); }},
    {"kare_plan_add_activity", [](kare_plan* p, kare_report*) { return kare_plan_add_activity(p, R"({"date":"2026-11-20","rep":"maya","account":"ACME-001","activity":"temperature_meeting"})", KARE_NUL_TERMINATED); }},
    {"kare_plan_remove_activity", [](kare_plan* p, kare_report*) { return kare_plan_remove_activity(p, 0); }},
    {"kare_plan_load_file_v2", [](kare_plan*, kare_report*) { kare_plan* p = nullptr; auto s = kare_plan_load_file_v2(&p, example(), KARE_NUL_TERMINATED, nullptr); kare_plan_free(p); return s; }},
    {"kare_plan_save_file_v2", [](kare_plan* p, kare_report*) { return kare_plan_save_file_v2(p, KARE_SCRATCH "/firewall-plan-v2.json", KARE_NUL_TERMINATED); }},
    {"kare_plan_placements_v2", [](kare_plan* p, kare_report*) { char* out = nullptr; size_t n; auto s = kare_plan_placements_v2(&out, nullptr, &n, p, "maya", 4); kare_string_free(out); return s; }},
    {"kare_plan_accept_moves_v2", [](kare_plan* p, kare_report*) { return kare_plan_accept_moves_v2(nullptr, p, "2026-11-23", 10, "move.attain_won", 15, nullptr, 0, nullptr, 0, nullptr, 0); }},
    {"kare_plan_deal_state_v2", [](kare_plan* p, kare_report*) { int32_t st; return kare_plan_deal_state_v2(&st, p, "D-101", 5, "2026-11-23", 10); }},
    {"kare_plan_progress_json_v2", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_progress_json_v2(&out, nullptr, p, "2026-11-23", 10, "maya", 4, 1); kare_string_free(out); return s; }},
    {"kare_plan_pipeline_json_v2", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_pipeline_json_v2(&out, nullptr, p, "2026-11-23", 10, nullptr, 0); kare_string_free(out); return s; }},
    {"kare_plan_map_svg_v2", [](kare_plan* p, kare_report*) { char* out = nullptr; kare_render_options o = KARE_RENDER_OPTIONS_INIT; o.rep = "maya"; o.rep_len = 4; o.width = 700; auto s = kare_plan_map_svg_v2(&out, nullptr, p, "2026-11-23", 10, &o); kare_string_free(out); return s; }},
    {"kare_plan_review_html_v2", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_review_html_v2(&out, nullptr, p, "2026-11-23", 10, nullptr); kare_string_free(out); return s; }},
    {"kare_report_new_v2", [](kare_plan* p, kare_report*) { kare_report* r = nullptr; auto s = kare_report_new_v2(&r, p, "2026-11-23", 10, "maya", 4); kare_report_free(r); return s; }},
    {"kare_report_new_with_options", [](kare_plan* p, kare_report*) { kare_report* r = nullptr; kare_report_options o = KARE_REPORT_OPTIONS_INIT; o.explain = KARE_EXPLAIN_NEEDED; auto s = kare_report_new_with_options(&r, p, "2026-11-23", 10, &o); kare_report_free(r); return s; }},
    {"kare_report_options_init", [](kare_plan*, kare_report*) { kare_report_options o; return kare_report_options_init(&o, KARE_REPORT_OPTIONS_VERSION); }},
    {"kare_pipeline_new_v2", [](kare_plan* p, kare_report*) { kare_pipeline* q = nullptr; auto s = kare_pipeline_new_v2(&q, p, "2026-11-23", 10, nullptr, 0); kare_pipeline_free(q); return s; }},
    {"kare_plan_classify_jsonl_v2", [](kare_plan* p, kare_report*) { char* out = nullptr; kare_read_options o = KARE_READ_OPTIONS_INIT; auto s = kare_plan_classify_jsonl_v2(&out, nullptr, p, R"({"id":"X","name":"X","owner":"o","relationship":"client"})", KARE_NUL_TERMINATED, 1, 0, &o); kare_string_free(out); return s; }},
    {"kare_plan_import_csv_v2", [](kare_plan* p, kare_report*) { const char* m = kare::builtin_mapping("hubspot").data(); kare_csv_file_v2 f{"c.csv", 5, "Record ID,Company name,Company owner,Lifecycle Stage\n9001,Acme,maya,Customer\n", KARE_NUL_TERMINATED}; kare_read_options o = KARE_READ_OPTIONS_INIT; return kare_plan_import_csv_v2(nullptr, nullptr, p, m, KARE_NUL_TERMINATED, &f, 1, "2026-11-23", 10, &o); }},
    {"kare_plan_add_activity_v2", [](kare_plan* p, kare_report*) { char* id = nullptr; auto s = kare_plan_add_activity_v2(&id, nullptr, p, R"({"date":"2026-11-20","rep":"maya","account":"ACME-001","activity":"temperature_meeting"})", KARE_NUL_TERMINATED); kare_string_free(id); return s; }},
    {"kare_plan_remove_activity_by_id", [](kare_plan* p, kare_report*) { return kare_plan_remove_activity_by_id(p, "act-1", 5); }},
    {"kare_plan_activity_id", [](kare_plan* p, kare_report*) { char* id = nullptr; auto s = kare_plan_activity_id(&id, nullptr, p, 0); kare_string_free(id); return s; }},
    {"kare_import_mapping_builtin_v2", [](kare_plan*, kare_report*) { const char* m = nullptr; return kare_import_mapping_builtin_v2(&m, nullptr, "hubspot", 7); }},
    {"kare_plan_activity_count", [](kare_plan* p, kare_report*) { size_t n; return kare_plan_activity_count(&n, p); }},
    {"kare_plan_add_deal", [](kare_plan* p, kare_report*) { return kare_plan_add_deal(p, R"({"id":"D-900","account":"ACME-001","amount":"10.00","stage":"proposal","opened":"2026-11-01","expected_close":"2026-12-01"})", KARE_NUL_TERMINATED); }},
    {"kare_plan_replace_deal", [](kare_plan* p, kare_report*) { return kare_plan_replace_deal(p, R"({"id":"D-108","account":"YRW-025","amount":"1.00","stage":"proposal","opened":"2026-11-01","expected_close":"2026-12-01"})", KARE_NUL_TERMINATED); }},
    {"kare_plan_remove_deal", [](kare_plan* p, kare_report*) { return kare_plan_remove_deal(p, "D-108", KARE_NUL_TERMINATED); }},
    {"kare_plan_deal_count", [](kare_plan* p, kare_report*) { size_t n; return kare_plan_deal_count(&n, p); }},
    {"kare_plan_deal_state", [](kare_plan* p, kare_report*) { int32_t s; return kare_plan_deal_state(&s, p, "D-101", KARE_NUL_TERMINATED, "2026-11-23"); }},
    {"kare_plan_add_evidence", [](kare_plan* p, kare_report*) { return kare_plan_add_evidence(p, "D-108", "pain", "2026-11-20", "call", "2026-11-23"); }},
    {"kare_plan_record_deal_activity", [](kare_plan* p, kare_report*) { return kare_plan_record_deal_activity(p, "D-108", "2026-11-22"); }},
    {"kare_plan_change_close_date", [](kare_plan* p, kare_report*) { return kare_plan_change_close_date(p, "D-108", "2027-02-28", "2026-11-22", "budget cycle"); }},
    {"kare_plan_declare_stall", [](kare_plan* p, kare_report*) { return kare_plan_declare_stall(p, "D-101", "holidays", "2026-11-22", "2027-01-05"); }},
    {"kare_plan_declare_deal_state", [](kare_plan* p, kare_report*) { return kare_plan_declare_deal_state(p, "D-108", KARE_HONESTY_DEAD, "2026-11-22", "no budget"); }},
    {"kare_plan_clear_stall", [](kare_plan* p, kare_report*) { return kare_plan_clear_stall(p, "D-105"); }},
    {"kare_plan_clear_deal_state", [](kare_plan* p, kare_report*) { return kare_plan_clear_deal_state(p, "D-102", "2026-11-23", "budget found"); }},
    {"kare_plan_add_rep", [](kare_plan* p, kare_report*) { return kare_plan_add_rep(p, R"({"id":"ana","name":"Ana","style":"hunter"})", KARE_NUL_TERMINATED); }},
    {"kare_plan_replace_sections", [](kare_plan* p, kare_report*) { return kare_plan_replace_sections(p, R"({"format":"kare-plan","version":1,"name":"Renamed"})", KARE_NUL_TERMINATED); }},
    {"kare_plan_close_deal", [](kare_plan* p, kare_report*) { return kare_plan_close_deal(p, "D-101", KARE_OUTCOME_WON, "2026-11-22", nullptr); }},
    {"kare_plan_progress_json", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_progress_json(&out, nullptr, p, "2026-11-23", nullptr, 4); kare_string_free(out); return s; }},
    {"kare_plan_pipeline_json", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_pipeline_json(&out, nullptr, p, "2026-11-23", nullptr); kare_string_free(out); return s; }},
    {"kare_plan_map_svg", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_map_svg(&out, nullptr, p, "2026-11-23", "maya"); kare_string_free(out); return s; }},
    {"kare_plan_review_html", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_review_html(&out, nullptr, p, "2026-11-23", nullptr); kare_string_free(out); return s; }},
    {"kare_plan_classify_jsonl", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_classify_jsonl(&out, nullptr, p, "{\"id\":\"P-1\",\"name\":\"P\",\"owner\":\"maya\",\"relationship\":\"prospect\"}\n", KARE_NUL_TERMINATED, 2, 0); kare_string_free(out); return s; }},
    {"kare_import_mapping_builtin", [](kare_plan*, kare_report*) { const char* m = nullptr; return kare_import_mapping_builtin(&m, nullptr, "salesforce"); }},
    {"kare_plan_import_csv", [](kare_plan* p, kare_report*) {
        // The mapping from C++: a C call first would take the injected fault.
        const char* m = kare::builtin_mapping("hubspot").data();
        const kare_csv_file f{"companies.csv", "Record ID,Company name,Company owner,Lifecycle Stage\n9001,Acme Tooling,maya,Customer\n", KARE_NUL_TERMINATED};
        char* out = nullptr;
        auto s = kare_plan_import_csv(&out, nullptr, p, m, KARE_NUL_TERMINATED, &f, 1, "2026-11-23");
        kare_string_free(out);
        return s; }},
    {"kare_report_new", [](kare_plan* p, kare_report*) { kare_report* r = nullptr; auto s = kare_report_new(&r, p, "2026-11-23", nullptr); kare_report_free(r); return s; }},
    {"kare_report_to_json", [](kare_plan*, kare_report* r) { char* out = nullptr; auto s = kare_report_to_json(&out, nullptr, r); kare_string_free(out); return s; }},
    {"kare_report_finding_count", [](kare_plan*, kare_report* r) { size_t n; return kare_report_finding_count(&n, r); }},
    {"kare_report_facts_ignored", [](kare_plan*, kare_report* r) { size_t n; return kare_report_facts_ignored(&n, r); }},
    {"kare_plan_diff_json", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_diff_json(&out, nullptr, p, nullptr, 0, p, "2026-11-23", KARE_NUL_TERMINATED); kare_string_free(out); return s; }},
    {"kare_plan_changes_since_json", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_changes_since_json(&out, nullptr, p, "2026-08-31", KARE_NUL_TERMINATED, "2026-11-23", KARE_NUL_TERMINATED); kare_string_free(out); return s; }},
    {"kare_plan_review_html_since", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_review_html_since(&out, nullptr, p, "2026-08-31", KARE_NUL_TERMINATED, "2026-11-23", KARE_NUL_TERMINATED, nullptr); kare_string_free(out); return s; }},
    {"kare_plan_timeline_json", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_timeline_json(&out, nullptr, p, "IRN-009", KARE_NUL_TERMINATED, "2026-11-23", KARE_NUL_TERMINATED); kare_string_free(out); return s; }},
    {"kare_plan_as_of", [](kare_plan* p, kare_report*) { kare_plan* past = nullptr; auto s = kare_plan_as_of(&past, p, "2026-08-31", KARE_NUL_TERMINATED); kare_plan_free(past); return s; }},
    {"kare_report_finding_code", [](kare_plan*, kare_report* r) { const char* c; return kare_report_finding_code(&c, r, 0); }},
    {"kare_report_count", [](kare_plan*, kare_report* r) { size_t n; return kare_report_count(&n, r, KARE_PLACEMENT_KEEP); }},
    {"kare_plan_assign_v2", [](kare_plan* p, kare_report*) { return kare_plan_assign_v2(p, "EVR-005xyz", 7, KARE_PLACEMENT_KEEP, "2026-11-23", 10, nullptr, 0); }},
    {"kare_plan_move_v2", [](kare_plan* p, kare_report*) { return kare_plan_move_v2(p, "DLT-004", 7, KARE_PLACEMENT_EXPAND, "2026-11-23", KARE_NUL_TERMINATED, "why not", 3); }},
    {"kare_plan_fire_v2", [](kare_plan* p, kare_report*) { return kare_plan_fire_v2(p, "DLT-004", 7, "2026-11-23", 10, "why", 3, "end_relationship", 16); }},
    {"kare_plan_add_evidence_v2", [](kare_plan* p, kare_report*) { return kare_plan_add_evidence_v2(p, "D-108", 5, "pain", 4, "2026-11-20", 10, "call", 4, "2026-11-23", 10); }},
    {"kare_plan_record_deal_activity_v2", [](kare_plan* p, kare_report*) { return kare_plan_record_deal_activity_v2(p, "D-108", 5, "2026-11-22", 10); }},
    {"kare_plan_change_close_date_v2", [](kare_plan* p, kare_report*) { return kare_plan_change_close_date_v2(p, "D-108", 5, "2027-02-28", 10, "2026-11-22", 10, "budget cycle", 12); }},
    {"kare_plan_declare_stall_v2", [](kare_plan* p, kare_report*) { return kare_plan_declare_stall_v2(p, "D-101", 5, "holidays", 8, "2026-11-22", 10, "2027-01-05", 10); }},
    {"kare_plan_clear_stall_v2", [](kare_plan* p, kare_report*) { return kare_plan_clear_stall_v2(p, "D-105", 5); }},
    {"kare_plan_declare_deal_state_v2", [](kare_plan* p, kare_report*) { return kare_plan_declare_deal_state_v2(p, "D-108", 5, KARE_HONESTY_DEAD, "2026-11-22", 10, "no budget", 9); }},
    {"kare_plan_clear_deal_state_v2", [](kare_plan* p, kare_report*) { return kare_plan_clear_deal_state_v2(p, "D-102", 5, "2026-11-23", 10, "budget found", 12); }},
    {"kare_plan_close_deal_v2", [](kare_plan* p, kare_report*) { return kare_plan_close_deal_v2(p, "D-101", 5, KARE_OUTCOME_WON, "2026-11-22", 10, nullptr, 0); }},
    {"kare_read_options_init", [](kare_plan*, kare_report*) { kare_read_options o; return kare_read_options_init(&o, KARE_READ_OPTIONS_VERSION); }},
    {"kare_plan_load_with_options", [](kare_plan*, kare_report*) { kare_plan* p = nullptr; const kare_read_options o = KARE_READ_OPTIONS_INIT; auto s = kare_plan_load_with_options(&p, R"({"format":"kare-plan","version":1})", KARE_NUL_TERMINATED, &o); kare_plan_free(p); return s; }},
    {"kare_plan_load_file_with_options", [](kare_plan*, kare_report*) { kare_plan* p = nullptr; auto s = kare_plan_load_file_with_options(&p, example(), nullptr); kare_plan_free(p); return s; }},
    {"kare_render_options_init", [](kare_plan*, kare_report*) { kare_render_options o; return kare_render_options_init(&o, KARE_RENDER_OPTIONS_VERSION); }},
    {"kare_report_map_svg", [](kare_plan* p, kare_report* r) { char* out = nullptr; auto s = kare_report_map_svg(&out, nullptr, r, p, nullptr); kare_string_free(out); return s; }},
    {"kare_report_review_html", [](kare_plan* p, kare_report* r) { char* out = nullptr; const kare_render_options o = KARE_RENDER_OPTIONS_INIT; auto s = kare_report_review_html(&out, nullptr, r, p, &o); kare_string_free(out); return s; }},
    {"kare_plan_update_account", [](kare_plan* p, kare_report*) { return kare_plan_update_account(p, R"({"id":"EVR-005","name":"Evergreen","owner":"maya","relationship":"client"})", KARE_NUL_TERMINATED); }},
    {"kare_plan_account_json", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_account_json(&out, nullptr, p, "EVR-005", KARE_NUL_TERMINATED); kare_string_free(out); return s; }},
    {"kare_plan_deal_json", [](kare_plan* p, kare_report*) { char* out = nullptr; auto s = kare_plan_deal_json(&out, nullptr, p, "D-101", KARE_NUL_TERMINATED); kare_string_free(out); return s; }},
    {"kare_report_account_count", [](kare_plan*, kare_report* r) { size_t n; return kare_report_account_count(&n, r); }},
    {"kare_report_account_id", [](kare_plan*, kare_report* r) { const char* c; return kare_report_account_id(&c, nullptr, r, 0); }},
    {"kare_report_account_name", [](kare_plan*, kare_report* r) { const char* c; return kare_report_account_name(&c, nullptr, r, 0); }},
    {"kare_report_account_owner", [](kare_plan*, kare_report* r) { const char* c; return kare_report_account_owner(&c, nullptr, r, 0); }},
    {"kare_report_account_placement", [](kare_plan*, kare_report* r) { int32_t w; return kare_report_account_placement(&w, r, 0); }},
    {"kare_report_account_basis", [](kare_plan*, kare_report* r) { const char* c; return kare_report_account_basis(&c, r, 0); }},
    {"kare_report_account_candidates", [](kare_plan*, kare_report* r) { uint32_t m; return kare_report_account_candidates(&m, r, 0); }},
    {"kare_report_account_failed_criteria", [](kare_plan*, kare_report* r) { size_t n; return kare_report_account_failed_criteria(&n, r, 0, KARE_PLACEMENT_KEEP); }},
    {"kare_report_finding_severity", [](kare_plan*, kare_report* r) { const char* c; return kare_report_finding_severity(&c, r, 0); }},
    {"kare_report_finding_subject", [](kare_plan*, kare_report* r) { const char* k; const char* i; return kare_report_finding_subject(&k, &i, r, 0); }},
    {"kare_report_finding_message", [](kare_plan*, kare_report* r) { const char* c; return kare_report_finding_message(&c, nullptr, r, 0); }},
    {"kare_report_finding_figures_json", [](kare_plan*, kare_report* r) { char* out = nullptr; auto s = kare_report_finding_figures_json(&out, nullptr, r, 0); kare_string_free(out); return s; }},
    {"kare_report_review_json", [](kare_plan*, kare_report* r) { char* out = nullptr; auto s = kare_report_review_json(&out, nullptr, r); kare_string_free(out); return s; }},
    {"kare_report_scoreboard_count", [](kare_plan*, kare_report* r) { size_t n; return kare_report_scoreboard_count(&n, r); }},
    {"kare_report_scoreboard_rep", [](kare_plan*, kare_report* r) { const char* c; return kare_report_scoreboard_rep(&c, r, 0); }},
    {"kare_report_scoreboard_accounts", [](kare_plan*, kare_report* r) { size_t n; return kare_report_scoreboard_accounts(&n, r, 0, KARE_PLACEMENT_FIRED); }},
    {"kare_report_scoreboard_in_focus", [](kare_plan*, kare_report* r) { size_t n; return kare_report_scoreboard_in_focus(&n, r, 0, KARE_PLACEMENT_KEEP); }},
    {"kare_report_scoreboard_targets", [](kare_plan*, kare_report* r) { size_t n; return kare_report_scoreboard_targets(&n, &n, r, 0); }},
    {"kare_report_scoreboard_effort", [](kare_plan*, kare_report* r) { int64_t a; uint32_t s; int32_t i; return kare_report_scoreboard_effort(&a, &s, &i, r, 0, KARE_PLACEMENT_KEEP); }},
    {"kare_report_scoreboard_pipeline", [](kare_plan*, kare_report* r) { size_t n; const char* c; return kare_report_scoreboard_pipeline(&n, &c, r, 0, KARE_AMOUNT_TOTAL); }},
    {"kare_report_scoreboard_bloat", [](kare_plan*, kare_report* r) { const char* c; return kare_report_scoreboard_bloat(&c, r, 0); }},
    {"kare_report_scoreboard_findings", [](kare_plan*, kare_report* r) { size_t n; return kare_report_scoreboard_findings(&n, r, 0, "warning"); }},
    {"kare_report_scoreboard_worst", [](kare_plan*, kare_report* r) { size_t n; size_t i; return kare_report_scoreboard_worst(&n, &i, r, 0, 0); }},
    {"kare_pipeline_new", [](kare_plan* p, kare_report*) { kare_pipeline* q = nullptr; auto s = kare_pipeline_new(&q, p, "2026-11-23", nullptr); kare_pipeline_free(q); return s; }},
    {"kare_pipeline_currency", with_pipeline([](kare_pipeline* q) { const char* c; return kare_pipeline_currency(&c, q); })},
    {"kare_pipeline_group_count", with_pipeline([](kare_pipeline* q) { size_t n; return kare_pipeline_group_count(&n, q, KARE_PIPELINE_BY_REP); })},
    {"kare_pipeline_group_name", with_pipeline([](kare_pipeline* q) { const char* c; return kare_pipeline_group_name(&c, q, KARE_PIPELINE_BY_CATEGORY, 6); })},
    {"kare_pipeline_open_deals", with_pipeline([](kare_pipeline* q) { size_t n; return kare_pipeline_open_deals(&n, q, KARE_PIPELINE_TEAM, 0); })},
    {"kare_pipeline_amount", with_pipeline([](kare_pipeline* q) { const char* c; return kare_pipeline_amount(&c, q, KARE_PIPELINE_TEAM, 0, KARE_AMOUNT_HOPE); })},
    {"kare_pipeline_bloat", with_pipeline([](kare_pipeline* q) { const char* c; return kare_pipeline_bloat(&c, q, KARE_PIPELINE_TEAM, 0); })},
    {"kare_pipeline_state", with_pipeline([](kare_pipeline* q) { size_t n; const char* c; return kare_pipeline_state(&n, &c, q, KARE_PIPELINE_TEAM, 0, KARE_HONESTY_DEAD); })},
    {"kare_pipeline_closed", with_pipeline([](kare_pipeline* q) { size_t n; const char* c; return kare_pipeline_closed(&n, &c, q, KARE_OUTCOME_WON); })},
    {"kare_pipeline_lost_reason_count", with_pipeline([](kare_pipeline* q) { size_t n; return kare_pipeline_lost_reason_count(&n, q); })},
    {"kare_pipeline_lost_reason", with_pipeline([](kare_pipeline* q) { size_t n; const char* c; return kare_pipeline_lost_reason(&c, &n, q, 0); })},
    {"kare_pipeline_hope_count", with_pipeline([](kare_pipeline* q) { size_t n; return kare_pipeline_hope_count(&n, q); })},
    {"kare_pipeline_hope_deal", with_pipeline([](kare_pipeline* q) { const char* c; int32_t st; return kare_pipeline_hope_deal(&c, &c, &c, &c, &st, &c, q, 0); })},
    {"kare_finding_codes_json", [](kare_plan*, kare_report*) { char* out = nullptr; auto s = kare_finding_codes_json(&out, nullptr); kare_string_free(out); return s; }},
};

struct fault_case {
    fault kind;
    kare_status expected;
    const char* message;
};

std::ostream& operator<<(std::ostream& os, const fault_case& f)
{
    return os << f.message;
}

const std::vector<fault_case> faults{
    {fault::kare_error, KARE_ERROR_CONFLICT, "injected"},
    {fault::bad_alloc, KARE_ERROR_NO_MEMORY, "out of memory"},
    {fault::std_exception, KARE_ERROR_INTERNAL, "injected"},
    {fault::unknown, KARE_ERROR_INTERNAL, "unknown failure"},
};

struct loaded {
    kare_plan* plan = nullptr;
    kare_report* report = nullptr;
    loaded()
    {
        BOOST_REQUIRE(kare_plan_load_file(&plan, example()) == KARE_OK);
        BOOST_REQUIRE(kare_plan_add_activity(plan, R"({"date":"2026-11-20","rep":"maya","account":"ACME-001","activity":"dial"})", KARE_NUL_TERMINATED) == KARE_OK);
        // A declaration to take back, with the evidence a revival needs.
        BOOST_REQUIRE(kare_plan_declare_deal_state(plan, "D-102", KARE_HONESTY_DEAD, "2026-11-20", "no budget") == KARE_OK);
        BOOST_REQUIRE(kare_plan_add_evidence(plan, "D-102", "pain", "2026-11-21", "call", "2026-11-23") == KARE_OK);
        BOOST_REQUIRE(kare_report_new(&report, plan, "2026-11-23", nullptr) == KARE_OK);
    }
    ~loaded()
    {
        kare_report_free(report);
        kare_plan_free(plan);
    }
};

} // namespace

BOOST_DATA_TEST_CASE(each_entry_point_succeeds_without_a_fault, bdata::make(entry_points), e)
{
    loaded fixture;
    BOOST_TEST(e.call(fixture.plan, fixture.report) == KARE_OK, kare_error_message());
}

BOOST_DATA_TEST_CASE(each_entry_point_converts_each_fault,
                     bdata::make(entry_points) * bdata::make(faults), e, f)
{
    loaded fixture;
    char* before = nullptr;
    BOOST_REQUIRE(kare_plan_to_json(&before, nullptr, fixture.plan) == KARE_OK);
    kare::capi::testing::next_fault() = f.kind;
    BOOST_TEST(e.call(fixture.plan, fixture.report) == f.expected);
    BOOST_TEST(kare_error_code() == f.expected);
    BOOST_TEST(std::string(kare_error_message()) == f.message);
    if (f.kind == fault::kare_error)
        BOOST_TEST(std::string(kare_error_path()) == "injected.path");
    // The fault struck before any work: the plan is unchanged.
    char* after = nullptr;
    BOOST_REQUIRE(kare_plan_to_json(&after, nullptr, fixture.plan) == KARE_OK);
    BOOST_TEST(std::strcmp(before, after) == 0);
    kare_string_free(before);
    kare_string_free(after);
}

// A handle whose life has ended is refused, and freeing it again does
// nothing: the storage stays the test's own, so nothing is read that was
// given back to the allocator.
BOOST_AUTO_TEST_CASE(a_freed_handle_is_misuse)
{
    alignas(kare_report) unsigned char storage[sizeof(kare_report)];
    kare_report* report = new (storage) kare_report();
    size_t n = 0;
    BOOST_TEST(kare_report_account_count(&n, report) == KARE_OK);
    std::destroy_at(report);
    BOOST_TEST(kare_report_account_count(&n, report) == KARE_ERROR_MISUSE);
    BOOST_TEST(std::string(kare_error_message()).find("freed") != std::string::npos);
    kare_report_free(report); // would delete the test's storage if it were not refused
}
