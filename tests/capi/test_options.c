/* The options structs and the counted forms added to them: drawing with a
 * rep, a width and sections from a report or a plan; a version-1 render
 * struct still read as one; files named by counted paths; every new counted
 * call reading exactly its length. */
#include <kare/kare.h>

#include "status_log.h"

#include <stddef.h>
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

#define CHECK_STATUS(call, expected) CHECK(logged_status(#call, (call)) == (expected))

/* Refused with `expected`, the message holding `words`. */
#define REFUSED_WITH(call, expected, words)                                              \
    do {                                                                                 \
        CHECK_STATUS(call, expected);                                                    \
        CHECK(strstr(kare_error_message(), words) != NULL);                              \
    } while (0)

static const char *example_path;
static const char *scratch;

static kare_plan *load_example(void)
{
    kare_plan *plan = NULL;
    CHECK_STATUS(kare_plan_load_file(&plan, example_path), KARE_OK);
    return plan;
}

static char *plan_text(const kare_plan *plan)
{
    char *text = NULL;
    CHECK_STATUS(kare_plan_to_json(&text, NULL, plan), KARE_OK);
    return text;
}

static int same(char *a, char *b)
{
    const int equal = a != NULL && b != NULL && strcmp(a, b) == 0;
    kare_string_free(a);
    kare_string_free(b);
    return equal;
}

/* The version-1 layout of kare_render_options, as a program built against
 * the older header allocates it. */
struct render_options_v1 {
    uint32_t version;
    uint32_t rows_per_quadrant;
    uint32_t sections;
};

