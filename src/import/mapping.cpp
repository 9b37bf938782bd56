// The column mapping: checking it, and reading it from its JSON document.
#include "cells.hpp"
#include "mapping_keys.hpp"
#include "../json/document_reader.hpp"
#include "../json/strict_parser.hpp"

#include <kare/import.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <map>

namespace kare {
inline namespace v1 {

namespace {

constexpr std::array<std::string_view, 5> kind_names{"products", "accounts", "deals", "activities",
                                                     "reps"};

std::string key_list(import_kind kind)
{
    std::string out;
    for (const auto& k : detail::keys_of(kind))
        out += (out.empty() ? "" : ", ") + std::string(k.key);
    return out;
}

[[noreturn]] void bad(const std::string& message, const std::string& path)
{
    throw error(errc::invalid_argument, message, path);
}

// Exports keyed by name hold one column for both: the only pair of keys
// that may share a column.
bool may_share(const std::string& a, const std::string& b)
{
    return (a == "id" && b == "name") || (a == "name" && b == "id");
}

bool is_power_of_ten(std::uint64_t n)
{
    if (n == 0)
        return false;
    while (n % 10 == 0)
        n /= 10;
    return n == 1;
}

void validate_table(const table_mapping& t, const derive_rules& derive, const std::string& where)
{
    const std::string kind(to_string(t.kind));
    for (const auto& [key, column] : t.columns) {
        const std::string path = where + ".columns." + key;
        if (!detail::find_key(t.kind, key))
            bad("'" + key + "' is not a key of " + kind + " (" + key_list(t.kind) + ")", path);
        if (column.empty())
            bad("the column name is empty", path);
    }
    if (!t.attributes.empty() && t.kind != import_kind::accounts)
        bad("only accounts have attributes", where + ".attributes");
    for (const auto& [field, column] : t.attributes) {
        if (field.empty() || column.empty())
            bad("an attribute maps a field name to a column name, neither empty",
                where + ".attributes." + field);
        if (t.columns.count(field))
            bad("'" + field + "' is both a key and an attribute", where + ".attributes." + field);
    }
    // One column read as two keys is almost always a copied line left
    // unedited (an opening date read from the close date): refuse it.
    std::map<std::string_view, std::string> column_owner;
    const auto claim = [&](const std::string& column, const std::string& key, const std::string& path) {
        auto [it, fresh] = column_owner.emplace(column, key);
        if (!fresh && !may_share(it->second, key))
            bad("the column '" + column + "' is mapped twice, to '" + it->second + "' and to '" +
                    key + "'",
                path);
    };
    for (const auto& [key, column] : t.columns)
        claim(column, key, where + ".columns." + key);
    for (const auto& [field, column] : t.attributes)
        claim(column, field, where + ".attributes." + field);
    const auto mapped = [&](const std::string& key) {
        return t.columns.count(key) != 0 || t.attributes.count(key) != 0;
    };
    for (const auto& spec : detail::keys_of(t.kind))
        if (spec.required && !t.columns.count(spec.key) && !t.defaults.count(spec.key) &&
            !(t.kind == import_kind::accounts && spec.key == "owner" &&
              derive.owner != owner_rule::none))
            bad(kind + " need a column (or a default) for '" + std::string(spec.key) + "'",
                where + ".columns");
    for (const auto& [key, values] : t.values) {
        const std::string path = where + ".values." + key;
        if (!mapped(key))
            bad("'" + key + "' has values but no column", path);
        for (const auto& [from, to] : values) {
            if (!to || to->outcome.empty())
                continue;
            if (t.kind != import_kind::deals || key != "stage")
                bad("only a deal's stage can close it (outcome)", path + "." + from);
            if (to->outcome != "open" && to->outcome != "won" && to->outcome != "lost")
                bad("the outcome is open, won or lost, not '" + to->outcome + "'",
                    path + "." + from + ".outcome");
        }
    }
    for (const auto& [key, value] : t.defaults)
        if (!detail::find_key(t.kind, key) && !t.attributes.count(key))
            bad("'" + key + "' is not a key of " + kind + " nor a mapped attribute",
                where + ".defaults." + key);
    if (t.list_separator.empty())
        bad("the list separator is empty", where + ".list_separator");
    for (const auto& [key, factor] : t.scale) {
        const std::string path = where + ".scale." + key;
        if (!mapped(key))
            bad("'" + key + "' has a scale but no column", path);
        if (t.columns.count(key) && !detail::is_amount_key(t.kind, key))
            bad("only amounts and number attributes scale, not '" + key + "'", path);
        if (!is_power_of_ten(factor) || factor > 1'000'000'000'000'000ULL)
            bad("a scale is a power of ten from 1 to 10^15 (1000000 for millions)", path);
    }
}

const table_mapping* table_of_kind(const import_mapping& m, import_kind kind)
{
    for (const auto& t : m.tables)
        if (t.kind == kind)
            return &t;
    return nullptr;
}

// Each derived fact needs the columns it is derived from.
void validate_derive(const import_mapping& m)
{
    const derive_rules& d = m.derive;
    const table_mapping* deals = table_of_kind(m, import_kind::deals);
    const auto need_deals = [&](bool wanted, const char* what) {
        if (wanted && !deals)
            bad(std::string("deriving ") + what + " needs a deals table", std::string("derive.") + what);
    };
    need_deals(d.owner != owner_rule::none, "owner");
    need_deals(d.relationship, "relationship");
    need_deals(d.last_purchase, "last_purchase");
    need_deals(d.products, "products");
    need_deals(d.amount_from_list_price, "amount");
    need_deals(d.opened_on_as_of, "opened");
    need_deals(d.expected_close_days.has_value(), "expected_close_days");
    if (d.owner != owner_rule::none && !table_of_kind(m, import_kind::accounts))
        bad("deriving owners needs an accounts table", "derive.owner");
    const bool deal_products = deals && deals->columns.count("product");
    if (d.products && !deal_products)
        bad("deriving products needs the deals' product column (columns.product)", "derive.products");
    if (d.amount_from_list_price) {
        if (!deal_products)
            bad("pricing at list needs the deals' product column (columns.product)", "derive.amount");
        const table_mapping* products = table_of_kind(m, import_kind::products);
        if (!products || !products->columns.count("list_price"))
            bad("pricing at list needs a products table with a list_price column", "derive.amount");
    }
    if (d.expected_close_days && (*d.expected_close_days < 1 || *d.expected_close_days > 3650))
        bad("expected_close_days is from 1 to 3650", "derive.expected_close_days");
}

} // namespace

std::string_view to_string(import_kind k) noexcept
{
    return kind_names[static_cast<std::size_t>(k)];
}

std::optional<import_kind> import_kind_from_string(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < kind_names.size(); ++i)
        if (kind_names[i] == name)
            return static_cast<import_kind>(i);
    return std::nullopt;
}

void validate(const import_mapping& m)
{
    if (m.date_formats.empty())
        bad("at least one date format", "date_formats");
    for (std::size_t i = 0; i < m.date_formats.size(); ++i)
        if (auto why = detail::check_date_format(m.date_formats[i]))
            bad(*why, "date_formats[" + std::to_string(i) + "]");
    if (m.decimal_separator != '.' && m.decimal_separator != ',')
        bad("the decimal separator is '.' or ','", "decimal_separator");
    if (m.thousands_separator) {
        const char t = *m.thousands_separator;
        if (t == m.decimal_separator || (t >= '0' && t <= '9') || t == '-')
            bad("the thousands separator must differ from the decimal separator, digits and '-'",
                "thousands_separator");
    }
    if (m.tables.empty())
        bad("a mapping needs at least one table", "tables");
    for (std::size_t i = 0; i < m.tables.size(); ++i) {
        const std::string where = "tables[" + std::to_string(i) + "]";
        for (std::size_t k = 0; k < i; ++k)
            if (m.tables[k].kind == m.tables[i].kind)
                bad("a second table of " + std::string(to_string(m.tables[i].kind)),
                    where + ".kind");
        validate_table(m.tables[i], m.derive, where);
    }
    validate_derive(m);
    if (!(m.max_skipped_share >= 0.0 && m.max_skipped_share <= 1.0))
        bad("max_skipped_share is a share from 0 to 1", "max_skipped_share");
}

namespace {

using boost::json::array;
using boost::json::object;
using detail::document_reader;

std::string text_at(document_reader& in, const object& o, std::string_view key)
{
    auto k = in.key(key);
    return in.text(in.required(o, key));
}

char separator(document_reader& in, const boost::json::value& v)
{
    const std::string s = in.text(v);
    if (s.size() != 1)
        in.fail("a separator is one character", errc::invalid_argument);
    return s[0];
}

std::map<std::string, std::string, std::less<>> names(document_reader& in, const boost::json::value& v)
{
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& member : in.object(v)) {
        auto k = in.key(member.key());
        out.emplace(std::string(member.key()), in.text(member.value()));
    }
    return out;
}

value_map values_of(document_reader& in, const boost::json::value& v)
{
    value_map out;
    for (const auto& member : in.object(v)) {
        auto k = in.key(member.key());
        std::optional<mapped_value> to;
        if (member.value().is_string()) {
            to = mapped_value{in.text(member.value()), {}};
        } else if (member.value().is_object()) {
            const object& o = member.value().get_object();
            in.only_keys(o, {"value", "outcome"});
            mapped_value mv;
            mv.value = text_at(in, o, "value");
            if (const auto* oc = document_reader::optional(o, "outcome")) {
                auto ko = in.key("outcome");
                mv.outcome = in.text(*oc);
            }
            to = std::move(mv);
        } else if (!member.value().is_null()) {
            in.fail("a value maps to a string, an object {\"value\", \"outcome\"}, or null to "
                    "skip the row");
        }
        out.emplace(std::string(member.key()), std::move(to));
    }
    return out;
}

table_mapping table_of(document_reader& in, const boost::json::value& v)
{
    const object& o = in.object(v);
    in.only_keys(o, {"kind", "columns", "attributes", "values", "defaults", "list_separator", "scale"});
    table_mapping t;
    {
        auto k = in.key("kind");
        const std::string kind = in.text(in.required(o, "kind"));
        auto parsed = import_kind_from_string(kind);
        if (!parsed)
            in.fail("unknown kind '" + kind + "' (products, reps, accounts, deals, activities)");
        t.kind = *parsed;
    }
    {
        auto k = in.key("columns");
        t.columns = names(in, in.required(o, "columns"));
    }
    if (const auto* a = document_reader::optional(o, "attributes")) {
        auto k = in.key("attributes");
        t.attributes = names(in, *a);
    }
    if (const auto* vals = document_reader::optional(o, "values")) {
        auto k = in.key("values");
        for (const auto& member : in.object(*vals)) {
            auto km = in.key(member.key());
            t.values.emplace(std::string(member.key()), values_of(in, member.value()));
        }
    }
    if (const auto* d = document_reader::optional(o, "defaults")) {
        auto k = in.key("defaults");
        t.defaults = names(in, *d);
    }
    if (const auto* s = document_reader::optional(o, "list_separator")) {
        auto k = in.key("list_separator");
        t.list_separator = in.text(*s);
    }
    if (const auto* sc = document_reader::optional(o, "scale")) {
        auto k = in.key("scale");
        for (const auto& member : in.object(*sc)) {
            auto km = in.key(member.key());
            t.scale.emplace(std::string(member.key()),
                            static_cast<std::uint64_t>(in.integer(member.value(), 1, INT64_MAX)));
        }
    }
    return t;
}

derive_rules derive_of(document_reader& in, const boost::json::value& v)
{
    const object& o = in.object(v);
    in.only_keys(o, {"owner", "relationship", "last_purchase", "products", "amount", "opened",
                     "expected_close_days"});
    derive_rules d;
    if (const auto* x = document_reader::optional(o, "owner")) {
        auto k = in.key("owner");
        const std::string rule = in.text(*x);
        if (rule == "latest_deal")
            d.owner = owner_rule::latest_deal;
        else if (rule == "most_deals")
            d.owner = owner_rule::most_deals;
        else
            in.fail("unknown rule '" + rule + "' (latest_deal, most_deals)");
    }
    const auto flag = [&](const char* key, bool& out) {
        if (const auto* x = document_reader::optional(o, key)) {
            auto k = in.key(key);
            out = in.boolean(*x);
        }
    };
    flag("relationship", d.relationship);
    flag("last_purchase", d.last_purchase);
    flag("products", d.products);
    if (const auto* x = document_reader::optional(o, "amount")) {
        auto k = in.key("amount");
        if (in.text(*x) != "list_price")
            in.fail("the only rule for amounts is \"list_price\"");
        d.amount_from_list_price = true;
    }
    if (const auto* x = document_reader::optional(o, "opened")) {
        auto k = in.key("opened");
        if (in.text(*x) != "as_of")
            in.fail("the only rule for opening dates is \"as_of\"");
        d.opened_on_as_of = true;
    }
    if (const auto* x = document_reader::optional(o, "expected_close_days")) {
        auto k = in.key("expected_close_days");
        d.expected_close_days = static_cast<std::uint32_t>(in.integer(*x, 1, 3650));
    }
    return d;
}

import_mapping mapping_of(document_reader& in, const boost::json::value& doc)
{
    const object& root = in.object(doc);
    {
        // First, so that a plan given as a mapping is called what it is.
        auto k = in.key("format");
        if (in.text(in.required(root, "format")) != "kare-import-mapping")
            in.fail("this is not a kare import mapping: 'format' must be \"kare-import-mapping\"");
    }
    in.only_keys(root, {"format", "version", "name", "date_formats", "decimal_separator",
                        "thousands_separator", "unknown_owners", "tables", "derive",
                        "max_skipped_share", "after_as_of"});
    {
        auto k = in.key("version");
        if (in.integer(in.required(root, "version"), 0, INT32_MAX) != 1)
            in.fail("this library reads import mappings of version 1", errc::unsupported_version);
    }
    import_mapping m;
    if (const auto* n = document_reader::optional(root, "name")) {
        auto k = in.key("name");
        m.name = in.text(*n);
    }
    if (const auto* f = document_reader::optional(root, "date_formats")) {
        auto k = in.key("date_formats");
        m.date_formats.clear();
        const array& list = in.array(*f);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in.index(i);
            m.date_formats.push_back(in.text(list[i]));
        }
    }
    if (const auto* s = document_reader::optional(root, "decimal_separator")) {
        auto k = in.key("decimal_separator");
        m.decimal_separator = separator(in, *s);
    }
    if (const auto* s = document_reader::optional(root, "thousands_separator")) {
        auto k = in.key("thousands_separator");
        m.thousands_separator = separator(in, *s);
    }
    if (const auto* u = document_reader::optional(root, "unknown_owners")) {
        auto k = in.key("unknown_owners");
        const std::string policy = in.text(*u);
        if (policy == "skip")
            m.unknown_owners = unknown_owner_policy::skip;
        else if (policy == "add_rep")
            m.unknown_owners = unknown_owner_policy::add_rep;
        else
            in.fail("unknown policy '" + policy + "' (skip, add_rep)");
    }
    if (const auto* d = document_reader::optional(root, "derive")) {
        auto k = in.key("derive");
        m.derive = derive_of(in, *d);
    }
    if (const auto* s = document_reader::optional(root, "max_skipped_share")) {
        auto k = in.key("max_skipped_share");
        m.max_skipped_share = in.number(*s);
    }
    if (const auto* a = document_reader::optional(root, "after_as_of")) {
        auto k = in.key("after_as_of");
        const std::string policy = in.text(*a);
        if (policy == "refuse")
            m.after_as_of = after_as_of_policy::refuse;
        else if (policy == "leave_out")
            m.after_as_of = after_as_of_policy::leave_out;
        else
            in.fail("unknown policy '" + policy + "' (refuse, leave_out)");
    }
    auto k = in.key("tables");
    const array& list = in.array(in.required(root, "tables"));
    if (list.size() > 5)
        in.fail("at most five tables, one per kind");
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto ki = in.index(i);
        m.tables.push_back(table_of(in, list[i]));
    }
    return m;
}

} // namespace

