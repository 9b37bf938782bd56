// The non-throwing forms' one translation of exceptions into an error_info.
#ifndef KARE_SRC_CORE_ERROR_CAPTURE_HPP
#define KARE_SRC_CORE_ERROR_CAPTURE_HPP

#include <kare/error.hpp>

#include <exception>
#include <new>
#include <optional>
#include <string>

namespace kare::detail {

// Copying a message may itself run out of memory: then the code alone is kept.
inline void record(error_info& err, errc code, const char* message, const std::string& path) noexcept
{
    err.code = code;
    try {
        err.message = message;
        err.path = path;
    } catch (...) {
        err.code = errc::no_memory;
        err.message.clear();
        err.path.clear();
    }
}

/// Runs `body`; a thrown error becomes `err` and an empty result.
template <typename Body>
auto capture_error(error_info& err, Body&& body) noexcept -> std::optional<decltype(body())>
{
    err = {};
    try {
        return body();
    } catch (const error& e) {
        record(err, e.code(), e.what(), e.path());
    } catch (const std::bad_alloc&) {
        record(err, errc::no_memory, "out of memory", {});
    } catch (const std::exception& e) {
        record(err, errc::internal, e.what(), {});
    } catch (...) {
        record(err, errc::internal, "unknown failure", {});
    }
    return std::nullopt;
}

} // namespace kare::detail

#endif
