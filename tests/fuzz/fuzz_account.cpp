// Fuzz target: any bytes as one account added to the bundled example plan.
// Either it is refused and the plan is unchanged, or it is added and the plan
// still round-trips.
#include "fuzz_example.hpp"

#include <kare/json.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const kare::plan base = kare_fuzz::example_plan();
    kare::plan p = base;
    try {
        p.add_account(kare::read_account(
            std::string_view(reinterpret_cast<const char*>(data), size), p));
    } catch (const kare::error& e) {
        if (e.code() == kare::errc::internal || p.accounts() != base.accounts())
            std::abort();
        return 0;
    }
    // The added account survives a round trip of the whole document.
    const kare::plan again = kare::read_plan(kare::write_plan(p));
    if (again.accounts() != p.accounts())
        std::abort();
    return 0;
}