static void test_render_options(void)
{
    kare_plan *plan = load_example();
    kare_render_options options = KARE_RENDER_OPTIONS_INIT;
    CHECK(options.version == 3 && options.width == 0 && options.rep == NULL && options.rep_len == 0 &&
          options.rows_per_list == 0);
    options.width = 7;
    options.rep = "x";
    CHECK_STATUS(kare_render_options_init(&options, KARE_RENDER_OPTIONS_VERSION), KARE_OK);
    CHECK(options.width == 0 && options.rep == NULL && options.rep_len == 0);

    /* A version-1 struct: init writes no byte past it, and it is read as one. */
    unsigned char room[sizeof(kare_render_options)];
    memset(room, 0xAB, sizeof room);
    CHECK_STATUS(kare_render_options_init((kare_render_options *)(void *)room, 1), KARE_OK);
    for (size_t i = sizeof(struct render_options_v1); i < sizeof room; ++i)
        CHECK(room[i] == 0xAB);
    /* The bytes past it are garbage: a version-1 struct never has them read. */
    char *svg = NULL, *plain = NULL;
    CHECK_STATUS(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23", 10, (const kare_render_options *)(void *)room), KARE_OK);
    CHECK_STATUS(kare_plan_map_svg(&plain, NULL, plan, "2026-11-23", NULL), KARE_OK);
    CHECK(same(svg, plain));

    /* Long lists show their first rows and say how many more there are. */
    char *page = NULL, *whole = NULL;
    options.rows_per_list = 2;
    CHECK_STATUS(kare_plan_review_html_v2(&page, NULL, plan, "2026-11-23", 10, &options), KARE_OK);
    CHECK(page && strstr(page, "findings, worst first, are listed here; the report document") != NULL);
    CHECK(strstr(page, "<p class=\"more\">The first 2 of ") != NULL);
    CHECK_STATUS(kare_plan_review_html(&plain, NULL, plan, "2026-11-23", NULL), KARE_OK);
    CHECK(strlen(page) < strlen(plain));
    kare_string_free(page);
    /* The example's lists are all shorter than the default. */
    options.rows_per_list = KARE_EVERY_ROW;
    CHECK_STATUS(kare_plan_review_html_v2(&whole, NULL, plan, "2026-11-23", 10, &options), KARE_OK);
    CHECK(same(whole, plain));
    /* A version-2 struct has no rows_per_list: whatever follows it is not read. */
    options.version = 2;
    options.rows_per_list = 1;
    CHECK_STATUS(kare_plan_review_html_v2(&page, NULL, plan, "2026-11-23", 10, &options), KARE_OK);
    CHECK_STATUS(kare_plan_review_html(&plain, NULL, plan, "2026-11-23", NULL), KARE_OK);
    CHECK(same(page, plain));
    memset(room, 0xAB, sizeof room);
    CHECK_STATUS(kare_render_options_init((kare_render_options *)(void *)room, 2), KARE_OK);
    for (size_t i = offsetof(kare_render_options, rows_per_list); i < sizeof room; ++i)
        CHECK(room[i] == 0xAB);
    CHECK_STATUS(kare_render_options_init(&options, KARE_RENDER_OPTIONS_VERSION), KARE_OK);

    /* The rep: the same picture as the NUL-terminated call for that rep. */
    const char record[] = "maya|leo";
    options.rep = record;
    options.rep_len = 4;
    CHECK_STATUS(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23xx", 10, &options), KARE_OK);
    CHECK_STATUS(kare_plan_map_svg(&plain, NULL, plan, "2026-11-23", "maya"), KARE_OK);
    CHECK(same(svg, plain));
    char *html = NULL;
    CHECK_STATUS(kare_plan_review_html_v2(&html, NULL, plan, "2026-11-23", KARE_NUL_TERMINATED, &options), KARE_OK);
    CHECK_STATUS(kare_plan_review_html(&plain, NULL, plan, "2026-11-23", "maya"), KARE_OK);
    CHECK(same(html, plain));

    /* The width scales the picture: the viewBox keeps the drawing's size. */
    options.width = 700;
    CHECK_STATUS(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23", 10, &options), KARE_OK);
    CHECK(svg && strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"700\" height=\"") != NULL &&
          strstr(svg, "viewBox=\"0 0 1400 ") != NULL);
    kare_string_free(svg);
    options.sections = KARE_SECTION_MAP;
    CHECK_STATUS(kare_plan_review_html_v2(&html, NULL, plan, "2026-11-23", 10, &options), KARE_OK);
    CHECK(html && strstr(html, "width=\"700\"") != NULL && strstr(html, "<h2>Findings") == NULL);
    kare_string_free(html);

    /* From an existing report: its own rep, or the same rep named. */
    kare_report *report = NULL;
    CHECK_STATUS(kare_report_new_v2(&report, plan, "2026-11-23", 10, record, 4), KARE_OK);
    options.sections = 0;
    CHECK_STATUS(kare_report_map_svg(&svg, NULL, report, plan, &options), KARE_OK);
    CHECK_STATUS(kare_plan_map_svg_v2(&plain, NULL, plan, "2026-11-23", 10, &options), KARE_OK);
    CHECK(same(svg, plain));
    /* Another rep, or the team, is not what the report covers. */
    options.rep = record + 5;
    options.rep_len = 3;
    svg = (char *)0x1;
    REFUSED_WITH(kare_report_map_svg(&svg, NULL, report, plan, &options), KARE_ERROR_CONFLICT, "options.rep names 'leo'");
    CHECK(svg == NULL);
    options.rep_len = 0;
    REFUSED_WITH(kare_report_review_html(&html, NULL, report, plan, &options), KARE_ERROR_CONFLICT, "the whole team");

    /* Every new error. */
    options.rep = "nobody";
    options.rep_len = KARE_NUL_TERMINATED;
    CHECK_STATUS(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23", 10, &options), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_review_html_v2(&html, NULL, plan, "2026-11-23", 10, &options), KARE_ERROR_NOT_FOUND);
    options.rep = NULL;
    options.rep_len = 3;
    REFUSED_WITH(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23", 10, &options), KARE_ERROR_INVALID_ARGUMENT, "options.rep is NULL with a length of 3");
    options.rep = "ma\0ya";
    options.rep_len = 5;
    REFUSED_WITH(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23", 10, &options), KARE_ERROR_INVALID_ARGUMENT, "options.rep contains a NUL byte");
    REFUSED_WITH(kare_report_map_svg(&svg, NULL, report, plan, &options), KARE_ERROR_INVALID_ARGUMENT, "options.rep contains a NUL byte");
    options.rep = NULL;
    options.rep_len = 0;
    options.width = 100001;
    REFUSED_WITH(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23", 10, &options), KARE_ERROR_INVALID_ARGUMENT, "width 100001");
    REFUSED_WITH(kare_report_review_html(&html, NULL, report, plan, &options), KARE_ERROR_INVALID_ARGUMENT, "width 100001");
    options.width = 100000;
    CHECK_STATUS(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23", 10, &options), KARE_OK);
    CHECK(svg && strstr(svg, "width=\"100000\"") != NULL);
    kare_string_free(svg);
    options.width = 0;
    options.sections = 1u << 12; /* the first bit no section has */
    REFUSED_WITH(kare_plan_review_html_v2(&html, NULL, plan, "2026-11-23", 10, &options), KARE_ERROR_INVALID_ARGUMENT, "sections");
    options.sections = 0;
    options.version = KARE_RENDER_OPTIONS_VERSION + 1;
    REFUSED_WITH(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-23", 10, &options), KARE_ERROR_INVALID_ARGUMENT, "version");
    options.version = KARE_RENDER_OPTIONS_VERSION;
    REFUSED_WITH(kare_plan_map_svg_v2(&svg, NULL, plan, "2026-11-2", 9, &options), KARE_ERROR_INVALID_ARGUMENT, "as_of '2026-11-2'");
    REFUSED_WITH(kare_plan_map_svg_v2(&svg, NULL, plan, NULL, 10, NULL), KARE_ERROR_INVALID_ARGUMENT, "as_of");
    REFUSED_WITH(kare_plan_map_svg_v2(NULL, NULL, plan, "2026-11-23", 10, NULL), KARE_ERROR_INVALID_ARGUMENT, "out");
    REFUSED_WITH(kare_plan_review_html_v2(&html, NULL, NULL, "2026-11-23", 10, NULL), KARE_ERROR_INVALID_ARGUMENT, "plan");
    CHECK_STATUS(kare_plan_review_html_v2(&html, NULL, plan, "2026-11-23", 10, NULL), KARE_OK);
    kare_string_free(html);
    kare_report_free(report);
    kare_plan_free(plan);
}

/* Files named by a counted path, read within the given bounds. */
static void test_counted_paths(void)
{
    kare_plan *plan = load_example();
    char path[1200];
    const int n = snprintf(path, sizeof path, "%s/options-plan.jsonXYZ", scratch);
    const size_t path_len = (size_t)n - 3;
    CHECK_STATUS(kare_plan_save_file_v2(plan, path, path_len), KARE_OK);
    kare_plan *again = (kare_plan *)0x1;
    CHECK_STATUS(kare_plan_load_file_v2(&again, path, path_len, NULL), KARE_OK);
    CHECK(same(plan_text(plan), plan_text(again)));
    kare_plan_free(again);
    /* The file is named by the counted bytes only. */
    remove(path); /* left by an earlier run */
    CHECK_STATUS(kare_plan_load_file_v2(&again, path, KARE_NUL_TERMINATED, NULL), KARE_ERROR_IO);
    CHECK(again == NULL);
    kare_read_options read = KARE_READ_OPTIONS_INIT;
    read.max_accounts = 2;
    REFUSED_WITH(kare_plan_load_file_v2(&again, path, path_len, &read), KARE_ERROR_LIMIT, "");
    read.max_accounts = 0;
    read.max_document_bytes = 10;
    REFUSED_WITH(kare_plan_load_file_v2(&again, path, path_len, &read), KARE_ERROR_LIMIT, "larger than 10 bytes");
    read.version = 0;
    REFUSED_WITH(kare_plan_load_file_v2(&again, path, path_len, &read), KARE_ERROR_INVALID_ARGUMENT, "version");
    REFUSED_WITH(kare_plan_load_file_v2(&again, "a\0b", 3, NULL), KARE_ERROR_INVALID_ARGUMENT, "path contains a NUL byte");
    REFUSED_WITH(kare_plan_load_file_v2(&again, NULL, 0, NULL), KARE_ERROR_INVALID_ARGUMENT, "path is NULL");
    REFUSED_WITH(kare_plan_load_file_v2(NULL, path, path_len, NULL), KARE_ERROR_INVALID_ARGUMENT, "out");
    REFUSED_WITH(kare_plan_save_file_v2(plan, "a\0b", 3), KARE_ERROR_INVALID_ARGUMENT, "path contains a NUL byte");
    REFUSED_WITH(kare_plan_save_file_v2(plan, NULL, 3), KARE_ERROR_INVALID_ARGUMENT, "path is NULL");
    REFUSED_WITH(kare_plan_save_file_v2(NULL, path, path_len), KARE_ERROR_INVALID_ARGUMENT, "plan");
    REFUSED_WITH(kare_plan_save_file_v2(plan, "/nonexistent/dir/plan.json", KARE_NUL_TERMINATED), KARE_ERROR_IO, "/nonexistent/dir/plan.json");
    /* A broken plan file: the reader's errors come through. */
    char file[1200];
    memcpy(file, path, path_len);
    file[path_len] = '\0';
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("{\"format\":\"kare-plan\",\"version\":1,", f);
        fclose(f);
    }
    CHECK_STATUS(kare_plan_load_file_v2(&again, path, path_len, NULL), KARE_ERROR_PARSE);
    f = fopen(file, "w");
    if (f) {
        fputs("{\"format\":\"kare-plan\",\"version\":99}", f);
        fclose(f);
    }
    CHECK_STATUS(kare_plan_load_file_v2(&again, path, path_len, NULL), KARE_ERROR_UNSUPPORTED_VERSION);
    f = fopen(file, "w");
    if (f) {
        fputs("{\"format\":\"kare-plan\",\"version\":1,\"reps\":[{\"id\":\"\"}]}", f);
        fclose(f);
    }
    CHECK_STATUS(kare_plan_load_file_v2(&again, path, path_len, NULL), KARE_ERROR_INVALID_PLAN);
    kare_plan_free(plan);
}

/* The counted forms read exactly their lengths and mean what the
 * NUL-terminated calls mean. */
static void test_counted_forms(void)
{
    kare_plan *plan = load_example();
    const char text[] = "2026-11-23|maya|D-101|move.attain_won|DLT-004|hubspot";
    const char *as_of = text, *rep = text + 11, *deal = text + 16, *code = text + 22;
    const char *account = text + 38, *mapping = text + 46;

    char *counted = NULL, *plain = NULL;
    size_t count = 0, plain_count = 0;
    CHECK_STATUS(kare_plan_placements_v2(&counted, NULL, &count, plan, rep, 4), KARE_OK);
    CHECK_STATUS(kare_plan_placements(&plain, NULL, &plain_count, plan, "maya"), KARE_OK);
    CHECK(count == plain_count && count > 0 && counted && plain &&
          memcmp(counted, plain, count) == 0);
    kare_string_free(counted);
    kare_string_free(plain);
    CHECK_STATUS(kare_plan_placements_v2(&counted, NULL, &count, plan, NULL, 0), KARE_OK);
    kare_string_free(counted);
    CHECK_STATUS(kare_plan_placements_v2(&counted, NULL, &count, plan, rep, 3), KARE_ERROR_NOT_FOUND);
    REFUSED_WITH(kare_plan_placements_v2(&counted, NULL, &count, plan, NULL, 4), KARE_ERROR_INVALID_ARGUMENT, "rep is NULL with a length of 4");
    REFUSED_WITH(kare_plan_placements_v2(&counted, NULL, NULL, plan, rep, 4), KARE_ERROR_INVALID_ARGUMENT, "out_count");

    int32_t state = -1, plain_state = -2;
    CHECK_STATUS(kare_plan_deal_state_v2(&state, plan, deal, 5, as_of, 10), KARE_OK);
    CHECK_STATUS(kare_plan_deal_state(&plain_state, plan, "D-101", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == plain_state);
    CHECK_STATUS(kare_plan_deal_state_v2(&state, plan, deal, 4, as_of, 10), KARE_ERROR_NOT_FOUND);
    REFUSED_WITH(kare_plan_deal_state_v2(&state, plan, deal, 5, as_of, 9), KARE_ERROR_INVALID_ARGUMENT, "as_of '2026-11-2'");
    CHECK_STATUS(kare_plan_deal_state_v2(&state, plan, deal, 5, "2020-01-01", 10), KARE_ERROR_INVALID_PLAN);

    CHECK_STATUS(kare_plan_progress_json_v2(&counted, NULL, plan, as_of, 10, rep, 4, 2), KARE_OK);
    CHECK_STATUS(kare_plan_progress_json(&plain, NULL, plan, "2026-11-23", "maya", 2), KARE_OK);
    CHECK(same(counted, plain));
    CHECK_STATUS(kare_plan_progress_json_v2(&counted, NULL, plan, as_of, 10, rep, 3, 2), KARE_ERROR_NOT_FOUND);
    REFUSED_WITH(kare_plan_progress_json_v2(&counted, NULL, plan, as_of, 10, NULL, 4, 2), KARE_ERROR_INVALID_ARGUMENT, "rep is NULL");
    CHECK_STATUS(kare_plan_pipeline_json_v2(&counted, NULL, plan, as_of, 10, rep, 4), KARE_OK);
    CHECK_STATUS(kare_plan_pipeline_json(&plain, NULL, plan, "2026-11-23", "maya"), KARE_OK);
    CHECK(same(counted, plain));
    CHECK_STATUS(kare_plan_pipeline_json_v2(&counted, NULL, plan, as_of, 10, NULL, 0), KARE_OK);
    kare_string_free(counted);
    CHECK_STATUS(kare_plan_pipeline_json_v2(&counted, NULL, plan, as_of, 10, rep, 2), KARE_ERROR_NOT_FOUND);
    REFUSED_WITH(kare_plan_pipeline_json_v2(&counted, NULL, plan, "2020-01-01", 10, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "before the plan's first fact");
    REFUSED_WITH(kare_plan_pipeline_json_v2(&counted, NULL, plan, as_of, 11, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "as_of");

    kare_report *report = NULL, *plain_report = NULL;
    CHECK_STATUS(kare_report_new_v2(&report, plan, as_of, 10, rep, 4), KARE_OK);
    CHECK_STATUS(kare_report_new(&plain_report, plan, "2026-11-23", "maya"), KARE_OK);
    CHECK_STATUS(kare_report_to_json(&counted, NULL, report), KARE_OK);
    CHECK_STATUS(kare_report_to_json(&plain, NULL, plain_report), KARE_OK);
    CHECK(same(counted, plain));
    kare_report_free(report);
    kare_report_free(plain_report);
    report = (kare_report *)0x1;
    CHECK_STATUS(kare_report_new_v2(&report, plan, as_of, 10, rep, 3), KARE_ERROR_NOT_FOUND);
    CHECK(report == NULL);
    REFUSED_WITH(kare_report_new_v2(&report, plan, "2020-01-01", 10, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "before the plan's first fact");
    REFUSED_WITH(kare_report_new_v2(&report, plan, as_of, 10, "ma\0ya", 5), KARE_ERROR_INVALID_ARGUMENT, "rep contains a NUL byte");

    kare_pipeline *pipeline = NULL;
    CHECK_STATUS(kare_pipeline_new_v2(&pipeline, plan, as_of, 10, rep, 4), KARE_OK);
    size_t groups = 0;
    CHECK_STATUS(kare_pipeline_group_count(&groups, pipeline, KARE_PIPELINE_BY_REP), KARE_OK);
    CHECK(groups >= 1);
    kare_pipeline_free(pipeline);
    CHECK_STATUS(kare_pipeline_new_v2(&pipeline, plan, as_of, 10, rep, 1), KARE_ERROR_NOT_FOUND);
    REFUSED_WITH(kare_pipeline_new_v2(&pipeline, plan, "2020-01-01", 10, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "before the plan's first fact");
    REFUSED_WITH(kare_pipeline_new_v2(&pipeline, plan, NULL, 0, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "as_of is NULL");

    const char *found = NULL, *plain_found = NULL;
    size_t found_len = 0;
    CHECK_STATUS(kare_import_mapping_builtin_v2(&found, &found_len, mapping, 7), KARE_OK);
    CHECK_STATUS(kare_import_mapping_builtin(&plain_found, NULL, "hubspot"), KARE_OK);
    CHECK(found == plain_found && found_len == strlen(found));
    REFUSED_WITH(kare_import_mapping_builtin_v2(&found, NULL, mapping, 3), KARE_ERROR_NOT_FOUND, "'hub'");
    REFUSED_WITH(kare_import_mapping_builtin_v2(&found, NULL, NULL, 3), KARE_ERROR_INVALID_ARGUMENT, "name is NULL");
    REFUSED_WITH(kare_import_mapping_builtin_v2(NULL, NULL, mapping, 7), KARE_ERROR_INVALID_ARGUMENT, "out");

    /* Accepting moves: nothing changes on a refusal, and the counted call
     * accepts what the NUL-terminated one would. */
    char *before = plan_text(plan);
    size_t accepted = 99;
    CHECK_STATUS(kare_plan_accept_moves_v2(&accepted, plan, as_of, 10, code, 15, account, 7, NULL, 0, NULL, 0), KARE_ERROR_NOT_FOUND);
    CHECK(accepted == 0);
    REFUSED_WITH(kare_plan_accept_moves_v2(&accepted, plan, as_of, 10, code, 15, NULL, 0, NULL, 5, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "on is NULL with a length of 5");
    REFUSED_WITH(kare_plan_accept_moves_v2(&accepted, plan, as_of, 10, code, 14, NULL, 0, NULL, 0, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "move.attain_wo");
    REFUSED_WITH(kare_plan_accept_moves_v2(&accepted, plan, as_of, 10, NULL, 0, NULL, 0, NULL, 0, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "");
    REFUSED_WITH(kare_plan_accept_moves_v2(&accepted, plan, as_of, 10, code, 15, NULL, 0, NULL, 0, "wh\0y", 4), KARE_ERROR_INVALID_ARGUMENT, "reason contains a NUL byte");
    REFUSED_WITH(kare_plan_accept_moves_v2(&accepted, NULL, as_of, 10, code, 15, NULL, 0, NULL, 0, NULL, 0), KARE_ERROR_INVALID_ARGUMENT, "plan");
    char *after = plan_text(plan);
    CHECK(same(before, after));
    kare_plan *twin = load_example();
    size_t plain_accepted = 0;
    const kare_status plain_status = kare_plan_accept_moves(&plain_accepted, twin, "2026-11-23", "move.attain_won", NULL, NULL, "counted");
    const kare_status counted_status = kare_plan_accept_moves_v2(&accepted, plan, as_of, 10, code, 15, NULL, 0, as_of, 10, "counted reason", 7);
    CHECK(plain_status == counted_status && plain_accepted == accepted);
    if (plain_status == KARE_OK)
        CHECK(same(plan_text(plan), plan_text(twin)));
    /* `on` before a decision already recorded. */
    if (plain_status == KARE_OK)
        CHECK_STATUS(kare_plan_accept_moves_v2(&accepted, plan, as_of, 10, NULL, 0, account, 7, "2000-01-01", 10, NULL, 0), KARE_ERROR_NOT_FOUND);
    kare_plan_free(twin);
    kare_plan_free(plan);
}


/* A stream classified within set bounds: a line, its nesting, its strings. */
static void test_batch_options(void)
{
    kare_plan *plan = load_example();
    const char *jsonl =
        "{\"id\":\"P-1\",\"name\":\"Prospect\",\"owner\":\"anyone\",\"relationship\":\"prospect\","
        "\"attributes\":{\"risk\":\"low\",\"growth_potential\":\"high\"}}\n"
        "{\"id\":\"C-2\",\"name\":\"A client with a long name\",\"owner\":\"maya\",\"relationship\":\"client\","
        "\"attributes\":{\"risk\":\"high\",\"profitability\":\"low\"}}\n";
    char *out = NULL, *plain = NULL;
    kare_read_options read = KARE_READ_OPTIONS_INIT;
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 0, &read), KARE_OK);
    CHECK_STATUS(kare_plan_classify_jsonl(&plain, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 0), KARE_OK);
    CHECK(same(out, plain));
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 0, NULL), KARE_OK);
    kare_string_free(out);
    /* Limits of a plan, not of a stream, change nothing. */
    read.max_accounts = 1;
    read.max_deals = 1;
    read.max_activities = 1;
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 0, &read), KARE_OK);
    kare_string_free(out);
    read.max_string_bytes = 20; /* "A client with a long name" is 25 */
    out = (char *)0x1;
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 0, &read), KARE_ERROR_LIMIT);
    CHECK(out == NULL);
    CHECK(strncmp(kare_error_path(), "line 2", 6) == 0);
    /* Answered in place with the skip flag. */
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, KARE_JSONL_SKIP_INVALID, &read), KARE_OK);
    CHECK(out && strstr(out, "{\"line\":2,\"error\":{\"code\":\"limit_exceeded\"") != NULL);
    kare_string_free(out);
    read.max_string_bytes = 0;
    /* As long as the first line: the second is longer. */
    read.max_document_bytes = (uint64_t)(strchr(jsonl, '\n') - jsonl);
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 0, &read), KARE_ERROR_LIMIT);
    CHECK(strncmp(kare_error_path(), "line 2", 6) == 0);
    read.max_document_bytes = 0;
    read.max_depth = 1;
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 0, &read), KARE_ERROR_LIMIT);
    CHECK(strncmp(kare_error_path(), "line 1", 6) == 0);
    read.max_depth = 0;
    read.version = KARE_READ_OPTIONS_VERSION + 1;
    REFUSED_WITH(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 0, &read), KARE_ERROR_INVALID_ARGUMENT, "version");
    REFUSED_WITH(kare_plan_classify_jsonl_v2(&out, NULL, plan, jsonl, KARE_NUL_TERMINATED, 1, 4, NULL), KARE_ERROR_INVALID_ARGUMENT, "flags");
    REFUSED_WITH(kare_plan_classify_jsonl_v2(&out, NULL, NULL, jsonl, KARE_NUL_TERMINATED, 1, 0, NULL), KARE_ERROR_INVALID_ARGUMENT, "plan");
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, "{\"id\":", KARE_NUL_TERMINATED, 1, 0, NULL), KARE_ERROR_PARSE);
    const char *bad = "{\"id\":\"B\",\"name\":\"B\",\"owner\":\"o\",\"relationship\":\"client\","
                      "\"attributes\":{\"risk\":\"extreme\"}}\n";
    CHECK_STATUS(kare_plan_classify_jsonl_v2(&out, NULL, plan, bad, KARE_NUL_TERMINATED, 1, 0, NULL), KARE_ERROR_INVALID_PLAN);
    kare_plan_free(plan);
}

