// Whitespace: the heat map of what Keep and Expand accounts buy and do not
// buy, per account and across the portfolio.
#include "review_fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace review_fixture;
using kare::category;
using kare::placement;
using kare::relationship;

BOOST_AUTO_TEST_SUITE(whitespace)

BOOST_AUTO_TEST_CASE(rows_columns_and_buyers)
{
    kare::plan p = base();
    kare::account k2 = client("K2", "fred", relationship::client, placement::in(category::keep));
    k2.products = {"addon", "core"};
    p.add_account(k2);
    const kare::heat_map map = kare::make_heat_map(p);
    BOOST_REQUIRE(map.products.size() == 2u);
    BOOST_TEST(map.products[0].id == "core");
    BOOST_REQUIRE(map.rows.size() == 3u);
    BOOST_TEST(map.rows[0].id == "E1"); // Expand first
    BOOST_TEST(map.rows[0].cat == category::expand);
    BOOST_TEST(map.rows[1].id == "K1");
    BOOST_TEST(map.rows[2].id == "K2");
    BOOST_TEST(map.rows[0].bought == (std::vector<bool>{true, false}), boost::test_tools::per_element());
    BOOST_TEST(map.rows[0].whitespace == std::vector<std::string>{"addon"}, boost::test_tools::per_element());
    BOOST_TEST(map.rows[2].whitespace.empty());
    BOOST_TEST(map.rows[0].recorded);

    BOOST_TEST(map.buyers == (std::vector<std::size_t>{3, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_account_without_products_is_not_recorded)
{
    kare::plan p = base();
    kare::account e1 = *p.find_account("E1");
    e1.products.clear();
    p.replace_account(e1);
    const kare::heat_map map = kare::make_heat_map(p);
    BOOST_TEST(!map.rows[0].recorded);
    BOOST_TEST(map.rows[0].whitespace.size() == 2u);
    BOOST_TEST(map.rows[1].recorded);
}

BOOST_AUTO_TEST_CASE(only_keep_and_expand_in_scope)
{
    kare::plan p = base();
    BOOST_TEST(kare::make_heat_map(p, "hana").rows.empty());
    BOOST_TEST(kare::make_heat_map(p, "fred").rows.size() == 2u);
    BOOST_CHECK_THROW(kare::make_heat_map(p, "nobody"), kare::error);
}

BOOST_AUTO_TEST_CASE(no_catalogue_no_heat_map)
{
    kare::plan p = base();
    p.set_products({});
    const kare::heat_map map = kare::make_heat_map(p);
    BOOST_TEST(map.products.empty());
    BOOST_TEST(map.rows.empty());
}

BOOST_AUTO_TEST_CASE(the_report_carries_the_heat_map)
{
    const kare::report r = kare::make_report(kare_test::example_plan(), day("2026-11-23"));
    BOOST_TEST(r.heat_map.products.size() == 6u);
    BOOST_TEST(r.heat_map.rows.size() == 11u); // five Expand, six Keep
    const auto doc = boost::json::parse(kare::write_report(r)).as_object();
    const auto& accounts = doc.at("heat_map").at("accounts").as_array();
    BOOST_TEST(accounts[0].at("id").as_string() == "FLX-006");
    BOOST_TEST(boost::json::serialize(accounts[0].at("bought")) == R"(["analytics","forecasting"])");
    BOOST_TEST(boost::json::serialize(accounts[0].at("whitespace")) ==
               R"(["data_connectors","training","premium_support","mobile"])");
    BOOST_TEST(doc.at("heat_map").at("products").as_array()[0].at("buyers").as_int64() == 8);
}

BOOST_AUTO_TEST_SUITE_END()
