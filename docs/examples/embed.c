/* A complete embedding example: load a plan, place an account, record a
 * decision, read the report's figures and take a document the caller frees,
 * handling every error.
 * Build: cc -std=c99 embed.c $(pkg-config --cflags --libs kare)
 * Run:   ./a.out docs/examples/harbor-analytics.json */
#include <kare/kare.h>

#include <stdio.h>

static int fail(const char *what)
{
    /* The message and path stay valid until this thread's next kare call. */
    fprintf(stderr, "%s failed: %s (%s)%s%s\n", what, kare_error_message(),
            kare_status_str(kare_error_code()), *kare_error_path() ? " at " : "",
            kare_error_path());
    return 1;
}

int main(int argc, char **argv)
{
    static const char *names[] = {"keep", "attain", "recapture", "expand", "fired", "unassigned"};
    kare_plan *plan = NULL;
    kare_report *report = NULL;
    int status = 1;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PLAN.json\n", argv[0]);
        return 2;
    }
    printf("kare %s (ABI %u)\n", kare_version_string(), (unsigned)kare_abi_version());
    if (kare_plan_load_file(&plan, argv[1]) != KARE_OK)
        return fail("loading the plan");

    /* The hot path: one account's placement, no JSON involved. */
    int32_t where = -1;
    if (kare_plan_account_placement(&where, plan, "EVR-005", KARE_NUL_TERMINATED) != KARE_OK) {
        fail("placing EVR-005");
        goto done;
    }
    printf("EVR-005 is %s\n", names[where]);

    /* A decision, recorded with its date and reason. A refusal changes nothing. */
    if (kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_EXPAND, "2026-11-23",
                         "Group-wide rollout agreed") != KARE_OK) {
        fail("assigning EVR-005");
        goto done;
    }
    if (kare_plan_assign(plan, "EVR-005", KARE_PLACEMENT_KEEP, "2026-11-24", NULL) ==
        KARE_ERROR_CONFLICT)
        printf("refused as expected: %s\n", kare_error_message());

    if (kare_report_new(&report, plan, "2026-11-23", NULL) != KARE_OK) {
        fail("reporting");
        goto done;
    }
    for (int32_t p = KARE_PLACEMENT_KEEP; p <= KARE_PLACEMENT_UNASSIGNED; ++p) {
        size_t n = 0;
        kare_report_count(&n, report, p);
        printf("%-10s %zu\n", names[p], n);
    }
    size_t findings = 0;
    kare_report_finding_count(&findings, report);
    for (size_t i = 0; i < findings; ++i) {
        const char *code = NULL; /* owned by the report */
        kare_report_finding_code(&code, report, i);
        printf("finding %s\n", code);
    }

    /* A document the caller owns: freed with kare_string_free, never free(). */
    char *pipeline = NULL;
    size_t pipeline_len = 0;
    if (kare_plan_pipeline_json(&pipeline, &pipeline_len, plan, "2026-11-23", NULL) != KARE_OK) {
        fail("the pipeline");
        goto done;
    }
    printf("pipeline document of %zu bytes\n", pipeline_len);
    kare_string_free(pipeline);
    status = 0;

done:
    kare_report_free(report);
    kare_plan_free(plan);
    return status;
}
