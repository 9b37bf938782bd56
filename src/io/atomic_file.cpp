#include "atomic_file.hpp"
#include "system_error.hpp"

#include <kare/error.hpp>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <fcntl.h>
#include <random>
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

} // namespace

staged_file::staged_file(std::string path, std::string_view text) : path_(std::move(path))
{
    if (path_.empty() || path_.back() == '/')
        throw error(errc::io_error, "cannot write '" + path_ + "': it does not name a file");
    target_ = real_target(path_);
    const int fd = create_exclusive(target_, temp_, path_);
    try {
        struct stat existing {};
        if (::stat(target_.c_str(), &existing) == 0) {
            if (S_ISDIR(existing.st_mode))
                throw system_failure("cannot write '" + path_ + "'", EISDIR);
            if (::fchmod(fd, existing.st_mode & 07777) != 0)
                throw system_failure("cannot write '" + path_ + "'", errno);
        }
        write_all(fd, text, path_);
        if (::fsync(fd) != 0)
            throw system_failure("cannot write '" + path_ + "'", errno);
    } catch (...) {
        ::close(fd);
        ::unlink(temp_.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const int reason = errno;
        ::unlink(temp_.c_str());
        throw system_failure("cannot write '" + path_ + "'", reason);
    }
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

void write_file_atomically(const std::string& path, std::string_view text)
{
    staged_file(path, text).commit();
}

} // namespace kare::io