import_mapping read_import_mapping(std::string_view json)
{
    json = detail::without_byte_order_mark(json);
    boost::json::parse_options options;
    options.max_depth = 16;
    boost::system::error_code ec;
    boost::json::monotonic_resource arena;
    detail::strict_parser parser(boost::json::storage_ptr(), options);
    parser.reset(&arena);
    // write() fails on trailing data and on a text that ends inside a value.
    const std::size_t consumed = parser.write(json.data(), json.size(), ec);
    if (ec && parser.found_duplicate())
        throw error(errc::invalid_argument,
                    "the key '" + detail::quoted(parser.duplicate_key()) +
                        "' is given twice in one object (a key appears at most once)",
                    parser.duplicate_path());
    if (ec)
        throw error(errc::parse_error, "the mapping is not well-formed JSON: " + ec.message(),
                    detail::line_and_column(json, consumed));
    const boost::json::value doc = parser.release();
    document_reader in(64 * 1024);
    import_mapping m;
    try {
        m = mapping_of(in, doc);
    } catch (const error& e) {
        // The reader speaks of plans; a mapping is an argument of the import.
        if (e.code() != errc::invalid_plan)
            throw;
        throw error(errc::invalid_argument, e.what(), e.path());
    }
    validate(m);
    return m;
}

} // namespace v1
} // namespace kare
