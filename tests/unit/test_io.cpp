// The I/O adapter shared by the tool and the C API (src/io): reading with the
// size bounded first, and replacing files whole. The C test (capi.c) and the
// tool's tests (cli.*) cover symlinks, modes, devices and full disks.
#include <boost/test/unit_test.hpp>

#include "io/atomic_file.hpp"
#include "io/read_file.hpp"
#include "fixtures.hpp"

#include "json/plan_document.hpp"
#include "../bench/whole_plan.hpp"

#include <kare/error.hpp>
#include <kare/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A folder of its own per test, removed afterwards.
struct scratch {
    fs::path folder;
    scratch()
        : folder(fs::temp_directory_path() /
                 ("kare-io-" + std::to_string(::getpid()) + "-" +
                  boost::unit_test::framework::current_test_case().p_name.get()))
    {
        fs::remove_all(folder);
        fs::create_directories(folder);
    }
    ~scratch() { fs::remove_all(folder); }
    std::string file(const std::string& name, const std::string& text) const
    {
        const fs::path path = folder / name;
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }
};

kare::errc code_of(const std::function<void()>& body)
{
    try {
        body();
    } catch (const kare::error& e) {
        return e.code();
    }
    return kare::errc::ok;
}

std::size_t entries(const fs::path& folder)
{
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

// Files of this process may not grow past `bytes` (a write beyond fails with
// EFBIG instead of raising SIGXFSZ) until the object goes.
class file_size_limit {
public:
    explicit file_size_limit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &before_);
        old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lower = before_;
        lower.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &lower);
    }
    ~file_size_limit()
    {
        ::setrlimit(RLIMIT_FSIZE, &before_);
        std::signal(SIGXFSZ, old_handler_);
    }
    file_size_limit(const file_size_limit&) = delete;
    file_size_limit& operator=(const file_size_limit&) = delete;

private:
    rlimit before_{};
    void (*old_handler_)(int) = nullptr;
};

std::string text_of_size(std::size_t n)
{
    std::string text;
    for (std::size_t i = 0; text.size() < n; ++i)
        text += "line " + std::to_string(i) + "\n";
    return text;
}

} // namespace

BOOST_AUTO_TEST_SUITE(io)

BOOST_AUTO_TEST_CASE(reading_stops_at_the_limit)
{
    const scratch s;
    const std::string path = s.file("ten.txt", "0123456789");
    BOOST_TEST(kare::io::read_file(path, 10) == "0123456789");
    BOOST_TEST(kare::io::read_file(path, 100) == "0123456789");
    BOOST_TEST(code_of([&] { kare::io::read_file(path, 9); }) == kare::errc::limit_exceeded);
    BOOST_TEST(kare::io::read_file(s.file("empty.txt", ""), 0).empty());
}

BOOST_AUTO_TEST_CASE(reading_refuses_what_is_not_a_regular_file)
{
    const scratch s;
    try {
        kare::io::read_file(s.folder.string(), 100);
        BOOST_FAIL("a folder was read");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::io_error);
        BOOST_TEST(std::string(e.what()) ==
                   "cannot read '" + s.folder.string() + "': it is a folder, not a regular file");
    }
    try {
        kare::io::read_file((s.folder / "missing.json").string(), 100);
        BOOST_FAIL("a missing file was read");
    } catch (const kare::error& e) {
        BOOST_TEST(std::string(e.what()).find("missing.json': No such file or directory") !=
                   std::string::npos);
    }
    BOOST_TEST(code_of([] { kare::io::read_file("/dev/zero", 100); }) == kare::errc::io_error);
}

BOOST_AUTO_TEST_CASE(a_staged_file_replaces_whole_or_not_at_all)
{
    const scratch s;
    const std::string path = s.file("plan.json", "old");
    {
        kare::io::staged_file staged(path, "new");
        BOOST_TEST(entries(s.folder) == 2u); // the plan and its temporary file
        BOOST_TEST(kare::io::read_file(path, 100) == "old");
        // Not committed: the temporary file goes, the old file stays.
    }
    BOOST_TEST(entries(s.folder) == 1u);
    BOOST_TEST(kare::io::read_file(path, 100) == "old");
    kare::io::write_file_atomically(path, "new");
    BOOST_TEST(kare::io::read_file(path, 100) == "new");
    BOOST_TEST(entries(s.folder) == 1u);
}

