/// @file
/// @brief The plan review's own checks, beside classification (`account.*`),
/// deal honesty (`deal.*`) and effort (`effort.*`): quarterly reviews on Keep
/// accounts, heat maps on Expand accounts, focus lists, an empty Recapture
/// while former clients exist, rep fit, and the moves the facts suggest.
/// `make_report` includes them; docs/review.md describes each code.
#ifndef KARE_REVIEW_CHECKS_HPP
#define KARE_REVIEW_CHECKS_HPP

#include <kare/date.hpp>
#include <kare/finding.hpp>

#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {

class plan;

/// The review checks' findings for the accounts and rep `rep` (the whole
/// team when empty), as of `as_of`: accounts first in plan order, then reps
/// in plan order. Codes switched off in `review_policy::disabled_checks` are
/// not raised.
/// @throws error `not_found` when `rep` names no rep of the plan; as
/// `make_priorities` for deals with facts dated after `as_of`.
/// @param p the plan reviewed
/// @param as_of the day of the review
/// @param rep a rep's id, or empty for the whole team
/// @return the findings, accounts then reps
std::vector<finding> review_findings(const plan& p, date as_of, std::string_view rep = {});

} // namespace v1
} // namespace kare

#endif
