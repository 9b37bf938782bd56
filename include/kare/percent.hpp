/// @file
/// @brief The one rounding rule for the whole percentages kare shows
/// (docs/cookbook.md, "Effort mix").
#ifndef KARE_PERCENT_HPP
#define KARE_PERCENT_HPP

#include <cstdint>

namespace kare {
inline namespace v1 {

/// `part` as a whole percentage of `whole`, rounded to the nearest whole
/// percent with halves rounded up (15 of 57 is 26.3%, shown 26; 1 of 8 is
/// 12.5%, shown 13), the rule `ratio::to_decimal` follows too. Every
/// percentage a finding, a table or a page shows goes through it, so one
/// figure is never printed two ways. 0 when `whole` is not above 0 or
/// `part` is negative; `part` is at most `INT64_MAX / 200`.
/// @param part the share counted
/// @param whole what it is a share of
/// @return the whole percentage
constexpr std::int64_t whole_percent(std::int64_t part, std::int64_t whole) noexcept
{
    if (whole <= 0 || part < 0)
        return 0;
    // Halves up: compare twice the remainder with the whole, in integers.
    const std::int64_t scaled = part * 100;
    return scaled / whole + (2 * (scaled % whole) >= whole ? 1 : 0);
}

} // namespace v1
} // namespace kare

#endif
