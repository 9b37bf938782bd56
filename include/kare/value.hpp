/// @file
/// @brief Typed attribute values and the field schema they are checked against.
#ifndef KARE_VALUE_HPP
#define KARE_VALUE_HPP

#include <kare/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kare {
inline namespace v1 {

/// The type of an attribute field.
enum class field_type : std::uint8_t {
    number,  ///< A finite number (scores, counts, revenue figures).
    boolean, ///< true or false.
    text,    ///< Free text.
    choice,  ///< One value out of a declared set.
    date,    ///< A calendar date.
};

/// `"number"`, `"boolean"`, `"text"`, `"choice"` or `"date"`.
/// @param t a field type
/// @return its name in plan documents
std::string_view to_string(field_type t) noexcept;
/// Parses a name written by `to_string(field_type)`.
/// @param name a name from a plan document
/// @return the type, or `std::nullopt` for an unknown name
std::optional<field_type> field_type_from_string(std::string_view name) noexcept;

/// An attribute value. Choice values are held as their text.
///
/// Numbers are doubles restricted to the range where doubles are exact
/// integers (|x| <= 2^53) and to finite values; money never lives here (deals
/// carry their own decimal amounts).
using value = std::variant<double, bool, std::string, kare::date>;

/// The field type a value naturally has (`text` for strings).
/// @param v a value
/// @return `number`, `boolean`, `text` or `date`; never `choice`
field_type type_of(const value& v) noexcept;

/// The value as a person reads it: `12.5`, `true`, `high`, `2026-03-01`.
/// @param v a value
/// @return its text, numbers without trailing zeros
std::string to_display(const value& v);

/// The largest magnitude a number may have: beyond it doubles skip integers.
inline constexpr double max_exact_number = 9007199254740992.0;

/// A declared attribute field.
struct field_def {
    std::string name;                 ///< Key used in `attributes` and criteria.
    field_type type = field_type::text; ///< What values it holds.
    std::optional<double> min;        ///< Inclusive lower bound (numbers only).
    std::optional<double> max;        ///< Inclusive upper bound (numbers only).
    std::vector<std::string> choices; ///< Allowed values (choice only), in order.
    std::string description;          ///< What the field means, for people.
    bool standard = false;            ///< Predeclared by kare, not by the organisation.

    /// Why `v` is not a valid value of this field, or `std::nullopt` if it is.
    /// @param v a value for this field
    /// @return the reason, as a sentence, or `std::nullopt`
    std::optional<std::string> check(const value& v) const;
};

/// The attribute fields a plan knows: kare's standard fields plus the
/// organisation's own.
class schema {
public:
    /// A schema holding only the standard fields.
    /// @return kare's standard fields (docs/profiles.md)
    static schema standard();

    /// The field named `name`, or null. Valid until the schema changes.
    /// @param name a field name
    /// @return the field, owned by the schema, or null
    const field_def* find(std::string_view name) const noexcept;

    /// Adds an organisation field.
    /// @throws error `conflict` when the name is taken, `invalid_argument`
    /// when the definition is inconsistent (bounds on a non-number, a choice
    /// field without choices, min above max, a reserved name).
    /// @param field the definition; its name must be new to the schema
    void declare(field_def field);

    /// Every field, standard ones first, in declaration order.
    /// @return the fields, owned by the schema
    const std::vector<field_def>& fields() const noexcept { return fields_; }

private:
    std::vector<field_def> fields_;
};

/// The pseudo-field criteria use to test an account's relationship; its
/// values are `prospect`, `client` and `former_client`.
inline constexpr std::string_view relationship_field = "relationship";

} // namespace v1
} // namespace kare

#endif
