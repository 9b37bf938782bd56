/// @file
/// @brief The four KARE categories and where an account can stand in a plan.
#ifndef KARE_CATEGORY_HPP
#define KARE_CATEGORY_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kare {
inline namespace v1 {

/// A KARE category. Every planned account is in exactly one.
enum class category : std::uint8_t {
    keep = 0,      ///< Current clients to protect; the bulk of revenue.
    attain = 1,    ///< Prospects to win.
    recapture = 2, ///< Former clients to win back.
    expand = 3,    ///< The most treasured active clients to grow.
};

/// The categories in the method's own order: K, A, R, E.
inline constexpr std::array<category, 4> all_categories{
    category::keep, category::attain, category::recapture, category::expand};

/// Lower-case name: `"keep"`, `"attain"`, `"recapture"`, `"expand"`.
/// @param c a category
/// @return its name in plan documents and reports
constexpr std::string_view to_string(category c) noexcept
{
    constexpr std::array<std::string_view, 4> names{"keep", "attain", "recapture", "expand"};
    return names[static_cast<std::size_t>(c)];
}

/// Parses a lower-case category name; `std::nullopt` for anything else.
/// @param name a name from a document or a command line
/// @return the category, or `std::nullopt`
constexpr std::optional<category> category_from_string(std::string_view name) noexcept
{
    for (category c : all_categories)
        if (to_string(c) == name)
            return c;
    return std::nullopt;
}

/// Where an account stands in the plan, as decided by a person or by the
/// engine.
///
/// Besides the four categories an account can be *fired* (the organisation
/// ends the relationship, or disqualifies a prospect: an action outside the
/// plan) or *unassigned*. `open` exists only as an explicit decision: "no
/// decision taken, let the profiles decide".
class placement {
public:
    /// The kind of placement.
    enum class kind : std::uint8_t {
        open,       ///< No explicit decision: the profiles decide.
        assigned,   ///< In one KARE category.
        fired,      ///< Out of the plan by decision.
        unassigned, ///< Deliberately not (yet) in any category.
    };

    /// Open: no decision.
    constexpr placement() noexcept = default;
    /// In category `c`.
    /// @param c the category
    /// @return the placement
    static constexpr placement in(category c) noexcept { return placement(kind::assigned, c); }
    /// Fired.
    /// @return the placement
    static constexpr placement fired() noexcept { return placement(kind::fired, category::keep); }
    /// Explicitly unassigned.
    /// @return the placement
    static constexpr placement unassigned() noexcept { return placement(kind::unassigned, category::keep); }

    /// The kind.
    /// @return open, assigned, fired or unassigned
    constexpr kind what() const noexcept { return kind_; }
    /// True when in a category.
    /// @return whether `what()` is `kind::assigned`
    constexpr bool is_assigned() const noexcept { return kind_ == kind::assigned; }
    /// The category; meaningful only when `is_assigned()`.
    /// @return the category it is assigned to
    constexpr category cat() const noexcept { return cat_; }

    /// One token: `open`, `keep`, `attain`, `recapture`, `expand`, `fired` or
    /// `unassigned`.
    /// @return the token, as plan documents write it
    constexpr std::string_view name() const noexcept
    {
        switch (kind_) {
        case kind::open: return "open";
        case kind::assigned: return to_string(cat_);
        case kind::fired: return "fired";
        case kind::unassigned: return "unassigned";
        }
        return "open";
    }

    /// Parses a token written by `name()`.
    /// @param token a token from a plan document
    /// @return the placement, or `std::nullopt` for an unknown token
    static constexpr std::optional<placement> from_name(std::string_view token) noexcept
    {
        if (token == "open") return placement();
        if (token == "fired") return fired();
        if (token == "unassigned") return unassigned();
        if (auto c = category_from_string(token)) return in(*c);
        return std::nullopt;
    }

    /// Equal when kind and (for assigned placements) category are equal.
    /// @param a a placement
    /// @param b another
    /// @return whether they are the same placement
    friend constexpr bool operator==(placement a, placement b) noexcept
    {
        return a.kind_ == b.kind_ && (a.kind_ != kind::assigned || a.cat_ == b.cat_);
    }

private:
    constexpr placement(kind k, category c) noexcept : kind_(k), cat_(c) {}
    kind kind_ = kind::open;
    category cat_ = category::keep;
};

} // namespace v1
} // namespace kare

#endif
