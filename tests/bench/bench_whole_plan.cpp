// Whole-plan operations through the C API at growing plan sizes: what a CRM
// vendor or a RevOps team runs every day. Each plan has about one deal and
// five activities per account (whole_plan.hpp). The sizes come from
// KARE_BENCH_PLAN_SIZES (default "10000,100000"; the table in
// docs/performance.md adds 1000000). plan_growth.py turns the figures into
// growth per 10x of accounts, against a Boost.JSON parse of the same bytes.
#include "data.hpp"
#include "whole_plan.hpp"

#include <kare/kare.h>

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char* const as_of = "2026-11-23";

struct sized_plan {
    std::string document;
    kare_plan* plan = nullptr;
    std::size_t accounts = 0;
};

std::vector<std::size_t> sizes()
{
    const char* env = std::getenv("KARE_BENCH_PLAN_SIZES");
    std::stringstream list(env ? env : "10000,100000");
    std::vector<std::size_t> out;
    for (std::string item; std::getline(list, item, ',');)
        out.push_back(std::strtoull(item.c_str(), nullptr, 10));
    return out;
}

void require(kare_status status, const char* what)
{
    if (status != KARE_OK) {
        std::fprintf(stderr, "%s failed: %s (%s)\n", what, kare_error_message(), kare_error_path());
        std::abort();
    }
}

// One plan per size, generated and loaded on first use and kept for the run.
sized_plan& plan_of(std::size_t accounts)
{
    static std::map<std::size_t, std::unique_ptr<sized_plan>> plans;
    auto& slot = plans[accounts];
    if (!slot) {
        slot = std::make_unique<sized_plan>();
        kare_bench::whole_plan_shape shape;
        shape.accounts = accounts;
        slot->document = kare_bench::whole_plan(kare_bench::example_document(), shape);
        require(kare_plan_load(&slot->plan, slot->document.data(), slot->document.size()),
                "kare_plan_load");
        slot->accounts = accounts;
    }
    return *slot;
}

void per_account(benchmark::State& state, std::size_t accounts)
{
    state.counters["accounts"] = static_cast<double>(accounts);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * accounts));
}

void json_parse_baseline(benchmark::State& state, std::size_t n)
{
    const auto& doc = plan_of(n).document;
    for (auto _ : state)
        benchmark::DoNotOptimize(boost::json::parse(doc));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
    per_account(state, n);
}

void load(benchmark::State& state, std::size_t n)
{
    const auto& doc = plan_of(n).document;
    for (auto _ : state) {
        kare_plan* p = nullptr;
        require(kare_plan_load(&p, doc.data(), doc.size()), "kare_plan_load");
        kare_plan_free(p);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.size()));
    per_account(state, n);
}

void write(benchmark::State& state, std::size_t n)
{
    const kare_plan* p = plan_of(n).plan;
    for (auto _ : state) {
        char* text = nullptr;
        size_t length = 0;
        require(kare_plan_to_json(&text, &length, p), "kare_plan_to_json");
        kare_string_free(text);
    }
    per_account(state, n);
}

void report(benchmark::State& state, std::size_t n)
{
    const kare_plan* p = plan_of(n).plan;
    for (auto _ : state) {
        kare_report* r = nullptr;
        require(kare_report_new(&r, p, as_of, nullptr), "kare_report_new");
        kare_report_free(r);
    }
    per_account(state, n);
}

void report_json(benchmark::State& state, std::size_t n)
{
    const kare_plan* p = plan_of(n).plan;
    for (auto _ : state) {
        kare_report* r = nullptr;
        require(kare_report_new(&r, p, as_of, nullptr), "kare_report_new");
        char* text = nullptr;
        size_t length = 0;
        require(kare_report_to_json(&text, &length, r), "kare_report_to_json");
        kare_string_free(text);
        kare_report_free(r);
    }
    per_account(state, n);
}

using render_call = kare_status (*)(char**, size_t*, const kare_plan*, const char*, const char*);

template <render_call call>
void rendered(benchmark::State& state, std::size_t n)
{
    const kare_plan* p = plan_of(n).plan;
    for (auto _ : state) {
        char* text = nullptr;
        size_t length = 0;
        require(call(&text, &length, p, as_of, nullptr), "render");
        kare_string_free(text);
    }
    per_account(state, n);
}

void progress_json(benchmark::State& state, std::size_t n)
{
    const kare_plan* p = plan_of(n).plan;
    for (auto _ : state) {
        char* text = nullptr;
        size_t length = 0;
        require(kare_plan_progress_json(&text, &length, p, as_of, nullptr, 0), "progress");
        kare_string_free(text);
    }
    per_account(state, n);
}

