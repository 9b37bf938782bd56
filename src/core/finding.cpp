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
    finding_code{"deal.hope", severity::info, subject_kind::deal,
                 "An open deal lacks required evidence (pain, budget, decision process): it is "
                 "hope, not yet a qualified deal."},
    finding_code{"deal.distorting", severity::warning, subject_kind::deal,
                 "An open deal has sat unqualified longer than the policy allows: it distorts "
                 "the forecast."},
    finding_code{"deal.stalled", severity::warning, subject_kind::deal,
                 "A qualified deal is stuck: no activity for too long, a passed close date, too "
                 "many pushes, or declared stalled."},
    finding_code{"deal.stalled_explained", severity::info, subject_kind::deal,
                 "A deal waits for a declared reason until a resume date; it does not rot "
                 "meanwhile."},
    finding_code{"deal.dead", severity::warning, subject_kind::deal,
                 "An open deal is dead (no activity, unqualified for too long, or declared "
                 "dead): close it as lost or revive it with new evidence."},
    finding_code{"deal.slipping", severity::warning, subject_kind::deal,
                 "The deal's expected close date has been pushed as often as the policy "
                 "tolerates, or more."},
    finding_code{"deal.declared_unsupported", severity::warning, subject_kind::deal,
                 "A person called the deal qualified without the required evidence; the "
                 "declaration does not count."},
    finding_code{"deal.on_fired_account", severity::warning, subject_kind::deal,
                 "An open deal is on an account the organisation has fired."},
    finding_code{"deal.unknown_account", severity::error, subject_kind::deal,
                 "An open deal names an account the plan does not hold."},
    finding_code{"deal.keep_no_renewal_evidence", severity::warning, subject_kind::deal,
                 "An open deal on a Keep account has no renewal evidence on record."},
    finding_code{"effort.keep_overinvested", severity::warning, subject_kind::rep,
                 "Keep takes a larger share of the rep's logged activities than the plan "
                 "intends, beyond the tolerance: the usual failure the method names."},
    finding_code{"effort.category_neglected", severity::warning, subject_kind::rep,
                 "The rep has accounts in a category the plan gives a share of effort, yet "
                 "logged no activity toward it in the effort window."},
    finding_code{"account.no_quarterly_review", severity::warning, subject_kind::account,
                 "A Keep account has no quarterly review (up-front contract) on record within "
                 "the review window."},
    finding_code{"account.no_heat_map", severity::warning, subject_kind::account,
                 "An Expand account has no product heat map: the plan has no product catalogue, "
                 "or the account's products are not recorded."},
    finding_code{"rep.focus_empty", severity::warning, subject_kind::rep,
                 "The rep has no account in a quadrant they are expected to work: the focus "
                 "list is empty."},
    finding_code{"rep.focus_short", severity::info, subject_kind::rep,
                 "The rep's focus list in a quadrant holds fewer accounts than the plan's "
                 "focus target."},
    finding_code{"rep.focus_overloaded", severity::warning, subject_kind::rep,
                 "The focus list the plan names for the rep in a quadrant holds more accounts "
                 "than the plan's focus target."},
    finding_code{"rep.recapture_empty", severity::warning, subject_kind::rep,
                 "The rep has former clients but no account in Recapture."},
    finding_code{"rep.style_mismatch", severity::warning, subject_kind::rep,
                 "The rep works accounts in quadrants that do not suit their style (hunter, "
                 "farmer) under the plan's rep-fit strategy."},
    finding_code{"move.attain_won", severity::info, subject_kind::account,
                 "An Attain account has a won deal: the facts suggest moving it to Keep or "
                 "Expand."},
    finding_code{"move.client_lapsed", severity::warning, subject_kind::account,
                 "A Keep or Expand account has bought nothing for longer than the lapse "
                 "window: the facts suggest moving it to Recapture."},
    finding_code{"move.recapture_won", severity::info, subject_kind::account,
                 "A Recapture account has a new won deal: the facts suggest moving it back to "
                 "Keep."},
    finding_code{"account.deal_findings", severity::warning, subject_kind::account,
                 "More than three deals of one account raise the same deal finding: one "
                 "finding names the code and lists the deals, so a real book's review stays "
                 "readable (its severity is the code's)."},
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
