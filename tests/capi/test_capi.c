/* The C API tested from C: every function, every reachable status, argument
 * validation, ownership, and concurrent readers. Run under ASan (leaks) in CI. */
#define _POSIX_C_SOURCE 200809L /* dirent.h and pthread.h under -std=c99 */

#include <kare/kare.h>

#include "status_log.h"

#include <dirent.h>
#include <pthread.h>
#include <sched.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* A call refused with KARE_ERROR_INVALID_ARGUMENT whose message names the
 * argument at fault. */
#define REFUSED(call, argument)                                                          \
    do {                                                                                 \
        CHECK_STATUS(call, KARE_ERROR_INVALID_ARGUMENT);                                 \
        CHECK(strstr(kare_error_message(), argument) != NULL);                           \
    } while (0)

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    size_t got = fread(text, 1, (size_t)size, f);
    text[got] = '\0';
    fclose(f);
    return text;
}

static const char *example_path;

static kare_plan *load_example(void)
{
    kare_plan *plan = NULL;
    CHECK_STATUS(kare_plan_load_file(&plan, example_path), KARE_OK);
    return plan;
}

static void test_versions(void)
{
    CHECK(kare_version_number() == KARE_C_VERSION_NUMBER);
    CHECK(kare_abi_version() == KARE_C_ABI_VERSION);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", KARE_C_VERSION_MAJOR, KARE_C_VERSION_MINOR,
             KARE_C_VERSION_PATCH);
    CHECK(strcmp(kare_version_string(), expected) == 0);
}

static void test_status_names(void)
{
    CHECK(strcmp(kare_status_str(KARE_OK), "ok") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_INVALID_ARGUMENT), "invalid_argument") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_PARSE), "parse_error") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_INVALID_PLAN), "invalid_plan") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_NOT_FOUND), "not_found") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_CONFLICT), "conflict") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_LIMIT), "limit_exceeded") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_UNSUPPORTED_VERSION), "unsupported_version") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_IO), "io_error") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_NO_MEMORY), "out_of_memory") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_INTERNAL), "internal") == 0);
    CHECK(strcmp(kare_status_str(KARE_ERROR_MISUSE), "misuse") == 0);
    CHECK(strcmp(kare_status_str(-12), "unknown") == 0);
    CHECK(strcmp(kare_status_str(1), "unknown") == 0);
}

static void test_placement_names(void)
{
    static const char *names[] = {"keep", "attain", "recapture", "expand", "fired", "unassigned", "open"};
    for (int32_t p = KARE_PLACEMENT_KEEP; p <= KARE_PLACEMENT_OPEN; ++p)
        CHECK(strcmp(kare_placement_str(p), names[p]) == 0);
    CHECK(strcmp(kare_placement_str(7), "unknown") == 0);
    CHECK(strcmp(kare_placement_str(-1), "unknown") == 0);
}

static void test_load_errors(void)
{
    kare_plan *plan = (kare_plan *)0x1;
    CHECK_STATUS(kare_plan_load(&plan, "{", KARE_NUL_TERMINATED), KARE_ERROR_PARSE);
    CHECK(plan == NULL);
    CHECK(kare_error_code() == KARE_ERROR_PARSE);
    CHECK(strstr(kare_error_message(), "line 1") != NULL);
    CHECK(strcmp(kare_error_labelled_path(), kare_error_path()) == 0);

    const char *bad_owner =
        "{\"format\":\"kare-plan\",\"version\":1,\"reps\":[{\"id\":\"a\"}],"
        "\"accounts\":[{\"id\":\"X\",\"name\":\"X\",\"owner\":\"b\",\"relationship\":\"client\"}]}";
    CHECK_STATUS(kare_plan_load(&plan, bad_owner, strlen(bad_owner)), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "accounts[0].owner") == 0);
    /* For a person, the account is named by its id too. */
    CHECK(strcmp(kare_error_labelled_path(), "accounts[0] (X).owner") == 0);

    const char *future = "{\"format\":\"kare-plan\",\"version\":99}";
    CHECK_STATUS(kare_plan_load(&plan, future, KARE_NUL_TERMINATED), KARE_ERROR_UNSUPPORTED_VERSION);

    char deep[400];
    memset(deep, '[', 200);
    memset(deep + 200, ']', 200);
    CHECK_STATUS(kare_plan_load(&plan, deep, sizeof deep), KARE_ERROR_LIMIT);

    CHECK_STATUS(kare_plan_load_file(&plan, "/nonexistent/plan.json"), KARE_ERROR_IO);
    CHECK(strstr(kare_error_message(), "/nonexistent/plan.json") != NULL);
    CHECK_STATUS(kare_plan_load_file(&plan, "/tmp"), KARE_ERROR_IO);

    /* A length that covers an embedded NUL is refused, not truncated. */
    CHECK_STATUS(kare_plan_load(&plan, "{}\0{}", 5), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_load(&plan, NULL, 3), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_load(NULL, "{}", 2), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_load_file(&plan, NULL), KARE_ERROR_INVALID_ARGUMENT);

    /* A successful call clears the last error. */
    kare_plan *good = load_example();
    CHECK(kare_error_code() == KARE_OK);
    CHECK(strcmp(kare_error_message(), "") == 0);
    kare_plan_free(good);
    kare_error_clear();
    CHECK(kare_error_code() == KARE_OK);
}

static void test_round_trip(void)
{
    kare_plan *plan = load_example();
    char *first = NULL, *second = NULL;
    size_t first_len = 0, second_len = 0;
    CHECK_STATUS(kare_plan_to_json(&first, &first_len, plan), KARE_OK);
    CHECK(first_len == strlen(first));
    char *file = read_file(example_path);
    CHECK(file && strcmp(file, first) == 0);
    kare_plan *again = NULL;
    CHECK_STATUS(kare_plan_load(&again, first, first_len), KARE_OK);
    CHECK_STATUS(kare_plan_to_json(&second, NULL, again), KARE_OK);
    CHECK(strcmp(first, second) == 0);
    (void)second_len;
    free(file);
    kare_string_free(first);
    kare_string_free(second);
    kare_plan_free(again);
    kare_plan_free(plan);
    kare_string_free(NULL);
    kare_plan_free(NULL);
    kare_report_free(NULL);
}

