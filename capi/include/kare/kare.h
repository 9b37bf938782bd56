/**
 * @file
 * @brief The kare C API: KARE account planning for any language that can
 * call C.
 *
 * Conventions (see docs/embedding.md):
 * - Every fallible function returns a ::kare_status; ::KARE_OK is zero and
 *   errors are negative. Details of the last error on the calling thread are
 *   available from kare_error_message(), kare_error_path() and
 *   kare_error_code() until the next kare call on that thread.
 * - Output parameters come first and are named `out`. On failure they are
 *   left untouched (pointers) or set to NULL (owned results).
 * - Objects returned through `kare_x **out` are owned by the caller and freed
 *   with the matching `kare_x_free`, which accepts NULL. Strings returned
 *   through `char **out` are freed with kare_string_free(). Never free
 *   library memory with the C library's free().
 * - Text in is UTF-8, given as pointer plus length; a length of
 *   ::KARE_NUL_TERMINATED means "up to the first NUL". Dates are
 *   `YYYY-MM-DD` strings.
 * - Threads: handles are independent. Each function taking a plan says what
 *   access it needs. Read access is shared: many threads may read one plan at
 *   once. Write access is exclusive: a mutation waits for readers and other
 *   mutations, so concurrent mutation is also safe, and readers see the plan
 *   before or after a mutation, never half of one. Reports are immutable and
 *   may be shared. A handle may be freed only when no other thread uses it.
 */
#ifndef KARE_KARE_H
#define KARE_KARE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Marks the exported API. */
#if defined(_WIN32)
#  if defined(KARE_C_BUILDING)
#    define KARE_API __declspec(dllexport)
#  else
#    define KARE_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define KARE_API __attribute__((visibility("default")))
#else
#  define KARE_API
#endif

/** Major version of the library. */
#define KARE_C_VERSION_MAJOR 0
/** Minor version of the library. */
#define KARE_C_VERSION_MINOR 1
/** Patch version of the library. */
#define KARE_C_VERSION_PATCH 0
/** The version as one number: major * 10000 + minor * 100 + patch. */
#define KARE_C_VERSION_NUMBER \
    (KARE_C_VERSION_MAJOR * 10000 + KARE_C_VERSION_MINOR * 100 + KARE_C_VERSION_PATCH)
/** The ABI version: the SONAME of libkare (libkare.so.1). */
#define KARE_C_ABI_VERSION 1

/** Length meaning "the text ends at its first NUL byte". */
#define KARE_NUL_TERMINATED SIZE_MAX

/** Result of every fallible call. Values are frozen; new ones are appended. */
typedef int32_t kare_status;

/** Status codes. */
enum {
    KARE_OK = 0,                          /**< Success. */
    KARE_ERROR_INVALID_ARGUMENT = -1,     /**< An argument cannot be used (NULL, bad length, bad date). */
    KARE_ERROR_PARSE = -2,                /**< Malformed JSON. */
    KARE_ERROR_INVALID_PLAN = -3,         /**< Well-formed, but breaks a rule of the plan. */
    KARE_ERROR_NOT_FOUND = -4,            /**< No account, rep or item with that id. */
    KARE_ERROR_CONFLICT = -5,             /**< Contradicts the plan's state (e.g. already in another category). */
    KARE_ERROR_LIMIT = -6,                /**< Exceeds a configured limit. */
    KARE_ERROR_UNSUPPORTED_VERSION = -7,  /**< A document format version this library does not read. */
    KARE_ERROR_IO = -8,                   /**< A file could not be read or written. */
    KARE_ERROR_NO_MEMORY = -9,            /**< An allocation failed. */
    KARE_ERROR_INTERNAL = -10             /**< A bug in kare. */
};

/** Where an account stands. Values are frozen. */
enum {
    KARE_PLACEMENT_KEEP = 0,       /**< In Keep. */
    KARE_PLACEMENT_ATTAIN = 1,     /**< In Attain. */
    KARE_PLACEMENT_RECAPTURE = 2,  /**< In Recapture. */
    KARE_PLACEMENT_EXPAND = 3,     /**< In Expand. */
    KARE_PLACEMENT_FIRED = 4,      /**< Out of the plan by decision. */
    KARE_PLACEMENT_UNASSIGNED = 5, /**< In no category. */
    KARE_PLACEMENT_OPEN = 6        /**< No decision taken (decisions only; never a result). */
};

