/// @file
/// @brief A category's playbook: the common actions a seller takes with its
/// accounts and the questions to ask about them.
///
/// The method gives each quadrant its own actions (Keep: the quarterly
/// review with an up-front contract; Expand: the heat map) and questions
/// (Recapture: is the cost of pursuit acceptable? do decision makers still
/// favour us?). kare carries them beside the cookbook's counts and shows
/// them on the map and the review page; a plan may replace any category's.
/// See docs/cookbook.md.
#ifndef KARE_PLAYBOOK_HPP
#define KARE_PLAYBOOK_HPP

#include <kare/category.hpp>
#include <kare/location.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {

/// One common action: a short name and what it is for.
struct play_action {
    std::string name;        ///< e.g. "Quarterly review"; not empty.
    std::string description; ///< What it is and why, in a sentence; may be empty.

    /// Equal when name and description are equal.
    friend bool operator==(const play_action&, const play_action&) = default;
};

/// A category's actions and questions.
struct playbook {
    std::vector<play_action> actions; ///< Common actions, in the order shown.
    std::vector<std::string> questions; ///< Questions to ask, in the order shown.

    /// Equal when every member is equal.
    friend bool operator==(const playbook&, const playbook&) = default;
};

/// The most actions or questions one playbook may hold.
inline constexpr std::size_t max_playbook_items = 50;

/// The method's own playbook for category `c` (docs/cookbook.md quotes it).
/// @param c a category
/// @return the seeds' actions and questions for it
playbook default_playbook(category c);

/// Checks a playbook: at most `max_playbook_items` actions and questions,
/// non-empty names and questions, no control or bidi control characters.
/// @throws error `invalid_plan` at a place under `where`, such as
/// `cookbook.playbooks.recapture.questions[2]`.
/// @param book the playbook
/// @param where where it is in the plan, for errors
void validate(const playbook& book, const location& where);

} // namespace v1
} // namespace kare

#endif
