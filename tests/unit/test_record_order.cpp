// A plan's accounts and deals keep their order through any sequence of
// adds, replacements and removals: positions, lookups by id, placements and
// the written document equal those of a plan built afresh from a plain
// list of the same records.
#include "deal_fixtures.hpp"
#include "random_plans.hpp"

#include <kare/json.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

struct reference {
    std::vector<kare::account> accounts;
    std::vector<kare::deal> deals;
};

// The plan built afresh: `base` with the records added in order.
kare::plan rebuilt(const kare::plan& base, const reference& ref)
{
    kare::plan q = base;
    for (const auto& a : ref.accounts)
        q.add_account(a);
    for (const auto& d : ref.deals)
        q.add_deal(d);
    return q;
}

bool agrees(const kare::plan& p, const kare::plan& base, const reference& ref,
            const std::vector<std::string>& gone)
{
    if (p.accounts().size() != ref.accounts.size() || p.deals().size() != ref.deals.size())
        return false;
    for (std::size_t i = 0; i < ref.accounts.size(); ++i)
        if (p.account_index(ref.accounts[i].id) != i || !(p.accounts()[i] == ref.accounts[i]))
            return false;
    for (std::size_t i = 0; i < ref.deals.size(); ++i)
        if (p.deal_index(ref.deals[i].id) != i || p.find_deal(ref.deals[i].id) != &p.deals()[i])
            return false;
    for (const auto& id : gone)
        if (p.find_account(id) || p.find_deal(id))
            return false;
    const kare::plan fresh = rebuilt(base, ref);
    for (std::size_t i = 0; i < ref.accounts.size(); ++i)
        if (!(p.placement_of(i) == fresh.placement_of(i)))
            return false;
    return kare::write_plan(p) == kare::write_plan(fresh);
}

} // namespace

BOOST_AUTO_TEST_SUITE(record_order)

BOOST_AUTO_TEST_CASE(random_adds_replacements_and_removals_keep_the_order)
{
    kare_test::random_plans gen(2024);
    kare::plan base = gen.empty_plan();
    base.set_profiles(gen.profiles_for(base));
    kare::plan p = base;
    reference ref;
    ref.accounts.push_back(gen.account_for(base, "acme")); // the deals' account, never removed
    p.add_account(ref.accounts.front());
    std::vector<std::string> gone;
    std::size_t next = 0;
    for (int step = 0; step < 1500; ++step) {
        const std::string id = "R" + std::to_string(next);
        switch (gen.pick(6)) {
        case 0:
        case 1: {
            kare::account a = gen.account_for(p, id);
            p.add_account(a);
            ref.accounts.push_back(std::move(a));
            ++next;
            break;
        }
        case 2: {
            const std::size_t i = gen.pick(ref.accounts.size());
            kare::account a = gen.account_for(p, ref.accounts[i].id);
            p.replace_account(a);
            ref.accounts[i] = std::move(a);
            break;
        }
        case 3:
            if (ref.accounts.size() > 1) {
                const std::size_t i = 1 + gen.pick(ref.accounts.size() - 1);
                const std::string removed = ref.accounts[i].id; // a copy: the plan's goes
                p.remove_account(removed);
                ref.accounts.erase(ref.accounts.begin() + static_cast<std::ptrdiff_t>(i));
                gone.push_back(removed);
            }
            break;
        case 4: {
            kare::deal d = kare_test::qualified_deal();
            d.id = "D" + std::to_string(next++);
            p.add_deal(d);
            ref.deals.push_back(std::move(d));
            break;
        }
        default:
            if (!ref.deals.empty()) {
                const std::size_t i = gen.pick(ref.deals.size());
                const std::string removed = ref.deals[i].id;
                p.remove_deal(removed);
                ref.deals.erase(ref.deals.begin() + static_cast<std::ptrdiff_t>(i));
                gone.push_back(removed);
            }
            break;
        }
        if (step % 100 == 0)
            BOOST_TEST_REQUIRE(agrees(p, base, ref, gone), "step " << step);
    }
    // The plan as the sequence left it, written and read back, holds the same.
    BOOST_TEST(agrees(p, base, ref, gone));
    BOOST_TEST(kare::write_plan(kare::read_plan(kare::write_plan(p))) == kare::write_plan(p));
}

BOOST_AUTO_TEST_CASE(a_refused_duplicate_leaves_lookups_as_they_were)
{
    kare_test::random_plans gen(3);
    kare::plan p = gen.empty_plan();
    for (int i = 0; i < 40; ++i)
        p.add_account(gen.account_for(p, "A" + std::to_string(i)));
    BOOST_CHECK_THROW(p.add_account(gen.account_for(p, "A7")), kare::error);
    BOOST_CHECK_THROW(p.remove_account("nobody"), kare::error);
    p.remove_account("A0");
    for (int i = 1; i < 40; ++i)
        BOOST_TEST((p.account_index("A" + std::to_string(i)) == std::size_t(i - 1)));
    BOOST_TEST(!p.find_account("A0"));
}

BOOST_AUTO_TEST_SUITE_END()
