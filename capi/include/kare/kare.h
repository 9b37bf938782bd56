/**
 * @file
 * @brief The kare C API: KARE account planning for any language that can
 * call C.
 *
 * Conventions (see docs/embedding.md):
 * - Every fallible function returns a ::kare_status; ::KARE_OK is zero and
 *   errors are negative. Each function's comment lists every status it
 *   returns, but for ::KARE_ERROR_NO_MEMORY (an allocation failed) and
 *   ::KARE_ERROR_INTERNAL (a bug in kare), which any fallible call may
 *   return, and ::KARE_ERROR_MISUSE, which any call taking a handle may return
 *   (a freed handle, while its memory is not reused, or a handle of another
 *   kind: a report passed as a plan); free functions ignore such a handle; capi.documented_statuses holds the tests to those lists. Details of the last error on the calling thread are
 *   available from kare_error_message(), kare_error_path() and
 *   kare_error_code() until the next kare call on that thread.
 * - Output parameters come first and are named `out`. On failure they are
 *   left untouched (pointers) or set to NULL (owned results).
 * - Objects returned through `kare_x **out` are owned by the caller and freed
 *   with the matching `kare_x_free`, which accepts NULL. Strings returned
 *   through `char **out` are freed with kare_string_free(). Never free
 *   library memory with the C library's free().
 * - Text in is UTF-8, given as pointer plus length (a length of
 *   ::KARE_NUL_TERMINATED means "up to the first NUL") or NUL-terminated.
 *   Every id, name, reason, action, source and date is checked before
 *   anything changes: text that is not well-formed UTF-8 (a stray or
 *   overlong byte, a UTF-16 surrogate, a sequence cut short, a code point
 *   past U+10FFFF) or that holds a control character is refused with
 *   ::KARE_ERROR_INVALID_ARGUMENT, the message naming the parameter and the
 *   byte ("reason is not valid UTF-8 at byte 4: an overlong encoding
 *   (0xc0)"). Reasons, actions and close-date reasons may hold line breaks
 *   and tabs; ids, names, labels and dates may not. JSON, JSON Lines and CSV
 *   documents are checked by their readers (::KARE_ERROR_PARSE). File paths
 *   are passed to the system as they are. Dates are `YYYY-MM-DD` strings.
 * - Threads: handles are independent. Each function taking a plan says what
 *   access it needs. Read access is shared: many threads may read one plan at
 *   once. Write access is exclusive: a mutation waits for readers and other
 *   mutations, so concurrent mutation is also safe, and readers see the plan
 *   before or after a mutation, never half of one. The lock prefers writers:
 *   once a mutation waits, reads that arrive after it wait behind it, so a
 *   mutation waits only for the reads already running, however many threads
 *   keep reading. Reports are immutable and may be shared. A handle may be
 *   freed only when no other thread uses it.
 */
#ifndef KARE_KARE_H
#define KARE_KARE_H

/** @defgroup versions Versions and errors
 * Versions, status codes and their names, and the thread's last error.
 */
/** @defgroup plans Plans
 * Loading, saving and reading plans; accounts and reps as records.
 */
/** @defgroup decisions Decisions
 * Placing accounts: assign, move and fire, dated and with a reason.
 */
/** @defgroup activities Activities
 * The activity log.
 */
/** @defgroup deals Deals
 * Deals and what happens to them: evidence, activity, close dates, stalls, states, closes.
 */
/** @defgroup reports Reports
 * Reports, pipelines and progress, as JSON or read value by value.
 */
/** @defgroup rendering Rendering
 * The KARE map as SVG and the review as HTML.
 */
/** @defgroup import Import
 * CRM exports (CSV) into a plan through a column mapping.
 */
/** @defgroup batch Batch
 * Streams of accounts classified in one call.
 */
/** @defgroup memory Memory
 * Releasing what the library hands out.
 */

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
    KARE_ERROR_INTERNAL = -10,            /**< A bug in kare. */
    KARE_ERROR_MISUSE = -11               /**< A handle that is not a live one of its kind: freed, or another handle passed for it. */
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

/**
 * The loaded library's version, to compare with ::KARE_C_VERSION_NUMBER, the
 * header's. Thread-safe.
 * @return major * 10000 + minor * 100 + patch, e.g. 100 for 0.1.0
 * @ingroup versions
 */
KARE_API uint32_t kare_version_number(void);
/**
 * The loaded library's version as text. Thread-safe.
 * @return "major.minor.patch", e.g. "0.1.0"; static storage
 * @ingroup versions
 */
KARE_API const char *kare_version_string(void);
/**
 * The loaded library's ABI version, to compare with ::KARE_C_ABI_VERSION.
 * Thread-safe.
 * @return the number in libkare's SONAME: 1 for libkare.so.1
 * @ingroup versions
 */
KARE_API uint32_t kare_abi_version(void);
/**
 * The status code's stable name. Thread-safe.
 * @param status a ::kare_status, as a kare call returned it
 * @return e.g. "invalid_plan" for ::KARE_ERROR_INVALID_PLAN; "unknown" for a
 *         value that is no status; static storage, never NULL
 * @ingroup versions
 */
KARE_API const char *kare_status_str(kare_status status);

/**
 * The placement code's stable name. Thread-safe.
 * @param placement a KARE_PLACEMENT_ value
 * @return "keep", "attain", "recapture", "expand", "fired", "unassigned" or
 *         "open"; "unknown" for any other value. Static storage, never NULL
 * @ingroup versions
 */
KARE_API const char *kare_placement_str(int32_t placement);

/**
 * The honesty state's stable name. Thread-safe.
 * @param state a KARE_HONESTY_ value
 * @return "dead", "unqualified", "stalled", "qualified" or "closed";
 *         "unknown" for any other value. Static storage, never NULL
 * @ingroup versions
 */
KARE_API const char *kare_honesty_str(int32_t state);

/**
 * The outcome's stable name. Thread-safe.
 * @param outcome a KARE_OUTCOME_ value
 * @return "open", "won" or "lost"; "unknown" for any other value. Static
 *         storage, never NULL
 * @ingroup versions
 */
KARE_API const char *kare_outcome_str(int32_t outcome);

/**
 * The last error on this thread.
 * @return its status code, or ::KARE_OK when there is none
 * @ingroup versions
 */
KARE_API kare_status kare_error_code(void);
/**
 * The message of the last error on this thread.
 * @return the message, or "" when there is none. Owned by the library; valid
 *         until the next kare call on this thread
 * @ingroup versions
 */
KARE_API const char *kare_error_message(void);
/**
 * The document path the last error on this thread concerns.
 * @return e.g. "accounts[12].attributes.risk", or "" when the error concerns
 *         no place. Owned by the library; valid until the next kare call on
 *         this thread
 * @ingroup versions
 */
KARE_API const char *kare_error_path(void);
/**
 * The place of the last error on this thread as a person reads it: the
 * document path with the id of each record after its position, what the
 * `kare` tool prints.
 * @return e.g. "accounts[11] (LMN-012).attributes.mood"; the same text as
 *         kare_error_path() where no record on the way has an id; "" when the
 *         error concerns no place. Owned by the library; valid until the next
 *         kare call on this thread
 * @ingroup versions
 */
KARE_API const char *kare_error_labelled_path(void);
/** Forgets the last error on this thread. @ingroup versions */
KARE_API void kare_error_clear(void);

/**
 * Frees a string returned by the library. Any thread; free each string once.
 * @param text a string a kare call handed to the caller; NULL is a harmless
 *        no-op
 * @ingroup memory
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
 *         path), ::KARE_ERROR_UNSUPPORTED_VERSION, ::KARE_ERROR_LIMIT;
 *         also ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_CONFLICT.
 * @ingroup plans
 */
KARE_API kare_status kare_plan_load(kare_plan **out, const char *json, size_t json_len);

/** Version of ::kare_read_options this header describes. */
#define KARE_READ_OPTIONS_VERSION 1

/**
 * Bounds on what a plan document may hold, so that a hostile or runaway
 * document fails fast (::KARE_ERROR_LIMIT) instead of exhausting memory. A
 * member left 0 keeps kare's default. Set one up with
 * ::KARE_READ_OPTIONS_INIT or kare_read_options_init(); later versions only
 * add members at the end, and `version` says which members the caller knows.
 */
typedef struct kare_read_options {
    uint32_t version;            /**< ::KARE_READ_OPTIONS_VERSION */
    uint32_t max_depth;          /**< JSON nesting; 0 for the default, 64 */
    uint64_t max_document_bytes; /**< The whole document; 0 for the default, 1 GiB */
    uint64_t max_string_bytes;   /**< Any one string; 0 for the default, 64 KiB */
    uint64_t max_accounts;       /**< Accounts; 0 for the default, 10,000,000 */
    uint64_t max_deals;          /**< Deals; 0 for the default, 10,000,000 */
    uint64_t max_activities;     /**< Logged activities; 0 for the default, 100,000,000 */
} kare_read_options;

/** A ::kare_read_options with kare's defaults. */
#define KARE_READ_OPTIONS_INIT {KARE_READ_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0}

/**
 * Sets `options` to kare's defaults for the given version of the struct
 * (::KARE_READ_OPTIONS_VERSION for this header). Thread-safe.
 * @param[out] options the struct to set up
 * @param version the struct version the caller knows: ::KARE_READ_OPTIONS_VERSION
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL or a version 0 or
 *         newer than the library's
 * @ingroup plans
 */
KARE_API kare_status kare_read_options_init(kare_read_options *options, uint32_t version);

/**
 * kare_plan_load() within the given bounds (NULL for the defaults).
 * @param[out] out receives a new plan, owned by the caller (kare_plan_free); set to NULL on
 *        failure
 * @param json the document, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param options the bounds, or NULL for kare's defaults
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT (also for options of
 *         version 0 or newer than the library's), ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT,
 *         ::KARE_ERROR_UNSUPPORTED_VERSION, ::KARE_ERROR_CONFLICT
 * @ingroup plans
 */
KARE_API kare_status kare_plan_load_with_options(kare_plan **out, const char *json,
                                                 size_t json_len,
                                                 const kare_read_options *options);

/**
 * kare_plan_load_file() within the given bounds (NULL for the defaults): a
 * file larger than `max_document_bytes` is refused before it is read.
 * @param[out] out receives a new plan, owned by the caller (kare_plan_free); set to NULL on
 *        failure
 * @param path the file, NUL-terminated
 * @param options the bounds, or NULL for kare's defaults
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT (also for options of
 *         version 0 or newer than the library's), ::KARE_ERROR_IO,
 *         ::KARE_ERROR_PARSE, ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT,
 *         ::KARE_ERROR_UNSUPPORTED_VERSION, ::KARE_ERROR_CONFLICT
 * @ingroup plans
 */
KARE_API kare_status kare_plan_load_file_with_options(kare_plan **out, const char *path,
                                                      const kare_read_options *options);

