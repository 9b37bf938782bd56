/// @file
/// @brief Accounts: the clients and prospects a seller works.
#ifndef KARE_ACCOUNT_HPP
#define KARE_ACCOUNT_HPP

#include <kare/attribute_map.hpp>
#include <kare/category.hpp>
#include <kare/date.hpp>
#include <kare/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

/// The account's relationship with the organisation.
enum class relationship : std::uint8_t {
    prospect,      ///< Not (yet) a client.
    client,        ///< Buying now.
    former_client, ///< Used to buy; lapsed or lost.
};

/// `"prospect"`, `"client"` or `"former_client"`.
/// @param r a relationship
/// @return its name in plan documents
std::string_view to_string(relationship r) noexcept;
/// Parses a name written by `to_string(relationship)`.
/// @param name a name from a document
/// @return the relationship, or `std::nullopt` for an unknown name
std::optional<relationship> relationship_from_string(std::string_view name) noexcept;

/// One recorded change of an account's placement.
struct move_record {
    kare::date on;      ///< When the decision was taken.
    placement from;     ///< Placement before.
    placement to;       ///< Placement after.
    std::string reason; ///< Why; required for every deliberate move.

    /// Equal when every member is equal.
    friend bool operator==(const move_record&, const move_record&) = default;
};

/// A client or prospect.
struct account {
    std::string id;                    ///< Unique within a plan.
    std::string name;                  ///< Display name.
    std::string owner;                 ///< Id of the rep who owns it.
    kare::relationship relationship = kare::relationship::prospect; ///< Client, prospect or former client.
    std::vector<std::string> products; ///< Products the account buys now.
    attribute_map attributes;          ///< Typed attributes, checked against the schema.
    placement decision;                ///< Explicit decision; `open` lets the profiles decide.
    std::string fire_action;           ///< The out-of-plan action when fired.
    std::vector<move_record> history;  ///< Every decision, oldest first.
    /// Named by the plan as on its owner's focus list for its category; when
    /// no account of a rep and category is named, the focus list is the top
    /// of the category by priority (docs/review.md).
    bool focus = false;
    /// When the account entered the plan, if recorded: a report as of an
    /// earlier date leaves it out (`plan_as_of`). Without it the account is
    /// taken to have been in the plan from its first fact.
    std::optional<kare::date> added;

    /// Equal when every member is equal.
    friend bool operator==(const account&, const account&) = default;
};

} // namespace v1
} // namespace kare

#endif
