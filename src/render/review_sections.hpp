// The one-to-one parts of the review page: cookbook progress with pace, the
// honest pipeline with the hope and dead deals, the effort mix, the
// playbooks and the findings grouped by account. html.cpp puts them in order.
#ifndef KARE_SRC_RENDER_REVIEW_SECTIONS_HPP
#define KARE_SRC_RENDER_REVIEW_SECTIONS_HPP

#include <kare/map_view.hpp>
#include <kare/report.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace kare {
inline namespace v1 {
namespace detail {

/// Each rep's cookbook targets this period: done, pace, target, a bar, status.
void progress_section(std::string& out, const report& r);

/// The pipeline's total against the honest total, then the hope deals and
/// the dead deals with their accounts' names and why.
/// Each table shows at most `rows` deals.
void pipeline_section(std::string& out, const report& r, std::size_t rows);

/// Each rep's logged activity per quadrant against the intended mix.
void effort_section(std::string& out, const report& r);

/// Each quadrant's actions with their descriptions and the questions to ask.
void playbook_section(std::string& out, const map_view& view);

/// The findings, one group per account (its deals' included), rep and the
/// plan, worst group first, each finding in words with its code beside.
/// At most `rows` findings are shown.
void findings_section(std::string& out, const report& r, std::size_t rows);

/// `part` of `whole` as a percent with one decimal, half up ("26.3%"); the
/// decimal keeps it true beside findings that compare whole percents.
/// "-" when `whole` is 0.
std::string share_text(std::int64_t part, std::int64_t whole);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