/** A deal's honesty state (see docs/honesty.md). Values are frozen. */
enum {
    KARE_HONESTY_DEAD = 0,        /**< Will not close. */
    KARE_HONESTY_UNQUALIFIED = 1, /**< Required evidence is missing. */
    KARE_HONESTY_STALLED = 2,     /**< Qualified but stuck. */
    KARE_HONESTY_QUALIFIED = 3,   /**< Evidence on record and moving. */
    KARE_HONESTY_CLOSED = 4       /**< Won or lost: out of the pipeline, no honesty state. */
};

/** A deal's outcome. Values are frozen. */
enum {
    KARE_OUTCOME_OPEN = 0, /**< In the pipeline. */
    KARE_OUTCOME_WON = 1,  /**< Closed and won. */
    KARE_OUTCOME_LOST = 2  /**< Closed and lost. */
};

/** A plan: accounts, reps, schema, profiles, cookbook, activities and deals. Opaque. */
typedef struct kare_plan kare_plan;
/** An immutable report computed from a plan as of a date. Opaque. */
typedef struct kare_report kare_report;

/* ---- Versions and errors ------------------------------------------------ */

/** The library's version number (see ::KARE_C_VERSION_NUMBER). Thread-safe. */
KARE_API uint32_t kare_version_number(void);
/** The library's version as text, e.g. "0.1.0"; static storage. Thread-safe. */
KARE_API const char *kare_version_string(void);
/** The ABI version of the loaded library (see ::KARE_C_ABI_VERSION). Thread-safe. */
KARE_API uint32_t kare_abi_version(void);
/** The status code's stable name, e.g. "invalid_plan"; static storage, never NULL. Thread-safe. */
KARE_API const char *kare_status_str(kare_status status);

/**
 * The placement code's stable name: "keep", "attain", "recapture", "expand",
 * "fired", "unassigned" or "open"; "unknown" for any other value. Static
 * storage, never NULL. Thread-safe.
 */
KARE_API const char *kare_placement_str(int32_t placement);

/** Code of the last error on this thread, or ::KARE_OK. */
KARE_API kare_status kare_error_code(void);
/**
 * Message of the last error on this thread, or "" when there is none.
 * Owned by the library; valid until the next kare call on this thread.
 */
KARE_API const char *kare_error_message(void);
/**
 * Document path the last error on this thread concerns (e.g.
 * "accounts[12].attributes.risk"), or "" when it concerns no place.
 * Owned by the library; valid until the next kare call on this thread.
 */
KARE_API const char *kare_error_path(void);
/** Forgets the last error on this thread. */
KARE_API void kare_error_clear(void);

/**
 * Frees a string returned by the library. NULL is a harmless no-op. Any
 * thread; free each string once.
 */
KARE_API void kare_string_free(char *text);

/* ---- Plans -------------------------------------------------------------- */

/**
 * Reads a plan document.
 * @param[out] out receives a new plan, owned by the caller (kare_plan_free);
 *             set to NULL on failure
 * @param json the document, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_PARSE, ::KARE_ERROR_INVALID_PLAN (with the
 *         path), ::KARE_ERROR_UNSUPPORTED_VERSION, ::KARE_ERROR_LIMIT, ...
 */
KARE_API kare_status kare_plan_load(kare_plan **out, const char *json, size_t json_len);

/**
 * Reads a plan document from a file. Same results as kare_plan_load(), plus
 * ::KARE_ERROR_IO when the path cannot be opened or is not a regular file.
 * The plan is owned by the caller (kare_plan_free). Any thread: each call
 * makes an independent plan.
 */
KARE_API kare_status kare_plan_load_file(kare_plan **out, const char *path);

/**
 * Frees a plan. NULL is a harmless no-op. Reports made from it stay valid.
 * Only when no other thread uses the plan.
 */
KARE_API void kare_plan_free(kare_plan *plan);

/**
 * Writes the plan document (canonical: write, read, write gives the same bytes).
 * @param[out] out receives a NUL-terminated string owned by the caller (kare_string_free)
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan (read access)
 */
