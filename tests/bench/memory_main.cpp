// kare_bench_memory: bytes per account, measured by counting every heap
// allocation (global operator new), and printed as JSON.
//   engine: what kare keeps per account to evaluate it fast, the compiled
//           record (compiled_accounts) and the plan's cached verdict and
//           decision;
//   plan:   what a kare::plan holds per account besides the account's own
//           strings (the kare::account and its attribute map, the id index).
#include "data.hpp"

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <new>

namespace {

std::size_t live_bytes = 0;

void* counted(std::size_t n)
{
    void* p = std::malloc(n ? n : 1);
    if (!p)
        throw std::bad_alloc();
    live_bytes += malloc_usable_size(p);
    return p;
}

void uncounted(void* p) noexcept
{
    if (p) {
        live_bytes -= malloc_usable_size(p);
        std::free(p);
    }
}

// Heap bytes a string holds outside its own object (none when it is short).
std::size_t heap_of(const std::string& s)
{
    return s.capacity() > 15 ? malloc_usable_size(const_cast<char*>(s.data())) : 0;
}

std::size_t string_heap(const kare::account& a)
{
    std::size_t n = heap_of(a.id) + heap_of(a.name) + heap_of(a.owner) + heap_of(a.fire_action);
    for (const auto& p : a.products)
        n += heap_of(p);
    for (const auto& [key, v] : a.attributes) {
        n += heap_of(key);
        if (const auto* s = std::get_if<std::string>(&v))
            n += heap_of(*s);
    }
    for (const auto& m : a.history)
        n += heap_of(m.reason);
    return n;
}

} // namespace

void* operator new(std::size_t n) { return counted(n); }
void* operator new[](std::size_t n) { return counted(n); }
void operator delete(void* p) noexcept { uncounted(p); }
void operator delete[](void* p) noexcept { uncounted(p); }
void operator delete(void* p, std::size_t) noexcept { uncounted(p); }
void operator delete[](void* p, std::size_t) noexcept { uncounted(p); }

int main()
{
    const std::string& lines = kare_bench::jsonl();
    const std::string doc = kare_bench::plan_with_accounts(kare_bench::example_document(), lines);

    const std::size_t before_plan = live_bytes;
    const kare::plan p = kare::read_plan(doc);
    const std::size_t plan_bytes = live_bytes - before_plan;
    const double n = static_cast<double>(p.accounts().size());
    std::size_t strings = 0;
    for (const auto& a : p.accounts())
        strings += string_heap(a);

    const std::size_t before_store = live_bytes;
    kare::detail::compiled_accounts store(kare::detail::plan_access::compiled_shared(p));
    store.reserve(p.accounts().size());
    for (const auto& a : p.accounts())
        store.push_back(a);
    const std::size_t store_bytes = live_bytes - before_store;

    const double record = static_cast<double>(store_bytes) / n;
    // The plan's cache: a verdict and the decision beside it.
    const double verdict = static_cast<double>(sizeof(kare::compiled_verdict) + sizeof(kare::placement));
    std::printf("{\n"
                "  \"accounts\": %zu,\n"
                "  \"slots\": %zu,\n"
                "  \"compiled_record_bytes_per_account\": %.1f,\n"
                "  \"cached_verdict_and_decision_bytes_per_account\": %.1f,\n"
                "  \"engine_bytes_per_account\": %.1f,\n"
                "  \"plan_bytes_per_account_excluding_strings\": %.1f,\n"
                "  \"plan_string_bytes_per_account\": %.1f\n"
                "}\n",
                p.accounts().size(), p.compiled().slot_count(), record, verdict, record + verdict,
                static_cast<double>(plan_bytes - strings) / n, static_cast<double>(strings) / n);
}
