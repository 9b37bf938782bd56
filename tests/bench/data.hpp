// The data the benchmarks of one run share, built once on first use so each
// benchmark measures only its own work: N generated accounts as JSON Lines,
// and (for the evaluation benchmarks) the example plan holding them with
// their compiled and plain forms.
#ifndef KARE_BENCH_DATA_HPP
#define KARE_BENCH_DATA_HPP

#include "generate.hpp"
#include "if_chain.hpp"

#include <kare/detail/compiled_accounts.hpp>
#include <kare/detail/plan_access.hpp>
#include <kare/json.hpp>
#include <kare/kare.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace kare_bench {

/// Accounts per data set: KARE_BENCH_ACCOUNTS, default 2^17.
inline std::size_t account_count()
{
    const char* env = std::getenv("KARE_BENCH_ACCOUNTS");
    return env ? std::strtoull(env, nullptr, 10) : std::size_t{1} << 17;
}

/// The seed: KARE_BENCH_SEED, default 2027.
inline std::uint64_t seed()
{
    const char* env = std::getenv("KARE_BENCH_SEED");
    return env ? std::strtoull(env, nullptr, 10) : 2027;
}

inline std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The example plan document.
inline const std::string& example_document()
{
    static const std::string doc = read_file(KARE_EXAMPLE_PLAN);
    return doc;
}

/// N accounts as JSON Lines.
inline const std::string& jsonl()
{
    static const std::string lines = account_generator(seed()).lines(account_count());
    return lines;
}

/// The example plan as it is (26 accounts): schema and profiles for batches.
inline const kare::plan& example_plan()
{
    static const kare::plan p = kare::read_plan(example_document());
    return p;
}

struct loaded_set {
    std::unique_ptr<kare::plan> plan; ///< The example plan holding the N accounts.
    std::unique_ptr<kare::detail::compiled_accounts> compiled;
    std::vector<plain_account> plain;
};

/// The N accounts loaded, compiled and as plain structs.
inline const loaded_set& loaded()
{
    static const loaded_set d = [] {
        loaded_set s;
        s.plan = std::make_unique<kare::plan>(
            kare::read_plan(plan_with_accounts(example_document(), jsonl())));
        s.compiled = std::make_unique<kare::detail::compiled_accounts>(
            kare::detail::plan_access::compiled_shared(*s.plan));
        s.compiled->reserve(s.plan->accounts().size());
        for (const auto& a : s.plan->accounts()) {
            s.compiled->push_back(a);
            s.plain.push_back(plain(a));
        }
        // The baselines must compute what the engine computes.
        for (std::size_t i = 0; i < s.plain.size(); ++i)
            if (!(if_chain(s.plain[i]) == s.plan->verdict(i)) ||
                !(if_chain_branchless(s.plain[i]) == s.plan->verdict(i))) {
                std::fprintf(stderr, "the if-chain disagrees with the engine on account %zu\n", i);
                std::abort();
            }
        return s;
    }();
    return d;
}

} // namespace kare_bench

#endif
