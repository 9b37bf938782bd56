// A pipeline's figures as the pipeline document writes them, for the
// documents that repeat them (the review's scoreboard).
#ifndef KARE_SRC_PIPELINE_JSON_HPP
#define KARE_SRC_PIPELINE_JSON_HPP

#include <kare/pipeline.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {
namespace detail {

/// `open_deals`, `total`, `honest_total`, `hope_total`, `bloat_ratio`
/// (exact fraction and decimal, or null) and `states`.
boost::json::object pipeline_totals_json(const pipeline_totals& t);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
