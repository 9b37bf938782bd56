#include "columns.hpp"

namespace kare::cli {

std::string pad(const std::string& s, std::size_t width, bool right)
{
    if (s.size() >= width)
        return s;
    const std::string fill(width - s.size(), ' ');
    return right ? fill + s : s + fill;
}

} // namespace kare::cli
