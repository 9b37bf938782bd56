// The portfolio summary: it agrees with the report, and summaries of the
// parts of any random split merge into the summary of the whole.
#include "fixtures.hpp"
#include "random_plans.hpp"

#include <boost/test/unit_test.hpp>

using namespace kare_test;

namespace {

// A plan like `shell` (schema, profiles, reps) holding only `accounts`.
kare::plan part_of(const kare::plan& shell, const std::vector<kare::account>& accounts)
{
    kare::plan part = shell;
    for (const auto& a : accounts)
        part.add_account(a);
    return part;
}

struct random_portfolio {
    kare::plan shell;
    kare::plan whole;
};

random_portfolio make_portfolio(random_plans& gen, std::size_t n)
{
    random_portfolio r{gen.empty_plan(), {}};
    r.shell.set_profiles(gen.profiles_for(r.shell));
    r.whole = r.shell;
    gen.add_accounts(r.whole, n);
    return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(summary)

BOOST_AUTO_TEST_CASE(agrees_with_the_report)
{
    random_plans gen(2718);
    for (int round = 0; round < 30; ++round) {
        const auto r = make_portfolio(gen, 120);
        const kare::portfolio_summary s = kare::summarize(r.whole);
        const kare::report rep = kare::make_report(r.whole, day("2026-11-23"));
        BOOST_TEST(s.accounts == rep.accounts.size());
        for (std::size_t c = 0; c < 4; ++c)
            BOOST_TEST(s.by_category[c] == rep.counts.by_category[c]);
        BOOST_TEST(s.fired == rep.counts.fired);
        BOOST_TEST(s.unassigned == rep.counts.unassigned);
        std::map<std::string, std::size_t, std::less<>> codes;
        for (const auto& f : rep.findings)
            if (kare_test::is_classification_finding(f.code))
                ++codes[f.code];
        BOOST_TEST((s.findings == codes), "round " << round);
        std::array<std::size_t, 4> matching{};
        for (const auto& line : rep.accounts)
            for (auto c : line.outcome.candidates)
                ++matching[static_cast<std::size_t>(c)];
        BOOST_TEST((s.matching == matching));
    }
}

BOOST_AUTO_TEST_CASE(example_summary)
{
    const kare::portfolio_summary s = kare::summarize(example_plan());
    BOOST_TEST(s.accounts == 26u);
    BOOST_TEST(s.by_category[0] == 6u);
    BOOST_TEST(s.fired == 2u);
    BOOST_TEST(s.unassigned == 5u);
    BOOST_TEST(s.findings.at("account.ambiguous") == 1u);
}

BOOST_AUTO_TEST_CASE(merging_the_parts_of_a_random_split_gives_the_whole)
{
    random_plans gen(314159);
    for (int round = 0; round < 40; ++round) {
        const auto r = make_portfolio(gen, 60 + gen.pick(120));
        const kare::portfolio_summary whole = kare::summarize(r.whole);

        // Split into 1 to 5 parts, some possibly empty.
        const std::size_t k = 1 + gen.pick(5);
        std::vector<std::vector<kare::account>> parts(k);
        for (const auto& a : r.whole.accounts())
            parts[gen.pick(k)].push_back(a);
        std::vector<kare::portfolio_summary> pieces;
        for (const auto& part : parts)
            pieces.push_back(kare::summarize(part_of(r.shell, part)));

        // Merged left to right, right to left, and in a random order and grouping.
        kare::portfolio_summary left;
        for (const auto& p : pieces)
            left = kare::merge(left, p);
        kare::portfolio_summary right;
        for (auto it = pieces.rbegin(); it != pieces.rend(); ++it)
            right = kare::merge(*it, right);
        std::vector<kare::portfolio_summary> pool = pieces;
        while (pool.size() > 1) {
            const std::size_t i = gen.pick(pool.size());
            std::size_t j = gen.pick(pool.size() - 1);
            j += j >= i ? 1 : 0;
            pool[i] = kare::merge(pool[i], pool[j]);
            pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(j));
        }
        BOOST_TEST((left == whole), "round " << round);
        BOOST_TEST((right == whole), "round " << round);
        BOOST_TEST((pool.front() == whole), "round " << round);
        BOOST_TEST((kare::merge(whole, kare::portfolio_summary{}) == whole));
    }
}

BOOST_AUTO_TEST_SUITE_END()
