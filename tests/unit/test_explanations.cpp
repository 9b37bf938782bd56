// Explanations on demand: a report explains every account, those whose
// placement asks a question, one account, or none; everything else in the
// report stays the same.
#include "fixtures.hpp"

#include <kare/error.hpp>
#include <kare/json.hpp>

#include <boost/test/unit_test.hpp>

#include <set>

using namespace kare_test;

namespace {

kare::report report_with(const kare::plan& p, kare::explanation e, std::string account = {})
{
    kare::report_options options;
    options.explain = e;
    options.explain_account = std::move(account);
    return kare::make_report(p, day("2026-11-23"), options);
}

std::set<std::string> explained(const kare::report& r)
{
    std::set<std::string> out;
    for (const auto& a : r.accounts)
        if (a.explained)
            out.insert(a.id);
    return out;
}

std::size_t checks_held(const kare::report& r)
{
    std::size_t n = 0;
    for (const auto& a : r.accounts)
        for (const auto& outcome : a.outcome.profiles)
            if (outcome)
                n += outcome->checks.size();
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(explanations)

BOOST_AUTO_TEST_CASE(all_is_the_default_and_explains_every_account)
{
    const kare::plan p = example_plan();
    const kare::report all = report_with(p, kare::explanation::all);
    BOOST_TEST(explained(all).size() == p.accounts().size());
    BOOST_TEST(kare::write_report(all) == kare::write_report(kare::make_report(p, day("2026-11-23"))));
}

BOOST_AUTO_TEST_CASE(needed_explains_the_placements_that_ask_a_question)
{
    const kare::plan p = example_plan();
    // Ambiguous EVR-005; HLX-008 and UMB-021 contradict their profile;
    // LMN-012, MRD-013 and RDG-018 match none. WLW-023 is unassigned and
    // IRN-009 and QRT-017 fired by decision: their profiles explain nothing.
    const std::set<std::string> expected{"EVR-005", "HLX-008", "UMB-021", "LMN-012", "MRD-013", "RDG-018"};
    BOOST_TEST(explained(report_with(p, kare::explanation::needed)) == expected,
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(none_keeps_every_verdict_and_finding)
{
    const kare::plan p = example_plan();
    const kare::report all = report_with(p, kare::explanation::all);
    const kare::report none = report_with(p, kare::explanation::none);
    BOOST_TEST(explained(none).empty());
    BOOST_TEST(checks_held(none) == 0u);
    BOOST_TEST(checks_held(all) > 100u);
    BOOST_REQUIRE(none.accounts.size() == all.accounts.size());
    for (std::size_t i = 0; i < all.accounts.size(); ++i) {
        const auto& x = all.accounts[i].outcome;
        const auto& y = none.accounts[i].outcome;
        BOOST_TEST(x.result == y.result);
        BOOST_TEST(x.basis == y.basis);
        BOOST_TEST(x.candidates == y.candidates);
        BOOST_TEST(x.contradicts_profile() == y.contradicts_profile());
        for (std::size_t c = 0; c < 4; ++c) {
            BOOST_TEST(x.profiles[c].has_value() == y.profiles[c].has_value());
            if (x.profiles[c] && y.profiles[c])
                BOOST_TEST(x.profiles[c]->held == y.profiles[c]->held);
        }
    }
    BOOST_REQUIRE(none.findings.size() == all.findings.size());
    for (std::size_t i = 0; i < all.findings.size(); ++i)
        BOOST_TEST(none.findings[i].message == all.findings[i].message);
    BOOST_TEST(none.counts.total() == all.counts.total());
}

BOOST_AUTO_TEST_CASE(the_document_says_which_accounts_are_explained)
{
    const kare::plan p = example_plan();
    const auto doc = boost::json::parse(kare::write_report(report_with(p, kare::explanation::needed)));
    std::size_t with_checks = 0;
    for (const auto& a : doc.at("accounts").as_array()) {
        const auto& profiles = a.at("profiles").as_object();
        BOOST_TEST(profiles.size() > 0u);
        bool any = false;
        for (const auto& [category, outcome] : profiles) {
            BOOST_TEST(outcome.as_object().contains("held"));
            any = any || outcome.as_object().contains("checks");
        }
        with_checks += any ? 1 : 0;
    }
    BOOST_TEST(with_checks == 6u);
    const auto all = kare::write_report(report_with(p, kare::explanation::all));
    const auto none = kare::write_report(report_with(p, kare::explanation::none));
    BOOST_TEST(none.size() * 2 < all.size());
}

BOOST_AUTO_TEST_CASE(one_account_alone)
{
    const kare::plan p = example_plan();
    const kare::report r = report_with(p, kare::explanation::none, "ACME-001");
    BOOST_TEST(explained(r) == std::set<std::string>{"ACME-001"}, boost::test_tools::per_element());
    BOOST_TEST(checks_held(r) > 0u);
}

BOOST_AUTO_TEST_CASE(an_unknown_account_to_explain_is_refused)
{
    const kare::plan p = example_plan();
    BOOST_CHECK_EXCEPTION(report_with(p, kare::explanation::all, "NOPE-1"), kare::error,
                          [](const kare::error& e) {
                              return e.code() == kare::errc::not_found &&
                                     std::string(e.what()).find("'NOPE-1'") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(mode_names_read_back)
{
    for (auto e : {kare::explanation::all, kare::explanation::needed, kare::explanation::none})
        BOOST_TEST((kare::explanation_from_string(kare::to_string(e)) == e));
    BOOST_TEST(!kare::explanation_from_string("some").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
