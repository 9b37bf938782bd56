// The CSV import (docs/import.md): files matched to the mapping's tables by
// their headers, applied to a copy of the plan, products first, then
// accounts, deals and activities. Any bad cell stops the import with its
// file, row and column; rows the mapping says to leave out are reported.
#include "cells.hpp"
#include "csv_reader.hpp"
#include "mapping_keys.hpp"

#include <kare/import.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <memory>
#include <tuple>

namespace kare {
inline namespace v1 {

namespace {

// A row the import leaves out, with the reason the report gives.
struct skip_row {
    std::string reason;
    bool on_purpose = false; // the mapping or the options say so
};

// Lower-case letters and digits only: "GTX Pro", "gtx-pro" and "GTXPro"
// are one product to a person, and so to the tolerant match.
std::string loose(std::string_view text)
{
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80)
            out += c;
    }
    return out;
}

// A plain decimal multiplied by a power of ten, still plain: the decimal
// point moves right, so amounts stay exact.
std::string scaled(std::string_view plain, std::uint64_t factor)
{
    std::size_t shift = 0;
    for (; factor > 1; factor /= 10)
        ++shift;
    std::string sign;
    if (!plain.empty() && plain.front() == '-') {
        sign = "-";
        plain.remove_prefix(1);
    }
    const std::size_t dot = plain.find('.');
    std::string whole(plain.substr(0, dot));
    std::string fraction(dot == std::string_view::npos ? std::string_view() : plain.substr(dot + 1));
    if (fraction.size() < shift)
        fraction.append(shift - fraction.size(), '0');
    whole += fraction.substr(0, shift);
    fraction.erase(0, shift);
    const std::size_t first = std::min(whole.find_first_not_of('0'), whole.size() - 1);
    whole.erase(0, first);
    return sign + whole + (fraction.empty() ? "" : "." + fraction);
}

// A file bound to its table: where each mapped key is in the header.
struct bound_file {
    const csv_source* source = nullptr;
    const table_mapping* table = nullptr;
    std::map<std::string, std::size_t, std::less<>> column; // key or attribute -> index
    std::vector<std::string> missing_columns; // optional ones the header lacks
    std::unique_ptr<detail::csv_reader> reader; // at the first row once the header is read
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
    importer(const plan& base, const import_mapping& mapping, date as_of,
             const import_limits& limits)
        : plan_(base), mapping_(mapping), as_of_(as_of), limits_(limits)
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
            return detail::apply_order(x.table->kind) < detail::apply_order(y.table->kind);
        });
        for (bound_file& f : files) {
            f.csv = f.reader->rows();
            f.reader.reset();
            f.report = report_.files.size();
            import_file_report line;
            line.source = f.source->name;
            line.kind = f.table->kind;
            line.rows = f.csv.rows.size();
            line.missing_columns = f.missing_columns;
            report_.files.push_back(std::move(line));
        }
        bool accounts_done = false;
        for (std::size_t i = 0; i < files.size(); ++i) {
            // Activities need their accounts, which may wait for their
            // deals to name an owner.
            if (files[i].table->kind == import_kind::activities && !accounts_done) {
                finish_accounts();
                accounts_done = true;
            }
            apply(files[i]);
            const bool last_products = files[i].table->kind == import_kind::products &&
                                       (i + 1 == files.size() ||
                                        files[i + 1].table->kind != import_kind::products);
            if (last_products && catalogue_)
                commit_catalogue(); // accounts are checked against the new catalogue
        }
        if (!accounts_done)
            finish_accounts();
        group_skips();
        check_skip_limits();
        return import_result{std::move(plan_), std::move(report_)};
    }

