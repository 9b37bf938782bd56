// The field schema: standard fields, declarations and value checks.
#include "fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

using namespace kare_test;

BOOST_AUTO_TEST_SUITE(schema)

BOOST_AUTO_TEST_CASE(standard_fields_are_predeclared)
{
    const kare::schema s = kare::schema::standard();
    for (const char* name : {"growth_potential", "risk", "cost_of_pursuit", "profitability",
                             "strategic_value", "easy_to_do_business_with", "repeat_purchases",
                             "annual_revenue", "buying_from_competitor", "lapse_reason",
                             "still_uses_product", "favourable_decision_makers", "last_purchase"}) {
        BOOST_REQUIRE_MESSAGE(s.find(name), name);
        BOOST_TEST(s.find(name)->standard);
        BOOST_TEST(!s.find(name)->description.empty());
    }
    BOOST_TEST(!s.find("relationship"));
}

BOOST_AUTO_TEST_CASE(declarations_are_checked)
{
    kare::schema s = kare::schema::standard();
    auto field = [](const char* name, kare::field_type t) {
        kare::field_def f;
        f.name = name;
        f.type = t;
        return f;
    };
    BOOST_CHECK_THROW(s.declare(field("", kare::field_type::text)), kare::error);
    BOOST_CHECK_THROW(s.declare(field("relationship", kare::field_type::text)), kare::error);
    BOOST_CHECK_THROW(s.declare(field("risk", kare::field_type::text)), kare::error);
    auto bounded = field("x", kare::field_type::number);
    bounded.min = std::numeric_limits<double>::infinity();
    BOOST_CHECK_THROW(s.declare(bounded), kare::error);
    auto repeated = field("y", kare::field_type::choice);
    repeated.choices = {"a", "a"};
    BOOST_CHECK_THROW(s.declare(repeated), kare::error);
    auto stray = field("z", kare::field_type::text);
    stray.choices = {"a"};
    BOOST_CHECK_THROW(s.declare(stray), kare::error);
    const std::size_t before = s.fields().size();
    auto good = field("seats", kare::field_type::number);
    good.standard = true; // ignored: declared fields are the organisation's
    s.declare(good);
    BOOST_TEST(s.fields().size() == before + 1);
    BOOST_TEST(!s.find("seats")->standard);
}

BOOST_AUTO_TEST_CASE(values_are_checked_against_type_and_bounds)
{
    kare::field_def seats;
    seats.name = "seats";
    seats.type = kare::field_type::number;
    seats.min = 0.0;
    seats.max = 10.0;
    BOOST_TEST(!seats.check(5.0));
    BOOST_TEST(!seats.check(0.0));
    BOOST_TEST(!seats.check(10.0));
    BOOST_TEST(*seats.check(10.5) == "the number 10.5 is above the maximum 10");
    BOOST_TEST(seats.check(-1.0).has_value());
    BOOST_TEST(seats.check(std::nan("")).has_value());
    BOOST_TEST(seats.check(std::string("5")).has_value());
    BOOST_TEST(*seats.check(true) == "expected a number, got a boolean");

    kare::field_def level;
    level.type = kare::field_type::choice;
    level.choices = {"low", "high"};
    BOOST_TEST(!level.check(std::string("low")));
    BOOST_TEST(*level.check(std::string("mid")) == "'mid' is not one of {low, high}");

    kare::field_def when;
    when.type = kare::field_type::date;
    BOOST_TEST(!when.check(day("2026-01-01")));
    BOOST_TEST(when.check(std::string("2026-01-01")).has_value());
}

BOOST_AUTO_TEST_CASE(names_round_trip)
{
    for (auto t : {kare::field_type::number, kare::field_type::boolean, kare::field_type::text,
                   kare::field_type::choice, kare::field_type::date})
        BOOST_TEST(*kare::field_type_from_string(kare::to_string(t)) == t);
    BOOST_TEST(!kare::field_type_from_string("integer"));
    for (auto c : kare::all_categories)
        BOOST_TEST(*kare::category_from_string(kare::to_string(c)) == c);
    for (const char* name : {"open", "keep", "attain", "recapture", "expand", "fired", "unassigned"})
        BOOST_TEST(kare::placement::from_name(name)->name() == name);
    BOOST_TEST(!kare::placement::from_name("grow"));
    for (auto r : {kare::relationship::prospect, kare::relationship::client, kare::relationship::former_client})
        BOOST_TEST(kare::to_string(*kare::relationship_from_string(kare::to_string(r))) == kare::to_string(r));
}

BOOST_AUTO_TEST_SUITE_END()
