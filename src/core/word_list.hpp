// Lists in sentences: "a, b and c".
#ifndef KARE_SRC_WORD_LIST_HPP
#define KARE_SRC_WORD_LIST_HPP

#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// `a, b and c`, or with another last separator (`a, b or c`).
std::string joined(const std::vector<std::string>& items, std::string_view last = " and ");

} // namespace detail
} // namespace v1
} // namespace kare

#endif
