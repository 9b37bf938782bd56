// Plans at the limits a real book of business reaches: long activity logs,
// many deals, huge choice lists and catalogues, thousands of fire rules.
// Each case must load, report and write in seconds: a quadratic step would
// make it run for minutes (the CTest timeout catches that; no wall-clock
// assertion here). Also the bookkeeping that keeps one-record changes cheap.
#include "fixtures.hpp"

#include <kare/json.hpp>
#include <kare/kare.hpp>

#include "json/plan_document.hpp"

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <string>
#include <string_view>

namespace json = boost::json;

namespace {

json::object example_object()
{
    return json::parse(kare_test::read_text(kare_test::example_path())).as_object();
}

kare::plan load(const json::object& doc)
{
    return kare::read_plan(json::serialize(doc));
}

const kare::date as_of = *kare::date::parse("2026-11-23");

// Reads, reports, renders and writes the plan: every whole-plan operation.
void exercise(const kare::plan& p)
{
    const kare::report r = kare::make_report(p, as_of);
    BOOST_TEST(r.accounts.size() == p.accounts().size());
    BOOST_TEST(!kare::write_report(r).empty());
    BOOST_TEST(!kare::write_pipeline(kare::make_pipeline(p, as_of)).empty());
    BOOST_TEST(!kare::write_progress(kare::make_progress(p, as_of)).empty());
    const std::string written = kare::write_plan(p);
    BOOST_TEST(kare::write_plan(kare::read_plan(written)) == written);
}

// `f` throws a kare::error with `code`, a path holding `path_part` and a
// message holding `message_part`.
template <class F>
void expect_error(F f, kare::errc code, std::string_view path_part, std::string_view message_part)
{
    try {
        f();
        BOOST_ERROR("no error was raised");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == code);
        BOOST_TEST(e.path().find(path_part) != std::string::npos, "path " << e.path());
        BOOST_TEST(std::string_view(e.what()).find(message_part) != std::string_view::npos,
                   "message " << e.what());
    }
}

// The sizes below, divided under the sanitizers (KARE_TEST_SCALE_DIVISOR).
std::size_t sized(std::size_t n)
{
    const char* divisor = std::getenv("KARE_TEST_SCALE_DIVISOR");
    const std::size_t d = divisor ? std::strtoull(divisor, nullptr, 10) : 1;
    return d > 1 ? n / d : n;
}

std::string numbered(const char* prefix, std::size_t n)
{
    return prefix + std::to_string(n);
}

} // namespace

BOOST_AUTO_TEST_SUITE(scale)

