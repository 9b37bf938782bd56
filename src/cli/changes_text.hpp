// What changed, as text (`kare diff`): accounts, deals, the pipeline and
// the cookbook then and now, and the findings that appeared and cleared,
// grouped so that a one-to-one can scan it.
#ifndef KARE_CLI_CHANGES_TEXT_HPP
#define KARE_CLI_CHANGES_TEXT_HPP

#include <kare/plan_changes.hpp>

#include <string>

namespace kare::cli {

/// The changes, grouped: accounts, deals, pipeline, cookbook targets, findings.
std::string render_changes_text(const plan_changes& c);

} // namespace kare::cli

#endif
