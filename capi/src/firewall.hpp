// The one firewall every extern "C" body runs in: exceptions become status
// codes plus the thread's last-error record, and never cross into C.
#ifndef KARE_CAPI_FIREWALL_HPP
#define KARE_CAPI_FIREWALL_HPP

#include <kare/kare.h>

#include "text_check.hpp"
#include "writer_first_mutex.hpp"

#include <kare/date.hpp>
#include <kare/error.hpp>
#include <kare/plan.hpp>
#include <kare/report.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <shared_mutex> // std::shared_lock
#include <string>
#include <vector>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kare::capi {

/// The first member of every handle: a value per kind of handle while it
/// lives, another once freed, so that a freed handle (while its memory is not
/// reused) or a handle of another kind is refused as KARE_ERROR_MISUSE
/// instead of read, as SQLite does with SQLITE_MISUSE.
template <std::uint32_t Live>
class handle_tag {
public:
    handle_tag() noexcept : value_(Live) {}
    ~handle_tag() { value_ = freed; } // volatile: the store is kept
    handle_tag(const handle_tag&) = delete;
    handle_tag& operator=(const handle_tag&) = delete;
    bool live() const noexcept { return value_ == Live; }

private:
    static constexpr std::uint32_t freed = 0x44454144; // "DEAD"
    volatile std::uint32_t value_;
};

} // namespace kare::capi

/// The plan behind a `kare_plan*`. Mutations hold the lock exclusively,
/// reads share it; a waiting mutation goes before later reads.
struct kare_plan {
    kare::capi::handle_tag<0x4b504c4e> tag; // "KPLN"
    kare::plan plan;
    mutable kare::capi::writer_first_mutex lock;
};

/// An immutable report.
struct kare_report {
    kare::capi::handle_tag<0x4b525054> tag; // "KRPT"
    kare::report report;
    /// Per scoreboard row (the reps, then the team): the pipeline's total,
    /// honest and hope amounts and its bloat ratio ("" for none), written
    /// once so that reads borrow them (`kare::capi::scoreboard_texts`).
    std::vector<std::array<std::string, 4>> scoreboard_amounts;
};

namespace kare::capi {
/// The texts `kare_report::scoreboard_amounts` holds for a scoreboard.
std::vector<std::array<std::string, 4>> scoreboard_texts(const kare::scoreboard& board);
} // namespace kare::capi