/**
 * Reads a plan document from a file. Same results as kare_plan_load(), plus
 * ::KARE_ERROR_IO when the path cannot be opened or is not a regular file (a
 * folder, a device, a pipe), with the system's reason, and
 * ::KARE_ERROR_LIMIT when the file is larger than the default
 * `max_document_bytes` (4 GiB): the size is checked before reading, and no
 * more than that is ever read.
 * The plan is owned by the caller (kare_plan_free). Any thread: each call
 * makes an independent plan.
 * @param[out] out receives a new plan, owned by the caller (kare_plan_free); set to NULL on
 *        failure
 * @param path the file, NUL-terminated
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT, ::KARE_ERROR_UNSUPPORTED_VERSION,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_IO
 * @ingroup plans
 */
KARE_API kare_status kare_plan_load_file(kare_plan **out, const char *path);

/**
 * kare_plan_load_file_with_options() with the path counted: the path is
 * `path_len` bytes (or up to its NUL for ::KARE_NUL_TERMINATED) and may not
 * hold a NUL byte. The path is passed to the system as it is, not checked
 * as UTF-8.
 * @param[out] out receives a new plan, owned by the caller (kare_plan_free);
 *             set to NULL on failure
 * @param path the file
 * @param path_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param options bounds on the document, or NULL for the defaults
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT (NULL arguments, a NUL
 *         byte in the path, options of version 0 or newer than the
 *         library's), ::KARE_ERROR_IO, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT,
 *         ::KARE_ERROR_UNSUPPORTED_VERSION, ::KARE_ERROR_CONFLICT
 * @ingroup plans
 */
KARE_API kare_status kare_plan_load_file_v2(kare_plan **out, const char *path, size_t path_len,
                                            const kare_read_options *options);

/**
 * Frees a plan. NULL is a harmless no-op. Reports made from it stay valid.
 * Only when no other thread uses the plan.
 * @param plan the plan to free; NULL is a harmless no-op
 * @ingroup memory
 */
KARE_API void kare_plan_free(kare_plan *plan);

/**
 * Writes the plan document (canonical: write, read, write gives the same bytes).
 * @param[out] out receives a NUL-terminated string owned by the caller (kare_string_free)
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan (read access)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT; ::KARE_ERROR_LIMIT when the document
 *         would pass the 4 GiB a plan document may hold (a reader would refuse it)
 * @ingroup plans
 */
KARE_API kare_status kare_plan_to_json(char **out, size_t *out_len, const kare_plan *plan);

/**
 * Number of accounts in the plan. Read access to the plan.
 * @param[out] out receives the number of accounts
 * @param plan the plan (read access)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup plans
 */
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
 *         also ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_CONFLICT.
 * @ingroup plans
 */
KARE_API kare_status kare_plan_replace_sections(kare_plan *plan, const char *json,
                                                size_t json_len);

/**
 * Adds a rep given in the plan document's rep format
 * (`{"id":"ana","name":"Ana","style":"hunter"}`), e.g. a new seller whose
 * accounts follow. ::KARE_ERROR_INVALID_PLAN naming `reps[N].…`,
 * ::KARE_ERROR_CONFLICT for an id in use, ::KARE_ERROR_PARSE. Write access to
 * the plan; unchanged on failure.
 * @param plan the plan (write access)
 * @param json the rep, a JSON object, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT, ::KARE_ERROR_CONFLICT
 * @ingroup plans
 */
KARE_API kare_status kare_plan_add_rep(kare_plan *plan, const char *json, size_t json_len);

/**
 * Number of reps in the plan.
 * @param[out] out the count
 * @param plan the plan (read access)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup plans
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
 *         also ::KARE_ERROR_INVALID_ARGUMENT.
 * @ingroup plans
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
 * @ingroup plans
 */
KARE_API kare_status kare_plan_placements(char **out, size_t *out_len, size_t *out_count,
                                          const kare_plan *plan, const char *rep);

/**
 * kare_plan_placements() with the rep counted: `rep` may be NULL with a
 * length of 0 (or ::KARE_NUL_TERMINATED), or empty, for every account.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT (also for a NUL byte in
 *         the rep, bad UTF-8 or a control character),
 *         ::KARE_ERROR_NOT_FOUND
 * @ingroup plans
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param[out] out_count receives the count
 * @param plan the plan
 * @param rep a rep's id, or NULL for the whole team
 * @param rep_len its length in bytes, or ::KARE_NUL_TERMINATED
 */
KARE_API kare_status kare_plan_placements_v2(char **out, size_t *out_len, size_t *out_count,
                                             const kare_plan *plan, const char *rep,
                                             size_t rep_len);

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
 *         also ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND.
 * @ingroup decisions
 */
KARE_API kare_status kare_plan_assign(kare_plan *plan, const char *account_id, int32_t category,
                                      const char *on, const char *reason);

/**
 * Moves an account deliberately (to a category, unassigned or open) with a
 * date and a required reason; the move is recorded. Unchanged on failure.
 * Write access to the plan.
 * @param plan the plan (write access)
 * @param account_id the account's id, NUL-terminated
 * @param placement where it goes: a KARE_PLACEMENT_ value
 * @param on the move's date, "YYYY-MM-DD"
 * @param reason why, required
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup decisions
 */
KARE_API kare_status kare_plan_move(kare_plan *plan, const char *account_id, int32_t placement,
                                    const char *on, const char *reason);

/**
 * Accepts the moves the review suggests as of `as_of` (the `move.*` findings
 * of kare_report_new()): one account's, every move of a code, or one
 * account's move of a code. Each goes through kare_plan_move() and is
 * recorded in the account's history with `on` and the reason. All or
 * nothing: on any error the plan is unchanged.
 *
 * Thread-safety: write access to the plan.
 *
 * @param[out] out_accepted receives how many moves were accepted (0 on
 *             failure); may be NULL
 * @param plan the plan (write access)
 * @param as_of the day the suggestions are made for, "YYYY-MM-DD"
 * @param code "move.attain_won", "move.client_lapsed" or
 *        "move.recapture_won"; NULL for any code
 * @param account_id one account's id; NULL for every account (`code` and
 *        `account_id` are not both NULL)
 * @param on the day the moves are recorded, "YYYY-MM-DD"; NULL for `as_of`
 * @param reason recorded as each move's reason; NULL or empty for each
 *        suggestion's own reason
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for a NULL plan or
 *         `as_of`, a malformed date, both `code` and `account_id` NULL, or
 *         an unknown move code; ::KARE_ERROR_NOT_FOUND when no suggested move
 *         matches; ::KARE_ERROR_CONFLICT when `on` is before an account's
 *         last recorded decision
 * @ingroup decisions
 */
KARE_API kare_status kare_plan_accept_moves(size_t *out_accepted, kare_plan *plan,
                                            const char *as_of, const char *code,
                                            const char *account_id, const char *on,
                                            const char *reason);

/**
 * kare_plan_accept_moves() with counted text: `code`, `account_id`, `on`
 * and `reason` may each be NULL with a length of 0 (or
 * ::KARE_NUL_TERMINATED), meaning what NULL means there.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup decisions
 * @param[out] out_accepted receives how many moves were accepted
 * @param plan the plan
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param code the move code accepted, or NULL
 * @param code_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param account_id the account whose move is accepted, or NULL
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param on "YYYY-MM-DD" the moves are recorded on, or NULL for the as-of date
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param reason why, or NULL for the suggestion's own reason
 * @param reason_len its length in bytes, or ::KARE_NUL_TERMINATED
 */
KARE_API kare_status kare_plan_accept_moves_v2(size_t *out_accepted, kare_plan *plan,
                                               const char *as_of, size_t as_of_len,
                                               const char *code, size_t code_len,
                                               const char *account_id, size_t id_len,
                                               const char *on, size_t on_len,
                                               const char *reason, size_t reason_len);

/**
 * Fires an account: it leaves the plan with an out-of-plan action such as
 * "end_relationship". Reason and action are required. Unchanged on failure.
 * Write access to the plan.
 * @param plan the plan (write access)
 * @param account_id the account's id, NUL-terminated
 * @param on the decision's date, "YYYY-MM-DD"
 * @param reason why, required
 * @param action what becomes of the account, e.g. "end_relationship"; required
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup decisions
 */
KARE_API kare_status kare_plan_fire(kare_plan *plan, const char *account_id, const char *on,
                                    const char *reason, const char *action);

/*
 * Counted forms (_v2): the same calls with every text given as pointer and
 * length, so a caller holding text inside a larger buffer (a CRM record, a
 * network message) never copies it to add a NUL. A length of
 * ::KARE_NUL_TERMINATED reads up to the first NUL; an optional text (a
 * reason) may be NULL with a length of 0. A length covering a NUL byte is
 * ::KARE_ERROR_INVALID_ARGUMENT. Results, errors and thread-safety are those
 * of the NUL-terminated form.
 */

/**
 * kare_plan_assign() with counted text.
 * @param plan the plan (write access)
 * @param account_id the account's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param category one of KARE_PLACEMENT_KEEP .. KARE_PLACEMENT_EXPAND
 * @param on the decision's date, "YYYY-MM-DD"
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param reason why; may be NULL for a first assignment
 * @param reason_len its length in bytes, or ::KARE_NUL_TERMINATED (0 with NULL)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup decisions
 */
KARE_API kare_status kare_plan_assign_v2(kare_plan *plan, const char *account_id, size_t id_len,
                                         int32_t category, const char *on, size_t on_len,
                                         const char *reason, size_t reason_len);

/**
 * kare_plan_move() with counted text.
 * @param plan the plan (write access)
 * @param account_id the account's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param placement where it goes: a KARE_PLACEMENT_ value
 * @param on the move's date, "YYYY-MM-DD"
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param reason why, required
 * @param reason_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup decisions
 */
KARE_API kare_status kare_plan_move_v2(kare_plan *plan, const char *account_id, size_t id_len,
                                       int32_t placement, const char *on, size_t on_len,
                                       const char *reason, size_t reason_len);

/**
 * kare_plan_fire() with counted text.
 * @param plan the plan (write access)
 * @param account_id the account's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param on the decision's date, "YYYY-MM-DD"
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param reason why, required
 * @param reason_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param action what becomes of the account, e.g. "end_relationship"; required
 * @param action_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup decisions
 */
KARE_API kare_status kare_plan_fire_v2(kare_plan *plan, const char *account_id, size_t id_len,
                                       const char *on, size_t on_len, const char *reason,
                                       size_t reason_len, const char *action, size_t action_len);

/**
 * Adds an account given as a JSON object in the plan document's account
 * format. Unchanged on failure; errors name paths such as
 * "accounts[7].attributes.risk".
 * Write access to the plan.
 * @param plan the plan (write access)
 * @param json the account, a JSON object, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT, ::KARE_ERROR_CONFLICT
 * @ingroup plans
 */
KARE_API kare_status kare_plan_add_account(kare_plan *plan, const char *json, size_t json_len);

/**
 * Removes the account with that id. ::KARE_ERROR_NOT_FOUND when there is
 * none. Write access to the plan.
 * @param plan the plan (write access)
 * @param account_id the account's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup plans
 */
