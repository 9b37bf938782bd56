// One account over time, as text (`kare timeline`): its placements and the
// reasons, its deals' dated facts and state, its activity per day.
#ifndef KARE_CLI_TIMELINE_TEXT_HPP
#define KARE_CLI_TIMELINE_TEXT_HPP

#include <kare/account_history.hpp>

#include <string>

namespace kare::cli {

/// The account's timeline: placements, deals, activity.
std::string render_timeline_text(const account_history& h);

} // namespace kare::cli

#endif
