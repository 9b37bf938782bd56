#include "field_lookup.hpp"

#include <kare/error.hpp>
#include <kare/profile.hpp>
#include <kare/value.hpp>

#include <string>

namespace kare {
inline namespace v1 {

namespace detail {
const field_def& relationship_field_def()
{
    static const field_def def = [] {
        field_def f;
        f.name = std::string(relationship_field);
        f.type = field_type::choice;
        f.choices = {"prospect", "client", "former_client"};
        f.description = "The account's relationship with the organisation.";
        f.standard = true;
        return f;
    }();
    return def;
}
} // namespace detail

namespace {

value text(const char* s) { return value(std::string(s)); }

criterion is(const char* field, const char* choice)
{
    return criterion::compare(field, criterion_op::eq, text(choice));
}

criterion one_of(const char* field, std::initializer_list<const char*> choices)
{
    std::vector<value> values;
    for (const char* c : choices)
        values.push_back(text(c));
    return criterion::one_of(field, std::move(values));
}

criterion all(std::vector<criterion> children)
{
    return criterion::group(criterion_op::all_of, std::move(children));
}

// Position of a choice in its field's declared order, for lt/le/gt/ge.
bool ordered(field_type t) noexcept
{
    return t == field_type::number || t == field_type::date || t == field_type::choice;
}

void validate_criterion(const criterion& c, const schema& fields, const location& path)
{
    if (is_group(c.op)) {
        if (!c.field.empty() || !c.operands.empty())
            throw error(errc::invalid_plan, "a group takes criteria, not a field", path);
        if (c.children.empty())
            throw error(errc::invalid_plan,
                        "the group '" + std::string(to_string(c.op)) + "' is empty", path);
        for (std::size_t i = 0; i < c.children.size(); ++i)
            validate_criterion(c.children[i], fields,
                               path.item(to_string(c.op), i));
        return;
    }
    if (!c.children.empty())
        throw error(errc::invalid_plan, "a field criterion cannot hold criteria", path);
    const field_def* field = detail::lookup_field(fields, c.field);
    if (!field)
        throw error(errc::invalid_plan, "unknown field '" + c.field + "'", path.key("field"));

    std::size_t want_min = 1, want_max = 1;
    switch (c.op) {
    case criterion_op::present:
    case criterion_op::absent: want_min = want_max = 0; break;
    case criterion_op::in:
    case criterion_op::not_in: want_max = SIZE_MAX; break;
    case criterion_op::between: want_min = want_max = 2; break;
    default: break;
    }
    const location op_path = path.key(to_string(c.op));
    if (c.operands.size() < want_min || c.operands.size() > want_max)
        throw error(errc::invalid_plan,
                    "'" + std::string(to_string(c.op)) + "' takes " +
                        (want_min == want_max ? std::to_string(want_min)
                                              : "at least " + std::to_string(want_min)) +
                        (want_max == 1 ? " value" : " values"),
                    op_path);
    const bool comparison = c.op == criterion_op::lt || c.op == criterion_op::le ||
                            c.op == criterion_op::gt || c.op == criterion_op::ge ||
                            c.op == criterion_op::between;
    if (comparison && !ordered(field->type))
        throw error(errc::invalid_plan,
                    "'" + c.field + "' is a " + std::string(to_string(field->type)) +
                        " field and has no order",
                    op_path);
    for (std::size_t i = 0; i < c.operands.size(); ++i) {
        // Bounds constrain accounts, not the thresholds criteria compare against.
        field_def unbounded = *field;
        unbounded.min.reset();
        unbounded.max.reset();
        if (auto why = unbounded.check(c.operands[i]))
            throw error(errc::invalid_plan, "'" + c.field + "': " + *why,
                        c.operands.size() == 1 && c.op != criterion_op::in &&
                                c.op != criterion_op::not_in
                            ? op_path
                            : op_path.at(i));
    }
}

} // namespace

std::string_view to_string(tie_break::mode m) noexcept
{
    return m == tie_break::mode::none ? "none" : "category_order";
}

profile_set profile_set::defaults()
{
    profile_set set;
    auto put = [&](category c, std::string description, criterion rule) {
        set.profiles[static_cast<std::size_t>(c)] = profile{std::move(description), std::move(rule)};
    };
    put(category::keep,
        "Current clients to protect: low or medium growth potential, low risk.",
        all({is("relationship", "client"), one_of("growth_potential", {"low", "medium"}),
             is("risk", "low")}));
    put(category::attain,
        "Prospects to win: not yet a client, low risk, high growth potential.",
        all({is("relationship", "prospect"), is("risk", "low"), is("growth_potential", "high")}));
    put(category::recapture,
        "Former clients worth winning back: growth potential, strategic value or "
        "decision makers who still favour us.",
        all({is("relationship", "former_client"),
             criterion::group(criterion_op::any_of,
                              {one_of("growth_potential", {"medium", "high"}),
                               is("strategic_value", "high"),
                               criterion::compare("favourable_decision_makers", criterion_op::eq,
                                                  value(true))})}));
    put(category::expand,
        "The most treasured clients to grow: high growth potential, most profitable.",
        all({is("relationship", "client"), is("growth_potential", "high"),
             is("profitability", "high")}));
    set.fire_rules.push_back(fire_rule{
        "unprofitable_risky_client", "end_relationship",
        "A client with low profitability and high risk costs more than it brings.",
        all({is("relationship", "client"), is("profitability", "low"), is("risk", "high")})});
    set.fire_rules.push_back(fire_rule{
        "poor_fit_prospect", "disqualify",
        "A prospect with low growth potential and high risk does not fit the business.",
        all({is("relationship", "prospect"), is("growth_potential", "low"), is("risk", "high")})});
    return set;
}

void validate(const profile_set& set, const schema& fields)
{
    for (category c : all_categories)
        if (const profile* p = set.find(c))
            validate_criterion(p->rule, fields,
                               location().key("profiles").key(to_string(c)).key("rule"));
    for (std::size_t i = 0; i < set.fire_rules.size(); ++i) {
        const auto& rule = set.fire_rules[i];
        const location path = location().key("profiles").item("fire", i, rule.id);
        if (rule.id.empty())
            throw error(errc::invalid_plan, "a fire rule needs an id", path.key("id"));
        if (rule.action.empty())
            throw error(errc::invalid_plan, "a fire rule needs an action", path.key("action"));
        for (std::size_t j = 0; j < i; ++j)
            if (set.fire_rules[j].id == rule.id)
                throw error(errc::invalid_plan, "the fire rule id '" + rule.id + "' is used twice",
                            path.key("id"));
        validate_criterion(rule.rule, fields, path.key("rule"));
    }
    for (std::size_t i = 0; i < set.ties.order.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (set.ties.order[i] == set.ties.order[j])
                throw error(errc::invalid_plan,
                            "the tie-break order names '" +
                                std::string(to_string(set.ties.order[i])) + "' twice",
                            location().key("profiles").key("tie_break").item("order", i));
}

} // namespace v1
} // namespace kare
