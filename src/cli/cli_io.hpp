// What the subcommands share at the edge of the tool: reading files,
// writing output, and the "as of" date (the tool may read the clock; the
// library never does).
#ifndef KARE_CLI_IO_HPP
#define KARE_CLI_IO_HPP

#include "commands.hpp"

#include <kare/date.hpp>

#include <filesystem>
#include <iosfwd>
#include <string>

namespace kare::cli {

/// The bytes of the file at `path`. @throws kare::error `io_error`.
std::string read_file(const std::string& path);

/// A file written beside its destination and moved into place by
/// `commit`, so that a failure anywhere before leaves the old file (or no
/// file) rather than half a new one, even when it replaces an input.
class staged_file {
public:
    /// Writes `text` to a temporary file next to `path`.
    /// @throws kare::error `io_error` naming `path`.
    staged_file(std::string path, const std::string& text);
    /// Removes the temporary file unless committed.
    ~staged_file();
    staged_file(const staged_file&) = delete;
    staged_file& operator=(const staged_file&) = delete;

    /// Renames the temporary file to the destination. @throws kare::error `io_error`.
    void commit();

private:
    std::string path_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

/// Writes `text` to the file named by `--output` (through a `staged_file`),
/// else to `out`. @throws kare::error `io_error`.
void emit(const arguments& args, std::ostream& out, const std::string& text);

/// `--as-of`, else today's date from the system clock.
/// @throws kare::error `invalid_argument` for a malformed date.
date as_of(const arguments& args);

} // namespace kare::cli

#endif
