#include "read_file.hpp"
#include "system_error.hpp"

#include <kare/error.hpp>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kare::io {

namespace {

// Closes on every path out of read_file.
struct descriptor {
    int fd;
    explicit descriptor(int d) : fd(d) {}
    descriptor(descriptor&& other) noexcept : fd(std::exchange(other.fd, -1)) {}
    descriptor(const descriptor&) = delete;
    descriptor& operator=(const descriptor&) = delete;
    descriptor& operator=(descriptor&&) = delete;
    ~descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
    int release() noexcept { return std::exchange(fd, -1); }
};

std::string kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISFIFO(mode))
        return "a pipe";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

[[noreturn]] void too_large(const std::string& path, std::size_t max_bytes)
{
    throw error(errc::limit_exceeded,
                "'" + path + "' is larger than " + std::to_string(max_bytes) + " bytes");
}

// The regular file at `path`, open, no larger than `max_bytes` now.
descriptor open_regular(const std::string& path, std::size_t max_bytes, struct stat& info)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (file.fd < 0)
        throw system_failure("cannot open '" + path + "'", errno);
    if (::fstat(file.fd, &info) != 0)
        throw system_failure("cannot read '" + path + "'", errno);
    if (!S_ISREG(info.st_mode))
        throw error(errc::io_error, "cannot read '" + path + "': it is " + kind_of(info.st_mode) +
                                        ", not a regular file");
    if (static_cast<unsigned long long>(info.st_size) > max_bytes)
        too_large(path, max_bytes);
    return file;
}

} // namespace

std::string read_file(const std::string& path, std::size_t max_bytes)
{
    struct stat info {};
    const descriptor file = open_regular(path, max_bytes, info);

    std::string bytes;
    bytes.resize(static_cast<std::size_t>(info.st_size) + 1); // +1: to see growth
    std::size_t filled = 0;
    for (;;) {
        if (filled == bytes.size()) {
            if (bytes.size() > max_bytes)
                too_large(path, max_bytes);
            bytes.resize(std::min<std::size_t>(max_bytes + 1, bytes.size() * 2 + 4096));
        }
        const ssize_t n = ::read(file.fd, bytes.data() + filled, bytes.size() - filled);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw system_failure("cannot read '" + path + "'", errno);
        }
        if (n == 0)
            break;
        filled += static_cast<std::size_t>(n);
    }
    if (filled > max_bytes)
        too_large(path, max_bytes);
    bytes.resize(filled);
    return bytes;
}

input_file::input_file(const std::string& path, std::size_t max_bytes)
    : fd_([&] {
          struct stat info {};
          return open_regular(path, max_bytes, info).release();
      }()),
      chunks_(fd_, path), stream_(&chunks_)
{
    // A failed read reaches the reader as the error it is, not as an early end.
    stream_.exceptions(std::ios::badbit);
}

input_file::~input_file()
{
    ::close(fd_);
}

input_file::chunks::int_type input_file::chunks::underflow()
{
    if (gptr() < egptr())
        return traits_type::to_int_type(*gptr());
    for (;;) {
        const ssize_t n = ::read(fd_, buffer_, sizeof buffer_);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw system_failure("cannot read '" + path_ + "'", errno);
        if (n == 0)
            return traits_type::eof();
        setg(buffer_, buffer_, buffer_ + n);
        return traits_type::to_int_type(*gptr());
    }
}

} // namespace kare::io