void placement(benchmark::State& state, std::size_t n)
{
    const kare_plan* p = plan_of(n).plan;
    char id[32];
    std::size_t k = 0;
    for (auto _ : state) {
        std::snprintf(id, sizeof id, "ACC-%08zu", 1 + k);
        int32_t out = 0;
        benchmark::DoNotOptimize(kare_plan_account_placement(&out, p, id, std::strlen(id)));
        k = (k + 7919) % n;
    }
    state.counters["accounts"] = static_cast<double>(n);
}

// One add and one remove per iteration: the plan ends as it began.
void add_remove_account(benchmark::State& state, std::size_t n)
{
    kare_plan* p = plan_of(n).plan;
    const std::string json =
        R"({"id":"BENCH-NEW","name":"New","owner":"maya","relationship":"prospect"})";
    for (auto _ : state) {
        require(kare_plan_add_account(p, json.data(), json.size()), "add_account");
        require(kare_plan_remove_account(p, "BENCH-NEW", 9), "remove_account");
    }
    state.counters["accounts"] = static_cast<double>(n);
}

// Removing accounts from the start of the plan, where a removal moves the
// most; each is added back (untimed) at the end. The generator logs no
// activity on the first accounts, so they can be removed.
void remove_early_account(benchmark::State& state, std::size_t n)
{
    kare_plan* p = plan_of(n).plan;
    std::vector<std::string> ids;
    char id[32];
    for (std::size_t k = 1; k <= kare_bench::whole_plan_shape{}.quiet_accounts; ++k) {
        std::snprintf(id, sizeof id, "ACC-%08zu", k);
        ids.emplace_back(id);
    }
    std::size_t next = 0;
    for (auto _ : state) {
        const std::string& victim = ids[next++ % ids.size()];
        const kare_status status = kare_plan_remove_account(p, victim.data(), victim.size());
        state.PauseTiming();
        if (status == KARE_OK) {
            const std::string json = R"({"id":")" + victim +
                                     R"(","name":"Back","owner":"maya","relationship":"prospect"})";
            require(kare_plan_add_account(p, json.data(), json.size()), "add_account");
        } else {
            require(status, "remove_account");
        }
        state.ResumeTiming();
    }
    state.counters["accounts"] = static_cast<double>(n);
}

// The longest single call of a removal benchmark, in microseconds: a removal
// that moves the records together costs far more than the mean says.
class longest_call {
public:
    void start() noexcept { begun_ = std::chrono::steady_clock::now(); }
    void stop() noexcept
    {
        const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - begun_;
        longest_ = std::max(longest_, took.count());
    }
    double microseconds() const noexcept { return longest_; }

private:
    std::chrono::steady_clock::time_point begun_;
    double longest_ = 0;
};

// Iterations of the early-deal and early-activity removals: enough that the
// mean includes the compactions a steady stream of removals pays for.
std::int64_t early_removals(std::size_t n)
{
    return static_cast<std::int64_t>(std::max<std::size_t>(64, n / 4));
}

// Removing one of the first deals; each is added back (untimed) at the end
// under the same id, so the plan keeps its size.
void remove_early_deal(benchmark::State& state, std::size_t n)
{
    kare_plan* p = plan_of(n).plan;
    std::size_t next = 1;
    char id[32];
    longest_call longest;
    for (auto _ : state) {
        std::snprintf(id, sizeof id, "D-%08zu", next++);
        longest.start();
        const kare_status status = kare_plan_remove_deal(p, id, std::strlen(id));
        longest.stop();
        state.PauseTiming();
        require(status, "remove_deal");
        const std::string json =
            std::string(R"({"id":")") + id +
            R"(","account":"ACC-00000001","amount":"5000.00","stage":"discovery",)"
            R"("opened":"2026-11-01","expected_close":"2027-01-31","outcome":"open"})";
        require(kare_plan_add_deal(p, json.data(), json.size()), "add_deal");
        state.ResumeTiming();
    }
    state.counters["accounts"] = static_cast<double>(n);
    state.counters["longest_us"] = longest.microseconds();
}

// Removing one of the first activities by id (the generated log's ids are
// assigned in order: act-1, act-2, …); each is logged again (untimed) at the
// end under the same id.
void remove_early_activity(benchmark::State& state, std::size_t n)
{
    kare_plan* p = plan_of(n).plan;
    std::size_t next = 1;
    char id[32];
    longest_call longest;
    for (auto _ : state) {
        std::snprintf(id, sizeof id, "act-%zu", next++);
        longest.start();
        const kare_status status = kare_plan_remove_activity_by_id(p, id, std::strlen(id));
        longest.stop();
        state.PauseTiming();
        require(status, "remove_activity_by_id");
        const std::string json =
            std::string(R"({"date":"2026-11-20","rep":"maya","account":"ACC-00000040",)") +
            R"("activity":"dial","id":")" + id + "\"}";
        require(kare_plan_add_activity(p, json.data(), json.size()), "add_activity");
        state.ResumeTiming();
    }
    state.counters["accounts"] = static_cast<double>(n);
    state.counters["longest_us"] = longest.microseconds();
}

