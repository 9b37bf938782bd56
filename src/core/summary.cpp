// The mergeable portfolio summary and the account findings it counts.
#include <kare/plan.hpp>
#include <kare/summary.hpp>

namespace kare {
inline namespace v1 {

namespace detail {

namespace {
constexpr std::array<std::string_view, account_finding_count> finding_code_names{
    "account.unassigned",  "account.unassigned_by_decision", "account.ambiguous",
    "account.tie_break",   "account.contradicts_profile",    "account.fire_suggested"};

constexpr std::uint8_t bit(account_finding f) noexcept
{
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(f));
}
} // namespace

std::string_view code_of(account_finding f) noexcept
{
    return finding_code_names[static_cast<std::size_t>(f)];
}

// The one rule of which account findings a classification raises: the
// report words them (src/core/report.cpp), the summary and batches count them.
std::uint8_t account_findings(const placement_outcome& where, const compiled_verdict& v,
                              std::uint8_t profiled) noexcept
{
    std::uint8_t out = 0;
    switch (where.basis) {
    case basis::none:
        // More than one bit set: clearing the lowest leaves some.
        out |= (v.candidates & (v.candidates - 1)) != 0 ? bit(account_finding::ambiguous)
                                                         : bit(account_finding::unassigned);
        break;
    case basis::tie_break: out |= bit(account_finding::tie_break); break;
    case basis::decision:
        if (where.result.what() == placement::kind::unassigned) {
            out |= bit(account_finding::unassigned_by_decision);
        } else if (where.result.is_assigned()) {
            const auto c = static_cast<unsigned>(where.result.cat());
            if (((profiled >> c) & 1U) && !((v.candidates >> c) & 1U))
                out |= bit(account_finding::contradicts_profile);
        }
        break;
    case basis::profile: break;
    }
    if (v.any_fire && where.result.what() != placement::kind::fired)
        out |= bit(account_finding::fire_suggested);
    return out;
}

void count_account(portfolio_summary& s, const placement_outcome& where,
                   const compiled_verdict& v, std::uint8_t finding_bits)
{
    auto& findings = s.findings;
    // Insert first: a failed allocation leaves the summary as it was.
    for (std::size_t f = 0; f < account_finding_count; ++f)
        if ((finding_bits >> f) & 1U)
            findings.try_emplace(std::string(finding_code_names[f]), 0);
    for (std::size_t f = 0; f < account_finding_count; ++f)
        if ((finding_bits >> f) & 1U)
            ++findings.find(finding_code_names[f])->second;
    ++s.accounts;
    if (where.result.is_assigned())
        ++s.by_category[static_cast<std::size_t>(where.result.cat())];
    else if (where.result.what() == placement::kind::fired)
        ++s.fired;
    else
        ++s.unassigned;
    for (std::size_t c = 0; c < 4; ++c)
        s.matching[c] += (v.candidates >> c) & 1U;
}

} // namespace detail

portfolio_summary& portfolio_summary::operator+=(const portfolio_summary& other)
{
    auto merged = findings;
    for (const auto& [code, count] : other.findings)
        merged[code] += count;
    accounts += other.accounts;
    for (std::size_t c = 0; c < 4; ++c) {
        by_category[c] += other.by_category[c];
        matching[c] += other.matching[c];
    }
    fired += other.fired;
    unassigned += other.unassigned;
    findings.swap(merged);
    return *this;
}

portfolio_summary merge(portfolio_summary a, const portfolio_summary& b)
{
    a += b;
    return a;
}

portfolio_summary summarize(const plan& p)
{
    portfolio_summary s;
    const std::uint8_t profiled = p.compiled().profiled_categories();
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const placement_outcome where = p.placement_of(i);
        detail::count_account(s, where, p.verdict(i),
                              detail::account_findings(where, p.verdict(i), profiled));
    }
    return s;
}

} // namespace v1
} // namespace kare
