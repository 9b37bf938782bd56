// The fast path of the JSON Lines reader: a Boost.JSON SAX handler that
// checks an account as it is parsed and writes its record. It accepts
// exactly what the plan reader accepts (src/json/plan_reader.cpp,
// src/core/account_rules.cpp) for the shapes it knows, and says "not sure"
// for everything else; the batch suite checks the two against each other on
// valid and broken lines.
#include "account_line_reader.hpp"
#include "../core/account_rules.hpp"
#include "../core/text_check.hpp"

#include <kare/error.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <cmath>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

std::vector<std::pair<std::string_view, field_table::entry>>
field_entries(const schema& fields, const compiled_profiles& compiled,
              std::vector<std::unique_ptr<name_table<std::uint32_t>>>& choice_lists)
{
    std::vector<std::pair<std::string_view, field_table::entry>> out;
    for (const field_def& f : fields.fields()) {
        field_table::entry e;
        e.index = static_cast<std::uint32_t>(out.size());
        e.def = &f;
        if (auto slot = compiled.slot_of(f.name))
            e.slot = static_cast<std::int32_t>(*slot);
        if (f.type == field_type::choice) {
            std::vector<std::pair<std::string_view, std::uint32_t>> choices;
            for (std::size_t i = 0; i < f.choices.size(); ++i)
                choices.emplace_back(f.choices[i], static_cast<std::uint32_t>(i));
            choice_lists.push_back(std::make_unique<name_table<std::uint32_t>>(choices));
            e.choices = choice_lists.back().get();
        }
        out.emplace_back(f.name, e);
    }
    return out;
}

constexpr std::size_t max_fast_products = 64; // beyond: the exact reader

} // namespace

// The handler's members use these: outside the anonymous namespace, so that
// the handler does not depend on types local to this file's translation unit.

// The account's keys; they all differ in length, so one comparison finds one.
enum class top_key : std::uint8_t {
    id, name, owner, relationship, products, attributes, placement, fire_action, history, none
};

top_key top_key_of(std::string_view k) noexcept
{
    switch (k.size()) {
    case 2: return k == "id" ? top_key::id : top_key::none;
    case 4: return k == "name" ? top_key::name : top_key::none;
    case 5: return k == "owner" ? top_key::owner : top_key::none;
    case 7: return k == "history" ? top_key::history : top_key::none;
    case 8: return k == "products" ? top_key::products : top_key::none;
    case 9: return k == "placement" ? top_key::placement : top_key::none;
    case 10: return k == "attributes" ? top_key::attributes : top_key::none;
    case 11: return k == "fire_action" ? top_key::fire_action : top_key::none;
    case 12: return k == "relationship" ? top_key::relationship : top_key::none;
    default: return top_key::none;
    }
}

enum class move_key : std::uint8_t { date, from, to, reason, none };

namespace {

move_key move_key_of(std::string_view k) noexcept
{
    if (k == "date") return move_key::date;
    if (k == "from") return move_key::from;
    if (k == "to") return move_key::to;
    if (k == "reason") return move_key::reason;
    return move_key::none;
}

} // namespace

field_table::field_table(const schema& fields, const compiled_profiles& compiled)
    : fields_(field_entries(fields, compiled, choice_lists_)), size_(fields.fields().size())
{
    if (auto slot = compiled.slot_of(relationship_field))
        relationship_slot_ = static_cast<std::int32_t>(*slot);
}

