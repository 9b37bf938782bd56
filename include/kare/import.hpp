/// @file
/// @brief Importing CRM exports: CSV files of products, accounts, deals and
/// activities, read through a column mapping into a plan, with a report of
/// the rows skipped and why (docs/import.md).
///
/// An import applies whole or not at all: it builds a new plan from a copy
/// of the one given, and any bad cell is an error naming its file, row and
/// column.
#ifndef KARE_IMPORT_HPP
#define KARE_IMPORT_HPP

#include <kare/csv.hpp>
#include <kare/date.hpp>
#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// What the rows of a CSV file are, in the order an import applies them:
/// each kind refers to records of the kinds before it.
enum class import_kind : std::uint8_t {
    products,   ///< The product catalogue.
    accounts,   ///< Companies, accounts.
    deals,      ///< Deals, opportunities.
    activities, ///< Calls, meetings and other logged activities.
    reps,       ///< The sales team: applied after products, before accounts.
};

/// `"products"`, `"accounts"`, `"deals"`, `"activities"` or `"reps"`.
/// @param k a kind of file
/// @return its name in mappings and reports
std::string_view to_string(import_kind k) noexcept;
/// Parses a name written by `to_string(import_kind)`.
/// @param name a name from a mapping
/// @return the kind, or `std::nullopt` for an unknown name
std::optional<import_kind> import_kind_from_string(std::string_view name) noexcept;

/// What a CRM value turns into. For a deal's `stage`, `outcome` may also say
/// the value closes the deal (`won`, `lost`), as "Closed Won" does.
struct mapped_value {
    std::string value;   ///< The value kare uses.
    std::string outcome; ///< Deals' `stage` only: `open`, `won`, `lost`, or empty for open.

    /// Equal when every member is equal.
    friend bool operator==(const mapped_value&, const mapped_value&) = default;
};

/// CRM values and what they become; a value mapped to nothing skips its row.
using value_map = std::map<std::string, std::optional<mapped_value>, std::less<>>;

/// How one CSV file maps onto the plan.
struct table_mapping {
    import_kind kind = import_kind::accounts; ///< What its rows are.
    /// kare's key (`id`, `name`, `owner`, `amount`, …; docs/import.md) to the
    /// CSV column that holds it.
    std::map<std::string, std::string, std::less<>> columns;
    /// Accounts only: attribute field name to the CSV column that holds it.
    std::map<std::string, std::string, std::less<>> attributes;
    /// Per key or attribute: what each CRM value becomes. Every non-empty
    /// cell of a mapped column must be listed.
    std::map<std::string, value_map, std::less<>> values;
    /// Per key or attribute: the value used when the cell is empty or the
    /// key has no column.
    std::map<std::string, std::string, std::less<>> defaults;
    /// Separates the products in an account's `products` cell and the
    /// evidence types in a deal's `evidence` cell.
    std::string list_separator = ";";
    /// Per number attribute or amount key (`amount`, `list_price`): a power
    /// of ten the CRM's figures are multiplied by (revenue in millions:
    /// 1000000).
    std::map<std::string, std::uint64_t, std::less<>> scale;

    /// Equal when every member is equal.
    friend bool operator==(const table_mapping&, const table_mapping&) = default;
};

/// What to do with an owner or rep the plan does not know.
enum class unknown_owner_policy : std::uint8_t {
    skip,    ///< Skip the row, and say so in the report.
    add_rep, ///< Add a rep (id from the name, style `both`) and keep the row.
};

/// How an account's owner is taken from its deals when the accounts file
/// names none.
enum class owner_rule : std::uint8_t {
    none,        ///< Not derived: an account needs an owner column or default.
    latest_deal, ///< The owner of its most recently opened deal.
    most_deals,  ///< The rep with most of its deals; the most recent breaks a tie.
};

/// Account and deal facts derived from the deals of the files imported
/// together, when the export has no column for them (docs/import.md,
/// "Derived facts"). A fact an explicit column gives is kept; a derived one
/// that contradicts it is reported (`import_report::conflicts`).
struct derive_rules {
    owner_rule owner = owner_rule::none; ///< An account's owner from its deals.
    /// Client when a deal was won within the review policy's lapse window up
    /// to as-of, former client when every win is older, prospect otherwise.
    bool relationship = false;
    /// The `last_purchase` attribute: the day of the latest won deal.
    bool last_purchase = false;
    /// The products of the deals won within the lapse window.
    bool products = false;
    /// An open deal with no amount: its product's list price.
    bool amount_from_list_price = false;
    /// An open deal with no opening date: opened on the as-of date.
    bool opened_on_as_of = false;
    /// An open deal with no expected close: this many days after it opened
    /// (1..3650); none: such rows are skipped.
    std::optional<std::uint32_t> expected_close_days;

    /// Equal when every member is equal.
    friend bool operator==(const derive_rules&, const derive_rules&) = default;
};

