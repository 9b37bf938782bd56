// The keys a table of each kind maps (docs/import.md, "Keys").
#ifndef KARE_SRC_MAPPING_KEYS_HPP
#define KARE_SRC_MAPPING_KEYS_HPP

#include <kare/import.hpp>

#include <span>
#include <string_view>

namespace kare {
inline namespace v1 {
namespace detail {

struct key_spec {
    std::string_view key;
    bool required; // needs a column or a default
};

inline std::span<const key_spec> keys_of(import_kind kind) noexcept
{
    static constexpr key_spec products[] = {{"id", true}, {"name", false}, {"list_price", false}};
    static constexpr key_spec accounts[] = {{"id", true},           {"name", true},
                                            {"owner", true},        {"relationship", false},
                                            {"products", false}};
    static constexpr key_spec deals[] = {
        {"id", true},          {"account", true},         {"owner", false},
        {"amount", true},      {"stage", true},           {"opened", true},
        {"expected_close", true}, {"last_activity", false}, {"closed_on", false},
        {"lost_reason", false},   {"product", false},         {"evidence", false},
        {"next_step", false}};
    static constexpr key_spec activities[] = {
        {"date", true}, {"rep", true}, {"account", true}, {"activity", true}, {"note", false}};
    static constexpr key_spec reps[] = {
        {"id", true}, {"name", false}, {"manager", false}, {"team", false}, {"style", false}};
    switch (kind) {
    case import_kind::reps: return reps;
    case import_kind::products: return products;
    case import_kind::accounts: return accounts;
    case import_kind::deals: return deals;
    case import_kind::activities: return activities;
    }
    return {};
}

// The order files are applied in: each kind refers to the kinds before it.
inline int apply_order(import_kind kind) noexcept
{
    switch (kind) {
    case import_kind::products: return 0;
    case import_kind::reps: return 1;
    case import_kind::accounts: return 2;
    case import_kind::deals: return 3;
    case import_kind::activities: return 4;
    }
    return 5;
}

// Keys whose cells are amounts, which `scale` may multiply.
inline bool is_amount_key(import_kind kind, std::string_view key) noexcept
{
    return (kind == import_kind::deals && key == "amount") ||
           (kind == import_kind::products && key == "list_price");
}

inline const key_spec* find_key(import_kind kind, std::string_view key) noexcept
{
    for (const key_spec& k : keys_of(kind))
        if (k.key == key)
            return &k;
    return nullptr;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
