// Structured fuzz target: the bytes choose a sequence of operations (assign,
// move, fire, add, replace and remove accounts, replace the plan's sections)
// on the bundled example. After
// each: every account is in exactly one place, the plan's cached verdicts
// agree with a fresh classification, and a refused operation changed nothing;
// at the end, the report counts every account once and write → read → write
// is identical.
#include "fuzz_example.hpp"

#include <kare/classify.hpp>
#include <kare/json.hpp>
#include <kare/report.hpp>

#include <cstdlib>

namespace {

// Reads small numbers from the fuzzer's bytes; zeros once they run out.
class byte_source {
public:
    byte_source(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return pos_ >= size_; }
    unsigned next(unsigned bound) { return bound ? (empty() ? 0u : data_[pos_++]) % bound : 0u; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

// After every step: each account in exactly one place, and the plan's cached
// verdicts (kept current change by change) place it as a fresh classification.
void check_placements(const kare::plan& p)
{
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const kare::placement_outcome cached = p.placement_of(i);
        const kare::classification fresh = kare::classify(p, p.accounts()[i]);
        if (cached.result.what() == kare::placement::kind::open || !(cached.result == fresh.result) ||
            cached.basis != fresh.basis)
            std::abort();
    }
}

// Once per input: the report counts every account once.
void check_report(const kare::plan& p)
{
    const kare::report r = kare::make_report(p, kare::date::from_days(20780));
    std::size_t total = r.counts.fired + r.counts.unassigned;
    for (auto n : r.counts.by_category)
        total += n;
    if (total != p.accounts().size() || r.accounts.size() != p.accounts().size())
        std::abort();
}

// Once per input: the document is a fixed point.
void check_round_trip(const kare::plan& p)
{
    const std::string text = kare::write_plan(p);
    if (kare::write_plan(kare::read_plan(text)) != text)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Eight accounts cover every kind of placement and keep each step cheap.
    static const kare::plan base = [] {
        kare::plan p = kare_fuzz::example_plan();
        // An account with logged activities cannot be removed: clear the log.
        while (!p.activities().empty())
            p.remove_activity(p.activities().size() - 1);
        while (p.accounts().size() > 8)
            p.remove_account(p.accounts()[p.accounts().size() / 2].id);
        return p;
    }();
    kare::plan p = base;
    byte_source in(data, size);
    const char* reasons[] = {"", "why", "bad\x01reason"};
    const char* actions[] = {"", "end_relationship"};
    for (int step = 0; step < 32 && !in.empty(); ++step) {
        const std::vector<kare::account> before = p.accounts().to_vector();
        const std::size_t n = p.accounts().size();
        const std::string id = n ? p.accounts()[in.next(static_cast<unsigned>(n))].id : "none";
        const kare::date on = kare::date::from_days(20500 + static_cast<std::int32_t>(in.next(400)));
        const auto to = kare::placement::from_name(
            std::array<const char*, 7>{"open", "keep", "attain", "recapture", "expand", "fired",
                                       "unassigned"}[in.next(7)]);
        const unsigned op = in.next(7);
        if ((op == 4 || op == 5) && !p.find_account(id))
            continue; // nothing left to copy or replace
        try {
            switch (op) {
            case 0: p.assign(id, static_cast<kare::category>(in.next(4)), on, reasons[in.next(3)]); break;
            case 1: p.move(id, *to, on, reasons[in.next(3)]); break;
            case 2: p.fire(id, on, reasons[in.next(3)], actions[in.next(2)]); break;
            case 3: p.remove_account(in.next(4) ? id : "missing"); break;
            case 4: {
                kare::account a = *p.find_account(id);
                a.id += "-copy" + std::to_string(step);
                if (in.next(2))
                    a.attributes["risk"] = std::string(in.next(2) ? "high" : "huge");
                p.add_account(a);
                break;
            }
            case 6: {
                // New sections: every account placed again, or the plan kept whole.
                static const char* const sections[] = {
                    R"({"format":"kare-plan","version":1,"name":"Renamed"})",
                    R"({"format":"kare-plan","version":1,"profiles":{"attain":{"rule":{"field":"relationship","eq":"prospect"}},"keep":{"rule":{"field":"relationship","eq":"client"}}}})",
                    R"({"format":"kare-plan","version":1,"profiles":{"keep":{"rule":{"field":"colour","eq":"blue"}}}})",
                    R"({"format":"kare-plan","version":1,"reps":[{"id":"maya","name":"Maya","style":"farmer"}]})",
                };
                p = kare::replace_sections(p, sections[in.next(4)]);
                break;
            }
            default: {
                kare::account a = *p.find_account(id);
                a.relationship = static_cast<kare::relationship>(in.next(3));
                if (in.next(2))
                    a.attributes["seats"] = static_cast<double>(in.next(3)) * 1e6 - 1.0;
                p.replace_account(a);
                break;
            }
            }
        } catch (const kare::error& e) {
            if (e.code() == kare::errc::internal || p.accounts() != before)
                std::abort();
        }
        check_placements(p);
    }
    check_report(p);
    check_round_trip(p);
    return 0;
}
