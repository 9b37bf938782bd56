// One review pass over a plan, shared by make_report and review_findings:
// the review checks one account or one rep at a time, so that the report
// can keep each account's findings together.
#ifndef KARE_SRC_REVIEW_PASS_HPP
#define KARE_SRC_REVIEW_PASS_HPP

#include "review_context.hpp"

#include <kare/finding.hpp>
#include <kare/plan.hpp>
#include <kare/priority.hpp>
#include <kare/report.hpp>
#include <kare/suggested_move.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// What the checks of one review share: built once, in one pass each over
/// the accounts and the activity log.
class review_checks {
public:
    /// @param where current placements as `placements_in_scope(p, rep)` gives
    review_checks(const plan& p, date as_of, std::string_view rep,
                  const std::vector<placement>& where);

    /// `account.no_quarterly_review` and `account.no_heat_map` for `a`,
    /// which stands at `where`.
    void account_findings(const account& a, placement where, std::vector<finding>& out) const;

    /// The finding a suggested move raises (`move.*`).
    finding move_finding(const account& a, const suggested_move& m) const;

    /// `rep.focus_*`, `rep.recapture_empty` and `rep.style_mismatch` for `r`,
    /// given the focus lists of `r` (four, K-A-R-E, from `make_focus_lists`).
    void rep_findings(const rep& r, const std::vector<focus_list>& lists,
                      std::vector<finding>& out) const;

private:
    const plan& p_;
    date as_of_;
    // Latest quarterly review on or before "as of", by account id.
    std::map<std::string, date, std::less<>> last_review_;
    // Per rep: (account id, category) of every account in a category, in
    // plan order, and the former clients not fired.
    struct book {
        std::vector<std::pair<std::string, category>> placed;
        std::vector<std::string> former_clients;
    };
    std::map<std::string, book, std::less<>> books_;
};

/// Removes the findings whose code the plan's review policy switches off.
void drop_disabled(const plan& p, std::vector<finding>& findings);

/// Replaces more than three deal findings of one code on one account by one
/// `account.deal_findings` listing the deals, at the place of the first.
void roll_up_deal_findings(const plan& p, std::vector<finding>& findings);

/// What one review pass finds, apart from the classification.
struct review_pass_result {
    /// Per account in scope, in plan order: the hook's findings, the
    /// account checks', its suggested move's.
    std::vector<finding> account_findings;
    std::vector<suggested_move> moves;        ///< Those the policy leaves on, in plan order.
    std::vector<account_priority> priorities; ///< As `make_priorities`.
    std::vector<focus_list> focus_lists;      ///< As `make_focus_lists`.
    std::vector<finding> rep_findings;        ///< Per rep in scope, in plan order.
};

/// Called for each account in scope, by position in `plan::accounts()`,
/// before its review findings: the report adds its classification findings.
using account_hook = std::function<void(std::size_t index, std::vector<finding>& out)>;

/// The review of the accounts of `rep` (every account when empty) standing
/// at `where` (as `placements_in_scope` gives).
review_pass_result review_pass(const plan& p, date as_of, std::string_view rep,
                               const std::vector<placement>& where,
                               const account_hook& before_account = {});

/// The work one report did, counted: each account in scope classified
/// once, the pipeline and progress computed once.
struct report_work {
    std::size_t classifications = 0; ///< Accounts classified with their explanation.
    std::size_t pipelines = 0;       ///< Pipeline reports computed.
    std::size_t progress_reports = 0; ///< Progress reports computed.
};

/// `make_report`, counting its work in `work`.
report make_report(const plan& p, date as_of, const report_options& options, report_work& work);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
