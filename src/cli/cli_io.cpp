#include "cli_io.hpp"

#include "../io/atomic_file.hpp"
#include "../io/read_file.hpp"
#include "../io/system_error.hpp"

#include <kare/error.hpp>
#include <kare/json.hpp>

#include <cerrno>
#include <chrono>
#include <ostream>

namespace kare::cli {

std::string read_file(const std::string& path)
{
    return io::read_file(path, read_limits{}.max_document_bytes);
}

void write_out(std::ostream& out, std::string_view text)
{
    // Flushed at once, so that errno still holds the reason of a failed write.
    errno = 0;
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out)
        throw io::system_failure("cannot write the standard output", errno != 0 ? errno : EIO);
}

void emit(const arguments& args, std::ostream& out, const std::string& text)
{
    if (auto path = args.value("output")) {
        io::write_file_atomically(*path, text);
        return;
    }
    write_out(out, text);
}

void emit_streamed(const arguments& args, std::ostream& out,
                   const std::function<void(std::ostream&)>& stream)
{
    if (auto path = args.value("output")) {
        io::staged_stream file(*path);
        stream(file.stream());
        file.commit();
        return;
    }
    errno = 0; // the writer stops at the first failed write, so errno keeps its reason
    stream(out);
    finish_out(out);
}

void finish_out(std::ostream& out)
{
    out.flush();
    if (!out)
        throw io::system_failure("cannot write the standard output", errno != 0 ? errno : EIO);
}

// The CLI is an adapter, so it may read the clock; the library never does.
date as_of(const arguments& args)
{
    if (auto text = args.value("as-of")) {
        auto d = date::parse(*text);
        if (!d)
            throw usage_error("--as-of '" + detail::quoted(*text) +
                              "' is not a calendar date (YYYY-MM-DD)");
        return *d;
    }
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return date::from_days(static_cast<std::int32_t>(today.time_since_epoch().count()));
}

} // namespace kare::cli