KARE_API kare_status kare_plan_remove_account(kare_plan *plan, const char *account_id,
                                              size_t id_len);

/**
 * Writes the plan document to a file: the whole document or nothing. It is
 * written to a temporary file beside the target (`PATH.kare-tmp-` and 16 hex
 * digits, created exclusively, never through a symlink), synced to disk,
 * renamed over the target, and the folder synced: after a crash the file
 * holds the old plan or the new one. An existing file keeps its permission
 * bits; a target that is a symlink is written through (its real file is
 * replaced, the link stays). Saves to one path from several threads or
 * processes do not mix: each writes a temporary file of its own, and the
 * last rename wins. On any failure the temporary file is removed.
 * @param plan the plan (read access)
 * @param path where to write
 * @return ::KARE_OK, or ::KARE_ERROR_IO with a message naming @p path and
 *         the system's reason (e.g. "cannot write 'plans/q4.json': No space
 *         left on device"); ::KARE_ERROR_LIMIT when the document would pass
 *         the 4 GiB a plan document may hold (nothing is written); also
 *         ::KARE_ERROR_INVALID_ARGUMENT.
 * @ingroup plans
 */
KARE_API kare_status kare_plan_save_file(const kare_plan *plan, const char *path);

/**
 * kare_plan_save_file() with the path counted (`path_len` bytes, or up to
 * its NUL for ::KARE_NUL_TERMINATED; no NUL byte inside). The path is
 * passed to the system as it is.
 * @return ::KARE_OK, ::KARE_ERROR_IO, ::KARE_ERROR_LIMIT,
 *         ::KARE_ERROR_INVALID_ARGUMENT (also for a NUL byte in the path)
 * @ingroup plans
 * @param plan the plan
 * @param path the file
 * @param path_len its length in bytes, or ::KARE_NUL_TERMINATED
 */
KARE_API kare_status kare_plan_save_file_v2(const kare_plan *plan, const char *path,
                                            size_t path_len);

/**
 * Replaces the account with the same id by one given as JSON in the plan
 * document's account format: the whole account, kare's own members
 * included. The decision (`placement`), `fire_action`, `history` and `focus`
 * become the document's, so a document without them leaves the account
 * open, with no history, no fire action and off the focus lists. To change
 * only what a CRM holds and keep the decision, use
 * kare_plan_update_account().
 *
 * Unchanged on failure. Write access to the plan.
 * @param plan the plan (write access)
 * @param json the account, a JSON object, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_PARSE; ::KARE_ERROR_INVALID_PLAN naming the
 *         member (`accounts[3].owner`); ::KARE_ERROR_NOT_FOUND when no account
 *         has the id; ::KARE_ERROR_LIMIT; ::KARE_ERROR_INVALID_ARGUMENT for a
 *         NULL plan or json or a length covering a NUL byte
 *         also ::KARE_ERROR_CONFLICT.
 * @ingroup plans
 */
KARE_API kare_status kare_plan_replace_account(kare_plan *plan, const char *json, size_t json_len);

/**
 * Updates the CRM's fields of an account and keeps kare's own: `name`,
 * `owner`, `relationship`, `products` and `attributes` are replaced by the
 * document's (an account in the plan document's account format, found by
 * its `id`); the decision, its history, the fire action and the focus mark
 * are kept. The document may leave kare's own members out or repeat them as
 * they are, so an account read with kare_plan_account_json() can be edited
 * and given back; a different placement, history or fire action, or a focus
 * mark the account lacks, is refused (::KARE_ERROR_CONFLICT naming it,
 * e.g. `accounts[4].placement`): decisions are changed by kare_plan_assign(),
 * kare_plan_move() and kare_plan_fire().
 *
 * The account is checked as kare_plan_add_account() checks one and placed
 * again. Unchanged on failure. Write access to the plan.
 * @param plan the plan (write access)
 * @param json the account, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND when no account has the id;
 *         ::KARE_ERROR_CONFLICT as above; ::KARE_ERROR_PARSE;
 *         ::KARE_ERROR_INVALID_PLAN naming the member; ::KARE_ERROR_LIMIT;
 *         ::KARE_ERROR_INVALID_ARGUMENT for a NULL plan or json or a length
 *         covering a NUL byte
 * @ingroup plans
 */
KARE_API kare_status kare_plan_update_account(kare_plan *plan, const char *json, size_t json_len);

/**
 * One account as the plan document holds it (canonical JSON, the format
 * kare_plan_add_account() reads): the CRM's fields and kare's own.
 * @param[out] out receives the account, NUL-terminated, owned by the caller
 *             (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan (read access)
 * @param account_id the account's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND; ::KARE_ERROR_INVALID_ARGUMENT for
 *         NULL arguments or an id that is not UTF-8 or holds a control
 *         character
 * @ingroup plans
 */
KARE_API kare_status kare_plan_account_json(char **out, size_t *out_len, const kare_plan *plan,
                                            const char *account_id, size_t id_len);

/* ---- Activities --------------------------------------------------------- */

/**
 * Logs an activity given as JSON in the plan document's activity format
 * (`{"id"?, "date", "rep", "account", "activity", "note"?}`). An activity
 * without an id is given the next one kare assigns ("act-" and a number,
 * never reused); kare_plan_add_activity_v2() says which. Unchanged on
 * failure; errors name paths such as "activities[40].activity", and an id
 * already in the log is ::KARE_ERROR_CONFLICT ("activities[40].id").
 * Write access to the plan.
 * @param plan the plan (write access)
 * @param json the activity, a JSON object, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup activities
 */
KARE_API kare_status kare_plan_add_activity(kare_plan *plan, const char *json, size_t json_len);

/**
 * Removes the activity at `index` of the log. ::KARE_ERROR_NOT_FOUND past the
 * end. Write access to the plan.
 * @param plan the plan (write access)
 * @param index the activity's place in the log, from 0
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND
 * @ingroup activities
 */
KARE_API kare_status kare_plan_remove_activity(kare_plan *plan, size_t index);

/**
 * Number of activities in the log. Read access to the plan.
 * @param[out] out receives the number of logged activities
 * @param plan the plan (read access)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup activities
 */
KARE_API kare_status kare_plan_activity_count(size_t *out, const kare_plan *plan);

/**
 * kare_plan_add_activity() giving back the activity's id: the one the JSON
 * gives, or the one kare assigned.
 * @param[out] out_id receives the id, NUL-terminated, owned by the caller
 *             (kare_string_free); may be NULL when not wanted; set to NULL
 *             on failure
 * @param[out] out_id_len receives its length without the NUL; may be NULL
 * @param plan the plan (write access)
 * @param json the activity, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT (an id already in the log)
 * @ingroup activities
 */
KARE_API kare_status kare_plan_add_activity_v2(char **out_id, size_t *out_id_len, kare_plan *plan,
                                               const char *json, size_t json_len);

/**
 * Removes the activity with that id (kare_plan_remove_activity() removes by
 * position). Write access to the plan; unchanged on failure.
 * @param plan the plan (write access)
 * @param activity_id the activity's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND when no activity has the id;
 *         ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments or an id that is
 *         not UTF-8 or holds a control character
 * @ingroup activities
 */
KARE_API kare_status kare_plan_remove_activity_by_id(kare_plan *plan, const char *activity_id,
                                                     size_t id_len);

/**
 * The id of the activity at `index` of the log.
 * @param[out] out receives the id, NUL-terminated, owned by the caller
 *             (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan (read access)
 * @param index the position, below kare_plan_activity_count()
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND past the end;
 *         ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments
 * @ingroup activities
 */
KARE_API kare_status kare_plan_activity_id(char **out, size_t *out_len, const kare_plan *plan,
                                           size_t index);

/* ---- Deals -------------------------------------------------------------- */

/**
 * Adds a deal given as JSON in the plan document's deal format (amounts as
 * decimal strings). Unchanged on failure; errors name paths such as
 * "deals[3].amount".
 * Write access to the plan.
 * @param plan the plan (write access)
 * @param json the deal, a JSON object, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT, ::KARE_ERROR_CONFLICT
 * @ingroup deals
 */
KARE_API kare_status kare_plan_add_deal(kare_plan *plan, const char *json, size_t json_len);

/**
 * Replaces the deal with the same id. ::KARE_ERROR_NOT_FOUND when there is
 * none. Write access to the plan.
 * @param plan the plan (write access)
 * @param json the deal, a JSON object, UTF-8
 * @param json_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup deals
 */
KARE_API kare_status kare_plan_replace_deal(kare_plan *plan, const char *json, size_t json_len);

/**
 * Removes the deal with that id. ::KARE_ERROR_NOT_FOUND when there is none.
 * Write access to the plan.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND
 * @ingroup deals
 */
KARE_API kare_status kare_plan_remove_deal(kare_plan *plan, const char *deal_id, size_t id_len);

/**
 * Number of deals in the plan. Read access to the plan.
 * @param[out] out receives the number of deals, open and closed
 * @param plan the plan (read access)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup deals
 */
KARE_API kare_status kare_plan_deal_count(size_t *out, const kare_plan *plan);

/**
 * One deal as the plan document holds it (canonical JSON, the format
 * kare_plan_add_deal() reads, amounts as decimal strings).
 * @param[out] out receives the deal, NUL-terminated, owned by the caller
 *             (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan (read access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND; ::KARE_ERROR_INVALID_ARGUMENT for
 *         NULL arguments or an id that is not UTF-8 or holds a control
 *         character
 * @ingroup deals
 */
KARE_API kare_status kare_plan_deal_json(char **out, size_t *out_len, const kare_plan *plan,
                                         const char *deal_id, size_t id_len);

/**
 * A deal's honesty state as of a date: the hot path for a CRM showing one deal.
 * @param[out] out a KARE_HONESTY_ value (KARE_HONESTY_CLOSED for won or lost deals)
 * @param plan the plan (read access)
 * @param deal_id the deal's id
 * @param id_len its length or ::KARE_NUL_TERMINATED
 * @param as_of "YYYY-MM-DD"; a deal fact dated after it is ::KARE_ERROR_INVALID_PLAN
 *        naming the deal and the member ("deals[0].opened")
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_deal_state(int32_t *out, const kare_plan *plan, const char *deal_id,
                                          size_t id_len, const char *as_of);

/**
 * kare_plan_deal_state() with the date counted too.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param plan the plan
 * @param deal_id the deal
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 */
KARE_API kare_status kare_plan_deal_state_v2(int32_t *out, const kare_plan *plan,
                                             const char *deal_id, size_t id_len,
                                             const char *as_of, size_t as_of_len);