KARE_API kare_status kare_plan_to_json(char **out, size_t *out_len, const kare_plan *plan);

/** Number of accounts in the plan. Read access to the plan. */
KARE_API kare_status kare_plan_account_count(size_t *out, const kare_plan *plan);

/**
 * Replaces sections of the plan from a partial plan document: the header
 * (`"format": "kare-plan", "version": 1`) and any of `name`, `settings`,
 * `fields`, `profiles`, `cookbook`, `policy`, `products`, `reps` and
 * `honesty`, each replaced whole; what the document leaves out is kept. The
 * whole plan is then checked against the new sections and every account
 * re-evaluated: an account whose owner is no longer a rep, or whose attribute
 * the new fields do not declare, fails the call with its path. Accounts,
 * deals and activities keep their decisions and history; they are changed
 * one at a time by their own functions, so `accounts`, `deals` and
 * `activities` are refused here.
 *
 * All or nothing: on failure the plan is unchanged.
 *
 * @param plan the plan (write access)
 * @param json the partial document, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_PARSE, ::KARE_ERROR_INVALID_PLAN (with the
 *         path, e.g. "profiles[1].criteria.field"),
 *         ::KARE_ERROR_UNSUPPORTED_VERSION, ::KARE_ERROR_LIMIT
 */
KARE_API kare_status kare_plan_replace_sections(kare_plan *plan, const char *json,
                                                size_t json_len);

/**
 * Adds a rep given in the plan document's rep format
 * (`{"id":"ana","name":"Ana","style":"hunter"}`), e.g. a new seller whose
 * accounts follow. ::KARE_ERROR_INVALID_PLAN naming `reps[N].…`,
 * ::KARE_ERROR_CONFLICT for an id in use, ::KARE_ERROR_PARSE. Write access to
 * the plan; unchanged on failure.
 */
KARE_API kare_status kare_plan_add_rep(kare_plan *plan, const char *json, size_t json_len);

/**
 * Number of reps in the plan.
 * @param[out] out the count
 * @param plan the plan (read access)
 */
KARE_API kare_status kare_plan_rep_count(size_t *out, const kare_plan *plan);

/**
 * Where one account stands now, as a report would place it (explicit decision,
 * else the single matching profile, else the tie-break, else unassigned).
 * The hot path a CRM calls per record: no JSON and no evaluation, since the
 * plan keeps every account's verdict current as accounts change.
 * @param[out] out one of the KARE_PLACEMENT_ values (never OPEN)
 * @param plan the plan (read access)
 * @param account_id the account's id; @param id_len its length or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK or ::KARE_ERROR_NOT_FOUND
 */
KARE_API kare_status kare_plan_account_placement(int32_t *out, const kare_plan *plan,
                                                 const char *account_id, size_t id_len);

/**
 * Every account's placement in one call, in plan order, without building a
 * report: what kare_plan_account_placement() gives for each account, read
 * from the verdicts the plan keeps current (no evaluation, no JSON). At a
 * million accounts the result is one allocation of about a byte plus the id
 * per account.
 *
 * The result is one buffer laid out as `count` placement bytes, each a
 * KARE_PLACEMENT_ value (never OPEN), followed by the `count` account ids in
 * the same order, each ended by a NUL byte:
 *
 *     const char *id = out + count;
 *     for (size_t i = 0; i < count; ++i, id += strlen(id) + 1)
 *         use(id, (int32_t)out[i]);
 *
 * @param[out] out receives the buffer, owned by the caller (kare_string_free);
 *             set to NULL on failure. Never NULL on success, even with no
 *             accounts.
 * @param[out] out_len receives the buffer's length in bytes (`count` plus
 *             the ids with their NULs); may be NULL
 * @param[out] out_count receives the number of accounts
 * @param plan the plan (read access): the result is a snapshot, consistent
 *             even while other threads mutate the plan
 * @param rep only the accounts this rep owns; NULL or "" for all
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT (`out`, `out_count` or
 *         `plan` NULL), ::KARE_ERROR_NOT_FOUND (`rep` names no rep of the
 *         plan), ::KARE_ERROR_NO_MEMORY
 */