static const char companies_csv[] =
    "Record ID,Company name,Company owner,Lifecycle Stage\n"
    "9001,Acme Tooling,Maya Chen,Customer\n"
    "9014,Nova Robotics,Leo Okafor,Opportunity\n"
    "9030,Orbit Labs,Maya Chen,Customer\n";

/* An import with counted names and set bounds: each file, each field, and
 * the plan it makes; every refusal leaves the plan as it was. */
static void test_import_options(void)
{
    const char *hubspot = NULL;
    CHECK_STATUS(kare_import_mapping_builtin(&hubspot, NULL, "hubspot"), KARE_OK);
    const char names[] = "companies.csv|deals.csv";
    kare_csv_file_v2 file = {names, 13, companies_csv, sizeof companies_csv - 1};
    kare_plan *plan = NULL, *twin = NULL;
    const char *empty = "{\"format\":\"kare-plan\",\"version\":1}";
    CHECK_STATUS(kare_plan_load(&plan, empty, KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_load(&twin, empty, KARE_NUL_TERMINATED), KARE_OK);
    char *report = NULL, *plain = NULL;
    CHECK_STATUS(kare_plan_import_csv_v2(&report, NULL, plan, hubspot, KARE_NUL_TERMINATED, &file, 1, "2026-11-23xx", 10, NULL), KARE_OK);
    kare_csv_file old = {"companies.csv", companies_csv, KARE_NUL_TERMINATED};
    CHECK_STATUS(kare_plan_import_csv(&plain, NULL, twin, hubspot, KARE_NUL_TERMINATED, &old, 1, "2026-11-23"), KARE_OK);
    CHECK(report && strstr(report, "\"source\": \"companies.csv\"") != NULL);
    CHECK(same(report, plain));
    CHECK(same(plan_text(plan), plan_text(twin)));
    kare_plan_free(twin);

    kare_plan *fresh = NULL;
    CHECK_STATUS(kare_plan_load(&fresh, empty, KARE_NUL_TERMINATED), KARE_OK);
    char *before = plan_text(fresh);
    kare_read_options read = KARE_READ_OPTIONS_INIT;
    read.max_accounts = 2;
    report = (char *)0x1;
    REFUSED_WITH(kare_plan_import_csv_v2(&report, NULL, fresh, hubspot, KARE_NUL_TERMINATED, &file, 1, "2026-11-23", 10, &read), KARE_ERROR_LIMIT, "more than 2 accounts (3)");
    CHECK(report == NULL);
    CHECK(strcmp(kare_error_path(), "accounts") == 0);
    read.max_accounts = 3;
    CHECK_STATUS(kare_plan_import_csv_v2(NULL, NULL, plan, hubspot, KARE_NUL_TERMINATED, &file, 1, "2026-11-23", 10, &read), KARE_OK);
    read.max_accounts = 0;
    read.max_document_bytes = 50;
    REFUSED_WITH(kare_plan_import_csv_v2(NULL, NULL, fresh, hubspot, KARE_NUL_TERMINATED, &file, 1, "2026-11-23", 10, &read), KARE_ERROR_LIMIT, "");
    CHECK(strstr(kare_error_path(), "companies.csv") != NULL || strstr(kare_error_message(), "companies.csv") != NULL);
    read.max_document_bytes = 0;
    read.max_string_bytes = 8; /* "Nova Robotics" is 13 */
    CHECK_STATUS(kare_plan_import_csv_v2(NULL, NULL, fresh, hubspot, KARE_NUL_TERMINATED, &file, 1, "2026-11-23", 10, &read), KARE_ERROR_LIMIT);
    read.max_string_bytes = 0;
    read.version = 0;
    REFUSED_WITH(kare_plan_import_csv_v2(NULL, NULL, fresh, hubspot, KARE_NUL_TERMINATED, &file, 1, "2026-11-23", 10, &read), KARE_ERROR_INVALID_ARGUMENT, "version");
    kare_csv_file_v2 nul_name = {"comp\0anies.csv", 14, companies_csv, KARE_NUL_TERMINATED};
    REFUSED_WITH(kare_plan_import_csv_v2(NULL, NULL, fresh, hubspot, KARE_NUL_TERMINATED, &nul_name, 1, "2026-11-23", 10, NULL), KARE_ERROR_INVALID_ARGUMENT, "files[0].name contains a NUL byte");
    kare_csv_file_v2 no_name = {NULL, 3, companies_csv, KARE_NUL_TERMINATED};
    REFUSED_WITH(kare_plan_import_csv_v2(NULL, NULL, fresh, hubspot, KARE_NUL_TERMINATED, &no_name, 1, "2026-11-23", 10, NULL), KARE_ERROR_INVALID_ARGUMENT, "files[0].name is NULL");
    REFUSED_WITH(kare_plan_import_csv_v2(NULL, NULL, fresh, hubspot, KARE_NUL_TERMINATED, &file, 1, "2026-11-2", 9, NULL), KARE_ERROR_INVALID_ARGUMENT, "as_of '2026-11-2'");
    REFUSED_WITH(kare_plan_import_csv_v2(NULL, NULL, fresh, hubspot, KARE_NUL_TERMINATED, NULL, 1, "2026-11-23", 10, NULL), KARE_ERROR_INVALID_ARGUMENT, "files");
    REFUSED_WITH(kare_plan_import_csv_v2(NULL, NULL, NULL, hubspot, KARE_NUL_TERMINATED, &file, 1, "2026-11-23", 10, NULL), KARE_ERROR_INVALID_ARGUMENT, "plan");
    CHECK_STATUS(kare_plan_import_csv_v2(NULL, NULL, fresh, "{", 1, &file, 1, "2026-11-23", 10, NULL), KARE_ERROR_PARSE);
    kare_csv_file_v2 broken = {"companies.csv", KARE_NUL_TERMINATED, "Record ID,Company name\n\"9001,x\n", KARE_NUL_TERMINATED};
    CHECK_STATUS(kare_plan_import_csv_v2(NULL, NULL, fresh, hubspot, KARE_NUL_TERMINATED, &broken, 1, "2026-11-23", 10, NULL), KARE_ERROR_INVALID_ARGUMENT);
    char *after = plan_text(fresh);
    CHECK(same(before, after));
    kare_plan_free(fresh);
    kare_plan_free(plan);
}

static char *report_json_with(const kare_plan *plan, const kare_report_options *options)
{
    kare_report *report = NULL;
    char *json = NULL;
    CHECK_STATUS(kare_report_new_with_options(&report, plan, "2026-11-23", KARE_NUL_TERMINATED,
                                              options),
                 KARE_OK);
    if (report != NULL)
        CHECK_STATUS(kare_report_to_json(&json, NULL, report), KARE_OK);
    kare_report_free(report);
    return json;
}

static char *plain_report_json(const kare_plan *plan, const char *rep)
{
    kare_report *report = NULL;
    char *json = NULL;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", rep), KARE_OK);
    if (report != NULL)
        CHECK_STATUS(kare_report_to_json(&json, NULL, report), KARE_OK);
    kare_report_free(report);
    return json;
}

static size_t length_of(char *json)
{
    const size_t n = json != NULL ? strlen(json) : 0;
    kare_string_free(json);
    return n;
}

/* Which accounts a report explains, chosen from C; bad options refused with
 * nothing made. */
static void test_report_options(void)
{
    kare_plan *plan = load_example();
    kare_report_options options = KARE_REPORT_OPTIONS_INIT;
    CHECK(options.version == 1 && options.explain == KARE_EXPLAIN_ALL && options.rep == NULL &&
          options.rep_len == 0 && options.explain_account == NULL &&
          options.explain_account_len == 0);
    options.explain = KARE_EXPLAIN_NONE;
    options.rep = "leo";
    CHECK_STATUS(kare_report_options_init(&options, KARE_REPORT_OPTIONS_VERSION), KARE_OK);
    CHECK(options.explain == KARE_EXPLAIN_ALL && options.rep == NULL);
    REFUSED_WITH(kare_report_options_init(&options, 0), KARE_ERROR_INVALID_ARGUMENT, "version 0");
    REFUSED_WITH(kare_report_options_init(&options, KARE_REPORT_OPTIONS_VERSION + 1),
                 KARE_ERROR_INVALID_ARGUMENT, "version");
    CHECK_STATUS(kare_report_options_init(NULL, KARE_REPORT_OPTIONS_VERSION),
                 KARE_ERROR_INVALID_ARGUMENT);

    /* NULL options and the defaults give kare_report_new()'s report. */
    const size_t all = length_of(plain_report_json(plan, NULL));
    CHECK(same(report_json_with(plan, NULL), plain_report_json(plan, NULL)));
    kare_report_options defaults = KARE_REPORT_OPTIONS_INIT;
    CHECK(same(report_json_with(plan, &defaults), plain_report_json(plan, NULL)));

    /* Fewer explanations, a smaller document; every account still placed. */
    kare_report_options none = KARE_REPORT_OPTIONS_INIT;
    none.explain = KARE_EXPLAIN_NONE;
    char *none_json = report_json_with(plan, &none);
    CHECK(none_json != NULL && strstr(none_json, "\"checks\"") == NULL);
    CHECK(none_json != NULL && strstr(none_json, "\"EVR-005\"") != NULL);
    const size_t none_size = length_of(none_json);
    kare_report_options needed = KARE_REPORT_OPTIONS_INIT;
    needed.explain = KARE_EXPLAIN_NEEDED;
    const size_t needed_size = length_of(report_json_with(plan, &needed));
    CHECK(none_size < needed_size && needed_size < all);

    /* One account, counted: only it is explained. */
    kare_report_options one = KARE_REPORT_OPTIONS_INIT;
    one.explain = KARE_EXPLAIN_NONE;
    one.explain_account = "EVR-005 and more";
    one.explain_account_len = 7;
    char *one_json = report_json_with(plan, &one);
    CHECK(one_json != NULL && strstr(one_json, "\"checks\"") != NULL);
    const size_t one_size = length_of(one_json);
    CHECK(none_size < one_size && one_size < needed_size);

    /* A rep, counted: the report kare_report_new() gives for that rep. */
    kare_report_options leo = KARE_REPORT_OPTIONS_INIT;
    leo.rep = "leo!";
    leo.rep_len = 3;
    CHECK(same(report_json_with(plan, &leo), plain_report_json(plan, "leo")));

    /* Refused, nothing made. */
    kare_report *report = (kare_report *)(void *)&options; /* set to NULL on failure */
    kare_report_options bad = KARE_REPORT_OPTIONS_INIT;
    bad.version = 0;
    REFUSED_WITH(kare_report_new_with_options(&report, plan, "2026-11-23", KARE_NUL_TERMINATED, &bad),
                 KARE_ERROR_INVALID_ARGUMENT, "options version 0");
    CHECK(report == NULL);
    bad.version = KARE_REPORT_OPTIONS_VERSION + 1;
    REFUSED_WITH(kare_report_new_with_options(&report, plan, "2026-11-23", KARE_NUL_TERMINATED, &bad),
                 KARE_ERROR_INVALID_ARGUMENT, "options version");
    bad = (kare_report_options)KARE_REPORT_OPTIONS_INIT;
    bad.explain = 3;
    REFUSED_WITH(kare_report_new_with_options(&report, plan, "2026-11-23", KARE_NUL_TERMINATED, &bad),
                 KARE_ERROR_INVALID_ARGUMENT, "options explain 3");
    CHECK(strcmp(kare_error_path(), "options.explain") == 0);
    bad.explain = -1;
    REFUSED_WITH(kare_report_new_with_options(&report, plan, "2026-11-23", KARE_NUL_TERMINATED, &bad),
                 KARE_ERROR_INVALID_ARGUMENT, "options explain -1");
    bad = (kare_report_options)KARE_REPORT_OPTIONS_INIT;
    bad.explain_account = "NOBODY-1";
    bad.explain_account_len = KARE_NUL_TERMINATED;
    REFUSED_WITH(kare_report_new_with_options(&report, plan, "2026-11-23", KARE_NUL_TERMINATED, &bad),
                 KARE_ERROR_NOT_FOUND, "NOBODY-1");
    CHECK(report == NULL);
    bad.explain_account = "bad \xff id";
    REFUSED_WITH(kare_report_new_with_options(&report, plan, "2026-11-23", KARE_NUL_TERMINATED, &bad),
                 KARE_ERROR_INVALID_ARGUMENT, "options.explain_account");
    bad = (kare_report_options)KARE_REPORT_OPTIONS_INIT;
    bad.rep = "nobody";
    bad.rep_len = KARE_NUL_TERMINATED;
    REFUSED_WITH(kare_report_new_with_options(&report, plan, "2026-11-23", KARE_NUL_TERMINATED, &bad),
                 KARE_ERROR_NOT_FOUND, "nobody");
    REFUSED_WITH(kare_report_new_with_options(&report, plan, "23/11/2026", KARE_NUL_TERMINATED, NULL),
                 KARE_ERROR_INVALID_ARGUMENT, "as_of");
    REFUSED_WITH(kare_report_new_with_options(&report, NULL, "2026-11-23", KARE_NUL_TERMINATED, NULL),
                 KARE_ERROR_INVALID_ARGUMENT, "plan");
    CHECK_STATUS(kare_report_new_with_options(NULL, plan, "2026-11-23", KARE_NUL_TERMINATED, NULL),
                 KARE_ERROR_INVALID_ARGUMENT);
    CHECK(report == NULL);
    kare_plan_free(plan);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s EXAMPLE.json SCRATCH_DIR\n", argv[0]);
        return 2;
    }
    example_path = argv[1];
    scratch = argv[2];
    test_render_options();
    test_counted_paths();
    test_counted_forms();
    test_batch_options();
    test_import_options();
    test_report_options();
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