/**
 * Records an evidence item on a deal. Its date may not be after `as_of`.
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @param type one of the plan's evidence types, e.g. "budget"
 * @param on the evidence's date
 * @param source where it comes from
 * @param as_of today, "YYYY-MM-DD": evidence from the future is refused
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_add_evidence(kare_plan *plan, const char *deal_id, const char *type,
                                            const char *on, const char *source, const char *as_of);

/**
 * Records activity on a deal on a date (see plan::record_activity). Write access to the plan.
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @param on the activity's date, "YYYY-MM-DD"
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_record_deal_activity(kare_plan *plan, const char *deal_id,
                                                    const char *on);

/**
 * Moves a deal's expected close date to `to`, recorded on `on` with a reason
 * (NULL allowed). Write access to the plan.
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @param to the new expected close date
 * @param on the day of the change
 * @param reason why; may be NULL
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_change_close_date(kare_plan *plan, const char *deal_id,
                                                 const char *to, const char *on,
                                                 const char *reason);

/**
 * Declares a stall with a known reason until `resume_on` (the deal does not
 * rot meanwhile). Write access to the plan.
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @param reason the known cause of the stall, required
 * @param declared_on the day it is declared
 * @param resume_on the day work is expected to resume
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_declare_stall(kare_plan *plan, const char *deal_id,
                                             const char *reason, const char *declared_on,
                                             const char *resume_on);

/**
 * Removes a declared stall: the deal is judged by its activity again.
 * ::KARE_ERROR_NOT_FOUND for an unknown deal, ::KARE_ERROR_CONFLICT when no
 * stall is declared. Write access to the plan.
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_clear_stall(kare_plan *plan, const char *deal_id);

/**
 * Sets a deal's honesty state by hand (a KARE_HONESTY_ value other than
 * CLOSED), checked against the evidence as the policy says: calling a deal
 * qualified without the required evidence is refused (::KARE_ERROR_CONFLICT)
 * or flagged.
 * Write access to the plan.
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @param state a KARE_HONESTY_ value other than KARE_HONESTY_CLOSED
 * @param on the declaration's date
 * @param reason why
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
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
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @param on the day the declaration is removed
 * @param reason why; required to revive a dead deal, else may be NULL
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_clear_deal_state(kare_plan *plan, const char *deal_id,
                                                const char *on, const char *reason);

/**
 * Closes a deal as won or lost (KARE_OUTCOME_WON or KARE_OUTCOME_LOST); a
 * lost deal needs one of the plan's lost reasons, NULL otherwise.
 * Write access to the plan.
 * @param plan the plan (write access)
 * @param deal_id the deal's id, NUL-terminated
 * @param outcome KARE_OUTCOME_WON or KARE_OUTCOME_LOST
 * @param on the closing date
 * @param lost_reason one of the plan's lost reasons for a lost deal; NULL for a won one
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_close_deal(kare_plan *plan, const char *deal_id, int32_t outcome,
                                          const char *on, const char *lost_reason);

/* Counted forms (_v2), as for kare_plan_assign_v2(). */

/**
 * kare_plan_add_evidence() with counted text.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param type one of the plan's evidence types
 * @param type_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param on the evidence's date
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param source where it comes from
 * @param source_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param as_of today: evidence from the future is refused
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_add_evidence_v2(kare_plan *plan, const char *deal_id,
                                               size_t id_len, const char *type, size_t type_len,
                                               const char *on, size_t on_len, const char *source,
                                               size_t source_len, const char *as_of,
                                               size_t as_of_len);

/**
 * kare_plan_record_deal_activity() with counted text.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param on the activity's date
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_record_deal_activity_v2(kare_plan *plan, const char *deal_id,
                                                       size_t id_len, const char *on,
                                                       size_t on_len);

/**
 * kare_plan_change_close_date() with counted text.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param to the new expected close date
 * @param to_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param on the day of the change
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param reason why; may be NULL
 * @param reason_len its length in bytes, or ::KARE_NUL_TERMINATED (0 with NULL)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_change_close_date_v2(kare_plan *plan, const char *deal_id,
                                                    size_t id_len, const char *to, size_t to_len,
                                                    const char *on, size_t on_len,
                                                    const char *reason, size_t reason_len);

/**
 * kare_plan_declare_stall() with counted text.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param reason the known cause of the stall, required
 * @param reason_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param declared_on the day it is declared
 * @param declared_on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param resume_on the day work is expected to resume
 * @param resume_on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_declare_stall_v2(kare_plan *plan, const char *deal_id,
                                                size_t id_len, const char *reason,
                                                size_t reason_len, const char *declared_on,
                                                size_t declared_on_len, const char *resume_on,
                                                size_t resume_on_len);

/**
 * kare_plan_clear_stall() with a counted id.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_clear_stall_v2(kare_plan *plan, const char *deal_id,
                                              size_t id_len);

/**
 * kare_plan_declare_deal_state() with counted text.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param state a KARE_HONESTY_ value other than KARE_HONESTY_CLOSED
 * @param on the declaration's date
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param reason why
 * @param reason_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_declare_deal_state_v2(kare_plan *plan, const char *deal_id,
                                                     size_t id_len, int32_t state,
                                                     const char *on, size_t on_len,
                                                     const char *reason, size_t reason_len);

/**
 * kare_plan_clear_deal_state() with counted text.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param on the day the declaration is removed
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param reason why; required to revive a dead deal, else may be NULL
 * @param reason_len its length in bytes, or ::KARE_NUL_TERMINATED (0 with NULL)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_clear_deal_state_v2(kare_plan *plan, const char *deal_id,
                                                   size_t id_len, const char *on, size_t on_len,
                                                   const char *reason, size_t reason_len);

/**
 * kare_plan_close_deal() with counted text.
 * @param plan the plan (write access)
 * @param deal_id the deal's id
 * @param id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param outcome KARE_OUTCOME_WON or KARE_OUTCOME_LOST
 * @param on the closing date
 * @param on_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param lost_reason one of the plan's lost reasons for a lost deal; NULL for a won one
 * @param lost_reason_len its length in bytes, or ::KARE_NUL_TERMINATED (0 with NULL)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_CONFLICT, ::KARE_ERROR_INVALID_PLAN
 * @ingroup deals
 */
KARE_API kare_status kare_plan_close_deal_v2(kare_plan *plan, const char *deal_id, size_t id_len,
                                             int32_t outcome, const char *on, size_t on_len,
                                             const char *lost_reason, size_t lost_reason_len);

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
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup reports
 */
KARE_API kare_status kare_plan_progress_json(char **out, size_t *out_len, const kare_plan *plan,
                                             const char *as_of, const char *rep,
                                             uint32_t trend_periods);

/**
 * kare_plan_progress_json() with counted text: `rep` may be NULL with a
 * length of 0 (or ::KARE_NUL_TERMINATED), or empty, for every rep.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param plan the plan
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param rep a rep's id, or NULL for the whole team
 * @param rep_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param trend_periods earlier periods to include
 */
KARE_API kare_status kare_plan_progress_json_v2(char **out, size_t *out_len,
                                                const kare_plan *plan, const char *as_of,
                                                size_t as_of_len, const char *rep,
                                                size_t rep_len, uint32_t trend_periods);

/**
 * The pipeline document (total, honest total, bloat, states, hope deals) as
 * of a date; see docs/honesty.md. Ownership and arguments as
 * kare_plan_progress_json().
 * Read access to the plan.
 * @param[out] out receives the document, NUL-terminated, owned by the caller
 *        (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan (read access)
 * @param as_of "YYYY-MM-DD"
 * @param rep a rep id, or NULL (or "") for every rep
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup reports
 */
KARE_API kare_status kare_plan_pipeline_json(char **out, size_t *out_len, const kare_plan *plan,
                                             const char *as_of, const char *rep);

/**
 * kare_plan_pipeline_json() with counted text, as
 * kare_plan_progress_json_v2().
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param plan the plan
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param rep a rep's id, or NULL for the whole team
 * @param rep_len its length in bytes, or ::KARE_NUL_TERMINATED
 */
KARE_API kare_status kare_plan_pipeline_json_v2(char **out, size_t *out_len,
                                                const kare_plan *plan, const char *as_of,
                                                size_t as_of_len, const char *rep,
                                                size_t rep_len);

/**
 * The KARE map as a standalone SVG document. Ownership and arguments as
 * kare_plan_progress_json().
 * Read access to the plan.
 * @param[out] out receives the document, NUL-terminated, owned by the caller
 *        (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan (read access)
 * @param as_of "YYYY-MM-DD"
 * @param rep a rep id, or NULL (or "") for every rep
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup rendering
 */
KARE_API kare_status kare_plan_map_svg(char **out, size_t *out_len, const kare_plan *plan,
                                       const char *as_of, const char *rep);

/**
 * The review as a self-contained HTML page (the map, the findings, the
 * suggested moves, the priorities, the focus lists, the heat map, the
 * accounts). Ownership and arguments as kare_plan_progress_json().
 * Read access to the plan.
 * @param[out] out receives the document, NUL-terminated, owned by the caller
 *        (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param plan the plan (read access)
 * @param as_of "YYYY-MM-DD"
 * @param rep a rep id, or NULL (or "") for every rep
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup rendering
 */
KARE_API kare_status kare_plan_review_html(char **out, size_t *out_len, const kare_plan *plan,
                                           const char *as_of, const char *rep);

/**
 * Version of ::kare_render_options this header describes: 2 (version 1 had
 * `rows_per_quadrant` and `sections` only, and is still read as such).
 */
#define KARE_RENDER_OPTIONS_VERSION 2

/**
 * How a report is drawn. A member left 0 (or NULL) keeps kare's default. Set
 * one up with ::KARE_RENDER_OPTIONS_INIT or kare_render_options_init();
 * later versions only add members at the end, and `version` tells the
 * library which members the caller's struct has, so a program built against
 * an older header keeps working.
 */
typedef struct kare_render_options {
    uint32_t version;           /**< ::KARE_RENDER_OPTIONS_VERSION */
    uint32_t rows_per_quadrant; /**< Accounts listed per quadrant before "+ N more"; 0 for the default, 12 */
    uint32_t sections;          /**< The review page's parts, KARE_SECTION_ bits; 0 for all of them */
    /**
     * Version 2: the width the map is shown at, in pixels, at most 100,000;
     * 0 for its natural width, 1400. The drawing is scaled, not laid out
     * again: the height follows.
     */
    uint32_t width;
    /**
     * Version 2: the rep whose map or review is drawn, UTF-8, `rep_len`
     * bytes; NULL for the whole team (kare_plan_map_svg_v2(),
     * kare_plan_review_html_v2()) or for the report's own rep
     * (kare_report_map_svg(), kare_report_review_html(), which refuse any
     * other rep with ::KARE_ERROR_CONFLICT: a report covers one scope).
     */
    const char *rep;
    /** Version 2: the length of `rep` in bytes, or ::KARE_NUL_TERMINATED. */
    size_t rep_len;
} kare_render_options;

/** A ::kare_render_options with kare's defaults. */
#define KARE_RENDER_OPTIONS_INIT {KARE_RENDER_OPTIONS_VERSION, 0, 0, 0, NULL, 0}

