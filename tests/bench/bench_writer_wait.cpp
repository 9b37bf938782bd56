// How long a mutation waits for a plan's lock while reader threads build
// reports without pause: the figure behind the C API's writer-preferring lock
// (docs/embedding.md). Each iteration times one kare_plan_move from the call
// to its return, with 1 to 8 readers looping on kare_report_new.
#include <kare/kare.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace {

void writer_wait_beside_readers(benchmark::State& state)
{
    kare_plan* plan = nullptr;
    if (kare_plan_load_file(&plan, KARE_EXAMPLE_PLAN) != KARE_OK) {
        state.SkipWithError("cannot load the example plan");
        return;
    }
    std::atomic<bool> stop{false};
    std::atomic<int> started{0};
    std::vector<std::thread> readers;
    for (int i = 0; i < state.range(0); ++i)
        readers.emplace_back([&] {
            bool first = true;
            while (!stop.load(std::memory_order_relaxed)) {
                kare_report* report = nullptr;
                kare_report_new(&report, plan, "2026-11-23", nullptr);
                kare_report_free(report);
                if (first)
                    started.fetch_add(1), first = false;
            }
        });
    while (started.load() < state.range(0))
        std::this_thread::yield();

    bool expand = true;
    double longest = 0;
    for (auto _ : state) {
        const auto begin = std::chrono::steady_clock::now();
        const kare_status status =
            kare_plan_move(plan, "DLT-004", expand ? KARE_PLACEMENT_EXPAND : KARE_PLACEMENT_KEEP,
                           "2027-01-01", "flip");
        const auto end = std::chrono::steady_clock::now();
        if (status != KARE_OK)
            state.SkipWithError("the move failed");
        expand = !expand;
        const double seconds = std::chrono::duration<double>(end - begin).count();
        longest = std::max(longest, seconds);
        state.SetIterationTime(seconds);
    }
    state.counters["longest_us"] = longest * 1e6;
    stop = true;
    for (auto& t : readers)
        t.join();
    kare_plan_free(plan);
}
// Bounded by the iteration count, not by time: a starved writer would show as
// a run that never ends rather than as a figure.
BENCHMARK(writer_wait_beside_readers)
    ->Arg(1)->Arg(2)->Arg(4)->Arg(8)
    ->Iterations(200)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);

} // namespace