static void test_accessors(void)
{
    kare_plan *plan = load_example();
    size_t count = 0;
    CHECK_STATUS(kare_plan_account_count(&count, plan), KARE_OK);
    CHECK(count == 26);
    int32_t where = -1;
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "ACME-001", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_KEEP);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "EVR-005xyz", 7), KARE_OK);
    CHECK(where == KARE_PLACEMENT_UNASSIGNED);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "IRN-009", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_FIRED);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "HLX-008", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_EXPAND);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "NOPE", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_account_placement(NULL, plan, "ACME-001", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_account_placement(&where, NULL, "ACME-001", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_account_count(&count, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_account_count(NULL, plan), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_rep_count(&count, plan), KARE_OK);
    CHECK(count == 2);
    REFUSED(kare_plan_rep_count(NULL, plan), "out");
    REFUSED(kare_plan_rep_count(&count, NULL), "plan");
    kare_plan_free(plan);

    /* A plan with no reps (what `kare check` reports). */
    CHECK_STATUS(kare_plan_load(&plan, "{\"format\":\"kare-plan\",\"version\":1}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_rep_count(&count, plan), KARE_OK);
    CHECK(count == 0);
    kare_plan_free(plan);
}

/* Every account's placement in one call: the same as asking account by
 * account, in plan order, for the whole plan or one rep. */
static void test_placements(void)
{
    kare_plan *plan = load_example();
    char *all = NULL;
    size_t len = 0, count = 0, accounts = 0;
    CHECK_STATUS(kare_plan_placements(&all, &len, &count, plan, NULL), KARE_OK);
    CHECK_STATUS(kare_plan_account_count(&accounts, plan), KARE_OK);
    CHECK(all != NULL);
    CHECK(count == accounts);
    size_t seen = 0, per_placement[7] = {0};
    const char *id = all + count;
    for (size_t i = 0; i < count; ++i, id += strlen(id) + 1) {
        int32_t one = -1;
        CHECK_STATUS(kare_plan_account_placement(&one, plan, id, KARE_NUL_TERMINATED), KARE_OK);
        CHECK(one == (int32_t)all[i]);
        CHECK(all[i] >= KARE_PLACEMENT_KEEP && all[i] < KARE_PLACEMENT_OPEN);
        ++per_placement[(int)all[i]];
        ++seen;
    }
    CHECK(seen == 26);
    CHECK(id == all + len);
    CHECK(strcmp(all + count, "ACME-001") == 0); /* plan order */
    /* What the report counts. */
    CHECK(per_placement[KARE_PLACEMENT_KEEP] == 6 && per_placement[KARE_PLACEMENT_ATTAIN] == 4);
    CHECK(per_placement[KARE_PLACEMENT_RECAPTURE] == 4 && per_placement[KARE_PLACEMENT_EXPAND] == 5);
    CHECK(per_placement[KARE_PLACEMENT_FIRED] == 2 && per_placement[KARE_PLACEMENT_UNASSIGNED] == 5);

    /* A decision shows at once. */
    CHECK_STATUS(kare_plan_fire(plan, "ACME-001", "2026-11-23", "why", "end_relationship"), KARE_OK);
    char *after = NULL;
    CHECK_STATUS(kare_plan_placements(&after, NULL, &count, plan, ""), KARE_OK);
    CHECK(count == 26 && after[0] == KARE_PLACEMENT_FIRED);
    kare_string_free(after);

    /* One rep's accounts, in plan order: maya owns the first 13. */
    char *maya = NULL;
    CHECK_STATUS(kare_plan_placements(&maya, &len, &count, plan, "maya"), KARE_OK);
    CHECK(count == 13);
    CHECK(memcmp(maya + 1, all + 1, count - 1) == 0);
    CHECK(strcmp(maya + count, "ACME-001") == 0);
    kare_string_free(maya);
    kare_string_free(all);

    /* Errors: an unknown rep, NULL arguments; the output is NULL after each. */
    char *none = (char *)0x1;
    CHECK_STATUS(kare_plan_placements(&none, &len, &count, plan, "nobody"), KARE_ERROR_NOT_FOUND);
    CHECK(none == NULL);
    CHECK(strstr(kare_error_message(), "nobody") != NULL);
    REFUSED(kare_plan_placements(NULL, &len, &count, plan, NULL), "out");
    REFUSED(kare_plan_placements(&none, &len, NULL, plan, NULL), "out_count");
    REFUSED(kare_plan_placements(&none, &len, &count, NULL, NULL), "plan");
    CHECK(none == NULL);
    kare_plan_free(plan);

    /* No accounts: an empty buffer, still owned. */
    CHECK_STATUS(kare_plan_load(&plan, "{\"format\":\"kare-plan\",\"version\":1}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_placements(&none, &len, &count, plan, NULL), KARE_OK);
    CHECK(none != NULL && count == 0 && len == 0);
    kare_string_free(none);
    kare_plan_free(plan);
}

/* The finding-code table (what `kare codes` prints): every code a report
 * raises is listed once, with its severity. */
static void test_finding_codes(void)
{
    char *codes = NULL;
    size_t len = 0;
    CHECK_STATUS(kare_finding_codes_json(&codes, &len), KARE_OK);
    CHECK(codes && len == strlen(codes));
    CHECK(codes && strstr(codes, "\"format\": \"kare-finding-codes\"") != NULL);
    CHECK(codes && strstr(codes, "\"code\": \"account.ambiguous\"") != NULL);
    CHECK(codes && strstr(codes, "\"severity\": \"warning\"") != NULL);

    kare_plan *plan = load_example();
    kare_report *report = NULL;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    size_t findings = 0;
    CHECK_STATUS(kare_report_finding_count(&findings, report), KARE_OK);
    for (size_t i = 0; codes && i < findings; ++i) {
        const char *code = NULL;
        char quoted[128];
        CHECK_STATUS(kare_report_finding_code(&code, report, i), KARE_OK);
        snprintf(quoted, sizeof quoted, "\"code\": \"%s\"", code ? code : "");
        const char *at = strstr(codes, quoted);
        CHECK(at != NULL);
        CHECK(at == NULL || strstr(at + 1, quoted) == NULL);
    }
    kare_report_free(report);
    kare_plan_free(plan);
    kare_string_free(codes);

    char *again = NULL;
    CHECK_STATUS(kare_finding_codes_json(&again, NULL), KARE_OK);
    kare_string_free(again);
    REFUSED(kare_finding_codes_json(NULL, &len), "out");
}

static char *plan_text(const kare_plan *plan)
{
    char *text = NULL;
    CHECK_STATUS(kare_plan_to_json(&text, NULL, plan), KARE_OK);
    return text;
}

static void test_ledger(void)
{
    kare_plan *plan = load_example();
    char *before = plan_text(plan);

    /* Refusals change nothing. */
    CHECK_STATUS(kare_plan_assign(plan, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23", NULL), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_assign(plan, "NOPE", KARE_PLACEMENT_KEEP, "2026-11-23", NULL), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_FIRED, "2026-11-23", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_KEEP, "2026-02-30", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_KEEP, NULL, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_assign(NULL, "EVR-005", KARE_PLACEMENT_KEEP, "2026-11-23", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23", ""), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_KEEP, "2026-11-23", "same"), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_move(plan, "DLT-004", 42, "2026-11-23", "why"), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_fire(plan, "DLT-004", "2026-11-23", "why", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_fire(plan, "IRN-009", "2026-11-23", "why", "end_relationship"), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_remove_account(plan, "NOPE", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_add_account(plan, "{\"id\":\"ACME-001\",\"name\":\"Dup\",\"owner\":\"maya\",\"relationship\":\"client\"}", KARE_NUL_TERMINATED), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_add_account(plan, "{\"id\":\"N-1\",\"name\":\"New\",\"owner\":\"maya\",\"relationship\":\"client\",\"attributes\":{\"risk\":\"huge\"}}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "accounts[26].attributes.risk") == 0);
    CHECK(strcmp(kare_error_labelled_path(), "accounts[26] (N-1).attributes.risk") == 0);
    CHECK_STATUS(kare_plan_add_account(plan, "{\"id\":", KARE_NUL_TERMINATED), KARE_ERROR_PARSE);
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);

    /* Accepted operations. */
    int32_t where = -1;
    CHECK_STATUS(kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_EXPAND, "2026-11-23", "Rollout"), KARE_OK);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "EVR-005", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_EXPAND);
    CHECK_STATUS(kare_plan_move(plan, "EVR-005", KARE_PLACEMENT_KEEP, "2026-11-24", "Rollout paused"), KARE_OK);
    CHECK_STATUS(kare_plan_move(plan, "EVR-005", KARE_PLACEMENT_OPEN, "2026-11-25", "Let the profiles decide"), KARE_OK);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "EVR-005", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_UNASSIGNED);
    CHECK_STATUS(kare_plan_fire(plan, "MRD-013", "2026-11-23", "Unprofitable", "end_relationship"), KARE_OK);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "MRD-013", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_FIRED);
    CHECK_STATUS(kare_plan_add_account(plan, "{\"id\":\"N-1\",\"name\":\"New\",\"owner\":\"leo\",\"relationship\":\"prospect\",\"attributes\":{\"risk\":\"low\",\"growth_potential\":\"high\"}}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "N-1", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_ATTAIN);
    CHECK_STATUS(kare_plan_remove_account(plan, "N-1", 3), KARE_OK);
    size_t count = 0;
    CHECK_STATUS(kare_plan_account_count(&count, plan), KARE_OK);
    CHECK(count == 26);

    kare_string_free(before);
    kare_plan_free(plan);
}

/* Removals in the middle leave the rest where the written plan has them:
 * every lookup by id, count and error position after them, across the point
 * where the plan moves its records together. */
static void test_removals_then_lookups(void)
{
    kare_plan *plan = load_example();
    size_t accounts = 0, deals = 0, activities = 0, n = 0;
    char json[256], id[32], path[64];
    CHECK_STATUS(kare_plan_account_count(&accounts, plan), KARE_OK);
    CHECK_STATUS(kare_plan_deal_count(&deals, plan), KARE_OK);
    CHECK_STATUS(kare_plan_activity_count(&activities, plan), KARE_OK);
    for (int i = 1; i <= 40; ++i) {
        snprintf(json, sizeof json, "{\"id\":\"N-%d\",\"name\":\"New\",\"owner\":\"leo\",\"relationship\":\"prospect\",\"attributes\":{\"risk\":\"low\",\"growth_potential\":\"high\"}}", i);
        CHECK_STATUS(kare_plan_add_account(plan, json, KARE_NUL_TERMINATED), KARE_OK);
        snprintf(json, sizeof json, "{\"id\":\"DN-%d\",\"account\":\"N-%d\",\"amount\":\"10.00\",\"stage\":\"proposal\",\"opened\":\"2026-11-01\",\"expected_close\":\"2026-12-01\"}", i, i);
        CHECK_STATUS(kare_plan_add_deal(plan, json, KARE_NUL_TERMINATED), KARE_OK);
        snprintf(json, sizeof json, "{\"date\":\"2026-11-20\",\"rep\":\"leo\",\"account\":\"NVA-014\",\"activity\":\"dial\",\"id\":\"X-%d\"}", i);
        CHECK_STATUS(kare_plan_add_activity(plan, json, KARE_NUL_TERMINATED), KARE_OK);
    }
    /* Remove N-1 … N-30 but the multiples of 3, from the middle of each list. */
    int removed = 0;
    for (int i = 1; i <= 30; ++i) {
        if (i % 3 == 0)
            continue;
        snprintf(id, sizeof id, "N-%d", i);
        CHECK_STATUS(kare_plan_remove_account(plan, id, KARE_NUL_TERMINATED), KARE_OK);
        snprintf(id, sizeof id, "DN-%d", i);
        CHECK_STATUS(kare_plan_remove_deal(plan, id, KARE_NUL_TERMINATED), KARE_OK);
        snprintf(id, sizeof id, "X-%d", i);
        CHECK_STATUS(kare_plan_remove_activity_by_id(plan, id, KARE_NUL_TERMINATED), KARE_OK);
        ++removed;
        /* Lookups after each removal. */
        int32_t where = -1;
        CHECK_STATUS(kare_plan_account_placement(&where, plan, "N-40", KARE_NUL_TERMINATED), KARE_OK);
        CHECK(where == KARE_PLACEMENT_ATTAIN);
        snprintf(id, sizeof id, "N-%d", i);
        CHECK_STATUS(kare_plan_account_placement(&where, plan, id, KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
        snprintf(id, sizeof id, "X-%d", i);
        CHECK_STATUS(kare_plan_remove_activity_by_id(plan, id, KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    }
    CHECK_STATUS(kare_plan_account_count(&n, plan), KARE_OK);
    CHECK(n == accounts + 40 - (size_t)removed);
    CHECK_STATUS(kare_plan_deal_count(&n, plan), KARE_OK);
    CHECK(n == deals + 40 - (size_t)removed);
    CHECK_STATUS(kare_plan_activity_count(&n, plan), KARE_OK);
    CHECK(n == activities + 40 - (size_t)removed);

    /* Positions are those of the written plan: X-3 follows the example's log. */
    char *got = NULL;
    CHECK_STATUS(kare_plan_activity_id(&got, NULL, plan, activities), KARE_OK);
    CHECK(got && strcmp(got, "X-3") == 0);
    kare_string_free(got);
    CHECK_STATUS(kare_plan_activity_id(&got, NULL, plan, n - 1), KARE_OK);
    CHECK(got && strcmp(got, "X-40") == 0);
    kare_string_free(got);
    CHECK_STATUS(kare_plan_remove_activity(plan, n - 1), KARE_OK);
    CHECK_STATUS(kare_plan_remove_activity_by_id(plan, "X-40", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_deal_json(&got, NULL, plan, "DN-31", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(got && strstr(got, "\"N-31\"") != NULL);
    kare_string_free(got);

    /* Errors name the place the record has in the written plan. */
    CHECK_STATUS(kare_plan_replace_account(plan, "{\"id\":\"N-6\",\"name\":\"New\",\"owner\":\"zed\",\"relationship\":\"prospect\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    snprintf(path, sizeof path, "accounts[%zu].owner", accounts + 1);
    CHECK(strcmp(kare_error_path(), path) == 0);
    CHECK_STATUS(kare_plan_replace_deal(plan, "{\"id\":\"DN-9\",\"account\":\"N-9\",\"amount\":\"10.00\",\"stage\":\"dreaming\",\"opened\":\"2026-11-01\",\"expected_close\":\"2026-12-01\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    snprintf(path, sizeof path, "deals[%zu].stage", deals + 2);
    CHECK(strcmp(kare_error_path(), path) == 0);
    CHECK_STATUS(kare_plan_account_count(&n, plan), KARE_OK);
    CHECK_STATUS(kare_plan_add_account(plan, "{\"id\":\"N-99\",\"name\":\"New\",\"owner\":\"zed\",\"relationship\":\"prospect\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    snprintf(path, sizeof path, "accounts[%zu].owner", n);
    CHECK(strcmp(kare_error_path(), path) == 0);

    /* The written plan reads back the same. */
    char *text = plan_text(plan);
    kare_plan *again = NULL;
    CHECK_STATUS(kare_plan_load(&again, text, strlen(text)), KARE_OK);
    char *text_again = plan_text(again);
    CHECK(strcmp(text, text_again) == 0);
    CHECK(strstr(text, "\"N-2\"") == NULL && strstr(text, "\"N-3\"") != NULL);
    kare_string_free(text_again);
    kare_string_free(text);
    kare_plan_free(again);
    kare_plan_free(plan);
}

static void test_report(void)
{
    kare_plan *plan = load_example();
    kare_report *report = NULL;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    /* The report outlives its plan. */
    kare_plan_free(plan);

    size_t n = 0;
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_KEEP), KARE_OK);
    CHECK(n == 6);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_ATTAIN), KARE_OK);
    CHECK(n == 4);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_RECAPTURE), KARE_OK);
    CHECK(n == 4);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_EXPAND), KARE_OK);
    CHECK(n == 5);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_FIRED), KARE_OK);
    CHECK(n == 2);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_UNASSIGNED), KARE_OK);
    CHECK(n == 5);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_OPEN), KARE_ERROR_INVALID_ARGUMENT);

    size_t findings = 0;
    CHECK_STATUS(kare_report_finding_count(&findings, report), KARE_OK);
    CHECK(findings == 32);
    int ambiguous = 0;
    for (size_t i = 0; i < findings; ++i) {
        const char *code = NULL;
        CHECK_STATUS(kare_report_finding_code(&code, report, i), KARE_OK);
        if (code && strcmp(code, "account.ambiguous") == 0)
            ++ambiguous;
    }
    CHECK(ambiguous == 1);
    const char *code = NULL;
    CHECK_STATUS(kare_report_finding_code(&code, report, findings), KARE_ERROR_INVALID_ARGUMENT);

    char *json = NULL;
    size_t len = 0;
    CHECK_STATUS(kare_report_to_json(&json, &len, report), KARE_OK);
    CHECK(json && strstr(json, "\"format\": \"kare-report\"") != NULL);
    CHECK(len == strlen(json));
    kare_string_free(json);
    kare_report_free(report);

    plan = load_example();
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", "leo"), KARE_OK);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_KEEP), KARE_OK);
    CHECK(n == 2);
    kare_report_free(report);
    report = (kare_report *)0x1;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", "nobody"), KARE_ERROR_NOT_FOUND);
    CHECK(report == NULL);
    CHECK_STATUS(kare_report_new(&report, plan, "23/11/2026", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_new(&report, NULL, "2026-11-23", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_to_json(&json, NULL, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_count(&findings, NULL), KARE_ERROR_INVALID_ARGUMENT);
    kare_plan_free(plan);
}

static void test_activities(void)
{
    kare_plan *plan = load_example();
    char *before = plan_text(plan);
    size_t base = 0, n = 0;
    CHECK_STATUS(kare_plan_activity_count(&base, plan), KARE_OK);
    CHECK(base > 0);
    char path[64];
    CHECK_STATUS(kare_plan_add_activity(plan, "{\"date\":\"2026-02-30\",\"rep\":\"maya\",\"account\":\"ACME-001\",\"activity\":\"dial\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    snprintf(path, sizeof path, "activities[%zu].date", base);
    CHECK(strcmp(kare_error_path(), path) == 0);
    CHECK_STATUS(kare_plan_add_activity(plan, "{\"date\":\"2026-11-20\",\"rep\":\"maya\",\"account\":\"ACME-001\",\"activity\":\"juggling\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    snprintf(path, sizeof path, "activities[%zu].activity", base);
    CHECK(strcmp(kare_error_path(), path) == 0);
    CHECK_STATUS(kare_plan_add_activity(plan, "{\"date\":\"2026-11-20\",\"rep\":\"zed\",\"account\":\"ACME-001\",\"activity\":\"dial\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    snprintf(path, sizeof path, "activities[%zu].rep", base);
    CHECK(strcmp(kare_error_path(), path) == 0);
    /* An activity has no id: the account it was for names it. */
    snprintf(path, sizeof path, "activities[%zu] (ACME-001).rep", base);
    CHECK(strcmp(kare_error_labelled_path(), path) == 0);
    CHECK_STATUS(kare_plan_add_activity(plan, "{\"date\":\"2026-11-20\",\"rep\":\"maya\",\"account\":\"NOPE\",\"activity\":\"dial\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    snprintf(path, sizeof path, "activities[%zu].account", base);
    CHECK(strcmp(kare_error_path(), path) == 0);
    CHECK_STATUS(kare_plan_remove_activity(plan, base), KARE_ERROR_NOT_FOUND);
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);

    for (int i = 0; i < 3; ++i)
        CHECK_STATUS(kare_plan_add_activity(plan, "{\"date\":\"2026-11-20\",\"rep\":\"leo\",\"account\":\"NVA-014\",\"activity\":\"dial\",\"note\":\"left a message\"}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_activity_count(&n, plan), KARE_OK);
    CHECK(n == base + 3);
    CHECK_STATUS(kare_plan_remove_activity(plan, base + 2), KARE_OK);
    CHECK_STATUS(kare_plan_activity_count(&n, plan), KARE_OK);
    CHECK(n == base + 2);

    char *progress = NULL;
    CHECK_STATUS(kare_plan_progress_json(&progress, NULL, plan, "2026-11-20", "leo", 2), KARE_OK);
    CHECK(progress && strstr(progress, "\"format\": \"kare-progress\"") != NULL);
    CHECK(progress && strstr(progress, "\"id\": \"leo\"") != NULL);
    CHECK(progress && strstr(progress, "\"id\": \"maya\"") == NULL);
    kare_string_free(progress);
    progress = (char *)0x1;
    CHECK_STATUS(kare_plan_progress_json(&progress, NULL, plan, "2026-11-20", "zed", 2), KARE_ERROR_NOT_FOUND);
    CHECK(progress == NULL);
    CHECK_STATUS(kare_plan_progress_json(&progress, NULL, plan, "20261120", NULL, 2), KARE_ERROR_INVALID_ARGUMENT);

    kare_string_free(before);
    kare_plan_free(plan);
}

static void test_deals(void)
{
    kare_plan *plan = load_example();
    char *before = plan_text(plan);
    size_t n = 0;
    CHECK_STATUS(kare_plan_deal_count(&n, plan), KARE_OK);
    CHECK(n == 15);

    int32_t state = -1;
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-101", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_QUALIFIED);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-104", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_STALLED);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-108", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_UNQUALIFIED);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-110", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_DEAD);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-113", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_CLOSED);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-999", KARE_NUL_TERMINATED, "2026-11-23"), KARE_ERROR_NOT_FOUND);

    /* Refusals change nothing. */
    CHECK_STATUS(kare_plan_add_deal(plan, "{\"id\":\"D-101\",\"account\":\"ACME-001\",\"amount\":\"1.00\",\"stage\":\"proposal\",\"opened\":\"2026-11-01\",\"expected_close\":\"2026-12-01\"}", KARE_NUL_TERMINATED), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_add_deal(plan, "{\"id\":\"D-900\",\"account\":\"ACME-001\",\"amount\":\"-1.00\",\"stage\":\"proposal\",\"opened\":\"2026-11-01\",\"expected_close\":\"2026-12-01\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "deals[15].amount") == 0);
    CHECK(strcmp(kare_error_labelled_path(), "deals[15] (D-900).amount") == 0);
    CHECK_STATUS(kare_plan_add_deal(plan, "{\"id\":\"D-900\",\"account\":\"ACME-001\",\"amount\":1,\"stage\":\"proposal\",\"opened\":\"2026-11-01\",\"expected_close\":\"2026-12-01\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK_STATUS(kare_plan_add_deal(plan, "{\"id\":\"D-900\",\"account\":\"ACME-001\",\"amount\":\"1.00\",\"stage\":\"dreaming\",\"opened\":\"2026-11-01\",\"expected_close\":\"2026-12-01\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "deals[15].stage") == 0);
    CHECK_STATUS(kare_plan_replace_deal(plan, "{\"id\":\"D-104\",\"account\":\"XEN-024\",\"amount\":\"1.00\",\"stage\":\"proposal\",\"opened\":\"2026-11-01\",\"expected_close\":\"2026-10-01\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strncmp(kare_error_path(), "deals[3]", 8) == 0);
    CHECK_STATUS(kare_plan_replace_deal(plan, "{\"id\":\"D-999\",\"account\":\"XEN-024\",\"amount\":\"1.00\",\"stage\":\"proposal\",\"opened\":\"2026-11-01\",\"expected_close\":\"2026-12-01\"}", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_add_evidence(plan, "D-108", "budget", "2026-12-01", "email", "2026-11-23"), KARE_ERROR_INVALID_PLAN);
    CHECK_STATUS(kare_plan_add_evidence(plan, "D-108", "astrology", "2026-11-20", "email", "2026-11-23"), KARE_ERROR_INVALID_PLAN);
    CHECK_STATUS(kare_plan_declare_deal_state(plan, "D-108", KARE_HONESTY_QUALIFIED, "2026-11-22", "trust me"), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_declare_deal_state(plan, "D-108", KARE_HONESTY_CLOSED, "2026-11-22", "x"), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_close_deal(plan, "D-113", KARE_OUTCOME_WON, "2026-11-22", NULL), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_close_deal(plan, "D-101", KARE_OUTCOME_OPEN, "2026-11-22", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_close_deal(plan, "D-101", KARE_OUTCOME_LOST, "2026-11-22", "bad luck"), KARE_ERROR_INVALID_PLAN);
    CHECK_STATUS(kare_plan_remove_deal(plan, "D-999", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);

    /* Evidence qualifies a hope deal; a stall is explained; a deal closes. */
    CHECK_STATUS(kare_plan_add_evidence(plan, "D-108", "pain", "2026-11-20", "workshop", "2026-11-23"), KARE_OK);
    CHECK_STATUS(kare_plan_add_evidence(plan, "D-108", "budget", "2026-11-21", "CFO email", "2026-11-23"), KARE_OK);
    CHECK_STATUS(kare_plan_add_evidence(plan, "D-108", "decision_process", "2026-11-22", "steering group", "2026-11-23"), KARE_OK);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-108", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_QUALIFIED);
    CHECK_STATUS(kare_plan_record_deal_activity(plan, "D-104", "2026-11-23"), KARE_OK);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-104", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_QUALIFIED);
    CHECK_STATUS(kare_plan_change_close_date(plan, "D-101", "2027-01-31", "2026-11-23", "holidays"), KARE_OK);
    CHECK_STATUS(kare_plan_declare_stall(plan, "D-102", "Board meets in January", "2026-11-23", "2027-01-15"), KARE_OK);
    CHECK_STATUS(kare_plan_close_deal(plan, "D-107", KARE_OUTCOME_LOST, "2026-11-23", "competitor"), KARE_OK);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-107", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_CLOSED);
    CHECK_STATUS(kare_plan_declare_deal_state(plan, "D-106", KARE_HONESTY_DEAD, "2026-11-23", "went silent"), KARE_OK);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-106", KARE_NUL_TERMINATED, "2026-11-23"), KARE_OK);
    CHECK(state == KARE_HONESTY_DEAD);

    /* What was declared can be taken back: the stall, and the death (a revival). */
    CHECK_STATUS(kare_plan_clear_stall(plan, "D-102"), KARE_OK);
    CHECK_STATUS(kare_plan_clear_stall(plan, "D-102"), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_clear_stall(plan, "D-999"), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_clear_deal_state(plan, "D-106", "2026-11-23", "they called back"), KARE_ERROR_CONFLICT);
    CHECK(strstr(kare_error_message(), "evidence") != NULL);
    CHECK_STATUS(kare_plan_add_evidence(plan, "D-106", "pain", "2026-11-24", "call", "2026-11-24"), KARE_OK);
    CHECK_STATUS(kare_plan_clear_deal_state(plan, "D-106", "2026-11-24", "they called back"), KARE_OK);
    CHECK_STATUS(kare_plan_deal_state(&state, plan, "D-106", KARE_NUL_TERMINATED, "2026-11-24"), KARE_OK);
    CHECK(state != KARE_HONESTY_DEAD);
    CHECK_STATUS(kare_plan_clear_deal_state(plan, "D-106", "2026-11-24", "again"), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_clear_deal_state(plan, "D-999", "2026-11-23", NULL), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_add_deal(plan, "{\"id\":\"D-900\",\"account\":\"VRT-022\",\"amount\":\"9999.99\",\"stage\":\"discovery\",\"opened\":\"2026-11-20\",\"expected_close\":\"2027-02-01\"}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_replace_deal(plan, "{\"id\":\"D-900\",\"account\":\"VRT-022\",\"amount\":\"19999.99\",\"stage\":\"proposal\",\"opened\":\"2026-11-20\",\"expected_close\":\"2027-02-01\"}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_remove_deal(plan, "D-900", 5), KARE_OK);

    char *pipeline = NULL;
    CHECK_STATUS(kare_plan_pipeline_json(&pipeline, NULL, plan, "2026-11-24", NULL), KARE_OK);
    CHECK(pipeline && strstr(pipeline, "\"format\": \"kare-pipeline\"") != NULL);
    kare_string_free(pipeline);
    CHECK_STATUS(kare_plan_pipeline_json(&pipeline, NULL, plan, "2026-11-24", "nobody"), KARE_ERROR_NOT_FOUND);

    kare_string_free(before);
    kare_plan_free(plan);
}

static void test_pictures_and_files(const char *scratch)
{
    kare_plan *plan = load_example();
    char *svg = NULL, *html = NULL;
    size_t len = 0;
    CHECK_STATUS(kare_plan_map_svg(&svg, &len, plan, "2026-11-23", NULL), KARE_OK);
    CHECK(svg && strncmp(svg, "<?xml", 5) == 0 && strstr(svg, "</svg>") != NULL && len == strlen(svg));
    CHECK(svg && strstr(svg, "Evergreen Retail") != NULL);
    CHECK_STATUS(kare_plan_review_html(&html, NULL, plan, "2026-11-23", "leo"), KARE_OK);
    CHECK(html && strncmp(html, "<!DOCTYPE html>", 15) == 0 && strstr(html, "Nova Robotics") != NULL);
    CHECK(html && strstr(html, "Evergreen Retail") == NULL); /* maya's account, not leo's */
    kare_string_free(svg);
    kare_string_free(html);
    CHECK_STATUS(kare_plan_map_svg(&svg, NULL, plan, NULL, NULL), KARE_ERROR_INVALID_ARGUMENT);

    /* Save, load back, same bytes; a folder that does not exist is an io_error. */
    char path[512];
    snprintf(path, sizeof path, "%s/saved-plan.json", scratch);
    CHECK_STATUS(kare_plan_replace_account(plan, "{\"id\":\"ACME-001\",\"name\":\"Acme Tooling GmbH\",\"owner\":\"maya\",\"relationship\":\"client\"}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_replace_account(plan, "{\"id\":\"ACME-001\",\"name\":\"Acme\",\"owner\":\"maya\",\"relationship\":\"client\",\"attributes\":{\"seats\":-3}}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "accounts[0].attributes.seats") == 0);
    CHECK(strcmp(kare_error_labelled_path(), "accounts[0] (ACME-001).attributes.seats") == 0);
    CHECK_STATUS(kare_plan_replace_account(plan, "{\"id\":\"NEW\",\"name\":\"New\",\"owner\":\"maya\",\"relationship\":\"client\"}", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_save_file(plan, path), KARE_OK);
    kare_plan *again = NULL;
    CHECK_STATUS(kare_plan_load_file(&again, path), KARE_OK);
    char *a = plan_text(plan), *b = plan_text(again);
    CHECK(a && b && strcmp(a, b) == 0);
    CHECK(a && strstr(a, "Acme Tooling GmbH") != NULL);
    kare_string_free(a);
    kare_string_free(b);
    CHECK_STATUS(kare_plan_save_file(plan, "/nonexistent-folder/plan.json"), KARE_ERROR_IO);
    kare_plan_free(again);
    kare_plan_free(plan);
}

/* Every pointer a function requires is checked: NULL handles, NULL
 * out-pointers, NULL text with a length, NULL dates. An owned result is NULL
 * after a failure. */
static void test_null_arguments(void)
{
    kare_plan *plan = load_example();
    kare_report *report = NULL;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    char *before = plan_text(plan);
    size_t n = 0;
    int32_t code = 0;
    const char *borrowed = NULL;
    char *owned = NULL;
    kare_plan *no_plan = (kare_plan *)0x1;
    kare_report *no_report = (kare_report *)0x1;

    REFUSED(kare_plan_load_file(NULL, example_path), "out");
    REFUSED(kare_plan_load(&no_plan, NULL, KARE_NUL_TERMINATED), "json");
    CHECK(no_plan == NULL);
    REFUSED(kare_plan_to_json(NULL, &n, plan), "out");
    owned = (char *)0x1;
    REFUSED(kare_plan_to_json(&owned, &n, NULL), "plan");
    CHECK(owned == NULL);
    REFUSED(kare_plan_account_placement(&code, plan, NULL, KARE_NUL_TERMINATED), "account_id");
    REFUSED(kare_plan_account_placement(&code, plan, NULL, 3), "account_id");

    REFUSED(kare_plan_assign(plan, NULL, KARE_PLACEMENT_KEEP, "2026-11-23", NULL), "account_id");
    REFUSED(kare_plan_move(NULL, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23", "why"), "plan");
    REFUSED(kare_plan_move(plan, NULL, KARE_PLACEMENT_EXPAND, "2026-11-23", "why"), "account_id");
    REFUSED(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_EXPAND, NULL, "why"), "on");
    REFUSED(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23", NULL), "reason");
    REFUSED(kare_plan_fire(NULL, "DLT-004", "2026-11-23", "why", "end_relationship"), "plan");
    REFUSED(kare_plan_fire(plan, NULL, "2026-11-23", "why", "end_relationship"), "account_id");
    REFUSED(kare_plan_fire(plan, "DLT-004", NULL, "why", "end_relationship"), "on");
    REFUSED(kare_plan_fire(plan, "DLT-004", "2026-11-23", NULL, "end_relationship"), "reason");
    REFUSED(kare_plan_add_account(NULL, "{}", 2), "plan");
    REFUSED(kare_plan_add_account(plan, NULL, 2), "json");
    REFUSED(kare_plan_replace_account(NULL, "{}", 2), "plan");
    REFUSED(kare_plan_replace_account(plan, NULL, KARE_NUL_TERMINATED), "json");
    REFUSED(kare_plan_remove_account(NULL, "ACME-001", KARE_NUL_TERMINATED), "plan");
    REFUSED(kare_plan_remove_account(plan, NULL, 8), "account_id");
    REFUSED(kare_plan_save_file(NULL, "/tmp/never-written.json"), "plan");
    REFUSED(kare_plan_save_file(plan, NULL), "path");

    REFUSED(kare_plan_add_activity(NULL, "{}", 2), "plan");
    REFUSED(kare_plan_add_activity(plan, NULL, 2), "json");
    REFUSED(kare_plan_remove_activity(NULL, 0), "plan");
    REFUSED(kare_plan_activity_count(NULL, plan), "out");
    REFUSED(kare_plan_activity_count(&n, NULL), "plan");

    REFUSED(kare_plan_add_deal(NULL, "{}", 2), "plan");
    REFUSED(kare_plan_add_deal(plan, NULL, 2), "json");
    REFUSED(kare_plan_replace_deal(NULL, "{}", 2), "plan");
    REFUSED(kare_plan_replace_deal(plan, NULL, 2), "json");
    REFUSED(kare_plan_remove_deal(NULL, "D-101", KARE_NUL_TERMINATED), "plan");
    REFUSED(kare_plan_remove_deal(plan, NULL, 5), "deal_id");
    REFUSED(kare_plan_deal_count(NULL, plan), "out");
    REFUSED(kare_plan_deal_count(&n, NULL), "plan");
    REFUSED(kare_plan_deal_state(NULL, plan, "D-101", KARE_NUL_TERMINATED, "2026-11-23"), "out");
    REFUSED(kare_plan_deal_state(&code, NULL, "D-101", KARE_NUL_TERMINATED, "2026-11-23"), "plan");
    REFUSED(kare_plan_deal_state(&code, plan, NULL, KARE_NUL_TERMINATED, "2026-11-23"), "deal_id");
    REFUSED(kare_plan_deal_state(&code, plan, "D-101", KARE_NUL_TERMINATED, NULL), "as_of");
    REFUSED(kare_plan_add_evidence(NULL, "D-108", "pain", "2026-11-20", "call", "2026-11-23"), "plan");
    REFUSED(kare_plan_add_evidence(plan, NULL, "pain", "2026-11-20", "call", "2026-11-23"), "deal_id");
    REFUSED(kare_plan_add_evidence(plan, "D-108", NULL, "2026-11-20", "call", "2026-11-23"), "type");
    REFUSED(kare_plan_add_evidence(plan, "D-108", "pain", NULL, "call", "2026-11-23"), "on");
    REFUSED(kare_plan_add_evidence(plan, "D-108", "pain", "2026-11-20", NULL, "2026-11-23"), "source");
    REFUSED(kare_plan_add_evidence(plan, "D-108", "pain", "2026-11-20", "call", NULL), "as_of");
    REFUSED(kare_plan_record_deal_activity(NULL, "D-108", "2026-11-22"), "plan");
    REFUSED(kare_plan_record_deal_activity(plan, NULL, "2026-11-22"), "deal_id");
    REFUSED(kare_plan_record_deal_activity(plan, "D-108", NULL), "on");
    REFUSED(kare_plan_change_close_date(NULL, "D-108", "2027-02-28", "2026-11-22", NULL), "plan");
    REFUSED(kare_plan_change_close_date(plan, NULL, "2027-02-28", "2026-11-22", NULL), "deal_id");
    REFUSED(kare_plan_change_close_date(plan, "D-108", NULL, "2026-11-22", NULL), "to");
    REFUSED(kare_plan_change_close_date(plan, "D-108", "2027-02-28", NULL, NULL), "on");
    REFUSED(kare_plan_declare_stall(NULL, "D-101", "holidays", "2026-11-22", "2027-01-05"), "plan");
    REFUSED(kare_plan_clear_stall(NULL, "D-101"), "plan");
    REFUSED(kare_plan_clear_stall(plan, NULL), "deal_id");
    REFUSED(kare_plan_clear_deal_state(NULL, "D-101", "2026-11-22", NULL), "plan");
    REFUSED(kare_plan_clear_deal_state(plan, NULL, "2026-11-22", NULL), "deal_id");
    REFUSED(kare_plan_clear_deal_state(plan, "D-101", NULL, NULL), "on");
    REFUSED(kare_plan_clear_deal_state(plan, "D-101", "2026-13-01", NULL), "on");
    REFUSED(kare_plan_replace_sections(NULL, "{}", KARE_NUL_TERMINATED), "plan");
    REFUSED(kare_plan_add_rep(NULL, "{}", KARE_NUL_TERMINATED), "plan");
    REFUSED(kare_plan_add_rep(plan, NULL, 2), "json");
    REFUSED(kare_plan_add_rep(plan, "{}\0{}", 5), "json");
    REFUSED(kare_plan_replace_sections(plan, NULL, 2), "json");
    REFUSED(kare_plan_replace_sections(plan, "{}\0{}", 5), "json");
    REFUSED(kare_plan_declare_stall(plan, NULL, "holidays", "2026-11-22", "2027-01-05"), "deal_id");
    REFUSED(kare_plan_declare_stall(plan, "D-101", NULL, "2026-11-22", "2027-01-05"), "reason");
    REFUSED(kare_plan_declare_stall(plan, "D-101", "holidays", NULL, "2027-01-05"), "declared_on");
    REFUSED(kare_plan_declare_stall(plan, "D-101", "holidays", "2026-11-22", NULL), "resume_on");
    REFUSED(kare_plan_declare_deal_state(NULL, "D-108", KARE_HONESTY_DEAD, "2026-11-22", "x"), "plan");
    REFUSED(kare_plan_declare_deal_state(plan, NULL, KARE_HONESTY_DEAD, "2026-11-22", "x"), "deal_id");
    REFUSED(kare_plan_declare_deal_state(plan, "D-108", KARE_HONESTY_DEAD, NULL, "x"), "on");
    REFUSED(kare_plan_declare_deal_state(plan, "D-108", KARE_HONESTY_DEAD, "2026-11-22", NULL), "reason");
    REFUSED(kare_plan_close_deal(NULL, "D-101", KARE_OUTCOME_WON, "2026-11-22", NULL), "plan");
    REFUSED(kare_plan_close_deal(plan, NULL, KARE_OUTCOME_WON, "2026-11-22", NULL), "deal_id");
    REFUSED(kare_plan_close_deal(plan, "D-101", KARE_OUTCOME_WON, NULL, NULL), "on");

    REFUSED(kare_plan_progress_json(NULL, NULL, plan, "2026-11-23", NULL, 0), "out");
    owned = (char *)0x1;
    REFUSED(kare_plan_progress_json(&owned, NULL, NULL, "2026-11-23", NULL, 0), "plan");
    CHECK(owned == NULL);
    REFUSED(kare_plan_progress_json(&owned, NULL, plan, NULL, NULL, 0), "as_of");
    REFUSED(kare_plan_pipeline_json(NULL, NULL, plan, "2026-11-23", NULL), "out");
    owned = (char *)0x1;
    REFUSED(kare_plan_pipeline_json(&owned, NULL, NULL, "2026-11-23", NULL), "plan");
    CHECK(owned == NULL);
    REFUSED(kare_plan_pipeline_json(&owned, NULL, plan, NULL, NULL), "as_of");
    REFUSED(kare_plan_map_svg(NULL, NULL, plan, "2026-11-23", NULL), "out");
    REFUSED(kare_plan_map_svg(&owned, NULL, NULL, "2026-11-23", NULL), "plan");
    REFUSED(kare_plan_review_html(NULL, NULL, plan, "2026-11-23", NULL), "out");
    owned = (char *)0x1;
    REFUSED(kare_plan_review_html(&owned, NULL, NULL, "2026-11-23", NULL), "plan");
    CHECK(owned == NULL);
    REFUSED(kare_plan_review_html(&owned, NULL, plan, NULL, NULL), "as_of");

    REFUSED(kare_report_new(NULL, plan, "2026-11-23", NULL), "out");
    no_report = (kare_report *)0x1;
    REFUSED(kare_report_new(&no_report, plan, NULL, NULL), "as_of");
    CHECK(no_report == NULL);
    REFUSED(kare_report_to_json(NULL, NULL, report), "out");
    REFUSED(kare_report_finding_count(NULL, report), "out");
    REFUSED(kare_report_finding_code(NULL, report, 0), "out");
    REFUSED(kare_report_finding_code(&borrowed, NULL, 0), "report");
    REFUSED(kare_report_count(NULL, report, KARE_PLACEMENT_KEEP), "out");
    REFUSED(kare_report_count(&n, NULL, KARE_PLACEMENT_KEEP), "report");

    /* None of it touched the plan. */
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);
    kare_string_free(before);
    kare_report_free(report);
    kare_plan_free(plan);
}

/* A length that covers a NUL byte is refused, never silently truncated; a
 * length that stops early reads only that much. */
static void test_counted_text(void)
{
    kare_plan *plan = load_example();
    int32_t code = 0;
    char *owned = NULL;
    REFUSED(kare_plan_account_placement(&code, plan, "ACME-001\0x", 10), "account_id");
    REFUSED(kare_plan_remove_account(plan, "ACME-001\0x", 10), "account_id");
    REFUSED(kare_plan_add_account(plan, "{\"id\":\"N\"}\0", 11), "json");
    REFUSED(kare_plan_replace_account(plan, "{\"id\":\"N\"}\0", 11), "json");
    REFUSED(kare_plan_add_activity(plan, "{}\0", 3), "json");
    REFUSED(kare_plan_add_deal(plan, "{}\0", 3), "json");
    REFUSED(kare_plan_replace_deal(plan, "{}\0", 3), "json");
    REFUSED(kare_plan_remove_deal(plan, "D-101\0", 6), "deal_id");
    REFUSED(kare_plan_deal_state(&code, plan, "D-101\0", 6, "2026-11-23"), "deal_id");
    /* A batch is not refused whole for a NUL byte: that line is bad (test_batch_nul_byte). */
    CHECK_STATUS(kare_plan_classify_jsonl(&owned, NULL, plan, "\n\0\n", 3, 1, 0), KARE_ERROR_PARSE);
    CHECK(strcmp(kare_error_path(), "line 2") == 0);
    CHECK(strcmp(kare_error_labelled_path(), "line 2") == 0); /* written out: no ids to add */
    /* A prefix is an id of its own. */
    CHECK_STATUS(kare_plan_deal_state(&code, plan, "D-1010", 5, "2026-11-23"), KARE_OK);
    CHECK_STATUS(kare_plan_remove_deal(plan, "D-1019", 5), KARE_OK);
    CHECK_STATUS(kare_plan_deal_state(&code, plan, "D-101", KARE_NUL_TERMINATED, "2026-11-23"), KARE_ERROR_NOT_FOUND);
    /* A zero length is empty text: no such account, not a bad argument. */
    CHECK_STATUS(kare_plan_account_placement(&code, plan, "ACME-001", 0), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_add_account(plan, "{}", 0), KARE_ERROR_PARSE);
    kare_plan_free(plan);
}

/* Dates are strict YYYY-MM-DD calendar dates wherever they are taken. */
static void test_bad_dates(void)
{
    kare_plan *plan = load_example();
    char *before = plan_text(plan);
    int32_t code = 0;
    char *owned = (char *)0x1;
    kare_report *report = (kare_report *)0x1;
    static const char *bad[] = {"2026-13-01", "2026-02-29", "26-11-23", "2026-11-23 ", "", "2026/11/23"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        const char *d = bad[i];
        REFUSED(kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_KEEP, d, NULL), "on");
        REFUSED(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_EXPAND, d, "why"), "on");
        REFUSED(kare_plan_fire(plan, "DLT-004", d, "why", "end_relationship"), "on");
        REFUSED(kare_plan_deal_state(&code, plan, "D-101", KARE_NUL_TERMINATED, d), "as_of");
        REFUSED(kare_plan_add_evidence(plan, "D-108", "pain", d, "call", "2026-11-23"), "on");
        REFUSED(kare_plan_add_evidence(plan, "D-108", "pain", "2026-11-20", "call", d), "as_of");
        REFUSED(kare_plan_record_deal_activity(plan, "D-108", d), "on");
        REFUSED(kare_plan_change_close_date(plan, "D-108", d, "2026-11-22", NULL), "to");
        REFUSED(kare_plan_change_close_date(plan, "D-108", "2027-02-28", d, NULL), "on");
        REFUSED(kare_plan_declare_stall(plan, "D-101", "holidays", d, "2027-01-05"), "declared_on");
        REFUSED(kare_plan_declare_stall(plan, "D-101", "holidays", "2026-11-22", d), "resume_on");
        REFUSED(kare_plan_declare_deal_state(plan, "D-108", KARE_HONESTY_DEAD, d, "x"), "on");
        REFUSED(kare_plan_close_deal(plan, "D-101", KARE_OUTCOME_WON, d, NULL), "on");
        REFUSED(kare_plan_progress_json(&owned, NULL, plan, d, NULL, 0), "as_of");
        CHECK(owned == NULL);
        REFUSED(kare_plan_pipeline_json(&owned, NULL, plan, d, NULL), "as_of");
        REFUSED(kare_plan_map_svg(&owned, NULL, plan, d, NULL), "as_of");
        REFUSED(kare_plan_review_html(&owned, NULL, plan, d, NULL), "as_of");
        REFUSED(kare_report_new(&report, plan, d, NULL), "as_of");
        CHECK(report == NULL);
    }
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);
    kare_string_free(before);
    kare_plan_free(plan);
}

/* The plan as of a past date: a new plan, the original unchanged; a report
 * as of that date counts the facts it left out. */
static void test_as_of(void)
{
    kare_plan *plan = load_example();
    char *before = plan_text(plan);
    kare_plan *past = NULL;
    CHECK_STATUS(kare_plan_as_of(&past, plan, "2026-08-31", KARE_NUL_TERMINATED), KARE_OK);
    size_t accounts = 0;
    CHECK_STATUS(kare_plan_account_count(&accounts, past), KARE_OK);
    CHECK(accounts == 23); /* three prospects were added in September and October */
    int32_t where = -1;
    /* Ironwood Mills was fired on 2026-09-15: in Keep at the end of August. */
    CHECK_STATUS(kare_plan_account_placement(&where, past, "IRN-009", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_KEEP);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "IRN-009", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_FIRED);
    kare_plan_free(past);

    kare_report *report = NULL;
    size_t ignored = 99;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-08-31", NULL), KARE_OK);
    CHECK_STATUS(kare_report_facts_ignored(&ignored, report), KARE_OK);
    CHECK(ignored == 233);
    kare_report_free(report);
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    CHECK_STATUS(kare_report_facts_ignored(&ignored, report), KARE_OK);
    CHECK(ignored == 0);
    CHECK_STATUS(kare_report_facts_ignored(NULL, report), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_facts_ignored(&ignored, NULL), KARE_ERROR_INVALID_ARGUMENT);
    kare_report_free(report);

    /* Before the plan's first fact (2026-02-01), and not a date: refused, naming as_of. */
    past = (kare_plan *)0x1;
    CHECK_STATUS(kare_plan_as_of(&past, plan, "2026-01-31", KARE_NUL_TERMINATED),
                 KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(kare_error_path(), "as_of") == 0);
    CHECK(past == NULL);
    CHECK_STATUS(kare_report_new(&report, plan, "2026-01-31", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(kare_error_path(), "as_of") == 0);
    REFUSED(kare_plan_as_of(&past, plan, "2026-13-01", KARE_NUL_TERMINATED), "as_of");
    CHECK_STATUS(kare_plan_as_of(NULL, plan, "2026-08-31", KARE_NUL_TERMINATED),
                 KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_as_of(&past, NULL, "2026-08-31", KARE_NUL_TERMINATED),
                 KARE_ERROR_INVALID_ARGUMENT);
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);
    kare_string_free(before);
    kare_plan_free(plan);
}

/* What changed: two plans, one plan since a date, the page with the
 * changes, and every refusal naming its argument; no plan is changed. */
static void test_changes(void)
{
    kare_plan *plan = load_example();
    kare_plan *changed = load_example();
    char *before = plan_text(plan);
    CHECK_STATUS(kare_plan_fire(changed, "BRT-002", "2026-11-23", "Half off asked.",
                                "end_relationship"), KARE_OK);
    char *doc = NULL;
    size_t len = 0;
    CHECK_STATUS(kare_plan_diff_json(&doc, &len, plan, NULL, 0, changed, "2026-11-23",
                                     KARE_NUL_TERMINATED), KARE_OK);
    CHECK(doc != NULL && strlen(doc) == len);
    CHECK(strstr(doc, "\"format\": \"kare-diff\"") != NULL);
    CHECK(strstr(doc, "\"unchanged\": false") != NULL);
    CHECK(strstr(doc, "\"fire_action\": \"end_relationship\"") != NULL);
    CHECK(strstr(doc, "\"reason\": \"Half off asked.\"") != NULL);
    kare_string_free(doc);
    /* The same handle on both sides: nothing changed. */
    CHECK_STATUS(kare_plan_diff_json(&doc, NULL, plan, "2026-11-23", KARE_NUL_TERMINATED, plan,
                                     "2026-11-23", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(strstr(doc, "\"unchanged\": true") != NULL);
    kare_string_free(doc);

    CHECK_STATUS(kare_plan_changes_since_json(&doc, NULL, plan, "2026-08-31", KARE_NUL_TERMINATED,
                                              "2026-11-23", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(strstr(doc, "\"as_of\": \"2026-08-31\"") != NULL);
    CHECK(strstr(doc, "\"id\": \"IRN-009\"") != NULL);
    kare_string_free(doc);

    char *page = NULL;
    CHECK_STATUS(kare_plan_review_html_since(&page, NULL, plan, "2026-08-31", KARE_NUL_TERMINATED,
                                             "2026-11-23", KARE_NUL_TERMINATED, NULL), KARE_OK);
    CHECK(strstr(page, "<h2>What changed</h2>") != NULL);
    CHECK(strstr(page, "<h2>Scoreboard</h2>") != NULL);
    kare_string_free(page);
    kare_render_options options = KARE_RENDER_OPTIONS_INIT;
    options.sections = KARE_SECTION_CHANGES;
    CHECK_STATUS(kare_plan_review_html_since(&page, NULL, plan, "2026-08-31", KARE_NUL_TERMINATED,
                                             "2026-11-23", KARE_NUL_TERMINATED, &options), KARE_OK);
    CHECK(strstr(page, "<h2>What changed</h2>") != NULL);
    CHECK(strstr(page, "<h2>Scoreboard</h2>") == NULL);
    kare_string_free(page);
    /* The pages of one date cannot draw the changes: the bit is refused. */
    page = (char *)0x1;
    REFUSED(kare_plan_review_html_v2(&page, NULL, plan, "2026-11-23", KARE_NUL_TERMINATED,
                                     &options), "sections");
    CHECK(page == NULL);

    /* Dates out of range name their argument. */
    doc = (char *)0x1;
    CHECK_STATUS(kare_plan_changes_since_json(&doc, NULL, plan, "2026-12-01", KARE_NUL_TERMINATED,
                                              "2026-11-23", KARE_NUL_TERMINATED),
                 KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(kare_error_path(), "since") == 0);
    CHECK(doc == NULL);
    CHECK_STATUS(kare_plan_changes_since_json(&doc, NULL, plan, "2025-01-01", KARE_NUL_TERMINATED,
                                              "2026-11-23", KARE_NUL_TERMINATED),
                 KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(kare_error_path(), "since") == 0);
    CHECK_STATUS(kare_plan_review_html_since(&page, NULL, plan, "2025-01-01", KARE_NUL_TERMINATED,
                                             "2026-11-23", KARE_NUL_TERMINATED, NULL),
                 KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(kare_error_path(), "since") == 0);
    REFUSED(kare_plan_changes_since_json(&doc, NULL, plan, "2026-02-30", KARE_NUL_TERMINATED,
                                         "2026-11-23", KARE_NUL_TERMINATED), "since");
    REFUSED(kare_plan_diff_json(&doc, NULL, plan, "someday", KARE_NUL_TERMINATED, changed,
                                "2026-11-23", KARE_NUL_TERMINATED), "before_as_of");
    CHECK_STATUS(kare_plan_diff_json(&doc, NULL, plan, "2026-11-24", KARE_NUL_TERMINATED, changed,
                                     "2026-11-23", KARE_NUL_TERMINATED),
                 KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(kare_error_path(), "before.as_of") == 0);
    CHECK_STATUS(kare_plan_diff_json(NULL, NULL, plan, NULL, 0, changed, "2026-11-23",
                                     KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    REFUSED(kare_plan_diff_json(&doc, NULL, NULL, NULL, 0, changed, "2026-11-23",
                                KARE_NUL_TERMINATED), "before");
    REFUSED(kare_plan_diff_json(&doc, NULL, plan, NULL, 0, NULL, "2026-11-23",
                                KARE_NUL_TERMINATED), "after");
    REFUSED(kare_plan_changes_since_json(&doc, NULL, NULL, "2026-08-31", KARE_NUL_TERMINATED,
                                         "2026-11-23", KARE_NUL_TERMINATED), "plan");

    /* One account over time: the kare-timeline document, as of a date. */
    CHECK_STATUS(kare_plan_timeline_json(&doc, &len, plan, "IRN-009", KARE_NUL_TERMINATED,
                                         "2026-11-23", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(doc != NULL && strlen(doc) == len);
    CHECK(strstr(doc, "\"format\": \"kare-timeline\"") != NULL);
    CHECK(strstr(doc, "\"account\": \"IRN-009\"") != NULL);
    CHECK(strstr(doc, "\"placement\": \"fired\"") != NULL);
    CHECK(strstr(doc, "\"to\": \"fired\"") != NULL);
    kare_string_free(doc);
    /* Before the firing, the account was still kept; a counted id reads no further. */
    CHECK_STATUS(kare_plan_timeline_json(&doc, NULL, plan, "IRN-009xyz", 7, "2026-08-31",
                                         KARE_NUL_TERMINATED), KARE_OK);
    CHECK(strstr(doc, "\"placement\": \"keep\"") != NULL);
    CHECK(strstr(doc, "\"to\": \"fired\"") == NULL);
    kare_string_free(doc);
    doc = (char *)0x1;
    CHECK_STATUS(kare_plan_timeline_json(&doc, NULL, plan, "NOPE-1", KARE_NUL_TERMINATED,
                                         "2026-11-23", KARE_NUL_TERMINATED),
                 KARE_ERROR_NOT_FOUND);
    CHECK(strcmp(kare_error_path(), "account") == 0);
    CHECK(doc == NULL);
    CHECK_STATUS(kare_plan_timeline_json(&doc, NULL, plan, "IRN-009", KARE_NUL_TERMINATED,
                                         "2025-01-01", KARE_NUL_TERMINATED),
                 KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(kare_error_path(), "as_of") == 0);
    REFUSED(kare_plan_timeline_json(&doc, NULL, plan, "IRN-009", KARE_NUL_TERMINATED,
                                    "2026-02-30", KARE_NUL_TERMINATED), "as_of");
    REFUSED(kare_plan_timeline_json(&doc, NULL, plan, NULL, 0, "2026-11-23",
                                    KARE_NUL_TERMINATED), "account_id");
    REFUSED(kare_plan_timeline_json(&doc, NULL, NULL, "IRN-009", KARE_NUL_TERMINATED,
                                    "2026-11-23", KARE_NUL_TERMINATED), "plan");
    CHECK_STATUS(kare_plan_timeline_json(NULL, NULL, plan, "IRN-009", KARE_NUL_TERMINATED,
                                         "2026-11-23", KARE_NUL_TERMINATED),
                 KARE_ERROR_INVALID_ARGUMENT);

    /* Another currency is another plan: refused, naming the later side. */
    char *text = plan_text(plan);
    char *usd = strstr(text, "\"currency\": \"USD\"");
    CHECK(usd != NULL);
    memcpy(usd + strlen("\"currency\": \""), "EUR", 3);
    kare_plan *euros = NULL;
    CHECK_STATUS(kare_plan_load(&euros, text, strlen(text)), KARE_OK);
    CHECK_STATUS(kare_plan_diff_json(&doc, NULL, plan, NULL, 0, euros, "2026-11-23",
                                     KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strcmp(kare_error_path(), "after.settings.currency") == 0);
    kare_plan_free(euros);
    kare_string_free(text);

    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);
    kare_string_free(before);
    kare_plan_free(changed);
    kare_plan_free(plan);
}

/* Codes outside their enumerations are refused; the name functions answer
 * "unknown" rather than fail. */
static void test_unknown_codes(void)
{
    kare_plan *plan = load_example();
    kare_report *report = NULL;
    size_t n = 0;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    REFUSED(kare_plan_assign(plan, "EVR-005", -1, "2026-11-23", NULL), "category");
    REFUSED(kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_OPEN, "2026-11-23", NULL), "category");
    REFUSED(kare_plan_move(plan, "DLT-004", -1, "2026-11-23", "why"), "placement");
    REFUSED(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_OPEN + 1, "2026-11-23", "why"), "placement");
    REFUSED(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_FIRED, "2026-11-23", "why"), "fire");
    REFUSED(kare_plan_declare_deal_state(plan, "D-108", -1, "2026-11-22", "x"), "state");
    REFUSED(kare_plan_declare_deal_state(plan, "D-108", 99, "2026-11-22", "x"), "state");
    REFUSED(kare_plan_close_deal(plan, "D-101", 3, "2026-11-22", NULL), "outcome");
    REFUSED(kare_report_count(&n, report, -1), "placement");
    REFUSED(kare_report_count(&n, report, 99), "placement");
    char *owned = NULL;
    REFUSED(kare_plan_classify_jsonl(&owned, NULL, plan, "", 0, 1, 0x80000000u), "flags");
    kare_report_free(report);
    kare_plan_free(plan);
}

/* Not found, conflict and invalid-plan answers that test_ledger and
 * test_deals do not reach. */
static void test_refusals(void)
{
    kare_plan *plan = load_example();
    char *before = plan_text(plan);
    size_t n = 0;

    CHECK_STATUS(kare_plan_move(plan, "NOPE", KARE_PLACEMENT_KEEP, "2026-11-23", "why"), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_fire(plan, "NOPE", "2026-11-23", "why", "end_relationship"), KARE_ERROR_NOT_FOUND);
    REFUSED(kare_plan_fire(plan, "DLT-004", "2026-11-23", "", "end_relationship"), "reason");
    REFUSED(kare_plan_fire(plan, "DLT-004", "2026-11-23", "why", ""), "action");
    CHECK_STATUS(kare_plan_replace_account(plan, "{\"id\":", KARE_NUL_TERMINATED), KARE_ERROR_PARSE);
    CHECK_STATUS(kare_plan_add_activity(plan, "[", 1), KARE_ERROR_PARSE);
    CHECK_STATUS(kare_plan_add_deal(plan, "{\"id\":", KARE_NUL_TERMINATED), KARE_ERROR_PARSE);
    CHECK_STATUS(kare_plan_replace_deal(plan, "{\"id\":", KARE_NUL_TERMINATED), KARE_ERROR_PARSE);

    /* Control characters in a reason are refused as the argument they are in
     * (tests/capi/test_text_args.c tries every text parameter). */
    REFUSED(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23", "bell\a"), "reason holds");

    /* A decision cannot be dated before the last one. */
    CHECK_STATUS(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23", "grow"), KARE_OK);
    CHECK_STATUS(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_KEEP, "2026-11-01", "earlier"), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_move(plan, "DLT-004", KARE_PLACEMENT_KEEP, "2026-11-23", "undo"), KARE_OK);

    /* Deals: unknown ids, closed deals, dates out of order. */
    CHECK_STATUS(kare_plan_add_evidence(plan, "D-999", "pain", "2026-11-20", "call", "2026-11-23"), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_record_deal_activity(plan, "D-999", "2026-11-22"), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_record_deal_activity(plan, "D-113", "2026-11-22"), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_record_deal_activity(plan, "D-108", "2026-10-01"), KARE_ERROR_INVALID_PLAN);
    CHECK_STATUS(kare_plan_change_close_date(plan, "D-999", "2027-02-28", "2026-11-22", NULL), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_change_close_date(plan, "D-108", "2027-01-31", "2026-11-22", NULL), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_change_close_date(plan, "D-114", "2027-01-31", "2026-11-22", NULL), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_declare_stall(plan, "D-999", "holidays", "2026-11-22", "2027-01-05"), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_declare_stall(plan, "D-113", "holidays", "2026-11-22", "2027-01-05"), KARE_ERROR_CONFLICT);
    CHECK_STATUS(kare_plan_declare_deal_state(plan, "D-999", KARE_HONESTY_DEAD, "2026-11-22", "x"), KARE_ERROR_NOT_FOUND);
    REFUSED(kare_plan_declare_deal_state(plan, "D-108", KARE_HONESTY_DEAD, "2026-11-22", ""), "reason");
    CHECK_STATUS(kare_plan_close_deal(plan, "D-999", KARE_OUTCOME_WON, "2026-11-22", NULL), KARE_ERROR_NOT_FOUND);

    /* Beyond a limit: one string longer than 64 KiB. */
    enum { huge = 70 * 1024 };
    char *long_name = malloc(huge + 128);
    if (long_name) {
        int at = snprintf(long_name, 128, "{\"id\":\"L-1\",\"name\":\"");
        memset(long_name + at, 'x', huge);
        strcpy(long_name + at + huge, "\",\"owner\":\"maya\",\"relationship\":\"client\"}");
        CHECK_STATUS(kare_plan_add_account(plan, long_name, KARE_NUL_TERMINATED), KARE_ERROR_LIMIT);
        free(long_name);
    }

    char *after = plan_text(plan);
    CHECK(strcmp(before, after) != 0); /* the two moves above were recorded */
    kare_string_free(after);
    CHECK_STATUS(kare_plan_account_count(&n, plan), KARE_OK);
    CHECK(n == 26);

    /* Reports and documents for a rep the plan lacks. */
    kare_report *report = (kare_report *)0x1;
    char *owned = (char *)0x1;
    CHECK_STATUS(kare_plan_map_svg(&owned, NULL, plan, "2026-11-23", "nobody"), KARE_ERROR_NOT_FOUND);
    CHECK(owned == NULL);
    CHECK_STATUS(kare_plan_review_html(&owned, NULL, plan, "2026-11-23", "nobody"), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", "nobody"), KARE_ERROR_NOT_FOUND);
    CHECK(report == NULL);
    /* The trend is bounded (ten years of weeks). */
    CHECK_STATUS(kare_plan_progress_json(&owned, NULL, plan, "2026-11-23", NULL, 521), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(owned == NULL);
    CHECK_STATUS(kare_plan_progress_json(&owned, &n, plan, "2026-11-23", NULL, 520), KARE_OK);
    CHECK(owned && n == strlen(owned) && strstr(owned, "\"trend\"") != NULL);
    kare_string_free(owned);
    kare_string_free(before);
    kare_plan_free(plan);
}

/* Files: unreadable, unwritable and malformed. */
static void test_file_errors(const char *scratch)
{
    char path[512];
    kare_plan *plan = (kare_plan *)0x1;
    snprintf(path, sizeof path, "%s/malformed-plan.json", scratch);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs("{\"format\":\"kare-plan\",", f);
        fclose(f);
    }
    CHECK_STATUS(kare_plan_load_file(&plan, path), KARE_ERROR_PARSE);
    CHECK(plan == NULL);
    snprintf(path, sizeof path, "%s/empty-plan.json", scratch);
    f = fopen(path, "wb");
    if (f)
        fclose(f);
    CHECK_STATUS(kare_plan_load_file(&plan, path), KARE_ERROR_PARSE);
    CHECK_STATUS(kare_plan_load_file(&plan, ""), KARE_ERROR_IO);

    plan = load_example();
    /* A folder where the file should go. */
    CHECK_STATUS(kare_plan_save_file(plan, scratch), KARE_ERROR_IO);
    CHECK(strstr(kare_error_message(), scratch) != NULL);
    CHECK_STATUS(kare_plan_save_file(plan, ""), KARE_ERROR_IO);
    kare_plan_free(plan);
}

static void test_batch(void)
{
    kare_plan *plan = load_example();
    const char *jsonl =
        "{\"id\":\"P-1\",\"name\":\"Prospect\",\"owner\":\"anyone\",\"relationship\":\"prospect\","
        "\"attributes\":{\"risk\":\"low\",\"growth_potential\":\"high\"}}\n"
        "\n"
        "{\"id\":\"C-2\",\"name\":\"Client\",\"owner\":\"maya\",\"relationship\":\"client\","
        "\"attributes\":{\"risk\":\"high\",\"profitability\":\"low\"}}\n";
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(kare_plan_classify_jsonl(&out, &len, plan, jsonl, strlen(jsonl), 1, 0), KARE_OK);
    CHECK(out && len == strlen(out));
    CHECK(out && strstr(out, "{\"id\":\"P-1\",\"placement\":\"attain\",\"basis\":\"profile\"") == out);
    CHECK(out && strstr(out, "\"fire_suggestions\":[\"unprofitable_risky_client\"]") != NULL);
    char *again = NULL;
    CHECK_STATUS(kare_plan_classify_jsonl(&again, NULL, plan, jsonl, KARE_NUL_TERMINATED, 0, 0), KARE_OK);
    CHECK(out && again && strcmp(out, again) == 0);
    kare_string_free(again);

    /* A bad line fails the call and names the line. */
    const char *bad =
        "{\"id\":\"A\",\"name\":\"A\",\"owner\":\"o\",\"relationship\":\"client\"}\n"
        "{\"id\":\"B\",\"name\":\"B\",\"owner\":\"o\",\"relationship\":\"client\","
        "\"attributes\":{\"risk\":\"extreme\"}}\n";
    char *none = (char *)0x1;
    CHECK_STATUS(kare_plan_classify_jsonl(&none, NULL, plan, bad, strlen(bad), 2, 0), KARE_ERROR_INVALID_PLAN);
    CHECK(none == NULL);
    CHECK(strcmp(kare_error_path(), "line 2: attributes.risk") == 0);
    CHECK(strstr(kare_error_message(), "extreme") != NULL);

    /* Or is answered in place. */
    char *skipped = NULL;
    CHECK_STATUS(kare_plan_classify_jsonl(&skipped, NULL, plan, bad, strlen(bad), 1, KARE_JSONL_SKIP_INVALID), KARE_OK);
    CHECK(skipped && strstr(skipped, "{\"line\":2,\"error\":{\"code\":\"invalid_plan\",\"path\":\"attributes.risk\"") != NULL);
    kare_string_free(skipped);

    CHECK_STATUS(kare_plan_classify_jsonl(&none, NULL, plan, "{\"id\":", KARE_NUL_TERMINATED, 1, 0), KARE_ERROR_PARSE);
    CHECK(strcmp(kare_error_path(), "line 1") == 0);
    CHECK_STATUS(kare_plan_classify_jsonl(&none, NULL, plan, jsonl, strlen(jsonl), 1, 2), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_classify_jsonl(&none, NULL, plan, "{}\0{}", 5, 1, 0), KARE_ERROR_PARSE);
    CHECK_STATUS(kare_plan_classify_jsonl(&none, NULL, NULL, jsonl, strlen(jsonl), 1, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_classify_jsonl(NULL, NULL, plan, jsonl, strlen(jsonl), 1, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_classify_jsonl(&none, NULL, plan, NULL, 3, 1, 0), KARE_ERROR_INVALID_ARGUMENT);

    /* An empty stream gives an empty result. */
    char *empty = NULL;
    CHECK_STATUS(kare_plan_classify_jsonl(&empty, &len, plan, "", 0, 1, 0), KARE_OK);
    CHECK(empty && len == 0 && empty[0] == '\0');
    kare_string_free(empty);
    kare_string_free(out);
    kare_plan_free(plan);
}

/* The plan's own sections replaced in place; records checked against them. */
static void test_sections(void)
{
    kare_plan *plan = load_example();
    int32_t where = -1;
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "NVA-014", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_ATTAIN);
    char *before = plan_text(plan);

    /* Refusals name the place and change nothing. */
    CHECK_STATUS(kare_plan_replace_sections(plan, "{\"format\":\"kare-plan\",\"version\":1,\"accounts\":[]}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "accounts") == 0);
    CHECK_STATUS(kare_plan_replace_sections(plan, "{\"format\":\"kare-plan\",\"version\":1,\"reps\":[{\"id\":\"maya\",\"name\":\"Maya\",\"style\":\"farmer\"}]}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strstr(kare_error_path(), "].owner") != NULL);
    CHECK_STATUS(kare_plan_replace_sections(plan, "{\"format\":\"kare-plan\",\"version\":1,\"profiles\":{\"attain\":{\"rule\":{\"field\":\"colour\",\"eq\":1}}}}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "profiles.attain.rule.field") == 0);
    CHECK_STATUS(kare_plan_replace_sections(plan, "{\"format\":\"kare-plan\",\"version\":7}", KARE_NUL_TERMINATED), KARE_ERROR_UNSUPPORTED_VERSION);
    CHECK_STATUS(kare_plan_replace_sections(plan, "{\"name\":", KARE_NUL_TERMINATED), KARE_ERROR_PARSE);
    char *after = plan_text(plan);
    CHECK(before && after && strcmp(before, after) == 0);
    kare_string_free(after);

    /* A new seller, then an account of theirs. */
    size_t reps = 0;
    CHECK_STATUS(kare_plan_add_rep(plan, "{\"id\":\"ana\",\"name\":\"Ana\",\"style\":\"hunter\"}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_rep_count(&reps, plan), KARE_OK);
    CHECK(reps == 3);
    CHECK_STATUS(kare_plan_add_account(plan, "{\"id\":\"ANA-1\",\"name\":\"New\",\"owner\":\"ana\",\"relationship\":\"prospect\"}", KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_add_rep(plan, "{\"id\":\"ana\"}", KARE_NUL_TERMINATED), KARE_ERROR_CONFLICT);
    CHECK(strcmp(kare_error_path(), "reps[3].id") == 0);
    CHECK_STATUS(kare_plan_add_rep(plan, "{\"id\":\"bo\",\"style\":\"closer\"}", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "reps[3].style") == 0);
    CHECK_STATUS(kare_plan_add_rep(plan, "{\"id\":", KARE_NUL_TERMINATED), KARE_ERROR_PARSE);
    CHECK_STATUS(kare_plan_rep_count(&reps, plan), KARE_OK);
    CHECK(reps == 3);
    kare_string_free(before);
    before = plan_text(plan);

    /* A stricter Attain profile: the prospect it placed is now in no category. */
    const char *stricter =
        "{\"format\":\"kare-plan\",\"version\":1,\"name\":\"Harbor, stricter\",\"profiles\":{\"attain\":"
        "{\"rule\":{\"all\":[{\"field\":\"relationship\",\"eq\":\"prospect\"},"
        "{\"field\":\"seats\",\"ge\":1000000}]}}}}";
    CHECK_STATUS(kare_plan_replace_sections(plan, stricter, strlen(stricter)), KARE_OK);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "NVA-014", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_UNASSIGNED);
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "PKR-016", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where == KARE_PLACEMENT_ATTAIN); /* a decision stands */
    after = plan_text(plan);
    CHECK(after && strstr(after, "\"name\": \"Harbor, stricter\"") != NULL);
    kare_string_free(after);
    kare_string_free(before);
    kare_plan_free(plan);
}

/* CRM exports into a plan, all or nothing, through the shipped mapping. */
static const char companies_csv[] =
    "Record ID,Company name,Company owner,Lifecycle Stage,Industry,Annual Revenue,"
    "Recent Deal Close Date,Create Date\n"
    "9001,Acme Tooling,Maya Chen,Customer,Manufacturing,84000,2026-04-01 10:12,2021-03-02 09:00\n"
    "9014,Nova Robotics,Leo Okafor,Opportunity,Industrial Automation,,,2026-08-01 14:00\n"
    "9020,No Owner Ltd,,Customer,Retail,1000,,2026-01-01 09:00\n"
    "9030,Orbit Labs,Maya Chen,Customer,Manufacturing,5000,,2025-05-01 09:00\n"
    "9031,Pico Foods,Leo Okafor,Opportunity,Retail,,,2026-02-01 09:00\n";
static const char deals_csv[] =
    "Record ID,Deal Name,Deal Stage,Amount,Deal owner,Close Date,Last Activity Date,Create Date,"
    "Associated Company IDs\n"
    "7103,Nova Robotics platform,Presentation Scheduled,300000,Leo Okafor,2026-12-31 00:00,"
    "2026-11-10 17:05,2026-09-15 09:30,9014\n";

static void test_import(void)
{
    const char *hubspot = NULL;
    size_t hubspot_len = 0;
    CHECK_STATUS(kare_import_mapping_builtin(&hubspot, &hubspot_len, "hubspot"), KARE_OK);
    CHECK(hubspot && hubspot_len == strlen(hubspot));
    CHECK(hubspot && strstr(hubspot, "\"format\": \"kare-import-mapping\"") != NULL);
    const char *salesforce = NULL;
    CHECK_STATUS(kare_import_mapping_builtin(&salesforce, NULL, "salesforce"), KARE_OK);
    CHECK(salesforce && strstr(salesforce, "Opportunity") != NULL);
    const char *none = (const char *)0x1;
    CHECK_STATUS(kare_import_mapping_builtin(&none, NULL, "pipedrive"), KARE_ERROR_NOT_FOUND);
    CHECK(none == (const char *)0x1);
    CHECK(strstr(kare_error_message(), "pipedrive") != NULL);
    REFUSED(kare_import_mapping_builtin(NULL, NULL, "hubspot"), "out");
    REFUSED(kare_import_mapping_builtin(&none, NULL, NULL), "name");

    /* Into an empty plan: the deal's file comes first, yet applies after its
     * accounts; the unknown owners become reps. */
    kare_plan *plan = NULL;
    CHECK_STATUS(kare_plan_load(&plan, "{\"format\":\"kare-plan\",\"version\":1}", KARE_NUL_TERMINATED), KARE_OK);
    kare_csv_file files[2] = {{"deals.csv", deals_csv, sizeof deals_csv - 1},
                              {"companies.csv", companies_csv, KARE_NUL_TERMINATED}};
    char *report = NULL;
    size_t report_len = 0;
    CHECK_STATUS(kare_plan_import_csv(&report, &report_len, plan, hubspot, hubspot_len, files, 2,
                                      "2026-11-23"), KARE_OK);
    CHECK(report && report_len == strlen(report));
    CHECK(report && strstr(report, "\"format\": \"kare-import-report\"") != NULL);
    CHECK(report && strstr(report, "\"source\": \"companies.csv\"") <
                        strstr(report, "\"source\": \"deals.csv\""));
    CHECK(report && strstr(report, "\"row\": 4") != NULL);
    CHECK(report && strstr(report, "\"reason\": \"no Company owner\"") != NULL);
    const char *reps = report ? strstr(report, "\"reps_added\"") : NULL;
    CHECK(reps && strstr(reps, "\"maya-chen\"") && strstr(reps, "\"maya-chen\"") < strstr(reps, "\"leo-okafor\""));
    kare_string_free(report);
    size_t n = 0;
    CHECK_STATUS(kare_plan_account_count(&n, plan), KARE_OK);
    CHECK(n == 4);
    CHECK_STATUS(kare_plan_deal_count(&n, plan), KARE_OK);
    CHECK(n == 1);
    CHECK_STATUS(kare_plan_rep_count(&n, plan), KARE_OK);
    CHECK(n == 2);
    int32_t where = -1;
    CHECK_STATUS(kare_plan_account_placement(&where, plan, "9014", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(where >= KARE_PLACEMENT_KEEP && where <= KARE_PLACEMENT_UNASSIGNED);

    /* Again: every record is already there and is updated, none added; the
     * report is optional. */
    CHECK_STATUS(kare_plan_import_csv(&report, NULL, plan, hubspot, KARE_NUL_TERMINATED, files, 2,
                                      "2026-11-23"), KARE_OK);
    CHECK(report && strstr(report, "\"added\": 0,\n      \"updated\": 4") != NULL);
    kare_string_free(report);
    CHECK_STATUS(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, files, 1,
                                      "2026-11-23"), KARE_OK);
    CHECK_STATUS(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, NULL, 0,
                                      "2026-11-23"), KARE_OK);
    CHECK_STATUS(kare_plan_account_count(&n, plan), KARE_OK);
    CHECK(n == 4);

    /* Every failure names its place and leaves the plan as it was. */
    char *before = plan_text(plan);
    char *no_report = (char *)0x1;
    static const char bad_amount[] =
        "Record ID,Deal Name,Deal Stage,Amount,Deal owner,Close Date,Last Activity Date,"
        "Create Date,Associated Company IDs\n"
        "7104,Acme add-on,Contract Sent,84000,Maya Chen,2027-03-31 00:00,,2026-10-15 09:00,9001\n"
        "7105,Acme more,Contract Sent,\"$18,000\",Maya Chen,2027-03-31 00:00,,2026-10-15 09:00,9001\n";
    kare_csv_file bad[2] = {{"companies.csv", companies_csv, KARE_NUL_TERMINATED},
                            {"bad-deals.csv", bad_amount, KARE_NUL_TERMINATED}};
    CHECK_STATUS(kare_plan_import_csv(&no_report, NULL, plan, hubspot, hubspot_len, bad, 2,
                                      "2026-11-23"), KARE_ERROR_INVALID_PLAN);
    CHECK(no_report == NULL);
    CHECK(strcmp(kare_error_path(), "bad-deals.csv, row 3, column 4 (Amount)") == 0);
    CHECK(strstr(kare_error_message(), "$18,000") != NULL);

    const char *typo = "{\"format\":\"kare-import-mapping\",\"version\":1,\"tables\":[{\"kind\":\"deals\","
                       "\"columns\":{\"id\":\"Record ID\",\"amont\":\"Amount\"}}]}";
    CHECK_STATUS(kare_plan_import_csv(NULL, NULL, plan, typo, KARE_NUL_TERMINATED, files, 2,
                                      "2026-11-23"), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strncmp(kare_error_path(), "mapping: tables[0].columns", 26) == 0);
    CHECK_STATUS(kare_plan_import_csv(NULL, NULL, plan, "{\"format\":", KARE_NUL_TERMINATED, files, 2,
                                      "2026-11-23"), KARE_ERROR_PARSE);
    CHECK(strncmp(kare_error_path(), "mapping", 7) == 0);

    static const char unknown_header[] = "Name,Phone\nAcme,555\n";
    kare_csv_file stranger = {"contacts.csv", unknown_header, KARE_NUL_TERMINATED};
    CHECK_STATUS(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, &stranger, 1,
                                      "2026-11-23"), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_path(), "contacts.csv") == kare_error_path());
    static const char unterminated[] =
        "Record ID,Company name,Company owner,Lifecycle Stage\n9001,\"Acme,Maya Chen,Customer\n";
    kare_csv_file broken = {"broken.csv", unterminated, KARE_NUL_TERMINATED};
    CHECK_STATUS(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, &broken, 1,
                                      "2026-11-23"), KARE_ERROR_PARSE);
    CHECK(strstr(kare_error_path(), "broken.csv") == kare_error_path());

    /* Arguments. */
    REFUSED(kare_plan_import_csv(&no_report, NULL, NULL, hubspot, hubspot_len, files, 2, "2026-11-23"), "plan");
    CHECK(no_report == NULL);
    REFUSED(kare_plan_import_csv(NULL, NULL, plan, NULL, 3, files, 2, "2026-11-23"), "mapping");
    REFUSED(kare_plan_import_csv(NULL, NULL, plan, "{}\0{}", 5, files, 2, "2026-11-23"), "mapping");
    REFUSED(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, NULL, 2, "2026-11-23"), "files");
    kare_csv_file unnamed[2] = {{"companies.csv", companies_csv, KARE_NUL_TERMINATED},
                                {NULL, deals_csv, KARE_NUL_TERMINATED}};
    REFUSED(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, unnamed, 2, "2026-11-23"), "files[1].name");
    kare_csv_file empty_text = {"deals.csv", NULL, 0};
    REFUSED(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, &empty_text, 1, "2026-11-23"), "files[0].text");
    kare_csv_file with_nul = {"deals.csv", "a\0b", 3};
    REFUSED(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, &with_nul, 1, "2026-11-23"), "files[0].text");
    REFUSED(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, files, 2, "23/11/2026"), "as_of");
    REFUSED(kare_plan_import_csv(NULL, NULL, plan, hubspot, hubspot_len, files, 2, NULL), "as_of");

    char *after = plan_text(plan);
    CHECK(before && after && strcmp(before, after) == 0);
    kare_string_free(before);
    kare_string_free(after);
    kare_plan_free(plan);
}

/* What `kare import --into PLAN FILE... --mapping NAME --as-of DAY` prints:
 * the plan document after the import. */
static int print_import(const char *mapping_name, const char *as_of, int file_count, char **paths)
{
    const char *mapping = NULL;
    kare_plan *plan = load_example();
    kare_csv_file files[8];
    char *texts[8] = {NULL};
    int ok = file_count <= 8 && plan != NULL &&
             kare_import_mapping_builtin(&mapping, NULL, mapping_name) == KARE_OK;
    for (int i = 0; ok && i < file_count; ++i) {
        texts[i] = read_file(paths[i]);
        files[i].name = paths[i];
        files[i].text = texts[i];
        files[i].text_len = KARE_NUL_TERMINATED;
        ok = texts[i] != NULL;
    }
    char *json = NULL;
    ok = ok && kare_plan_import_csv(NULL, NULL, plan, mapping, KARE_NUL_TERMINATED, files,
                                    (size_t)file_count, as_of) == KARE_OK &&
         kare_plan_to_json(&json, NULL, plan) == KARE_OK;
    if (ok)
        fputs(json, stdout);
    else
        fprintf(stderr, "%s: %s\n", kare_error_path(), kare_error_message());
    kare_string_free(json);
    for (int i = 0; i < file_count && i < 8; ++i)
        free(texts[i]);
    kare_plan_free(plan);
    return ok ? 0 : 1;
}

/* Readers on one plan from several threads, while one thread mutates it. */
struct shared {
    kare_plan *plan;
    int errors;
};

/* A real CRM's export (docs/examples/first-import, beside the example plan)
 * into a working plan, then the review's suggested moves accepted. */
static void test_first_import(void)
{
    char dir[4096];
    const char *slash = strrchr(example_path, '/');
    int prefix = slash ? (int)(slash - example_path) : 1;
    snprintf(dir, sizeof dir, "%.*s/first-import", prefix, slash ? example_path : ".");
    static const char *const names[4] = {"sales_pipeline.csv", "accounts.csv", "sales_teams.csv",
                                         "products.csv"};
    char path[4200];
    char *texts[4];
    kare_csv_file files[4];
    for (int i = 0; i < 4; ++i) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        texts[i] = read_file(path);
        CHECK(texts[i] != NULL);
        files[i].name = names[i];
        files[i].text = texts[i] ? texts[i] : "";
        files[i].text_len = KARE_NUL_TERMINATED;
    }
    snprintf(path, sizeof path, "%s/mapping.json", dir);
    char *mapping = read_file(path);
    CHECK(mapping != NULL);
    snprintf(path, sizeof path, "%s/base-plan.json", dir);
    kare_plan *plan = NULL;
    CHECK_STATUS(kare_plan_load_file(&plan, path), KARE_OK);
    char *report_json = NULL;
    CHECK_STATUS(kare_plan_import_csv(&report_json, NULL, plan, mapping ? mapping : "",
                                      KARE_NUL_TERMINATED, files, 4, "2017-12-31"), KARE_OK);
    CHECK(report_json && strstr(report_json, "\"reason\": \"no account\"") != NULL);
    CHECK(report_json && strstr(report_json, "\"product\": \"GTXPro\"") != NULL);
    kare_string_free(report_json);

    kare_report *report = NULL;
    size_t n = 0;
    CHECK_STATUS(kare_report_new(&report, plan, "2017-12-31", NULL), KARE_OK);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_KEEP), KARE_OK);
    CHECK(n == 5);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_EXPAND), KARE_OK);
    CHECK(n == 3);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_RECAPTURE), KARE_OK);
    CHECK(n == 2);
    CHECK_STATUS(kare_report_count(&n, report, KARE_PLACEMENT_ATTAIN), KARE_OK);
    CHECK(n == 2);
    kare_report_free(report);

    /* A quarter later two clients have lapsed: refusals first, each leaving
     * the plan as it was, then the moves of that code. */
    CHECK_STATUS(kare_plan_assign(plan, "Hottechi", KARE_PLACEMENT_KEEP, "2018-01-15", "Protect it"), KARE_OK);
    char *before = plan_text(plan);
    size_t accepted = 99;
    REFUSED(kare_plan_accept_moves(&accepted, NULL, "2018-06-30", "move.client_lapsed", NULL, NULL, NULL), "plan");
    CHECK(accepted == 0);
    REFUSED(kare_plan_accept_moves(&accepted, plan, NULL, "move.client_lapsed", NULL, NULL, NULL), "as_of");
    REFUSED(kare_plan_accept_moves(&accepted, plan, "2018-06-31", "move.client_lapsed", NULL, NULL, NULL), "as_of");
    REFUSED(kare_plan_accept_moves(&accepted, plan, "2018-06-30", "move.client_lapsed", NULL, "June", NULL), "on");
    REFUSED(kare_plan_accept_moves(&accepted, plan, "2018-06-30", NULL, NULL, NULL, NULL), "move code or an account");
    REFUSED(kare_plan_accept_moves(&accepted, plan, "2018-06-30", "move.sideways", NULL, NULL, NULL), "move.sideways");
    CHECK_STATUS(kare_plan_accept_moves(&accepted, plan, "2018-06-30", "move.attain_won", NULL, NULL, NULL),
                 KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_accept_moves(&accepted, plan, "2018-06-30", NULL, "Hottechi", "2018-01-01", NULL),
                 KARE_ERROR_CONFLICT);
    CHECK(strstr(kare_error_message(), "2018-01-15") != NULL);
    char *unchanged = plan_text(plan);
    CHECK(before && unchanged && strcmp(before, unchanged) == 0);
    kare_string_free(unchanged);
    kare_string_free(before);
    CHECK_STATUS(kare_plan_accept_moves(&accepted, plan, "2018-06-30", "move.client_lapsed", NULL, NULL,
                                        "Lapsed since the export"), KARE_OK);
    CHECK(accepted == 2);
    CHECK_STATUS(kare_plan_accept_moves(NULL, plan, "2018-06-30", "move.client_lapsed", NULL, NULL, NULL),
                 KARE_ERROR_NOT_FOUND);
    char *after = plan_text(plan);
    CHECK(after && strstr(after, "Lapsed since the export") != NULL);
    kare_string_free(after);
    kare_plan_free(plan);
    free(mapping);
    for (int i = 0; i < 4; ++i)
        free(texts[i]);
}

static void *reader(void *arg)
{
    struct shared *s = arg;
    for (int i = 0; i < 200; ++i) {
        int32_t where;
        kare_report *report = NULL;
        if (kare_plan_account_placement(&where, s->plan, "ACME-001", KARE_NUL_TERMINATED) != KARE_OK)
            ++s->errors;
        if (kare_report_new(&report, s->plan, "2026-11-23", NULL) != KARE_OK)
            ++s->errors;
        kare_report_free(report);
        char *batch = NULL;
        const char *line = "{\"id\":\"T\",\"name\":\"T\",\"owner\":\"o\",\"relationship\":\"client\"}";
        if (kare_plan_classify_jsonl(&batch, NULL, s->plan, line, KARE_NUL_TERMINATED, 2, 0) != KARE_OK)
            ++s->errors;
        kare_string_free(batch);
        /* A snapshot: as many placements as ids, whatever the writer does. */
        char *placed = NULL;
        size_t placed_len = 0, placed_count = 0, ids = 0;
        if (kare_plan_placements(&placed, &placed_len, &placed_count, s->plan, NULL) != KARE_OK)
            ++s->errors;
        for (const char *id = placed ? placed + placed_count : NULL; id && id < placed + placed_len;
             id += strlen(id) + 1)
            ++ids;
        if (ids != placed_count)
            ++s->errors;
        kare_string_free(placed);
        /* Errors are per thread: this one must not leak into another thread. */
        if (kare_plan_account_placement(&where, s->plan, "NOPE", KARE_NUL_TERMINATED) != KARE_ERROR_NOT_FOUND)
            ++s->errors;
        if (strcmp(kare_error_message(), "no account has the id 'NOPE'") != 0)
            ++s->errors;
    }
    return NULL;
}

static void *writer(void *arg)
{
    struct shared *s = arg;
    for (int i = 0; i < 200; ++i) {
        const char *to = i % 2 ? "2027-01-01" : "2027-01-01";
        if (kare_plan_move(s->plan, "DLT-004", i % 2 ? KARE_PLACEMENT_KEEP : KARE_PLACEMENT_EXPAND, to, "flip") != KARE_OK)
            ++s->errors;
        /* Whole-plan swaps under the readers: new sections, an import. */
        if (i % 20 == 0 &&
            kare_plan_replace_sections(s->plan, i % 40 ? "{\"format\":\"kare-plan\",\"version\":1,\"name\":\"A\"}"
                                                       : "{\"format\":\"kare-plan\",\"version\":1,\"name\":\"B\"}",
                                       KARE_NUL_TERMINATED) != KARE_OK)
            ++s->errors;
        if (i % 50 == 0) {
            const char *mapping = NULL;
            kare_csv_file file = {"companies.csv", companies_csv, KARE_NUL_TERMINATED};
            if (kare_import_mapping_builtin(&mapping, NULL, "hubspot") != KARE_OK ||
                kare_plan_import_csv(NULL, NULL, s->plan, mapping, KARE_NUL_TERMINATED, &file, 1, "2026-11-23") != KARE_OK)
                ++s->errors;
        }
    }
    return NULL;
}

static void test_threads(void)
{
    struct shared s = {load_example(), 0};
    struct shared w = {s.plan, 0};
    pthread_t threads[4];
    for (int i = 0; i < 3; ++i)
        pthread_create(&threads[i], NULL, reader, &s);
    pthread_create(&threads[3], NULL, writer, &w);
    for (int i = 0; i < 4; ++i)
        pthread_join(threads[i], NULL);
    CHECK(s.errors == 0);
    CHECK(w.errors == 0);
    kare_plan_free(s.plan);
}

/* A batch big enough to be cut into chunks: `lines` accounts of about 130
 * bytes, every `bad_every`-th one (if not 0) with an unknown risk. */
static char *batch_input(size_t lines, size_t bad_every, size_t *len)
{
    static const char *risks[] = {"low", "medium", "high"};
    static const char *relationships[] = {"client", "prospect", "former_client"};
    char *text = malloc(lines * 160 + 1);
    size_t at = 0;
    if (!text)
        return NULL;
    for (size_t i = 0; i < lines; ++i) {
        const char *risk = bad_every && i % bad_every == bad_every - 1 ? "extreme" : risks[i % 3];
        at += (size_t)sprintf(text + at,
                              "{\"id\":\"B-%zu\",\"name\":\"Batch %zu\",\"owner\":\"maya\","
                              "\"relationship\":\"%s\",\"attributes\":{\"risk\":\"%s\","
                              "\"growth_potential\":\"high\"}}\n",
                              i, i, relationships[i / 3 % 3], risk);
    }
    *len = at;
    return text;
}

struct batch_run {
    kare_plan *plan;
    const char *input;
    size_t input_len;
    const char *expected;
    uint32_t flags;
    int errors;
};

static void *classify_repeatedly(void *arg)
{
    struct batch_run *r = arg;
    for (int i = 0; i < 4; ++i) {
        char *out = NULL;
        if (kare_plan_classify_jsonl(&out, NULL, r->plan, r->input, r->input_len, 4, r->flags) != KARE_OK ||
            strcmp(out, r->expected) != 0)
            ++r->errors;
        kare_string_free(out);
    }
    return NULL;
}

static void *move_repeatedly(void *arg)
{
    struct batch_run *r = arg;
    for (int i = 0; i < 100; ++i)
        if (kare_plan_move(r->plan, "DLT-004", i % 2 ? KARE_PLACEMENT_KEEP : KARE_PLACEMENT_EXPAND,
                           "2027-01-01", "flip") != KARE_OK)
            ++r->errors;
    return NULL;
}

/* Several worker threads give the same bytes as one, also while other
 * threads run batches and mutate the plan. */
static void test_batch_threads(void)
{
    kare_plan *plan = load_example();
    size_t len = 0, bad_len = 0;
    char *input = batch_input(6000, 0, &len);
    char *bad = batch_input(6000, 1000, &bad_len);
    char *one = NULL, *four = NULL, *skipped_one = NULL;
    CHECK(input && bad && len > 4 * 64 * 1024);
    CHECK_STATUS(kare_plan_classify_jsonl(&one, NULL, plan, input, len, 1, 0), KARE_OK);
    CHECK_STATUS(kare_plan_classify_jsonl(&four, NULL, plan, input, len, 4, 0), KARE_OK);
    CHECK(one && four && strcmp(one, four) == 0);
    CHECK_STATUS(kare_plan_classify_jsonl(&skipped_one, NULL, plan, bad, bad_len, 1, KARE_JSONL_SKIP_INVALID), KARE_OK);
    CHECK(skipped_one && strstr(skipped_one, "{\"line\":6000,\"error\"") != NULL);

    /* The first bad line fails the call, whatever the thread count. */
    char *none = (char *)0x1;
    CHECK_STATUS(kare_plan_classify_jsonl(&none, NULL, plan, bad, bad_len, 4, 0), KARE_ERROR_INVALID_PLAN);
    CHECK(none == NULL);
    CHECK(strcmp(kare_error_path(), "line 1000: attributes.risk") == 0);

    struct batch_run runs[3] = {
        {plan, input, len, one, 0, 0},
        {plan, bad, bad_len, skipped_one, KARE_JSONL_SKIP_INVALID, 0},
        {plan, NULL, 0, NULL, 0, 0},
    };
    pthread_t threads[3];
    pthread_create(&threads[0], NULL, classify_repeatedly, &runs[0]);
    pthread_create(&threads[1], NULL, classify_repeatedly, &runs[1]);
    pthread_create(&threads[2], NULL, move_repeatedly, &runs[2]);
    for (int i = 0; i < 3; ++i) {
        pthread_join(threads[i], NULL);
        CHECK(runs[i].errors == 0);
    }
    kare_string_free(one);
    kare_string_free(four);
    kare_string_free(skipped_one);
    free(input);
    free(bad);
    kare_plan_free(plan);
}

struct saver {
    kare_plan *plan;
    const char *path;
    int errors;
};

static void *save_repeatedly(void *arg)
{
    struct saver *s = arg;
    for (int i = 0; i < 25; ++i)
        if (kare_plan_save_file(s->plan, s->path) != KARE_OK)
            ++s->errors;
    return NULL;
}

/* Saves to one path from several threads while another mutates the plan:
 * every save succeeds, the file is one whole plan, no temporary file stays. */
static void test_concurrent_saves(const char *scratch)
{
    char folder[512], path[600];
    snprintf(folder, sizeof folder, "%s/concurrent-saves", scratch);
    snprintf(path, sizeof path, "%s/plan.json", folder);
    kare_plan *plan = load_example();
    remove(path);
    remove(folder);
    CHECK_STATUS(kare_plan_save_file(plan, path), KARE_ERROR_IO); /* no folder yet */
    CHECK(mkdir(folder, 0777) == 0);
    struct saver savers[4];
    pthread_t threads[5];
    struct batch_run mover = {plan, NULL, 0, NULL, 0, 0};
    for (int i = 0; i < 4; ++i) {
        savers[i].plan = plan;
        savers[i].path = path;
        savers[i].errors = 0;
        pthread_create(&threads[i], NULL, save_repeatedly, &savers[i]);
    }
    pthread_create(&threads[4], NULL, move_repeatedly, &mover);
    for (int i = 0; i < 5; ++i)
        pthread_join(threads[i], NULL);
    for (int i = 0; i < 4; ++i)
        CHECK(savers[i].errors == 0);
    CHECK(mover.errors == 0);

    kare_plan *saved = NULL;
    CHECK_STATUS(kare_plan_load_file(&saved, path), KARE_OK);
    kare_plan_free(saved);
    DIR *dir = opendir(folder);
    CHECK(dir != NULL);
    int files = 0;
    for (struct dirent *e = dir ? readdir(dir) : NULL; e; e = readdir(dir))
        if (e->d_name[0] != '.')
            ++files;
    if (dir)
        closedir(dir);
    CHECK(files == 1);
    kare_plan_free(plan);
}

/* Prints the report document as the C API gives it, so CTest can compare it
 * byte for byte with the tool's (C++) output. */
static int print_report(const char *as_of)
{
    kare_plan *plan = load_example();
    kare_report *report = NULL;
    char *json = NULL;
    int ok = kare_report_new(&report, plan, as_of, NULL) == KARE_OK &&
             kare_report_to_json(&json, NULL, report) == KARE_OK;
    if (ok)
        fputs(json, stdout);
    kare_string_free(json);
    kare_report_free(report);
    kare_plan_free(plan);
    return ok ? 0 : 1;
}

/* Readers that never pause and a writer that must still get in: each reader
 * classifies a batch (holding the plan's read lock for the whole batch) until
 * the writer is done, or gives up after a number of rounds far beyond what a
 * writer-preferring lock needs (about one batch per reader). Under a
 * reader-preferring lock the readers' long sections overlap, the lock is never
 * free, and the writer waits until they give up. No clock is read. */
enum { READER_ROUNDS = 400, STARVING_READERS = 4 };

struct starving {
    kare_plan *plan;
    pthread_mutex_t lock;
    const char *batch;
    size_t batch_len;
    int started;     /* readers past their first batch */
    int writer_done;
    int gave_up;     /* readers that ran out of rounds first */
    int errors;
};

static int starving_get(struct starving *s, const int *field)
{
    pthread_mutex_lock(&s->lock);
    const int value = *field;
    pthread_mutex_unlock(&s->lock);
    return value;
}

static void starving_add(struct starving *s, int *field)
{
    pthread_mutex_lock(&s->lock);
    ++*field;
    pthread_mutex_unlock(&s->lock);
}

static void *classify_until_the_writer_is_done(void *arg)
{
    struct starving *s = arg;
    for (int round = 0; !starving_get(s, &s->writer_done); ++round) {
        if (round == READER_ROUNDS) {
            starving_add(s, &s->gave_up);
            return NULL;
        }
        char *out = NULL;
        if (kare_plan_classify_jsonl(&out, NULL, s->plan, s->batch, s->batch_len, 1, 0) != KARE_OK)
            starving_add(s, &s->errors);
        kare_string_free(out);
        if (round == 0)
            starving_add(s, &s->started);
    }
    return NULL;
}

static void test_writer_is_not_starved(void)
{
    size_t batch_len = 0;
    char *batch = batch_input(2000, 0, &batch_len);
    struct starving s = {load_example(), PTHREAD_MUTEX_INITIALIZER, batch, batch_len, 0, 0, 0, 0};
    pthread_t readers[STARVING_READERS];
    for (int i = 0; i < STARVING_READERS; ++i)
        pthread_create(&readers[i], NULL, classify_until_the_writer_is_done, &s);
    while (starving_get(&s, &s.started) < STARVING_READERS)
        sched_yield();
    CHECK_STATUS(kare_plan_move(s.plan, "DLT-004", KARE_PLACEMENT_EXPAND, "2027-01-01", "decided"),
                 KARE_OK);
    starving_add(&s, &s.writer_done);
    for (int i = 0; i < STARVING_READERS; ++i)
        pthread_join(readers[i], NULL);
    CHECK(s.gave_up == 0);
    CHECK(s.errors == 0);
    int32_t placement = -1;
    CHECK_STATUS(kare_plan_account_placement(&placement, s.plan, "DLT-004", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(placement == KARE_PLACEMENT_EXPAND);
    pthread_mutex_destroy(&s.lock);
    free(batch);
    kare_plan_free(s.plan);
}

/* A NUL byte is one bad line of a batch, with its number, and skippable. */
static void test_batch_nul_byte(void)
{
    kare_plan *plan = load_example();
    static const char line[] = "{\"id\":\"B-1\",\"name\":\"B\",\"owner\":\"maya\",\"relationship\":\"client\"}\n";
    char input[512];
    const size_t n = strlen(line);
    memcpy(input, line, n);
    memcpy(input + n, line, n);
    input[n + 10] = '\0'; /* inside the second line's name */
    memcpy(input + 2 * n, line, n);
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(kare_plan_classify_jsonl(&out, &out_len, plan, input, 3 * n, 1, 0), KARE_ERROR_PARSE);
    CHECK(strstr(kare_error_path(), "line 2") != NULL || strstr(kare_error_message(), "line 2") != NULL);
    CHECK(strstr(kare_error_message(), "a NUL byte at column 11") != NULL);
    CHECK_STATUS(kare_plan_classify_jsonl(&out, &out_len, plan, input, 3 * n, 1, KARE_JSONL_SKIP_INVALID),
                 KARE_OK);
    CHECK(out != NULL && strstr(out, "{\"line\":2,\"error\":{\"code\":\"parse_error\"") != NULL);
    kare_string_free(out);
    kare_plan_free(plan);
}

static int files_in(const char *folder)
{
    int files = 0;
    DIR *dir = opendir(folder);
    for (struct dirent *e = dir ? readdir(dir) : NULL; e; e = readdir(dir))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            ++files;
    if (dir)
        closedir(dir);
    return files;
}

static int same_text(const char *path, const char *expected)
{
    char *text = read_file(path);
    const int same = text && strcmp(text, expected) == 0;
    free(text);
    return same;
}

/* Saving keeps what the target was: its mode, its symlink; never follows a
 * planted link; reading refuses what is not a regular file, and a file too
 * large before reading it. */
static void test_saving(const char *scratch)
{
    char folder[512], path[600], real[600], link[600], planted[640], victim[600];
    snprintf(folder, sizeof folder, "%s/saving", scratch);
    snprintf(path, sizeof path, "%s/private.json", folder);
    snprintf(real, sizeof real, "%s/real.json", folder);
    snprintf(link, sizeof link, "%s/link.json", folder);
    snprintf(victim, sizeof victim, "%s/victim.txt", folder);
    snprintf(planted, sizeof planted, "%s.kare-tmp", path);
    mkdir(folder, 0777);
    const char *names[] = {"private.json", "real.json", "link.json", "victim.txt",
                           "private.json.kare-tmp", "fifo", "sparse.json"};
    for (size_t i = 0; i < sizeof names / sizeof *names; ++i) {
        char old[700];
        snprintf(old, sizeof old, "%s/%s", folder, names[i]);
        remove(old);
    }
    kare_plan *plan = load_example();
    char *json = NULL;
    CHECK_STATUS(kare_plan_to_json(&json, NULL, plan), KARE_OK);

    /* A private plan stays private. */
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    CHECK(chmod(path, 0600) == 0);
    struct stat info;
    CHECK_STATUS(kare_plan_save_file(plan, path), KARE_OK);
    CHECK(stat(path, &info) == 0 && (info.st_mode & 0777) == 0600);
    CHECK(json && same_text(path, json));

    /* A planted symlink where a fixed temporary name would be is not followed. */
    f = fopen(victim, "w");
    if (f) {
        fputs("untouched", f);
        fclose(f);
    }
    CHECK(symlink(victim, planted) == 0);
    CHECK_STATUS(kare_plan_save_file(plan, path), KARE_OK);
    CHECK(same_text(victim, "untouched"));
    CHECK(remove(planted) == 0);

    /* A symlinked plan is written through: the link stays, its file changes. */
    f = fopen(real, "w");
    if (f)
        fclose(f);
    CHECK(symlink("real.json", link) == 0);
    CHECK_STATUS(kare_plan_save_file(plan, link), KARE_OK);
    CHECK(lstat(link, &info) == 0 && S_ISLNK(info.st_mode));
    CHECK(json && same_text(real, json));

    /* A failure names the target and the system's reason, and leaves nothing. */
    const int before = files_in(folder);
    CHECK_STATUS(kare_plan_save_file(plan, folder), KARE_ERROR_IO);
    CHECK(strstr(kare_error_message(), folder) != NULL);
    CHECK(strstr(kare_error_message(), "kare-tmp") == NULL);
    CHECK(strstr(kare_error_message(), "Is a directory") != NULL);
    CHECK(files_in(folder) == before);
    char missing[700];
    snprintf(missing, sizeof missing, "%s/no-such-folder/plan.json", folder);
    CHECK_STATUS(kare_plan_save_file(plan, missing), KARE_ERROR_IO);
    CHECK(strstr(kare_error_message(), missing) != NULL);
    CHECK(strstr(kare_error_message(), "No such file or directory") != NULL);

    /* Reading: a pipe and a device are refused at once, a huge file before a byte is read. */
    kare_plan *loaded = NULL;
    char fifo[600], sparse[600];
    snprintf(fifo, sizeof fifo, "%s/fifo", folder);
    snprintf(sparse, sizeof sparse, "%s/sparse.json", folder);
    CHECK(mkfifo(fifo, 0600) == 0);
    CHECK_STATUS(kare_plan_load_file(&loaded, fifo), KARE_ERROR_IO);
    CHECK(strstr(kare_error_message(), "a pipe, not a regular file") != NULL);
    CHECK_STATUS(kare_plan_load_file(&loaded, "/dev/zero"), KARE_ERROR_IO);
    CHECK(strstr(kare_error_message(), "a device") != NULL);
    CHECK_STATUS(kare_plan_load_file(&loaded, folder), KARE_ERROR_IO);
    CHECK(strstr(kare_error_message(), "a folder") != NULL);
    f = fopen(sparse, "w");
    if (f)
        fclose(f);
    CHECK(truncate(sparse, (off_t)4294967296 + 1) == 0); /* 4 GiB + 1, sparse: no disk used */
    CHECK_STATUS(kare_plan_load_file(&loaded, sparse), KARE_ERROR_LIMIT);
    CHECK(loaded == NULL);
    remove(sparse);
    remove(fifo);
    kare_string_free(json);
    kare_plan_free(plan);
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[2], "--report-json") == 0) {
        example_path = argv[1];
        return print_report(argv[3]);
    }
    if (argc >= 5 && strcmp(argv[2], "--import") == 0) {
        example_path = argv[1];
        return print_import(argv[3], argv[4], argc - 5, argv + 5);
    }
    if (argc != 3) {
        fprintf(stderr, "usage: %s EXAMPLE.json SCRATCH_DIR\n", argv[0]);
        return 2;
    }
    example_path = argv[1];
    test_versions();
    test_status_names();
    test_placement_names();
    test_load_errors();
    test_round_trip();
    test_accessors();
    test_placements();
    test_finding_codes();
    test_ledger();
    test_removals_then_lookups();
    test_report();
    test_activities();
    test_deals();
    test_pictures_and_files(argv[2]);
    test_null_arguments();
    test_counted_text();
    test_bad_dates();
    test_as_of();
    test_changes();
    test_unknown_codes();
    test_refusals();
    test_file_errors(argv[2]);
    test_batch();
    test_import();
    test_first_import();
    test_sections();
    test_threads();
    test_batch_threads();
    test_concurrent_saves(argv[2]);
    test_writer_is_not_starved();
    test_batch_nul_byte();
    test_saving(argv[2]);
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