/** Parts of the review page (kare_report_review_html()), as bits. Values are frozen. */
enum {
    KARE_SECTION_MAP = 1,         /**< The KARE map. */
    KARE_SECTION_FINDINGS = 2,    /**< The findings. */
    KARE_SECTION_MOVES = 4,       /**< The suggested moves. */
    KARE_SECTION_PRIORITIES = 8,  /**< The priorities with their terms. */
    KARE_SECTION_FOCUS = 16,      /**< The focus lists. */
    KARE_SECTION_HEAT_MAP = 32,   /**< The heat map. */
    KARE_SECTION_ACCOUNTS = 64,   /**< The accounts. */
    KARE_SECTION_SCOREBOARD = 128, /**< The scoreboard: a row per rep and the team. */
    KARE_SECTION_PROGRESS = 256,   /**< Cookbook progress per rep, with pace. */
    KARE_SECTION_PIPELINE = 512,   /**< The honest pipeline, the hope and the dead deals. */
    KARE_SECTION_EFFORT = 1024,    /**< The effort mix per rep. */
    KARE_SECTION_PLAYBOOK = 2048,  /**< Each quadrant's actions and questions. */
    /**
     * What changed since an earlier date, after the scoreboard: drawn only by
     * kare_plan_review_html_since(), whose sections 0 means every part with it.
     * The other page functions refuse the bit (::KARE_ERROR_INVALID_ARGUMENT).
     */
    KARE_SECTION_CHANGES = 4096
};

/**
 * Sets `options` to kare's defaults for the given version of the struct
 * (::KARE_RENDER_OPTIONS_VERSION for this header). Thread-safe.
 * @param[out] options the struct to set up
 * @param version the struct version the caller knows: ::KARE_RENDER_OPTIONS_VERSION
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL or a version 0 or
 *         newer than the library's
 * @ingroup rendering
 */
KARE_API kare_status kare_render_options_init(kare_render_options *options, uint32_t version);

/**
 * The KARE map as a standalone SVG document, drawn with options: the rep
 * (`options->rep`, the whole team when NULL), the width and the rows per
 * quadrant. As kare_plan_map_svg() with counted text.
 * @param[out] out the SVG, NUL-terminated, owned by the caller
 *             (kare_string_free); set to NULL on failure
 * @param[out] out_len its length without the NUL; may be NULL
 * @param plan the plan (read access)
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length, or ::KARE_NUL_TERMINATED
 * @param options how to draw it, or NULL for the defaults
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND for an unknown rep;
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT as
 *         kare_plan_pipeline_json(); ::KARE_ERROR_INVALID_ARGUMENT for NULL
 *         arguments, a bad date, a bad rep, a width past 100,000, unknown
 *         section bits or options of version 0 or newer than the library's
 * @ingroup rendering
 */
KARE_API kare_status kare_plan_map_svg_v2(char **out, size_t *out_len, const kare_plan *plan,
                                          const char *as_of, size_t as_of_len,
                                          const kare_render_options *options);

/**
 * The review page with options: the rep, the parts (`options->sections`)
 * and the map's width and rows. Arguments, ownership and statuses as
 * kare_plan_map_svg_v2().
 * @return ::KARE_OK, ::KARE_ERROR_NOT_FOUND, ::KARE_ERROR_INVALID_PLAN,
 *         ::KARE_ERROR_LIMIT, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup rendering
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param plan the plan
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param options read or render options, or NULL for the defaults
 */
KARE_API kare_status kare_plan_review_html_v2(char **out, size_t *out_len, const kare_plan *plan,
                                              const char *as_of, size_t as_of_len,
                                              const kare_render_options *options);

/**
 * The review page of the plan as of `as_of` with a "What changed since
 * `since`" section after the scoreboard (kare_plan_changes_since_json() as
 * tables), drawn with options as kare_plan_review_html_v2(); `sections` 0 is
 * every part with ::KARE_SECTION_CHANGES. The section covers the whole team
 * whatever `options->rep`. Read access to `plan`; `out` is owned by the
 * caller (kare_string_free), set to NULL on failure.
 * @param[out] out receives the page
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param plan the plan
 * @param since "YYYY-MM-DD": the date changes are counted from
 * @param since_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param options read or render options, or NULL for the defaults
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments, a bad
 *         date or options, a `since` after `as_of` or before the plan's first
 *         fact (path `since`); ::KARE_ERROR_NOT_FOUND for an unknown
 *         `options->rep`; ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT,
 *         ::KARE_ERROR_NO_MEMORY
 * @ingroup rendering
 */
KARE_API kare_status kare_plan_review_html_since(char **out, size_t *out_len,
                                                 const kare_plan *plan, const char *since,
                                                 size_t since_len, const char *as_of,
                                                 size_t as_of_len,
                                                 const kare_render_options *options);

/**
 * What changed between two plans, as the `kare-diff` document (`kare diff
 * OLD.json NEW.json --json`; docs/review.md, "What changed"): accounts added,
 * removed, moved and fired, deals opened, closed, reopened, removed and
 * changing honesty state, the open pipeline and each rep's cookbook targets
 * then and now, the findings that appeared and cleared. `after` is reviewed
 * as of `as_of`, `before` as of `before_as_of`, or when that is NULL as of
 * its latest fact (never after `as_of`). Two plans are the same plan when
 * they have the same currency and fiscal year and, when both hold accounts,
 * an account id in common. Neither plan is changed. Read access to both
 * (they may be the same handle); `out` is owned by the caller
 * (kare_string_free), set to NULL on failure.
 * @param[out] out receives the document
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param before the earlier plan
 * @param before_as_of "YYYY-MM-DD", or NULL for its latest fact
 * @param before_as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param after the later plan
 * @param as_of "YYYY-MM-DD": the date `after` is reviewed as of
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments, a bad
 *         date, two plans that are not the same plan (path
 *         `after.settings.currency`, `after.settings.fiscal_year_start_month`
 *         or `after.accounts`), or a `before_as_of` after `as_of` or before the
 *         earlier plan's first fact (path `before.as_of`; `after.as_of` for an
 *         `as_of` before the later plan's first fact);
 *         ::KARE_ERROR_INVALID_PLAN when a plan's past cannot be rebuilt;
 *         ::KARE_ERROR_LIMIT when a pipeline total does not fit;
 *         ::KARE_ERROR_NO_MEMORY
 * @ingroup reports
 */
KARE_API kare_status kare_plan_diff_json(char **out, size_t *out_len, const kare_plan *before,
                                         const char *before_as_of, size_t before_as_of_len,
                                         const kare_plan *after, const char *as_of,
                                         size_t as_of_len);

/**
 * What changed in one plan from `since` to `as_of`, as the `kare-diff`
 * document (`kare diff PLAN.json --since DATE --json`): kare_plan_diff_json()
 * of the plan as it stood on `since` and as of `as_of`. The plan is not
 * changed. Read access to `plan`; `out` is owned by the caller
 * (kare_string_free), set to NULL on failure.
 * @param[out] out receives the document
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param plan the plan
 * @param since "YYYY-MM-DD": the earlier date
 * @param since_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param as_of "YYYY-MM-DD": the later date
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments, a bad
 *         date, a `since` after `as_of` or before the plan's first fact (path
 *         `since`), an `as_of` before it (path `as_of`);
 *         ::KARE_ERROR_INVALID_PLAN when the plan's past cannot be rebuilt;
 *         ::KARE_ERROR_LIMIT when a pipeline total does not fit;
 *         ::KARE_ERROR_NO_MEMORY
 * @ingroup reports
 */
KARE_API kare_status kare_plan_changes_since_json(char **out, size_t *out_len,
                                                  const kare_plan *plan, const char *since,
                                                  size_t since_len, const char *as_of,
                                                  size_t as_of_len);

/**
 * One account's story as of `as_of`, as the `kare-timeline` document
 * (`kare timeline PLAN.json ID --json`, docs/review.md "An account's
 * timeline"): its placement and how it was reached, every recorded
 * decision, its deals with their dated facts and their state on that day,
 * and the activities logged on it per day. Facts dated after `as_of` are
 * left out. The plan is not changed. Read access to `plan`; `out` is owned
 * by the caller (kare_string_free), set to NULL on failure.
 * @param[out] out receives the document
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param plan the plan
 * @param account_id the account's id
 * @param account_id_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param as_of "YYYY-MM-DD": the day asked about
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND (path `account`) when the plan
 *         holds no such account on `as_of`; ::KARE_ERROR_INVALID_ARGUMENT for
 *         NULL arguments, an id that is not valid UTF-8 or holds control
 *         characters, a bad date, an `as_of` before the plan's first fact
 *         (path `as_of`); ::KARE_ERROR_INVALID_PLAN when the plan's past
 *         cannot be rebuilt; ::KARE_ERROR_NO_MEMORY
 * @ingroup reports
 */
KARE_API kare_status kare_plan_timeline_json(char **out, size_t *out_len, const kare_plan *plan,
                                             const char *account_id, size_t account_id_len,
                                             const char *as_of, size_t as_of_len);

/**
 * The plan as it stood on a past date, as a new plan: accounts added later
 * left out, every account's decision the one in force that day (the move
 * history cut there), deals opened later left out, and evidence, close-date
 * changes, closes, stalls, states set by hand and activities dated later
 * ignored. Attributes, stages and settings have no history: they are
 * today's. `plan` is not changed. Read access to `plan`.
 * @param[out] out receives a new plan owned by the caller (kare_plan_free)
 * @param plan the plan
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments, a bad
 *         date, or a date before the plan's first fact (path `as_of`);
 *         ::KARE_ERROR_INVALID_PLAN when the plan's past cannot be rebuilt
 * @ingroup reports
 */
KARE_API kare_status kare_plan_as_of(kare_plan **out, const kare_plan *plan, const char *as_of,
                                     size_t as_of_len);

/* ---- Reports ------------------------------------------------------------ */

/**
 * Computes the report on a plan as of a date.
 * @param[out] out receives a new report owned by the caller (kare_report_free)
 * @param plan the plan (read access)
 * @param as_of "YYYY-MM-DD"; the library never reads the clock
 * @param rep a rep id to report on one rep, or NULL (or "") for the whole team
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup reports
 */
KARE_API kare_status kare_report_new(kare_report **out, const kare_plan *plan, const char *as_of,
                                     const char *rep);

/**
 * kare_report_new() with counted text: `rep` may be NULL with a length of 0
 * (or ::KARE_NUL_TERMINATED), or empty, for the whole team.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_NOT_FOUND,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param plan the plan
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param rep a rep's id, or NULL for the whole team
 * @param rep_len its length in bytes, or ::KARE_NUL_TERMINATED
 */
KARE_API kare_status kare_report_new_v2(kare_report **out, const kare_plan *plan,
                                        const char *as_of, size_t as_of_len, const char *rep,
                                        size_t rep_len);

/** Which accounts a report explains criterion by criterion (::kare_report_options). Values are frozen. */
enum {
    KARE_EXPLAIN_ALL = 0,    /**< Every account: the default, as kare_report_new(). */
    KARE_EXPLAIN_NEEDED = 1, /**< Accounts whose placement asks a question: unassigned by
                                  their profiles, tie-broken, or contradicting their profile. */
    KARE_EXPLAIN_NONE = 2    /**< No account: the smallest report, for large plans. */
};

