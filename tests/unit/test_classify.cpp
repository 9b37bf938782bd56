// Criteria semantics, profile matching, the tie-break and explanations.
#include "fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

namespace bdata = boost::unit_test::data;
using namespace kare_test;
using kare::criterion;
using kare::criterion_op;
using kare::value;

namespace {

kare::plan plan_with_fields()
{
    kare::plan p;
    p.add_rep({"ana", "Ana", kare::rep_style::both});
    kare::field_def seats;
    seats.name = "seats";
    seats.type = kare::field_type::number;
    p.declare_field(seats);
    kare::field_def renewal;
    renewal.name = "renewal";
    renewal.type = kare::field_type::date;
    p.declare_field(renewal);
    kare::field_def champion;
    champion.name = "champion";
    champion.type = kare::field_type::text;
    p.declare_field(champion);
    return p;
}

kare::account sample_account()
{
    kare::account a;
    a.id = "A";
    a.name = "A Corp";
    a.owner = "ana";
    a.relationship = kare::relationship::client;
    a.attributes.emplace("seats", 50.0);
    a.attributes.emplace("risk", std::string("medium"));
    a.attributes.emplace("repeat_purchases", true);
    a.attributes.emplace("renewal", day("2027-03-01"));
    a.attributes.emplace("champion", std::string("Dana"));
    return a;
}

struct leaf_case {
    const char* name;
    criterion rule;
    bool expected;
};

std::ostream& operator<<(std::ostream& os, const leaf_case& c)
{
    return os << c.name;
}

value text(const char* s)
{
    return value(std::string(s));
}

const std::vector<leaf_case> leaf_cases{
    {"eq number", criterion::compare("seats", criterion_op::eq, 50.0), true},
    {"eq number other", criterion::compare("seats", criterion_op::eq, 51.0), false},
    {"ne number", criterion::compare("seats", criterion_op::ne, 51.0), true},
    {"lt number edge", criterion::compare("seats", criterion_op::lt, 50.0), false},
    {"le number edge", criterion::compare("seats", criterion_op::le, 50.0), true},
    {"gt number", criterion::compare("seats", criterion_op::gt, 49.5), true},
    {"ge number edge", criterion::compare("seats", criterion_op::ge, 50.0), true},
    {"between inclusive low", criterion::range("seats", 50.0, 60.0), true},
    {"between inclusive high", criterion::range("seats", 10.0, 50.0), true},
    {"between outside", criterion::range("seats", 51.0, 60.0), false},
    {"choice order lt", criterion::compare("risk", criterion_op::lt, text("high")), true},
    {"choice order gt", criterion::compare("risk", criterion_op::gt, text("low")), true},
    {"choice order not alphabetical", criterion::compare("risk", criterion_op::lt, text("low")), false},
    {"choice between", criterion::range("risk", text("low"), text("medium")), true},
    {"in", criterion::one_of("risk", {text("low"), text("medium")}), true},
    {"in miss", criterion::one_of("risk", {text("low"), text("high")}), false},
    {"not_in", [] { auto c = criterion::one_of("risk", {text("low")}); c.op = criterion_op::not_in; return c; }(), true},
    {"boolean eq", criterion::compare("repeat_purchases", criterion_op::eq, true), true},
    {"date before", criterion::compare("renewal", criterion_op::lt, day("2027-03-02")), true},
    {"date equal is not after", criterion::compare("renewal", criterion_op::gt, day("2027-03-01")), false},
    {"text eq", criterion::compare("champion", criterion_op::eq, text("Dana")), true},
    {"present", criterion::presence("champion", true), true},
    {"absent of present", criterion::presence("champion", false), false},
    {"relationship pseudo-field", criterion::compare("relationship", criterion_op::eq, text("client")), true},
    // A missing value is never evidence, not even for ne or not_in.
    {"missing eq", criterion::compare("profitability", criterion_op::eq, text("high")), false},
    {"missing ne", criterion::compare("profitability", criterion_op::ne, text("high")), false},
    {"missing not_in", [] { auto c = criterion::one_of("profitability", {text("low")}); c.op = criterion_op::not_in; return c; }(), false},
    {"missing absent", criterion::presence("profitability", false), true},
    {"missing present", criterion::presence("profitability", true), false},
    {"all holds", criterion::group(criterion_op::all_of, {criterion::presence("seats", true), criterion::presence("risk", true)}), true},
    {"all fails", criterion::group(criterion_op::all_of, {criterion::presence("seats", true), criterion::presence("profitability", true)}), false},
    {"any holds", criterion::group(criterion_op::any_of, {criterion::presence("profitability", true), criterion::presence("risk", true)}), true},
    {"any fails", criterion::group(criterion_op::any_of, {criterion::presence("profitability", true)}), false},
    {"none holds", criterion::group(criterion_op::none_of, {criterion::presence("profitability", true)}), true},
    {"none fails", criterion::group(criterion_op::none_of, {criterion::presence("risk", true)}), false},
    {"nested", criterion::group(criterion_op::all_of, {criterion::group(criterion_op::none_of, {criterion::presence("profitability", true)}), criterion::compare("seats", criterion_op::ge, 10.0)}), true},
};

} // namespace

