/* One record at a time: an account's CRM fields updated with its decision
 * kept, accounts and deals read as JSON, and the typed reads of reports and
 * pipelines with every error they give. */
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

#define CHECK_STATUS(call, expected) CHECK(logged_status(#call, (call)) == (expected))

static const char *example_path;

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

static int32_t placement_of(const kare_plan *plan, const char *id)
{
    int32_t p = -1;
    CHECK_STATUS(kare_plan_account_placement(&p, plan, id, KARE_NUL_TERMINATED), KARE_OK);
    return p;
}

static char *account_json(const kare_plan *plan, const char *id)
{
    char *json = NULL;
    size_t len = 0;
    CHECK_STATUS(kare_plan_account_json(&json, &len, plan, id, strlen(id)), KARE_OK);
    CHECK(json != NULL && strlen(json) == len);
    return json;
}

static const char *crm_fields =
    "{\"id\":\"EVR-005\",\"name\":\"Evergreen Retail Group\",\"owner\":\"leo\","
    "\"relationship\":\"client\",\"products\":[],\"attributes\":{}}";

/* The case: a decided account given back with the CRM's fields only. */
static void test_replace_drops_and_update_keeps(void)
{
    kare_plan *plan = load_example();
    CHECK_STATUS(kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_EXPAND, "2026-11-23", "growth"), KARE_OK);

    /* update: the CRM's fields change, the decision and its history stay. */
    CHECK_STATUS(kare_plan_update_account(plan, crm_fields, KARE_NUL_TERMINATED), KARE_OK);
    CHECK(placement_of(plan, "EVR-005") == KARE_PLACEMENT_EXPAND);
    char *json = account_json(plan, "EVR-005");
    CHECK(strstr(json, "\"name\": \"Evergreen Retail Group\"") != NULL);
    CHECK(strstr(json, "\"owner\": \"leo\"") != NULL);
    CHECK(strstr(json, "\"placement\": \"expand\"") != NULL);
    CHECK(strstr(json, "\"reason\": \"growth\"") != NULL);

    /* The account's own JSON goes back as it is: nothing changes. */
    char *before = plan_text(plan);
    CHECK_STATUS(kare_plan_update_account(plan, json, KARE_NUL_TERMINATED), KARE_OK);
    char *after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);
    kare_string_free(json);

    /* Another decision through an update is refused, naming the member. */
    const char *other =
        "{\"id\":\"EVR-005\",\"name\":\"E\",\"owner\":\"maya\",\"relationship\":\"client\","
        "\"placement\":\"keep\",\"history\":[{\"date\":\"2026-11-23\",\"from\":\"open\",\"to\":\"keep\",\"reason\":\"x\"}]}";
    CHECK_STATUS(kare_plan_update_account(plan, other, KARE_NUL_TERMINATED), KARE_ERROR_CONFLICT);
    CHECK(strstr(kare_error_path(), "].placement") != NULL);
    CHECK(strstr(kare_error_message(), "kare_plan_move") != NULL);
    const char *focus = "{\"id\":\"EVR-005\",\"name\":\"E\",\"owner\":\"maya\",\"relationship\":\"client\",\"focus\":true}";
    CHECK_STATUS(kare_plan_update_account(plan, focus, KARE_NUL_TERMINATED), KARE_ERROR_CONFLICT);
    CHECK(strstr(kare_error_path(), "].focus") != NULL);
    const char *unknown = "{\"id\":\"NEW-1\",\"name\":\"N\",\"owner\":\"maya\",\"relationship\":\"prospect\"}";
    CHECK_STATUS(kare_plan_update_account(plan, unknown, KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    const char *bad_owner = "{\"id\":\"EVR-005\",\"name\":\"N\",\"owner\":\"nobody\",\"relationship\":\"client\"}";
    CHECK_STATUS(kare_plan_update_account(plan, bad_owner, KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK(strstr(kare_error_path(), "owner") != NULL);
    CHECK_STATUS(kare_plan_update_account(plan, "{", 1), KARE_ERROR_PARSE);
    CHECK_STATUS(kare_plan_update_account(NULL, crm_fields, KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_update_account(plan, NULL, 3), KARE_ERROR_INVALID_ARGUMENT);
    after = plan_text(plan);
    CHECK(strcmp(before, after) == 0);
    kare_string_free(after);
    kare_string_free(before);

    /* replace: the whole account, so the decision and history go, as documented. */
    CHECK_STATUS(kare_plan_replace_account(plan, crm_fields, KARE_NUL_TERMINATED), KARE_OK);
    CHECK(placement_of(plan, "EVR-005") != KARE_PLACEMENT_EXPAND);
    json = account_json(plan, "EVR-005");
    CHECK(strstr(json, "\"placement\"") == NULL);
    CHECK(strstr(json, "\"history\"") == NULL);
    kare_string_free(json);
    kare_plan_free(plan);
}

static void test_record_json(void)
{
    kare_plan *plan = load_example();
    char *json = (char *)0x1;
    size_t len = 0;
    CHECK_STATUS(kare_plan_deal_json(&json, &len, plan, "D-101", KARE_NUL_TERMINATED), KARE_OK);
    CHECK(strstr(json, "\"id\": \"D-101\"") != NULL && strlen(json) == len);
    /* What it gives is what kare_plan_replace_deal takes. */
    CHECK_STATUS(kare_plan_replace_deal(plan, json, len), KARE_OK);
    kare_string_free(json);
    json = (char *)0x1;
    CHECK_STATUS(kare_plan_deal_json(&json, NULL, plan, "D-999", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    CHECK(json == NULL);
    json = (char *)0x1;
    CHECK_STATUS(kare_plan_account_json(&json, NULL, plan, "NOPE", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    CHECK(json == NULL);
    CHECK_STATUS(kare_plan_account_json(NULL, NULL, plan, "ACME-001", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_account_json(&json, NULL, NULL, "ACME-001", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_account_json(&json, NULL, plan, NULL, 3), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_deal_json(NULL, NULL, plan, "D-101", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_deal_json(&json, NULL, NULL, "D-101", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_deal_json(&json, NULL, plan, "D-101\x01", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    /* A prefix of the text is an id of its own. */
    CHECK_STATUS(kare_plan_account_json(&json, NULL, plan, "ACME-001xyz", 8), KARE_OK);
    kare_string_free(json);
    kare_plan_free(plan);
}

static size_t account_index(const kare_report *report, const char *id)
{
    size_t n = 0;
    CHECK_STATUS(kare_report_account_count(&n, report), KARE_OK);
    for (size_t i = 0; i < n; ++i) {
        const char *a = NULL;
        size_t len = 0;
        CHECK_STATUS(kare_report_account_id(&a, &len, report, i), KARE_OK);
        if (strcmp(a, id) == 0 && len == strlen(id))
            return i;
    }
    CHECK(!"account in the report");
    return 0;
}

static void test_report_reads(void)
{
    kare_plan *plan = load_example();
    kare_report *report = NULL;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    size_t accounts = 0, total = 0;
    CHECK_STATUS(kare_report_account_count(&accounts, report), KARE_OK);
    CHECK_STATUS(kare_plan_account_count(&total, plan), KARE_OK);
    CHECK(accounts == total);

    /* EVR-005 matches keep and expand and has no decision. */
    size_t i = account_index(report, "EVR-005");
    int32_t placement = -1;
    uint32_t candidates = 0;
    const char *text = NULL;
    CHECK_STATUS(kare_report_account_placement(&placement, report, i), KARE_OK);
    CHECK(placement == KARE_PLACEMENT_UNASSIGNED);
    CHECK_STATUS(kare_report_account_candidates(&candidates, report, i), KARE_OK);
    CHECK(candidates == ((1u << KARE_PLACEMENT_KEEP) | (1u << KARE_PLACEMENT_EXPAND)));
    CHECK_STATUS(kare_report_account_basis(&text, report, i), KARE_OK);
    CHECK(strcmp(text, "none") == 0);
    CHECK_STATUS(kare_report_account_name(&text, NULL, report, i), KARE_OK);
    CHECK(strcmp(text, "Evergreen Retail") == 0);
    CHECK_STATUS(kare_report_account_owner(&text, NULL, report, i), KARE_OK);
    CHECK(strcmp(text, "maya") == 0);

    /* HLX-008 is in expand and fails two of its criteria. */
    i = account_index(report, "HLX-008");
    size_t failed = 99;
    CHECK_STATUS(kare_report_account_failed_criteria(&failed, report, i, KARE_PLACEMENT_EXPAND), KARE_OK);
    CHECK(failed == 2);
    CHECK_STATUS(kare_report_account_basis(&text, report, i), KARE_OK);
    CHECK(strcmp(text, "decision") == 0);

    /* The ambiguity finding, typed. */
    size_t findings = 0;
    CHECK_STATUS(kare_report_finding_count(&findings, report), KARE_OK);
    int seen = 0;
    for (size_t f = 0; f < findings; ++f) {
        const char *code = NULL, *kind = NULL, *id = NULL, *severity = NULL, *message = NULL;
        CHECK_STATUS(kare_report_finding_code(&code, report, f), KARE_OK);
        if (strcmp(code, "account.ambiguous") != 0)
            continue;
        ++seen;
        CHECK_STATUS(kare_report_finding_subject(&kind, &id, report, f), KARE_OK);
        CHECK(strcmp(kind, "account") == 0 && strcmp(id, "EVR-005") == 0);
        CHECK_STATUS(kare_report_finding_subject(NULL, NULL, report, f), KARE_OK);
        CHECK_STATUS(kare_report_finding_severity(&severity, report, f), KARE_OK);
        CHECK(strcmp(severity, "warning") == 0);
        size_t len = 0;
        CHECK_STATUS(kare_report_finding_message(&message, &len, report, f), KARE_OK);
        CHECK(strstr(message, "Evergreen Retail") != NULL && strlen(message) == len);
        char *figures = NULL;
        CHECK_STATUS(kare_report_finding_figures_json(&figures, &len, report, f), KARE_OK);
        CHECK(figures && strstr(figures, "\"candidates\"") != NULL && strstr(figures, "\"expand\"") != NULL);
        kare_string_free(figures);
    }
    CHECK(seen == 1);

    /* Errors: indexes past the end, NULLs, codes out of range. */
    size_t n = 0;
    int32_t code = 0;
    char *owned = (char *)0x1;
    CHECK_STATUS(kare_report_account_id(&text, NULL, report, accounts), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "past the") != NULL);
    CHECK_STATUS(kare_report_account_name(&text, NULL, report, accounts), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_owner(&text, NULL, report, accounts), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_placement(&code, report, accounts), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_basis(&text, report, accounts), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_candidates(&candidates, report, accounts), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_failed_criteria(&n, report, accounts, KARE_PLACEMENT_KEEP), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_failed_criteria(&n, report, 0, KARE_PLACEMENT_FIRED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_severity(&text, report, findings), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_subject(&text, &text, report, findings), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_message(&text, NULL, report, findings), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_figures_json(&owned, NULL, report, findings), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(owned == NULL);
    CHECK_STATUS(kare_report_account_count(NULL, report), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_count(&n, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_id(NULL, NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_id(&text, NULL, NULL, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_name(NULL, NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_owner(NULL, NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_placement(NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_basis(NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_candidates(NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_account_failed_criteria(NULL, report, 0, KARE_PLACEMENT_KEEP), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_severity(NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_subject(&text, &text, NULL, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_message(NULL, NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_finding_figures_json(NULL, NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);
    kare_report_free(report);
    kare_plan_free(plan);

    /* A plan without profiles: no criteria to count. */
    const char *bare =
        "{\"format\":\"kare-plan\",\"version\":1,\"profiles\":{},\"reps\":[{\"id\":\"a\",\"name\":\"A\",\"style\":\"hunter\"}],"
        "\"accounts\":[{\"id\":\"X\",\"name\":\"X\",\"owner\":\"a\",\"relationship\":\"client\"}]}";
    CHECK_STATUS(kare_plan_load(&plan, bare, KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    CHECK_STATUS(kare_report_account_failed_criteria(&n, report, 0, KARE_PLACEMENT_KEEP), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_report_account_candidates(&candidates, report, 0), KARE_OK);
    CHECK(candidates == 0);
    kare_report_free(report);
    kare_plan_free(plan);
}

/* A deal's state as of a date before its facts: the path names the deal. */
/* The scoreboard on the example, as docs/review.md and the unit suite give it. */
static void test_scoreboard_reads(void)
{
    kare_plan *plan = load_example();
    kare_report *report = NULL;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    size_t rows = 0, n = 99, behind = 99, deals = 0, index = 99;
    const char *text = NULL;
    CHECK_STATUS(kare_report_scoreboard_count(&rows, report), KARE_OK);
    CHECK(rows == 3); /* maya, leo, the team */
    CHECK_STATUS(kare_report_scoreboard_rep(&text, report, 0), KARE_OK);
    CHECK(strcmp(text, "maya") == 0);
    CHECK_STATUS(kare_report_scoreboard_rep(&text, report, 2), KARE_OK);
    CHECK(strcmp(text, "") == 0);

    CHECK_STATUS(kare_report_scoreboard_accounts(&n, report, 0, KARE_PLACEMENT_KEEP), KARE_OK);
    CHECK(n == 4);
    CHECK_STATUS(kare_report_scoreboard_accounts(&n, report, 0, KARE_PLACEMENT_UNASSIGNED), KARE_OK);
    CHECK(n == 3);
    CHECK_STATUS(kare_report_scoreboard_accounts(&n, report, 2, KARE_PLACEMENT_FIRED), KARE_OK);
    CHECK(n == 2);
    CHECK_STATUS(kare_report_scoreboard_in_focus(&n, report, 1, KARE_PLACEMENT_ATTAIN), KARE_OK);
    CHECK(n == 2);
    CHECK_STATUS(kare_report_scoreboard_targets(&n, &behind, report, 1), KARE_OK);
    CHECK(n == 6 && behind == 3);
    CHECK_STATUS(kare_report_scoreboard_targets(NULL, &behind, report, 2), KARE_OK);
    CHECK(behind == 7);

    int64_t activities = -1;
    uint32_t share = 99;
    int32_t intended = 99;
    CHECK_STATUS(kare_report_scoreboard_effort(&activities, &share, &intended, report, 0, KARE_PLACEMENT_KEEP), KARE_OK);
    CHECK(activities == 15 && share == 26 && intended == 6);
    CHECK_STATUS(kare_report_scoreboard_effort(&activities, &share, &intended, report, 2, KARE_PLACEMENT_ATTAIN), KARE_OK);
    CHECK(activities == 145 && share == 68 && intended == -1);

    CHECK_STATUS(kare_report_scoreboard_pipeline(&deals, &text, report, 0, KARE_AMOUNT_HONEST), KARE_OK);
    CHECK(deals == 5 && strcmp(text, "205000.00") == 0);
    CHECK_STATUS(kare_report_scoreboard_pipeline(NULL, &text, report, 2, KARE_AMOUNT_TOTAL), KARE_OK);
    CHECK(strcmp(text, "1241000.00") == 0);
    CHECK_STATUS(kare_report_scoreboard_bloat(&text, report, 2), KARE_OK);
    CHECK(text && strcmp(text, "0.6414") == 0);

    CHECK_STATUS(kare_report_scoreboard_findings(&n, report, 1, "warning"), KARE_OK);
    CHECK(n == 13);
    CHECK_STATUS(kare_report_scoreboard_findings(&n, report, 2, "info"), KARE_OK);
    CHECK(n == 6);
    CHECK_STATUS(kare_report_scoreboard_worst(&n, &index, report, 1, 0), KARE_OK);
    CHECK(n == 3);
    CHECK_STATUS(kare_report_finding_subject(NULL, &text, report, index), KARE_OK);
    CHECK(strcmp(text, "RDG-018") == 0);

    /* Bad rows, codes and positions are refused. */
    CHECK_STATUS(kare_report_scoreboard_rep(&text, report, rows), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "scoreboard rows") != NULL);
    CHECK_STATUS(kare_report_scoreboard_accounts(&n, report, 0, KARE_PLACEMENT_OPEN), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_accounts(&n, report, 0, -1), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_in_focus(&n, report, 0, KARE_PLACEMENT_FIRED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_effort(NULL, NULL, NULL, report, 0, 4), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_pipeline(&deals, &text, report, 0, 3), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_bloat(&text, report, rows), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_findings(&n, report, 0, "fatal"), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "fatal") != NULL);
    CHECK_STATUS(kare_report_scoreboard_findings(&n, report, 0, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_worst(&n, &index, report, 0, 3), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_worst(&n, NULL, report, 0, 3), KARE_OK);
    CHECK_STATUS(kare_report_scoreboard_targets(&n, &behind, NULL, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_count(NULL, report), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_scoreboard_rep(NULL, report, 0), KARE_ERROR_INVALID_ARGUMENT);

    /* The review document carries the scoreboard; the report document does not change. */
    char *review = NULL, *document = NULL;
    CHECK_STATUS(kare_report_review_json(&review, NULL, report), KARE_OK);
    CHECK(review && strstr(review, "\"kare-review\"") != NULL && strstr(review, "\"scoreboard\"") != NULL);
    CHECK_STATUS(kare_report_to_json(&document, NULL, report), KARE_OK);
    CHECK(document && strstr(document, "\"scoreboard\"") == NULL);
    kare_string_free(review);
    kare_string_free(document);
    review = (char *)0x1;
    CHECK_STATUS(kare_report_review_json(&review, NULL, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(review == NULL);
    kare_report_free(report);

    /* One rep: one row and the team row. */
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", "leo"), KARE_OK);
    CHECK_STATUS(kare_report_scoreboard_count(&rows, report), KARE_OK);
    CHECK(rows == 2);
    CHECK_STATUS(kare_report_scoreboard_rep(&text, report, 0), KARE_OK);
    CHECK(strcmp(text, "leo") == 0);
    kare_report_free(report);
    kare_plan_free(plan);
}

static void test_deal_state_paths(void)
{
    kare_plan *plan = load_example();
    int32_t state = -1;
    const kare_status s = logged_status("kare_plan_deal_state",
                                        kare_plan_deal_state(&state, plan, "D-101", KARE_NUL_TERMINATED, "2020-01-01"));
    CHECK(s == KARE_ERROR_INVALID_PLAN);
    CHECK(strcmp(kare_error_path(), "deals[0].opened") == 0);
    kare_plan_free(plan);
}

static void test_state_names(void)
{
    static const char *honesty[] = {"dead", "unqualified", "stalled", "qualified", "closed"};
    for (int32_t s = KARE_HONESTY_DEAD; s <= KARE_HONESTY_CLOSED; ++s)
        CHECK(strcmp(kare_honesty_str(s), honesty[s]) == 0);
    CHECK(strcmp(kare_honesty_str(5), "unknown") == 0);
    CHECK(strcmp(kare_honesty_str(-1), "unknown") == 0);
    static const char *outcomes[] = {"open", "won", "lost"};
    for (int32_t o = KARE_OUTCOME_OPEN; o <= KARE_OUTCOME_LOST; ++o)
        CHECK(strcmp(kare_outcome_str(o), outcomes[o]) == 0);
    CHECK(strcmp(kare_outcome_str(3), "unknown") == 0);
}

static void test_pipeline_reads(void)
{
    kare_plan *plan = load_example();
    kare_pipeline *p = (kare_pipeline *)0x1;
    CHECK_STATUS(kare_pipeline_new(&p, plan, "2026-11-23", "nobody"), KARE_ERROR_NOT_FOUND);
    CHECK(p == NULL);
    CHECK_STATUS(kare_pipeline_new(&p, plan, "2026-13-01", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_new(&p, plan, "2020-01-01", NULL), KARE_ERROR_INVALID_ARGUMENT); /* before the plan's first fact */
    CHECK_STATUS(kare_pipeline_new(NULL, plan, "2026-11-23", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_new(&p, NULL, "2026-11-23", NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_new(&p, plan, "2026-11-23", "maya"), KARE_OK);
    kare_pipeline_free(p);
    kare_pipeline_free(NULL);
    CHECK_STATUS(kare_pipeline_new(&p, plan, "2026-11-23", NULL), KARE_OK);

    const char *text = NULL;
    size_t n = 0;
    CHECK_STATUS(kare_pipeline_currency(&text, p), KARE_OK);
    CHECK(strcmp(text, "USD") == 0);
    CHECK_STATUS(kare_pipeline_group_count(&n, p, KARE_PIPELINE_TEAM), KARE_OK);
    CHECK(n == 1);
    CHECK_STATUS(kare_pipeline_group_count(&n, p, KARE_PIPELINE_BY_CATEGORY), KARE_OK);
    CHECK(n == 7);
    CHECK_STATUS(kare_pipeline_group_name(&text, p, KARE_PIPELINE_BY_CATEGORY, 6), KARE_OK);
    CHECK(strcmp(text, "unknown_account") == 0);
    CHECK_STATUS(kare_pipeline_amount(&text, p, KARE_PIPELINE_TEAM, 0, KARE_AMOUNT_TOTAL), KARE_OK);
    CHECK(strcmp(text, "1241000.00") == 0);
    CHECK_STATUS(kare_pipeline_amount(&text, p, KARE_PIPELINE_TEAM, 0, KARE_AMOUNT_HONEST), KARE_OK);
    CHECK(strcmp(text, "445000.00") == 0);
    CHECK_STATUS(kare_pipeline_bloat(&text, p, KARE_PIPELINE_TEAM, 0), KARE_OK);
    CHECK(text != NULL && strcmp(text, "0.6414") == 0);
    /* unknown_account has no deal: no bloat. */
    CHECK_STATUS(kare_pipeline_bloat(&text, p, KARE_PIPELINE_BY_CATEGORY, 6), KARE_OK);
    CHECK(text == NULL);
    CHECK_STATUS(kare_pipeline_state(NULL, NULL, p, KARE_PIPELINE_TEAM, 0, KARE_HONESTY_QUALIFIED), KARE_OK);
    CHECK_STATUS(kare_pipeline_state(&n, &text, p, KARE_PIPELINE_TEAM, 0, KARE_HONESTY_QUALIFIED), KARE_OK);
    CHECK(n == 3 && strcmp(text, "445000.00") == 0);
    CHECK_STATUS(kare_pipeline_closed(NULL, NULL, p, KARE_OUTCOME_LOST), KARE_OK);
    CHECK_STATUS(kare_pipeline_hope_deal(NULL, NULL, NULL, NULL, NULL, NULL, p, 0), KARE_OK);

    /* Errors. */
    CHECK_STATUS(kare_pipeline_group_count(&n, p, 3), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "grouping") != NULL);
    CHECK_STATUS(kare_pipeline_group_count(&n, p, -1), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_group_name(&text, p, KARE_PIPELINE_TEAM, 1), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "past the") != NULL);
    CHECK_STATUS(kare_pipeline_open_deals(&n, p, KARE_PIPELINE_BY_CATEGORY, 7), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_amount(&text, p, KARE_PIPELINE_TEAM, 0, 3), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "amount") != NULL);
    CHECK_STATUS(kare_pipeline_bloat(&text, p, 9, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_state(&n, &text, p, KARE_PIPELINE_TEAM, 0, KARE_HONESTY_CLOSED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "state") != NULL);
    CHECK_STATUS(kare_pipeline_closed(&n, &text, p, KARE_OUTCOME_OPEN), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "outcome") != NULL);
    CHECK_STATUS(kare_pipeline_lost_reason_count(&n, p), KARE_OK);
    CHECK_STATUS(kare_pipeline_lost_reason(&text, NULL, p, n), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_hope_count(&n, p), KARE_OK);
    CHECK(n == 9);
    CHECK_STATUS(kare_pipeline_hope_deal(&text, NULL, NULL, NULL, NULL, NULL, p, n), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_currency(NULL, p), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_currency(&text, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_group_count(NULL, p, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_group_name(NULL, p, 0, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_open_deals(NULL, p, 0, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_amount(NULL, p, 0, 0, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_bloat(NULL, p, 0, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_state(&n, &text, NULL, 0, 0, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_closed(&n, &text, NULL, KARE_OUTCOME_WON), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_lost_reason_count(NULL, p), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_lost_reason(&text, &n, NULL, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_hope_count(NULL, p), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_pipeline_hope_deal(&text, NULL, NULL, NULL, NULL, NULL, NULL, 0), KARE_ERROR_INVALID_ARGUMENT);
    kare_pipeline_free(p);
    kare_plan_free(plan);
}

/* A handle of another kind is refused as KARE_ERROR_MISUSE, never read as
 * the kind it is not, and a free function leaves it alone. */
static void test_misuse(void)
{
    kare_plan *plan = load_example();
    kare_report *report = NULL;
    kare_pipeline *pipeline = NULL;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", NULL), KARE_OK);
    CHECK_STATUS(kare_pipeline_new(&pipeline, plan, "2026-11-23", NULL), KARE_OK);
    kare_plan *report_as_plan = (kare_plan *)(void *)report;
    kare_report *plan_as_report = (kare_report *)(void *)plan;
    kare_pipeline *report_as_pipeline = (kare_pipeline *)(void *)report;
    size_t n = 0;
    const char *text = NULL;
    CHECK_STATUS(kare_plan_account_count(&n, report_as_plan), KARE_ERROR_MISUSE);
    CHECK(kare_error_code() == KARE_ERROR_MISUSE);
    CHECK(strstr(kare_error_message(), "plan is not a live handle") != NULL);
    CHECK(strcmp(kare_status_str(KARE_ERROR_MISUSE), "misuse") == 0);
    CHECK_STATUS(kare_plan_move(report_as_plan, "DLT-004", KARE_PLACEMENT_EXPAND, "2026-11-23", "why"), KARE_ERROR_MISUSE);
    CHECK_STATUS(kare_report_account_count(&n, plan_as_report), KARE_ERROR_MISUSE);
    CHECK_STATUS(kare_report_new(&report, report_as_plan, "2026-11-23", NULL), KARE_ERROR_MISUSE);
    CHECK(report == NULL); /* *out is cleared before the plan is looked at */
    report = (kare_report *)(void *)report_as_plan;
    CHECK_STATUS(kare_pipeline_currency(&text, report_as_pipeline), KARE_ERROR_MISUSE);
    CHECK_STATUS(kare_pipeline_currency(&text, pipeline), KARE_OK);
    /* Freeing through the wrong kind does nothing: both still work. */
    kare_plan_free(report_as_plan);
    kare_report_free(plan_as_report);
    kare_pipeline_free(report_as_pipeline);
    CHECK_STATUS(kare_report_account_count(&n, report), KARE_OK);
    CHECK_STATUS(kare_plan_account_count(&n, plan), KARE_OK);
    kare_pipeline_free(pipeline);
    kare_report_free(report);
    kare_plan_free(plan);
}

static void test_options(void)
{
    kare_read_options read = KARE_READ_OPTIONS_INIT;
    CHECK(read.version == KARE_READ_OPTIONS_VERSION && read.max_accounts == 0);
    read.max_accounts = 99;
    CHECK_STATUS(kare_read_options_init(&read, KARE_READ_OPTIONS_VERSION), KARE_OK);
    CHECK(read.version == KARE_READ_OPTIONS_VERSION && read.max_accounts == 0);
    CHECK_STATUS(kare_read_options_init(&read, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_read_options_init(&read, KARE_READ_OPTIONS_VERSION + 1), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "version") != NULL);
    CHECK_STATUS(kare_read_options_init(NULL, KARE_READ_OPTIONS_VERSION), KARE_ERROR_INVALID_ARGUMENT);

    kare_plan *plan = (kare_plan *)0x1;
    CHECK_STATUS(kare_plan_load_file_with_options(&plan, example_path, NULL), KARE_OK);
    kare_plan_free(plan);
    CHECK_STATUS(kare_plan_load_file_with_options(&plan, example_path, &read), KARE_OK);
    kare_plan_free(plan);
    read.max_accounts = 3;
    CHECK_STATUS(kare_plan_load_file_with_options(&plan, example_path, &read), KARE_ERROR_LIMIT);
    CHECK(plan == NULL);
    read.max_accounts = 0;
    read.max_document_bytes = 100;
    CHECK_STATUS(kare_plan_load_file_with_options(&plan, example_path, &read), KARE_ERROR_LIMIT);
    CHECK(strstr(kare_error_message(), "larger than 100 bytes") != NULL);
    CHECK_STATUS(kare_plan_load_file_with_options(&plan, "/nonexistent/plan.json", NULL), KARE_ERROR_IO);
    const char *nested = "{\"format\":\"kare-plan\",\"version\":1,\"name\":[[[[\"x\"]]]]}";
    read.max_document_bytes = 0;
    read.max_depth = 3;
    CHECK_STATUS(kare_plan_load_with_options(&plan, nested, KARE_NUL_TERMINATED, &read), KARE_ERROR_LIMIT);
    const char *empty = "{\"format\":\"kare-plan\",\"version\":1}";
    CHECK_STATUS(kare_plan_load_with_options(&plan, empty, KARE_NUL_TERMINATED, &read), KARE_OK);
    kare_plan_free(plan);
    read.version = 0;
    CHECK_STATUS(kare_plan_load_with_options(&plan, empty, KARE_NUL_TERMINATED, &read), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_load_with_options(NULL, empty, KARE_NUL_TERMINATED, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_load_with_options(&plan, "{", 1, NULL), KARE_ERROR_PARSE);
    CHECK_STATUS(kare_plan_load_file_with_options(NULL, example_path, NULL), KARE_ERROR_INVALID_ARGUMENT);

    /* An existing report drawn: the same bytes as the calls that make their own. */
    plan = load_example();
    kare_report *report = NULL;
    CHECK_STATUS(kare_report_new(&report, plan, "2026-11-23", "maya"), KARE_OK);
    char *drawn = NULL, *made = NULL;
    size_t drawn_len = 0;
    CHECK_STATUS(kare_report_map_svg(&drawn, &drawn_len, report, plan, NULL), KARE_OK);
    CHECK_STATUS(kare_plan_map_svg(&made, NULL, plan, "2026-11-23", "maya"), KARE_OK);
    CHECK(drawn && made && strcmp(drawn, made) == 0 && strlen(drawn) == drawn_len);
    kare_string_free(drawn);
    kare_string_free(made);
    CHECK_STATUS(kare_report_review_html(&drawn, NULL, report, plan, NULL), KARE_OK);
    CHECK_STATUS(kare_plan_review_html(&made, NULL, plan, "2026-11-23", "maya"), KARE_OK);
    CHECK(drawn && made && strcmp(drawn, made) == 0);
    kare_string_free(made);

    kare_render_options render = KARE_RENDER_OPTIONS_INIT;
    CHECK_STATUS(kare_render_options_init(&render, KARE_RENDER_OPTIONS_VERSION), KARE_OK);
    render.rows_per_quadrant = 1;
    CHECK_STATUS(kare_report_review_html(&made, NULL, report, plan, &render), KARE_OK);
    CHECK(made && strcmp(drawn, made) != 0 && strstr(made, "more") != NULL);
    kare_string_free(made);
    /* Only the findings: no map, no accounts table. */
    render.rows_per_quadrant = 0;
    render.sections = KARE_SECTION_FINDINGS;
    CHECK_STATUS(kare_report_review_html(&made, NULL, report, plan, &render), KARE_OK);
    CHECK(made && strstr(made, "<h2>Findings") != NULL && strstr(made, "<svg") == NULL &&
          strstr(made, "<h2>Accounts") == NULL && strstr(drawn, "<h2>Accounts") != NULL);
    kare_string_free(made);
    render.sections = 4096; /* the first bit no section has */
    CHECK_STATUS(kare_report_review_html(&made, NULL, report, plan, &render), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(kare_error_message(), "sections") != NULL);
    render.sections = 0;
    kare_string_free(drawn);
    render.version = KARE_RENDER_OPTIONS_VERSION + 1;
    made = (char *)0x1;
    CHECK_STATUS(kare_report_map_svg(&made, NULL, report, plan, &render), KARE_ERROR_INVALID_ARGUMENT);
    CHECK(made == NULL);
    CHECK_STATUS(kare_render_options_init(&render, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_render_options_init(NULL, 1), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_map_svg(NULL, NULL, report, plan, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_map_svg(&made, NULL, NULL, plan, NULL), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_report_review_html(&made, NULL, report, NULL, NULL), KARE_ERROR_INVALID_ARGUMENT);
    /* A plan without the report's rep. */
    kare_plan *bare = NULL;
    CHECK_STATUS(kare_plan_load(&bare, empty, KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_report_map_svg(&made, NULL, report, bare, NULL), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_report_review_html(&made, NULL, report, bare, NULL), KARE_ERROR_NOT_FOUND);
    kare_plan_free(bare);
    kare_report_free(report);
    kare_plan_free(plan);
}


/* Activities have ids: given, or assigned ("act-N", never reused), written
 * back, and an activity is removed by its id as by its position. */
static void test_activity_ids(void)
{
    kare_plan *plan = load_example();
    size_t count = 0;
    CHECK_STATUS(kare_plan_activity_count(&count, plan), KARE_OK);
    CHECK(count > 2);
    char *id = NULL;
    size_t id_len = 0;
    CHECK_STATUS(kare_plan_activity_id(&id, &id_len, plan, 0), KARE_OK);
    CHECK(id && strcmp(id, "act-1") == 0 && id_len == 5);
    kare_string_free(id);
    char *text = plan_text(plan);
    CHECK(text && strstr(text, "\"id\": \"act-1\",\n      \"date\"") != NULL);
    kare_string_free(text);

    const char *logged = "{\"date\":\"2026-11-20\",\"rep\":\"maya\",\"account\":\"ACME-001\","
                         "\"activity\":\"temperature_meeting\"}";
    CHECK_STATUS(kare_plan_add_activity_v2(&id, &id_len, plan, logged, KARE_NUL_TERMINATED), KARE_OK);
    char expected[32];
    snprintf(expected, sizeof expected, "act-%zu", count + 1);
    CHECK(id && strcmp(id, expected) == 0 && id_len == strlen(expected));
    /* Removed by id: the next one assigned does not take it again. */
    CHECK_STATUS(kare_plan_remove_activity_by_id(plan, id, id_len), KARE_OK);
    CHECK_STATUS(kare_plan_remove_activity_by_id(plan, id, id_len), KARE_ERROR_NOT_FOUND);
    CHECK(strstr(kare_error_message(), expected) != NULL);
    char *again = NULL;
    CHECK_STATUS(kare_plan_add_activity_v2(&again, NULL, plan, logged, KARE_NUL_TERMINATED), KARE_OK);
    CHECK(again && id && strcmp(again, id) != 0);
    kare_string_free(again);
    kare_string_free(id);
    CHECK_STATUS(kare_plan_add_activity_v2(NULL, NULL, plan, logged, KARE_NUL_TERMINATED), KARE_OK);

    /* A given id is kept, and may not be used twice. */
    const char *named = "{\"id\":\"call-77\",\"date\":\"2026-11-20\",\"rep\":\"maya\","
                        "\"account\":\"ACME-001\",\"activity\":\"temperature_meeting\"}";
    CHECK_STATUS(kare_plan_add_activity_v2(&id, NULL, plan, named, KARE_NUL_TERMINATED), KARE_OK);
    CHECK(id && strcmp(id, "call-77") == 0);
    kare_string_free(id);
    char *before = plan_text(plan);
    id = (char *)0x1;
    CHECK_STATUS(kare_plan_add_activity_v2(&id, NULL, plan, named, KARE_NUL_TERMINATED), KARE_ERROR_CONFLICT);
    CHECK(id == NULL);
    CHECK(strcmp(kare_error_path(), "activities[") > 0 && strstr(kare_error_path(), "].id") != NULL);
    CHECK_STATUS(kare_plan_add_activity(plan, named, KARE_NUL_TERMINATED), KARE_ERROR_CONFLICT);
    const char *empty_id = "{\"id\":\"\",\"date\":\"2026-11-20\",\"rep\":\"maya\","
                           "\"account\":\"ACME-001\",\"activity\":\"temperature_meeting\"}";
    CHECK_STATUS(kare_plan_add_activity_v2(&id, NULL, plan, empty_id, KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    const char *blank_id = "{\"id\":\"  \",\"date\":\"2026-11-20\",\"rep\":\"maya\","
                           "\"account\":\"ACME-001\",\"activity\":\"temperature_meeting\"}";
    CHECK_STATUS(kare_plan_add_activity_v2(&id, NULL, plan, blank_id, KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK_STATUS(kare_plan_add_activity_v2(&id, NULL, plan, "{", 1), KARE_ERROR_PARSE);
    const char *unknown_rep = "{\"date\":\"2026-11-20\",\"rep\":\"nobody\",\"account\":\"ACME-001\","
                              "\"activity\":\"temperature_meeting\"}";
    CHECK_STATUS(kare_plan_add_activity_v2(&id, NULL, plan, unknown_rep, KARE_NUL_TERMINATED), KARE_ERROR_INVALID_PLAN);
    CHECK_STATUS(kare_plan_add_activity_v2(&id, NULL, NULL, logged, KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_remove_activity_by_id(plan, "call-77x", 7), KARE_OK); /* counted */
    CHECK_STATUS(kare_plan_remove_activity_by_id(plan, "call-77", KARE_NUL_TERMINATED), KARE_ERROR_NOT_FOUND);
    CHECK_STATUS(kare_plan_remove_activity_by_id(plan, "act\x01", KARE_NUL_TERMINATED), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_remove_activity_by_id(plan, NULL, 3), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_remove_activity_by_id(NULL, "act-1", 5), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_activity_count(&count, plan), KARE_OK);
    CHECK_STATUS(kare_plan_activity_id(&id, NULL, plan, count), KARE_ERROR_NOT_FOUND);
    CHECK(id == NULL);
    CHECK_STATUS(kare_plan_activity_id(NULL, NULL, plan, 0), KARE_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(kare_plan_activity_id(&id, NULL, NULL, 0), KARE_ERROR_INVALID_ARGUMENT);
    kare_string_free(before);

    /* The ids are written back: save, load and save give the same bytes. */
    text = plan_text(plan);
    kare_plan *loaded = NULL;
    CHECK_STATUS(kare_plan_load(&loaded, text, KARE_NUL_TERMINATED), KARE_OK);
    char *again_text = plan_text(loaded);
    CHECK(text && again_text && strcmp(text, again_text) == 0);
    kare_string_free(again_text);
    kare_string_free(text);
    kare_plan_free(loaded);

    /* A document may give some ids: the others are numbered past them. */
    const char *mixed =
        "{\"format\":\"kare-plan\",\"version\":1,"
        "\"reps\":[{\"id\":\"ana\",\"name\":\"Ana\"}],"
        "\"accounts\":[{\"id\":\"A\",\"name\":\"A\",\"owner\":\"ana\",\"relationship\":\"prospect\"}],"
        "\"activities\":[{\"date\":\"2026-01-02\",\"rep\":\"ana\",\"account\":\"A\",\"activity\":\"dial\"},"
        "{\"id\":\"act-1\",\"date\":\"2026-01-02\",\"rep\":\"ana\",\"account\":\"A\",\"activity\":\"dial\"},"
        "{\"id\":\"act-1\",\"date\":\"2026-01-03\",\"rep\":\"ana\",\"account\":\"A\",\"activity\":\"dial\"}]}";
    CHECK_STATUS(kare_plan_load(&loaded, mixed, KARE_NUL_TERMINATED), KARE_ERROR_CONFLICT);
    CHECK(strcmp(kare_error_path(), "activities[2].id") == 0);
    char doc[1024];
    snprintf(doc, sizeof doc, "%.*s]}", (int)(strstr(mixed, ",{\"id\":\"act-1\",\"date\":\"2026-01-03\"") - mixed), mixed);
    CHECK_STATUS(kare_plan_load(&loaded, doc, KARE_NUL_TERMINATED), KARE_OK);
    CHECK_STATUS(kare_plan_activity_id(&id, NULL, loaded, 0), KARE_OK);
    CHECK(id && strcmp(id, "act-2") == 0);
    kare_string_free(id);
    CHECK_STATUS(kare_plan_add_activity_v2(&id, NULL, loaded,
                                           "{\"date\":\"2026-01-04\",\"rep\":\"ana\",\"account\":\"A\",\"activity\":\"dial\"}",
                                           KARE_NUL_TERMINATED), KARE_OK);
    CHECK(id && strcmp(id, "act-3") == 0);
    kare_string_free(id);
    kare_plan_free(loaded);
    kare_plan_free(plan);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s EXAMPLE.json\n", argv[0]);
        return 2;
    }
    example_path = argv[1];
    test_replace_drops_and_update_keeps();
    test_record_json();
    test_report_reads();
    test_scoreboard_reads();
    test_state_names();
    test_deal_state_paths();
    test_pipeline_reads();
    test_misuse();
    test_options();
    test_activity_ids();
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
