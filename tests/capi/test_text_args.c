/* Every text parameter of kare.h refuses what would corrupt a plan: bytes
 * that are not UTF-8 (stray, overlong, surrogate, cut short, past U+10FFFF)
 * and the control characters the plan document forbids there. Each refusal
 * is KARE_ERROR_INVALID_ARGUMENT naming the parameter and the byte, and the
 * plan is exactly as before: it still saves, loads and saves byte for byte. */
#include <kare/kare.h>

#include "status_log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: check failed: %s\n  last error: [%s] %s: %s\n",      \
                    __FILE__, __LINE__, #cond, kare_status_str(kare_error_code()),       \
                    kare_error_path(), kare_error_message());                            \
            ++failures;                                                                  \
        }                                                                                \
    } while (0)

/* Text with a fault at byte 2, and what the message must call it. */
struct bad_text {
    const char *bytes;
    const char *why;
};

static const struct bad_text bad_utf8[] = {
    {"ok\xff", "never occurs in UTF-8"},
    {"ok\x80x", "continuation byte"},
    {"ok\xc0\xaf", "overlong"},        /* '/' in two bytes */
    {"ok\xe0\x80\xaf", "overlong"},    /* '/' in three bytes */
    {"ok\xf0\x80\x80\xaf", "overlong"}, /* '/' in four bytes */
    {"ok\xed\xa0\x80", "surrogate"},   /* U+D800, a lone high surrogate */
    {"ok\xed\xbf\xbf", "surrogate"},   /* U+DFFF */
    {"ok\xe2\x82", "cut short"},       /* the euro sign without its last byte */
    {"ok\xe2\x82x", "cut short"},
    {"ok\xf4\x90\x80\x80", "past U+10FFFF"},
    {"ok\x1b[31m", "control character"},
    {"ok\x7f", "control character"},
};

/* Text parameters, each with the call that passes the bad text in its place
 * and good arguments elsewhere. */
enum kind { NAME, PROSE };
struct text_parameter {
    const char *function;
    const char *parameter;
    enum kind kind;
};

