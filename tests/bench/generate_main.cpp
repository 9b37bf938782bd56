// kare_bench_generate COUNT [SEED] [--plan|--whole]: COUNT generated
// accounts as JSON Lines on standard output, or with --plan the example plan
// holding them, or with --whole a whole plan (whole_plan.hpp: reps, about one
// deal and five activities per account). The same COUNT and SEED give the
// same bytes everywhere.
#include "data.hpp"
#include "whole_plan.hpp"

#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s COUNT [SEED] [--plan|--whole]\n", argv[0]);
        return 2;
    }
    const auto count = std::strtoull(argv[1], nullptr, 10);
    const auto seed = argc > 2 && argv[2][0] != '-'
                          ? std::strtoull(argv[2], nullptr, 10)
                          : kare_bench::seed();
    if (std::strcmp(argv[argc - 1], "--whole") == 0) {
        kare_bench::whole_plan_shape shape;
        shape.accounts = count;
        shape.seed = seed;
        const std::string out = kare_bench::whole_plan(kare_bench::example_document(), shape);
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
    }
    const bool plan = std::strcmp(argv[argc - 1], "--plan") == 0;
    const std::string lines = kare_bench::account_generator(seed).lines(count);
    const std::string out =
        plan ? kare_bench::plan_with_accounts(kare_bench::example_document(), lines) : lines;
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
