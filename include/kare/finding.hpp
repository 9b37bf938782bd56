/// @file
/// @brief Findings: what a review reports, with a stable code, a severity,
/// the subject, figures as data and a readable sentence.
#ifndef KARE_FINDING_HPP
#define KARE_FINDING_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kare {
inline namespace v1 {

/// How much a finding matters.
enum class severity : std::uint8_t {
    info,    ///< Worth knowing.
    warning, ///< Needs attention in the next review.
    error,   ///< The plan is wrong until this is fixed.
};

/// `"info"`, `"warning"` or `"error"`.
/// @param s a severity
/// @return its name in reports
std::string_view to_string(severity s) noexcept;

/// What a finding is about.
enum class subject_kind : std::uint8_t { plan, account, deal, rep };

/// `"plan"`, `"account"`, `"deal"` or `"rep"`.
/// @param k a kind of subject
/// @return its name in reports
std::string_view to_string(subject_kind k) noexcept;

/// A figure a finding carries, so a product can word it in its own language.
struct figure {
    /// The value: a whole number, a number, a text or a list of texts.
    using value_type = std::variant<std::int64_t, double, std::string, std::vector<std::string>>;
    std::string name; ///< Stable key, e.g. `candidates`.
    value_type value; ///< The figure.

    /// Equal when name and value are equal.
    friend bool operator==(const figure&, const figure&) = default;
};

/// One finding of a report.
struct finding {
    std::string code;       ///< Stable code from `finding_codes()`, e.g. `account.ambiguous`.
    kare::severity severity = kare::severity::warning; ///< How much it matters.
    subject_kind subject = subject_kind::plan; ///< What kind of thing it is about.
    std::string subject_id; ///< Id of the account, deal or rep; empty for the plan.
    std::vector<figure> figures; ///< The facts behind it, as data.
    std::string message;    ///< A sentence a person can read.

    /// Equal when every member is equal.
    friend bool operator==(const finding&, const finding&) = default;
};

/// A finding code and what it means; the table is in `finding_codes()`.
struct finding_code {
    std::string_view code;        ///< The stable code.
    kare::severity severity;      ///< Its severity.
    subject_kind subject;         ///< What it is about.
    std::string_view description; ///< When it is raised.
};

/// Every finding code kare can raise. Codes are never renamed or reused.
/// @return the table, in the order `kare codes` lists it
std::span<const finding_code> finding_codes() noexcept;

/// The entry of `code`, or null when kare has no such code.
/// @param code a code such as `account.ambiguous`
/// @return its entry in `finding_codes()`, or null
const finding_code* find_finding_code(std::string_view code) noexcept;

} // namespace v1
} // namespace kare

#endif
