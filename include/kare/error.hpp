/// @file
/// @brief Errors: codes, the exception the C++ API throws, and the record the
/// non-throwing forms fill.
#ifndef KARE_ERROR_HPP
#define KARE_ERROR_HPP

#include <kare/location.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace kare {
inline namespace v1 {

/// What went wrong. Values mirror the C API's `kare_status` (negated) and are
/// frozen: new codes are only appended.
enum class errc : std::uint8_t {
    ok = 0,                  ///< No error.
    invalid_argument = 1,    ///< A caller passed an argument that cannot be used.
    parse_error = 2,         ///< The bytes are not well-formed JSON (or CSV).
    invalid_plan = 3,        ///< Well-formed, but breaks a rule of the plan format.
    not_found = 4,           ///< The account, rep or other named item does not exist.
    conflict = 5,            ///< The operation contradicts the plan's state.
    limit_exceeded = 6,      ///< The input exceeds a configured limit.
    unsupported_version = 7, ///< The document's format version is not supported.
    io_error = 8,            ///< A file could not be read or written.
    no_memory = 9,           ///< An allocation failed (`KARE_ERROR_NO_MEMORY`).
    internal = 10,           ///< A bug in kare: please report it.

    /// The former name of `no_memory`, the same value.
    out_of_memory [[deprecated("use errc::no_memory, as KARE_ERROR_NO_MEMORY")]] = no_memory,
};

/// A short, stable, lower-case name for the code, e.g. `"invalid_plan"`.
/// These are the strings `kare_status_str` returns, frozen with the C ABI:
/// `errc::no_memory` keeps its released string `"out_of_memory"`.
/// @param code an error code
/// @return its name, as the C API's `kare_status_str` gives it; `"unknown"` outside the enumeration
constexpr std::string_view to_string(errc code) noexcept
{
    switch (code) {
    case errc::ok: return "ok";
    case errc::invalid_argument: return "invalid_argument";
    case errc::parse_error: return "parse_error";
    case errc::invalid_plan: return "invalid_plan";
    case errc::not_found: return "not_found";
    case errc::conflict: return "conflict";
    case errc::limit_exceeded: return "limit_exceeded";
    case errc::unsupported_version: return "unsupported_version";
    case errc::io_error: return "io_error";
    case errc::no_memory: return "out_of_memory";
    case errc::internal: return "internal";
    }
    return "unknown";
}

namespace detail {
/// `text` made safe to print in a message: control characters (C0, DEL, C1),
/// bidi controls and invisible formatting characters escaped as `\uXXXX`, bytes
/// that are not UTF-8 as `\xHH`, and cut after `max_chars` characters with
/// "… (N bytes)". Defined in src/core/printable.cpp.
std::string printable(std::string_view text, std::size_t max_chars);

/// How much of a piece of input an error message echoes.
inline constexpr std::size_t max_echo_chars = 200;
/// The longest message and path an error carries.
inline constexpr std::size_t max_error_chars = 1000;

/// A piece of input as an error message quotes it: `printable`, 200 characters at most.
inline std::string quoted(std::string_view input)
{
    return printable(input, max_echo_chars);
}
} // namespace detail

/// The exception every throwing kare function raises for bad input.
///
/// `where()` names where the problem is as data (`deals`, position 3, the
/// deal `D-104`, `amount`); `path()` renders it in the plan document's own
/// terms (`deals[3].amount`) and `labelled_path()` for a person, with the ids
/// (`deals[3] (D-104).amount`). Both are empty when the error is not about a
/// place in a document.
class error : public std::runtime_error {
public:
    /// @param code what went wrong
    /// @param message a sentence a person can read; it does not repeat the path
    /// @param path where in the document, already written out, or empty
    ///
    /// Both are stored through `detail::printable`: whatever input they echo,
    /// a message never carries a control character and never exceeds 1,000
    /// characters, nor does a path.
    error(errc code, const std::string& message, std::string path = {})
        : std::runtime_error(detail::printable(message, detail::max_error_chars)), code_(code),
          path_(detail::printable(path, detail::max_error_chars))
    {
    }

    /// @param code what went wrong
    /// @param message a sentence a person can read; it does not repeat the place
    /// @param where the place in the plan
    error(errc code, const std::string& message, location where)
        : std::runtime_error(detail::printable(message, detail::max_error_chars)), code_(code),
          path_(detail::printable(to_path(where), detail::max_error_chars)), where_(std::move(where))
    {
    }

    /// The error code.
    /// @return never `errc::ok`
    errc code() const noexcept { return code_; }
    /// The document path the error concerns, or an empty string.
    /// @return e.g. `deals[3].amount`, `accounts[12].attributes.risk`
    const std::string& path() const noexcept { return path_; }
    /// The place as data.
    /// @return empty when the error was given a written-out path or none
    const location& where() const noexcept { return where_; }
    /// The path with the id of each record after its position
    /// for a person.
    /// @return e.g. `deals[3] (D-104).amount`; `path()` when no id is known
    std::string labelled_path() const
    {
        return where_.empty() ? path_ : detail::printable(to_labelled_path(where_), detail::max_error_chars);
    }

private:
    errc code_;
    std::string path_;
    location where_;
};

/// What the non-throwing forms report instead of throwing.
struct error_info {
    errc code = errc::ok;  ///< `errc::ok` when nothing failed.
    std::string message;   ///< A sentence a person can read.
    std::string path;      ///< Document path, or empty.

    /// True when an error was recorded.
    /// @return whether `code` is not `errc::ok`
    explicit operator bool() const noexcept { return code != errc::ok; }
};

} // namespace v1
} // namespace kare

#endif
