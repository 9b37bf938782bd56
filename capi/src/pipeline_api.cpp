// kare_pipeline_*: the pipeline report read value by value, without JSON.
// Amounts are written once, when the pipeline is made, so every read is a
// borrowed string that lives as long as the handle.
#include "firewall.hpp"

#include <kare/pipeline.hpp>

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace {

// Digits of the bloat ratio, as the pipeline document writes it.
constexpr unsigned bloat_places = 4;

struct group_text {
    std::string name;
    const kare::pipeline_totals* totals = nullptr;
    std::array<std::string, 3> amounts;       // by KARE_AMOUNT_
    std::optional<std::string> bloat;
    std::array<std::string, 4> state_amounts; // by KARE_HONESTY_
};

group_text text_of(std::string name, const kare::pipeline_totals& t)
{
    group_text g;
    g.name = std::move(name);
    g.totals = &t;
    g.amounts = {t.total.to_string(), t.honest_total.to_string(), t.hope_total.to_string()};
    if (auto r = t.bloat_ratio())
        g.bloat = r->to_decimal(bloat_places);
    for (std::size_t s = 0; s < g.state_amounts.size(); ++s)
        g.state_amounts[s] = t.amount_by_state[s].to_string();
    return g;
}

} // namespace

/// A pipeline report and its figures as text.
struct kare_pipeline {
    kare::capi::handle_tag<0x4b50494c> tag; // "KPIL"
    kare::pipeline_report report;
    std::array<std::vector<group_text>, 3> groups; // by KARE_PIPELINE_
    std::string won_amount;
    std::string lost_amount;
    std::vector<std::string> hope_amounts;

    void write_texts()
    {
        groups[KARE_PIPELINE_TEAM].push_back(text_of("", report.overall));
        for (const auto& r : report.by_rep)
            groups[KARE_PIPELINE_BY_REP].push_back(text_of(r.rep, r.totals));
        for (kare::deal_bucket b : kare::all_deal_buckets)
            groups[KARE_PIPELINE_BY_CATEGORY].push_back(
                text_of(std::string(kare::to_string(b)),
                        report.by_bucket[static_cast<std::size_t>(b)]));
        won_amount = report.closed.won_amount.to_string();
        lost_amount = report.closed.lost_amount.to_string();
        for (const auto& h : report.hope)
            hope_amounts.push_back(h.amount.to_string());
    }
};

using namespace kare::capi;

namespace {

const std::vector<group_text>& groups_of(const kare_pipeline* pipeline, int32_t grouping)
{
    require(pipeline, "pipeline");
    if (grouping < KARE_PIPELINE_TEAM || grouping > KARE_PIPELINE_BY_CATEGORY)
        throw bad_argument("grouping " + std::to_string(grouping) +
                           " is not one of KARE_PIPELINE_TEAM..KARE_PIPELINE_BY_CATEGORY");
    return pipeline->groups[static_cast<std::size_t>(grouping)];
}

const group_text& group_at(const kare_pipeline* pipeline, int32_t grouping, size_t index)
{
    const auto& groups = groups_of(pipeline, grouping);
    if (index >= groups.size())
        throw bad_argument("group index " + std::to_string(index) + " is past the " +
                           std::to_string(groups.size()) + " groups");
    return groups[index];
}

std::size_t state_arg(int32_t state)
{
    if (state < KARE_HONESTY_DEAD || state > KARE_HONESTY_QUALIFIED)
        throw bad_argument("state " + std::to_string(state) +
                           " is not one of KARE_HONESTY_DEAD..KARE_HONESTY_QUALIFIED");
    return static_cast<std::size_t>(state);
}

} // namespace

extern "C" {

kare_status kare_pipeline_new(kare_pipeline** out, const kare_plan* plan, const char* as_of,
                              const char* rep)
{
    return kare_pipeline_new_v2(out, plan, as_of, KARE_NUL_TERMINATED, rep, KARE_NUL_TERMINATED);
}

kare_status kare_pipeline_new_v2(kare_pipeline** out, const kare_plan* plan, const char* as_of,
                                 size_t as_of_len, const char* rep, size_t rep_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        kare::pipeline_options options;
        options.rep = optional_text(rep, rep_len, "rep", text_kind::name);
        auto handle = std::make_unique<kare_pipeline>();
        {
            std::shared_lock read(plan->lock);
            handle->report = kare::make_pipeline(plan->plan, day, options);
        }
        handle->write_texts();
        *out = handle.release();
    });
}

void kare_pipeline_free(kare_pipeline* pipeline)
{
    if (may_free(pipeline))
        delete pipeline;
}

kare_status kare_pipeline_currency(const char** out, const kare_pipeline* pipeline)
{
    return guard([&] {
        require(out, "out");
        *out = require(pipeline, "pipeline")->report.currency.c_str();
    });
}

