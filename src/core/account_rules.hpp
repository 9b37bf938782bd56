// The rules an account obeys on its own, apart from any plan: shared by
// plan::check_account (which adds "the owner is a rep" and unique ids) and
// the JSON Lines reader (which classifies accounts that join no plan).
#ifndef KARE_SRC_ACCOUNT_RULES_HPP
#define KARE_SRC_ACCOUNT_RULES_HPP

#include <kare/account.hpp>
#include <kare/location.hpp>
#include <kare/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// Id, name and owner: present, no control characters.
void check_account_names(const account& a, const location& where);

/// Products, attributes against `fields`, the fire action and the history.
void check_account_content(const account& a, const schema& fields, const location& where);

/// The history: reasons, date order, a chain of placements ending at `decision`.
void check_history(const std::vector<move_record>& history, placement decision,
                   const location& where);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
