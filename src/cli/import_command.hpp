// kare import: CRM exports (CSV) into a plan document.
#ifndef KARE_CLI_IMPORT_COMMAND_HPP
#define KARE_CLI_IMPORT_COMMAND_HPP

#include "commands.hpp"

#include <iosfwd>

namespace kare::cli {

/// Reads the mapping (a file, or a built-in name), the CSV operands and the
/// `--into` plan, imports, then writes the plan (`-o` or standard output)
/// and the report: a summary on standard output, or standard error when the
/// plan goes there, and the JSON document to `--report`. Nothing is written
/// when the import fails.
int import_command(const arguments& args, std::ostream& out);

} // namespace kare::cli

#endif
