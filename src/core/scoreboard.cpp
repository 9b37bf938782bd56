#include <kare/report.hpp>
#include <kare/percent.hpp>
#include <kare/scoreboard.hpp>

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace kare {
inline namespace v1 {

namespace {

void share_of(scoreboard_row& row)
{
    std::int64_t total = 0;
    for (std::int64_t n : row.activities)
        total += n;
    if (total == 0)
        return;
    for (std::size_t c = 0; c < 4; ++c)
        row.share_percent[c] = static_cast<std::uint32_t>(whole_percent(row.activities[c], total));
}

void count_finding(scoreboard_row& row, const finding& f, std::size_t index)
{
    ++row.findings[static_cast<std::size_t>(f.severity)];
    if (row.worst.size() < scoreboard_worst_findings)
        row.worst.push_back(index);
}

} // namespace

scoreboard make_scoreboard(const report& r)
{
    scoreboard board;
    std::unordered_map<std::string_view, std::size_t> row_of;
    for (const rep_progress& rp : r.progress.reps) {
        row_of.emplace(rp.id, board.reps.size());
        scoreboard_row row;
        row.rep = rp.id;
        row.name = rp.name;
        board.reps.push_back(std::move(row));
    }
    const auto row_for = [&](std::string_view rep) -> scoreboard_row* {
        auto it = row_of.find(rep);
        return it == row_of.end() ? nullptr : &board.reps[it->second];
    };
    scoreboard_row& team = board.team;

    std::unordered_map<std::string_view, std::string_view> owner_of;
    for (const account_result& a : r.accounts) {
        owner_of.emplace(a.id, a.owner);
        scoreboard_row* row = row_for(a.owner);
        for (scoreboard_row* line : {row, &team}) {
            if (!line)
                continue;
            const placement& where = a.outcome.result;
            if (where.is_assigned())
                ++line->accounts[static_cast<std::size_t>(where.cat())];
            else if (where.what() == placement::kind::fired)
                ++line->fired;
            else
                ++line->unassigned;
        }
    }
    for (const focus_list& list : r.focus_lists)
        for (scoreboard_row* line : {row_for(list.rep), &team})
            if (line)
                line->in_focus[static_cast<std::size_t>(list.cat)] += list.accounts.size();

    for (const rep_progress& rp : r.progress.reps) {
        scoreboard_row& row = *row_for(rp.id);
        for (const target_progress& t : rp.targets) {
            const bool behind = t.current.status == progress_status::behind ||
                                t.current.status == progress_status::not_started;
            for (scoreboard_row* line : {&row, &team}) {
                ++line->targets;
                line->targets_behind += behind ? 1 : 0;
            }
        }
        std::array<std::uint32_t, 4> intended{};
        for (std::size_t c = 0; c < 4; ++c) {
            const category_effort& e = rp.effort.categories[c];
            row.activities[c] = e.activities;
            team.activities[c] += e.activities;
            intended[c] = e.intended_percent;
        }
        row.uncategorised = rp.effort.uncategorised;
        team.uncategorised += rp.effort.uncategorised;
        row.intended_percent = intended;
        share_of(row);
    }
    share_of(team);
    // One intended mix for the team only when there is one to speak of.
    if (!board.reps.empty() &&
        std::all_of(board.reps.begin(), board.reps.end(), [&](const scoreboard_row& row) {
            return row.intended_percent == board.reps.front().intended_percent;
        }))
        team.intended_percent = board.reps.front().intended_percent;

    for (const rep_pipeline& rp : r.pipeline.by_rep)
        if (scoreboard_row* row = row_for(rp.rep))
            row->pipeline = rp.totals;
    team.pipeline = r.pipeline.overall;

    std::unordered_map<std::string_view, std::string_view> rep_of_deal;
    for (const deal_line& d : r.pipeline.deals)
        rep_of_deal.emplace(d.id, d.rep);
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const finding& f = r.findings[i];
        std::string_view rep;
        if (f.subject == subject_kind::rep)
            rep = f.subject_id;
        else if (f.subject == subject_kind::account) {
            if (auto it = owner_of.find(f.subject_id); it != owner_of.end())
                rep = it->second;
        } else if (f.subject == subject_kind::deal) {
            if (auto it = rep_of_deal.find(f.subject_id); it != rep_of_deal.end())
                rep = it->second;
        }
        if (scoreboard_row* row = rep.empty() ? nullptr : row_for(rep))
            count_finding(*row, f, i);
        count_finding(team, f, i);
    }
    return board;
}

} // namespace v1
} // namespace kare
