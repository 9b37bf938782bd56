// The plan's cached verdicts: current after every change, changed for the
// changed account only, and untouched by a refused change.
#include "fixtures.hpp"
#include "random_plans.hpp"

#include <kare/detail/plan_access.hpp>

#include <boost/test/unit_test.hpp>

using namespace kare_test;

namespace {

// Every cached verdict equals a fresh evaluation and the explanation's
// tree walk, and every placement equals classify()'s.
bool cache_is_current(const kare::plan& p)
{
    const kare::detail::compiled_profiles fresh(p.profiles(), p.fields());
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const auto& a = p.accounts()[i];
        if (!(p.verdict(i) == fresh.evaluate(a)))
            return false;
        const auto c = kare::classify(p, a);
        if (!(p.placement_of(i) == kare::placement_outcome{c.result, c.basis}))
            return false;
        for (kare::category k : kare::all_categories)
            if (const auto& outcome = c.profiles[static_cast<std::size_t>(k)];
                outcome && outcome->held != p.verdict(i).is_candidate(k))
                return false;
    }
    return true;
}

std::vector<kare::compiled_verdict> verdicts(const kare::plan& p)
{
    std::vector<kare::compiled_verdict> out;
    for (std::size_t i = 0; i < p.accounts().size(); ++i)
        out.push_back(p.verdict(i));
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(incremental)

BOOST_AUTO_TEST_CASE(each_change_evaluates_only_the_changed_account)
{
    random_plans gen(99);
    kare::plan p = gen.empty_plan();
    p.set_profiles(gen.profiles_for(p));
    gen.add_accounts(p, 300);
    BOOST_TEST(cache_is_current(p));

    const kare::date on = day("2026-09-01");
    std::size_t next_id = 0;
    for (int step = 0; step < 400; ++step) {
        const std::size_t n = p.accounts().size();
        const std::size_t before = kare::detail::plan_access::evaluation_count(p);
        const std::size_t i = gen.pick(n);
        const std::string id = p.accounts()[i].id;
        std::size_t expected = 0;
        switch (gen.pick(7)) {
        case 0: {
            kare::account a = gen.account_for(p, id);
            a.decision = p.accounts()[i].decision;
            a.fire_action = p.accounts()[i].fire_action;
            a.history = p.accounts()[i].history;
            p.replace_account(std::move(a));
            expected = 1;
            break;
        }
        case 1:
            p.add_account(gen.account_for(p, "N" + std::to_string(next_id++)));
            expected = 1;
            break;
        case 2:
            if (n > 50)
                p.remove_account(id);
            break;
        case 3:
            if (p.accounts()[i].decision.what() == kare::placement::kind::open)
                p.assign(id, static_cast<kare::category>(gen.pick(4)), on);
            break;
        case 4:
            if (p.accounts()[i].decision.what() != kare::placement::kind::fired)
                p.fire(id, on, "Unprofitable.", "end_relationship");
            break;
        case 5:
            if (!(p.accounts()[i].decision == kare::placement()))
                p.move(id, kare::placement(), on, "Let the profiles decide.");
            break;
        default:
            if (step % 50 == 0) {
                p.set_profiles(gen.profiles_for(p));
                expected = p.accounts().size();
            }
            break;
        }
        BOOST_TEST(kare::detail::plan_access::evaluation_count(p) - before == expected, "step " << step);
        if (step % 20 == 0)
            BOOST_TEST(cache_is_current(p), "step " << step);
    }
    BOOST_TEST(cache_is_current(p));
}

BOOST_AUTO_TEST_CASE(a_refused_change_leaves_every_verdict_as_it_was)
{
    random_plans gen(5);
    kare::plan p = gen.empty_plan();
    p.set_profiles(gen.profiles_for(p));
    gen.add_accounts(p, 40);
    const auto before = verdicts(p);
    const auto count = kare::detail::plan_access::evaluation_count(p);

    kare::account bad = p.accounts()[3];
    bad.attributes["risk"] = std::string("extreme");
    BOOST_CHECK_THROW(p.replace_account(bad), kare::error);
    bad.id = "new-one";
    BOOST_CHECK_THROW(p.add_account(bad), kare::error);
    kare::account duplicate = p.accounts()[0];
    BOOST_CHECK_THROW(p.add_account(duplicate), kare::error);
    kare::profile_set invalid = p.profiles();
    invalid.profiles[1] = kare::profile{"", kare::criterion::presence("nope", true)};
    BOOST_CHECK_THROW(p.set_profiles(invalid), kare::error);

    BOOST_TEST((verdicts(p) == before));
    BOOST_TEST(kare::detail::plan_access::evaluation_count(p) == count);
    BOOST_TEST(cache_is_current(p));
}

BOOST_AUTO_TEST_CASE(a_loaded_plan_and_its_copy_have_current_verdicts)
{
    const kare::plan p = example_plan();
    BOOST_TEST(cache_is_current(p));
    kare::plan copy = p;
    copy.replace_account([&] {
        kare::account a = *p.find_account("ACME-001");
        a.attributes["risk"] = std::string("high");
        return a;
    }());
    BOOST_TEST(cache_is_current(copy));
    BOOST_TEST(cache_is_current(p));
    BOOST_TEST(!(copy.verdict(0) == p.verdict(0)));
}

BOOST_AUTO_TEST_SUITE_END()
