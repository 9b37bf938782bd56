// The review policy, the product catalogue and named focus accounts in the
// plan document: defaults, round trips, and every bad input with its path.
#include "fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

namespace bdata = boost::unit_test::data;
using namespace kare_test;
using kare::errc;

namespace {

struct bad_case {
    const char* name;
    std::function<void(boost::json::object&)> edit;
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const bad_case& c)
{
    return os << c.name;
}

boost::json::object& review(boost::json::object& doc)
{
    auto& policy = doc["policy"];
    if (!policy.is_object())
        policy = boost::json::object();
    auto& r = policy.as_object()["review"];
    if (!r.is_object())
        r = boost::json::object();
    return r.as_object();
}

boost::json::object& account(boost::json::object& doc, std::size_t i)
{
    return doc["accounts"].as_array()[i].as_object();
}

void catalogue(boost::json::object& doc)
{
    doc["products"] = boost::json::parse(R"([{"id": "core", "name": "Core"}, {"id": "addon"}])");
}

const std::vector<bad_case> bad_cases{
    {"focus_min zero", [](auto& d) { review(d)["focus_min"] = 0; }, errc::invalid_plan,
     "policy.review.focus_min"},
    {"focus_max below min",
     [](auto& d) {
         review(d)["focus_min"] = 6;
         review(d)["focus_max"] = 5;
     },
     errc::invalid_plan, "policy.review.focus_max"},
    {"focus_max too large", [](auto& d) { review(d)["focus_max"] = 1001; }, errc::invalid_plan,
     "policy.review.focus_max"},
    {"window zero", [](auto& d) { review(d)["quarterly_review_days"] = 0; }, errc::invalid_plan,
     "policy.review.quarterly_review_days"},
    {"lapse as text", [](auto& d) { review(d)["lapse_days"] = "a year"; }, errc::invalid_plan,
     "policy.review.lapse_days"},
    {"unknown strategy", [](auto& d) { review(d)["rep_fit"] = "mixed"; }, errc::invalid_plan,
     "policy.review.rep_fit"},
    {"cost zero", [](auto& d) { review(d)["existing_client_cost"] = 0; }, errc::invalid_plan,
     "policy.review.existing_client_cost"},
    {"cost above one", [](auto& d) { review(d)["existing_client_cost"] = 1.5; },
     errc::invalid_plan, "policy.review.existing_client_cost"},
    {"recapture cost zero", [](auto& d) { review(d)["recapture_cost"] = 0; }, errc::invalid_plan,
     "policy.review.recapture_cost"},
    {"recapture cost above one", [](auto& d) { review(d)["recapture_cost"] = 1.25; },
     errc::invalid_plan, "policy.review.recapture_cost"},
    {"potential value negative", [](auto& d) { review(d)["potential_value"] = -1; },
     errc::invalid_plan, "policy.review.potential_value"},
    {"potential value too large", [](auto& d) { review(d)["potential_value"] = 2e15; },
     errc::invalid_plan, "policy.review.potential_value"},
    {"potential value as text", [](auto& d) { review(d)["potential_value"] = "a lot"; },
     errc::invalid_plan, "policy.review.potential_value"},
    {"empty review activity",
     [](auto& d) { review(d)["quarterly_review_activities"] = boost::json::parse(R"([""])"); },
     errc::invalid_plan, "policy.review.quarterly_review_activities[0]"},
    {"review activity twice",
     [](auto& d) {
         review(d)["quarterly_review_activities"] = boost::json::parse(R"(["qbr", "qbr"])");
     },
     errc::invalid_plan, "policy.review.quarterly_review_activities[1]"},
    {"unknown check",
     [](auto& d) {
         review(d)["disabled_checks"] = boost::json::parse(R"(["account.tie_break", "rep.typo"])");
     },
     errc::invalid_plan, "policy.review.disabled_checks[1]"},
    {"check twice",
     [](auto& d) {
         review(d)["disabled_checks"] =
             boost::json::parse(R"(["account.ambiguous", "account.ambiguous"])");
     },
     errc::invalid_plan, "policy.review.disabled_checks[1]"},
    {"unknown review key", [](auto& d) { review(d)["focus"] = 5; }, errc::invalid_plan,
     "policy.review.focus"},
    {"products not an array", [](auto& d) { d["products"] = "core"; }, errc::invalid_plan,
     "products"},
    {"product without id", [](auto& d) { d["products"] = boost::json::parse(R"([{"name": "x"}])"); },
     errc::invalid_plan, "products[0].id"},
    {"product id twice",
     [](auto& d) { d["products"] = boost::json::parse(R"([{"id": "core"}, {"id": "core"}])"); },
     errc::invalid_plan, "products[1].id"},
    {"unknown product key",
     [](auto& d) { d["products"] = boost::json::parse(R"([{"id": "core", "price": 3}])"); },
     errc::invalid_plan, "products[0].price"},
    {"account product outside the catalogue",
     [](auto& d) {
         catalogue(d);
         account(d, 0)["products"] = boost::json::parse(R"(["core", "premium"])");
     },
     errc::invalid_plan, "accounts[0].products[1]"},
    {"focus not a boolean", [](auto& d) { account(d, 1)["focus"] = "yes"; }, errc::invalid_plan,
     "accounts[1].focus"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(review_policy)

BOOST_AUTO_TEST_CASE(a_plan_starts_with_the_documented_defaults)
{
    const kare::plan p;
    const kare::review_policy& r = p.review_policy();
    BOOST_TEST(r.focus_min == 5u);
    BOOST_TEST(r.focus_max == 6u);
    BOOST_TEST(r.quarterly_review_activities == std::vector<std::string>{"client_scorecard"},
               boost::test_tools::per_element());
    BOOST_TEST(r.quarterly_review_days == 92u);
    BOOST_TEST(r.lapse_days == 365u);
    BOOST_TEST(r.rep_fit == kare::rep_fit_strategy::focus);
    BOOST_TEST(r.existing_client_cost == 0.15);
    BOOST_TEST(r.existing_client_cost >= 1.0 / 9);
    BOOST_TEST(r.existing_client_cost <= 1.0 / 6);
    // Recapture often closes faster than new business: half a new client's cost.
    BOOST_TEST(r.recapture_cost == 0.5);
    BOOST_TEST(!r.potential_value); // derived from the plan's clients
    BOOST_TEST(r.disabled_checks.empty());
    BOOST_TEST(p.products().empty());
}

BOOST_AUTO_TEST_CASE(policy_catalogue_and_focus_round_trip)
{
    boost::json::object doc = minimal_document().as_object();
    review(doc)["focus_min"] = 2;
    review(doc)["focus_max"] = 3;
    review(doc)["rep_fit"] = "blend";
    review(doc)["existing_client_cost"] = 0.125;
    review(doc)["lapse_days"] = 200;
    review(doc)["recapture_cost"] = 0.25;
    review(doc)["potential_value"] = 40000;
    review(doc)["disabled_checks"] = boost::json::parse(R"(["effort.keep_overinvested", "account.tie_break"])");
    catalogue(doc);
    account(doc, 1)["focus"] = true;
    const kare::plan p = kare::read_plan(text_of(doc));
    BOOST_TEST(p.review_policy().focus_max == 3u);
    BOOST_TEST(p.review_policy().rep_fit == kare::rep_fit_strategy::blend);
    BOOST_TEST(p.review_policy().existing_client_cost == 0.125);
    BOOST_TEST(p.review_policy().recapture_cost == 0.25);
    BOOST_TEST(p.review_policy().potential_value.value_or(-1) == 40000.0);
    // Sorted, so that documents are canonical and lookups are fast.
    BOOST_TEST(p.review_policy().disabled_checks ==
                   (std::vector<std::string>{"account.tie_break", "effort.keep_overinvested"}),
               boost::test_tools::per_element());
    BOOST_TEST(!p.review_policy().enabled("account.tie_break"));
    BOOST_TEST(p.review_policy().enabled("account.ambiguous"));
    BOOST_TEST(p.products().size() == 2u);
    BOOST_TEST(p.find_product("addon"));
    BOOST_TEST(!p.find_product("premium"));
    BOOST_TEST(p.accounts()[1].focus);
    BOOST_TEST(!p.accounts()[0].focus);

    const std::string first = kare::write_plan(p);
    const kare::plan back = kare::read_plan(first);
    BOOST_TEST(kare::write_plan(back) == first);
    BOOST_TEST((back.review_policy() == p.review_policy()));
    BOOST_TEST((back.products() == p.products()));
    const auto written = boost::json::parse(first).as_object();
    BOOST_TEST(written.at("policy").at("review").at("existing_client_cost").as_double() == 0.125);
    BOOST_TEST(!written.at("accounts").as_array()[0].as_object().contains("focus"));
    BOOST_TEST(written.at("policy").at("review").at("recapture_cost").as_double() == 0.25);
    BOOST_TEST(written.at("policy").at("review").at("potential_value").to_number<double>() == 40000.0);

    // Not set, the potential value stays unset through a write and a read.
    const kare::plan plain = kare::read_plan(text_of(minimal_document().as_object()));
    const std::string plain_text = kare::write_plan(plain);
    BOOST_TEST(!boost::json::parse(plain_text).at("policy").at("review").as_object().contains(
        "potential_value"));
    BOOST_TEST(!kare::read_plan(plain_text).review_policy().potential_value);
}

BOOST_DATA_TEST_CASE(bad_input_names_its_path, bdata::make(bad_cases), c)
{
    boost::json::object doc = minimal_document().as_object();
    c.edit(doc);
    const kare::error_info err = read_error(text_of(doc));
    BOOST_TEST(err.code == c.code);
    BOOST_TEST(err.path == c.path);
}

BOOST_AUTO_TEST_CASE(a_refused_catalogue_changes_nothing)
{
    kare::plan p = minimal_plan(); // account A-1 buys "core"
    const std::string before = kare::write_plan(p);
    try {
        p.set_products({{"addon", "Add-on"}});
        BOOST_FAIL("a catalogue without core was accepted");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == errc::invalid_plan);
        BOOST_TEST(e.path() == "accounts[0].products[0]");
    }
    BOOST_CHECK_THROW(p.set_products({{"core", ""}, {"", "nameless"}}), kare::error);
    BOOST_TEST(kare::write_plan(p) == before);

    p.set_products({{"core", "Core"}, {"addon", "Add-on"}});
    kare::account extra = p.accounts()[0];
    extra.id = "A-9";
    extra.products = {"premium"};
    BOOST_CHECK_THROW(p.add_account(extra), kare::error);
    BOOST_TEST(p.accounts().size() == 3u);
    p.set_products({}); // no catalogue: products are free text again
    p.add_account(extra);
    BOOST_TEST(p.accounts().size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_refused_policy_changes_nothing)
{
    kare::plan p = minimal_plan();
    kare::review_policy bad;
    bad.focus_min = 7;
    BOOST_CHECK_THROW(p.set_review_policy(bad), kare::error);
    BOOST_TEST((p.review_policy() == kare::review_policy{}));
}

BOOST_AUTO_TEST_CASE(style_suits_the_documented_quadrants)
{
    using kare::category;
    using kare::rep_style;
    BOOST_TEST(kare::suits(rep_style::hunter, category::attain));
    BOOST_TEST(kare::suits(rep_style::hunter, category::recapture));
    BOOST_TEST(!kare::suits(rep_style::hunter, category::keep));
    BOOST_TEST(!kare::suits(rep_style::hunter, category::expand));
    BOOST_TEST(kare::suits(rep_style::farmer, category::keep));
    BOOST_TEST(kare::suits(rep_style::farmer, category::expand));
    BOOST_TEST(kare::suits(rep_style::farmer, category::recapture));
    BOOST_TEST(!kare::suits(rep_style::farmer, category::attain));
    for (category c : kare::all_categories)
        BOOST_TEST(kare::suits(rep_style::both, c));
}

BOOST_AUTO_TEST_SUITE_END()