/// What to do with a deal dated after the import's as-of date.
enum class after_as_of_policy : std::uint8_t {
    refuse,   ///< An error naming the cell: the export or --as-of is wrong.
    leave_out ///< The row is left out and counted in the report.
};

/// A column mapping: how the CSV files of one CRM become a plan.
struct import_mapping {
    std::string name; ///< What it maps, for people.
    /// Date formats tried in order (tokens `YYYY`, `MM`, `M`, `DD`, `D`;
    /// `HH`, `H`, `mm`, `ss`, `A` are read and ignored: a date is a day).
    std::vector<std::string> date_formats{"YYYY-MM-DD"};
    char decimal_separator = '.';  ///< In numbers and amounts.
    std::optional<char> thousands_separator; ///< Grouping in numbers, if the CRM writes one.
    unknown_owner_policy unknown_owners = unknown_owner_policy::skip; ///< Owners not in the plan.
    std::vector<table_mapping> tables; ///< One per kind of file, at most one per kind.
    derive_rules derive; ///< Facts taken from the deals.
    /// The largest share of a file's rows that may be skipped for a missing
    /// or unknown value (0..1); rows left out on purpose do not count. Past
    /// it, or when such skips take every row of a file and the share is
    /// below 1, the import fails.
    double max_skipped_share = 0.2;
    after_as_of_policy after_as_of = after_as_of_policy::refuse; ///< Deals dated after as-of.

    /// Equal when every member is equal.
    friend bool operator==(const import_mapping&, const import_mapping&) = default;
};

/// Checks a mapping: known keys per kind, the keys each kind requires,
/// value maps and defaults only for mapped keys, outcomes only on a deal's
/// stage, at most one table per kind, date formats with a year, a month and
/// a day, distinct separators.
/// @throws error `invalid_argument` with a path such as `tables[1].columns.amont`.
/// @param mapping the mapping to check, as read or built
void validate(const import_mapping& mapping);

/// Reads a mapping document (`"format": "kare-import-mapping"`), then checks
/// it as `validate` does.
/// @throws error `parse_error` for malformed JSON, `invalid_argument` naming
/// the path of anything else wrong (an unknown key, a missing column).
/// @param json the mapping document, UTF-8
/// @return the checked mapping
import_mapping read_import_mapping(std::string_view json);

/// The mapping documents kare ships: `hubspot` (companies and deals) and
/// `salesforce` (products, accounts and opportunities), as in
/// docs/examples/import/. Empty for any other name.
/// @param name `hubspot` or `salesforce`
/// @return the document, in static storage
std::string_view builtin_mapping(std::string_view name) noexcept;

/// One CSV file to import.
struct csv_source {
    std::string name; ///< Its name, used in errors and the report.
    std::string text; ///< Its bytes, unless `stream` is set.
    /// When set, the bytes are read from it instead, as they are parsed: a
    /// record past `csv_limits::max_record_bytes` fails without the rest of
    /// the file being read. Not owned; it must outlive the import.
    std::istream* stream = nullptr;
};

/// A row left out, and why.
struct skipped_row {
    std::string source; ///< The file.
    std::size_t row = 0; ///< The row number (the header is 1).
    std::string reason; ///< Why, in a sentence.
    /// Left out on purpose (a value mapped to null, an activity already
    /// logged, a deal after as-of under `leave_out`): not counted against
    /// `import_mapping::max_skipped_share`.
    bool on_purpose = false;
};

/// Skipped rows of one file that share a reason.
struct skip_group {
    std::string source;                 ///< The file.
    std::string reason;                 ///< The reason they share.
    std::size_t count = 0;              ///< How many rows.
    std::vector<std::size_t> first_rows; ///< The first few row numbers (at most 5).
    bool on_purpose = false;            ///< As `skipped_row::on_purpose`.
};

/// A catalogue product found by a tolerant match (case, spaces and
/// punctuation ignored) rather than by its exact id or name.
struct name_match {
    std::string source;  ///< The file.
    std::string column;  ///< The column.
    std::string written; ///< The text in the cells.
    std::string product; ///< The catalogue id it was taken as.
    std::size_t rows = 0; ///< How many cells.
};

/// A derived fact that contradicts the export's own column: the column is
/// kept.
struct derived_conflict {
    std::string account;  ///< The account id.
    std::string fact;     ///< `relationship`, `last_purchase` or `products`.
    std::string exported; ///< The value from the column, as written in a plan.
    std::string derived;  ///< The value the deals give.
};

/// How many facts the import derived (`import_mapping::derive`).
struct derived_counts {
    std::size_t owners = 0;           ///< Account owners taken from deals.
    std::size_t relationships = 0;    ///< Relationships from won deals.
    std::size_t last_purchases = 0;   ///< `last_purchase` dates from won deals.
    std::size_t products = 0;         ///< Accounts given the products of their wins.
    std::size_t amounts_from_list_price = 0; ///< Open deals priced at list.
    std::size_t opened_on_as_of = 0;  ///< Open deals taken as opened on as-of.
    std::size_t expected_closes = 0;  ///< Open deals given an expected close.
    std::size_t evidence_items = 0;   ///< Evidence items read from deals.

