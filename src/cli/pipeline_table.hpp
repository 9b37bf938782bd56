// The pipeline report as text for a terminal.
#ifndef KARE_CLI_PIPELINE_TABLE_HPP
#define KARE_CLI_PIPELINE_TABLE_HPP

#include <kare/pipeline.hpp>

#include <string>

namespace kare::cli {

/// Totals per rep and per category (total, honest total, bloat), the states,
/// the closed deals, and the hope deals, largest first.
std::string render_pipeline_table(const pipeline_report& r);

/// "1234567.50" -> "1,234,567.50": amounts are read, not parsed.
std::string grouped(const std::string& decimal);

} // namespace kare::cli

#endif
