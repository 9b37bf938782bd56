/// @file
/// @brief Reps: the sellers who own accounts.
#ifndef KARE_REP_HPP
#define KARE_REP_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {

/// How a rep sells best.
enum class rep_style : std::uint8_t {
    hunter, ///< Wins new business: belongs on Attain.
    farmer, ///< Grows existing business: belongs on Keep and Expand.
    both,   ///< Either.
};

/// `"hunter"`, `"farmer"` or `"both"`.
/// @param s a style
/// @return its name in plan documents
std::string_view to_string(rep_style s) noexcept;
/// Parses a name written by `to_string(rep_style)`.
/// @param name a name from a plan document
/// @return the style, or `std::nullopt` for an unknown name
std::optional<rep_style> rep_style_from_string(std::string_view name) noexcept;

/// A seller.
struct rep {
    std::string id;                 ///< Unique within a plan; accounts name it as owner.
    std::string name;               ///< Display name.
    rep_style style = rep_style::both; ///< Hunter, farmer or both.
    std::string manager{}; ///< Who the rep reports to, by name; may be empty.
    std::string team{};    ///< The team or regional office; may be empty.

    /// Equal when every member is equal.
    friend bool operator==(const rep&, const rep&) = default;
};

} // namespace v1
} // namespace kare

#endif
