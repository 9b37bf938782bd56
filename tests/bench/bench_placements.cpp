// Every account's placement in one C call (kare_plan_placements), in a plan
// of N accounts: the cost per account, with the buffer freed as a caller would.
#include "data.hpp"

#include <kare/kare.h>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>

namespace {

using kare_bench::jsonl;

void capi_placements(benchmark::State& state)
{
    const std::string doc = kare_bench::plan_with_accounts(kare_bench::example_document(), jsonl());
    kare_plan* plan = nullptr;
    if (kare_plan_load(&plan, doc.data(), doc.size()) != KARE_OK)
        state.SkipWithError("cannot load the plan");
    size_t accounts = 0;
    kare_plan_account_count(&accounts, plan);
    for (auto _ : state) {
        char* out = nullptr;
        size_t len = 0;
        size_t count = 0;
        if (kare_plan_placements(&out, &len, &count, plan, nullptr) != KARE_OK || count != accounts)
            state.SkipWithError(kare_error_message());
        benchmark::DoNotOptimize(out);
        kare_string_free(out);
    }
    kare_plan_free(plan);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * accounts));
}
BENCHMARK(capi_placements)->Unit(benchmark::kMillisecond);

} // namespace
