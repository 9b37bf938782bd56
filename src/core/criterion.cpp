#include <kare/criterion.hpp>

#include <array>

namespace kare {
inline namespace v1 {

namespace {
constexpr std::array<std::string_view, 14> op_names{
    "eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "between", "present", "absent",
    "all", "any", "none"};
constexpr std::array<std::string_view, 6> op_symbols{"=", "!=", "<", "<=", ">", ">="};

std::string list(const std::vector<value>& values)
{
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + to_display(values[i]);
    return out + "}";
}
} // namespace

std::string_view to_string(criterion_op op) noexcept
{
    return op_names[static_cast<std::size_t>(op)];
}

criterion criterion::compare(std::string field, criterion_op op, value operand)
{
    criterion c;
    c.op = op;
    c.field = std::move(field);
    c.operands.push_back(std::move(operand));
    return c;
}

criterion criterion::one_of(std::string field, std::vector<value> values)
{
    criterion c;
    c.op = criterion_op::in;
    c.field = std::move(field);
    c.operands = std::move(values);
    return c;
}

criterion criterion::range(std::string field, value low, value high)
{
    criterion c;
    c.op = criterion_op::between;
    c.field = std::move(field);
    c.operands = {std::move(low), std::move(high)};
    return c;
}

criterion criterion::presence(std::string field, bool present)
{
    criterion c;
    c.op = present ? criterion_op::present : criterion_op::absent;
    c.field = std::move(field);
    return c;
}

criterion criterion::group(criterion_op op, std::vector<criterion> children)
{
    criterion c;
    c.op = op;
    c.children = std::move(children);
    return c;
}

std::string describe(const criterion& c)
{
    if (!c.label.empty())
        return c.label;
    const auto op = static_cast<std::size_t>(c.op);
    switch (c.op) {
    case criterion_op::eq:
    case criterion_op::ne:
    case criterion_op::lt:
    case criterion_op::le:
    case criterion_op::gt:
    case criterion_op::ge:
        return c.field + " " + std::string(op_symbols[op]) + " " +
               (c.operands.empty() ? std::string("?") : to_display(c.operands.front()));
    case criterion_op::in: return c.field + " in " + list(c.operands);
    case criterion_op::not_in: return c.field + " not in " + list(c.operands);
    case criterion_op::between:
        if (c.operands.size() == 2)
            return c.field + " between " + to_display(c.operands[0]) + " and " +
                   to_display(c.operands[1]);
        return c.field + " between ?";
    case criterion_op::present: return c.field + " is present";
    case criterion_op::absent: return c.field + " is absent";
    case criterion_op::all_of:
        return "all of " + std::to_string(c.children.size()) + " criteria";
    case criterion_op::any_of:
        return "any of " + std::to_string(c.children.size()) + " criteria";
    case criterion_op::none_of:
        return "none of " + std::to_string(c.children.size()) + " criteria";
    }
    return {};
}

std::size_t node_count(const criterion& c) noexcept
{
    std::size_t n = 1;
    for (const auto& child : c.children)
        n += node_count(child);
    return n;
}

} // namespace v1
} // namespace kare
