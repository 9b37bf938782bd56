// Text columns for the tool's terminal tables.
#ifndef KARE_CLI_COLUMNS_HPP
#define KARE_CLI_COLUMNS_HPP

#include <cstddef>
#include <string>

namespace kare::cli {

/// `s` filled with spaces to `width` (on the left when `right`); never cut.
std::string pad(const std::string& s, std::size_t width, bool right = false);

} // namespace kare::cli

#endif