KARE_API kare_status kare_plan_placements(char **out, size_t *out_len, size_t *out_count,
                                          const kare_plan *plan, const char *rep);

/**
 * Puts an open or unassigned account in a category, recorded in its history.
 * Assigning the category it already has does nothing.
 * @param plan the plan (write access)
 * @param account_id the account's id, NUL-terminated
 * @param category one of KARE_PLACEMENT_KEEP .. KARE_PLACEMENT_EXPAND
 * @param on the decision's date, "YYYY-MM-DD"
 * @param reason why (may be NULL or empty for a first assignment)
 * @return ::KARE_ERROR_CONFLICT when the account is in another category or
 *         fired: that needs kare_plan_move(). The plan is unchanged on failure.
 */
KARE_API kare_status kare_plan_assign(kare_plan *plan, const char *account_id, int32_t category,
                                      const char *on, const char *reason);

/**
 * Moves an account deliberately (to a category, unassigned or open) with a
 * date and a required reason; the move is recorded. Unchanged on failure.
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_move(kare_plan *plan, const char *account_id, int32_t placement,
                                    const char *on, const char *reason);

/**
 * Fires an account: it leaves the plan with an out-of-plan action such as
 * "end_relationship". Reason and action are required. Unchanged on failure.
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_fire(kare_plan *plan, const char *account_id, const char *on,
                                    const char *reason, const char *action);

/**
 * Adds an account given as a JSON object in the plan document's account
 * format. Unchanged on failure; errors name paths such as
 * "accounts[7].attributes.risk".
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_add_account(kare_plan *plan, const char *json, size_t json_len);

/**
 * Removes the account with that id. ::KARE_ERROR_NOT_FOUND when there is
 * none. Write access to the plan.
 */
KARE_API kare_status kare_plan_remove_account(kare_plan *plan, const char *account_id,
                                              size_t id_len);

/**
 * Writes the plan document to a file: the whole document or nothing (it is
 * written beside the target and renamed over it). Saves to one path from
 * several threads or processes do not mix: each writes a temporary file of
 * its own, and the last rename wins.
 * @param plan the plan (read access)
 * @param path where to write
 * @return ::KARE_OK or ::KARE_ERROR_IO
 */
KARE_API kare_status kare_plan_save_file(const kare_plan *plan, const char *path);

/**
 * Replaces the account with the same id by one given as JSON in the plan
 * document's account format. Unchanged on failure.
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_replace_account(kare_plan *plan, const char *json, size_t json_len);

/* ---- Activities --------------------------------------------------------- */

/**
 * Logs an activity given as JSON in the plan document's activity format
 * (`{"date", "rep", "account", "activity", "note"?}`). Unchanged on failure;
 * errors name paths such as "activities[40].activity".
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_add_activity(kare_plan *plan, const char *json, size_t json_len);

/**
 * Removes the activity at `index` of the log. ::KARE_ERROR_NOT_FOUND past the
 * end. Write access to the plan.
 */
KARE_API kare_status kare_plan_remove_activity(kare_plan *plan, size_t index);

/** Number of activities in the log. Read access to the plan. */
KARE_API kare_status kare_plan_activity_count(size_t *out, const kare_plan *plan);

/* ---- Deals -------------------------------------------------------------- */

/**
 * Adds a deal given as JSON in the plan document's deal format (amounts as
 * decimal strings). Unchanged on failure; errors name paths such as
 * "deals[3].amount".
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_add_deal(kare_plan *plan, const char *json, size_t json_len);

/**
 * Replaces the deal with the same id. ::KARE_ERROR_NOT_FOUND when there is
 * none. Write access to the plan.
 */
KARE_API kare_status kare_plan_replace_deal(kare_plan *plan, const char *json, size_t json_len);

/**
 * Removes the deal with that id. ::KARE_ERROR_NOT_FOUND when there is none.
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_remove_deal(kare_plan *plan, const char *deal_id, size_t id_len);

/** Number of deals in the plan. Read access to the plan. */
KARE_API kare_status kare_plan_deal_count(size_t *out, const kare_plan *plan);

