#include "word_list.hpp"

namespace kare {
inline namespace v1 {

std::string detail::joined(const std::vector<std::string>& items, std::string_view last)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += i + 1 == items.size() ? last : std::string_view(", ");
        out += items[i];
    }
    return out;
}

} // namespace v1
} // namespace kare
