// JSON Lines: Boost.JSON parsing the bytes (the baseline: the least any
// reader must do), kare loading and classifying the same bytes, and the C
// API's entry points.
#include "data.hpp"

#include <kare/kare.h>

#include <benchmark/benchmark.h>
#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>

namespace {

using kare_bench::jsonl;

// Every line parsed into a DOM by one reused parser over a monotonic arena
// reset per line: how kare parses, minus everything kare does with it.
void boost_json_parse_only(benchmark::State& state)
{
    const std::string& text = jsonl();
    boost::json::parser parser;
    unsigned char buffer[16 * 1024];
    boost::json::monotonic_resource arena(buffer, sizeof buffer);
    std::size_t lines = 0;
    for (auto _ : state) {
        lines = 0;
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos)
                end = text.size();
            arena.release();
            parser.reset(&arena);
            boost::system::error_code ec;
            parser.write(text.data() + start, end - start, ec);
            if (ec)
                state.SkipWithError("parse failed");
            boost::json::value v = parser.release();
            benchmark::DoNotOptimize(v);
            start = end + 1;
            ++lines;
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * lines));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(boost_json_parse_only)->Unit(benchmark::kMillisecond);

// A handler that takes every event and does nothing: the floor under any
// reader built on Boost.JSON's parser, with no tree at all.
struct null_handler {
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    using ec = boost::system::error_code;
    using sv = boost::json::string_view;
    bool on_document_begin(ec&) { return true; }
    bool on_document_end(ec&) { return true; }
    bool on_array_begin(ec&) { return true; }
    bool on_array_end(std::size_t, ec&) { return true; }
    bool on_object_begin(ec&) { return true; }
    bool on_object_end(std::size_t, ec&) { return true; }
    bool on_string_part(sv, std::size_t, ec&) { return true; }
    bool on_string(sv, std::size_t, ec&) { return true; }
    bool on_key_part(sv, std::size_t, ec&) { return true; }
    bool on_key(sv, std::size_t, ec&) { return true; }
    bool on_number_part(sv, ec&) { return true; }
    bool on_int64(std::int64_t, sv, ec&) { return true; }
    bool on_uint64(std::uint64_t, sv, ec&) { return true; }
    bool on_double(double, sv, ec&) { return true; }
    bool on_bool(bool, ec&) { return true; }
    bool on_null(ec&) { return true; }
    bool on_comment_part(sv, ec&) { return true; }
    bool on_comment(sv, ec&) { return true; }
};

void boost_json_sax_only(benchmark::State& state)
{
    const std::string& text = jsonl();
    boost::json::basic_parser<null_handler> parser{boost::json::parse_options()};
    for (auto _ : state) {
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos)
                end = text.size();
            parser.reset();
            boost::system::error_code ec;
            parser.write_some(false, text.data() + start, end - start, ec);
            if (ec)
                state.SkipWithError("parse failed");
            start = end + 1;
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(boost_json_sax_only)->Unit(benchmark::kMillisecond);

// Load and classify, the results streamed into a buffer the caller reuses:
// the engine's throughput, without the cost of fresh memory for the output.
void classify_jsonl_streamed(benchmark::State& state)
{
    const std::string& text = jsonl();
    const kare::plan& p = kare_bench::example_plan();
    kare::batch_options options;
    options.threads = static_cast<std::uint32_t>(state.range(0));
    std::string output;
    output.reserve(text.size() / 2);
    std::size_t accounts = 0;
    for (auto _ : state) {
        output.clear();
        const kare::batch_result r = kare::classify_jsonl(
            p, text, options, [&](std::string_view piece) { output.append(piece); });
        accounts = r.accounts;
        benchmark::DoNotOptimize(output.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * accounts));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(classify_jsonl_streamed)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// One call returning the results in a fresh string, as the C API and the
// Python binding do: includes faulting in the output's memory.
void classify_jsonl(benchmark::State& state)
{
    const std::string& text = jsonl();
    const kare::plan& p = kare_bench::example_plan();
    kare::batch_options options;
    options.threads = static_cast<std::uint32_t>(state.range(0));
    std::size_t accounts = 0;
    for (auto _ : state) {
        const kare::batch_result r = kare::classify_jsonl(p, text, options);
        accounts = r.accounts;
        benchmark::DoNotOptimize(r.output.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * accounts));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(classify_jsonl)->ArgName("threads")->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same through libkare.so, output copied out and freed as a caller would.
void capi_classify_jsonl(benchmark::State& state)
{
    const std::string& text = jsonl();
    kare_plan* plan = nullptr;
    if (kare_plan_load(&plan, kare_bench::example_document().data(),
                       kare_bench::example_document().size()) != KARE_OK)
        state.SkipWithError("cannot load the example plan");
    for (auto _ : state) {
        char* out = nullptr;
        size_t len = 0;
        if (kare_plan_classify_jsonl(&out, &len, plan, text.data(), text.size(),
                                     static_cast<uint32_t>(state.range(0)), 0) != KARE_OK)
            state.SkipWithError(kare_error_message());
        benchmark::DoNotOptimize(out);
        kare_string_free(out);
    }
    kare_plan_free(plan);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(capi_classify_jsonl)->ArgName("threads")->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// One account's placement by id through the C API, in a plan of N accounts.
void capi_account_placement(benchmark::State& state)
{
    const std::string doc = kare_bench::plan_with_accounts(kare_bench::example_document(), jsonl());
    kare_plan* plan = nullptr;
    if (kare_plan_load(&plan, doc.data(), doc.size()) != KARE_OK)
        state.SkipWithError("cannot load the plan");
    size_t n = 0;
    kare_plan_account_count(&n, plan);
    // Random ids, chosen beforehand so that only the call is timed.
    kare_bench::prng rng(7);
    std::vector<std::string> ids(4096);
    for (auto& id : ids) {
        char text[32];
        std::snprintf(text, sizeof text, "ACC-%08u", 1 + rng.below(static_cast<std::uint32_t>(n)));
        id = text;
    }
    std::size_t i = 0;
    for (auto _ : state) {
        const std::string& id = ids[i++ & 4095];
        int32_t where = -1;
        if (kare_plan_account_placement(&where, plan, id.data(), id.size()) != KARE_OK)
            state.SkipWithError(kare_error_message());
        benchmark::DoNotOptimize(where);
    }
    kare_plan_free(plan);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(capi_account_placement);

// One account given as JSON, read, evaluated and answered through the C API.
void capi_classify_one_line(benchmark::State& state)
{
    kare_plan* plan = nullptr;
    if (kare_plan_load(&plan, kare_bench::example_document().data(),
                       kare_bench::example_document().size()) != KARE_OK)
        state.SkipWithError("cannot load the example plan");
    const std::string& text = jsonl();
    const std::string line = text.substr(0, text.find('\n') + 1);
    for (auto _ : state) {
        char* out = nullptr;
        if (kare_plan_classify_jsonl(&out, nullptr, plan, line.data(), line.size(), 1, 0) != KARE_OK)
            state.SkipWithError(kare_error_message());
        benchmark::DoNotOptimize(out);
        kare_string_free(out);
    }
    kare_plan_free(plan);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(capi_classify_one_line);

} // namespace
