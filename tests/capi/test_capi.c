/* The C API tested from C: every function, every reachable status, argument
 * validation, ownership, and concurrent readers. Run under ASan (leaks) in CI. */
#include <kare/kare.h>

#include <pthread.h>
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

#define CHECK_STATUS(call, expected) CHECK((call) == (expected))

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
    CHECK(strcmp(kare_status_str(-11), "unknown") == 0);
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

    const char *bad_owner =
        "{\"format\":\"kare-plan\",\"version\":1,\"reps\":[{\"id\":\"a\"}],"
        "\"accounts\":[{\"id\":\"X\",\"name\":\"X\",\"owner\":\"b\",\"relationship\":\"client\"}]}";
    CHECK_STATUS(kare_plan_load(&plan, bad_owner, strlen(bad_owner)), KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "accounts[0].owner") == 0);

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
    kare_plan_free(plan);
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
    CHECK(findings == 34);
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

/* Readers on one plan from several threads, while one thread mutates it. */
struct shared {
    kare_plan *plan;
    int errors;
};

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

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[2], "--report-json") == 0) {
        example_path = argv[1];
        return print_report(argv[3]);
    }
    if (argc != 2) {
        fprintf(stderr, "usage: %s EXAMPLE.json\n", argv[0]);
        return 2;
    }
    example_path = argv[1];
    test_versions();
    test_status_names();
    test_placement_names();
    test_load_errors();
    test_round_trip();
    test_accessors();
    test_ledger();
    test_report();
    test_threads();
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
