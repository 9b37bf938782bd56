// Text columns for the tool's terminal tables.
#ifndef KARE_CLI_COLUMNS_HPP
#define KARE_CLI_COLUMNS_HPP

#include <kare/pipeline.hpp>

#include <cstddef>
#include <string>

namespace kare::cli {

/// `s` in a column `width` wide, so that columns never run together: text
/// takes at most `width - 1` columns and is cut with an ellipsis past that;
/// a figure (`right`) is filled on the left and never cut, a long one
/// gets a single leading space instead. Control and bidi control
/// characters are escaped first (`escape_terminal`).
std::string pad(const std::string& s, std::size_t width, bool right = false);

/// The hope share of an open pipeline as a percentage to one decimal
/// (`"73.2%"`), or `"-"` when there is no open pipeline.
std::string bloat_percent(const pipeline_totals& t);

} // namespace kare::cli

#endif
