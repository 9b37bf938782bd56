// The progress report as text for a terminal.
#ifndef KARE_CLI_PROGRESS_TABLE_HPP
#define KARE_CLI_PROGRESS_TABLE_HPP

#include <kare/progress.hpp>

#include <string>

namespace kare::cli {

/// Per rep: each cookbook target's current period (done, expected to date,
/// target, status) with its trend, the per-account targets not yet met, the
/// effort mix against intent, and the effort findings.
std::string render_progress_table(const progress_report& r);

} // namespace kare::cli

#endif
