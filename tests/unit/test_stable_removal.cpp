// Removals leave records in place and compact later; none of it shows. A
// random sequence of adds, replacements and removals (first, middle, last,
// by id and by position) of accounts, deals and activities runs against a
// model of plain vectors erased in place, and after every step the plan
// reads, indexes, places, writes and names errors exactly as the model says.
#include "deal_fixtures.hpp"
#include "random_plans.hpp"

#include <kare/detail/plan_access.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;
using kare::detail::plan_access;

namespace {

struct model {
    std::vector<kare::account> accounts;
    std::vector<kare::deal> deals;
    std::vector<kare::activity> activities;
};

// What the plan would be had its records been added in the model's order.
kare::plan rebuilt(const kare::plan& base, const model& m)
{
    kare::plan q = base;
    for (const auto& a : m.accounts)
        q.add_account(a);
    for (const auto& d : m.deals)
        q.add_deal(d);
    for (const auto& x : m.activities)
        q.add_activity(x);
    return q;
}

template <class T>
std::string list_agrees(const kare::record_list<T>& list, const std::vector<T>& expected)
{
    if (list.size() != expected.size() || list.empty() != expected.empty())
        return "size";
    if (!std::equal(list.begin(), list.end(), expected.begin(), expected.end()))
        return "iteration";
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (!(list[i] == expected[i]) || &list.at(i) != &list[i])
            return "position " + std::to_string(i);
    if (!expected.empty() && (&list.front() != &list[0] || &list.back() != &list[expected.size() - 1]))
        return "front or back";
    try {
        (void)list.at(expected.size());
        return "at past the end";
    } catch (const std::out_of_range&) {
    }
    if (!(list == expected))
        return "equality";
    return {};
}

// Empty when the plan agrees with the model, else what differs.
std::string agrees(const kare::plan& p, const kare::plan& base, const model& m,
                   const std::vector<std::string>& gone)
{
    if (auto bad = list_agrees(p.accounts(), m.accounts); !bad.empty())
        return "accounts: " + bad;
    if (auto bad = list_agrees(p.deals(), m.deals); !bad.empty())
        return "deals: " + bad;
    if (auto bad = list_agrees(p.activities(), m.activities); !bad.empty())
        return "activities: " + bad;
    for (std::size_t i = 0; i < m.accounts.size(); ++i)
        if (p.account_index(m.accounts[i].id) != i || p.find_account(m.accounts[i].id) != &p.accounts()[i])
            return "account_index " + m.accounts[i].id;
    for (std::size_t i = 0; i < m.deals.size(); ++i)
        if (p.deal_index(m.deals[i].id) != i || p.find_deal(m.deals[i].id) != &p.deals()[i])
            return "deal_index " + m.deals[i].id;
    for (std::size_t i = 0; i < m.activities.size(); ++i)
        if (p.activity_index(m.activities[i].id) != i)
            return "activity_index " + m.activities[i].id;
    for (const auto& id : gone)
        if (p.find_account(id) || p.account_index(id) || p.find_deal(id) || p.deal_index(id) ||
            p.activity_index(id))
            return "removed id still found: " + id;
    const kare::plan fresh = rebuilt(base, m);
    for (std::size_t i = 0; i < m.accounts.size(); ++i)
        if (!(p.verdict(i) == fresh.verdict(i)) || !(p.placement_of(i) == fresh.placement_of(i)))
            return "verdict or placement " + std::to_string(i);
    if (kare::write_plan(p) != kare::write_plan(fresh))
        return "written document";
    return {};
}

// The path of the error `f` throws, or "no error".
template <class F>
std::string error_path(F&& f)
{
    try {
        f();
    } catch (const kare::error& e) {
        return e.path();
    }
    return "no error";
}

std::string item(const char* section, std::size_t i, const char* key)
{
    return std::string(section) + "[" + std::to_string(i) + "]." + key;
}

struct run {
    std::uint64_t seed;
    int steps;
};

std::ostream& operator<<(std::ostream& out, const run& r)
{
    return out << "seed " << r.seed << ", " << r.steps << " steps";
}

const run runs[] = {{1, 700}, {7, 700}, {2026, 900}, {90210, 500}};

} // namespace

BOOST_AUTO_TEST_SUITE(stable_removal)