// Removing accounts without end: the accounts without activities taken out
// in turn and added back (untimed) at the end, so that the mean includes the
// compactions a steady stream of removals pays for.
void remove_account_steady(benchmark::State& state, std::size_t n)
{
    kare_plan* p = plan_of(n).plan;
    std::vector<std::string> ids;
    char id[32];
    for (std::size_t k = 1; k <= kare_bench::whole_plan_shape{}.quiet_accounts; ++k) {
        std::snprintf(id, sizeof id, "ACC-%08zu", k);
        ids.emplace_back(id);
    }
    std::size_t next = 0;
    longest_call longest;
    for (auto _ : state) {
        const std::string& victim = ids[next++ % ids.size()];
        longest.start();
        const kare_status status = kare_plan_remove_account(p, victim.data(), victim.size());
        longest.stop();
        state.PauseTiming();
        require(status, "remove_account");
        const std::string json = R"({"id":")" + victim +
                                 R"(","name":"Back","owner":"maya","relationship":"prospect"})";
        require(kare_plan_add_account(p, json.data(), json.size()), "add_account");
        state.ResumeTiming();
    }
    state.counters["accounts"] = static_cast<double>(n);
    state.counters["longest_us"] = longest.microseconds();
}

void replace_account(benchmark::State& state, std::size_t n)
{
    kare_plan* p = plan_of(n).plan;
    const std::string json =
        R"({"id":"ACC-00000001","name":"Replaced","owner":"leo","relationship":"prospect",)"
        R"("attributes":{"risk":"low","growth_potential":"high"}})";
    for (auto _ : state)
        require(kare_plan_replace_account(p, json.data(), json.size()), "replace_account");
    state.counters["accounts"] = static_cast<double>(n);
}

void add_remove_deal(benchmark::State& state, std::size_t n)
{
    kare_plan* p = plan_of(n).plan;
    const std::string json =
        R"({"id":"D-BENCH","account":"ACC-00000001","amount":"5000.00","stage":"discovery",)"
        R"("opened":"2026-11-01","expected_close":"2027-01-31","outcome":"open"})";
    for (auto _ : state) {
        require(kare_plan_add_deal(p, json.data(), json.size()), "add_deal");
        require(kare_plan_remove_deal(p, "D-BENCH", 7), "remove_deal");
    }
    state.counters["accounts"] = static_cast<double>(n);
}

void add_remove_activity(benchmark::State& state, std::size_t n)
{
    kare_plan* p = plan_of(n).plan;
    const std::string json =
        R"({"date":"2026-11-20","rep":"maya","account":"ACC-00000001","activity":"dial"})";
    for (auto _ : state) {
        require(kare_plan_add_activity(p, json.data(), json.size()), "add_activity");
        size_t count = 0;
        require(kare_plan_activity_count(&count, p), "activity_count");
        require(kare_plan_remove_activity(p, count - 1), "remove_activity");
    }
    state.counters["accounts"] = static_cast<double>(n);
}

const bool registered = [] {
    using fn = void (*)(benchmark::State&, std::size_t);
    struct named {
        const char* name;
        fn run;
        bool whole; // whole-plan operation: few iterations
    };
    const named all[] = {
        {"json_parse_baseline", json_parse_baseline, true},
        {"load", load, true},
        {"write", write, true},
        {"report", report, true},
        {"report_json", report_json, true},
        {"pipeline_json", rendered<kare_plan_pipeline_json>, true},
        {"progress_json", progress_json, true},
        {"map_svg", rendered<kare_plan_map_svg>, true},
        {"review_html", rendered<kare_plan_review_html>, true},
        {"placement", placement, false},
        {"add_remove_account", add_remove_account, false},
        {"remove_early_account", remove_early_account, false},
        {"replace_account", replace_account, false},
        {"add_remove_deal", add_remove_deal, false},
        {"add_remove_activity", add_remove_activity, false},
        {"remove_account_steady", remove_account_steady, false},
        {"remove_early_deal", remove_early_deal, false},
        {"remove_early_activity", remove_early_activity, false},
    };
    for (std::size_t n : sizes())
        for (const auto& op : all) {
            auto* b = benchmark::RegisterBenchmark(
                (std::string("plan/") + op.name + "/" + std::to_string(n)).c_str(),
                [run = op.run, n](benchmark::State& s) { run(s, n); });
            if (op.run == remove_early_account)
                b->Unit(benchmark::kMicrosecond)->Iterations(kare_bench::whole_plan_shape{}.quiet_accounts);
            else if (op.run == remove_early_deal || op.run == remove_early_activity ||
                     op.run == remove_account_steady)
                b->Unit(benchmark::kMicrosecond)->Iterations(early_removals(n));
            else if (op.whole)
                b->Unit(benchmark::kMillisecond)->Iterations(n >= 1'000'000 ? 1 : 3);
            else
                b->Unit(benchmark::kMicrosecond);
        }
    return true;
}();

} // namespace