kare_status kare_pipeline_group_count(size_t* out, const kare_pipeline* pipeline, int32_t grouping)
{
    return guard([&] {
        require(out, "out");
        *out = groups_of(pipeline, grouping).size();
    });
}

kare_status kare_pipeline_group_name(const char** out, const kare_pipeline* pipeline,
                                     int32_t grouping, size_t index)
{
    return guard([&] {
        require(out, "out");
        *out = group_at(pipeline, grouping, index).name.c_str();
    });
}

kare_status kare_pipeline_open_deals(size_t* out, const kare_pipeline* pipeline, int32_t grouping,
                                     size_t index)
{
    return guard([&] {
        require(out, "out");
        *out = group_at(pipeline, grouping, index).totals->open_deals;
    });
}

kare_status kare_pipeline_amount(const char** out, const kare_pipeline* pipeline,
                                 int32_t grouping, size_t index, int32_t amount)
{
    return guard([&] {
        require(out, "out");
        const group_text& g = group_at(pipeline, grouping, index);
        if (amount < KARE_AMOUNT_TOTAL || amount > KARE_AMOUNT_HOPE)
            throw bad_argument("amount " + std::to_string(amount) +
                               " is not one of KARE_AMOUNT_TOTAL..KARE_AMOUNT_HOPE");
        *out = g.amounts[static_cast<std::size_t>(amount)].c_str();
    });
}

kare_status kare_pipeline_bloat(const char** out, const kare_pipeline* pipeline, int32_t grouping,
                                size_t index)
{
    return guard([&] {
        require(out, "out");
        const group_text& g = group_at(pipeline, grouping, index);
        *out = g.bloat ? g.bloat->c_str() : nullptr;
    });
}

kare_status kare_pipeline_state(size_t* out_count, const char** out_amount,
                                const kare_pipeline* pipeline, int32_t grouping, size_t index,
                                int32_t state)
{
    return guard([&] {
        const group_text& g = group_at(pipeline, grouping, index);
        const std::size_t s = state_arg(state);
        if (out_count)
            *out_count = g.totals->count_by_state[s];
        if (out_amount)
            *out_amount = g.state_amounts[s].c_str();
    });
}

kare_status kare_pipeline_closed(size_t* out_count, const char** out_amount,
                                 const kare_pipeline* pipeline, int32_t outcome)
{
    return guard([&] {
        const auto& closed = require(pipeline, "pipeline")->report.closed;
        if (outcome != KARE_OUTCOME_WON && outcome != KARE_OUTCOME_LOST)
            throw bad_argument("outcome " + std::to_string(outcome) +
                               " is not KARE_OUTCOME_WON or KARE_OUTCOME_LOST");
        const bool won = outcome == KARE_OUTCOME_WON;
        if (out_count)
            *out_count = won ? closed.won : closed.lost;
        if (out_amount)
            *out_amount = (won ? pipeline->won_amount : pipeline->lost_amount).c_str();
    });
}

kare_status kare_pipeline_lost_reason_count(size_t* out, const kare_pipeline* pipeline)
{
    return guard([&] {
        require(out, "out");
        *out = require(pipeline, "pipeline")->report.closed.lost_by_reason.size();
    });
}

kare_status kare_pipeline_lost_reason(const char** out_reason, size_t* out_count,
                                      const kare_pipeline* pipeline, size_t index)
{
    return guard([&] {
        const auto& reasons = require(pipeline, "pipeline")->report.closed.lost_by_reason;
        if (index >= reasons.size())
            throw bad_argument("lost reason index " + std::to_string(index) + " is past the " +
                               std::to_string(reasons.size()) + " lost reasons");
        if (out_reason)
            *out_reason = reasons[index].first.c_str();
        if (out_count)
            *out_count = reasons[index].second;
    });
}

kare_status kare_pipeline_hope_count(size_t* out, const kare_pipeline* pipeline)
{
    return guard([&] {
        require(out, "out");
        *out = require(pipeline, "pipeline")->report.hope.size();
    });
}

kare_status kare_pipeline_hope_deal(const char** out_id, const char** out_account,
                                    const char** out_rep, const char** out_amount,
                                    int32_t* out_state, const char** out_reason,
                                    const kare_pipeline* pipeline, size_t index)
{
    return guard([&] {
        const auto& hope = require(pipeline, "pipeline")->report.hope;
        if (index >= hope.size())
            throw bad_argument("hope deal index " + std::to_string(index) + " is past the " +
                               std::to_string(hope.size()) + " hope deals");
        const kare::hope_deal& h = hope[index];
        if (out_id)
            *out_id = h.id.c_str();
        if (out_account)
            *out_account = h.account.c_str();
        if (out_rep)
            *out_rep = h.rep.c_str();
        if (out_amount)
            *out_amount = pipeline->hope_amounts[index].c_str();
        if (out_state)
            *out_state = static_cast<int32_t>(h.state);
        if (out_reason)
            *out_reason = h.reason.c_str();
    });
}

} // extern "C"
