/* Prints the figures `kare report` and `kare pipeline` show, read through
 * kare.h's typed calls only (no JSON), each on a line as the tool writes it:
 * capi.figures_* check that every line appears in the tool's output.
 *
 *   print_figures report PLAN.json AS_OF
 *   print_figures pipeline PLAN.json AS_OF
 */
#include <kare/kare.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what)
{
    fprintf(stderr, "%s: [%s] %s\n", what, kare_status_str(kare_error_code()), kare_error_message());
    exit(1);
}

#define MUST(call)                                                                       \
    do {                                                                                 \
        if ((call) != KARE_OK)                                                           \
            fail(#call);                                                                 \
    } while (0)

static const char *upper(const char *name, char *buffer)
{
    size_t i = 0;
    for (; name[i]; ++i)
        buffer[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 'a' + 'A' : name[i]);
    buffer[i] = '\0';
    return buffer;
}

static void print_report(const kare_plan *plan, const char *as_of)
{
    kare_report *report = NULL;
    MUST(kare_report_new(&report, plan, as_of, NULL));
    size_t accounts = 0;
    MUST(kare_report_account_count(&accounts, report));
    char title[32];
    for (int32_t c = KARE_PLACEMENT_KEEP; c <= KARE_PLACEMENT_EXPAND; ++c) {
        size_t n = 0;
        MUST(kare_report_count(&n, report, c));
        printf("+- %s (%zu) -\n", upper(kare_placement_str(c), title), n);
    }
    for (size_t i = 0; i < accounts; ++i) {
        const char *id, *name, *owner, *basis;
        int32_t placement = 0;
        uint32_t candidates = 0;
        MUST(kare_report_account_id(&id, NULL, report, i));
        MUST(kare_report_account_name(&name, NULL, report, i));
        MUST(kare_report_account_owner(&owner, NULL, report, i));
        MUST(kare_report_account_placement(&placement, report, i));
        MUST(kare_report_account_basis(&basis, report, i));
        MUST(kare_report_account_candidates(&candidates, report, i));
        if (placement <= KARE_PLACEMENT_EXPAND) {
            const char *marker = strcmp(basis, "profile") == 0     ? "*"
                                 : strcmp(basis, "tie_break") == 0 ? "?"
                                                                   : " ";
            /* The tool may mark a concern before the marker and cut the
               id and owner to leave room for the account's money. */
            printf("%s %s\n", marker, name);
        } else if (placement == KARE_PLACEMENT_FIRED) {
            printf("  %s [%s, %s]\n", name, id, owner);
        } else {
            printf("  %s [%s, %s]: ", name, id, owner);
            int matches = 0;
            for (int32_t c = KARE_PLACEMENT_KEEP; c <= KARE_PLACEMENT_EXPAND; ++c)
                matches += (candidates >> c) & 1u;
            if (strcmp(basis, "decision") == 0)
                printf("marked unassigned\n");
            else if (matches < 2)
                printf("matches no profile\n");
            else {
                printf("matches");
                int written = 0;
                for (int32_t c = KARE_PLACEMENT_KEEP; c <= KARE_PLACEMENT_EXPAND; ++c)
                    if ((candidates >> c) & 1u)
                        printf("%s%s", written++ ? " and " : " ", kare_placement_str(c));
                printf("\n");
            }
        }
    }
    size_t unassigned = 0, fired = 0, findings = 0;
    MUST(kare_report_count(&unassigned, report, KARE_PLACEMENT_UNASSIGNED));
    MUST(kare_report_count(&fired, report, KARE_PLACEMENT_FIRED));
    MUST(kare_report_finding_count(&findings, report));
    printf("Unassigned (%zu)\nFired (%zu)\nFindings (%zu)\n", unassigned, fired, findings);
    for (size_t i = 0; i < findings; ++i) {
        const char *severity, *code, *message;
        MUST(kare_report_finding_severity(&severity, report, i));
        MUST(kare_report_finding_code(&code, report, i));
        MUST(kare_report_finding_message(&message, NULL, report, i));
        printf("  %s  %s  %s\n", severity, code, message);
    }
    kare_report_free(report);
}

/* "1241000.00" as "1,241,000.00". */
static const char *grouped(const char *decimal, char *buffer)
{
    const char *body = decimal[0] == '-' ? decimal + 1 : decimal;
    const char *dot = strchr(body, '.');
    const size_t whole = dot ? (size_t)(dot - body) : strlen(body);
    char *out = buffer;
    if (body != decimal)
        *out++ = '-';
    for (size_t i = 0; i < whole; ++i) {
        if (i > 0 && (whole - i) % 3 == 0)
            *out++ = ',';
        *out++ = body[i];
    }
    strcpy(out, dot ? dot : "");
    return buffer;
}

/* Minor units of an exact decimal amount. */
static int64_t minor_units(const char *decimal)
{
    int64_t v = 0;
    for (const char *p = decimal; *p; ++p)
        if (*p >= '0' && *p <= '9')
            v = v * 10 + (*p - '0');
    return decimal[0] == '-' ? -v : v;
}

/* The bloat as the tool prints it, exact from the two amounts: a percent
 * with one place, rounded half up. */
static const char *bloat_percent(const char *hope, const char *total, char *buffer)
{
    const int64_t t = minor_units(total);
    if (t == 0)
        return "-";
    const int64_t tenths = minor_units(hope) * 1000;
    int64_t q = tenths / t;
    if ((tenths % t) * 2 >= t)
        ++q;
    snprintf(buffer, 32, "%lld.%lld%%", (long long)(q / 10), (long long)(q % 10));
    return buffer;
}

static void print_row(const kare_pipeline *p, int32_t grouping, size_t index, const char *label)
{
    size_t open = 0;
    const char *total, *honest, *hope, *bloat;
    MUST(kare_pipeline_open_deals(&open, p, grouping, index));
    MUST(kare_pipeline_amount(&total, p, grouping, index, KARE_AMOUNT_TOTAL));
    MUST(kare_pipeline_amount(&honest, p, grouping, index, KARE_AMOUNT_HONEST));
    MUST(kare_pipeline_amount(&hope, p, grouping, index, KARE_AMOUNT_HOPE));
    MUST(kare_pipeline_bloat(&bloat, p, grouping, index));
    char a[40], b[40], c[40], d[32];
    printf("  %-22s%6zu%16s%16s%16s%9s\n", label, open, grouped(total, a), grouped(honest, b),
           grouped(hope, c), bloat_percent(hope, total, d));
    /* The four-place ratio agrees with the exact amounts. */
    if ((bloat == NULL) != (minor_units(total) == 0))
        fail("kare_pipeline_bloat");
}

static void print_pipeline(const kare_plan *plan, const char *as_of)
{
    kare_pipeline *p = NULL;
    MUST(kare_pipeline_new(&p, plan, as_of, NULL));
    const char *currency;
    MUST(kare_pipeline_currency(&currency, p));
    printf(" (%s)\n", currency);
    print_row(p, KARE_PIPELINE_TEAM, 0, "whole team");
    size_t groups = 0;
    MUST(kare_pipeline_group_count(&groups, p, KARE_PIPELINE_BY_REP));
    for (size_t i = 0; i < groups; ++i) {
        const char *name;
        MUST(kare_pipeline_group_name(&name, p, KARE_PIPELINE_BY_REP, i));
        print_row(p, KARE_PIPELINE_BY_REP, i, name[0] ? name : "(no rep)");
    }
    MUST(kare_pipeline_group_count(&groups, p, KARE_PIPELINE_BY_CATEGORY));
    for (size_t i = 0; i < groups; ++i) {
        const char *name;
        size_t open = 0;
        MUST(kare_pipeline_group_name(&name, p, KARE_PIPELINE_BY_CATEGORY, i));
        MUST(kare_pipeline_open_deals(&open, p, KARE_PIPELINE_BY_CATEGORY, i));
        if (open > 0)
            print_row(p, KARE_PIPELINE_BY_CATEGORY, i, name);
    }
    char a[40];
    printf("  states:");
    for (int32_t s = KARE_HONESTY_QUALIFIED; s >= KARE_HONESTY_DEAD; --s) {
        size_t n = 0;
        const char *amount;
        MUST(kare_pipeline_state(&n, &amount, p, KARE_PIPELINE_TEAM, 0, s));
        printf(" %s %zu (%s)%s", kare_honesty_str(s), n, grouped(amount, a), s ? "," : "");
    }
    printf("\n");
    size_t won = 0, lost = 0, reasons = 0;
    const char *won_amount, *lost_amount;
    MUST(kare_pipeline_closed(&won, &won_amount, p, KARE_OUTCOME_WON));
    MUST(kare_pipeline_closed(&lost, &lost_amount, p, KARE_OUTCOME_LOST));
    printf("  closed: %s %zu (%s), ", kare_outcome_str(KARE_OUTCOME_WON), won, grouped(won_amount, a));
    printf("%s %zu (%s)", kare_outcome_str(KARE_OUTCOME_LOST), lost, grouped(lost_amount, a));
    MUST(kare_pipeline_lost_reason_count(&reasons, p));
    for (size_t i = 0; i < reasons; ++i) {
        const char *reason;
        size_t n = 0;
        MUST(kare_pipeline_lost_reason(&reason, &n, p, i));
        if (n > 0)
            printf("; %s %zu", reason, n);
    }
    printf("\n");
    size_t hope = 0;
    MUST(kare_pipeline_hope_count(&hope, p));
    printf("Hope deals, largest first (%zu)\n", hope);
    for (size_t i = 0; i < hope; ++i) {
        const char *id, *account, *rep, *amount, *reason;
        int32_t state = 0;
        MUST(kare_pipeline_hope_deal(&id, &account, &rep, &amount, &state, &reason, p, i));
        printf("  %-10s%-18s%-16s%14s  %-12s%s\n", id, account, rep, grouped(amount, a),
               kare_honesty_str(state), reason);
    }
    kare_pipeline_free(p);
}

int main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[1], "report") != 0 && strcmp(argv[1], "pipeline") != 0)) {
        fprintf(stderr, "usage: %s report|pipeline PLAN.json AS_OF\n", argv[0]);
        return 2;
    }
    kare_plan *plan = NULL;
    MUST(kare_plan_load_file(&plan, argv[2]));
    if (strcmp(argv[1], "report") == 0)
        print_report(plan, argv[3]);
    else
        print_pipeline(plan, argv[3]);
    kare_plan_free(plan);
    return 0;
}
