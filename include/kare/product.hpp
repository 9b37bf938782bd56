/// @file
/// @brief The product catalogue: what the organisation sells, so that what an
/// account does not buy (its whitespace) can be listed.
#ifndef KARE_PRODUCT_HPP
#define KARE_PRODUCT_HPP

#include <string>

namespace kare {
inline namespace v1 {

/// One product of the plan's catalogue.
struct product {
    std::string id;   ///< Stable id; accounts list it in `account::products`.
    std::string name; ///< Display name; may be empty.

    /// Equal when id and name are equal.
    friend bool operator==(const product&, const product&) = default;
};

} // namespace v1
} // namespace kare

#endif