static const struct text_parameter parameters[] = {
    {"kare_plan_account_placement", "account_id", NAME},
    {"kare_plan_assign", "account_id", NAME},
    {"kare_plan_assign", "on", NAME},
    {"kare_plan_assign", "reason", PROSE},
    {"kare_plan_move", "account_id", NAME},
    {"kare_plan_move", "on", NAME},
    {"kare_plan_move", "reason", PROSE},
    {"kare_plan_fire", "account_id", NAME},
    {"kare_plan_fire", "on", NAME},
    {"kare_plan_fire", "reason", PROSE},
    {"kare_plan_fire", "action", PROSE},
    {"kare_plan_remove_account", "account_id", NAME},
    {"kare_plan_remove_deal", "deal_id", NAME},
    {"kare_plan_deal_state", "deal_id", NAME},
    {"kare_plan_deal_state", "as_of", NAME},
    {"kare_plan_add_evidence", "deal_id", NAME},
    {"kare_plan_add_evidence", "type", NAME},
    {"kare_plan_add_evidence", "on", NAME},
    {"kare_plan_add_evidence", "source", NAME},
    {"kare_plan_add_evidence", "as_of", NAME},
    {"kare_plan_record_deal_activity", "deal_id", NAME},
    {"kare_plan_record_deal_activity", "on", NAME},
    {"kare_plan_change_close_date", "deal_id", NAME},
    {"kare_plan_change_close_date", "to", NAME},
    {"kare_plan_change_close_date", "on", NAME},
    {"kare_plan_change_close_date", "reason", PROSE},
    {"kare_plan_declare_stall", "deal_id", NAME},
    {"kare_plan_declare_stall", "reason", NAME},
    {"kare_plan_declare_stall", "declared_on", NAME},
    {"kare_plan_declare_stall", "resume_on", NAME},
    {"kare_plan_clear_stall", "deal_id", NAME},
    {"kare_plan_declare_deal_state", "deal_id", NAME},
    {"kare_plan_declare_deal_state", "on", NAME},
    {"kare_plan_declare_deal_state", "reason", NAME},
    {"kare_plan_clear_deal_state", "deal_id", NAME},
    {"kare_plan_clear_deal_state", "on", NAME},
    {"kare_plan_clear_deal_state", "reason", NAME},
    {"kare_plan_close_deal", "deal_id", NAME},
    {"kare_plan_close_deal", "on", NAME},
    {"kare_plan_close_deal", "lost_reason", NAME},
    {"kare_plan_progress_json", "as_of", NAME},
    {"kare_plan_progress_json", "rep", NAME},
    {"kare_plan_pipeline_json", "as_of", NAME},
    {"kare_plan_pipeline_json", "rep", NAME},
    {"kare_plan_map_svg", "as_of", NAME},
    {"kare_plan_map_svg", "rep", NAME},
    {"kare_plan_review_html", "as_of", NAME},
    {"kare_plan_review_html", "rep", NAME},
    {"kare_report_new", "as_of", NAME},
    {"kare_report_new", "rep", NAME},
    {"kare_plan_placements", "rep", NAME},
    {"kare_pipeline_new", "as_of", NAME},
    {"kare_pipeline_new", "rep", NAME},
    {"kare_plan_account_json", "account_id", NAME},
    {"kare_plan_deal_json", "deal_id", NAME},
    {"kare_plan_assign_v2", "account_id", NAME},
    {"kare_plan_assign_v2", "on", NAME},
    {"kare_plan_assign_v2", "reason", PROSE},
    {"kare_plan_move_v2", "account_id", NAME},
    {"kare_plan_move_v2", "on", NAME},
    {"kare_plan_move_v2", "reason", PROSE},
    {"kare_plan_fire_v2", "account_id", NAME},
    {"kare_plan_fire_v2", "on", NAME},
    {"kare_plan_fire_v2", "reason", PROSE},
    {"kare_plan_fire_v2", "action", PROSE},
    {"kare_plan_add_evidence_v2", "deal_id", NAME},
    {"kare_plan_add_evidence_v2", "type", NAME},
    {"kare_plan_add_evidence_v2", "on", NAME},
    {"kare_plan_add_evidence_v2", "source", NAME},
    {"kare_plan_add_evidence_v2", "as_of", NAME},
    {"kare_plan_record_deal_activity_v2", "deal_id", NAME},
    {"kare_plan_record_deal_activity_v2", "on", NAME},
    {"kare_plan_change_close_date_v2", "deal_id", NAME},
    {"kare_plan_change_close_date_v2", "to", NAME},
    {"kare_plan_change_close_date_v2", "on", NAME},
    {"kare_plan_change_close_date_v2", "reason", PROSE},
    {"kare_plan_declare_stall_v2", "deal_id", NAME},
    {"kare_plan_declare_stall_v2", "reason", NAME},
    {"kare_plan_declare_stall_v2", "declared_on", NAME},
    {"kare_plan_declare_stall_v2", "resume_on", NAME},
    {"kare_plan_clear_stall_v2", "deal_id", NAME},
    {"kare_plan_declare_deal_state_v2", "deal_id", NAME},
    {"kare_plan_declare_deal_state_v2", "on", NAME},
    {"kare_plan_declare_deal_state_v2", "reason", NAME},
    {"kare_plan_clear_deal_state_v2", "deal_id", NAME},
    {"kare_plan_clear_deal_state_v2", "on", NAME},
    {"kare_plan_clear_deal_state_v2", "reason", NAME},
    {"kare_plan_close_deal_v2", "deal_id", NAME},
    {"kare_plan_close_deal_v2", "on", NAME},
    {"kare_plan_close_deal_v2", "lost_reason", NAME},
    {"kare_import_mapping_builtin", "name", NAME},
    {"kare_plan_import_csv", "files[0].name", NAME},
    {"kare_plan_import_csv", "as_of", NAME},
    {"kare_plan_placements_v2", "rep", NAME},
    {"kare_plan_accept_moves_v2", "as_of", NAME},
    {"kare_plan_accept_moves_v2", "code", NAME},
    {"kare_plan_accept_moves_v2", "account_id", NAME},
    {"kare_plan_accept_moves_v2", "on", NAME},
    {"kare_plan_accept_moves_v2", "reason", PROSE},
    {"kare_plan_deal_state_v2", "deal_id", NAME},
    {"kare_plan_deal_state_v2", "as_of", NAME},
    {"kare_plan_progress_json_v2", "as_of", NAME},
    {"kare_plan_progress_json_v2", "rep", NAME},
    {"kare_plan_pipeline_json_v2", "as_of", NAME},
    {"kare_plan_pipeline_json_v2", "rep", NAME},
    {"kare_plan_map_svg_v2", "as_of", NAME},
    {"kare_plan_map_svg_v2", "options.rep", NAME},
    {"kare_plan_review_html_v2", "as_of", NAME},
    {"kare_plan_review_html_v2", "options.rep", NAME},
    {"kare_report_map_svg", "options.rep", NAME},
    {"kare_report_new_v2", "as_of", NAME},
    {"kare_report_new_v2", "rep", NAME},
    {"kare_pipeline_new_v2", "as_of", NAME},
    {"kare_pipeline_new_v2", "rep", NAME},
    {"kare_import_mapping_builtin_v2", "name", NAME},
    {"kare_plan_import_csv_v2", "files[0].name", NAME},
    {"kare_plan_import_csv_v2", "as_of", NAME},
    {"kare_plan_remove_activity_by_id", "activity_id", NAME},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The value of parameter `p` of `function`: the bad text when it is the
 * parameter under test, else `good`. */
static const char *arg(const struct text_parameter *under_test, const char *p, const char *bad,
                       const char *good)
{
    return strcmp(under_test->parameter, p) == 0 ? bad : good;
}

static kare_status call(const struct text_parameter *t, kare_plan *plan, const char *bad)
{
    const char *f = t->function;
    int32_t code = 0;
    char *owned = NULL;
    const char *borrowed = NULL;
    kare_report *report = NULL;
    kare_status s = KARE_ERROR_INTERNAL;
#define A(name, good) arg(t, name, bad, good)
/* Counted: the text and its length, never reading to a NUL. */
#define C(name, good) A(name, good), strlen(A(name, good))
    if (strcmp(f, "kare_plan_account_placement") == 0)
        s = kare_plan_account_placement(&code, plan, A("account_id", "EVR-005"), KARE_NUL_TERMINATED);
    else if (strcmp(f, "kare_plan_assign") == 0)
        s = kare_plan_assign(plan, A("account_id", "EVR-005"), KARE_PLACEMENT_KEEP, A("on", "2026-11-23"), A("reason", "why"));
    else if (strcmp(f, "kare_plan_move") == 0)
        s = kare_plan_move(plan, A("account_id", "DLT-004"), KARE_PLACEMENT_EXPAND, A("on", "2026-11-23"), A("reason", "why"));
    else if (strcmp(f, "kare_plan_fire") == 0)
        s = kare_plan_fire(plan, A("account_id", "DLT-004"), A("on", "2026-11-23"), A("reason", "why"), A("action", "end_relationship"));
    else if (strcmp(f, "kare_plan_remove_account") == 0)
        s = kare_plan_remove_account(plan, A("account_id", "LMN-012"), KARE_NUL_TERMINATED);
    else if (strcmp(f, "kare_plan_remove_deal") == 0)
        s = kare_plan_remove_deal(plan, A("deal_id", "D-108"), KARE_NUL_TERMINATED);
    else if (strcmp(f, "kare_plan_deal_state") == 0)
        s = kare_plan_deal_state(&code, plan, A("deal_id", "D-101"), KARE_NUL_TERMINATED, A("as_of", "2026-11-23"));
    else if (strcmp(f, "kare_plan_add_evidence") == 0)
        s = kare_plan_add_evidence(plan, A("deal_id", "D-108"), A("type", "pain"), A("on", "2026-11-20"), A("source", "call"), A("as_of", "2026-11-23"));
    else if (strcmp(f, "kare_plan_record_deal_activity") == 0)
        s = kare_plan_record_deal_activity(plan, A("deal_id", "D-108"), A("on", "2026-11-22"));
    else if (strcmp(f, "kare_plan_change_close_date") == 0)
        s = kare_plan_change_close_date(plan, A("deal_id", "D-108"), A("to", "2027-02-28"), A("on", "2026-11-22"), A("reason", "budget cycle"));
    else if (strcmp(f, "kare_plan_declare_stall") == 0)
        s = kare_plan_declare_stall(plan, A("deal_id", "D-101"), A("reason", "holidays"), A("declared_on", "2026-11-22"), A("resume_on", "2027-01-05"));
    else if (strcmp(f, "kare_plan_clear_stall") == 0)
        s = kare_plan_clear_stall(plan, A("deal_id", "D-105"));
    else if (strcmp(f, "kare_plan_declare_deal_state") == 0)
        s = kare_plan_declare_deal_state(plan, A("deal_id", "D-108"), KARE_HONESTY_DEAD, A("on", "2026-11-22"), A("reason", "no budget"));
    else if (strcmp(f, "kare_plan_clear_deal_state") == 0)
        s = kare_plan_clear_deal_state(plan, A("deal_id", "D-102"), A("on", "2026-11-23"), A("reason", "budget found"));
    else if (strcmp(f, "kare_plan_close_deal") == 0)
        s = kare_plan_close_deal(plan, A("deal_id", "D-101"), KARE_OUTCOME_LOST, A("on", "2026-11-22"), A("lost_reason", "price"));
    else if (strcmp(f, "kare_plan_progress_json") == 0)
        s = kare_plan_progress_json(&owned, NULL, plan, A("as_of", "2026-11-23"), A("rep", "maya"), 2);
    else if (strcmp(f, "kare_plan_pipeline_json") == 0)
        s = kare_plan_pipeline_json(&owned, NULL, plan, A("as_of", "2026-11-23"), A("rep", "maya"));
    else if (strcmp(f, "kare_plan_map_svg") == 0)
        s = kare_plan_map_svg(&owned, NULL, plan, A("as_of", "2026-11-23"), A("rep", "maya"));
    else if (strcmp(f, "kare_plan_review_html") == 0)
        s = kare_plan_review_html(&owned, NULL, plan, A("as_of", "2026-11-23"), A("rep", "maya"));
    else if (strcmp(f, "kare_report_new") == 0)
        s = kare_report_new(&report, plan, A("as_of", "2026-11-23"), A("rep", "maya"));
    else if (strcmp(f, "kare_plan_placements") == 0) {
        size_t count = 0;
        s = kare_plan_placements(&owned, NULL, &count, plan, A("rep", "maya"));
    } else if (strcmp(f, "kare_pipeline_new") == 0) {
        kare_pipeline *pipeline = NULL;
        s = kare_pipeline_new(&pipeline, plan, A("as_of", "2026-11-23"), A("rep", "maya"));
        kare_pipeline_free(pipeline);
    } else if (strcmp(f, "kare_plan_account_json") == 0)
        s = kare_plan_account_json(&owned, NULL, plan, A("account_id", "EVR-005"), KARE_NUL_TERMINATED);
    else if (strcmp(f, "kare_plan_deal_json") == 0)
        s = kare_plan_deal_json(&owned, NULL, plan, A("deal_id", "D-101"), KARE_NUL_TERMINATED);
    else if (strcmp(f, "kare_plan_assign_v2") == 0)
        s = kare_plan_assign_v2(plan, C("account_id", "EVR-005"), KARE_PLACEMENT_KEEP, C("on", "2026-11-23"), C("reason", "why"));
    else if (strcmp(f, "kare_plan_move_v2") == 0)
        s = kare_plan_move_v2(plan, C("account_id", "DLT-004"), KARE_PLACEMENT_EXPAND, C("on", "2026-11-23"), C("reason", "why"));
    else if (strcmp(f, "kare_plan_fire_v2") == 0)
        s = kare_plan_fire_v2(plan, C("account_id", "DLT-004"), C("on", "2026-11-23"), C("reason", "why"), C("action", "end_relationship"));
    else if (strcmp(f, "kare_plan_add_evidence_v2") == 0)
        s = kare_plan_add_evidence_v2(plan, C("deal_id", "D-108"), C("type", "pain"), C("on", "2026-11-20"), C("source", "call"), C("as_of", "2026-11-23"));
    else if (strcmp(f, "kare_plan_record_deal_activity_v2") == 0)
        s = kare_plan_record_deal_activity_v2(plan, C("deal_id", "D-108"), C("on", "2026-11-22"));
    else if (strcmp(f, "kare_plan_change_close_date_v2") == 0)
        s = kare_plan_change_close_date_v2(plan, C("deal_id", "D-108"), C("to", "2027-02-28"), C("on", "2026-11-22"), C("reason", "budget cycle"));
    else if (strcmp(f, "kare_plan_declare_stall_v2") == 0)
        s = kare_plan_declare_stall_v2(plan, C("deal_id", "D-101"), C("reason", "holidays"), C("declared_on", "2026-11-22"), C("resume_on", "2027-01-05"));
    else if (strcmp(f, "kare_plan_clear_stall_v2") == 0)
        s = kare_plan_clear_stall_v2(plan, C("deal_id", "D-105"));
    else if (strcmp(f, "kare_plan_declare_deal_state_v2") == 0)
        s = kare_plan_declare_deal_state_v2(plan, C("deal_id", "D-108"), KARE_HONESTY_DEAD, C("on", "2026-11-22"), C("reason", "no budget"));
    else if (strcmp(f, "kare_plan_clear_deal_state_v2") == 0)
        s = kare_plan_clear_deal_state_v2(plan, C("deal_id", "D-102"), C("on", "2026-11-23"), C("reason", "budget found"));
    else if (strcmp(f, "kare_plan_close_deal_v2") == 0)
        s = kare_plan_close_deal_v2(plan, C("deal_id", "D-101"), KARE_OUTCOME_LOST, C("on", "2026-11-22"), C("lost_reason", "price"));
    else if (strcmp(f, "kare_plan_placements_v2") == 0) {
        size_t count = 0;
        s = kare_plan_placements_v2(&owned, NULL, &count, plan, C("rep", "maya"));
    } else if (strcmp(f, "kare_plan_accept_moves_v2") == 0)
        /* A move no account is suggested (ACME-001 is kept): refused before
         * anything changes, so only the text is at stake. */
        s = kare_plan_accept_moves_v2(NULL, plan, C("as_of", "2026-11-23"), C("code", "move.attain_won"), C("account_id", "ACME-001"), C("on", "2026-11-23"), C("reason", "why"));
    else if (strcmp(f, "kare_plan_deal_state_v2") == 0)
        s = kare_plan_deal_state_v2(&code, plan, C("deal_id", "D-101"), C("as_of", "2026-11-23"));
    else if (strcmp(f, "kare_plan_progress_json_v2") == 0)
        s = kare_plan_progress_json_v2(&owned, NULL, plan, C("as_of", "2026-11-23"), C("rep", "maya"), 2);
    else if (strcmp(f, "kare_plan_pipeline_json_v2") == 0)
        s = kare_plan_pipeline_json_v2(&owned, NULL, plan, C("as_of", "2026-11-23"), C("rep", "maya"));
    else if (strcmp(f, "kare_plan_map_svg_v2") == 0 || strcmp(f, "kare_plan_review_html_v2") == 0 ||
             strcmp(f, "kare_report_map_svg") == 0) {
        kare_render_options options = KARE_RENDER_OPTIONS_INIT;
        options.rep = A("options.rep", "maya");
        options.rep_len = strlen(options.rep);
        if (strcmp(f, "kare_plan_map_svg_v2") == 0)
            s = kare_plan_map_svg_v2(&owned, NULL, plan, C("as_of", "2026-11-23"), &options);
        else if (strcmp(f, "kare_plan_review_html_v2") == 0)
            s = kare_plan_review_html_v2(&owned, NULL, plan, C("as_of", "2026-11-23"), &options);
        else if (kare_report_new(&report, plan, "2026-11-23", "maya") == KARE_OK)
            s = kare_report_map_svg(&owned, NULL, report, plan, &options);
    } else if (strcmp(f, "kare_report_new_v2") == 0)
        s = kare_report_new_v2(&report, plan, C("as_of", "2026-11-23"), C("rep", "maya"));
    else if (strcmp(f, "kare_pipeline_new_v2") == 0) {
        kare_pipeline *pipeline = NULL;
        s = kare_pipeline_new_v2(&pipeline, plan, C("as_of", "2026-11-23"), C("rep", "maya"));
        kare_pipeline_free(pipeline);
    } else if (strcmp(f, "kare_plan_import_csv_v2") == 0) {
        const char *mapping = NULL;
        CHECK(kare_import_mapping_builtin(&mapping, NULL, "hubspot") == KARE_OK);
        kare_csv_file_v2 file;
        file.name = A("files[0].name", "companies.csv");
        file.name_len = strlen(file.name);
        file.text = "Record ID,Company name,Company owner,Lifecycle Stage\n9001,Acme Tooling,maya,Customer\n";
        file.text_len = KARE_NUL_TERMINATED;
        s = kare_plan_import_csv_v2(&owned, NULL, plan, mapping, KARE_NUL_TERMINATED, &file, 1, C("as_of", "2026-11-23"), NULL);
    } else if (strcmp(f, "kare_plan_remove_activity_by_id") == 0)
        s = kare_plan_remove_activity_by_id(plan, C("activity_id", "act-1"));
    else if (strcmp(f, "kare_import_mapping_builtin_v2") == 0)
        s = kare_import_mapping_builtin_v2(&borrowed, NULL, C("name", "hubspot"));
    else if (strcmp(f, "kare_import_mapping_builtin") == 0)
        s = kare_import_mapping_builtin(&borrowed, NULL, A("name", "hubspot"));
    else if (strcmp(f, "kare_plan_import_csv") == 0) {
        const char *mapping = NULL;
        CHECK(kare_import_mapping_builtin(&mapping, NULL, "hubspot") == KARE_OK);
        kare_csv_file file;
        file.name = A("files[0].name", "companies.csv");
        file.text = "Record ID,Company name,Company owner,Lifecycle Stage\n9001,Acme Tooling,maya,Customer\n";
        file.text_len = KARE_NUL_TERMINATED;
        s = kare_plan_import_csv(&owned, NULL, plan, mapping, KARE_NUL_TERMINATED, &file, 1, A("as_of", "2026-11-23"));
    } else
        fprintf(stderr, "no call for %s\n", f);
#undef C
#undef A
    kare_string_free(owned);
    kare_report_free(report);
    return s;
}

static char *plan_text(const kare_plan *plan)
{
    char *text = NULL;
    CHECK(kare_plan_to_json(&text, NULL, plan) == KARE_OK);
    return text;
}

/* The message starts with the parameter's name and gives the byte. */
static int names_parameter_and_byte(const char *parameter, const char *why)
{
    const char *m = kare_error_message();
    const size_t n = strlen(parameter);
    return strncmp(m, parameter, n) == 0 && m[n] == ' ' && strstr(m, "at byte 2") != NULL &&
           strstr(m, why) != NULL;
}

static void test_every_parameter_refuses_bad_text(kare_plan *plan)
{
    for (size_t p = 0; p < COUNT(parameters); ++p) {
        char *before = plan_text(plan);
        for (size_t b = 0; b < COUNT(bad_utf8); ++b) {
            const kare_status s = logged_status(parameters[p].function,
                                                call(&parameters[p], plan, bad_utf8[b].bytes));
            if (s != KARE_ERROR_INVALID_ARGUMENT ||
                !names_parameter_and_byte(parameters[p].parameter, bad_utf8[b].why)) {
                fprintf(stderr, "%s(%s) with bad text #%zu: [%s] %s\n", parameters[p].function,
                        parameters[p].parameter, b, kare_status_str(s), kare_error_message());
                ++failures;
            }
        }
        char *after = plan_text(plan);
        if (strcmp(before, after) != 0) {
            fprintf(stderr, "%s(%s): the plan changed\n", parameters[p].function,
                    parameters[p].parameter);
            ++failures;
        }
        kare_string_free(after);
        kare_string_free(before);
        /* Line breaks and tabs are prose (the call may then go through); a
         * name holds no control character. */
        const kare_status s = call(&parameters[p], plan, "ok\tx");
        if (parameters[p].kind == NAME) {
            CHECK(s == KARE_ERROR_INVALID_ARGUMENT);
            CHECK(names_parameter_and_byte(parameters[p].parameter, "control character"));
        } else {
            CHECK(s != KARE_ERROR_INVALID_ARGUMENT);
        }
    }
}

/* Documents are checked by their readers: malformed UTF-8 in a JSON string
 * is a parse error, and nothing changes. */
static void test_documents_refuse_bad_text(kare_plan *plan)
{
    char *before = plan_text(plan);
    char json[200];
    for (size_t b = 0; b < COUNT(bad_utf8); ++b) {
        if (strcmp(bad_utf8[b].why, "control character") == 0)
            continue; /* which members may hold them is the document's rule */
        snprintf(json, sizeof json,
                 "{\"id\":\"N-1\",\"name\":\"%s\",\"owner\":\"maya\",\"relationship\":\"prospect\"}",
                 bad_utf8[b].bytes);
        const kare_status s = kare_plan_add_account(plan, json, KARE_NUL_TERMINATED);
        CHECK(s == KARE_ERROR_PARSE || s == KARE_ERROR_INVALID_PLAN);
        kare_plan *loaded = (kare_plan *)0x1;
        snprintf(json, sizeof json, "{\"format\":\"kare-plan\",\"version\":1,\"name\":\"%s\"}",
                 bad_utf8[b].bytes);
        CHECK(kare_plan_load(&loaded, json, KARE_NUL_TERMINATED) != KARE_OK);
        CHECK(loaded == NULL);
    }
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);
    kare_string_free(before);
}

