/// @file
/// @brief Classifying a stream of accounts in one call: JSON Lines in, one
/// JSON line per account out, optionally on several threads.
#ifndef KARE_BATCH_HPP
#define KARE_BATCH_HPP

#include <kare/error.hpp>
#include <kare/read_limits.hpp>
#include <kare/summary.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// What a batch does with a line it cannot read.
enum class bad_line_policy : std::uint8_t {
    /// The call fails on the first bad line, naming it (`line 12:
    /// attributes.risk`); no output is returned.
    fail,
    /// The line is answered by an error record in its place and listed in
    /// `batch_result::errors`; the other lines are classified.
    skip,
};

/// How a batch runs.
struct batch_options {
    /// Threads: 0 for one per hardware thread, 1 for the calling thread only.
    /// The output is the same for every value.
    std::uint32_t threads = 1;
    bad_line_policy on_bad_line = bad_line_policy::fail; ///< See `bad_line_policy`.
    /// Per line: `max_document_bytes` bounds a line, `max_depth`,
    /// `max_string_bytes` and `max_history` apply as in a plan document.
    read_limits limits;
};

/// A line the batch could not read (`bad_line_policy::skip`).
struct line_error {
    std::size_t line = 0; ///< Line number, from 1.
    errc code = errc::ok; ///< What went wrong.
    std::string message;  ///< A sentence a person can read.
    std::string path;     ///< Where in the line's account, e.g. `attributes.risk`; may be empty.

    /// Equal when every member is equal.
    friend bool operator==(const line_error&, const line_error&) = default;
};

/// What a batch gives back.
struct batch_result {
    /// One JSON line per account, in input order:
    /// `{"id":…,"placement":…,"basis":…,"candidates":[…],"fire_suggestions":[…],"findings":[…]}`;
    /// under `bad_line_policy::skip` a bad line gives
    /// `{"line":12,"error":{"code":…,"path":…,"message":…}}`.
    std::string output;
    portfolio_summary summary;     ///< Over the accounts classified.
    std::size_t accounts = 0;      ///< Accounts classified (blank lines are not accounts).
    std::vector<line_error> errors; ///< Bad lines, in input order (skip policy only).
};

/// Reads accounts as JSON Lines (one account per line, in the plan
/// document's account format, checked against `p`'s schema) and classifies
/// each with `p`'s compiled profiles, as `classify()` would place it.
///
/// The accounts do not join the plan: their owners need not be reps of `p`
/// and their ids are not checked for uniqueness. Blank lines (and a final
/// newline) are skipped; a line may end in `\r\n`. With several threads
/// the input is cut at line ends into chunks processed in parallel and
/// joined in order, so the output never depends on the thread count.
///
/// @param p the plan whose schema and profiles apply (read only)
/// @param jsonl the accounts, UTF-8
/// @param options threads, bad-line policy and limits
/// @throws error naming the first bad line as the path (`line 12:
/// attributes.risk`, or `line 12` for malformed JSON) under
/// `bad_line_policy::fail`.
/// @return the output lines, the summary and the count of accounts
batch_result classify_jsonl(const plan& p, std::string_view jsonl,
                            const batch_options& options = {});

/// The streaming form: the output goes to `write` in input order, a piece
/// at a time (the results of up to a megabyte of input each), always on the
/// calling thread, and `batch_result::output` stays empty. Memory stays
/// bounded whatever the input's size. When the call fails, `write` may
/// already have received the results of the lines before the bad one; an
/// exception thrown by `write` stops the batch and propagates.
/// @param p the plan whose schema and profiles apply (read only)
/// @param jsonl the accounts, UTF-8
/// @param options threads, bad-line policy and limits
/// @param write receives the output, piece by piece
/// @return the summary and the count of accounts; `output` is empty
batch_result classify_jsonl(const plan& p, std::string_view jsonl, const batch_options& options,
                            const std::function<void(std::string_view)>& write);

/// `classify_jsonl` without throwing: on failure returns `std::nullopt` and
/// fills `err`.
/// @param p the plan whose schema and profiles apply (read only)
/// @param jsonl the accounts, UTF-8
/// @param err receives the error on failure
/// @param options threads, bad-line policy and limits
/// @return the result, or `std::nullopt` on failure
std::optional<batch_result> classify_jsonl(const plan& p, std::string_view jsonl,
                                           error_info& err,
                                           const batch_options& options = {}) noexcept;

} // namespace v1
} // namespace kare

#endif
