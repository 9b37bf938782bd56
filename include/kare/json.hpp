/// @file
/// @brief The plan, report, pipeline and progress documents: reading and writing JSON.
///
/// This is the adapter between the pure model and JSON; nothing else in the
/// core knows about JSON. Opt-in: `<kare/kare.hpp>` leaves it out, since it
/// needs Boost.JSON's headers (and `kare::kare`).
#ifndef KARE_JSON_HPP
#define KARE_JSON_HPP

#include <kare/account_history.hpp>
#include <kare/error.hpp>
#include <kare/pipeline.hpp>
#include <kare/plan.hpp>
#include <kare/plan_changes.hpp>
#include <kare/progress.hpp>
#include <kare/read_limits.hpp>
#include <kare/report.hpp>

#include <boost/json/fwd.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {

/// Reads a plan document.
/// @throws error `parse_error` for malformed JSON, `unsupported_version` for
/// a format version this library does not read, `invalid_plan` naming the
/// path of anything else wrong, `limit_exceeded` beyond `limits`.
/// @param json the document, UTF-8
/// @param limits bounds on what the document may hold
/// @return the plan, every account evaluated
plan read_plan(std::string_view json, const read_limits& limits = {});

/// Reads a plan document without throwing: on failure returns
/// `std::nullopt` and fills `err`.
/// @param json the document, UTF-8
/// @param err receives the error on failure
/// @param limits bounds on what the document may hold
/// @return the plan, or `std::nullopt` on failure
std::optional<plan> read_plan(std::string_view json, error_info& err,
                              const read_limits& limits = {}) noexcept;

/// Reads one account in the plan document's account format, checking its
/// attributes against `p`'s schema. Errors name the path the account has
/// (same id) or would have in `p` (`accounts[N]…`). The account is not added.
/// @throws error as `read_plan`.
/// @param json the account, a JSON object
/// @param p the plan whose schema and records the account is read against
/// @param limits bounds on what the text may hold
/// @return the account
account read_account(std::string_view json, const plan& p, const read_limits& limits = {});

/// Reads one deal in the plan document's deal format, amounts in `p`'s
/// currency. Errors name the path the deal has or would have in `p`
/// (`deals[N]…`). The deal is not added. @throws error as `read_plan`.
/// @param json the deal, a JSON object
/// @param p the plan whose currency and records the deal is read against
/// @param limits bounds on what the text may hold
/// @return the deal
deal read_deal(std::string_view json, const plan& p, const read_limits& limits = {});

/// Reads one rep in the plan document's rep format (`id`, `name`, `style`).
/// Errors name the path it would have in `p` (`reps[N]…`). It is not added.
/// @throws error as `read_plan`.
/// @param json the rep, a JSON object
/// @param p the plan the rep is read against
/// @param limits bounds on what the text may hold
/// @return the rep
rep read_rep(std::string_view json, const plan& p, const read_limits& limits = {});

/// Reads one activity in the plan document's activity format. Errors name
/// the path it would have in `p` (`activities[N]…`). It is not added.
/// @throws error as `read_plan`.
/// @param json the activity, a JSON object
/// @param p the plan whose cookbook, reps and accounts the activity is read against
/// @param limits bounds on what the text may hold
/// @return the activity
activity read_activity(std::string_view json, const plan& p, const read_limits& limits = {});

/// A copy of `base` with the sections of a partial plan document in place
/// of its own: any of `name`, `settings`, `fields`, `profiles`, `cookbook`,
/// `policy`, `products`, `reps` and `honesty`, each replaced whole, with the
/// document's `format` and `version`. The plan is then read again whole, so
/// its accounts, deals and activities are checked against the new sections
/// (an account whose owner is no longer a rep, or whose attribute the new
/// fields do not declare, is an error naming it) and every verdict is
/// re-evaluated. Records keep their decisions and history.
/// @throws error as `read_plan`; `invalid_plan` at `accounts`, `activities`
/// or `deals`, which are changed one at a time instead.
/// @param base the plan whose records are kept
/// @param json the partial document, UTF-8
/// @param limits bounds on what the document may hold
/// @return the new plan; `base` is unchanged
plan replace_sections(const plan& base, std::string_view json, const read_limits& limits = {});

/// Writes the canonical plan document: indented, keys in a fixed order,
/// ending in a newline. Write → read → write gives the same bytes.
/// @param p the plan
/// @return the document
std::string write_plan(const plan& p);

/// Writes the plan document to `out` as it is produced, in chunks of about
/// 64 KB: the same bytes as `write_plan(p)`, without ever holding the whole
/// document. The bytes are counted as they go: `out` never receives more
/// than the default `read_limits::max_document_bytes` (what `read_plan`
/// reads back); past them the writer throws `limit_exceeded` and `out` holds
/// a beginning of the document, which the caller discards. After a failed
/// write nothing more is written; `out`'s state tells (the writer does not
/// throw for it).
/// @throws error `limit_exceeded` for a plan too large to be read back.
/// @param p the plan
/// @param out where the document goes
void write_plan(const plan& p, std::ostream& out);

