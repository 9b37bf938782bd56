#include "atomic_file.hpp"
#include "system_error.hpp"

#include <kare/error.hpp>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <fcntl.h>
#include <random>
#include <streambuf>
#include <vector>
#include <sys/stat.h>
#include <unistd.h>

namespace kare::io {

namespace {

std::string folder_of(const std::string& path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// The file a destination names once symlinks are followed: the link is kept
// and its real file replaced. A dangling link names where its file will be.
std::string real_target(const std::string& path)
{
    std::string target = path;
    for (int hops = 0;; ++hops) {
        struct stat info {};
        if (::lstat(target.c_str(), &info) != 0 || !S_ISLNK(info.st_mode))
            return target;
        if (hops == 40)
            throw system_failure("cannot write '" + path + "'", ELOOP);
        std::string link(PATH_MAX, '\0');
        const ssize_t n = ::readlink(target.c_str(), link.data(), link.size());
        if (n < 0)
            throw system_failure("cannot write '" + path + "'", errno);
        link.resize(static_cast<std::size_t>(n));
        target = link.front() == '/' ? link : folder_of(target) + "/" + link;
    }
}

void write_all(int fd, std::string_view text, const std::string& path)
{
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw system_failure("cannot write '" + path + "'", errno);
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

// A name nobody else holds, created with O_EXCL: never an existing file,
// never through a symlink.
int create_exclusive(const std::string& target, std::string& temp, const std::string& path)
{
    std::random_device entropy;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const unsigned long long tag = (static_cast<unsigned long long>(entropy()) << 32) ^ entropy();
        char suffix[32];
        std::snprintf(suffix, sizeof suffix, ".kare-tmp-%016llx", tag);
        temp = target + suffix;
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0)
            return fd;
        if (errno != EEXIST)
            throw system_failure("cannot write '" + path + "'", errno);
    }
    throw system_failure("cannot write '" + path + "'", EEXIST);
}

void sync_folder(const std::string& folder, const std::string& path)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        throw system_failure("cannot sync the folder of '" + path + "'", errno);
    // Some file systems cannot sync a folder (EINVAL): the rename is all they offer.
    const int synced = ::fsync(fd);
    const int reason = errno;
    ::close(fd);
    if (synced != 0 && reason != EINVAL)
        throw system_failure("cannot sync the folder of '" + path + "'", reason);
}

// Creates the temporary file beside `path`'s real file, with the
// destination's permission bits when it exists. Returns the descriptor.
int open_staged(const std::string& path, std::string& target, std::string& temp)
{
    if (path.empty() || path.back() == '/')
        throw error(errc::io_error, "cannot write '" + path + "': it does not name a file");
    target = real_target(path);
    const int fd = create_exclusive(target, temp, path);
    try {
        struct stat existing {};
        if (::stat(target.c_str(), &existing) == 0) {
            if (S_ISDIR(existing.st_mode))
                throw system_failure("cannot write '" + path + "'", EISDIR);
            if (::fchmod(fd, existing.st_mode & 07777) != 0)
                throw system_failure("cannot write '" + path + "'", errno);
        }
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    return fd;
}

// Syncs and closes a staged file's descriptor; removes the file on failure.
void close_staged(int fd, const std::string& temp, const std::string& path)
{
    if (::fsync(fd) != 0) {
        const int reason = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        throw system_failure("cannot write '" + path + "'", reason);
    }
    if (::close(fd) != 0) {
        const int reason = errno;
        ::unlink(temp.c_str());
        throw system_failure("cannot write '" + path + "'", reason);
    }
}

constexpr std::size_t staged_buffer_bytes = std::size_t{1} << 16;

} // namespace

staged_file::staged_file(std::string path, std::string_view text) : path_(std::move(path))
{
    const int fd = open_staged(path_, target_, temp_);
    try {
        write_all(fd, text, path_);
    } catch (...) {
        ::close(fd);
        ::unlink(temp_.c_str());
        throw;
    }
    close_staged(fd, temp_, path_);
}

staged_file::~staged_file()
{
    if (!committed_)
        ::unlink(temp_.c_str());
}

void staged_file::commit()
{
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
        throw system_failure("cannot write '" + path_ + "'", errno); // the destructor removes temp_
    committed_ = true;
    sync_folder(folder_of(target_), path_);
}

// Writes to the descriptor in blocks of 64 KB; the first failed write is
// remembered (its errno) and fails every later one, so the stream goes bad.
class staged_stream::buffer : public std::streambuf {
public:
    explicit buffer(int fd) : fd_(fd), block_(staged_buffer_bytes)
    {
        setp(block_.data(), block_.data() + block_.size());
    }
    buffer(const buffer&) = delete;
    buffer& operator=(const buffer&) = delete;
    ~buffer() override
    {
        if (fd_ >= 0)
            ::close(fd_);
    }

    int fd() const noexcept { return fd_; }
    int failure() const noexcept { return failure_; }
    void closed() noexcept { fd_ = -1; }

protected:
    int_type overflow(int_type c) override
    {
        if (!drain())
            return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() noexcept
    {
        std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        while (failure_ == 0 && !pending.empty()) {
            const ssize_t n = ::write(fd_, pending.data(), pending.size());
            if (n < 0) {
                if (errno != EINTR)
                    failure_ = errno;
                continue;
            }
            pending.remove_prefix(static_cast<std::size_t>(n));
        }
        setp(block_.data(), block_.data() + block_.size());
        return failure_ == 0;
    }

    int fd_;
    int failure_ = 0;
    std::vector<char> block_;
};

staged_stream::staged_stream(std::string path) : path_(std::move(path)), stream_(nullptr)
{
    const int fd = open_staged(path_, target_, temp_);
    try {
        buffer_ = std::make_unique<buffer>(fd);
    } catch (...) {
        ::close(fd);
        ::unlink(temp_.c_str());
        throw;
    }
    stream_.rdbuf(buffer_.get());
}

staged_stream::~staged_stream()
{
    stream_.rdbuf(nullptr);
    buffer_.reset(); // closes the file, if commit did not
    if (!committed_)
        ::unlink(temp_.c_str());
}

void staged_stream::commit()
{
    stream_.flush();
    if (!stream_) {
        const int reason = buffer_->failure() != 0 ? buffer_->failure() : EIO;
        throw system_failure("cannot write '" + path_ + "'", reason); // the destructor removes temp_
    }
    const int fd = buffer_->fd();
    buffer_->closed();
    close_staged(fd, temp_, path_);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
        const int reason = errno;
        ::unlink(temp_.c_str());
        throw system_failure("cannot write '" + path_ + "'", reason);
    }
    committed_ = true;
    sync_folder(folder_of(target_), path_);
}

void write_file_atomically(const std::string& path, std::string_view text)
{
    staged_file(path, text).commit();
}

} // namespace kare::io
