// How many rows a list of the review page may still show. A plan of a
// hundred thousand accounts made a page of 128 MB that no browser opens; each
// long list now shows its first rows and says how many it leaves to the
// document that holds them all.
#ifndef KARE_SRC_RENDER_ROW_BUDGET_HPP
#define KARE_SRC_RENDER_ROW_BUDGET_HPP

#include "escape.hpp"

#include <cstddef>
#include <string>

namespace kare {
inline namespace v1 {
namespace detail {

class row_budget {
public:
    explicit row_budget(std::size_t rows) noexcept : left_(rows) {}

    /// Whether one more row may be shown; a row refused is counted.
    bool take() noexcept
    {
        if (left_ == 0) {
            ++left_out_;
            return false;
        }
        --left_;
        return true;
    }

    /// Rows refused so far.
    std::size_t left_out() const noexcept { return left_out_; }

private:
    std::size_t left_;
    std::size_t left_out_ = 0;
};

/// "1234567" as "1,234,567".
inline std::string grouped(std::size_t n)
{
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3)
        digits.insert(i - 3, ",");
    return digits;
}

/// After a list: nothing when every row was shown, else which rows were and
/// where the rest are (`document`, markup).
inline void rows_left_out(std::string& out, const row_budget& budget, std::size_t total,
                          const char* what, const char* document)
{
    if (budget.left_out() == 0)
        return;
    out += "<p class=\"more\">The first " + grouped(total - budget.left_out()) + " of " +
           grouped(total) + " " + what + " are listed here; " + document +
           " lists every one.</p>\n";
}

/// Where the report's lists are whole.
inline constexpr const char* report_document = "the report document (<code>kare report --json</code>)";
/// Where the changes' lists are whole.
inline constexpr const char* changes_document = "the changes document (<code>kare diff --json</code>)";

} // namespace detail
} // namespace v1
} // namespace kare

#endif
