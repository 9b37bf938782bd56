// Fuzz target: any bytes as a plan document. Reading either fails with a kare
// error or yields a plan whose canonical text is a fixed point and whose report
// builds: as of the example's date, or, when the plan records facts after it
// (which a report as of that date rightly refuses), as of the last day there is.
#include <kare/date.hpp>
#include <kare/error.hpp>
#include <kare/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    kare::error_info err;
    auto plan = kare::read_plan(text, err);
    if (!plan) {
        if (err.code == kare::errc::internal || err.message.empty())
            std::abort();
        return 0;
    }
    const std::string first = kare::write_plan(*plan);
    const std::string second = kare::write_plan(kare::read_plan(first));
    if (first != second)
        std::abort();
    try {
        (void)kare::write_report(kare::make_report(*plan, *kare::date::parse("2026-11-23")));
    } catch (const kare::error& e) {
        // A plan may refuse the date (its facts start later) or its deals at
        // that date; a report after every fact must still be made.
        if (e.code() != kare::errc::invalid_plan &&
            !(e.code() == kare::errc::invalid_argument && e.path() == "as_of"))
            std::abort();
        (void)kare::write_report(kare::make_report(*plan, *kare::date::parse("9999-12-31")));
    }
    return 0;
}
