// The fast path of the JSON Lines reader. It accepts exactly what the plan
// reader accepts (src/json/plan_reader.cpp, src/core/account_rules.cpp) for
// the shapes it knows, and says "not sure" for the rest; the batch suite
// checks the two against each other on valid and broken lines.
#include "account_line_reader.hpp"
#include "../core/account_rules.hpp"
#include "../core/text_check.hpp"

#include <kare/error.hpp>

#include <cmath>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

constexpr std::size_t max_fast_products = 64; // beyond: the exact reader

// A number as the plan reader takes it: exact integers and finite doubles
// within 2^53.
bool exact_number(const boost::json::value& v, double& out) noexcept
{
    if (v.is_int64()) {
        const std::int64_t i = v.get_int64();
        if (i > 9007199254740992LL || i < -9007199254740992LL)
            return false;
        out = static_cast<double>(i);
        return true;
    }
    if (v.is_double()) {
        out = v.get_double();
        return std::isfinite(out) && std::fabs(out) <= max_exact_number;
    }
    return false;
}

} // namespace

field_table::field_table(const schema& fields, const compiled_profiles& compiled)
{
    choice_lists_.reserve(fields.fields().size());
    for (const field_def& f : fields.fields()) {
        entry e;
        e.def = &f;
        if (auto slot = compiled.slot_of(f.name))
            e.slot = static_cast<std::int32_t>(*slot);
        if (f.type == field_type::choice) {
            auto& list = choice_lists_.emplace_back();
            for (std::size_t i = 0; i < f.choices.size(); ++i)
                list.emplace(f.choices[i], static_cast<std::uint32_t>(i));
            e.choices = &list;
        }
        fields_.emplace(f.name, e);
    }
    if (auto slot = compiled.slot_of(relationship_field))
        relationship_slot_ = static_cast<std::int32_t>(*slot);
}

bool account_line_reader::text(const boost::json::value& v, std::string_view& out) const noexcept
{
    if (!v.is_string())
        return false;
    const auto& s = v.get_string();
    out = std::string_view(s.data(), s.size());
    return out.size() <= limits_.max_string_bytes;
}

bool account_line_reader::name(const boost::json::value& v, std::string_view& out) const noexcept
{
    return text(v, out) && !out.empty() && is_clean_name(out);
}

bool account_line_reader::products(const boost::json::value& v) const noexcept
{
    if (v.is_null())
        return true;
    if (!v.is_array() || v.get_array().size() > max_fast_products)
        return false;
    const auto& list = v.get_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string_view p;
        if (!name(list[i], p))
            return false;
        for (std::size_t j = 0; j < i; ++j)
            if (list[j].get_string() == p)
                return false;
    }
    return true;
}

bool account_line_reader::attributes(const boost::json::value& v,
                                     std::span<double> record) const noexcept
{
    if (v.is_null())
        return true;
    if (!v.is_object())
        return false;
    for (const auto& member : v.get_object()) {
        const field_table::entry* field = fields_.find(member.key());
        if (!field)
            return false;
        const boost::json::value& x = member.value();
        if (x.is_null())
            continue; // null means "no value"
        const field_def& def = *field->def;
        double code = 0;
        switch (def.type) {
        case field_type::number:
            if (!exact_number(x, code) || def.check(value(code)))
                return false;
            break;
        case field_type::boolean:
            if (!x.is_bool())
                return false;
            code = x.get_bool() ? 1.0 : 0.0;
            break;
        case field_type::date: {
            std::string_view s;
            if (!text(x, s))
                return false;
            const auto d = date::parse(s);
            if (!d)
                return false;
            code = static_cast<double>(d->days());
            break;
        }
        case field_type::choice: {
            std::string_view s;
            if (!text(x, s))
                return false;
            auto it = field->choices->find(s);
            if (it == field->choices->end())
                return false;
            code = static_cast<double>(it->second);
            break;
        }
        case field_type::text: {
            std::string_view s;
            if (!text(x, s))
                return false;
            if (field->slot >= 0)
                code = compiled_.encode_text(static_cast<std::size_t>(field->slot), s);
            break;
        }
        }
        if (field->slot >= 0)
            record[static_cast<std::size_t>(field->slot)] = code;
    }
    return true;
}

bool account_line_reader::history(const boost::json::array& list, placement decision)
{
    if (list.size() > limits_.max_history)
        return false;
    history_.resize(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_object())
            return false;
        const auto& o = list[i].get_object();
        move_record& m = history_[i];
        m.reason.clear();
        unsigned seen = 0;
        for (const auto& member : o) {
            const std::string_view k = member.key();
            std::string_view s;
            if (k == "reason") {
                if (member.value().is_null())
                    continue;
                if (!text(member.value(), s))
                    return false;
                m.reason.assign(s);
                continue;
            }
            if (!text(member.value(), s))
                return false;
            if (k == "date") {
                const auto d = date::parse(s);
                if (!d)
                    return false;
                m.on = *d;
                seen |= 1;
            } else if (k == "from" || k == "to") {
                const auto p = placement::from_name(s);
                if (!p)
                    return false;
                (k == "from" ? m.from : m.to) = *p;
                seen |= k == "from" ? 2 : 4;
            } else {
                return false;
            }
        }
        if (seen != 7)
            return false;
    }
    try {
        check_history(history_, decision, {});
    } catch (const error&) {
        return false;
    }
    return true;
}

bool account_line_reader::read(const boost::json::value& v, std::span<double> record,
                               line_account& out)
{
    if (!v.is_object())
        return false;
    for (double& x : record)
        x = compiled_profiles::missing();
    enum : unsigned { has_id = 1, has_name = 2, has_owner = 4, has_relationship = 8 };
    unsigned seen = 0;
    std::string_view fire_action;
    const boost::json::array* moves = nullptr;
    out.decision = placement();
    for (const auto& member : v.get_object()) {
        const std::string_view k = member.key();
        const boost::json::value& x = member.value();
        std::string_view s;
        if (k == "id") {
            if (!name(x, out.id))
                return false;
            seen |= has_id;
        } else if (k == "name") {
            if (!name(x, s))
                return false;
            seen |= has_name;
        } else if (k == "owner") {
            if (!name(x, s))
                return false;
            seen |= has_owner;
        } else if (k == "relationship") {
            const auto r = text(x, s) ? relationship_from_string(s) : std::nullopt;
            if (!r)
                return false;
            if (fields_.relationship_slot() >= 0)
                record[static_cast<std::size_t>(fields_.relationship_slot())] =
                    static_cast<double>(static_cast<unsigned>(*r));
            seen |= has_relationship;
        } else if (k == "products") {
            if (!products(x))
                return false;
        } else if (k == "attributes") {
            if (!attributes(x, record))
                return false;
        } else if (k == "placement") {
            if (x.is_null())
                continue;
            const auto p = text(x, s) ? placement::from_name(s) : std::nullopt;
            if (!p)
                return false;
            out.decision = *p;
        } else if (k == "fire_action") {
            if (x.is_null())
                continue;
            if (!text(x, fire_action) || !is_clean_prose(fire_action))
                return false;
        } else if (k == "history") {
            if (x.is_null())
                continue;
            if (!x.is_array())
                return false;
            moves = &x.get_array();
        } else {
            return false;
        }
    }
    if (seen != (has_id | has_name | has_owner | has_relationship))
        return false;
    const bool fired = out.decision.what() == placement::kind::fired;
    if (fired == fire_action.empty())
        return false;
    if (moves)
        return history(*moves, out.decision);
    return true;
}

} // namespace detail
} // namespace v1
} // namespace kare
