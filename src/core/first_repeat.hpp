// Finding the first value listed twice, in linear time: lists in documents
// can be long (a choice field of 200,000 values), and a pairwise check would
// be quadratic.
#ifndef KARE_SRC_FIRST_REPEAT_HPP
#define KARE_SRC_FIRST_REPEAT_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// The position of the first item equal to an earlier one, or nullopt.
inline std::optional<std::size_t> first_repeat(const std::vector<std::string>& items)
{
    // Short lists (the usual case) are cheaper to compare pairwise than to hash.
    constexpr std::size_t pairwise_limit = 16;
    if (items.size() <= pairwise_limit) {
        for (std::size_t i = 1; i < items.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (items[i] == items[j])
                    return i;
        return std::nullopt;
    }
    std::unordered_set<std::string_view> seen;
    seen.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!seen.insert(items[i]).second)
            return i;
    return std::nullopt;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
