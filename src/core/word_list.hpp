// Lists in sentences: "a, b and c".
#ifndef KARE_SRC_WORD_LIST_HPP
#define KARE_SRC_WORD_LIST_HPP

#include <kare/category.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// `a, b and c`, or with another last separator (`a, b or c`).
std::string joined(const std::vector<std::string>& items, std::string_view last = " and ");

/// A category as a sentence names it: `Keep`, `Attain`.
inline std::string category_title(category c)
{
    std::string name(to_string(c));
    name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