/* Good UTF-8 of every length passes and survives a round trip. */
static void test_good_text_passes(kare_plan *plan)
{
    CHECK(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23",
                         "Café, € and 𝄞:\n\tall fine") == KARE_OK);
    CHECK(kare_plan_fire(plan, "EVR-005", "2026-11-23", "ça suffit", "fin de relation") == KARE_OK);
}

/* The counted forms read exactly the length given, refuse a NUL inside it,
 * and take NULL with a length of 0 as no reason. */
static void test_counted_forms(kare_plan *plan)
{
    const char record[] = "DLT-004|2026-11-24|customer asked|end_relationship";
    CHECK(kare_plan_move_v2(plan, record, 7, KARE_PLACEMENT_KEEP, record + 8, 10, record + 19, 14) == KARE_OK);
    char *json = NULL;
    CHECK(kare_plan_account_json(&json, NULL, plan, record, 7) == KARE_OK);
    CHECK(json && strstr(json, "\"reason\": \"customer asked\"") != NULL);
    kare_string_free(json);
    char *before = plan_text(plan);
    CHECK(kare_plan_fire_v2(plan, "DLT-004\0", 8, "2026-11-24", 10, "x", 1, "y", 1) == KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "account_id contains a NUL byte") != NULL);
    CHECK(kare_plan_fire_v2(plan, "DLT-004", 7, "2026-11-24", 10, NULL, 3, "y", 1) == KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "reason is NULL with a length of 3") != NULL);
    CHECK(kare_plan_fire_v2(plan, "DLT-004", 7, "2026-11-24", 10, "ok\xc0\xafx", 5, "y", 1) == KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "reason is not valid UTF-8 at byte 2") != NULL);
    /* A length that stops inside a sequence cuts it short. */
    CHECK(kare_plan_fire_v2(plan, "DLT-004", 7, "2026-11-24", 10, "why \xe2\x82\xac", 6, "y", 1) == KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "cut short") != NULL);
    CHECK(kare_plan_close_deal_v2(plan, "D-101", 5, KARE_OUTCOME_WON, "2026-11-2", 9, NULL, 0) == KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "on '2026-11-2' is not a calendar date") != NULL);
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);
    kare_string_free(before);
    CHECK(kare_plan_assign_v2(plan, "LMN-012", 7, KARE_PLACEMENT_KEEP, "2026-11-24", 10, NULL, 0) == KARE_OK);
    CHECK(kare_plan_record_deal_activity_v2(plan, "D-108xx", 5, "2026-11-22", 10) == KARE_OK);
    CHECK(kare_plan_clear_stall_v2(plan, "D-105", 5) == KARE_OK);
    CHECK(kare_plan_clear_stall_v2(plan, "D-105", 4) == KARE_ERROR_NOT_FOUND);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    const long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    const size_t got = fread(text, 1, (size_t)size, f);
    text[got] = '\0';
    fclose(f);
    return text;
}

/* save → load → save gives the same bytes after all of the above. */
static void test_round_trip(kare_plan *plan, const char *scratch)
{
    char first[1024], second[1024];
    snprintf(first, sizeof first, "%s/text-args-first.json", scratch);
    snprintf(second, sizeof second, "%s/text-args-second.json", scratch);
    CHECK(kare_plan_save_file(plan, first) == KARE_OK);
    kare_plan *again = NULL;
    CHECK(kare_plan_load_file(&again, first) == KARE_OK);
    CHECK(kare_plan_save_file(again, second) == KARE_OK);
    char *a = read_file(first);
    char *b = read_file(second);
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    kare_plan_free(again);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s EXAMPLE.json SCRATCH_DIR\n", argv[0]);
        return 2;
    }
    kare_plan *plan = NULL;
    if (kare_plan_load_file(&plan, argv[1]) != KARE_OK) {
        fprintf(stderr, "cannot load %s: %s\n", argv[1], kare_error_message());
        return 1;
    }
    test_every_parameter_refuses_bad_text(plan);
    test_documents_refuse_bad_text(plan);
    test_good_text_passes(plan);
    test_counted_forms(plan);
    test_round_trip(plan, argv[2]);
    kare_plan_free(plan);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
