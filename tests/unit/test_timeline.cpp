// Where an account stood on a date: the rule every activity relies on.
#include "seed_plan.hpp"

#include <kare/classify.hpp>
#include <kare/timeline.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {

using kare::category;
using kare::placement;

// k1 decided Keep on 2026-01-10, moved to Expand on 2026-03-01, then to
// Recapture and back to Keep on the same day, 2026-06-01.
kare::account moved_account()
{
    kare::account a = seed::account("m1", "bob", kare::relationship::client, placement());
    a.history = {
        {seed::day("2026-01-10"), placement(), placement::in(category::keep), {}},
        {seed::day("2026-03-01"), placement::in(category::keep), placement::in(category::expand),
         "bought the whole range"},
        {seed::day("2026-06-01"), placement::in(category::expand),
         placement::in(category::recapture), "stopped ordering"},
        {seed::day("2026-06-01"), placement::in(category::recapture),
         placement::in(category::keep), "ordered again the same day"},
    };
    a.decision = placement::in(category::keep);
    return a;
}

struct at_case {
    const char* on;
    const char* decision; // placement name decision_at gives
};

std::ostream& operator<<(std::ostream& os, const at_case& c)
{
    return os << c.on << " -> " << c.decision;
}

const std::vector<at_case> at_cases{
    {"2025-12-31", "open"},      // before the first move: its `from`
    {"2026-01-09", "open"},
    {"2026-01-10", "keep"},      // a move takes effect on its own date
    {"2026-02-28", "keep"},
    {"2026-03-01", "expand"},
    {"2026-05-31", "expand"},
    {"2026-06-01", "keep"},      // same-day moves apply in recorded order
    {"2030-01-01", "keep"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(timeline)

BOOST_DATA_TEST_CASE(decision_at_reads_the_history, bdata::make(at_cases), c)
{
    const kare::account a = moved_account();
    BOOST_TEST(kare::decision_at(a, seed::day(c.on)).name() == c.decision);
}

BOOST_AUTO_TEST_CASE(without_history_the_current_decision_holds_on_every_date)
{
    const kare::plan p = seed::team();
    const kare::account& e1 = *p.find_account("e1");
    for (const char* on : {"0001-01-01", "2026-03-05", "9999-12-31"})
        BOOST_TEST(kare::decision_at(e1, seed::day(on)).name() == "expand");
}

BOOST_AUTO_TEST_CASE(an_open_decision_is_resolved_by_the_profiles)
{
    kare::plan p = seed::team();
    kare::account a = moved_account();
    // These attributes meet the default Keep profile and nothing else.
    a.attributes = {{"growth_potential", std::string("low")}, {"risk", std::string("low")}};
    a.history.resize(2);
    a.history[0].to = placement::in(category::attain);
    a.history[1].from = placement::in(category::attain);
    a.decision = placement::in(category::expand);
    p.add_account(a);
    const kare::account& added = *p.find_account("m1");
    // Before any decision the profiles place it, even though the current
    // decision (Expand) is what classify() reports today.
    BOOST_TEST(kare::classify(p, added).result.name() == "expand");
    BOOST_TEST(kare::placement_at(p, added, seed::day("2026-01-01")).name() == "keep");
    BOOST_TEST(kare::profile_placement(p, added).name() == "keep");
    BOOST_TEST(kare::placement_at(p, added, seed::day("2026-01-10")).name() == "attain");
    BOOST_TEST(kare::placement_at(p, added, seed::day("2026-03-01")).name() == "expand");
    BOOST_TEST((kare::category_at(p, added, seed::day("2026-03-01")) == category::expand));
}

BOOST_AUTO_TEST_CASE(an_open_account_no_profile_places_is_unassigned_and_has_no_category)
{
    kare::plan p = seed::team();
    p.add_account(seed::account("x1", "ann", kare::relationship::prospect, placement()));
    const kare::account& x1 = *p.find_account("x1");
    BOOST_TEST(kare::placement_at(p, x1, seed::day("2026-03-05")).name() == "unassigned");
    BOOST_TEST(!kare::category_at(p, x1, seed::day("2026-03-05")).has_value());
}

BOOST_AUTO_TEST_CASE(a_fired_account_has_no_category_from_the_day_it_was_fired)
{
    kare::plan p = seed::team();
    p.fire("k2", seed::day("2026-04-01"), "never pays", "end_relationship");
    const kare::account& k2 = *p.find_account("k2");
    BOOST_TEST((kare::category_at(p, k2, seed::day("2026-03-31")) == category::keep));
    BOOST_TEST(!kare::category_at(p, k2, seed::day("2026-04-01")).has_value());
    BOOST_TEST(kare::placement_at(p, k2, seed::day("2026-04-01")).name() == "fired");
}

BOOST_AUTO_TEST_SUITE_END()