BOOST_AUTO_TEST_CASE(eighty_thousand_activities)
{
    json::object doc = example_object();
    json::array& log = doc["activities"].as_array();
    const json::array model = log;
    for (std::size_t k = log.size(); k < sized(80'000); ++k) {
        json::object a = model[k % model.size()].as_object();
        a.erase("id"); // given one by the plan, past every id of the log
        log.push_back(std::move(a));
    }
    const kare::plan p = load(doc);
    BOOST_TEST(p.activities().size() == sized(80'000));
    exercise(p);
}

BOOST_AUTO_TEST_CASE(forty_thousand_deals)
{
    json::object doc = example_object();
    json::array& deals = doc["deals"].as_array();
    const json::array model = deals;
    for (std::size_t k = deals.size(); k < sized(40'000); ++k) {
        json::object d = model[k % model.size()].as_object();
        d["id"] = numbered("D-GEN-", k);
        deals.push_back(std::move(d));
    }
    const kare::plan p = load(doc);
    BOOST_TEST(p.deals().size() == sized(40'000));
    exercise(p);
}

BOOST_AUTO_TEST_CASE(two_hundred_thousand_choices)
{
    json::object doc = example_object();
    json::array choices;
    const std::size_t count = sized(200'000);
    for (std::size_t k = 0; k < count; ++k)
        choices.push_back(json::value(numbered("region-", k)));
    json::object field{{"name", "region"}, {"type", "choice"}, {"choices", choices}};
    doc["fields"].as_array().push_back(field);
    for (auto& a : doc["accounts"].as_array())
        a.as_object()["attributes"].as_object()["region"] = numbered("region-", count - 1);
    exercise(load(doc));

    // A value listed twice is named by its second position, however long the list.
    choices.push_back(json::value("region-7"));
    field["choices"] = choices;
    doc["fields"].as_array().back() = field;
    expect_error([&] { load(doc); }, kare::errc::invalid_plan, "fields[4]",
                            "'region-7' is listed twice");
}

BOOST_AUTO_TEST_CASE(two_hundred_thousand_products_bought)
{
    // Without a catalogue, an account's products are whatever the CRM says.
    json::object doc = example_object();
    doc["products"] = json::array();
    json::array bought;
    const std::size_t count = sized(200'000);
    for (std::size_t k = 0; k < count; ++k)
        bought.push_back(json::value(numbered("p-", k)));
    for (std::size_t i : {0, 5, 9})
        doc["accounts"].as_array()[i].as_object()["products"] = bought;
    exercise(load(doc));

    bought.push_back(json::value("p-42"));
    doc["accounts"].as_array()[3].as_object()["products"] = bought;
    expect_error([&] { load(doc); }, kare::errc::invalid_plan,
                 "accounts[3].products[" + std::to_string(count) + "]",
                 "'p-42' is listed twice");
}

BOOST_AUTO_TEST_CASE(a_full_catalogue_on_every_account)
{
    // The largest catalogue a document may hold, half of it bought by every
    // account: the heat map and whitespace look each product up once.
    json::object doc = example_object();
    json::array catalogue;
    json::array bought;
    for (std::size_t k = 0; k < kare::read_limits{}.max_policy_items; ++k) {
        catalogue.push_back(json::object{{"id", numbered("p-", k)}, {"name", numbered("Product ", k)}});
        if (k % 2 == 0)
            bought.push_back(json::value(numbered("p-", k)));
    }
    doc["products"] = catalogue;
    for (auto& a : doc["accounts"].as_array())
        a.as_object()["products"] = bought;
    exercise(load(doc));
}

BOOST_AUTO_TEST_CASE(nine_thousand_nine_hundred_matching_fire_rules)
{
    json::object doc = example_object();
    json::array rules;
    for (std::size_t k = 0; k < sized(9'900); ++k)
        rules.push_back(json::object{
            {"id", numbered("rule-", k)},
            {"action", "review"},
            {"rule", json::object{{"field", "relationship"},
                                  {"in", json::array{"prospect", "client", "former_client"}}}}});
    doc["profiles"].as_object()["fire"] = rules;
    json::array& accounts = doc["accounts"].as_array();
    const json::array model = accounts;
    for (std::size_t k = accounts.size(); k < 2'026; ++k) {
        json::object a = model[k % model.size()].as_object();
        a["id"] = numbered("GEN-", k);
        a.erase("placement");
        a.erase("history");
        a.erase("fire_action");
        accounts.push_back(std::move(a));
    }
    const kare::plan p = load(doc);
    const kare::report r = kare::make_report(p, as_of);
    BOOST_TEST(r.accounts.size() == 2'026u);
    // The report stays proportional to the plan, not to rules x accounts.
    const std::string text = kare::write_report(r);
    BOOST_TEST(text.size() < 2'026u * 20'000u, "report of " << text.size() << " bytes");
}

BOOST_AUTO_TEST_CASE(removing_an_account_keeps_every_index_right)
{
    kare::plan p = kare_test::example_plan();
    const std::size_t before = p.accounts().size();
    // An account with logged activities is refused, naming the first of them.
    const std::string busy = p.activities().front().account;
    expect_error([&] { p.remove_account(busy); }, kare::errc::conflict,
                            "activities[", "has logged activities");
    // Once its activities are gone, it goes, and every later account is still found.
    for (std::size_t k = p.activities().size(); k-- > 0;)
        if (p.activities()[k].account == busy)
            p.remove_activity(k);
    p.remove_account(busy);
    BOOST_TEST(p.accounts().size() == before - 1);
    BOOST_TEST(!p.find_account(busy));
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        BOOST_TEST(*p.account_index(p.accounts()[i].id) == i);
        BOOST_TEST(p.placement_of(i).result == kare::classify(p, p.accounts()[i]).result);
    }
    // Its activities no longer count against it when it comes back.
    p.add_account(kare_test::decided_account(busy, p.reps().front().id,
                                             kare::relationship::prospect, kare::placement{}));
    p.remove_account(busy);
    BOOST_TEST(!p.find_account(busy));
}

BOOST_AUTO_TEST_CASE(reps_are_found_by_id_among_thousands)
{
    kare::plan p;
    for (std::size_t k = 0; k < 3'000; ++k)
        p.add_rep(kare::rep{numbered("rep-", k), numbered("Rep ", k)});
    BOOST_TEST(p.find_rep("rep-2999")->name == "Rep 2999");
    BOOST_TEST(p.find_rep("rep-0")->name == "Rep 0");
    BOOST_TEST(!p.find_rep("rep-3000"));
    expect_error([&] { p.add_rep(kare::rep{"rep-7", "Again"}); }, kare::errc::conflict,
                            "reps[3000].id", "used twice");
    BOOST_TEST(p.reps().size() == 3'000u);
    // A copy finds its reps in its own list.
    const kare::plan copy = p;
    BOOST_TEST(copy.find_rep("rep-12") == &copy.reps()[12]);
}

BOOST_AUTO_TEST_CASE(a_plan_too_large_to_read_back_is_not_written)
{
    const kare::plan p = kare_test::example_plan();
    const std::string whole = kare::write_plan(p);
    BOOST_TEST(kare::detail::write_plan_within(p, whole.size()) == whole);
    expect_error([&] { kare::detail::write_plan_within(p, whole.size() - 1); },
                            kare::errc::limit_exceeded, "", "split the plan");
    BOOST_TEST(kare::read_limits{}.max_document_bytes >= whole.size());
}

BOOST_AUTO_TEST_SUITE_END()