BOOST_AUTO_TEST_SUITE(classify)

BOOST_DATA_TEST_CASE(criteria_semantics, bdata::make(leaf_cases), c)
{
    const kare::plan p = plan_with_fields();
    const kare::account a = sample_account();
    BOOST_TEST(kare::holds(c.rule, a, p.fields()) == c.expected);
    // The explaining evaluation reaches the same verdict as the fast one.
    BOOST_TEST(kare::explain(c.rule, a, p.fields(), "r").held == c.expected);
}

BOOST_AUTO_TEST_CASE(explanation_lists_every_leaf_with_path_and_actual)
{
    const kare::plan p = plan_with_fields();
    const auto rule = criterion::group(
        criterion_op::all_of,
        {criterion::compare("seats", criterion_op::ge, 100.0),
         criterion::group(criterion_op::any_of, {criterion::presence("profitability", true),
                                                 criterion::compare("risk", criterion_op::eq, text("medium"))})});
    const kare::rule_outcome out = kare::explain(rule, sample_account(), p.fields(), "profiles.keep.rule");
    BOOST_TEST(!out.held);
    BOOST_REQUIRE(out.checks.size() == 3u);
    BOOST_TEST(out.checks[0].path == "profiles.keep.rule.all[0]");
    BOOST_TEST(out.checks[0].text == "seats >= 100");
    BOOST_TEST(!out.checks[0].held);
    BOOST_TEST(kare::to_display(*out.checks[0].actual) == "50");
    BOOST_TEST(out.checks[1].path == "profiles.keep.rule.all[1].any[0]");
    BOOST_TEST(!out.checks[1].actual.has_value());
    BOOST_TEST(out.checks[2].path == "profiles.keep.rule.all[1].any[1]");
    BOOST_TEST(out.checks[2].held);
}

BOOST_AUTO_TEST_CASE(labels_replace_generated_text)
{
    auto c = criterion::compare("seats", criterion_op::ge, 50.0);
    BOOST_TEST(kare::describe(c) == "seats >= 50");
    c.label = "at least 50 seats";
    BOOST_TEST(kare::describe(c) == "at least 50 seats");
    BOOST_TEST(kare::describe(criterion::one_of("risk", {text("low"), text("medium")})) == "risk in {low, medium}");
    BOOST_TEST(kare::describe(criterion::range("seats", 1.5, 3.0)) == "seats between 1.5 and 3");
}

// The default profiles place the template's typical accounts.
struct template_case {
    const char* name;
    kare::relationship rel;
    std::vector<std::pair<const char*, const char*>> attributes;
    std::vector<kare::category> candidates;
    std::vector<std::string> fire;
};

std::ostream& operator<<(std::ostream& os, const template_case& c)
{
    return os << c.name;
}

namespace {
using kare::category;
using kare::relationship;
const std::vector<template_case> template_cases{
    {"steady client is keep", relationship::client, {{"growth_potential", "low"}, {"risk", "low"}}, {category::keep}, {}},
    {"medium growth client is keep", relationship::client, {{"growth_potential", "medium"}, {"risk", "low"}}, {category::keep}, {}},
    {"risky client is nowhere", relationship::client, {{"growth_potential", "low"}, {"risk", "medium"}}, {}, {}},
    {"treasured client is expand", relationship::client, {{"growth_potential", "high"}, {"profitability", "high"}}, {category::expand}, {}},
    {"good prospect is attain", relationship::prospect, {{"growth_potential", "high"}, {"risk", "low"}}, {category::attain}, {}},
    {"lapsed with potential is recapture", relationship::former_client, {{"growth_potential", "medium"}}, {category::recapture}, {}},
    {"lapsed but strategic is recapture", relationship::former_client, {{"strategic_value", "high"}}, {category::recapture}, {}},
    {"lapsed with nothing is nowhere", relationship::former_client, {{"growth_potential", "low"}}, {}, {}},
    {"unprofitable risky client", relationship::client, {{"profitability", "low"}, {"risk", "high"}}, {}, {"unprofitable_risky_client"}},
    {"poor fit prospect", relationship::prospect, {{"growth_potential", "low"}, {"risk", "high"}}, {}, {"poor_fit_prospect"}},
};
} // namespace