// Every callback returns false to stop at the first thing it is not sure
// of; the parse then fails and the exact reader takes the line.
struct account_line_reader::sax_handler {
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);

    sax_handler(const field_table& f, const compiled_profiles& c, const read_limits& l)
        : fields(f), compiled(c), limits(l), seen_fields(f.size(), 0)
    {
    }

    const field_table& fields;
    const compiled_profiles& compiled;
    const read_limits& limits;

    // Where the parser is.
    enum class place : std::uint8_t { outside, account, attributes, products, history, move };
    place at = place::outside;
    top_key key = top_key::none;
    const field_table::entry* field = nullptr; // the attribute being read
    move_key current_move_key = move_key::none;
    std::string pieces; // a string or key that arrives in parts

    // What it found.
    std::span<double> record;
    std::string id;
    placement decision;
    bool has_fire_action = false;
    unsigned top_seen = 0; // bit per top_key
    unsigned move_seen = 0;
    std::size_t moves = 0;
    std::size_t product_count = 0;
    std::vector<std::string> products;   // reused, for the duplicate check
    std::vector<move_record> history;    // reused
    std::vector<std::uint32_t> seen_fields; // line stamp per field: duplicates
    std::uint32_t line_stamp = 0;

    void start(std::span<double> r) noexcept
    {
        record = r;
        for (double& x : record)
            x = compiled_profiles::missing();
        at = place::outside;
        decision = placement();
        has_fire_action = false;
        top_seen = 0;
        moves = 0;
        product_count = 0;
        pieces.clear();
        if (++line_stamp == 0) { // wrapped: forget every stamp
            std::fill(seen_fields.begin(), seen_fields.end(), 0);
            line_stamp = 1;
        }
    }

    // The account as a whole, once its object has closed.
    bool finish()
    {
        constexpr unsigned required =
            (1U << static_cast<unsigned>(top_key::id)) | (1U << static_cast<unsigned>(top_key::name)) |
            (1U << static_cast<unsigned>(top_key::owner)) |
            (1U << static_cast<unsigned>(top_key::relationship));
        if ((top_seen & required) != required)
            return false;
        if ((decision.what() == placement::kind::fired) != has_fire_action)
            return false;
        if ((top_seen & (1U << static_cast<unsigned>(top_key::history))) == 0)
            return true;
        history.resize(moves);
        try {
            check_history(history, decision, {});
        } catch (const error&) {
            return false;
        }
        return true;
    }

    bool text_ok(std::string_view s) const noexcept { return s.size() <= limits.max_string_bytes; }
    bool name_ok(std::string_view s) const noexcept
    {
        return text_ok(s) && !s.empty() && is_clean_name(s);
    }

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return at == place::outside; }

    bool on_object_begin(boost::system::error_code&)
    {
        if (at == place::outside) {
            at = place::account;
            return true;
        }
        if (at == place::account && key == top_key::attributes) {
            at = place::attributes;
            return true;
        }
        if (at == place::history) {
            if (moves == history.size())
                history.emplace_back();
            history[moves].reason.clear();
            move_seen = 0;
            at = place::move;
            return true;
        }
        return false;
    }

    bool on_object_end(std::size_t, boost::system::error_code&)
    {
        switch (at) {
        case place::account: at = place::outside; return finish();
        case place::attributes: at = place::account; return true;
        case place::move:
            // date, from and to are required; reason is not.
            if ((move_seen & 0b0111U) != 0b0111U || ++moves > limits.max_history)
                return false;
            at = place::history;
            return true;
        default: return false;
        }
    }

    bool on_array_begin(boost::system::error_code&)
    {
        if (at != place::account)
            return false;
        if (key == top_key::products) {
            at = place::products;
            return true;
        }
        if (key == top_key::history) {
            at = place::history;
            return true;
        }
        return false;
    }

    bool on_array_end(std::size_t, boost::system::error_code&)
    {
        if (at != place::products && at != place::history)
            return false;
        at = place::account;
        return true;
    }

    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&)
    {
        pieces.append(s.data(), s.size());
        return true;
    }

    bool on_key(boost::json::string_view part, std::size_t, boost::system::error_code&)
    {
        std::string_view k(part.data(), part.size());
        if (!pieces.empty()) {
            pieces.append(k);
            k = pieces;
        }
        bool ok = false;
        switch (at) {
        case place::account: {
            key = top_key_of(k);
            const unsigned bit = 1U << static_cast<unsigned>(key);
            // A repeated key: the JSON tree keeps the last one; let the exact reader.
            ok = key != top_key::none && (top_seen & bit) == 0;
            top_seen |= bit;
            break;
        }
        case place::attributes:
            field = fields.find(k);
            ok = field && seen_fields[field->index] != line_stamp;
            if (ok)
                seen_fields[field->index] = line_stamp;
            break;
        case place::move: {
            current_move_key = move_key_of(k);
            const unsigned bit = 1U << static_cast<unsigned>(current_move_key);
            ok = current_move_key != move_key::none && (move_seen & bit) == 0;
            move_seen |= bit;
            break;
        }
        default: break;
        }
        pieces.clear();
        return ok;
    }

    bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&)
    {
        pieces.append(s.data(), s.size());
        return pieces.size() <= limits.max_string_bytes;
    }

    bool on_string(boost::json::string_view part, std::size_t, boost::system::error_code&)
    {
        std::string_view s(part.data(), part.size());
        if (!pieces.empty()) {
            pieces.append(s);
            s = pieces;
        }
        const bool ok = string_value(s);
        pieces.clear();
        return ok;
    }

    bool string_value(std::string_view s)
    {
        switch (at) {
        case place::account:
            switch (key) {
            case top_key::id:
                if (!text_ok(s) || !is_clean_id(s))
                    return false;
                id.assign(s);
                return true;
            case top_key::name:
            case top_key::owner: return name_ok(s);
            case top_key::relationship: {
                const auto r = text_ok(s) ? relationship_from_string(s) : std::nullopt;
                if (!r)
                    return false;
                if (fields.relationship_slot() >= 0)
                    record[static_cast<std::size_t>(fields.relationship_slot())] =
                        static_cast<double>(static_cast<unsigned>(*r));
                return true;
            }
            case top_key::placement: {
                const auto p = text_ok(s) ? placement::from_name(s) : std::nullopt;
                if (!p)
                    return false;
                decision = *p;
                return true;
            }
            case top_key::fire_action:
                has_fire_action = !s.empty();
                return text_ok(s) && is_clean_prose(s);
            default: return false;
            }
        case place::attributes: return attribute_text(s);
        case place::products: {
            if (!name_ok(s) || product_count == max_fast_products)
                return false;
            for (std::size_t i = 0; i < product_count; ++i)
                if (same_text(products[i], s))
                    return false;
            if (product_count == products.size())
                products.emplace_back();
            products[product_count++].assign(s);
            return true;
        }
        case place::move: {
            if (!text_ok(s) || moves >= limits.max_history)
                return false;
            move_record& m = history[moves];
            switch (current_move_key) {
            case move_key::date: {
                const auto d = date::parse(s);
                if (!d)
                    return false;
                m.on = *d;
                return true;
            }
            case move_key::from:
            case move_key::to: {
                const auto p = placement::from_name(s);
                if (!p)
                    return false;
                (current_move_key == move_key::from ? m.from : m.to) = *p;
                return true;
            }
            case move_key::reason: m.reason.assign(s); return true;
            default: return false;
            }
        }
        default: return false;
        }
    }

    bool attribute_text(std::string_view s)
    {
        if (!text_ok(s))
            return false;
        const field_def& def = *field->def;
        double code = 0;
        switch (def.type) {
        case field_type::date: {
            const auto d = date::parse(s);
            if (!d)
                return false;
            code = static_cast<double>(d->days());
            break;
        }
        case field_type::choice: {
            const std::uint32_t* position = field->choices->find(s);
            if (!position)
                return false;
            code = static_cast<double>(*position);
            break;
        }
        case field_type::text:
            if (field->slot >= 0)
                code = compiled.encode_text(static_cast<std::size_t>(field->slot), s);
            break;
        default: return false;
        }
        store(code);
        return true;
    }

    void store(double code) noexcept
    {
        if (field->slot >= 0)
            record[static_cast<std::size_t>(field->slot)] = code;
    }

    // A number as the plan reader takes it: finite, within 2^53, within bounds.
    bool number(double d)
    {
        if (at != place::attributes || field->def->type != field_type::number ||
            !std::isfinite(d) || std::fabs(d) > max_exact_number || field->def->check(value(d)))
            return false;
        store(d);
        return true;
    }

    bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t i, boost::json::string_view, boost::system::error_code&)
    {
        return i <= 9007199254740992LL && i >= -9007199254740992LL && number(static_cast<double>(i));
    }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code&)
    {
        return false; // past 2^63: an error the exact reader words
    }
    bool on_double(double d, boost::json::string_view, boost::system::error_code&)
    {
        return number(d);
    }

    bool on_bool(bool b, boost::system::error_code&)
    {
        if (at != place::attributes || field->def->type != field_type::boolean)
            return false;
        store(b ? 1.0 : 0.0);
        return true;
    }

    bool on_null(boost::system::error_code&)
    {
        switch (at) {
        case place::attributes: return true; // no value
        case place::move: return current_move_key == move_key::reason;
        case place::account:
            // Optional members may be null; required ones may not.
            return key == top_key::products || key == top_key::attributes ||
                   key == top_key::placement || key == top_key::fire_action ||
                   key == top_key::history;
        default: return false;
        }
    }

    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return false; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return false; }
};

struct account_line_reader::parser : boost::json::basic_parser<sax_handler> {
    parser(const boost::json::parse_options& options, const field_table& f,
           const compiled_profiles& c, const read_limits& l)
        : boost::json::basic_parser<sax_handler>(options, f, c, l)
    {
    }
};

namespace {
boost::json::parse_options options_of(const read_limits& limits)
{
    boost::json::parse_options o;
    o.max_depth = limits.max_depth;
    return o;
}
} // namespace

account_line_reader::account_line_reader(const field_table& fields,
                                         const compiled_profiles& compiled,
                                         const read_limits& limits)
    : parser_(std::make_unique<parser>(options_of(limits), fields, compiled, limits))
{
}

account_line_reader::~account_line_reader() = default;

bool account_line_reader::read(std::string_view line, std::span<double> record, line_account& out)
{
    sax_handler& h = parser_->handler();
    h.start(record);
    parser_->reset();
    boost::system::error_code ec;
    const std::size_t used = parser_->write_some(false, line.data(), line.size(), ec);
    if (ec || used != line.size())
        return false;
    out.id = h.id;
    out.decision = h.decision;
    return true;
}

} // namespace detail
} // namespace v1
} // namespace kare