/** Version of ::kare_report_options this header describes. */
#define KARE_REPORT_OPTIONS_VERSION 1

/**
 * What a report covers and which accounts it explains. Every account keeps
 * its placement, basis, candidates and each profile's verdict; an
 * explanation adds every criterion checked with the account's value, most of
 * the report document's size on a large plan. A member left 0 (or NULL)
 * keeps kare's default. Set one up with ::KARE_REPORT_OPTIONS_INIT or
 * kare_report_options_init(); later versions only add members at the end,
 * and `version` says which members the caller knows.
 */
typedef struct kare_report_options {
    uint32_t version; /**< ::KARE_REPORT_OPTIONS_VERSION */
    /** Which accounts are explained: a KARE_EXPLAIN_ value; 0 (all) by default. */
    int32_t explain;
    /** A rep's id, UTF-8, `rep_len` bytes, to report on one rep; NULL (or empty) for the team. */
    const char *rep;
    /** The length of `rep` in bytes, or ::KARE_NUL_TERMINATED. */
    size_t rep_len;
    /**
     * An account's id, UTF-8, `explain_account_len` bytes: only this account
     * is explained, whatever `explain` says; NULL (or empty) for none.
     */
    const char *explain_account;
    /** The length of `explain_account` in bytes, or ::KARE_NUL_TERMINATED. */
    size_t explain_account_len;
} kare_report_options;

/** A ::kare_report_options with kare's defaults: the whole team, every account explained. */
#define KARE_REPORT_OPTIONS_INIT {KARE_REPORT_OPTIONS_VERSION, KARE_EXPLAIN_ALL, NULL, 0, NULL, 0}

/**
 * Sets `options` to kare's defaults for the given version of the struct
 * (::KARE_REPORT_OPTIONS_VERSION for this header). Thread-safe.
 * @param[out] options the struct to set up
 * @param version the struct version the caller knows: ::KARE_REPORT_OPTIONS_VERSION
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL or a version 0 or
 *         newer than the library's
 * @ingroup reports
 */
KARE_API kare_status kare_report_options_init(kare_report_options *options, uint32_t version);

/**
 * kare_report_new_v2() with options: the rep and which accounts are
 * explained (`options->explain`, `options->explain_account`). NULL options
 * give the report kare_report_new() gives. Read access to `plan`; any
 * thread. Nothing is changed on failure.
 * @param[out] out receives a new report owned by the caller (kare_report_free);
 *             set to NULL on failure
 * @param plan the plan (read access)
 * @param as_of "YYYY-MM-DD"; the library never reads the clock
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param options the rep and explanations, or NULL for the defaults
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments, a bad
 *         date or one before the plan's first fact (path `as_of`), options of
 *         version 0 or newer than the library's, an `explain` that is no
 *         KARE_EXPLAIN_ value (path `options.explain`), or a rep or account
 *         id that is not valid text; ::KARE_ERROR_NOT_FOUND when
 *         `options->rep` names no rep or `options->explain_account` no
 *         account of the plan; ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 *         as kare_report_new()
 * @ingroup reports
 */
KARE_API kare_status kare_report_new_with_options(kare_report **out, const kare_plan *plan,
                                                  const char *as_of, size_t as_of_len,
                                                  const kare_report_options *options);

/**
 * How many facts of the plan, dated after the report's as-of date, the
 * report left out: a report as of a past date describes the plan as it stood
 * that day (see kare_plan_as_of()). 0 for a report as of the plan's latest
 * facts. Any thread: a report never changes.
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param report the report (any thread)
 */
KARE_API kare_status kare_report_facts_ignored(size_t *out, const kare_report *report);

/**
 * Frees a report. NULL is a harmless no-op. Only when no other thread uses
 * the report; strings borrowed from it die with it.
 * @param report the report to free; NULL is a harmless no-op
 * @ingroup memory
 */
KARE_API void kare_report_free(kare_report *report);

/**
 * The report document as JSON; `out` is owned by the caller
 * (kare_string_free). Any thread: a report never changes.
 * @param[out] out receives the document, NUL-terminated, owned by the caller
 *        (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param report the report (any thread)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_report_to_json(char **out, size_t *out_len, const kare_report *report);

/**
 * Number of findings in the report. Any thread: a report never changes.
 * @param[out] out receives the number of findings
 * @param report the report (any thread)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_report_finding_count(size_t *out, const kare_report *report);

/**
 * The stable code of finding `index` (e.g. "account.ambiguous"). The string
 * is owned by the report and lives as long as it.
 * Any thread: a report never changes.
 * @param[out] out receives the code, owned by the report
 * @param report the report (any thread)
 * @param index the finding, below kare_report_finding_count()
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_report_finding_code(const char **out, const kare_report *report,
                                              size_t index);

/**
 * Number of accounts the report places at `placement` (a KARE_PLACEMENT_
 * value other than OPEN).
 * Any thread: a report never changes.
 * @param[out] out receives the number of accounts
 * @param report the report (any thread)
 * @param placement a KARE_PLACEMENT_ value other than KARE_PLACEMENT_OPEN
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_report_count(size_t *out, const kare_report *report, int32_t placement);

/*
 * Typed reads of a report, in the spirit of SQLite's columns: each takes the
 * report and an index below its count, and gives values that live as long
 * as the report (strings are NUL-terminated, owned by the report, never
 * freed). Any thread: a report never changes. An index past the end is
 * ::KARE_ERROR_INVALID_ARGUMENT, as are NULL `out` and `report`.
 */

/**
 * Number of accounts in the report: every account in scope, in plan order.
 * @param[out] out receives the number of accounts
 * @param report the report (any thread)
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments
 * @ingroup reports
 */
KARE_API kare_status kare_report_account_count(size_t *out, const kare_report *report);

/**
 * The id of account `index` of the report.
 * @param[out] out the id, owned by the report
 * @param[out] out_len its length in bytes; may be NULL
 * @param report the report
 * @param index the account, below kare_report_account_count()
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments or an
 *         index past the end
 * @ingroup reports
 */
KARE_API kare_status kare_report_account_id(const char **out, size_t *out_len,
                                            const kare_report *report, size_t index);

/**
 * The display name of account `index`; as kare_report_account_id().
 * @param[out] out receives the name, owned by the report
 * @param[out] out_len receives its length in bytes; may be NULL
 * @param report the report (any thread)
 * @param index the account, below kare_report_account_count()
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_report_account_name(const char **out, size_t *out_len,
                                              const kare_report *report, size_t index);

/**
 * The id of the rep owning account `index`; as kare_report_account_id().
 * @param[out] out receives the rep's id, owned by the report
 * @param[out] out_len receives its length in bytes; may be NULL
 * @param report the report (any thread)
 * @param index the account, below kare_report_account_count()
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_report_account_owner(const char **out, size_t *out_len,
                                               const kare_report *report, size_t index);

/**
 * Where account `index` stands: a KARE_PLACEMENT_ value, never OPEN.
 * @param[out] out receives the placement
 * @param report the report (any thread)
 * @param index the account, below kare_report_account_count()
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments or an
 *         index past the end
 * @ingroup reports
 */
KARE_API kare_status kare_report_account_placement(int32_t *out, const kare_report *report,
                                                   size_t index);

/**
 * How account `index`'s placement was reached: "decision" (a person
 * decided), "profile" (exactly one profile matched), "tie_break" (several
 * matched; the plan's tie-break chose) or "none" (unassigned for want of a
 * single match). Static storage.
 * @param[out] out receives the basis
 * @param report the report (any thread)
 * @param index the account, below kare_report_account_count()
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments or an
 *         index past the end
 * @ingroup reports
 */
KARE_API kare_status kare_report_account_basis(const char **out, const kare_report *report,
                                               size_t index);

/**
 * The categories whose profile account `index` matches, as a bit set:
 * bit `1u << KARE_PLACEMENT_KEEP` for Keep, and so on to Expand; 0 when it
 * matches none.
 * @param[out] out receives the bit set
 * @param report the report (any thread)
 * @param index the account, below kare_report_account_count()
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments or an
 *         index past the end
 * @ingroup reports
 */
KARE_API kare_status kare_report_account_candidates(uint32_t *out, const kare_report *report,
                                                    size_t index);

/**
 * How many criteria of a category's profile account `index` fails (the
 * leaf criteria, as the review lists them: "fails its profile:
 * growth_potential = high; at least 50 seats" is 2).
 * @param[out] out the number of failed criteria
 * @param category KARE_PLACEMENT_KEEP .. KARE_PLACEMENT_EXPAND
 * @param report the report
 * @param index the account, below kare_report_account_count()
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND when the plan has no profile for
 *         that category; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments, an
 *         index past the end or another category code
 * @ingroup reports
 */
KARE_API kare_status kare_report_account_failed_criteria(size_t *out, const kare_report *report,
                                                         size_t index, int32_t category);

/**
 * The severity of finding `index`: "info", "warning" or "error". Static
 * storage.
 * @param[out] out receives the severity
 * @param report the report (any thread)
 * @param index the finding, below kare_report_finding_count()
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments or an
 *         index past the end
 * @ingroup reports
 */
KARE_API kare_status kare_report_finding_severity(const char **out, const kare_report *report,
                                                  size_t index);

/**
 * What finding `index` is about.
 * @param[out] out_kind "plan", "account", "deal" or "rep" (static storage);
 *             may be NULL
 * @param[out] out_id the account, deal or rep id, "" for the plan (owned by
 *             the report); may be NULL
 * @param report the report
 * @param index the finding, below kare_report_finding_count()
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for a NULL report or an
 *         index past the end
 * @ingroup reports
 */
KARE_API kare_status kare_report_finding_subject(const char **out_kind, const char **out_id,
                                                 const kare_report *report, size_t index);

/**
 * The sentence of finding `index`, as `kare report` prints it.
 * @param[out] out the message, owned by the report
 * @param[out] out_len its length in bytes; may be NULL
 * @param report the report
 * @param index the finding, below kare_report_finding_count()
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments or an
 *         index past the end
 * @ingroup reports
 */
KARE_API kare_status kare_report_finding_message(const char **out, size_t *out_len,
                                                 const kare_report *report, size_t index);

/**
 * The figures of finding `index` as one JSON object (`{"candidates":
 * ["keep","expand"]}`): whole numbers, numbers, texts and lists of texts,
 * under the names docs/review.md gives per code.
 * @param[out] out the object, NUL-terminated, owned by the caller
 *             (kare_string_free); set to NULL on failure
 * @param[out] out_len its length without the NUL; may be NULL
 * @param report the report
 * @param index the finding, below kare_report_finding_count()
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments or an
 *         index past the end; ::KARE_ERROR_NO_MEMORY
 * @ingroup reports
 */
KARE_API kare_status kare_report_finding_figures_json(char **out, size_t *out_len,
                                                      const kare_report *report, size_t index);