/**
 * A deal's honesty state as of a date: the hot path for a CRM showing one deal.
 * @param[out] out a KARE_HONESTY_ value (KARE_HONESTY_CLOSED for won or lost deals)
 * @param plan the plan (read access)
 * @param deal_id the deal's id
 * @param id_len its length or ::KARE_NUL_TERMINATED
 * @param as_of "YYYY-MM-DD"
 */
KARE_API kare_status kare_plan_deal_state(int32_t *out, const kare_plan *plan, const char *deal_id,
                                          size_t id_len, const char *as_of);

/**
 * Records an evidence item on a deal. Its date may not be after `as_of`.
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @param type one of the plan's evidence types, e.g. "budget"
 * @param on the evidence's date
 * @param source where it comes from
 * @param as_of today, "YYYY-MM-DD": evidence from the future is refused
 */
KARE_API kare_status kare_plan_add_evidence(kare_plan *plan, const char *deal_id, const char *type,
                                            const char *on, const char *source, const char *as_of);

/** Records activity on a deal on a date (see plan::record_activity). Write access to the plan. */
KARE_API kare_status kare_plan_record_deal_activity(kare_plan *plan, const char *deal_id,
                                                    const char *on);

/**
 * Moves a deal's expected close date to `to`, recorded on `on` with a reason
 * (NULL allowed). Write access to the plan.
 */
KARE_API kare_status kare_plan_change_close_date(kare_plan *plan, const char *deal_id,
                                                 const char *to, const char *on,
                                                 const char *reason);

/**
 * Declares a stall with a known reason until `resume_on` (the deal does not
 * rot meanwhile). Write access to the plan.
 */
KARE_API kare_status kare_plan_declare_stall(kare_plan *plan, const char *deal_id,
                                             const char *reason, const char *declared_on,
                                             const char *resume_on);

/**
 * Removes a declared stall: the deal is judged by its activity again.
 * ::KARE_ERROR_NOT_FOUND for an unknown deal, ::KARE_ERROR_CONFLICT when no
 * stall is declared. Write access to the plan.
 */
KARE_API kare_status kare_plan_clear_stall(kare_plan *plan, const char *deal_id);

/**
 * Sets a deal's honesty state by hand (a KARE_HONESTY_ value other than
 * CLOSED), checked against the evidence as the policy says: calling a deal
 * qualified without the required evidence is refused (::KARE_ERROR_CONFLICT)
 * or flagged.
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_declare_deal_state(kare_plan *plan, const char *deal_id,
                                                  int32_t state, const char *on,
                                                  const char *reason);

/**
 * Removes the state set by hand with kare_plan_declare_deal_state(): the
 * deal's state comes from its evidence again. Removing a "dead" declaration
 * in effect on `on` revives the deal, checked and recorded as a declaration
 * is, with `reason` (NULL allowed otherwise). ::KARE_ERROR_NOT_FOUND for an
 * unknown deal, ::KARE_ERROR_CONFLICT when none is declared or the revival is
 * refused. Write access to the plan.
 */
KARE_API kare_status kare_plan_clear_deal_state(kare_plan *plan, const char *deal_id,
                                                const char *on, const char *reason);

/**
 * Closes a deal as won or lost (KARE_OUTCOME_WON or KARE_OUTCOME_LOST); a
 * lost deal needs one of the plan's lost reasons, NULL otherwise.
 * Write access to the plan.
 */
KARE_API kare_status kare_plan_close_deal(kare_plan *plan, const char *deal_id, int32_t outcome,
                                          const char *on, const char *lost_reason);

/* ---- Documents and pictures ---------------------------------------------- */

/**
 * The progress document (cookbook targets against logged activities) as of a
 * date; see docs/cookbook.md.
 * @param[out] out owned by the caller (kare_string_free)
 * @param[out] out_len receives the length; may be NULL
 * @param plan the plan (read access)
 * @param as_of "YYYY-MM-DD"
 * @param rep a rep id, or NULL (or "") for every rep
 * @param trend_periods complete periods reported before the current one
 */
KARE_API kare_status kare_plan_progress_json(char **out, size_t *out_len, const kare_plan *plan,
                                             const char *as_of, const char *rep,
                                             uint32_t trend_periods);

