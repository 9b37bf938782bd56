// Dates the model accepts from callers: only those a document can hold, so
// that write -> read -> write never meets a date `date::parse` refuses.
#ifndef KARE_SRC_DATE_CHECK_HPP
#define KARE_SRC_DATE_CHECK_HPP

#include <kare/date.hpp>

namespace kare {
inline namespace v1 {
namespace detail {

/// True for years 1 to 9999, the range `date::parse` reads.
constexpr bool is_document_date(date d) noexcept
{
    return d.year() >= 1 && d.year() <= 9999;
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
