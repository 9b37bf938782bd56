// Reading one CSV cell as a date, a number, an amount or a boolean, the
// way a mapping says the CRM writes them.
#ifndef KARE_SRC_CELLS_HPP
#define KARE_SRC_CELLS_HPP

#include <kare/date.hpp>
#include <kare/money.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// `text` without leading and trailing spaces and tabs.
std::string_view trimmed(std::string_view text) noexcept;

/// Why `format` is not a usable date format, or nothing when it is.
std::optional<std::string> check_date_format(std::string_view format);

/// The date `text` holds under `format`, or nothing when it does not match.
std::optional<date> parse_date(std::string_view text, std::string_view format) noexcept;

/// The date under the first of `formats` that matches.
std::optional<date> parse_date(std::string_view text, const std::vector<std::string>& formats) noexcept;

/// `text` as a plain decimal (`-1234.5`): an optional minus, digits grouped
/// by `thousands` if given, and `decimal` before the fraction; nothing for
/// anything else (currency signs, exponents, spaces inside).
std::optional<std::string> plain_decimal(std::string_view text, char decimal,
                                         std::optional<char> thousands);

/// `true`/`false`, `yes`/`no`, `1`/`0`, in any case.
std::optional<bool> parse_boolean(std::string_view text) noexcept;

/// A rep id made from a person's name: `Maya Chen` -> `maya-chen`; other
/// bytes than ASCII letters and digits become single dashes, non-ASCII
/// letters are kept.
std::string slug(std::string_view name);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
