// The C codes of C++ values that several entry points hand out.
#ifndef KARE_CAPI_CODES_HPP
#define KARE_CAPI_CODES_HPP

#include <kare/kare.h>

#include <kare/category.hpp>

#include <cstdint>

namespace kare::capi {

/// The KARE_PLACEMENT_ code of a placement.
inline std::int32_t placement_code(kare::placement p) noexcept
{
    switch (p.what()) {
    case kare::placement::kind::assigned: return static_cast<std::int32_t>(p.cat());
    case kare::placement::kind::fired: return KARE_PLACEMENT_FIRED;
    case kare::placement::kind::unassigned: return KARE_PLACEMENT_UNASSIGNED;
    case kare::placement::kind::open: return KARE_PLACEMENT_OPEN;
    }
    return KARE_PLACEMENT_OPEN;
}

} // namespace kare::capi

#endif
