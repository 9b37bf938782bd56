// Reading a whole input file with its size bounded before any byte is read:
// the I/O adapter shared by the kare tool and the C API.
#ifndef KARE_IO_READ_FILE_HPP
#define KARE_IO_READ_FILE_HPP

#include <cstddef>
#include <istream>
#include <streambuf>
#include <string>
#include <utility>

namespace kare::io {

/// The bytes of the regular file at `path`, at most `max_bytes` of them.
/// The size is checked with `fstat` before reading, and at most
/// `max_bytes + 1` bytes are ever read (a file growing meanwhile is caught too).
/// @throws kare::error `io_error` when the file cannot be opened or read, or is
///         not a regular file (a folder, a device, a pipe), naming `path` with the
///         system's reason; `limit_exceeded` when it holds more than `max_bytes`.
std::string read_file(const std::string& path, std::size_t max_bytes);

/// The regular file at `path` opened for reading, checked as `read_file`
/// checks it before any byte is read; its bytes are then read as a stream, a
/// chunk at a time, so that a reader can stop at the first byte it refuses.
/// A read error is thrown from the stream's reads as `io_error`.
class input_file {
public:
    /// @throws kare::error as `read_file` does, before reading.
    input_file(const std::string& path, std::size_t max_bytes);
    input_file(const input_file&) = delete;
    input_file& operator=(const input_file&) = delete;
    ~input_file();

    std::istream& stream() noexcept { return stream_; }

private:
    class chunks : public std::streambuf {
    public:
        chunks(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

    protected:
        int_type underflow() override;

    private:
        int fd_;
        std::string path_;
        char buffer_[64 * 1024];
    };

    int fd_;
    chunks chunks_;
    std::istream stream_;
};

} // namespace kare::io

#endif