BOOST_DATA_TEST_CASE(random_changes_match_vectors_erased_in_place, bdata::make(runs), r)
{
    kare_test::random_plans gen(r.seed);
    kare::plan base = gen.empty_plan();
    base.set_profiles(gen.profiles_for(base));
    kare::plan p = base;
    model m;
    std::vector<std::string> gone;
    std::size_t next = 0;
    std::size_t most_removed = 0, compactions = 0;
    const char* const types[] = {"dial", "conversation", "referral_ask"};

    // Picks a position: the first, the last or any, so that each is exercised.
    const auto position = [&](std::size_t n) {
        switch (gen.pick(3)) {
        case 0: return std::size_t{0};
        case 1: return n - 1;
        default: return gen.pick(n);
        }
    };
    const auto forget = [&](auto& v, std::size_t i) {
        gone.push_back(v[i].id);
        v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
    };

    for (int step = 0; step < r.steps; ++step) {
        const std::size_t removed_before = plan_access::removed_accounts(p) +
                                           plan_access::removed_deals(p) +
                                           plan_access::removed_activities(p);
        const std::string id = "R" + std::to_string(next++);
        // Grow to about 60 records of each kind, then churn around that.
        const bool grow = m.accounts.size() < 60;
        switch (gen.pick(grow ? 6 : 12)) {
        case 0:
        case 1: {
            kare::account a = gen.account_for(p, id);
            p.add_account(a);
            m.accounts.push_back(std::move(a));
            break;
        }
        case 2: {
            kare::deal d = kare_test::qualified_deal();
            d.id = id;
            d.account = m.accounts.empty() ? "acme" : m.accounts[gen.pick(m.accounts.size())].id;
            p.add_deal(d);
            m.deals.push_back(std::move(d));
            break;
        }
        case 3:
        case 4:
            if (!m.accounts.empty()) {
                kare::activity x{kare_test::day("2026-03-02"), gen.chance(0.5) ? "ana" : "bo",
                                 m.accounts[gen.pick(m.accounts.size())].id,
                                 types[gen.pick(3)], "", id};
                p.add_activity(x);
                m.activities.push_back(std::move(x));
            }
            break;
        case 5:
            if (!m.accounts.empty()) {
                const std::size_t i = gen.pick(m.accounts.size());
                kare::account a = gen.account_for(p, m.accounts[i].id);
                p.replace_account(a);
                m.accounts[i] = std::move(a);
            }
            break;
        case 6:
        case 7:
            if (!m.accounts.empty()) {
                const std::size_t i = position(m.accounts.size());
                const std::string victim = m.accounts[i].id;
                auto logged = std::find_if(m.activities.begin(), m.activities.end(),
                                           [&](const kare::activity& x) { return x.account == victim; });
                if (logged != m.activities.end()) {
                    // Refused, naming the first activity where the written plan has it;
                    // then its activities go first, by id.
                    const auto k = static_cast<std::size_t>(logged - m.activities.begin());
                    BOOST_TEST(error_path([&] { p.remove_account(victim); }) ==
                               item("activities", k, "account"));
                    for (std::size_t j = m.activities.size(); j-- > 0;)
                        if (m.activities[j].account == victim) {
                            p.remove_activity_with_id(m.activities[j].id);
                            forget(m.activities, j);
                        }
                }
                p.remove_account(victim);
                forget(m.accounts, i);
            }
            break;
        case 8:
            if (!m.deals.empty()) {
                const std::size_t i = position(m.deals.size());
                p.remove_deal(m.deals[i].id);
                forget(m.deals, i);
            }
            break;
        case 9:
            if (!m.activities.empty()) {
                const std::size_t i = position(m.activities.size());
                if (gen.chance(0.5))
                    p.remove_activity_with_id(m.activities[i].id);
                else
                    p.remove_activity(i);
                forget(m.activities, i);
            }
            break;
        case 10:
            if (!m.deals.empty()) {
                const std::size_t i = gen.pick(m.deals.size());
                kare::deal d = m.deals[i];
                d.amount = kare_test::usd("2500.00");
                p.replace_deal(d);
                m.deals[i] = d;
                // A refused replacement names the deal where the written plan has it.
                d.stage = "nowhere";
                BOOST_TEST(error_path([&] { p.replace_deal(d); }) == item("deals", i, "stage"));
            }
            break;
        default:
            if (!m.accounts.empty()) {
                const std::size_t i = gen.pick(m.accounts.size());
                kare::account a = m.accounts[i];
                a.owner = "nobody";
                BOOST_TEST(error_path([&] { p.replace_account(a); }) == item("accounts", i, "owner"));
            }
            break;
        }
        const std::size_t removed = plan_access::removed_accounts(p) + plan_access::removed_deals(p) +
                                    plan_access::removed_activities(p);
        most_removed = std::max(most_removed, removed);
        if (removed_before >= 16 && removed + 8 < removed_before)
            ++compactions;
        // The next position of each kind, named before anything is added.
        BOOST_TEST(error_path([&] {
                       kare::account a = gen.account_for(p, "new");
                       a.owner = "nobody";
                       p.add_account(a);
                   }) == item("accounts", m.accounts.size(), "owner"));
        const std::string bad = agrees(p, base, m, gone);
        BOOST_TEST_REQUIRE(bad.empty(), "step " << step << ": " << bad);
    }
    // The sequence did leave removed records in place and did compact them.
    BOOST_TEST(most_removed >= 16u);
    BOOST_TEST(compactions > 0u);
    // The plan as the sequence left it, written and read back, holds the same.
    const kare::plan again = kare::read_plan(kare::write_plan(p));
    BOOST_TEST(agrees(again, base, m, gone).empty());
    // A copy keeps the same records, removed ones and all.
    const kare::plan copy = p;
    BOOST_TEST(agrees(copy, base, m, gone).empty());
}