/**
 * The pipeline document (total, honest total, bloat, states, hope deals) as
 * of a date; see docs/honesty.md. Ownership and arguments as
 * kare_plan_progress_json().
 * Read access to the plan.
 */
KARE_API kare_status kare_plan_pipeline_json(char **out, size_t *out_len, const kare_plan *plan,
                                             const char *as_of, const char *rep);

/**
 * The KARE map as a standalone SVG document. Ownership and arguments as
 * kare_plan_progress_json().
 * Read access to the plan.
 */
KARE_API kare_status kare_plan_map_svg(char **out, size_t *out_len, const kare_plan *plan,
                                       const char *as_of, const char *rep);

/**
 * The review as a self-contained HTML page (the map, the findings, the
 * suggested moves, the priorities, the focus lists, the heat map, the
 * accounts). Ownership and arguments as kare_plan_progress_json().
 * Read access to the plan.
 */
KARE_API kare_status kare_plan_review_html(char **out, size_t *out_len, const kare_plan *plan,
                                           const char *as_of, const char *rep);

/* ---- Reports ------------------------------------------------------------ */

/**
 * Computes the report on a plan as of a date.
 * @param[out] out receives a new report owned by the caller (kare_report_free)
 * @param plan the plan (read access)
 * @param as_of "YYYY-MM-DD"; the library never reads the clock
 * @param rep a rep id to report on one rep, or NULL (or "") for the whole team
 */
KARE_API kare_status kare_report_new(kare_report **out, const kare_plan *plan, const char *as_of,
                                     const char *rep);

/**
 * Frees a report. NULL is a harmless no-op. Only when no other thread uses
 * the report; strings borrowed from it die with it.
 */
KARE_API void kare_report_free(kare_report *report);

/**
 * The report document as JSON; `out` is owned by the caller
 * (kare_string_free). Any thread: a report never changes.
 */
KARE_API kare_status kare_report_to_json(char **out, size_t *out_len, const kare_report *report);

/** Number of findings in the report. Any thread: a report never changes. */
KARE_API kare_status kare_report_finding_count(size_t *out, const kare_report *report);

/**
 * The stable code of finding `index` (e.g. "account.ambiguous"). The string
 * is owned by the report and lives as long as it.
 * Any thread: a report never changes.
 */
KARE_API kare_status kare_report_finding_code(const char **out, const kare_report *report,
                                              size_t index);

/**
 * Number of accounts the report places at `placement` (a KARE_PLACEMENT_
 * value other than OPEN).
 * Any thread: a report never changes.
 */
KARE_API kare_status kare_report_count(size_t *out, const kare_report *report, int32_t placement);

/**
 * Every finding code kare can raise, as a JSON document:
 * {"format":"kare-finding-codes","version":1,"codes":[{"code","severity",
 * "subject","description"}]}. Codes are never renamed or reused; new ones are
 * appended. Thread-safe: needs no plan.
 * @param[out] out receives the document, NUL-terminated, owned by the caller
 *             (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 */
KARE_API kare_status kare_finding_codes_json(char **out, size_t *out_len);

/* ---- Imports ------------------------------------------------------------ */

/**
 * One CSV file given to kare_plan_import_csv(). The layout is frozen: new
 * members would come with a new function, never in this struct.
 */
typedef struct kare_csv_file {
    const char *name; /**< Its name, NUL-terminated UTF-8: errors and the report name the file by it. */
    const char *text; /**< Its bytes (UTF-8, an optional byte-order mark is skipped). */
    size_t text_len;  /**< Their length, or ::KARE_NUL_TERMINATED. */
} kare_csv_file;

/**
 * A column mapping kare ships, as its JSON document (see docs/import.md):
 * `hubspot` (companies and deals) or `salesforce` (products, accounts and
 * opportunities). Thread-safe: needs no plan.
 * @param[out] out receives the document, NUL-terminated, in static storage:
 *             never freed
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param name the mapping's name
 * @return ::KARE_OK, ::KARE_ERROR_NOT_FOUND for any other name,
 *         ::KARE_ERROR_INVALID_ARGUMENT for NULL
 */
KARE_API kare_status kare_import_mapping_builtin(const char **out, size_t *out_len,
                                                 const char *name);

