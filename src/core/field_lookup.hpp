// Field resolution shared by validation and evaluation: the schema's fields
// plus the `relationship` pseudo-field, which reads the account itself.
#ifndef KARE_SRC_FIELD_LOOKUP_HPP
#define KARE_SRC_FIELD_LOOKUP_HPP

#include <kare/account.hpp>
#include <kare/value.hpp>

namespace kare {
inline namespace v1 {
namespace detail {

/// The definition of the `relationship` pseudo-field.
const field_def& relationship_field_def();

/// The field a criterion may name: a schema field or `relationship`.
inline const field_def* lookup_field(const schema& fields, std::string_view name) noexcept
{
    if (name == relationship_field)
        return &relationship_field_def();
    return fields.find(name);
}

/// The account's value for `field`, or null when it has none.
inline const value* field_value(const account& a, std::string_view field, value& scratch)
{
    if (field == relationship_field) {
        scratch = std::string(to_string(a.relationship));
        return &scratch;
    }
    auto it = a.attributes.find(field);
    return it == a.attributes.end() ? nullptr : &it->second;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
