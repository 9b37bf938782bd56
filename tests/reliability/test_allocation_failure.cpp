// The strong guarantee under allocation failure: every mutating operation is
// run with its N-th allocation failing, for N = 0, 1, 2, … until it succeeds;
// after each failure the plan must be byte-identical to before.
//
// operator new is replaced for this whole executable, so it is its own test
// program; the countdown is thread-local and off outside the operation.
#define BOOST_TEST_MODULE kare_allocation_failure
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <kare/json.hpp>
#include <kare/kare.hpp>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <new>
#include <sstream>

namespace {

thread_local long countdown = -1; // allocations left before one fails; -1: never

void* allocate(std::size_t size)
{
    if (countdown == 0)
        throw std::bad_alloc();
    if (countdown > 0)
        --countdown;
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}

} // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

const kare::date today = *kare::date::parse("2026-11-23");

kare::plan example()
{
    std::ifstream file(KARE_EXAMPLE, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return kare::read_plan(text.str());
}

struct operation {
    const char* name;
    std::function<void(kare::plan&)> run;
    bool allocates = true; ///< False for operations that need no memory at all.
};

std::ostream& operator<<(std::ostream& os, const operation& o)
{
    return os << o.name;
}

kare::account new_account()
{
    kare::account a;
    a.id = "NEW-1";
    a.name = "New Account With A Long Enough Name To Allocate";
    a.owner = "leo";
    a.relationship = kare::relationship::prospect;
    a.products = {"analytics", "forecasting"};
    a.attributes.emplace("risk", std::string("low"));
    a.attributes.emplace("growth_potential", std::string("high"));
    return a;
}

const std::vector<operation> operations{
    {"assign", [](kare::plan& p) { p.assign("EVR-005", kare::category::expand, today, "Rollout agreed with the CIO"); }},
    {"move", [](kare::plan& p) { p.move("DLT-004", kare::placement::in(kare::category::expand), today, "New division buys"); }},
    {"fire", [](kare::plan& p) { p.fire("MRD-013", today, "Unprofitable for three years running", "end_relationship"); }},
    {"add_account", [](kare::plan& p) { p.add_account(new_account()); }},
    {"replace_account", [](kare::plan& p) { auto a = *p.find_account("ACME-001"); a.name = "Acme Tooling International"; a.products.push_back("training"); p.replace_account(a); }},
    // The first removal in the middle allocates the tree that counts the
    // records left in place (kare::record_list); a failure there changes nothing.
    {"remove_account", [](kare::plan& p) { p.remove_account("LMN-012"); }},
    {"add_activity", [](kare::plan& p) { p.add_activity({today, "leo", "NVA-014", "dial", "left a message for the CTO", {}}); }},
    {"remove_activity", [](kare::plan& p) { p.remove_activity(3); }},
    {"add_deal", [](kare::plan& p) { p.add_deal(kare::read_deal(R"({"id":"D-900","account":"VRT-022","amount":"9999.99","stage":"discovery","opened":"2026-11-20","expected_close":"2027-02-01","evidence":[{"type":"pain","date":"2026-11-21","source":"call"}]})", p)); }},
    {"replace_deal", [](kare::plan& p) { auto d = *p.find_deal("D-101"); d.stage = "negotiation"; p.replace_deal(d); }},
    {"remove_deal", [](kare::plan& p) { p.remove_deal("D-108"); }},
    {"add_evidence", [](kare::plan& p) { p.add_evidence("D-108", {"pain", today, "workshop with the plant manager"}, today); }},
    {"record_activity", [](kare::plan& p) { p.record_activity("D-104", today); }},
    {"change_close_date", [](kare::plan& p) { p.change_close_date("D-101", *kare::date::parse("2027-01-31"), today, "Holidays"); }},
    {"declare_stall", [](kare::plan& p) { p.declare_stall("D-102", {"Board meets in January", today, *kare::date::parse("2027-01-15")}); }},
    {"declare_deal_state", [](kare::plan& p) { p.declare_deal_state("D-106", kare::honesty_state::dead, today, "Went silent after the demo"); }},
    {"close_deal", [](kare::plan& p) { p.close_deal("D-107", kare::deal_outcome::lost, today, "competitor"); }},
    {"set_profiles", [](kare::plan& p) { auto s = p.profiles(); s.ties.how = kare::tie_break::mode::category_order; p.set_profiles(s); }},
    {"set_cookbook", [](kare::plan& p) { auto c = p.cookbook(); c.targets.back().count += 1; p.set_cookbook(c); }},
    {"set_honesty", [](kare::plan& p) { auto h = p.honesty(); h.lost_reasons.push_back("merger"); p.set_honesty(h); }},
};

} // namespace

BOOST_DATA_TEST_CASE(each_failed_allocation_leaves_the_plan_unchanged, boost::unit_test::data::make(operations), op)
{
    const kare::plan base = example();
    const std::string before = kare::write_plan(base);
    long failures = 0;
    for (long n = 0;; ++n) {
        kare::plan p = base;
        bool done = false;
        countdown = n;
        try {
            op.run(p);
            done = true;
        } catch (const std::bad_alloc&) {
            ++failures;
        } catch (...) {
            countdown = -1;
            BOOST_FAIL("an allocation failure surfaced as another exception at allocation " << n);
        }
        countdown = -1;
        if (done) {
            BOOST_TEST(kare::write_plan(p) != before); // the operation did something
            break;
        }
        BOOST_TEST(kare::write_plan(p) == before, "changed after allocation " << n << " failed");
        BOOST_REQUIRE(n < 100000);
    }
    BOOST_TEST((failures > 0) == op.allocates);
    BOOST_TEST_MESSAGE(op.name << ": " << failures << " allocation failures survived");
}

BOOST_AUTO_TEST_CASE(reading_a_plan_fails_cleanly_at_every_allocation)
{
    std::ifstream file(KARE_EXAMPLE, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    const std::string document = text.str();
    // Every 97th allocation keeps the run short while still reaching every part of the reader.
    for (long n = 0;; n += 97) {
        countdown = n;
        kare::error_info err;
        auto p = kare::read_plan(document, err);
        countdown = -1;
        if (p)
            break;
        BOOST_TEST(kare::to_string(err.code) == "out_of_memory", "at allocation " << n << ": " << err.message);
        BOOST_REQUIRE(n < 10000000);
    }
}
