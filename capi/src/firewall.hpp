// The one firewall every extern "C" body runs in: exceptions become status
// codes plus the thread's last-error record, and never cross into C.
#ifndef KARE_CAPI_FIREWALL_HPP
#define KARE_CAPI_FIREWALL_HPP

#include <kare/kare.h>

#include "writer_first_mutex.hpp"

#include <kare/date.hpp>
#include <kare/error.hpp>
#include <kare/plan.hpp>
#include <kare/report.hpp>

#include <cstring>
#include <mutex>
#include <new>
#include <shared_mutex> // std::shared_lock
#include <stdexcept>
#include <string>
#include <string_view>

/// The plan behind a `kare_plan*`. Mutations hold the lock exclusively,
/// reads share it; a waiting mutation goes before later reads.
struct kare_plan {
    kare::plan plan;
    mutable kare::capi::writer_first_mutex lock;
};

/// An immutable report.
struct kare_report {
    kare::report report;
};

namespace kare::capi {

/// Records the error for kare_error_*(); never throws.
void set_error(kare_status code, const char* message, const char* path) noexcept;
/// Clears the thread's error record.
void clear_error() noexcept;
/// The C status of a C++ error code.
kare_status status_of(errc code) noexcept;

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
        set_error(code, e.what(), e.path().c_str());
        return code;
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

/// Fails when a required pointer is NULL.
template <typename T>
T* require(T* pointer, const char* name)
{
    if (pointer == nullptr)
        throw bad_argument(std::string(name) + " is NULL");
    return pointer;
}

/// A pointer/length pair as text: no NULL with a length, no embedded NUL.
inline std::string_view text(const char* data, std::size_t length, const char* name)
{
    if (data == nullptr)
        throw bad_argument(std::string(name) + " is NULL");
    if (length == KARE_NUL_TERMINATED)
        return std::string_view(data);
    if (std::memchr(data, '\0', length) != nullptr)
        throw bad_argument(std::string(name) + " contains a NUL byte");
    return std::string_view(data, length);
}

/// A NUL-terminated string that may be NULL (treated as empty).
inline std::string optional_text(const char* data)
{
    return data ? std::string(data) : std::string();
}

/// A required "YYYY-MM-DD" argument.
inline kare::date date_arg(const char* text_value, const char* name)
{
    require(text_value, name);
    auto d = kare::date::parse(text_value);
    if (!d)
        throw bad_argument(std::string(name) + " '" + text_value +
                           "' is not a calendar date (YYYY-MM-DD)");
    return *d;
}

/// A mutation given as one JSON document: the arguments checked, then
/// `change(plan, document)` under the write lock.
template <typename Change>
kare_status write_document(kare_plan* plan, const char* json, std::size_t json_len,
                           Change change) noexcept
{
    return guard([&] {
        require(plan, "plan");
        const std::string_view document = text(json, json_len, "json");
        std::unique_lock write(plan->lock);
        change(plan->plan, document);
    });
}

/// Hands a string to C: a copy in memory the caller frees with kare_string_free.
void give_string(char** out, std::size_t* out_len, const std::string& text);

} // namespace kare::capi

#endif
