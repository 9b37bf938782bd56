// The review page's "What changed" section, kept apart from the rest of the page.
#ifndef KARE_SRC_CHANGES_HTML_HPP
#define KARE_SRC_CHANGES_HTML_HPP

#include <kare/plan_changes.hpp>
#include <kare/render.hpp>

#include <cstddef>
#include <string>

namespace kare {
inline namespace v1 {
namespace detail {

/// Appends what changed: the accounts, the deals, the pipeline and the
/// cookbook then and now, the findings that appeared and cleared; each
/// table shows at most `rows` rows.
void changes_section(std::string& out, const plan_changes& c, std::size_t rows);

/// The review page, with the changes' section when `changes` is given.
std::string review_page(const map_view& view, const report& r, const html_options& options,
                        const plan_changes* changes);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