private:
    // --- matching files to tables ------------------------------------------

    void check_attributes() const
    {
        for (std::size_t i = 0; i < mapping_.tables.size(); ++i)
            for (const auto& [key, factor] : mapping_.tables[i].scale)
                if (mapping_.tables[i].attributes.count(key)) {
                    const field_def* f = plan_.fields().find(key);
                    if (f && f->type != field_type::number)
                        throw error(errc::invalid_argument,
                                    "'" + key + "' is not a number field: only numbers scale",
                                    "tables[" + std::to_string(i) + "].scale." + key);
                }
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
        auto reader = source.stream
                          ? std::make_unique<detail::csv_reader>(*source.stream, source.name, limits_.csv)
                          : std::make_unique<detail::csv_reader>(source.text, source.name, limits_.csv);
        const std::vector<std::string>& header = reader->header();
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
        f.reader = std::move(reader);
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
            throw skip_row{column_name(row, key) + " '" + v.text + "' is left out by the mapping", true};
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
        const auto& scale = row.file.table->scale;
        if (auto f = scale.find(key); plain && column_of(row, key) > 0 && f != scale.end())
            plain = scaled(*plain, f->second);
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
                case import_kind::reps: rep_row(row); break;
                }
            } catch (const skip_row& s) {
                skip(row, s);
            }
        }
    }

    import_file_report& counts(const row_ref& row) { return report_.files[row.file.report]; }

    void skip(const row_ref& row, const skip_row& s)
    {
        report_.skipped.push_back(skipped_row{row.file.csv.source, row.number, s.reason, s.on_purpose});
        ++counts(row).skipped;
    }

    void product_row(const row_ref& row)
    {
        if (!catalogue_)
            catalogue_ = plan_.products();
        product p;
        p.id = required(row, "id");
        first_time(row, import_kind::products, p.id);
        if (auto name = value(row, "name"))
            p.name = name->value;
        if (raw(row, "list_price"))
            list_prices_.insert_or_assign(p.id, amount_of(row, "list_price"));
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
            lookup_.reset();
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
                const auto& scale = row.file.table->scale;
            if (auto f = scale.find(field.name); plain && col > 0 && f != scale.end())
                plain = scaled(*plain, f->second);
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

    void rep_row(const row_ref& row)
    {
        const table_mapping& t = *row.file.table;
        std::string name;
        if (auto n = value(row, "name"))
            name = n->value;
        std::string id = required(row, "id");
        // A team file keyed by the person's name: the id is made as for
        // reps added for unknown owners, so deals naming them find them.
        const auto id_column = t.columns.find("id");
        const auto name_column = t.columns.find("name");
        if (id_column != t.columns.end() && name_column != t.columns.end() &&
            id_column->second == name_column->second && !detail::slug(id).empty())
            id = detail::slug(id);
        first_time(row, import_kind::reps, id);
        if (plan_.find_rep(id))
            throw skip_row{"the rep '" + id + "' is already in the plan", true};
        rep r;
        r.id = id;
        r.name = name.empty() ? id : name;
        if (auto m = value(row, "manager"))
            r.manager = m->value;
        if (auto team = value(row, "team"))
            r.team = team->value;
        if (auto style = value(row, "style")) {
            auto st = rep_style_from_string(style->value);
            if (!st)
                bad_cell(row, column_of(row, "style"),
                         "'" + style->value + "' is not a rep style (hunter, farmer, both): map it "
                         "under values.style");
            r.style = *st;
        }
        const std::string display = r.name;
        refuse_as_row(row, "rep", [&] { plan_.add_rep(std::move(r)); });
        rep_names_.emplace(display, id);
        ++counts(row).added;
    }

    // --- the catalogue, matched tolerantly ------------------------------------

    struct catalogue_lookup {
        std::map<std::string, std::string, std::less<>> by_name;  // exact name -> id
        std::map<std::string, std::string, std::less<>> by_loose; // loose id or name -> id, "" if two
    };

    const catalogue_lookup& lookup()
    {
        if (!lookup_) {
            lookup_.emplace();
            for (const product& p : plan_.products()) {
                if (!p.name.empty())
                    lookup_->by_name.emplace(p.name, p.id);
                for (const std::string& text : {p.id, p.name}) {
                    if (text.empty())
                        continue;
                    auto [it, fresh] = lookup_->by_loose.emplace(loose(text), p.id);
                    if (!fresh && it->second != p.id)
                        it->second.clear(); // two products look alike: no guess
                }
            }
        }
        return *lookup_;
    }

    // The catalogue id a cell names: its id, its name, else the one product
    // whose id or name is the same once case, spaces and punctuation are
    // ignored (reported). Nothing when the plan has no catalogue.
    std::optional<std::string> catalogue_id(const row_ref& row, std::size_t column,
                                            const std::string& text)
    {
        if (plan_.products().empty())
            return std::nullopt;
        if (plan_.find_product(text))
            return text;
        const catalogue_lookup& l = lookup();
        if (auto it = l.by_name.find(text); it != l.by_name.end())
            return it->second;
        auto it = l.by_loose.find(loose(text));
        if (it == l.by_loose.end() || it->second.empty())
            bad_cell(row, column,
                     "'" + text + "' is not a product of the catalogue" +
                         (it == l.by_loose.end() ? std::string()
                                                 : " (it looks like two of them)") +
                         ": map it under values");
        const std::string& header = row.file.csv.header[column - 1];
        auto m = std::find_if(report_.name_matches.begin(), report_.name_matches.end(),
                              [&](const name_match& x) {
                                  return x.source == row.file.csv.source && x.column == header &&
                                         x.written == text;
                              });
        if (m == report_.name_matches.end())
            report_.name_matches.push_back(name_match{row.file.csv.source, header, text, it->second, 1});
        else
            ++m->rows;
        return it->second;
    }

    // --- accounts ---------------------------------------------------------------

    void account_row(const row_ref& row)
    {
        const std::string id = required(row, "id");
        first_time(row, import_kind::accounts, id);
        const account* existing = plan_.find_account(id);
        account a = existing ? *existing : account{};
        a.id = id;
        a.name = required(row, "name");
        const std::string owner = rep_of(row, "owner");
        imported_account facts;
        facts.id = id;
        if (auto rel = value(row, "relationship")) {
            auto r = relationship_from_string(rel->value);
            if (!r)
                bad_cell(row, column_of(row, "relationship"),
                         "'" + rel->value + "' is not a relationship (prospect, client, "
                         "former_client): map it under values.relationship");
            a.relationship = *r;
            facts.explicit_relationship = true;
        }
        if (row.file.column.count("products") || row.file.table->defaults.count("products")) {
            a.products.clear();
            if (auto cell = raw(row, "products"))
                split_products(row, *cell, a.products);
            facts.explicit_products = true;
        }
        for (const auto& [field_name, column] : row.file.table->attributes) {
            const field_def* field = plan_.fields().find(field_name);
            if (auto cell = raw(row, field_name)) {
                a.attributes[field_name] = attribute_value(row, *field, *cell);
                if (field_name == "last_purchase")
                    facts.explicit_last_purchase = true;
            } else {
                a.attributes.erase(field_name); // empty in the CRM: no value
            }
        }
        facts.row = pending_row{&row.file, row.index, row.number};
        if (owner.empty()) {
            // Derived once the deals are in, or the row is skipped then.
            if (mapping_.derive.owner == owner_rule::none)
                throw skip_row{"no " + column_name(row, "owner")};
            facts.waiting = std::move(a);
            facts.existed = existing != nullptr;
            imported_.push_back(std::move(facts));
            return;
        }
        a.owner = owner;
        refuse_as_row(row, "account", [&] {
            if (existing)
                plan_.replace_account(std::move(a));
            else
                plan_.add_account(std::move(a));
        });
        ++(existing ? counts(row).updated : counts(row).added);
        imported_.push_back(std::move(facts));
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
                if (mapped && cell.column > 0)
                    if (auto id = catalogue_id(row, cell.column, mapped->value))
                        mapped->value = *id;
                if (mapped && std::find(out.begin(), out.end(), mapped->value) == out.end())
                    out.push_back(mapped->value);
            }
            if (cut == std::string_view::npos)
                break;
            rest.remove_prefix(cut + sep.size());
        }
    }

    // --- facts derived from deals --------------------------------------------

    // The rep whose deals make them the account's owner, by the mapping's rule.
    std::string derived_owner(const std::vector<std::size_t>& deals) const
    {
        struct tally {
            std::size_t deals = 0;
            std::int32_t latest = std::numeric_limits<std::int32_t>::min();
            std::size_t latest_position = 0;
        };
        std::map<std::string, tally, std::less<>> by_rep;
        for (std::size_t i : deals) {
            const deal& d = plan_.deals()[i];
            if (d.owner.empty())
                continue;
            tally& t = by_rep[d.owner];
            ++t.deals;
            if (d.opened.days() >= t.latest) {
                t.latest = d.opened.days();
                t.latest_position = i;
            }
        }
        const auto later = [](const tally& x, const tally& y) {
            return std::tie(x.latest, x.latest_position) < std::tie(y.latest, y.latest_position);
        };
        const bool by_count = mapping_.derive.owner == owner_rule::most_deals;
        const std::string* best = nullptr;
        const tally* best_tally = nullptr;
        for (const auto& [rep_id, t] : by_rep) {
            bool better = true;
            if (best_tally && by_count && t.deals != best_tally->deals)
                better = t.deals > best_tally->deals;
            else if (best_tally)
                better = later(*best_tally, t);
            if (better) {
                best = &rep_id;
                best_tally = &t;
            }
        }
        return best ? *best : std::string();
    }

    static std::string product_list(const std::vector<std::string>& ids)
    {
        std::string out;
        for (const auto& id : ids)
            out += (out.empty() ? "" : ", ") + id;
        return out.empty() ? "none" : out;
    }

    void conflict(const std::string& account, const char* fact, std::string exported, std::string derived)
    {
        report_.conflicts.push_back(
            derived_conflict{account, fact, std::move(exported), std::move(derived)});
    }

    // Owners, relationships, last purchases and products of the accounts the
    // files named, from the deals now in the plan (docs/import.md, "Derived
    // facts"). A column the export gives wins; a contradiction is reported.
    void finish_accounts()
    {
        const derive_rules& rules = mapping_.derive;
        std::map<std::string, std::vector<std::size_t>, std::less<>> deals_of;
        const bool any = rules.owner != owner_rule::none || rules.relationship ||
                         rules.last_purchase || rules.products;
        if (!any)
            return;
        for (std::size_t i = 0; i < plan_.deals().size(); ++i)
            deals_of[plan_.deals()[i].account].push_back(i);
        const std::int64_t window = plan_.review_policy().lapse_days;
        const std::vector<std::size_t> none;
        for (imported_account& facts : imported_) {
            const auto found = deals_of.find(facts.id);
            const std::vector<std::size_t>& deals = found == deals_of.end() ? none : found->second;
            const row_ref row{*facts.row.file, facts.row.index, facts.row.number};
            if (facts.waiting) {
                account a = std::move(*facts.waiting);
                facts.waiting.reset();
                // An account already in the plan keeps its owner when no deal names one.
                if (std::string owner = derived_owner(deals); !owner.empty()) {
                    a.owner = std::move(owner);
                    ++report_.derived.owners;
                }
                if (a.owner.empty()) {
                    skip(row, skip_row{"no " + column_name(row, "owner") +
                                       " and no deal of the account names one"});
                    facts.skipped = true;
                    continue;
                }
                refuse_as_row(row, "account", [&] {
                    if (facts.existed)
                        plan_.replace_account(std::move(a));
                    else
                        plan_.add_account(std::move(a));
                });
                ++(facts.existed ? counts(row).updated : counts(row).added);
            }
            std::optional<date> last_win;
            std::vector<std::string> bought;
            for (std::size_t i : deals) {
                const deal& d = plan_.deals()[i];
                if (d.outcome != deal_outcome::won || !d.closed_on || as_of_ < *d.closed_on)
                    continue;
                if (!last_win || *last_win < *d.closed_on)
                    last_win = *d.closed_on;
                auto p = deal_product_.find(d.id);
                if (p != deal_product_.end() && as_of_.days() - d.closed_on->days() <= window &&
                    std::find(bought.begin(), bought.end(), p->second) == bought.end())
                    bought.push_back(p->second);
            }
            account a = *plan_.find_account(facts.id);
            const account before = a;
            if (rules.relationship) {
                const relationship derived =
                    !last_win ? relationship::prospect
                    : as_of_.days() - last_win->days() <= window ? relationship::client
                                                                 : relationship::former_client;
                if (!facts.explicit_relationship) {
                    a.relationship = derived;
                    ++report_.derived.relationships;
                } else if (derived != a.relationship) {
                    conflict(a.id, "relationship", std::string(to_string(a.relationship)),
                             std::string(to_string(derived)));
                }
            }
            if (rules.last_purchase && last_win) {
                const auto it = a.attributes.find("last_purchase");
                if (!facts.explicit_last_purchase) {
                    a.attributes["last_purchase"] = *last_win;
                    ++report_.derived.last_purchases;
                } else if (it != a.attributes.end() && !(it->second == kare::value(*last_win))) {
                    conflict(a.id, "last_purchase", to_display(it->second), last_win->to_string());
                }
            }
            if (rules.products) {
                // In catalogue order, as a person reads a heat map.
                std::vector<std::string> ordered;
                for (const product& p : plan_.products())
                    if (std::find(bought.begin(), bought.end(), p.id) != bought.end())
                        ordered.push_back(p.id);
                if (!facts.explicit_products) {
                    if (!ordered.empty())
                        ++report_.derived.products;
                    a.products = std::move(ordered);
                } else {
                    auto mine = a.products;
                    std::sort(mine.begin(), mine.end());
                    auto theirs = ordered;
                    std::sort(theirs.begin(), theirs.end());
                    if (mine != theirs)
                        conflict(a.id, "products", product_list(a.products), product_list(ordered));
                }
            }
            if (!(a == before))
                refuse_as_row(row, "account", [&] { plan_.replace_account(std::move(a)); });
        }
    }

    // --- deals -------------------------------------------------------------------

    // A review refuses deal facts dated after its as-of date. The import's
    // date is that of the export, so such a date is the CRM's mistake (or
    // the wrong --as-of): named here, at its cell, not by a later review;
    // or, when the mapping says so, the row is left out and counted.
    void not_after_as_of(const row_ref& row, std::string_view key, date on, const char* what)
    {
        if (!(as_of_ < on))
            return;
        if (mapping_.after_as_of == after_as_of_policy::leave_out) {
            ++report_.after_as_of;
            throw skip_row{"the deal " + std::string(what) + " after the as-of date", true};
        }
        bad_cell(row, column_of(row, key),
                 "the deal " + std::string(what) + " on " + on.to_string() +
                     ", after the import's as-of date " + as_of_.to_string());
    }

    void newest(date on)
    {
        if (!report_.newest_fact || *report_.newest_fact < on)
            report_.newest_fact = on;
    }

    void evidence_of(const row_ref& row, deal& d)
    {
        auto cell = raw(row, "evidence");
        if (!cell)
            return;
        const std::string& sep = row.file.table->list_separator;
        const auto& types = plan_.honesty().evidence_types;
        std::string_view rest = cell->text;
        while (true) {
            const std::size_t cut = rest.find(sep);
            const std::string_view item = detail::trimmed(rest.substr(0, cut));
            if (!item.empty()) {
                std::optional<mapped_value> mapped;
                try {
                    mapped = map_value(row, "evidence", cell_value{std::string(item), cell->column});
                } catch (const skip_row&) {
                    mapped.reset(); // an item mapped to null is left out, not the row
                }
                if (mapped) {
                    if (std::find(types.begin(), types.end(), mapped->value) == types.end())
                        bad_cell(row, cell->column,
                                 "'" + mapped->value + "' is not an evidence type of the policy: "
                                 "map it under values.evidence (null leaves it out)");
                    const bool known = std::any_of(d.evidence.begin(), d.evidence.end(),
                                                   [&](const evidence_item& e) {
                                                       return e.type == mapped->value;
                                                   });
                    if (!known) {
                        // Dated when the CRM last saw the deal move: the
                        // export does not say when it was obtained.
                        d.evidence.push_back(evidence_item{
                            mapped->value, d.last_activity.value_or(d.opened), "CRM export"});
                        ++report_.derived.evidence_items;
                    }
                }
            }
            if (cut == std::string_view::npos)
                break;
            rest.remove_prefix(cut + sep.size());
        }
    }

    void deal_row(const row_ref& row)
    {
        const derive_rules& rules = mapping_.derive;
        const std::string id = required(row, "id");
        first_time(row, import_kind::deals, id);
        const deal* existing = plan_.find_deal(id);
        deal d = existing ? *existing : deal{};
        d.id = id;
        d.account = required(row, "account");
        if (row.file.column.count("owner") || row.file.table->defaults.count("owner"))
            d.owner = rep_of(row, "owner");
        auto stage = value(row, "stage");
        if (!stage || stage->value.empty())
            throw skip_row{"no " + column_name(row, "stage")};
        d.stage = stage->value;
        const std::string outcome = stage->outcome.empty() ? "open" : stage->outcome;
        d.outcome = *deal_outcome_from_string(outcome);
        const bool open = d.outcome == deal_outcome::open;
        std::optional<std::string> product_id;
        if (auto p = value(row, "product"); p && !p->value.empty())
            product_id = catalogue_id(row, column_of(row, "product"), p->value);
        if (!raw(row, "amount") && open && rules.amount_from_list_price && product_id &&
            list_prices_.count(*product_id)) {
            d.amount = list_prices_.at(*product_id);
            ++report_.derived.amounts_from_list_price;
        } else {
            d.amount = amount_of(row, "amount");
        }
        const auto opened = date_of(row, "opened");
        if (opened) {
            d.opened = *opened;
        } else if (open && rules.opened_on_as_of) {
            // Once: a later import must not make an old deal look new.
            if (!existing) {
                d.opened = as_of_;
                ++report_.derived.opened_on_as_of;
            }
        } else {
            throw skip_row{"no " + column_name(row, "opened")};
        }
        not_after_as_of(row, "opened", d.opened, "opened");
        date close;
        if (auto c = date_of(row, "expected_close")) {
            close = *c;
        } else if (open && rules.expected_close_days) {
            if (existing) {
                close = existing->expected_close;
            } else {
                close = date::from_days(d.opened.days() +
                                        static_cast<std::int32_t>(*rules.expected_close_days));
                ++report_.derived.expected_closes;
            }
        } else {
            throw skip_row{"no " + column_name(row, "expected_close")};
        }
        if (auto last = date_of(row, "last_activity")) {
            not_after_as_of(row, "last_activity", *last, "was last active");
            d.last_activity = d.last_activity ? std::max(*d.last_activity, *last) : *last;
        }
        d.lost_reason.clear();
        d.closed_on.reset();
        if (!open) {
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
        evidence_of(row, d);
        // An empty cell clears the step: the CRM's field is replaced.
        if (row.file.column.count("next_step") || row.file.table->defaults.count("next_step")) {
            auto step = value(row, "next_step");
            d.next_step = step ? step->value : std::string();
        }
        if (existing && existing->outcome == deal_outcome::open && !(existing->expected_close == close)) {
            d.close_date_history.push_back(
                close_date_change{as_of_, existing->expected_close, close, "changed in the CRM"});
            ++report_.close_date_changes;
        }
        d.expected_close = close;
        if (opened) // a date the import made up is no fact of the export
            newest(d.opened);
        if (d.last_activity)
            newest(*d.last_activity);
        if (d.closed_on)
            newest(*d.closed_on);
        refuse_as_row(row, "deal", [&] {
            if (existing)
                plan_.replace_deal(std::move(d));
            else
                plan_.add_deal(std::move(d));
        });
        if (product_id)
            deal_product_.insert_or_assign(id, *product_id);
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
            throw skip_row{"already in the activity log", true};
        }
        const date on = a.on;
        refuse_as_row(row, "activity", [&] { plan_.add_activity(std::move(a)); });
        newest(on);
        ++counts(row).added;
    }

    // --- what was skipped ------------------------------------------------------

    void group_skips()
    {
        for (const skipped_row& s : report_.skipped) {
            auto g = std::find_if(report_.skip_groups.begin(), report_.skip_groups.end(),
                                  [&](const skip_group& x) {
                                      return x.source == s.source && x.reason == s.reason;
                                  });
            if (g == report_.skip_groups.end()) {
                report_.skip_groups.push_back(skip_group{s.source, s.reason, 0, {}, s.on_purpose});
                g = std::prev(report_.skip_groups.end());
            }
            ++g->count;
            if (g->first_rows.size() < 5)
                g->first_rows.push_back(s.row);
        }
    }

    // An import that silently drops most of a file is worse than none: past
    // the mapping's share, it fails and says why.
    void check_skip_limits() const
    {
        const double share = mapping_.max_skipped_share;
        for (const import_file_report& f : report_.files) {
            std::size_t failed = 0;
            for (const skipped_row& s : report_.skipped)
                if (s.source == f.source && !s.on_purpose)
                    ++failed;
            const bool whole = f.rows > 0 && failed == f.rows && share < 1.0;
            if (failed == 0 || (!whole && static_cast<double>(failed) <= share * static_cast<double>(f.rows)))
                continue;
            std::string why;
            for (const skip_group& g : report_.skip_groups) {
                if (g.source != f.source || g.on_purpose)
                    continue;
                std::string rows;
                for (std::size_t r : g.first_rows)
                    rows += (rows.empty() ? "" : ", ") + std::to_string(r);
                why += (why.empty() ? "" : "; ") + g.reason + " (" + std::to_string(g.count) +
                       (g.count == 1 ? " row: " : " rows, the first ") + rows + ")";
            }
            const auto percent = [](double x) {
                return std::to_string(static_cast<long long>(std::lround(x * 100))) + "%";
            };
            throw error(errc::invalid_plan,
                        std::to_string(failed) + " of " + std::to_string(f.rows) +
                            " rows skipped (" +
                            percent(static_cast<double>(failed) / static_cast<double>(f.rows)) +
                            "), more than the mapping's max_skipped_share of " + percent(share) +
                            ": " + why,
                        f.source);
        }
    }

    // An account row, kept to derive its facts once the deals are in.
    struct pending_row {
        const bound_file* file = nullptr;
        std::size_t index = 0;
        std::size_t number = 0;
    };
    struct imported_account {
        std::string id;
        pending_row row;
        std::optional<account> waiting; // not yet in the plan: no owner until its deals say
        bool existed = false;
        bool skipped = false;
        bool explicit_relationship = false;
        bool explicit_last_purchase = false;
        bool explicit_products = false;
    };

    plan plan_;
    const import_mapping& mapping_;
    date as_of_;
    import_report report_;
    std::map<std::string, std::string, std::less<>> rep_names_; // display name -> id
    std::map<std::pair<import_kind, std::string>, std::string> seen_; // -> where first seen
    std::optional<std::vector<product>> catalogue_;
    std::optional<std::map<activity_key, std::size_t>> logged_;
    std::map<std::string, money, std::less<>> list_prices_; // product id -> list price
    std::map<std::string, std::string, std::less<>> deal_product_; // deal id -> product id
    std::optional<catalogue_lookup> lookup_;
    std::vector<imported_account> imported_;
    import_limits limits_;
};

} // namespace

import_result import_csv(const plan& base, const import_mapping& mapping,
                         const std::vector<csv_source>& files, date as_of)
{
    return import_csv(base, mapping, files, as_of, import_limits{});
}

import_result import_csv(const plan& base, const import_mapping& mapping,
                         const std::vector<csv_source>& files, date as_of,
                         const import_limits& limits)
{
    import_result result = importer(base, mapping, as_of, limits).run(files);
    // What the import makes is bounded as a document read would be.
    const auto check = [](std::size_t count, std::size_t limit, const char* what,
                          const char* path) {
        if (count > limit)
            throw error(errc::limit_exceeded,
                        "the import would make a plan of more than " + std::to_string(limit) +
                            " " + what + " (" + std::to_string(count) + ")",
                        path);
    };
    check(result.plan.accounts().size(), limits.max_accounts, "accounts", "accounts");
    check(result.plan.deals().size(), limits.max_deals, "deals", "deals");
    check(result.plan.activities().size(), limits.max_activities, "activities", "activities");
    return result;
}

} // namespace v1
} // namespace kare
