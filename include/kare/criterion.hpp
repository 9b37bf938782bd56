/// @file
/// @brief Criteria over account attributes: comparisons, set membership,
/// ranges, presence and all/any/none groups.
#ifndef KARE_CRITERION_HPP
#define KARE_CRITERION_HPP

#include <kare/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// The operation of one criterion.
enum class criterion_op : std::uint8_t {
    eq,      ///< field equals the operand
    ne,      ///< field is present and differs from the operand
    lt,      ///< field < operand (numbers, dates, ordered choices)
    le,      ///< field <= operand
    gt,      ///< field > operand
    ge,      ///< field >= operand
    in,      ///< field is one of the operands
    not_in,  ///< field is present and none of the operands
    between, ///< operands[0] <= field <= operands[1]
    present, ///< the account has a value for the field
    absent,  ///< the account has no value for the field
    all_of,  ///< every child holds (an empty group holds)
    any_of,  ///< at least one child holds
    none_of, ///< no child holds
};

/// The JSON key of an operation: `eq`, `ne`, `lt`, …, `all`, `any`, `none`.
/// @param op an operation
/// @return its key in plan documents
std::string_view to_string(criterion_op op) noexcept;

/// True for the group operations.
/// @param op an operation
/// @return whether criteria of `op` hold children rather than test a field
constexpr bool is_group(criterion_op op) noexcept
{
    return op == criterion_op::all_of || op == criterion_op::any_of || op == criterion_op::none_of;
}

/// One criterion: a leaf test on a field, or a group of criteria.
///
/// Leaves other than `absent` do not hold when the account has no value for
/// the field: a missing fact is never evidence. Comparisons on choice fields
/// use the declared order of the choices (`low < medium < high`).
struct criterion {
    criterion_op op = criterion_op::all_of; ///< What the criterion tests.
    std::string field;                      ///< Field tested (leaves only).
    std::vector<value> operands;            ///< Values compared against (leaves only).
    std::vector<criterion> children;        ///< Members (groups only).
    std::string label;                      ///< Optional name shown in explanations.

    /// A leaf with one operand.
    /// @param field the field tested
    /// @param op a comparison: `eq`, `ne`, `lt`, `le`, `gt` or `ge`
    /// @param operand the value the field is compared with
    /// @return the leaf
    static criterion compare(std::string field, criterion_op op, value operand);
    /// `field in {values…}`.
    /// @param field the field tested
    /// @param values the values it may hold
    /// @return the `in` leaf
    static criterion one_of(std::string field, std::vector<value> values);
    /// `low <= field <= high`.
    /// @param field the field tested
    /// @param low the lowest value that holds
    /// @param high the highest value that holds
    /// @return the `between` leaf
    static criterion range(std::string field, value low, value high);
    /// `present` or `absent`.
    /// @param field the field tested
    /// @param present true for `present`, false for `absent`
    /// @return the leaf
    static criterion presence(std::string field, bool present);
    /// A group.
    /// @param op `all_of`, `any_of` or `none_of`
    /// @param children the members
    /// @return the group
    static criterion group(criterion_op op, std::vector<criterion> children);

    /// Equal when every member is equal.
    friend bool operator==(const criterion&, const criterion&) = default;
};

/// The criterion in words, e.g. `growth_potential in {medium, high}` or
/// `all of 3 criteria`. Uses the label when there is one.
/// @param c the criterion
/// @return one line of text
std::string describe(const criterion& c);

/// How many nodes the criterion tree has (itself included).
/// @param c the criterion
/// @return 1 for a leaf; for a group, 1 plus its children's counts
std::size_t node_count(const criterion& c) noexcept;

} // namespace v1
} // namespace kare

#endif