/**
 * Imports CRM exports into the plan, as `kare import --into` does: CSV files
 * of products, accounts, deals and activities, read through a column mapping
 * (docs/import.md). Each file's kind comes from the mapping table whose
 * columns its header holds; files apply products first, then accounts, deals
 * and activities. A record already in the plan is updated (the CRM's fields
 * replaced, kare's own kept); a moved close date is recorded as a change on
 * `as_of`.
 *
 * All or nothing: on any error the plan is unchanged. To import into a new
 * plan, load an empty one first: `{"format":"kare-plan","version":1}`.
 *
 * Thread-safety: write access to the plan for the whole import.
 *
 * @param[out] out receives the import report
 *             (`{"format":"kare-import-report",…}`: rows read, added, updated
 *             and skipped per file, each skipped row and why, reps added),
 *             NUL-terminated, owned by the caller (kare_string_free); may be
 *             NULL when the report is not wanted; set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan to import into (write access)
 * @param mapping the mapping document, UTF-8 (kare_import_mapping_builtin()
 *        gives the shipped ones)
 * @param mapping_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param files the CSV files; may be NULL when `file_count` is 0
 * @param file_count how many
 * @param as_of the day of the export, "YYYY-MM-DD": no deal may open, be
 *        active or close after it
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for a bad mapping
 *         (kare_error_path() "mapping: tables[1].columns.amont"), a file no
 *         mapping table fits, or NULL arguments ("files[2].name");
 *         ::KARE_ERROR_PARSE for malformed JSON or CSV; ::KARE_ERROR_INVALID_PLAN
 *         for a bad cell or a record the plan refuses (the path names it:
 *         "accounts.csv, row 7, column 3 (Owner)"); ::KARE_ERROR_LIMIT
 */
KARE_API kare_status kare_plan_import_csv(char **out, size_t *out_len, kare_plan *plan,
                                          const char *mapping, size_t mapping_len,
                                          const kare_csv_file *files, size_t file_count,
                                          const char *as_of);

/* ---- Batches ------------------------------------------------------------ */

/** Flags of kare_plan_classify_jsonl(). Values are frozen. */
enum {
    /** Answer a bad line with an error record in its place instead of failing the call. */
    KARE_JSONL_SKIP_INVALID = 1
};

/**
 * Classifies a stream of accounts in one call. The input is JSON Lines: one
 * account per line in the plan document's account format, checked against
 * the plan's schema (the accounts do not join the plan: their owners need not
 * be reps of it and their ids are not checked for uniqueness). Blank lines
 * are skipped; lines may end in "\r\n".
 *
 * The output has one line per account, in input order:
 * {"id":…,"placement":…,"basis":…,"candidates":[…],"fire_suggestions":[…],"findings":[…]},
 * placed as kare_plan_account_placement() would place the account.
 *
 * A bad line fails the call: ::KARE_ERROR_INVALID_PLAN (or ::KARE_ERROR_PARSE,
 * ::KARE_ERROR_LIMIT) with kare_error_path() naming the line and the place in
 * it, e.g. "line 12: attributes.risk". With ::KARE_JSONL_SKIP_INVALID the line
 * is answered by {"line":12,"error":{"code":…,"path":…,"message":…}} instead
 * and the call succeeds.
 *
 * Thread-safety: reads the plan (shared with other readers); the output is
 * the same for every thread count.
 *
 * @param[out] out receives the result lines, NUL-terminated, owned by the
 *             caller (kare_string_free); set to NULL on failure
 * @param[out] out_len receives their length without the NUL; may be NULL
 * @param plan the plan whose schema and profiles apply (read access)
 * @param jsonl the accounts, UTF-8
 * @param jsonl_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param threads 0 for one per hardware thread, 1 for the calling thread
 *        only, N for at most N threads
 * @param flags 0 or ::KARE_JSONL_SKIP_INVALID; other bits are refused
 */
KARE_API kare_status kare_plan_classify_jsonl(char **out, size_t *out_len, const kare_plan *plan,
                                              const char *jsonl, size_t jsonl_len,
                                              uint32_t threads, uint32_t flags);

#ifdef __cplusplus
}
#endif

#endif
