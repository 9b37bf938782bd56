// The effort mix and its findings (docs/cookbook.md, "Effort mix").
#include "plan_index.hpp"
#include "rep_targets.hpp"

#include <kare/effort.hpp>
#include <kare/error.hpp>
#include <kare/percent.hpp>
#include <kare/plan.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {

namespace {

constexpr std::uint64_t saturated = std::uint64_t{1} << 62;

std::uint64_t add_saturating(std::uint64_t a, std::uint64_t b) noexcept
{
    return a >= saturated - std::min(b, saturated) ? saturated : a + b;
}

std::uint64_t mul_saturating(std::uint64_t a, std::uint64_t b) noexcept
{
    if (a != 0 && b > saturated / a)
        return saturated;
    return a * b;
}

// How many periods of a kind make a year, to put every target on one scale.
std::uint64_t per_year(period_kind kind) noexcept
{
    switch (kind) {
    case period_kind::week: return 52;
    case period_kind::month: return 12;
    case period_kind::quarter: return 4;
    case period_kind::year: return 1;
    }
    return 1;
}

// Whole percentages summing to 100 by the largest remainder; ties go to the
// category first in K-A-R-E order so the result is deterministic.
effort_mix largest_remainder(std::array<std::uint64_t, 4> weights)
{
    effort_mix mix{};
    // Halve until 100 × total fits comfortably; shares lose nothing visible.
    while (*std::max_element(weights.begin(), weights.end()) > (std::uint64_t{1} << 54))
        for (auto& w : weights)
            w >>= 1;
    std::uint64_t total = 0;
    for (auto w : weights)
        total += w;
    if (total == 0)
        return mix;
    std::array<std::uint64_t, 4> remainder{};
    std::uint32_t given = 0;
    for (std::size_t c = 0; c < 4; ++c) {
        mix[c] = static_cast<std::uint32_t>(weights[c] * 100 / total);
        remainder[c] = weights[c] * 100 % total;
        given += mix[c];
    }
    while (given < 100) {
        std::size_t best = 0;
        for (std::size_t c = 1; c < 4; ++c)
            if (remainder[c] > remainder[best])
                best = c;
        ++mix[best];
        remainder[best] = 0;
        ++given;
    }
    return mix;
}

const rep& rep_named(const plan& p, std::string_view id)
{
    const rep* r = p.find_rep(id);
    if (!r)
        throw error(errc::not_found, "no rep has the id '" + std::string(id) + "'");
    return *r;
}

// The mix the cookbook implies for `r`: what each target asks of the rep
// (rep_targets.hpp) counted over a year.
effort_mix derive_mix(const plan& p, const rep& r, const std::array<std::int64_t, 4>& owned)
{
    const auto working = detail::working_accounts(p, r, owned);
    const std::uint32_t focus_min = p.review_policy().focus_min;
    std::array<std::uint64_t, 4> yearly{};
    for (const target& t : p.cookbook().targets) {
        const auto c = static_cast<std::size_t>(t.cat);
        const auto per_period =
            static_cast<std::uint64_t>(detail::owed_per_period(t, working[c], focus_min));
        yearly[c] = add_saturating(yearly[c], mul_saturating(per_period, per_year(t.per)));
    }
    return largest_remainder(yearly);
}

std::string who(const rep& r)
{
    return r.name.empty() ? "'" + r.id + "'" : "'" + r.name + "' (" + r.id + ")";
}

std::string display(category c)
{
    std::string name(to_string(c));
    name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

finding rep_finding(std::string_view code, const rep& r, std::vector<figure> figures,
                    std::string message)
{
    const finding_code* entry = find_finding_code(code);
    finding f;
    f.code = std::string(code);
    f.severity = entry ? entry->severity : severity::warning;
    f.subject = subject_kind::rep;
    f.subject_id = r.id;
    f.figures = std::move(figures);
    f.message = std::move(message);
    return f;
}

} // namespace

std::string_view to_string(mix_source s) noexcept
{
    return s == mix_source::cookbook ? "cookbook" : "policy";
}

namespace detail {

effort_summary measure_effort(plan_index& lookup, std::string_view rep, date as_of)
{
    const plan& p = lookup.source();
    const effort_policy& policy = p.effort_policy();
    effort_summary s;
    s.last = as_of;
    s.first = as_of.plus_days(1 - static_cast<std::int32_t>(policy.window_days));
    const auto owned = lookup.owned_on(rep, as_of);
    for (std::size_t c = 0; c < owned.size(); ++c)
        s.categories[c].accounts = owned[c];
    for (std::size_t i : lookup.activities_of(rep)) {
        const activity& a = p.activities()[i];
        if (a.on < s.first || as_of < a.on)
            continue;
        if (auto c = lookup.activity_toward(a)) {
            ++s.categories[static_cast<std::size_t>(*c)].activities;
            ++s.total;
        } else {
            ++s.uncategorised;
        }
    }
    const effort_mix mix = policy.mix ? *policy.mix : derive_mix(p, rep_named(p, rep), owned);
    s.source = policy.mix ? mix_source::policy : mix_source::cookbook;
    for (std::size_t c = 0; c < mix.size(); ++c)
        s.categories[c].intended_percent = mix[c];
    return s;
}

void effort_findings(const plan& p, const rep& r, const effort_summary& s,
                     std::vector<finding>& out)
{
    const effort_policy& policy = p.effort_policy();
    if (s.total == 0 || s.total < static_cast<std::int64_t>(policy.min_activities))
        return; // too little logged for a mix to mean anything
    const std::string window = "from " + s.first.to_string() + " to " + s.last.to_string();
    const auto common = [&](std::vector<figure> figures) {
        figures.push_back({"total_activities", s.total});
        figures.push_back({"window_first", s.first.to_string()});
        figures.push_back({"window_last", s.last.to_string()});
        figures.push_back({"mix_source", std::string(to_string(s.source))});
        return figures;
    };

    const category_effort& keep = s.categories[static_cast<std::size_t>(category::keep)];
    const std::int64_t limit = std::int64_t{keep.intended_percent} + policy.keep_tolerance;
    // The rule compares the share as it is shown, so a finding never reports
    // a share within the limit.
    const std::int64_t share = whole_percent(keep.activities, s.total);
    if (share > limit) {
        out.push_back(rep_finding(
            "effort.keep_overinvested", r,
            common({{"keep_activities", keep.activities},
                    {"keep_share_percent", share},
                    {"intended_percent", std::int64_t{keep.intended_percent}},
                    {"tolerance_points", std::int64_t{policy.keep_tolerance}}}),
            who(r) + " logged " + std::to_string(keep.activities) + " of " +
                std::to_string(s.total) + " activities (" + std::to_string(share) +
                "%) toward Keep " + window + "; the plan intends " +
                std::to_string(keep.intended_percent) + "% with " +
                std::to_string(policy.keep_tolerance) + " points of tolerance."));
    }

    for (category c : all_categories) {
        const category_effort& line = s.categories[static_cast<std::size_t>(c)];
        if (line.accounts == 0 || line.intended_percent == 0 || line.activities != 0)
            continue;
        out.push_back(rep_finding(
            "effort.category_neglected", r,
            common({{"category", std::string(to_string(c))},
                    {"accounts", line.accounts},
                    {"intended_percent", std::int64_t{line.intended_percent}}}),
            who(r) + " logged " + std::to_string(s.total) + " activities " + window +
                ", none toward " + display(c) + ", which holds " + std::to_string(line.accounts) +
                " of their accounts and should get " + std::to_string(line.intended_percent) +
                "% of the effort."));
    }
}

} // namespace detail

effort_summary measure_effort(const plan& p, std::string_view rep, date as_of)
{
    rep_named(p, rep);
    detail::plan_index lookup(p);
    return detail::measure_effort(lookup, rep, as_of);
}

effort_mix cookbook_mix(const plan& p, std::string_view rep, date as_of)
{
    const kare::rep& r = rep_named(p, rep);
    detail::plan_index lookup(p);
    return derive_mix(p, r, lookup.owned_on(rep, as_of));
}

std::vector<finding> effort_findings(const plan& p, date as_of, std::string_view rep)
{
    std::vector<finding> out;
    detail::plan_index lookup(p);
    const kare::rep* only = rep.empty() ? nullptr : &rep_named(p, rep);
    for (const auto& r : p.reps())
        if (!only || only == &r)
            detail::effort_findings(p, r, detail::measure_effort(lookup, r.id, as_of), out);
    return out;
}

} // namespace v1
} // namespace kare
