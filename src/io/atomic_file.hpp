// Replacing a file so that no reader, crash or second writer ever sees half
// of it: the I/O adapter shared by the kare tool and the C API.
#ifndef KARE_IO_ATOMIC_FILE_HPP
#define KARE_IO_ATOMIC_FILE_HPP

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace kare::io {

/// A file written beside its destination and moved into place by `commit`.
///
/// - The temporary file has a fresh random name (`NAME.kare-tmp-XXXXXXXXXXXXXXXX`),
///   created exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`): two writers never share
///   one, and a planted file or symlink of that name is never followed.
/// - A destination that is a symlink is written through: its real file is
///   replaced and the link stays.
/// - A destination that exists keeps its permission bits; a new one gets
///   0666 less the umask, as any created file.
/// - The data is fsynced before the rename and the folder after it, so a
///   crash leaves the old file or the new one, never an empty one.
/// - Every failure removes the temporary file; only `kill -9` between its
///   creation and the rename can leave one behind, under the name above.
///
/// Errors are `io_error` naming the destination as given, with the system's reason.
class staged_file {
public:
    /// Writes and syncs `text` to a temporary file beside `path`.
    /// @throws kare::error `io_error`.
    staged_file(std::string path, std::string_view text);
    /// Removes the temporary file unless committed.
    ~staged_file();
    staged_file(const staged_file&) = delete;
    staged_file& operator=(const staged_file&) = delete;

    /// Renames the temporary file over the destination and syncs its folder.
    /// @throws kare::error `io_error`.
    void commit();

private:
    std::string path_;   // as given, for messages
    std::string target_; // the real file a symlinked destination points to
    std::string temp_;
    bool committed_ = false;
};

/// A `staged_file` written as its text is produced: `stream()` goes to the
/// temporary file through a buffer of 64 KB, so a document of any size is
/// never held whole. `commit` checks that every byte reached the file, syncs
/// it and renames it over the destination; until then the destination is
/// untouched, and a destructor without `commit` (an error while writing, a
/// limit passed) removes the temporary file. Same guarantees and errors as
/// `staged_file`.
class staged_stream {
public:
    /// Creates the temporary file beside `path`.
    /// @throws kare::error `io_error`.
    explicit staged_stream(std::string path);
    /// Removes the temporary file unless committed.
    ~staged_stream();
    staged_stream(const staged_stream&) = delete;
    staged_stream& operator=(const staged_stream&) = delete;

    /// Where the text goes. A failed write sets `badbit`; the reason is
    /// kept for `commit`.
    std::ostream& stream() noexcept { return stream_; }

    /// Flushes, syncs and closes the temporary file, renames it over the
    /// destination and syncs its folder.
    /// @throws kare::error `io_error` with the reason of the first failed write.
    void commit();

private:
    class buffer;

    std::string path_;
    std::string target_;
    std::string temp_;
    std::unique_ptr<buffer> buffer_;
    std::ostream stream_;
    bool committed_ = false;
};

/// `staged_file(path, text).commit()`.
void write_file_atomically(const std::string& path, std::string_view text);

} // namespace kare::io

#endif