BOOST_AUTO_TEST_CASE(a_failed_write_names_the_target_and_leaves_nothing)
{
    const scratch s;
    fs::create_directory(s.folder / "taken");
    const std::string target = (s.folder / "taken").string();
    try {
        kare::io::write_file_atomically(target, "text");
        BOOST_FAIL("a folder was replaced");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::io_error);
        BOOST_TEST(std::string(e.what()) == "cannot write '" + target + "': Is a directory");
    }
    BOOST_TEST(entries(s.folder) == 1u);
    BOOST_TEST(code_of([&] { kare::io::write_file_atomically(s.folder.string() + "/", "x"); }) ==
               kare::errc::io_error);
}

BOOST_AUTO_TEST_CASE(a_dangling_symlink_is_written_through)
{
    const scratch s;
    fs::create_symlink("later.json", s.folder / "link.json");
    kare::io::write_file_atomically((s.folder / "link.json").string(), "text");
    BOOST_TEST(fs::is_symlink(s.folder / "link.json"));
    BOOST_TEST(kare::io::read_file((s.folder / "later.json").string(), 100) == "text");
}

BOOST_AUTO_TEST_CASE(a_symlink_loop_is_an_error)
{
    const scratch s;
    fs::create_symlink("b", s.folder / "a");
    fs::create_symlink("a", s.folder / "b");
    try {
        kare::io::write_file_atomically((s.folder / "a").string(), "text");
        BOOST_FAIL("a loop was written");
    } catch (const kare::error& e) {
        BOOST_TEST(std::string(e.what()).find("Too many levels of symbolic links") != std::string::npos);
    }
    BOOST_TEST(entries(s.folder) == 2u);
}

BOOST_AUTO_TEST_CASE(a_staged_stream_replaces_once_complete)
{
    const scratch s;
    const std::string path = s.file("plan.json", "old");
    const std::string text = text_of_size(300'000); // several blocks of 64 KB
    {
        kare::io::staged_stream staged(path);
        staged.stream() << text;
        BOOST_TEST(entries(s.folder) == 2u);
        BOOST_TEST(kare::io::read_file(path, 100) == "old");
        // Not committed: the temporary file goes, the old file stays.
    }
    BOOST_TEST(entries(s.folder) == 1u);
    BOOST_TEST(kare::io::read_file(path, 100) == "old");
    {
        kare::io::staged_stream staged(path);
        staged.stream() << text;
        staged.commit();
    }
    BOOST_TEST(kare::io::read_file(path, 1'000'000) == text);
    BOOST_TEST(entries(s.folder) == 1u);
}

BOOST_AUTO_TEST_CASE(a_writer_failing_midway_leaves_the_target_untouched)
{
    const scratch s;
    const std::string path = s.file("plan.json", "old");
    kare_bench::whole_plan_shape shape;
    shape.accounts = 2000;
    const kare::plan p =
        kare::read_plan(kare_bench::whole_plan(kare_test::read_text(kare_test::example_path()), shape));
    // The plan's bound passed after some blocks have reached the file.
    BOOST_TEST(code_of([&] {
                   kare::io::staged_stream staged(path);
                   kare::detail::write_plan_within(p, 300'000, staged.stream());
                   staged.commit();
               }) == kare::errc::limit_exceeded);
    BOOST_TEST(entries(s.folder) == 1u);
    BOOST_TEST(kare::io::read_file(path, 100) == "old");
}

BOOST_AUTO_TEST_CASE(a_failing_write_midway_is_an_error_and_leaves_the_target)
{
    const scratch s;
    const std::string path = s.file("plan.json", "old");
    try {
        const file_size_limit limit(100'000);
        kare::io::staged_stream staged(path);
        staged.stream() << text_of_size(300'000);
        BOOST_TEST(!staged.stream()); // the write past the limit failed
        staged.commit();
        BOOST_FAIL("a truncated file was committed");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::io_error);
        BOOST_TEST(std::string(e.what()) == "cannot write '" + path + "': File too large");
    }
    BOOST_TEST(entries(s.folder) == 1u);
    BOOST_TEST(kare::io::read_file(path, 100) == "old");
}

BOOST_AUTO_TEST_CASE(a_staged_stream_into_a_missing_folder_is_an_error)
{
    const scratch s;
    const std::string path = (s.folder / "missing" / "plan.json").string();
    try {
        kare::io::staged_stream staged(path);
        BOOST_FAIL("a file was created in a missing folder");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::io_error);
        BOOST_TEST(std::string(e.what()).find("No such file or directory") != std::string::npos);
    }
    BOOST_TEST(entries(s.folder) == 0u);
    BOOST_TEST(code_of([&] { kare::io::staged_stream staged(s.folder.string()); }) ==
               kare::errc::io_error);
}

BOOST_AUTO_TEST_SUITE_END()