    /// Equal when every member is equal.
    friend bool operator==(const derived_counts&, const derived_counts&) = default;
};

/// What one file contributed.
struct import_file_report {
    std::string source;       ///< The file.
    import_kind kind = import_kind::accounts; ///< What its rows were taken as.
    std::size_t rows = 0;     ///< Data rows read (blank lines are not rows): `added + updated + skipped`.
    std::size_t added = 0;    ///< New records.
    std::size_t updated = 0;  ///< Records already in the plan, updated.
    std::size_t skipped = 0;  ///< Rows left out (see `import_report::skipped`).
    /// Mapped columns of optional keys and attributes the header lacks: not imported.
    std::vector<std::string> missing_columns;
};

/// What an import did.
struct import_report {
    /// One per file, in the order applied: products, accounts, deals, then
    /// activities, files of one kind in the order given.
    std::vector<import_file_report> files;
    std::vector<skipped_row> skipped;      ///< Every row left out, in the order of `files`, then by row.
    std::vector<std::string> reps_added;   ///< Rep ids added for unknown owners.
    std::size_t close_date_changes = 0;    ///< Expected close dates that moved, recorded as changes.
    /// `skipped` grouped per file and reason, in the order first met.
    std::vector<skip_group> skip_groups;
    std::vector<name_match> name_matches;  ///< Products matched tolerantly.
    std::vector<derived_conflict> conflicts; ///< Derived facts the export contradicts.
    derived_counts derived;                ///< Facts derived from deals.
    std::size_t after_as_of = 0;           ///< Deals left out for a date after as-of.
    /// The latest date of any deal or activity imported: an as-of date far
    /// past it judges an old export by today.
    std::optional<date> newest_fact;
};

/// The plan an import built, and what it did.
struct import_result {
    kare::plan plan;      ///< The base plan with the files applied.
    import_report report; ///< Rows read, added, updated and skipped.
};

/// Imports CSV files into a copy of `base`.
///
/// Every file's header is read first and matched to the mapping's table
/// whose required columns it holds (the file's kind; the table with more of
/// its columns present wins), so that a file the mapping does not fit is
/// reported before any row is read. Files are then applied products first,
/// then accounts, deals and activities, files of one kind in the order
/// given; the report lists them in that order. Optional columns the header
/// lacks are listed in the report and not imported. A record whose id is
/// already in the plan is updated: the CRM's fields are replaced, kare's own
/// (placement, history, evidence, declarations) are kept, and a moved
/// expected close date of an open deal is recorded as a change dated
/// `as_of`. An activity already in the log is not added twice.
/// @param base the plan to import into (a default plan for a new one)
/// @param mapping the column mapping
/// @param files the CSV files
/// @param as_of the day of the export: close-date changes are recorded on
/// it, and no deal may open, be active or close after it
/// @return the new plan and the report
/// @throws error `parse_error` or `limit_exceeded` for malformed CSV;
/// `invalid_argument` for a bad mapping (naming its path), a file no table
/// matches (naming the missing column) or matches ambiguously, a mapped
/// column twice in a header; `invalid_plan` for a bad cell or a record the
/// plan refuses. Errors about a file name it as `file, row R, column C
/// (Name)`. `base` is never changed.
import_result import_csv(const plan& base, const import_mapping& mapping,
                         const std::vector<csv_source>& files, date as_of);

/// Bounds on an import: each file, and the plan it makes.
struct import_limits {
    csv_limits csv;                           ///< Each CSV file.
    std::size_t max_accounts = 10'000'000;    ///< Accounts in the plan made.
    std::size_t max_deals = 10'000'000;       ///< Deals in the plan made.
    std::size_t max_activities = 100'000'000; ///< Logged activities in the plan made.
};

/// `import_csv` within `limits`.
/// @throws error as `import_csv`, and `limit_exceeded` when a file passes
/// `limits.csv` or the plan made would hold more accounts, deals or
/// activities than the limits allow (the path names the list).
/// @param base the plan to import into
/// @param mapping the column mapping
/// @param files the CSV files
/// @param as_of the day of the export
/// @param limits the bounds on each file and on the plan made
/// @return the new plan and the report
import_result import_csv(const plan& base, const import_mapping& mapping,
                         const std::vector<csv_source>& files, date as_of,
                         const import_limits& limits);

/// The import report as a JSON document (`"format": "kare-import-report"`).
/// @param report what an import did
/// @return the document, canonical JSON
std::string write_import_report(const import_report& report);

} // namespace v1
} // namespace kare

#endif
