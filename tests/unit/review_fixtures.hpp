// A small plan on which no review check fires, for the review, priority,
// suggested-move and whitespace suites to edit one fact at a time.
//
// Hana hunts (A1 in Attain, R1 in Recapture), Fred farms (K1 in Keep with a
// recent scorecard and purchase, E1 in Expand); the catalogue is core and
// addon; the focus target is 1 to 2 accounts per rep and quadrant.
#ifndef KARE_TESTS_REVIEW_FIXTURES_HPP
#define KARE_TESTS_REVIEW_FIXTURES_HPP

#include "fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <string_view>

namespace review_fixture {

using kare_test::day;

inline const kare::date as_of = *kare::date::parse("2026-11-23");

inline kare::account client(std::string id, std::string owner, kare::relationship rel,
                            kare::placement decision)
{
    return kare_test::decided_account(std::move(id), std::move(owner), rel, decision);
}

inline kare::plan base()
{
    using kare::category;
    using kare::placement;
    using kare::relationship;
    kare::plan p;
    p.set_name("Review fixture");
    p.add_rep({"hana", "Hana", kare::rep_style::hunter});
    p.add_rep({"fred", "Fred", kare::rep_style::farmer});
    p.set_products({{"core", "Core"}, {"addon", "Add-on"}});
    kare::review_policy policy;
    policy.focus_min = 1;
    policy.focus_max = 2;
    p.set_review_policy(policy);

    kare::account k1 = client("K1", "fred", relationship::client, placement::in(category::keep));
    k1.products = {"core"};
    k1.attributes["last_purchase"] = day("2026-10-01");
    p.add_account(k1);
    kare::account e1 = client("E1", "fred", relationship::client, placement::in(category::expand));
    e1.products = {"core"};
    p.add_account(e1);
    p.add_account(client("A1", "hana", relationship::prospect, placement::in(category::attain)));
    p.add_account(
        client("R1", "hana", relationship::former_client, placement::in(category::recapture)));
    p.add_activity(kare::activity{day("2026-10-15"), "fred", "K1", "client_scorecard", {}, {}});
    return p;
}

/// A closed deal with the evidence the default policy requires.
inline kare::deal closed_deal(std::string id, std::string account, const char* opened,
                              const char* closed, kare::deal_outcome outcome,
                              std::int64_t minor = 1'000'000)
{
    kare::deal d;
    d.id = std::move(id);
    d.account = std::move(account);
    d.amount = kare::money::from_minor(minor, 2);
    d.stage = "commit";
    d.opened = day(opened);
    d.expected_close = day(closed);
    d.outcome = outcome;
    d.closed_on = day(closed);
    if (outcome == kare::deal_outcome::lost)
        d.lost_reason = "competitor";
    return d;
}

/// The subjects of the findings with `code`.
inline std::set<std::string> subjects(const std::vector<kare::finding>& findings,
                                      std::string_view code)
{
    std::set<std::string> out;
    for (const auto& f : findings)
        if (f.code == code)
            out.insert(f.subject_id);
    return out;
}

/// The finding with `code` about `subject`; fails the test when there is none.
inline const kare::finding& finding_of(const std::vector<kare::finding>& findings,
                                       std::string_view code, std::string_view subject)
{
    for (const auto& f : findings)
        if (f.code == code && f.subject_id == subject)
            return f;
    BOOST_FAIL("no " << code << " finding about " << subject);
    return findings.front();
}

/// The figure named `name` of `f`.
template <class T>
const T& figure_of(const kare::finding& f, std::string_view name)
{
    for (const auto& fig : f.figures)
        if (fig.name == name)
            return std::get<T>(fig.value);
    BOOST_FAIL("no figure " << name << " in " << f.code);
    return std::get<T>(f.figures.front().value);
}

} // namespace review_fixture

#endif
