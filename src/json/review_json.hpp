// The review parts of the report document: priorities, focus lists,
// suggested moves and the heat map (docs/review.md, "The report document"),
// and the review document's scoreboard, written as streams (canonical_stream.hpp).
#ifndef KARE_SRC_REVIEW_JSON_HPP
#define KARE_SRC_REVIEW_JSON_HPP

#include "canonical_stream.hpp"

#include <kare/finding.hpp>
#include <kare/report.hpp>
#include <kare/scoreboard.hpp>

#include <boost/json.hpp>

#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

boost::json::object scoreboard_json(const scoreboard& board);

/// The members `findings`, one item per finding.
void stream_findings(object_stream& document, const std::vector<finding>& findings);

/// The members `priorities`, `focus_lists`, `suggested_moves` and `heat_map`,
/// in that order, as the report and review documents hold them.
void stream_review_lists(object_stream& document, const report& r);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