BOOST_AUTO_TEST_CASE(removing_the_last_leaves_nothing_in_place)
{
    kare_test::random_plans gen(5);
    kare::plan p = gen.empty_plan();
    for (int i = 0; i < 40; ++i)
        p.add_account(gen.account_for(p, "A" + std::to_string(i)));
    p.remove_account("A10");
    p.remove_account("A11");
    BOOST_TEST(plan_access::removed_accounts(p) == 2u);
    // The last goes at once, and the removed just before it with it.
    p.remove_account("A39");
    BOOST_TEST(plan_access::removed_accounts(p) == 2u);
    for (int i = 38; i >= 12; --i)
        p.remove_account("A" + std::to_string(i));
    BOOST_TEST(plan_access::removed_accounts(p) == 0u);
    BOOST_TEST(p.accounts().size() == 10u);
    BOOST_TEST(p.accounts().back().id == "A9");
    BOOST_TEST((p.account_index("A9") == 9u));
}

BOOST_AUTO_TEST_CASE(removals_past_a_sixteenth_are_compacted)
{
    kare_test::random_plans gen(6);
    kare::plan p = gen.empty_plan();
    for (int i = 0; i < 400; ++i)
        p.add_account(gen.account_for(p, "A" + std::to_string(i)));
    for (int i = 0; i < 24; ++i)
        p.remove_account("A" + std::to_string(2 * i));
    // 24 removed of 400 slots: a sixteenth is 25, so nothing moved yet.
    BOOST_TEST(plan_access::removed_accounts(p) == 24u);
    BOOST_TEST((p.account_index("A1") == 0u));
    BOOST_TEST((p.account_index("A48") == 24u));
    BOOST_TEST(p.accounts()[25].id == "A49");
    p.remove_account("A48");
    BOOST_TEST(plan_access::removed_accounts(p) == 0u);
    BOOST_TEST(p.accounts().size() == 375u);
    BOOST_TEST((p.account_index("A49") == 24u));
    BOOST_TEST(p.accounts()[24].id == "A49");
    BOOST_TEST(p.accounts()[374].id == "A399");
}

BOOST_AUTO_TEST_CASE(a_removal_refused_changes_nothing)
{
    kare_test::random_plans gen(8);
    kare::plan p = gen.empty_plan();
    for (int i = 0; i < 30; ++i)
        p.add_account(gen.account_for(p, "A" + std::to_string(i)));
    p.remove_account("A3");
    p.add_activity({kare_test::day("2026-03-02"), "ana", "A20", "dial", "", "X1"});
    const std::string before = kare::write_plan(p);
    BOOST_CHECK_THROW(p.remove_account("A3"), kare::error);
    BOOST_CHECK_THROW(p.remove_account("A20"), kare::error);
    BOOST_CHECK_THROW(p.remove_activity(1), kare::error);
    BOOST_CHECK_THROW(p.remove_activity_with_id("X2"), kare::error);
    BOOST_CHECK_THROW(p.remove_deal("D1"), kare::error);
    BOOST_TEST(kare::write_plan(p) == before);
    BOOST_TEST(plan_access::removed_accounts(p) == 1u);
    BOOST_TEST((p.account_index("A20") == 19u));
}

BOOST_AUTO_TEST_SUITE_END()
