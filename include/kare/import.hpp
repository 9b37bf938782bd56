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
};

/// `"products"`, `"accounts"`, `"deals"` or `"activities"`.
std::string_view to_string(import_kind k) noexcept;
/// Parses a name written by `to_string(import_kind)`.
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
    /// Separates the products in an account's `products` cell.
    std::string list_separator = ";";

    /// Equal when every member is equal.
    friend bool operator==(const table_mapping&, const table_mapping&) = default;
};

/// What to do with an owner or rep the plan does not know.
enum class unknown_owner_policy : std::uint8_t {
    skip,    ///< Skip the row, and say so in the report.
    add_rep, ///< Add a rep (id from the name, style `both`) and keep the row.
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

    /// Equal when every member is equal.
    friend bool operator==(const import_mapping&, const import_mapping&) = default;
};

/// Checks a mapping: known keys per kind, the keys each kind requires,
/// value maps and defaults only for mapped keys, outcomes only on a deal's
/// stage, at most one table per kind, date formats with a year, a month and
/// a day, distinct separators.
/// @throws error `invalid_argument` with a path such as `tables[1].columns.amont`.
void validate(const import_mapping& mapping);

/// Reads a mapping document (`"format": "kare-import-mapping"`), then checks
/// it as `validate` does.
/// @throws error `parse_error` for malformed JSON, `invalid_argument` naming
/// the path of anything else wrong (an unknown key, a missing column).
import_mapping read_import_mapping(std::string_view json);

/// The mapping documents kare ships: `hubspot` (companies and deals) and
/// `salesforce` (products, accounts and opportunities), as in
/// docs/examples/import/. Empty for any other name.
std::string_view builtin_mapping(std::string_view name) noexcept;

/// One CSV file to import.
struct csv_source {
    std::string name; ///< Its name, used in errors and the report.
    std::string text; ///< Its bytes.
};

/// A row left out, and why.
struct skipped_row {
    std::string source; ///< The file.
    std::size_t row = 0; ///< The row number (the header is 1).
    std::string reason; ///< Why, in a sentence.
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

/// The import report as a JSON document (`"format": "kare-import-report"`).
std::string write_import_report(const import_report& report);

} // namespace v1
} // namespace kare

#endif