/**
 * The review document as JSON (`kare review --json`): the scoreboard, the
 * priorities, focus lists, suggested moves, heat map and findings
 * (docs/review.md, "The review document"); `out` is owned by the caller
 * (kare_string_free), set to NULL on failure. Any thread: a report never
 * changes.
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments;
 *         ::KARE_ERROR_NO_MEMORY
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param report the report (any thread)
 */
KARE_API kare_status kare_report_review_json(char **out, size_t *out_len,
                                             const kare_report *report);

/*
 * The scoreboard (docs/review.md, "The scoreboard"): one row per rep in the
 * report's scope, in plan order, then the team total as the last row. The
 * reads below take the report and a row below kare_report_scoreboard_count();
 * strings are owned by the report and live as long as it. Any thread: a
 * report never changes. Each returns ::KARE_OK, or
 * ::KARE_ERROR_INVALID_ARGUMENT for a NULL report or required output, a row
 * past the end, or a code outside the range it names.
 */

/**
 * Number of scoreboard rows: the reps in scope and the team row (so at
 * least 1).
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param report the report (any thread)
 */
KARE_API kare_status kare_report_scoreboard_count(size_t *out, const kare_report *report);

/**
 * The rep id of a row; "" on the team row.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 */
KARE_API kare_status kare_report_scoreboard_rep(const char **out, const kare_report *report,
                                                size_t row);

/**
 * The row's accounts at `placement`: KARE_PLACEMENT_KEEP .. EXPAND, FIRED
 * or UNASSIGNED (not OPEN).
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 * @param placement a placement code (a category, ::KARE_PLACEMENT_UNASSIGNED or ::KARE_PLACEMENT_FIRED)
 */
KARE_API kare_status kare_report_scoreboard_accounts(size_t *out, const kare_report *report,
                                                     size_t row, int32_t placement);

/**
 * The row's accounts on a focus list in a category (KARE_PLACEMENT_KEEP ..
 * KARE_PLACEMENT_EXPAND).
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 * @param category a ::KARE_PLACEMENT_KEEP … ::KARE_PLACEMENT_EXPAND
 */
KARE_API kare_status kare_report_scoreboard_in_focus(size_t *out, const kare_report *report,
                                                     size_t row, int32_t category);

/**
 * The row's cookbook targets in their current periods, and how many of them
 * are behind pace or not started. Either output may be NULL.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 * @param[out] out_targets receives how many targets the row has, or NULL
 * @param[out] out_behind receives how many targets are behind, or NULL
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 */
KARE_API kare_status kare_report_scoreboard_targets(size_t *out_targets, size_t *out_behind,
                                                    const kare_report *report, size_t row);

/**
 * The row's effort in a category (KARE_PLACEMENT_KEEP .. EXPAND) over the
 * effort window: activities logged, their share of the categorised
 * activities (whole percent, rounded down), and the intended share, or -1
 * when the row has no intended mix (the team row when reps intend different
 * mixes). Every output may be NULL.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 * @param[out] out_activities receives the activities logged toward the category, or NULL
 * @param[out] out_share_percent receives the share in whole percent, or NULL
 * @param[out] out_intended_percent receives the intended share, -1 when none, or NULL
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 * @param category a ::KARE_PLACEMENT_KEEP … ::KARE_PLACEMENT_EXPAND
 */
KARE_API kare_status kare_report_scoreboard_effort(int64_t *out_activities,
                                                   uint32_t *out_share_percent,
                                                   int32_t *out_intended_percent,
                                                   const kare_report *report, size_t row,
                                                   int32_t category);

/**
 * The row's open pipeline: its number of open deals and one of its amounts
 * (a KARE_AMOUNT_ code) as an exact decimal string, as
 * kare_pipeline_amount() gives it. Either output may be NULL.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 * @param[out] out_open_deals receives the open deals counted, or NULL
 * @param[out] out_amount receives the amount as exact decimal text, borrowed from the report, or NULL
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 * @param amount which amount: ::KARE_AMOUNT_TOTAL, _HONEST or _HOPE
 */
KARE_API kare_status kare_report_scoreboard_pipeline(size_t *out_open_deals,
                                                     const char **out_amount,
                                                     const kare_report *report, size_t row,
                                                     int32_t amount);

/**
 * The row's bloat ratio, hope over total, with four places ("0.6414"), as
 * kare_pipeline_bloat(); NULL when its total is zero.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 */
KARE_API kare_status kare_report_scoreboard_bloat(const char **out, const kare_report *report,
                                                  size_t row);

/**
 * The row's findings of one severity ("info", "warning" or "error"). A
 * finding counts for the owner of its account, the rep working its deal or
 * its rep; plan findings only on the team row.
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT also for NULL or another
 *         severity
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 * @param severity "error", "warning" or "info"
 */
KARE_API kare_status kare_report_scoreboard_findings(size_t *out, const kare_report *report,
                                                     size_t row, const char *severity);

/**
 * The row's worst findings, at most three: how many (`out_count`), and the
 * report's finding index of the `k`-th (`out_finding`, for the
 * kare_report_finding_ reads). Either output may be NULL; `k` is checked
 * only when `out_finding` is given.
 * @return ::KARE_OK; ::KARE_ERROR_INVALID_ARGUMENT also for `k` past the
 *         row's worst findings
 * @ingroup reports
 * @param[out] out_count receives the count
 * @param[out] out_finding receives the finding's index in the report, or NULL
 * @param report the report (any thread)
 * @param row the row, from 0; the team is the last (kare_report_scoreboard_count() - 1)
 * @param k which of the row's worst findings, from 0
 */
KARE_API kare_status kare_report_scoreboard_worst(size_t *out_count, size_t *out_finding,
                                                  const kare_report *report, size_t row,
                                                  size_t k);

/**
 * Draws an existing report as the KARE map, a standalone SVG document, as
 * kare_plan_map_svg() draws a new one: the report gives the accounts, moves
 * and findings; the plan gives the progress bars and pipeline figures as of
 * the report's date and for its rep (pass the plan the report was made
 * from).
 * @param[out] out the SVG, NUL-terminated, owned by the caller
 *             (kare_string_free); set to NULL on failure
 * @param[out] out_len its length without the NUL; may be NULL
 * @param report the report (any thread)
 * @param plan the plan (read access)
 * @param options how to draw it, or NULL for the defaults
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND when the report's rep is not in
 *         the plan; ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT as
 *         kare_plan_pipeline_json(); ::KARE_ERROR_INVALID_ARGUMENT for NULL
 *         arguments, a bad rep or width, or options of version 0 or newer
 *         than the library's; ::KARE_ERROR_CONFLICT when `options->rep`
 *         names another rep than the report's
 * @ingroup rendering
 */
KARE_API kare_status kare_report_map_svg(char **out, size_t *out_len, const kare_report *report,
                                         const kare_plan *plan,
                                         const kare_render_options *options);

/**
 * Draws an existing report as the review page, as kare_plan_review_html()
 * does for a new one, with the parts `options->sections` names (all of them
 * for 0 or NULL options); arguments, ownership and statuses as
 * kare_report_map_svg(). Section bits kare does not know are refused
 * (::KARE_ERROR_INVALID_ARGUMENT).
 * @param[out] out receives the page, NUL-terminated, owned by the caller (kare_string_free);
 *        set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @param report the report (any thread)
 * @param plan the plan the report was made from (read access)
 * @param options the parts and layout, or NULL for the defaults
 * @return ::KARE_OK, ::KARE_ERROR_NOT_FOUND, ::KARE_ERROR_INVALID_PLAN,
 *         ::KARE_ERROR_LIMIT, ::KARE_ERROR_INVALID_ARGUMENT,
 *         ::KARE_ERROR_CONFLICT
 * @ingroup rendering
 */
KARE_API kare_status kare_report_review_html(char **out, size_t *out_len,
                                             const kare_report *report, const kare_plan *plan,
                                             const kare_render_options *options);

/**
 * Every finding code kare can raise, as a JSON document:
 * {"format":"kare-finding-codes","version":1,"codes":[{"code","severity",
 * "subject","description"}]}. Codes are never renamed or reused; new ones are
 * appended. Thread-safe: needs no plan.
 * @param[out] out receives the document, NUL-terminated, owned by the caller
 *             (kare_string_free); set to NULL on failure
 * @param[out] out_len receives its length without the NUL; may be NULL
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_finding_codes_json(char **out, size_t *out_len);

/* ---- Pipelines ---------------------------------------------------------- */

/** An immutable pipeline report computed from a plan as of a date. Opaque. */
typedef struct kare_pipeline kare_pipeline;

/** How a pipeline's open deals are grouped. Values are frozen. */
enum {
    KARE_PIPELINE_TEAM = 0,       /**< One group: every open deal in scope. */
    KARE_PIPELINE_BY_REP = 1,     /**< Per rep, in the plan's order; deals no rep is known for last, named "". */
    KARE_PIPELINE_BY_CATEGORY = 2 /**< Per category of the deal's account: keep, attain, recapture, expand, unassigned, fired, unknown_account. */
};

/** The amounts of a group. Values are frozen. */
enum {
    KARE_AMOUNT_TOTAL = 0,  /**< Every open deal. */
    KARE_AMOUNT_HONEST = 1, /**< The qualified deals only. */
    KARE_AMOUNT_HOPE = 2    /**< Total less honest: what hope adds to the forecast. */
};

/**
 * Computes the pipeline (kare_plan_pipeline_json()'s figures) to read them
 * without JSON. Amounts are exact decimal strings in the plan's currency,
 * every fractional digit written ("1241000.00"), as the document has them.
 * @param[out] out receives a new pipeline owned by the caller
 *             (kare_pipeline_free); set to NULL on failure
 * @param plan the plan (read access, while the pipeline is computed)
 * @param as_of "YYYY-MM-DD"
 * @param rep a rep id, or NULL (or "") for the whole team
 * @return ::KARE_OK; ::KARE_ERROR_NOT_FOUND for an unknown rep;
 *         ::KARE_ERROR_INVALID_PLAN for a deal fact dated after `as_of`;
 *         ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments, a bad date or
 *         bad text
 *         also ::KARE_ERROR_LIMIT.
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_new(kare_pipeline **out, const kare_plan *plan,
                                       const char *as_of, const char *rep);

/**
 * kare_pipeline_new() with counted text, as kare_report_new_v2().
 * @return ::KARE_OK, ::KARE_ERROR_NOT_FOUND, ::KARE_ERROR_INVALID_PLAN,
 *         ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_LIMIT
 * @ingroup reports
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param plan the plan
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param rep a rep's id, or NULL for the whole team
 * @param rep_len its length in bytes, or ::KARE_NUL_TERMINATED
 */
KARE_API kare_status kare_pipeline_new_v2(kare_pipeline **out, const kare_plan *plan,
                                          const char *as_of, size_t as_of_len, const char *rep,
                                          size_t rep_len);

