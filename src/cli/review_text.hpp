// The review as text (`kare review`): the scoreboard, the priorities with
// their terms, the focus lists, the suggested moves with their evidence and
// the whitespace. `kare report` prints the map and the findings instead.
#ifndef KARE_CLI_REVIEW_TEXT_HPP
#define KARE_CLI_REVIEW_TEXT_HPP

#include <kare/report.hpp>

#include <string>

namespace kare::cli {

/// The scoreboard: one row per rep and the team, the effort mix, the worst findings.
std::string render_scoreboard_text(const report& r);

/// The whole review, the scoreboard first.
std::string render_review_text(const report& r);

} // namespace kare::cli

#endif
