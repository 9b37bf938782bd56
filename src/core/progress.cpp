// Cookbook progress (docs/cookbook.md): targets per rep, pro-rated within the
// period containing "as of", with a trend of complete periods.
#include "plan_index.hpp"
#include "rep_targets.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>
#include <kare/progress.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace kare {
inline namespace v1 {

namespace {

// Counted days of `span` in (span.first - 1, to], never negative.
std::int32_t counted_days(const holiday_calendar& days, const period& span, date to)
{
    if (to < span.first)
        return 0;
    return std::max(0, days.days_between(span.first.plus_days(-1), std::min(to, span.last)));
}

// ceil(target × elapsed / total) without overflow: target may be large,
// elapsed <= total are day counts.
std::int64_t pro_rated(std::int64_t target, std::int32_t elapsed, std::int32_t total)
{
    const std::int64_t whole = target / total, rest = target % total;
    return whole * elapsed + (rest * elapsed + total - 1) / total;
}

// An activity as progress needs it: resolved once, then counted many times.
struct logged {
    date on;
    std::size_t account; // index in plan::accounts()
    const std::string* type;
    std::optional<category> toward;
};

struct rep_log {
    std::vector<logged> entries; // the rep's activities up to "as of", in log order

    static bool counts_toward(const logged& e, const target& t, const period& span, date last)
    {
        return e.toward == t.cat && *e.type == t.activity && !(e.on < span.first) &&
               !(last < e.on);
    }

    std::int64_t count(const target& t, const period& span, date through) const
    {
        const date last = std::min(through, span.last);
        std::int64_t n = 0;
        for (const logged& e : entries)
            if (counts_toward(e, t, span, last))
                ++n;
        return n;
    }

    // Every account's count in one pass: asking account by account would
    // cost the rep's accounts times the rep's log.
    std::unordered_map<std::size_t, std::int64_t> count_by_account(const target& t,
                                                                  const period& span,
                                                                  date through) const
    {
        const date last = std::min(through, span.last);
        std::unordered_map<std::size_t, std::int64_t> n;
        for (const logged& e : entries)
            if (counts_toward(e, t, span, last))
                ++n[e.account];
        return n;
    }
};

} // namespace

std::string_view to_string(progress_status s) noexcept
{
    switch (s) {
    case progress_status::not_started: return "not_started";
    case progress_status::behind: return "behind";
    case progress_status::on_track: return "on_track";
    case progress_status::ahead: return "ahead";
    }
    return "on_track";
}

period_progress pace(const period& span, std::int64_t target, std::int64_t done, date as_of,
                     const holiday_calendar& days, unsigned fiscal_year_start_month)
{
    if (span.last < span.first)
        throw error(errc::invalid_argument, "the period ends on " + span.last.to_string() +
                                                ", before it starts on " +
                                                span.first.to_string());
    period_progress out;
    out.span = span;
    out.label = span.label(fiscal_year_start_month);
    out.days_total = counted_days(days, span, span.last);
    out.days_elapsed = counted_days(days, span, as_of);
    if (out.days_total == 0) {
        // No working day at all (a week of holidays): pace by the calendar.
        const elapsed e = elapsed_in(span, as_of);
        out.days_total = e.days_total;
        out.days_elapsed = e.days_elapsed;
    }
    out.target = std::max<std::int64_t>(0, target);
    out.done = std::max<std::int64_t>(0, done);
    out.expected = pro_rated(out.target, out.days_elapsed, out.days_total);
    out.gap = std::max<std::int64_t>(0, out.expected - out.done);
    out.remaining = std::max<std::int64_t>(0, out.target - out.done);
    // `done` is whole, so done < exact expected  <=>  done < its ceiling.
    if (out.done == 0 && out.expected > 0)
        out.status = progress_status::not_started;
    else if (out.done < out.expected)
        out.status = progress_status::behind;
    else if (out.target > 0 && out.done >= out.target && out.days_elapsed < out.days_total)
        out.status = progress_status::ahead;
    else
        out.status = progress_status::on_track;
    return out;
}

namespace {

progress_report progress_of(const plan& p, date as_of, const progress_options& options)
{
    if (!options.rep.empty() && !p.find_rep(options.rep))
        throw error(errc::not_found, "no rep has the id '" + options.rep + "'");
    if (options.trend_periods > max_trend_periods)
        throw error(errc::invalid_argument,
                    "at most " + std::to_string(max_trend_periods) + " trend periods, not " +
                        std::to_string(options.trend_periods));
    const unsigned fiscal = p.settings().fiscal_year_start_month;
    const holiday_calendar days = p.pacing().day_calendar();
    const cookbook& book = p.cookbook();
    detail::plan_index lookup(p);

    progress_report report;
    report.plan_name = p.name();
    report.as_of = as_of;
    report.rep = options.rep;
    report.fiscal_year_start_month = fiscal;
    report.basis = p.pacing().basis;

    for (const rep& r : p.reps()) {
        if (!options.rep.empty() && r.id != options.rep)
            continue;
        rep_log log;
        // A rep's activities often come an account at a time: its position is
        // looked up once per run of them.
        const std::string* run_account = nullptr;
        std::size_t run_at = 0;
        for (std::size_t i : lookup.activities_of(r.id)) {
            const activity& a = p.activities()[i];
            if (as_of < a.on)
                continue;
            if (!run_account || *run_account != a.account) {
                run_account = &a.account;
                run_at = p.account_index(a.account).value_or(0);
            }
            log.entries.push_back(logged{a.on, run_at, &a.type, lookup.activity_toward(a)});
        }
        // Only the accounts that ask effort of the rep count (rep_targets.hpp).
        const auto owned_now = detail::working_accounts(p, r, lookup.owned_on(r.id, as_of));
        // Trend periods of different targets end on the same days.
        std::map<date, std::array<std::int64_t, 4>> owned_at_end;
        const auto owned_on = [&](date d) -> const std::array<std::int64_t, 4>& {
            auto it = owned_at_end.find(d);
            if (it == owned_at_end.end())
                it = owned_at_end
                         .emplace(d, detail::working_accounts(p, r, lookup.owned_on(r.id, d)))
                         .first;
            return it->second;
        };
        const std::uint32_t focus_min = p.review_policy().focus_min;
        const auto scaled = [focus_min](const target& t, std::int64_t accounts) {
            return detail::owed_per_period(t, accounts, focus_min);
        };

        rep_progress line;
        line.id = r.id;
        line.name = r.name;
        for (const target& t : book.targets) {
            const auto c = static_cast<std::size_t>(t.cat);
            if (owned_now[c] == 0)
                continue;
            target_progress tp;
            tp.goal = t;
            const activity_type* type = book.find_activity(t.activity);
            tp.activity_name = type && !type->name.empty() ? type->name : t.activity;
            tp.accounts = owned_now[c];
            const period current = period_containing(as_of, t.per, fiscal);
            tp.current = pace(current, scaled(t, owned_now[c]), log.count(t, current, as_of),
                              as_of, days, fiscal);
            period earlier = current;
            for (std::size_t k = 0; k < options.trend_periods; ++k) {
                earlier = previous_period(earlier, fiscal);
                const std::int64_t then = owned_on(earlier.last)[c];
                tp.trend.push_back(pace(earlier, scaled(t, then),
                                        log.count(t, earlier, earlier.last), earlier.last, days,
                                        fiscal));
            }
            std::reverse(tp.trend.begin(), tp.trend.end());
            if (t.scope == target_scope::account) {
                const auto& accounts = p.accounts();
                const auto done = log.count_by_account(t, current, as_of);
                for (std::size_t i : lookup.accounts_of(r.id)) {
                    if (lookup.account_on(i, as_of) != t.cat)
                        continue;
                    const auto mine = done.find(i);
                    tp.by_account.push_back(account_progress{
                        accounts[i].id, accounts[i].name,
                        pace(current, t.count, mine == done.end() ? 0 : mine->second, as_of,
                             days, fiscal)});
                }
            }
            line.targets.push_back(std::move(tp));
        }
        line.effort = detail::measure_effort(lookup, r.id, as_of);
        detail::effort_findings(p, r, line.effort, report.findings);
        report.reps.push_back(std::move(line));
    }
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const finding& x, const finding& y) { return x.severity > y.severity; });
    return report;
}

} // namespace

progress_report make_progress(const plan& p, date as_of, const progress_options& options)
{
    const ignored_facts later = facts_after(p, as_of);
    if (later.total() == 0)
        return progress_of(p, as_of, options);
    progress_report r = progress_of(plan_as_of(p, as_of), as_of, options);
    r.ignored = later;
    return r;
}

} // namespace v1
} // namespace kare
