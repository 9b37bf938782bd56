// Lookups for one pass over a plan: the category an account was in on a
// date (from the plan's cached verdicts, since activities and trend periods
// ask about the same accounts many times), and each rep's accounts and
// activities (so a team costs no more than its reps).
#ifndef KARE_SRC_PLAN_INDEX_HPP
#define KARE_SRC_PLAN_INDEX_HPP

#include <kare/activity.hpp>
#include <kare/classify.hpp>
#include <kare/effort.hpp>
#include <kare/plan.hpp>
#include <kare/timeline.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

class plan_index {
public:
    explicit plan_index(const plan& p) : plan_(p) {}

    /// `category_at(plan, accounts()[index], on)`.
    std::optional<category> account_on(std::size_t index, date on)
    {
        const account& a = plan_.accounts()[index];
        placement where = decision_at(a, on);
        if (where.what() == placement::kind::open) {
            // The plan keeps every account's verdict current.
            where = plan_.compiled().decide(placement(), plan_.verdict(index)).result;
        }
        if (!where.is_assigned())
            return std::nullopt;
        return where.cat();
    }

    /// The category an activity counts toward: its account's on its date.
    std::optional<category> activity_toward(const activity& act)
    {
        const auto index = plan_.account_index(act.account);
        if (!index)
            return std::nullopt; // the plan refuses such entries; be safe anyway
        return account_on(*index, act.on);
    }

    /// Positions in `plan::activities()` of the activities `rep` logged.
    const std::vector<std::size_t>& activities_of(std::string_view rep)
    {
        if (!indexed_)
            build_indexes();
        auto it = activities_by_rep_.find(rep);
        return it == activities_by_rep_.end() ? none_ : it->second;
    }

    /// Positions in `plan::accounts()` of the accounts `rep` owns.
    const std::vector<std::size_t>& accounts_of(std::string_view rep)
    {
        if (!indexed_)
            build_indexes();
        auto it = accounts_by_owner_.find(rep);
        return it == accounts_by_owner_.end() ? none_ : it->second;
    }

    /// Accounts owned by `rep` per category on `on`, indexed by `category`.
    std::array<std::int64_t, 4> owned_on(std::string_view rep, date on)
    {
        std::array<std::int64_t, 4> counts{};
        for (std::size_t i : accounts_of(rep))
            if (auto c = account_on(i, on))
                ++counts[static_cast<std::size_t>(*c)];
        return counts;
    }

    const plan& source() const noexcept { return plan_; }

private:
    // One pass each, so that a team of many reps costs no more than one rep.
    void build_indexes()
    {
        const auto& accounts = plan_.accounts();
        for (std::size_t i = 0; i < accounts.size(); ++i)
            accounts_by_owner_[accounts[i].owner].push_back(i);
        const auto& log = plan_.activities();
        for (std::size_t i = 0; i < log.size(); ++i)
            activities_by_rep_[log[i].rep].push_back(i);
        indexed_ = true;
    }

    using index_map = std::map<std::string, std::vector<std::size_t>, std::less<>>;
    const plan& plan_;
    bool indexed_ = false;
    index_map activities_by_rep_;
    index_map accounts_by_owner_;
    const std::vector<std::size_t> none_;
};

/// `measure_effort` with a shared lookup.
effort_summary measure_effort(plan_index& lookup, std::string_view rep, date as_of);

/// The effort findings `summary` (of rep `who`) raises under the plan's policy.
void effort_findings(const plan& p, const rep& who, const effort_summary& summary,
                     std::vector<finding>& out);

} // namespace detail
} // namespace v1
} // namespace kare

#endif
