// What the subcommands share at the edge of the tool: reading files,
// writing output, and the "as of" date (the tool may read the clock; the
// library never does).
#ifndef KARE_CLI_IO_HPP
#define KARE_CLI_IO_HPP

#include "commands.hpp"

#include <kare/date.hpp>

#include "../io/atomic_file.hpp"

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace kare::cli {

/// The bytes of the regular file at `path`, at most the default
/// `read_limits::max_document_bytes`.
/// @throws kare::error `io_error`, `limit_exceeded`.
std::string read_file(const std::string& path);

/// Files written whole or not at all (see src/io/atomic_file.hpp).
using io::staged_file;
using io::staged_stream;

/// Writes `text` to `out` and flushes it.
/// @throws kare::error `io_error` with the system's reason when a byte is lost.
void write_out(std::ostream& out, std::string_view text);

/// Writes `text` to the file named by `--output` (through a `staged_file`),
/// else to `out` (see `write_out`). @throws kare::error `io_error`.
void emit(const arguments& args, std::ostream& out, const std::string& text);

/// As `emit`, but the text goes as `stream` produces it, never held whole:
/// to the file of `--output` through a `staged_stream` (renamed over its
/// destination only once complete; an error, from the writer or the disk,
/// leaves the destination untouched), else to `out`.
/// @throws kare::error `io_error`, or whatever `stream` throws.
void emit_streamed(const arguments& args, std::ostream& out,
                   const std::function<void(std::ostream&)>& stream);

/// Flushes `out` after a streamed writer.
/// @throws kare::error `io_error` with the system's reason when a byte was lost.
void finish_out(std::ostream& out);

/// `--as-of`, else today's date from the system clock.
/// @throws usage_error for a malformed date.
date as_of(const arguments& args);

} // namespace kare::cli

#endif