BOOST_DATA_TEST_CASE(default_profiles_follow_the_template, bdata::make(template_cases), c)
{
    kare::plan p;
    p.add_rep({"ana", "Ana", kare::rep_style::both});
    kare::account a;
    a.id = "X";
    a.name = "X";
    a.owner = "ana";
    a.relationship = c.rel;
    for (const auto& [k, v] : c.attributes)
        a.attributes.emplace(k, std::string(v));
    p.add_account(a);
    const kare::classification out = kare::classify(p, *p.find_account("X"));
    BOOST_TEST(out.candidates == c.candidates, boost::test_tools::per_element());
    BOOST_TEST(out.fire_suggestions == c.fire, boost::test_tools::per_element());
    if (c.candidates.size() == 1) {
        BOOST_TEST(out.result == kare::placement::in(c.candidates[0]));
        BOOST_TEST(out.basis == kare::basis::profile);
    } else {
        BOOST_TEST(out.result == kare::placement::unassigned());
        BOOST_TEST(out.basis == kare::basis::none);
    }
}

BOOST_AUTO_TEST_CASE(several_matches_are_not_guessed)
{
    const kare::plan p = example_plan();
    const auto out = kare::classify(p, *p.find_account("EVR-005"));
    BOOST_TEST(out.result == kare::placement::unassigned());
    BOOST_TEST(out.basis == kare::basis::none);
    BOOST_TEST(out.candidates == (std::vector<kare::category>{category::keep, category::expand}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(tie_break_applies_only_when_asked)
{
    kare::plan p = example_plan();
    kare::profile_set set = p.profiles();
    set.ties.how = kare::tie_break::mode::category_order;
    set.ties.order = {category::keep, category::expand, category::attain, category::recapture};
    p.set_profiles(set);
    auto out = kare::classify(p, *p.find_account("EVR-005"));
    BOOST_TEST(out.result == kare::placement::in(category::keep));
    BOOST_TEST(out.basis == kare::basis::tie_break);

    set.ties.order = {category::expand, category::keep, category::attain, category::recapture};
    p.set_profiles(set);
    out = kare::classify(p, *p.find_account("EVR-005"));
    BOOST_TEST(out.result == kare::placement::in(category::expand));
}

BOOST_AUTO_TEST_CASE(a_decision_wins_over_profiles_and_contradiction_is_detected)
{
    const kare::plan p = example_plan();
    const auto helix = kare::classify(p, *p.find_account("HLX-008"));
    BOOST_TEST(helix.result == kare::placement::in(category::expand));
    BOOST_TEST(helix.basis == kare::basis::decision);
    BOOST_TEST(helix.contradicts_profile());

    const auto juniper = kare::classify(p, *p.find_account("JNP-010"));
    BOOST_TEST(juniper.candidates.size() == 2u); // ambiguous by profile, settled by decision
    BOOST_TEST(!juniper.contradicts_profile());

    const auto ironwood = kare::classify(p, *p.find_account("IRN-009"));
    BOOST_TEST(ironwood.result == kare::placement::fired());
    BOOST_TEST(!ironwood.contradicts_profile());
}

BOOST_AUTO_TEST_CASE(a_category_without_profile_is_reached_only_by_decision)
{
    kare::plan p = example_plan();
    kare::profile_set set = p.profiles();
    set.profiles[static_cast<std::size_t>(category::expand)].reset();
    p.set_profiles(set);
    const auto evergreen = kare::classify(p, *p.find_account("EVR-005"));
    BOOST_TEST(evergreen.result == kare::placement::in(category::keep));
    const auto helix = kare::classify(p, *p.find_account("HLX-008"));
    BOOST_TEST(!helix.profiles[static_cast<std::size_t>(category::expand)].has_value());
    BOOST_TEST(!helix.contradicts_profile());
}

BOOST_AUTO_TEST_CASE(invalid_profiles_are_refused_before_use_and_change_nothing)
{
    kare::plan p = example_plan();
    const std::string before = kare::write_plan(p);
    kare::profile_set set = p.profiles();
    set.profiles[0]->rule = criterion::compare("seatz", criterion_op::ge, 10.0);
    BOOST_CHECK_THROW(p.set_profiles(set), kare::error);
    BOOST_TEST(kare::write_plan(p) == before);
}

BOOST_AUTO_TEST_SUITE_END()
