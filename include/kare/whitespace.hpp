/// @file
/// @brief Whitespace: per client account, the catalogue's products it buys
/// and does not buy, and the portfolio heat map (accounts × products).
///
/// An Expand account *has a heat map* when the plan declares a product
/// catalogue and the account's products are recorded (at least one); the
/// review reports those that have none (`account.no_heat_map`).
#ifndef KARE_WHITESPACE_HPP
#define KARE_WHITESPACE_HPP

#include <kare/category.hpp>
#include <kare/product.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// One account's row of the heat map.
struct heat_map_row {
    std::string id;                      ///< Account id.
    std::string name;                    ///< Account name.
    std::string owner;                   ///< Owning rep.
    category cat = category::keep;       ///< Keep or Expand.
    std::vector<bool> bought;            ///< Per catalogue product, in catalogue order.
    std::vector<std::string> whitespace; ///< Catalogue products it does not buy, in catalogue order.
    bool recorded = false;               ///< What it buys is recorded (at least one product): it has a heat map.

    /// Equal when every member is equal.
    friend bool operator==(const heat_map_row&, const heat_map_row&) = default;
};

/// The portfolio heat map.
struct heat_map {
    std::vector<product> products;     ///< The catalogue (the columns); empty when the plan has none.
    std::vector<heat_map_row> rows;    ///< Expand accounts, then Keep accounts, each in plan order.
    std::vector<std::size_t> buyers;   ///< Per product, how many rows buy it.

    /// Equal when every member is equal.
    friend bool operator==(const heat_map&, const heat_map&) = default;
};

/// The heat map of the Expand and Keep accounts (current placement) of
/// `rep`, or of every rep when empty. Without a catalogue it has no columns
/// and no rows: whitespace is measured against what the organisation sells.
/// @throws error `not_found` when `rep` names no rep of the plan.
/// @param p the plan with the catalogue and the accounts
/// @param rep a rep's id, or empty for every rep
/// @return the catalogue, one row per Expand or Keep account, and each product's buyers
heat_map make_heat_map(const plan& p, std::string_view rep = {});

} // namespace v1
} // namespace kare

#endif
