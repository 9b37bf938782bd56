#include "cli_io.hpp"

#include <kare/error.hpp>

#include <chrono>
#include <fstream>
#include <sstream>

namespace kare::cli {

std::string read_file(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw error(errc::io_error, "cannot open '" + path + "'");
    std::ostringstream contents;
    contents << file.rdbuf();
    return contents.str();
}

staged_file::staged_file(std::string path, const std::string& text) : path_(std::move(path))
{
    // Beside the destination, so that the rename stays on one file system.
    temp_ = std::filesystem::path(path_);
    temp_ += ".kare-tmp";
    std::ofstream file(temp_, std::ios::binary | std::ios::trunc);
    if (!(file << text) || !file.flush()) {
        file.close();
        std::error_code ignored;
        std::filesystem::remove(temp_, ignored);
        throw error(errc::io_error, "cannot write '" + path_ + "'");
    }
}

staged_file::~staged_file()
{
    if (!committed_) {
        std::error_code ignored;
        std::filesystem::remove(temp_, ignored);
    }
}

void staged_file::commit()
{
    std::error_code ec;
    std::filesystem::rename(temp_, path_, ec);
    if (ec)
        throw error(errc::io_error, "cannot write '" + path_ + "': " + ec.message());
    committed_ = true;
}

void emit(const arguments& args, std::ostream& out, const std::string& text)
{
    if (auto path = args.value("output")) {
        staged_file(*path, text).commit();
        return;
    }
    out << text;
}

// The CLI is an adapter, so it may read the clock; the library never does.
date as_of(const arguments& args)
{
    if (auto text = args.value("as-of")) {
        auto d = date::parse(*text);
        if (!d)
            throw error(errc::invalid_argument,
                        "--as-of '" + *text + "' is not a calendar date (YYYY-MM-DD)");
        return *d;
    }
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return date::from_days(static_cast<std::int32_t>(today.time_since_epoch().count()));
}

} // namespace kare::cli
