// kare_read_options as the readers' limits: the plan document's, a batch's
// and an import's. A member left 0 keeps the default.
#ifndef KARE_CAPI_READ_OPTIONS_HPP
#define KARE_CAPI_READ_OPTIONS_HPP

#include "firewall.hpp"

#include <kare/import.hpp>
#include <kare/json.hpp>

#include <algorithm>
#include <cstdint>

namespace kare::capi {

inline void set_limit(std::size_t& limit, std::uint64_t value)
{
    if (value != 0)
        limit = static_cast<std::size_t>(std::min<std::uint64_t>(value, SIZE_MAX));
}

/// The bounds of a plan document (and of each line of a batch).
inline kare::read_limits limits_arg(const kare_read_options* options)
{
    kare::read_limits limits;
    if (options == nullptr)
        return limits;
    check_options_version(options->version, KARE_READ_OPTIONS_VERSION, "options");
    set_limit(limits.max_depth, options->max_depth);
    set_limit(limits.max_document_bytes, options->max_document_bytes);
    set_limit(limits.max_string_bytes, options->max_string_bytes);
    set_limit(limits.max_accounts, options->max_accounts);
    set_limit(limits.max_deals, options->max_deals);
    set_limit(limits.max_activities, options->max_activities);
    return limits;
}

/// The bounds of an import: each file's bytes and fields, and the plan made.
inline kare::import_limits import_limits_arg(const kare_read_options* options)
{
    kare::import_limits limits;
    if (options == nullptr)
        return limits;
    check_options_version(options->version, KARE_READ_OPTIONS_VERSION, "options");
    set_limit(limits.csv.max_bytes, options->max_document_bytes);
    set_limit(limits.csv.max_field_bytes, options->max_string_bytes);
    set_limit(limits.max_accounts, options->max_accounts);
    set_limit(limits.max_deals, options->max_deals);
    set_limit(limits.max_activities, options->max_activities);
    return limits;
}

} // namespace kare::capi

#endif
