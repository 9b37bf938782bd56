// A small team plan shared by the cookbook, timeline and progress suites:
// Ann hunts (three Attain prospects), Bob farms (three Keep clients and one
// Expand client), Cy works former clients (two Recapture, one Keep).
#ifndef KARE_TESTS_SEED_PLAN_HPP
#define KARE_TESTS_SEED_PLAN_HPP

#include "fixtures.hpp"

#include <kare/json.hpp>
#include <kare/plan.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

namespace seed {

inline kare::date day(std::string_view text)
{
    const auto d = kare::date::parse(text);
    BOOST_TEST_REQUIRE(d.has_value(), "bad test date " << text);
    return *d;
}

inline kare::account account(std::string id, std::string owner, kare::relationship rel,
                             kare::placement decision)
{
    return kare_test::decided_account(std::move(id), std::move(owner), rel, decision);
}

inline kare::plan team()
{
    using kare::category;
    using kare::placement;
    using kare::relationship;
    kare::plan p;
    p.set_name("Seed team");
    p.add_rep({"ann", "Ann", kare::rep_style::hunter});
    p.add_rep({"bob", "Bob", kare::rep_style::farmer});
    p.add_rep({"cy", "Cy", kare::rep_style::both});
    for (const char* id : {"p1", "p2", "p3"})
        p.add_account(account(id, "ann", relationship::prospect, placement::in(category::attain)));
    for (const char* id : {"k1", "k2", "k3"})
        p.add_account(account(id, "bob", relationship::client, placement::in(category::keep)));
    p.add_account(account("e1", "bob", relationship::client, placement::in(category::expand)));
    for (const char* id : {"r1", "r2"})
        p.add_account(account(id, "cy", relationship::former_client, placement::in(category::recapture)));
    p.add_account(account("k4", "cy", relationship::client, placement::in(category::keep)));
    // A focus target of three: Ann's three Attain accounts owe the cookbook's
    // per-rep targets in full (docs/cookbook.md, "What a target asks of a rep").
    kare::review_policy review = p.review_policy();
    review.focus_min = 3;
    p.set_review_policy(review);
    return p;
}

/// Logs `n` activities of `type` by `rep` on `account` on day `on`.
inline void log(kare::plan& p, const char* rep, const char* account, const char* type,
                std::string_view on, int n = 1)
{
    for (int i = 0; i < n; ++i)
        p.add_activity(kare::activity{day(on), rep, account, type, {}, {}});
}

} // namespace seed

#endif
