// Deals whose amounts cannot be summed are refused where they are read, not
// when the first report fails to total them.
#ifndef KARE_SRC_DEAL_TOTAL_HPP
#define KARE_SRC_DEAL_TOTAL_HPP

#include <kare/deal.hpp>
#include <kare/error.hpp>
#include <kare/money.hpp>

#include <string>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// Checks that the amounts of all `deals` add up within 64-bit minor units.
/// Amounts are never negative, so every total a report makes (by state, rep,
/// bucket, won, lost) is then within range too.
/// @throws error `limit_exceeded` at `deals[N].amount`, the first deal past the range.
template <class Deals> // plan::deals(), or a vector of them
void check_deal_total(const Deals& deals)
{
    if (deals.empty())
        return;
    money total = money::from_minor(0, deals.front().amount.digits());
    std::size_t i = 0;
    for (const deal& d : deals) {
        if (d.amount.digits() == total.digits()) { // another currency's digits are refused by its own check
            const auto sum = checked_add(total, d.amount);
            if (!sum)
                throw error(errc::limit_exceeded,
                            "the amounts of the deals up to this one add up to more than 64-bit "
                            "minor units hold, so the pipeline could not be totalled",
                            location().item("deals", i, d.id).key("amount"));
            total = *sum;
        }
        ++i;
    }
}

} // namespace detail
} // namespace v1
} // namespace kare

#endif