/**
 * Frees a pipeline. NULL is a harmless no-op. Only when no other thread uses
 * it; strings borrowed from it die with it.
 * @param pipeline the pipeline to free; NULL is a harmless no-op
 * @ingroup memory
 */
KARE_API void kare_pipeline_free(kare_pipeline *pipeline);

/*
 * The reads below take the pipeline, a grouping (KARE_PIPELINE_) and an
 * index below kare_pipeline_group_count(); strings are owned by the pipeline
 * and live as long as it. Any thread: a pipeline never changes. Each returns
 * ::KARE_OK, or ::KARE_ERROR_INVALID_ARGUMENT for NULL arguments, an unknown
 * grouping, amount, state or outcome code, or an index past the end.
 */

/**
 * The ISO 4217 code of every amount, e.g. "USD".
 * @param[out] out receives the code, owned by the pipeline
 * @param pipeline the pipeline (any thread)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_currency(const char **out, const kare_pipeline *pipeline);

/**
 * Number of groups of a grouping: 1 for the team, 7 by category.
 * @param[out] out receives the number of groups
 * @param pipeline the pipeline (any thread)
 * @param grouping a KARE_PIPELINE_ value
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_group_count(size_t *out, const kare_pipeline *pipeline,
                                               int32_t grouping);

/**
 * The group's name: "" for the team, the rep id, or the category ("keep", …,
 *         "unknown_account").
 * @param[out] out receives the name, owned by the pipeline
 * @param pipeline the pipeline (any thread)
 * @param grouping a KARE_PIPELINE_ value
 * @param index the group, below kare_pipeline_group_count()
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_group_name(const char **out, const kare_pipeline *pipeline,
                                              int32_t grouping, size_t index);

/**
 * Number of open deals in the group.
 * @param[out] out receives the number of open deals
 * @param pipeline the pipeline (any thread)
 * @param grouping a KARE_PIPELINE_ value
 * @param index the group, below kare_pipeline_group_count()
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_open_deals(size_t *out, const kare_pipeline *pipeline,
                                              int32_t grouping, size_t index);

/**
 * One of the group's amounts (a KARE_AMOUNT_ code), as an exact decimal string.
 * @param[out] out receives the amount, owned by the pipeline
 * @param pipeline the pipeline (any thread)
 * @param grouping a KARE_PIPELINE_ value
 * @param index the group, below kare_pipeline_group_count()
 * @param amount a KARE_AMOUNT_ value: total, honest or hope
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_amount(const char **out, const kare_pipeline *pipeline,
                                          int32_t grouping, size_t index, int32_t amount);

/**
 * The group's bloat ratio, hope over total, as a decimal string with four
 * places rounded half up ("0.6414"); NULL when the group's total is zero.
 * @param[out] out receives the ratio, owned by the pipeline, or NULL
 * @param pipeline the pipeline (any thread)
 * @param grouping a KARE_PIPELINE_ value
 * @param index the group, below kare_pipeline_group_count()
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_bloat(const char **out, const kare_pipeline *pipeline,
                                         int32_t grouping, size_t index);

/**
 * The group's open deals in one honesty state (KARE_HONESTY_DEAD ..
 * KARE_HONESTY_QUALIFIED): their number and their amount. Either output may
 * be NULL.
 * @param[out] out_count receives how many deals are in the state; may be NULL
 * @param[out] out_amount receives their amount, owned by the pipeline; may be NULL
 * @param pipeline the pipeline (any thread)
 * @param grouping a KARE_PIPELINE_ value
 * @param index the group, below kare_pipeline_group_count()
 * @param state KARE_HONESTY_DEAD .. KARE_HONESTY_QUALIFIED
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_state(size_t *out_count, const char **out_amount,
                                         const kare_pipeline *pipeline, int32_t grouping,
                                         size_t index, int32_t state);

/**
 * Closed deals in scope with an outcome (KARE_OUTCOME_WON or
 * KARE_OUTCOME_LOST): their number and their amount. Either output may be
 * NULL.
 * @param[out] out_count receives how many deals closed so; may be NULL
 * @param[out] out_amount receives their amount, owned by the pipeline; may be NULL
 * @param pipeline the pipeline (any thread)
 * @param outcome KARE_OUTCOME_WON or KARE_OUTCOME_LOST
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_closed(size_t *out_count, const char **out_amount,
                                          const kare_pipeline *pipeline, int32_t outcome);

/**
 * Number of the plan's lost reasons (kare_pipeline_lost_reason() reads them).
 * @param[out] out receives the number of lost reasons
 * @param pipeline the pipeline (any thread)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_lost_reason_count(size_t *out, const kare_pipeline *pipeline);

/**
 * Lost reason `index`, in the policy's order, and how many lost deals give
 * it. Either output may be NULL.
 * @param[out] out_reason receives the reason, owned by the pipeline; may be NULL
 * @param[out] out_count receives how many lost deals give it; may be NULL
 * @param pipeline the pipeline (any thread)
 * @param index the reason, below kare_pipeline_lost_reason_count()
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_lost_reason(const char **out_reason, size_t *out_count,
                                               const kare_pipeline *pipeline, size_t index);

/**
 * Number of hope deals: open and not qualified.
 * @param[out] out receives the number of hope deals
 * @param pipeline the pipeline (any thread)
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_hope_count(size_t *out, const kare_pipeline *pipeline);

/**
 * Hope deal `index`, largest amount first, then by id. Every output may be
 * NULL.
 * @param[out] out_id the deal's id
 * @param[out] out_account its account's id
 * @param[out] out_rep the rep working it, "" when unknown
 * @param[out] out_amount how much it inflates the forecast, exact decimal
 * @param[out] out_state its KARE_HONESTY_ state
 * @param[out] out_reason why, in words
 * @param pipeline the pipeline
 * @param index below kare_pipeline_hope_count()
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup reports
 */
KARE_API kare_status kare_pipeline_hope_deal(const char **out_id, const char **out_account,
                                             const char **out_rep, const char **out_amount,
                                             int32_t *out_state, const char **out_reason,
                                             const kare_pipeline *pipeline, size_t index);

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
 * @ingroup import
 */
KARE_API kare_status kare_import_mapping_builtin(const char **out, size_t *out_len,
                                                 const char *name);

/**
 * kare_import_mapping_builtin() with the name counted.
 * @return ::KARE_OK, ::KARE_ERROR_NOT_FOUND, ::KARE_ERROR_INVALID_ARGUMENT
 * @ingroup import
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param name the shipped mapping's name
 * @param name_len its length in bytes, or ::KARE_NUL_TERMINATED
 */
KARE_API kare_status kare_import_mapping_builtin_v2(const char **out, size_t *out_len,
                                                    const char *name, size_t name_len);

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
 *         also ::KARE_ERROR_NOT_FOUND, ::KARE_ERROR_CONFLICT.
 * @ingroup import
 */
KARE_API kare_status kare_plan_import_csv(char **out, size_t *out_len, kare_plan *plan,
                                          const char *mapping, size_t mapping_len,
                                          const kare_csv_file *files, size_t file_count,
                                          const char *as_of);

/**
 * One CSV file given to kare_plan_import_csv_v2(): kare_csv_file with the
 * name counted too. The layout is frozen.
 */
typedef struct kare_csv_file_v2 {
    const char *name; /**< Its name, UTF-8: errors and the report name the file by it. */
    size_t name_len;  /**< Its length, or ::KARE_NUL_TERMINATED. */
    const char *text; /**< Its bytes (UTF-8, an optional byte-order mark is skipped). */
    size_t text_len;  /**< Their length, or ::KARE_NUL_TERMINATED. */
} kare_csv_file_v2;

/**
 * kare_plan_import_csv() with counted text and within set bounds. Of
 * `options` (NULL for the defaults), `max_document_bytes` bounds each file
 * (default 1 GiB), `max_string_bytes` any one field (default 64 KiB), and
 * `max_accounts`, `max_deals` and `max_activities` the plan the import
 * makes; `max_depth` is not used (a mapping is a small document).
 * @return ::KARE_OK; ::KARE_ERROR_LIMIT beyond a bound (kare_error_path()
 *         names the file and row, or the list: "accounts");
 *         ::KARE_ERROR_INVALID_ARGUMENT (also for options of version 0 or
 *         newer than the library's, a NULL name or text with a length, a NUL
 *         byte in a counted name); ::KARE_ERROR_PARSE;
 *         ::KARE_ERROR_INVALID_PLAN; ::KARE_ERROR_NOT_FOUND;
 *         ::KARE_ERROR_CONFLICT
 * @ingroup import
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param plan the plan
 * @param mapping the mapping document
 * @param mapping_len its length in bytes
 * @param files the CSV files, each with a counted name
 * @param file_count how many files
 * @param as_of "YYYY-MM-DD"
 * @param as_of_len its length in bytes, or ::KARE_NUL_TERMINATED
 * @param options read or render options, or NULL for the defaults
 */
KARE_API kare_status kare_plan_import_csv_v2(char **out, size_t *out_len, kare_plan *plan,
                                             const char *mapping, size_t mapping_len,
                                             const kare_csv_file_v2 *files, size_t file_count,
                                             const char *as_of, size_t as_of_len,
                                             const kare_read_options *options);

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
 * and the call succeeds. A NUL byte, bad UTF-8 or a key given twice makes
 * its line bad, not the call ("line 7", "a NUL byte at column 21"). A
 * byte-order mark at the very start of the input is skipped.
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
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT, ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup batch
 */
KARE_API kare_status kare_plan_classify_jsonl(char **out, size_t *out_len, const kare_plan *plan,
                                              const char *jsonl, size_t jsonl_len,
                                              uint32_t threads, uint32_t flags);

/**
 * kare_plan_classify_jsonl() within set bounds (NULL for the defaults): each
 * line is read as a plan document's account would be, `max_document_bytes`
 * bounding one line, `max_depth` and `max_string_bytes` applying within it.
 * `max_accounts`, `max_deals` and `max_activities` bound a plan, not a
 * stream, and are not used.
 * @return ::KARE_OK, ::KARE_ERROR_INVALID_ARGUMENT (also for options of
 *         version 0 or newer than the library's), ::KARE_ERROR_PARSE,
 *         ::KARE_ERROR_INVALID_PLAN, ::KARE_ERROR_LIMIT
 * @ingroup batch
 * @param[out] out receives the result described above; untouched on failure unless said
 * @param[out] out_len receives the length without the NUL; may be NULL
 * @param plan the plan
 * @param jsonl the accounts, one JSON document a line
 * @param jsonl_len their length in bytes
 * @param threads worker threads, 0 for one per core
 * @param flags as kare_plan_classify_jsonl()
 * @param options read or render options, or NULL for the defaults
 */
KARE_API kare_status kare_plan_classify_jsonl_v2(char **out, size_t *out_len,
                                                 const kare_plan *plan, const char *jsonl,
                                                 size_t jsonl_len, uint32_t threads,
                                                 uint32_t flags,
                                                 const kare_read_options *options);

#ifdef __cplusplus
}
#endif

#endif
