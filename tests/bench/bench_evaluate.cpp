// Rule evaluation of loaded accounts: the hand-written if-chain (the limit),
// the compiled program over column blocks, and the tree walk for comparison.
#include "data.hpp"

#include <benchmark/benchmark.h>

namespace {

using kare_bench::loaded;

void if_chain_baseline(benchmark::State& state)
{
    const auto& plain = loaded().plain;
    std::vector<kare::compiled_verdict> out(plain.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < plain.size(); ++i)
            out[i] = kare_bench::if_chain(plain[i]);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * plain.size()));
}
BENCHMARK(if_chain_baseline)->Unit(benchmark::kMillisecond);

void if_chain_branchless_baseline(benchmark::State& state)
{
    const auto& plain = loaded().plain;
    std::vector<kare::compiled_verdict> out(plain.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < plain.size(); ++i)
            out[i] = kare_bench::if_chain_branchless(plain[i]);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * plain.size()));
}
BENCHMARK(if_chain_branchless_baseline)->Unit(benchmark::kMillisecond);

void compiled_evaluate_all(benchmark::State& state)
{
    const auto& store = *loaded().compiled;
    std::vector<kare::compiled_verdict> out(store.size());
    for (auto _ : state) {
        store.evaluate_all(out);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * store.size()));
}
BENCHMARK(compiled_evaluate_all)->Unit(benchmark::kMillisecond);

// One loaded account at a time, as an incremental update does it.
void compiled_evaluate_one(benchmark::State& state)
{
    const auto& store = *loaded().compiled;
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(store.evaluate(i));
        i = i + 1 == store.size() ? 0 : i + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(compiled_evaluate_one);

void tree_walk_holds(benchmark::State& state)
{
    const auto& p = *loaded().plan;
    const auto& set = p.profiles();
    std::vector<kare::compiled_verdict> out(p.accounts().size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < p.accounts().size(); ++i) {
            const auto& a = p.accounts()[i];
            kare::compiled_verdict v;
            for (kare::category c : kare::all_categories)
                if (const auto* prof = set.find(c); prof && kare::holds(prof->rule, a, p.fields()))
                    v.candidates |= static_cast<std::uint8_t>(1U << static_cast<unsigned>(c));
            for (std::size_t r = 0; r < set.fire_rules.size(); ++r)
                if (kare::holds(set.fire_rules[r].rule, a, p.fields()))
                    v.fire |= std::uint64_t{1} << r;
            v.any_fire = v.fire != 0;
            out[i] = v;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * p.accounts().size()));
}
BENCHMARK(tree_walk_holds)->Unit(benchmark::kMillisecond);

} // namespace
