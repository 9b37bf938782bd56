// The CSV import (docs/import.md): files matched to the mapping's tables by
// their headers, applied to a copy of the plan, products first, then
// accounts, deals and activities. Any bad cell stops the import with its
// file, row and column; rows the mapping says to leave out are reported.
#include "cells.hpp"
#include "mapping_keys.hpp"

#include <kare/import.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

namespace kare {
inline namespace v1 {

namespace {

// A row the import leaves out, with the reason the report gives.
struct skip_row {
    std::string reason;
};

// A file bound to its table: where each mapped key is in the header.
struct bound_file {
    const csv_source* source = nullptr;
    const table_mapping* table = nullptr;
    std::map<std::string, std::size_t, std::less<>> column; // key or attribute -> index
    std::vector<std::string> missing_columns; // optional ones the header lacks
    csv_table csv; // read once every header is bound
    std::size_t report = 0; // its entry in import_report::files
};

std::size_t position(const std::vector<std::string>& header, std::string_view name)
{
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

// A value read from a row: the text and the column it came from (0: a default).
struct cell_value {
    std::string text;
    std::size_t column = 0;
};

class importer {
public:
    importer(const plan& base, const import_mapping& mapping, date as_of)
        : plan_(base), mapping_(mapping), as_of_(as_of)
    {
        for (const rep& r : plan_.reps())
            rep_names_.emplace(r.name, r.id);
    }

    import_result run(const std::vector<csv_source>& sources)
    {
        validate(mapping_);
        check_attributes();
        // Every header first: a file that is not what the mapping expects is
        // refused before any of its rows is read.
        std::vector<bound_file> files;
        files.reserve(sources.size());
        for (const csv_source& s : sources)
            files.push_back(bind(s));
        // Records refer to records of earlier kinds (accounts to products,
        // deals and activities to accounts), so kinds go in that order, files
        // of one kind in the order given; the report lists them so too.
        std::stable_sort(files.begin(), files.end(), [](const bound_file& x, const bound_file& y) {
            return x.table->kind < y.table->kind;
        });
        for (bound_file& f : files) {
            f.csv = parse_csv(f.source->text, f.source->name);
            f.report = report_.files.size();
            import_file_report line;
            line.source = f.source->name;
            line.kind = f.table->kind;
            line.rows = f.csv.rows.size();
            line.missing_columns = f.missing_columns;
            report_.files.push_back(std::move(line));
        }
        for (std::size_t i = 0; i < files.size(); ++i) {
            apply(files[i]);
            const bool last_products = files[i].table->kind == import_kind::products &&
                                       (i + 1 == files.size() ||
                                        files[i + 1].table->kind != import_kind::products);
            if (last_products && catalogue_)
                commit_catalogue(); // accounts are checked against the new catalogue
        }
        return import_result{std::move(plan_), std::move(report_)};
    }

private:
    // --- matching files to tables ------------------------------------------

    void check_attributes() const
    {
        for (std::size_t i = 0; i < mapping_.tables.size(); ++i)
            for (const auto& [field, column] : mapping_.tables[i].attributes)
                if (!plan_.fields().find(field))
                    throw error(errc::invalid_argument,
                                "the plan has no field '" + field + "' (declare it in the plan)",
                                "tables[" + std::to_string(i) + "].attributes." + field);
    }

    static std::vector<std::pair<std::string, std::string>> mapped_columns(const table_mapping& t)
    {
        std::vector<std::pair<std::string, std::string>> out(t.columns.begin(), t.columns.end());
        out.insert(out.end(), t.attributes.begin(), t.attributes.end());
        return out;
    }

    // A file needs the columns of its table's required keys; the others
    // are read when present and reported when not.
    static bool needed(const table_mapping& t, const std::string& key)
    {
        const detail::key_spec* spec = detail::find_key(t.kind, key);
        return spec && spec->required;
    }

    bound_file bind(const csv_source& source)
    {
        const std::vector<std::string> header = parse_csv_header(source.text, source.name);
        const auto present = [&](const std::string& column) {
            return position(header, column) < header.size();
        };
        struct candidate {
            const table_mapping* table;
            std::size_t found;     // mapped columns in the header
            std::string missing;   // the first required column that is not
        };
        std::vector<candidate> all;
        for (const table_mapping& t : mapping_.tables) {
            candidate c{&t, 0, {}};
            for (const auto& [key, column] : mapped_columns(t)) {
                if (present(column))
                    ++c.found;
                else if (needed(t, key) && c.missing.empty())
                    c.missing = "'" + column + "' (" + key + ")";
            }
            all.push_back(std::move(c));
        }
        std::stable_sort(all.begin(), all.end(), [](const candidate& x, const candidate& y) {
            if (x.missing.empty() != y.missing.empty())
                return x.missing.empty();
            return x.found > y.found;
        });
        const candidate& best = all.front();
        if (!best.missing.empty())
            throw error(errc::invalid_argument,
                        "the header matches no table of the mapping; the nearest, " +
                            std::string(to_string(best.table->kind)) + ", needs the column " +
                            best.missing,
                        csv_location(source.name, 1));
        if (all.size() > 1 && all[1].missing.empty() && all[1].found == best.found)
            throw error(errc::invalid_argument,
                        "the header matches both the " + std::string(to_string(best.table->kind)) +
                            " and the " + std::string(to_string(all[1].table->kind)) +
                            " tables of the mapping",
                        csv_location(source.name, 1));
        bound_file f;
        f.source = &source;
        f.table = best.table;
        for (const auto& [key, column] : mapped_columns(*f.table)) {
            const std::size_t at = position(header, column);
            if (at == header.size()) {
                f.missing_columns.push_back(column);
                continue;
            }
            // Which of the two would be the CRM's field is a guess: refuse it.
            for (std::size_t k = at + 1; k < header.size(); ++k)
                if (header[k] == column)
                    throw error(errc::invalid_argument,
                                "the mapped column '" + column + "' appears twice in the header, "
                                "as column " + std::to_string(at + 1) + " and as this one",
                                csv_location(source.name, 1, k + 1, column));
            f.column.emplace(key, at);
        }
        return f;
    }

    // --- reading cells ---------------------------------------------------------

    struct row_ref {
        const bound_file& file;
        std::size_t index;  // in csv.rows
        std::size_t number; // as the spreadsheet shows it
    };

    std::string where(const row_ref& row, std::size_t column = 0) const
    {
        const auto& header = row.file.csv.header;
        return csv_location(row.file.csv.source, row.number, column,
                            column > 0 ? std::string_view(header[column - 1]) : std::string_view());
    }

    [[noreturn]] void bad_cell(const row_ref& row, std::size_t column, const std::string& message) const
    {
        throw error(errc::invalid_plan, message, where(row, column));
    }

    // The cell of `key` (trimmed), else its default, else nothing.
    std::optional<cell_value> raw(const row_ref& row, std::string_view key) const
    {
        if (auto it = row.file.column.find(key); it != row.file.column.end()) {
            const std::string_view text = detail::trimmed(row.file.csv.rows[row.index][it->second]);
            if (!text.empty())
                return cell_value{std::string(text), it->second + 1};
        }
        const auto& defaults = row.file.table->defaults;
        if (auto d = defaults.find(key); d != defaults.end())
            return cell_value{d->second, 0};
        return std::nullopt;
    }

    std::string column_name(const row_ref& row, std::string_view key) const
    {
        if (auto it = row.file.column.find(key); it != row.file.column.end())
            return row.file.csv.header[it->second];
        return std::string(key);
    }

    // `text` through the value map of `key`, if it has one. Defaults are
    // kare's own values and are not mapped.
    mapped_value map_value(const row_ref& row, std::string_view key, const cell_value& v) const
    {
        const auto& maps = row.file.table->values;
        auto m = maps.find(key);
        if (v.column == 0 || m == maps.end())
            return mapped_value{v.text, {}};
        auto hit = m->second.find(v.text);
        if (hit == m->second.end())
            bad_cell(row, v.column,
                     "'" + v.text + "' has no mapping: add it under values." + std::string(key) +
                         " (null leaves such rows out)");
        if (!hit->second)
            throw skip_row{column_name(row, key) + " '" + v.text + "' is left out by the mapping"};
        return *hit->second;
    }

    std::optional<mapped_value> value(const row_ref& row, std::string_view key) const
    {
        auto v = raw(row, key);
        if (!v)
            return std::nullopt;
        return map_value(row, key, *v);
    }

    std::string required(const row_ref& row, std::string_view key) const
    {
        auto v = value(row, key);
        if (!v || v->value.empty())
            throw skip_row{"no " + column_name(row, key)};
        return v->value;
    }

    std::size_t column_of(const row_ref& row, std::string_view key) const
    {
        auto v = raw(row, key);
        return v ? v->column : 0;
    }

    std::optional<date> date_of(const row_ref& row, std::string_view key) const
    {
        auto v = value(row, key);
        if (!v)
            return std::nullopt;
        auto d = detail::parse_date(v->value, mapping_.date_formats);
        if (!d)
            bad_cell(row, column_of(row, key), not_a_date(v->value));
        return d;
    }

    // Formats are quoted: a format may hold a comma (`M/D/YYYY, H:mm A`).
    std::string not_a_date(const std::string& text) const
    {
        std::string formats;
        for (const auto& f : mapping_.date_formats)
            formats += (formats.empty() ? "'" : ", '") + f + "'";
        return "'" + text + "' is not a date in the mapping's formats (" + formats +
               ") or not a day of the calendar";
    }

    date required_date(const row_ref& row, std::string_view key) const
    {
        auto d = date_of(row, key);
        if (!d)
            throw skip_row{"no " + column_name(row, key)};
        return *d;
    }

    money amount_of(const row_ref& row, std::string_view key) const
    {
        const unsigned digits = currency_digits(plan_.settings().currency);
        auto v = value(row, key);
        if (!v)
            return money::from_minor(0, digits); // the CRM leaves unpriced deals empty
        auto plain = detail::plain_decimal(v->value, mapping_.decimal_separator,
                                           mapping_.thousands_separator);
        std::optional<money> m;
        if (plain)
            m = money::parse(*plain, digits);
        if (m && m->is_negative())
            bad_cell(row, column_of(row, key), "'" + v->value + "' is negative: an amount is at least 0");
        if (!m)
            bad_cell(row, column_of(row, key),
                     "'" + v->value + "' is not an amount in " + plan_.settings().currency +
                         " (digits, at most " + std::to_string(digits) +
                         " decimals, no currency sign)");
        return *m;
    }

    // --- reps -------------------------------------------------------------------

    // The rep a cell names: through the value map, else by id, else by name.
    std::string rep_of(const row_ref& row, std::string_view key)
    {
        auto v = raw(row, key);
        if (!v)
            return {};
        const bool mapped = v->column > 0 && row.file.table->values.count(key);
        const std::string name = map_value(row, key, *v).value;
        if (plan_.find_rep(name))
            return name;
        if (!mapped)
            if (auto it = rep_names_.find(name); it != rep_names_.end())
                return it->second;
        if (mapping_.unknown_owners == unknown_owner_policy::skip)
            throw skip_row{column_name(row, key) + " '" + name + "' is not a rep of the plan"};
        std::string id = detail::slug(name);
        if (id.empty())
            id = name;
        if (!plan_.find_rep(id)) {
            plan_.add_rep(rep{id, name, rep_style::both});
            rep_names_.emplace(name, id);
            report_.reps_added.push_back(id);
        }
        return id;
    }

    // --- applying rows ---------------------------------------------------------

    // The column behind a plan path's last member (`deals[3].expected_close`,
    // `accounts[0].attributes.risk`, `accounts[0].products[2]`), or 0.
    static std::size_t member_column(const row_ref& row, std::string_view path)
    {
        const std::size_t dot = path.rfind('.');
        std::string_view member = dot == std::string_view::npos ? path : path.substr(dot + 1);
        member = member.substr(0, member.find('['));
        const auto it = row.file.column.find(member);
        return it == row.file.column.end() ? 0 : it->second + 1;
    }

    // Runs a plan operation for a row; a refusal names the row, and the
    // column when the refused member came from one.
    template <class F>
    void refuse_as_row(const row_ref& row, const char* what, F&& operation)
    {
        try {
            operation();
        } catch (const error& e) {
            const std::size_t column = member_column(row, e.path());
            // The plan's path (deals[12]) means nothing to the CSV's reader
            // once the column is named.
            throw error(e.code() == errc::conflict ? errc::invalid_plan : e.code(),
                        std::string("the plan refuses the ") + what + ": " + e.what() +
                            (column > 0 || e.path().empty() ? std::string()
                                                            : " (at " + e.path() + ")"),
                        where(row, column));
        }
    }

    // Ids are unique within one import as within a plan.
    void first_time(const row_ref& row, import_kind kind, const std::string& id)
    {
        auto [it, added] = seen_.emplace(std::make_pair(kind, id), where(row));
        if (!added)
            bad_cell(row, column_of(row, "id"),
                     "the id '" + id + "' is also on " + it->second + "; an export lists each "
                     "record once");
    }

    void apply(bound_file& f)
    {
        if (f.table->kind == import_kind::activities)
            index_activities();
        for (std::size_t i = 0; i < f.csv.rows.size(); ++i) {
            const row_ref row{f, i, f.csv.row_numbers[i]};
            try {
                switch (f.table->kind) {
                case import_kind::products: product_row(row); break;
                case import_kind::accounts: account_row(row); break;
                case import_kind::deals: deal_row(row); break;
                case import_kind::activities: activity_row(row); break;
                }
            } catch (const skip_row& s) {
                report_.skipped.push_back(skipped_row{f.csv.source, row.number, s.reason});
                ++report_.files[f.report].skipped;
            }
        }
    }

    import_file_report& counts(const row_ref& row) { return report_.files[row.file.report]; }

    void product_row(const row_ref& row)
    {
        if (!catalogue_)
            catalogue_ = plan_.products();
        product p;
        p.id = required(row, "id");
        first_time(row, import_kind::products, p.id);
        if (auto name = value(row, "name"))
            p.name = name->value;
        auto it = std::find_if(catalogue_->begin(), catalogue_->end(),
                               [&](const product& q) { return q.id == p.id; });
        if (it == catalogue_->end()) {
            catalogue_->push_back(std::move(p));
            ++counts(row).added;
        } else {
            if (row.file.column.count("name"))
                it->name = p.name;
            ++counts(row).updated;
        }
    }

    void commit_catalogue()
    {
        std::string sources;
        for (const auto& f : report_.files)
            if (f.kind == import_kind::products)
                sources += (sources.empty() ? "" : ", ") + f.source;
        try {
            plan_.set_products(std::move(*catalogue_));
        } catch (const error& e) {
            throw error(e.code(), "the catalogue after the import lacks a product an account of "
                                  "the plan buys: " + std::string(e.what()) + " (at " + e.path() + ")",
                        sources);
        }
        catalogue_.reset();
    }

    kare::value attribute_value(const row_ref& row, const field_def& field, const cell_value& cell)
    {
        const std::string text = map_value(row, field.name, cell).value;
        const std::size_t col = cell.column;
        kare::value v;
        switch (field.type) {
        case field_type::number: {
            auto plain = detail::plain_decimal(text, mapping_.decimal_separator,
                                               mapping_.thousands_separator);
            double d = 0;
            if (!plain || std::from_chars(plain->data(), plain->data() + plain->size(), d).ec !=
                              std::errc() ||
                !(std::fabs(d) <= max_exact_number))
                bad_cell(row, col, "'" + text + "' is not a number");
            v = d;
            break;
        }
        case field_type::boolean: {
            auto b = detail::parse_boolean(text);
            if (!b)
                bad_cell(row, col, "'" + text + "' is not true or false (yes/no, 1/0)");
            v = *b;
            break;
        }
        case field_type::date: {
            auto d = detail::parse_date(text, mapping_.date_formats);
            if (!d)
                bad_cell(row, col, not_a_date(text));
            v = *d;
            break;
        }
        default: v = text; break;
        }
        if (auto why = field.check(v))
            bad_cell(row, col, *why);
        return v;
    }

    void account_row(const row_ref& row)
    {
        const std::string id = required(row, "id");
        first_time(row, import_kind::accounts, id);
        const account* existing = plan_.find_account(id);
        account a = existing ? *existing : account{};
        a.id = id;
        a.name = required(row, "name");
        const std::string owner = rep_of(row, "owner");
        if (owner.empty())
            throw skip_row{"no " + column_name(row, "owner")};
        a.owner = owner;
        if (auto rel = value(row, "relationship")) {
            auto r = relationship_from_string(rel->value);
            if (!r)
                bad_cell(row, column_of(row, "relationship"),
                         "'" + rel->value + "' is not a relationship (prospect, client, "
                         "former_client): map it under values.relationship");
            a.relationship = *r;
        }
        if (row.file.column.count("products") || row.file.table->defaults.count("products")) {
            a.products.clear();
            if (auto cell = raw(row, "products"))
                split_products(row, *cell, a.products);
        }
        for (const auto& [field_name, column] : row.file.table->attributes) {
            const field_def* field = plan_.fields().find(field_name);
            if (auto cell = raw(row, field_name))
                a.attributes[field_name] = attribute_value(row, *field, *cell);
            else
                a.attributes.erase(field_name); // empty in the CRM: no value
        }
        refuse_as_row(row, "account", [&] {
            if (existing)
                plan_.replace_account(std::move(a));
            else
                plan_.add_account(std::move(a));
        });
        ++(existing ? counts(row).updated : counts(row).added);
    }

    void split_products(const row_ref& row, const cell_value& cell, std::vector<std::string>& out)
    {
        const std::string& sep = row.file.table->list_separator;
        std::string_view rest = cell.text;
        while (true) {
            const std::size_t cut = rest.find(sep);
            const std::string_view item = detail::trimmed(rest.substr(0, cut));
            if (!item.empty()) {
                const cell_value one{std::string(item), cell.column};
                std::optional<mapped_value> mapped;
                try {
                    mapped = map_value(row, "products", one);
                } catch (const skip_row&) {
                    mapped.reset(); // a product mapped to null is left out, not the row
                }
                if (mapped && std::find(out.begin(), out.end(), mapped->value) == out.end())
                    out.push_back(mapped->value);
            }
            if (cut == std::string_view::npos)
                break;
            rest.remove_prefix(cut + sep.size());
        }
    }

    // A review refuses deal facts dated after its as-of date. The import's
    // date is that of the export, so such a date is the CRM's mistake (or
    // the wrong --as-of): named here, at its cell, not by a later review.
    void not_after_as_of(const row_ref& row, std::string_view key, date on, const char* what) const
    {
        if (as_of_ < on)
            bad_cell(row, column_of(row, key),
                     "the deal " + std::string(what) + " on " + on.to_string() +
                         ", after the import's as-of date " + as_of_.to_string());
    }

    void deal_row(const row_ref& row)
    {
        const std::string id = required(row, "id");
        first_time(row, import_kind::deals, id);
        const deal* existing = plan_.find_deal(id);
        deal d = existing ? *existing : deal{};
        d.id = id;
        d.account = required(row, "account");
        if (row.file.column.count("owner") || row.file.table->defaults.count("owner"))
            d.owner = rep_of(row, "owner");
        d.amount = amount_of(row, "amount");
        auto stage = value(row, "stage");
        if (!stage || stage->value.empty())
            throw skip_row{"no " + column_name(row, "stage")};
        d.stage = stage->value;
        d.opened = required_date(row, "opened");
        not_after_as_of(row, "opened", d.opened, "opened");
        const date close = required_date(row, "expected_close");
        if (auto last = date_of(row, "last_activity")) {
            not_after_as_of(row, "last_activity", *last, "was last active");
            d.last_activity = d.last_activity ? std::max(*d.last_activity, *last) : *last;
        }
        const std::string outcome = stage->outcome.empty() ? "open" : stage->outcome;
        d.outcome = *deal_outcome_from_string(outcome);
        d.lost_reason.clear();
        d.closed_on.reset();
        if (d.outcome != deal_outcome::open) {
            const auto closed = date_of(row, "closed_on");
            d.closed_on = closed.value_or(close);
            not_after_as_of(row, closed ? "closed_on" : "expected_close", *d.closed_on, "closed");
            if (d.outcome == deal_outcome::lost) {
                auto reason = value(row, "lost_reason");
                if (!reason || reason->value.empty())
                    bad_cell(row, column_of(row, "stage"),
                             "a lost deal needs a lost reason: map lost_reason or give it a "
                             "default");
                d.lost_reason = reason->value;
            }
        }
        if (existing && existing->outcome == deal_outcome::open && !(existing->expected_close == close)) {
            d.close_date_history.push_back(
                close_date_change{as_of_, existing->expected_close, close, "changed in the CRM"});
            ++report_.close_date_changes;
        }
        d.expected_close = close;
        refuse_as_row(row, "deal", [&] {
            if (existing)
                plan_.replace_deal(std::move(d));
            else
                plan_.add_deal(std::move(d));
        });
        ++(existing ? counts(row).updated : counts(row).added);
    }

    using activity_key = std::tuple<std::int32_t, std::string, std::string, std::string, std::string>;

    static activity_key key_of(const activity& a)
    {
        return {a.on.days(), a.rep, a.account, a.type, a.note};
    }

    // How many of each activity the log held before the import: a row that
    // matches one of them is taken as already imported. Identical rows
    // beyond that count are new (three dials on one day are three dials).
    void index_activities()
    {
        if (logged_)
            return;
        logged_.emplace();
        for (const activity& a : plan_.activities())
            ++(*logged_)[key_of(a)];
    }

    void activity_row(const row_ref& row)
    {
        activity a;
        a.on = required_date(row, "date");
        a.rep = rep_of(row, "rep");
        if (a.rep.empty())
            throw skip_row{"no " + column_name(row, "rep")};
        a.account = required(row, "account");
        a.type = required(row, "activity");
        if (auto note = value(row, "note"))
            a.note = note->value;
        if (!plan_.cookbook().find_activity(a.type))
            bad_cell(row, column_of(row, "activity"),
                     "'" + a.type + "' is not an activity type of the cookbook: map it under "
                     "values.activity (null leaves such rows out)");
        if (!plan_.find_account(a.account))
            throw skip_row{"the account '" + a.account + "' is not in the plan"};
        if (auto it = logged_->find(key_of(a)); it != logged_->end() && it->second > 0) {
            --it->second;
            throw skip_row{"already in the activity log"};
        }
        refuse_as_row(row, "activity", [&] { plan_.add_activity(std::move(a)); });
        ++counts(row).added;
    }

    plan plan_;
    const import_mapping& mapping_;
    date as_of_;
    import_report report_;
    std::map<std::string, std::string, std::less<>> rep_names_; // display name -> id
    std::map<std::pair<import_kind, std::string>, std::string> seen_; // -> where first seen
    std::optional<std::vector<product>> catalogue_;
    std::optional<std::map<activity_key, std::size_t>> logged_;
};

} // namespace

import_result import_csv(const plan& base, const import_mapping& mapping,
                         const std::vector<csv_source>& files, date as_of)
{
    return importer(base, mapping, as_of).run(files);
}

} // namespace v1
} // namespace kare