/// Writes one account as the plan document holds it (canonical form as
/// `write_plan`): what `read_account` reads back.
/// @param a the account
/// @return its JSON object
std::string write_account(const account& a);

/// Writes one deal as the plan document holds it (canonical form as
/// `write_plan`): what `read_deal` reads back.
/// @param d the deal
/// @return its JSON object
std::string write_deal(const deal& d);

/// Writes the report document (canonical form as `write_plan`).
/// @param r the report
/// @return the document
std::string write_report(const report& r);

/// Writes the report document to `out` as it is produced, in chunks of
/// about 64 KB: the same bytes as `write_report(r)`, without ever holding
/// the whole document. After a failed write nothing more is written; `out`'s
/// state tells (the writer does not throw for it).
/// @param r the report
/// @param out where the document goes
void write_report(const report& r, std::ostream& out);

/// Writes the review document (canonical form as `write_plan`): the
/// scoreboard, priorities, focus lists, suggested moves, heat map and
/// findings of the report, without its accounts (docs/review.md, "The
/// review document").
/// @param r the report reviewed
/// @return the review document
std::string write_review(const report& r);

/// Writes the changes document, format `kare-diff` (canonical form as
/// `write_plan`; docs/review.md, "What changed").
/// @param c the changes between two plans or two dates
/// @return the document
std::string write_changes(const plan_changes& c);

/// Writes the changes document to `out` as it is produced: the same bytes as
/// `write_changes(c)`; a failed write as `write_report(r, out)`.
/// @param c the changes between two plans or two dates
/// @param out where the document goes
void write_changes(const plan_changes& c, std::ostream& out);

/// Writes the timeline document, format `kare-timeline` (canonical form as
/// `write_plan`; docs/review.md, "An account's timeline").
/// @param h one account over time
/// @return the document
std::string write_account_history(const account_history& h);
/// Writes the review document to `out` as it is produced: the same bytes as
/// `write_review(r)`; a failed write as `write_report(r, out)`.
/// @param r the report reviewed
/// @param out where the document goes
void write_review(const report& r, std::ostream& out);

/// Writes a finding's figures as one JSON object, as the report document
/// holds them under `figures` (canonical form as `write_plan`).
/// @param figures a finding's figures
/// @return the object
std::string write_figures(const std::vector<figure>& figures);

/// Writes the pipeline report document (canonical form as `write_plan`).
/// @param r the pipeline report
/// @return the document
std::string write_pipeline(const pipeline_report& r);

/// Writes the pipeline report document to `out` as it is produced: the same
/// bytes as `write_pipeline(r)`; a failed write as `write_report(r, out)`.
/// @param r the pipeline report
/// @param out where the document goes
void write_pipeline(const pipeline_report& r, std::ostream& out);

/// Writes the progress document (canonical form as `write_plan`); its keys
/// are described in docs/cookbook.md.
/// @param r the progress report
/// @return the document
std::string write_progress(const progress_report& r);

/// Writes the progress document to `out` as it is produced: the same bytes
/// as `write_progress(r)`; a failed write as `write_report(r, out)`.
/// @param r the progress report
/// @param out where the document goes
void write_progress(const progress_report& r, std::ostream& out);

/// Writes the finding-code table (`finding_codes()`) as a document:
/// `{"format": "kare-finding-codes", "version", "codes": [{"code",
/// "severity", "subject", "description"}]}`, in the table's order.
/// @return the document
std::string write_finding_codes();

/// The plan as a JSON value (Boost.JSON `value_from` customisation): the
/// document `write_plan` writes, parsed. For large plans prefer
/// `write_plan(p, out)`, which holds neither the tree nor the text.
/// @param out receives the value
/// @param p the plan
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const plan& p);

/// The report as a JSON value (Boost.JSON `value_from` customisation): the
/// document `write_report` writes, parsed. For large reports prefer
/// `write_report(r, out)`, which holds neither the tree nor the text.
/// @param out receives the value
/// @param r the report
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const report& r);

/// The pipeline report as a JSON value (Boost.JSON `value_from`
/// customisation): the document `write_pipeline` writes, parsed.
/// @param out receives the value
/// @param r the pipeline report
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out,
                const pipeline_report& r);
/// The progress report as a JSON value (Boost.JSON `value_from`
/// customisation): the document `write_progress` writes, parsed.
/// @param out receives the value
/// @param r the progress report
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out,
                const progress_report& r);

/// Writes any JSON value in kare's canonical indented form.
/// @param v any JSON value
/// @return its text, ending in a newline
std::string to_canonical_text(const boost::json::value& v);

} // namespace v1
} // namespace kare

#endif