namespace kare::capi {

/// Records the error for kare_error_*(); never throws.
void set_error(kare_status code, const char* message, const char* path) noexcept;
/// Records `failure` with its place, plain and labelled; never throws.
void set_error(kare_status code, const error& failure) noexcept;
/// Clears the thread's error record.
void clear_error() noexcept;
/// The C status of a C++ error code.
kare_status status_of(errc code) noexcept;

/// Thrown for a handle that is not what it claims to be: becomes
/// KARE_ERROR_MISUSE.
struct misuse : std::logic_error {
    using std::logic_error::logic_error;
};

/// Thrown by argument checks: becomes KARE_ERROR_INVALID_ARGUMENT.
inline error bad_argument(const std::string& message)
{
    return error(errc::invalid_argument, message);
}

#ifdef KARE_FAULT_INJECTION
// Test builds only (never libkare.so): makes the next guarded call throw, to
// prove that every entry point runs inside the firewall.
namespace testing {
enum class fault { none, kare_error, bad_alloc, std_exception, unknown };
inline fault& next_fault() noexcept
{
    thread_local fault pending = fault::none;
    return pending;
}
inline void raise_pending_fault()
{
    const fault f = next_fault();
    next_fault() = fault::none;
    switch (f) {
    case fault::none: return;
    case fault::kare_error: throw error(errc::conflict, "injected", "injected.path");
    case fault::bad_alloc: throw std::bad_alloc();
    case fault::std_exception: throw std::runtime_error("injected");
    case fault::unknown: throw 42;
    }
}
} // namespace testing
#endif

/// Runs `body`, translating every exception into a status.
template <typename Body>
kare_status guard(Body&& body) noexcept
{
    clear_error();
    try {
#ifdef KARE_FAULT_INJECTION
        testing::raise_pending_fault();
#endif
        body();
        return KARE_OK;
    } catch (const error& e) {
        const kare_status code = status_of(e.code());
        set_error(code, e);
        return code;
    } catch (const misuse& e) {
        set_error(KARE_ERROR_MISUSE, e.what(), "");
        return KARE_ERROR_MISUSE;
    } catch (const std::bad_alloc&) {
        set_error(KARE_ERROR_NO_MEMORY, "out of memory", "");
        return KARE_ERROR_NO_MEMORY;
    } catch (const std::exception& e) {
        set_error(KARE_ERROR_INTERNAL, e.what(), "");
        return KARE_ERROR_INTERNAL;
    } catch (...) {
        set_error(KARE_ERROR_INTERNAL, "unknown failure", "");
        return KARE_ERROR_INTERNAL;
    }
}

/// Fails when a required pointer is NULL, or a handle is not a live one of
/// its kind.
template <typename T>
T* require(T* pointer, const char* name)
{
    if (pointer == nullptr)
        throw bad_argument(std::string(name) + " is NULL");
    if constexpr (requires { pointer->tag.live(); }) {
        if (!pointer->tag.live())
            throw misuse(std::string(name) +
                         " is not a live handle of its kind: freed, or another handle");
    }
    return pointer;
}

/// Whether `free` may delete `handle`: NULL, a freed handle or another kind
/// of handle is left alone.
template <typename T>
bool may_free(T* handle) noexcept
{
    return handle != nullptr && handle->tag.live();
}

/// A pointer/length pair as text: no NULL with a length, no embedded NUL,
/// and for names and prose well-formed UTF-8 without forbidden control
/// characters (documents are checked by their readers).
inline std::string_view text(const char* data, std::size_t length, const char* name,
                             text_kind kind)
{
    if (data == nullptr)
        throw bad_argument(std::string(name) + " is NULL");
    std::string_view view;
    if (length == KARE_NUL_TERMINATED) {
        view = std::string_view(data);
    } else {
        if (std::memchr(data, '\0', length) != nullptr)
            throw bad_argument(std::string(name) + " contains a NUL byte");
        view = std::string_view(data, length);
    }
    if (auto refusal = text_refusal(view, kind, name))
        throw bad_argument(*refusal);
    return view;
}

/// Text that may be NULL (treated as empty, with a length of 0 or
/// KARE_NUL_TERMINATED), checked as text() checks it.
inline std::string optional_text(const char* data, std::size_t length, const char* name,
                                 text_kind kind)
{
    if (data == nullptr) {
        if (length != 0 && length != KARE_NUL_TERMINATED)
            throw bad_argument(std::string(name) + " is NULL with a length of " +
                               std::to_string(length));
        return std::string();
    }
    return std::string(text(data, length, name, kind));
}

/// A NUL-terminated string that may be NULL (treated as empty).
inline std::string optional_text(const char* data, const char* name, text_kind kind)
{
    return optional_text(data, KARE_NUL_TERMINATED, name, kind);
}

/// A required "YYYY-MM-DD" argument.
inline kare::date date_arg(const char* data, std::size_t length, const char* name)
{
    const std::string_view value = text(data, length, name, text_kind::name); // quoted below
    auto d = kare::date::parse(value);
    if (!d)
        throw bad_argument(std::string(name) + " '" + std::string(value) +
                           "' is not a calendar date (YYYY-MM-DD)");
    return *d;
}

/// A required NUL-terminated "YYYY-MM-DD" argument.
inline kare::date date_arg(const char* data, const char* name)
{
    return date_arg(data, KARE_NUL_TERMINATED, name);
}

/// A mutation given as one JSON document: the arguments checked, then
/// `change(plan, document)` under the write lock.
template <typename Change>
kare_status write_document(kare_plan* plan, const char* json, std::size_t json_len,
                           Change change) noexcept
{
    return guard([&] {
        require(plan, "plan");
        const std::string_view document = text(json, json_len, "json", text_kind::document);
        std::unique_lock write(plan->lock);
        change(plan->plan, document);
    });
}

/// Fails unless `version` is a version of an options struct this library
/// knows (1 to `current`).
inline void check_options_version(std::uint32_t version, std::uint32_t current, const char* name)
{
    if (version == 0 || version > current)
        throw bad_argument(std::string(name) + " version " + std::to_string(version) +
                           " is not one this library reads (1 to " + std::to_string(current) +
                           "); set it up with the _INIT macro or the _init function");
}

/// Hands a string to C: a copy in memory the caller frees with kare_string_free.
void give_string(char** out, std::size_t* out_len, const std::string& text);

} // namespace kare::capi

#endif
