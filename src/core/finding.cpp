#include <kare/finding.hpp>

#include <algorithm>
#include <array>

namespace kare {
inline namespace v1 {

namespace {

// The registry of codes. Append only: a code, once released, keeps its meaning.
constexpr std::array codes{
    finding_code{"account.unassigned", severity::warning, subject_kind::account,
                 "No decision was taken and no profile matches: the account has no place in "
                 "the plan."},
    finding_code{"account.unassigned_by_decision", severity::warning, subject_kind::account,
                 "A person marked the account unassigned: every active account should be "
                 "categorised or fired."},
    finding_code{"account.ambiguous", severity::warning, subject_kind::account,
                 "Several profiles match and the plan asks for no tie-break: the engine does "
                 "not guess, the account stays unassigned."},
    finding_code{"account.tie_break", severity::info, subject_kind::account,
                 "Several profiles match; the plan's tie-break chose one of them."},
    finding_code{"account.contradicts_profile", severity::warning, subject_kind::account,
                 "A person put the account in a category whose profile it does not meet."},
    finding_code{"account.fire_suggested", severity::warning, subject_kind::account,
                 "A fire rule holds for an account that is still in the plan."},
    finding_code{"effort.keep_overinvested", severity::warning, subject_kind::rep,
                 "Keep takes a larger share of the rep's logged activities than the plan "
                 "intends, beyond the tolerance: the usual failure the method names."},
    finding_code{"effort.category_neglected", severity::warning, subject_kind::rep,
                 "The rep has accounts in a category the plan gives a share of effort, yet "
                 "logged no activity toward it in the effort window."},
};

} // namespace

std::string_view to_string(severity s) noexcept
{
    switch (s) {
    case severity::info: return "info";
    case severity::warning: return "warning";
    case severity::error: return "error";
    }
    return "info";
}

std::string_view to_string(subject_kind k) noexcept
{
    switch (k) {
    case subject_kind::plan: return "plan";
    case subject_kind::account: return "account";
    case subject_kind::deal: return "deal";
    case subject_kind::rep: return "rep";
    }
    return "plan";
}

std::span<const finding_code> finding_codes() noexcept
{
    return codes;
}

const finding_code* find_finding_code(std::string_view code) noexcept
{
    auto it = std::find_if(codes.begin(), codes.end(),
                           [&](const finding_code& c) { return c.code == code; });
    return it == codes.end() ? nullptr : &*it;
}

} // namespace v1
} // namespace kare
