// Reading a whole input file with its size bounded before any byte is read:
// the I/O adapter shared by the kare tool and the C API.
#ifndef KARE_IO_READ_FILE_HPP
#define KARE_IO_READ_FILE_HPP

#include <cstddef>
#include <string>

namespace kare::io {

/// The bytes of the regular file at `path`, at most `max_bytes` of them.
/// The size is checked with `fstat` before reading, and at most
/// `max_bytes + 1` bytes are ever read (a file growing meanwhile is caught too).
/// @throws kare::error `io_error` when the file cannot be opened or read, or is
///         not a regular file (a folder, a device, a pipe), naming `path` with the
///         system's reason; `limit_exceeded` when it holds more than `max_bytes`.
std::string read_file(const std::string& path, std::size_t max_bytes);

} // namespace kare::io

#endif
