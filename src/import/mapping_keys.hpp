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
    static constexpr key_spec products[] = {{"id", true}, {"name", false}};
    static constexpr key_spec accounts[] = {{"id", true},           {"name", true},
                                            {"owner", true},        {"relationship", false},
                                            {"products", false}};
    static constexpr key_spec deals[] = {
        {"id", true},          {"account", true},         {"owner", false},
        {"amount", true},      {"stage", true},           {"opened", true},
        {"expected_close", true}, {"last_activity", false}, {"closed_on", false},
        {"lost_reason", false}};
    static constexpr key_spec activities[] = {
        {"date", true}, {"rep", true}, {"account", true}, {"activity", true}, {"note", false}};
    switch (kind) {
    case import_kind::products: return products;
    case import_kind::accounts: return accounts;
    case import_kind::deals: return deals;
    case import_kind::activities: return activities;
    }
    return {};
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
