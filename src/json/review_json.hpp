// The review parts of the report document: priorities, focus lists,
// suggested moves and the heat map (docs/review.md, "The report document"),
// and the review document's scoreboard.
#ifndef KARE_SRC_REVIEW_JSON_HPP
#define KARE_SRC_REVIEW_JSON_HPP

#include <kare/priority.hpp>
#include <kare/scoreboard.hpp>
#include <kare/suggested_move.hpp>
#include <kare/whitespace.hpp>

#include <boost/json.hpp>

#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

boost::json::array priorities_json(const std::vector<account_priority>& ranked);
boost::json::array focus_lists_json(const std::vector<focus_list>& lists);
boost::json::array suggested_moves_json(const std::vector<suggested_move>& moves);
boost::json::object heat_map_json(const heat_map& map);
boost::json::object scoreboard_json(const scoreboard& board);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
