// A kare error carrying the system's reason for a failed call.
#ifndef KARE_IO_SYSTEM_ERROR_HPP
#define KARE_IO_SYSTEM_ERROR_HPP

#include <kare/error.hpp>

#include <string>
#include <system_error>

namespace kare::io {

/// `io_error` with "WHAT: REASON", REASON the text of `errno_value`.
inline error system_failure(const std::string& what, int errno_value)
{
    return error(errc::io_error, what + ": " + std::generic_category().message(errno_value));
}

} // namespace kare::io

#endif
