// kare_report_scoreboard_* and kare_report_review_json: the leader's
// scoreboard read value by value, and the review document.
#include "firewall.hpp"
#include "streamed_text.hpp"

#include <kare/json.hpp>

using namespace kare::capi;

namespace {

// Digits of the bloat ratio, as the pipeline reads give it.
constexpr unsigned bloat_places = 4;
constexpr std::size_t bloat_text = 3;

const kare::scoreboard_row& row_at(const kare_report* report, size_t row)
{
    const kare::scoreboard& board = require(report, "report")->report.scoreboard;
    if (row > board.reps.size())
        throw bad_argument("row " + std::to_string(row) + " is past the " +
                           std::to_string(board.reps.size() + 1) + " scoreboard rows");
    return row == board.reps.size() ? board.team : board.reps[row];
}

std::size_t category_arg(int32_t category)
{
    if (category < KARE_PLACEMENT_KEEP || category > KARE_PLACEMENT_EXPAND)
        throw bad_argument("category " + std::to_string(category) +
                           " is not one of KARE_PLACEMENT_KEEP..KARE_PLACEMENT_EXPAND");
    return static_cast<std::size_t>(category);
}

} // namespace

std::vector<std::array<std::string, 4>> kare::capi::scoreboard_texts(const kare::scoreboard& board)
{
    std::vector<std::array<std::string, 4>> out;
    const auto add = [&](const kare::scoreboard_row& row) {
        const kare::pipeline_totals& t = row.pipeline;
        const auto r = t.bloat_ratio();
        out.push_back({t.total.to_string(), t.honest_total.to_string(), t.hope_total.to_string(),
                       r ? r->to_decimal(bloat_places) : std::string()});
    };
    for (const auto& row : board.reps)
        add(row);
    add(board.team);
    return out;
}

extern "C" {

kare_status kare_report_review_json(char** out, size_t* out_len, const kare_report* report)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        const kare::report& r = require(report, "report")->report;
        give_streamed(out, out_len, [&](std::ostream& stream) { kare::write_review(r, stream); });
    });
}

kare_status kare_report_scoreboard_count(size_t* out, const kare_report* report)
{
    return guard([&] {
        require(out, "out");
        *out = require(report, "report")->report.scoreboard.reps.size() + 1;
    });
}

kare_status kare_report_scoreboard_rep(const char** out, const kare_report* report, size_t row)
{
    return guard([&] {
        require(out, "out");
        *out = row_at(report, row).rep.c_str();
    });
}

kare_status kare_report_scoreboard_accounts(size_t* out, const kare_report* report, size_t row,
                                            int32_t placement)
{
    return guard([&] {
        require(out, "out");
        const kare::scoreboard_row& r = row_at(report, row);
        switch (placement) {
        case KARE_PLACEMENT_FIRED: *out = r.fired; return;
        case KARE_PLACEMENT_UNASSIGNED: *out = r.unassigned; return;
        default:
            if (placement < KARE_PLACEMENT_KEEP || placement > KARE_PLACEMENT_EXPAND)
                throw bad_argument("placement " + std::to_string(placement) +
                                   " is not one of KARE_PLACEMENT_KEEP..KARE_PLACEMENT_UNASSIGNED");
            *out = r.accounts[static_cast<std::size_t>(placement)];
        }
    });
}

kare_status kare_report_scoreboard_in_focus(size_t* out, const kare_report* report, size_t row,
                                            int32_t category)
{
    return guard([&] {
        require(out, "out");
        const kare::scoreboard_row& r = row_at(report, row);
        *out = r.in_focus[category_arg(category)];
    });
}

kare_status kare_report_scoreboard_targets(size_t* out_targets, size_t* out_behind,
                                           const kare_report* report, size_t row)
{
    return guard([&] {
        const kare::scoreboard_row& r = row_at(report, row);
        if (out_targets)
            *out_targets = r.targets;
        if (out_behind)
            *out_behind = r.targets_behind;
    });
}

kare_status kare_report_scoreboard_effort(int64_t* out_activities, uint32_t* out_share_percent,
                                          int32_t* out_intended_percent,
                                          const kare_report* report, size_t row, int32_t category)
{
    return guard([&] {
        const kare::scoreboard_row& r = row_at(report, row);
        const std::size_t c = category_arg(category);
        if (out_activities)
            *out_activities = r.activities[c];
        if (out_share_percent)
            *out_share_percent = r.share_percent[c];
        if (out_intended_percent)
            *out_intended_percent =
                r.intended_percent ? static_cast<int32_t>((*r.intended_percent)[c]) : -1;
    });
}

kare_status kare_report_scoreboard_pipeline(size_t* out_open_deals, const char** out_amount,
                                            const kare_report* report, size_t row,
                                            int32_t amount)
{
    return guard([&] {
        const kare::scoreboard_row& r = row_at(report, row);
        if (amount < KARE_AMOUNT_TOTAL || amount > KARE_AMOUNT_HOPE)
            throw bad_argument("amount " + std::to_string(amount) +
                               " is not one of KARE_AMOUNT_TOTAL..KARE_AMOUNT_HOPE");
        if (out_open_deals)
            *out_open_deals = r.pipeline.open_deals;
        if (out_amount)
            *out_amount = report->scoreboard_amounts.at(row)[static_cast<std::size_t>(amount)].c_str();
    });
}

kare_status kare_report_scoreboard_bloat(const char** out, const kare_report* report, size_t row)
{
    return guard([&] {
        require(out, "out");
        row_at(report, row);
        const std::string& text = report->scoreboard_amounts.at(row)[bloat_text];
        *out = text.empty() ? nullptr : text.c_str();
    });
}

kare_status kare_report_scoreboard_findings(size_t* out, const kare_report* report, size_t row,
                                            const char* severity)
{
    return guard([&] {
        require(out, "out");
        const kare::scoreboard_row& r = row_at(report, row);
        require(severity, "severity");
        for (kare::severity s : {kare::severity::info, kare::severity::warning, kare::severity::error})
            if (kare::to_string(s) == severity) {
                *out = r.findings[static_cast<std::size_t>(s)];
                return;
            }
        throw bad_argument(std::string("severity '") + kare::detail::quoted(severity) +
                           "' is not one of info, warning, error");
    });
}

kare_status kare_report_scoreboard_worst(size_t* out_count, size_t* out_finding,
                                         const kare_report* report, size_t row, size_t k)
{
    return guard([&] {
        const kare::scoreboard_row& r = row_at(report, row);
        if (out_count)
            *out_count = r.worst.size();
        if (out_finding) {
            if (k >= r.worst.size())
                throw bad_argument("worst finding " + std::to_string(k) + " is past the " +
                                   std::to_string(r.worst.size()) + " of row " +
                                   std::to_string(row));
            *out_finding = r.worst[k];
        }
    });
}

} // extern "C"
