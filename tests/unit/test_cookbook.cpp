// The cookbook, the activity log and the activity policy: the default
// figures, every refusal with its document path, and the plan document.
#include "seed_plan.hpp"

#include <kare/cookbook.hpp>
#include <kare/error.hpp>
#include <kare/json.hpp>

#include <boost/json.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {

using kare::category;
using kare::errc;
using kare::period_kind;
using kare::target_scope;

// ------------------------------------------------------------ the default cookbook

struct default_target {
    category cat;
    const char* activity;
    std::int64_t count;
    period_kind per;
    target_scope scope;
};

std::ostream& operator<<(std::ostream& os, const default_target& t)
{
    return os << kare::to_string(t.cat) << ' ' << t.count << ' ' << t.activity << " per "
              << kare::to_string(t.per) << " per " << kare::to_string(t.scope);
}

// The method's example, verbatim: these figures must never drift.
const std::vector<default_target> spec_targets{
    {category::keep, "temperature_meeting", 1, period_kind::week, target_scope::rep},
    {category::keep, "client_scorecard", 1, period_kind::quarter, target_scope::account},
    {category::attain, "dial", 40, period_kind::week, target_scope::rep},
    {category::attain, "conversation", 5, period_kind::week, target_scope::rep},
    {category::attain, "referral_ask", 1, period_kind::week, target_scope::rep},
    {category::attain, "linkedin_touch", 5, period_kind::week, target_scope::rep},
    {category::recapture, "where_are_they_now_call", 4, period_kind::week, target_scope::rep},
    {category::recapture, "recapture_meeting", 1, period_kind::month, target_scope::rep},
    {category::expand, "expand_attempt", 25, period_kind::week, target_scope::rep},
    {category::expand, "expand_meeting", 1, period_kind::week, target_scope::rep},
};

// ------------------------------------------------------------ refused changes

// One way to break something, the error it must raise and where.
struct refusal {
    const char* name;
    std::function<void(kare::plan&)> act;
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const refusal& r) { return os << r.name; }

kare::cookbook with_target(std::function<void(kare::target&)> change)
{
    kare::cookbook book = kare::cookbook::defaults();
    change(book.targets[3]);
    return book;
}

kare::activity entry(const char* on, const char* rep, const char* account, const char* type,
                     const char* note = "")
{
    return kare::activity{seed::day(on), rep, account, type, note, {}};
}

const std::vector<refusal> refusals{
    // The cookbook.
    {"unknown activity in a target",
     [](kare::plan& p) { p.set_cookbook(with_target([](kare::target& t) { t.activity = "fax"; })); },
     errc::invalid_plan, "cookbook.targets[3].activity"},
    {"zero count",
     [](kare::plan& p) { p.set_cookbook(with_target([](kare::target& t) { t.count = 0; })); },
     errc::invalid_plan, "cookbook.targets[3].count"},
    {"negative count",
     [](kare::plan& p) { p.set_cookbook(with_target([](kare::target& t) { t.count = -5; })); },
     errc::invalid_plan, "cookbook.targets[3].count"},
    {"count above the maximum",
     [](kare::plan& p) {
         p.set_cookbook(with_target([](kare::target& t) { t.count = kare::max_target_count + 1; }));
     },
     errc::invalid_plan, "cookbook.targets[3].count"},
    {"unknown period",
     [](kare::plan& p) {
         p.set_cookbook(with_target([](kare::target& t) { t.per = static_cast<period_kind>(9); }));
     },
     errc::invalid_plan, "cookbook.targets[3].period"},
    {"unknown scope",
     [](kare::plan& p) {
         p.set_cookbook(with_target([](kare::target& t) { t.scope = static_cast<target_scope>(7); }));
     },
     errc::invalid_plan, "cookbook.targets[3].scope"},
    {"unknown category",
     [](kare::plan& p) {
         p.set_cookbook(with_target([](kare::target& t) { t.cat = static_cast<category>(4); }));
     },
     errc::invalid_plan, "cookbook.targets[3].category"},
    {"the same target twice",
     [](kare::plan& p) {
         kare::cookbook book = kare::cookbook::defaults();
         book.targets.push_back(book.targets[2]);
         p.set_cookbook(book);
     },
     errc::invalid_plan, "cookbook.targets[10].activity"},
    {"an activity type id twice",
     [](kare::plan& p) {
         kare::cookbook book = kare::cookbook::defaults();
         book.activity_types.push_back({"dial", "Dial again"});
         p.set_cookbook(book);
     },
     errc::invalid_plan, "cookbook.activity_types[10].id"},
    {"an empty activity type id",
     [](kare::plan& p) {
         kare::cookbook book = kare::cookbook::defaults();
         book.activity_types[1].id.clear();
         p.set_cookbook(book);
     },
     errc::invalid_plan, "cookbook.activity_types[1].id"},
    {"dropping a logged activity type",
     [](kare::plan& p) {
         kare::cookbook book = kare::cookbook::defaults();
         book.targets.erase(book.targets.begin() + 2);
         book.activity_types.erase(book.activity_types.begin() + 2); // dial
         p.set_cookbook(book);
     },
     errc::conflict, "activities[1].activity"},
    // The activity log.
    {"activity of an unknown rep",
     [](kare::plan& p) { p.add_activity(entry("2026-03-02", "zed", "p1", "dial")); },
     errc::invalid_plan, "activities[2].rep"},
    {"activity with an empty rep",
     [](kare::plan& p) { p.add_activity(entry("2026-03-02", "", "p1", "dial")); },
     errc::invalid_plan, "activities[2].rep"},
    {"activity on an unknown account",
     [](kare::plan& p) { p.add_activity(entry("2026-03-02", "ann", "p9", "dial")); },
     errc::invalid_plan, "activities[2].account"},
    {"activity of an unknown type",
     [](kare::plan& p) { p.add_activity(entry("2026-03-02", "ann", "p1", "fax")); },
     errc::invalid_plan, "activities[2].activity"},
    {"activity dated before year 1",
     [](kare::plan& p) {
         p.add_activity(kare::activity{seed::day("0001-01-01").plus_days(-1), "ann", "p1", "dial", {}, {}});
     },
     errc::invalid_plan, "activities[2].date"},
    {"activity dated after year 9999",
     [](kare::plan& p) {
         p.add_activity(kare::activity{seed::day("9999-12-31").plus_days(1), "ann", "p1", "dial", {}, {}});
     },
     errc::invalid_plan, "activities[2].date"},
    {"activity note with a control character",
     [](kare::plan& p) { p.add_activity(entry("2026-03-02", "ann", "p1", "dial", "bell\a")); },
     errc::invalid_plan, "activities[2].note"},
    {"activity at an explicit path",
     [](kare::plan& p) {
         p.add_activity(entry("2026-03-02", "ann", "p1", "fax"), "import[7]");
     },
     errc::invalid_plan, "import[7].activity"},
    {"removing an activity that does not exist",
     [](kare::plan& p) { p.remove_activity(2); }, errc::not_found, ""},
    {"removing an account with logged activities",
     [](kare::plan& p) { p.remove_account("p1"); }, errc::conflict, "activities[0].account"},
    // The policy.
    {"mix not adding up to 100",
     [](kare::plan& p) { p.set_effort_policy({kare::effort_mix{40, 25, 10, 24}, 10, 28, 10}); },
     errc::invalid_plan, "policy.effort.mix"},
    {"share above 100",
     [](kare::plan& p) { p.set_effort_policy({kare::effort_mix{0, 0, 101, 0}, 10, 28, 10}); },
     errc::invalid_plan, "policy.effort.mix.recapture"},
    {"tolerance above 100",
     [](kare::plan& p) { p.set_effort_policy({std::nullopt, 101, 28, 10}); },
     errc::invalid_plan, "policy.effort.keep_tolerance"},
    {"empty effort window",
     [](kare::plan& p) { p.set_effort_policy({std::nullopt, 10, 0, 10}); },
     errc::invalid_plan, "policy.effort.window_days"},
    {"holiday outside the document years",
     [](kare::plan& p) {
         p.set_pacing({kare::day_basis::working_days,
                       {seed::day("2026-12-25"), seed::day("0001-01-01").plus_days(-3)}});
     },
     errc::invalid_plan, "policy.pacing.holidays[1]"},
    {"unknown day basis",
     [](kare::plan& p) { p.set_pacing({static_cast<kare::day_basis>(5), {}}); },
     errc::invalid_plan, "policy.pacing.pro_rate_by"},
};

// The seed team with two logged activities: every refusal starts here.
kare::plan logged_team()
{
    kare::plan p = seed::team();
    seed::log(p, "ann", "p1", "conversation", "2026-03-02");
    seed::log(p, "ann", "p1", "dial", "2026-03-02");
    return p;
}

// ------------------------------------------------------------ documents

// The seed team as a document, with `edit` applied to the JSON before reading.
std::string document(const std::function<void(boost::json::object&)>& edit)
{
    boost::json::value v = boost::json::parse(kare::write_plan(logged_team()));
    edit(v.as_object());
    return boost::json::serialize(v);
}

boost::json::object& target_at(boost::json::object& root, std::size_t i)
{
    return root["cookbook"].as_object()["targets"].as_array()[i].as_object();
}

boost::json::object& activity_at(boost::json::object& root, std::size_t i)
{
    return root["activities"].as_array()[i].as_object();
}

struct bad_document {
    const char* name;
    std::function<void(boost::json::object&)> edit;
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const bad_document& b) { return os << b.name; }

const std::vector<bad_document> bad_documents{
    {"unknown activity type in a target",
     [](auto& root) { target_at(root, 3)["activity"] = "fax"; }, errc::invalid_plan,
     "cookbook.targets[3].activity"},
    {"zero count", [](auto& root) { target_at(root, 2)["count"] = 0; }, errc::invalid_plan,
     "cookbook.targets[2].count"},
    {"negative count", [](auto& root) { target_at(root, 2)["count"] = -40; }, errc::invalid_plan,
     "cookbook.targets[2].count"},
    {"fractional count", [](auto& root) { target_at(root, 2)["count"] = 2.5; }, errc::invalid_plan,
     "cookbook.targets[2].count"},
    {"count as text", [](auto& root) { target_at(root, 2)["count"] = "40"; }, errc::invalid_plan,
     "cookbook.targets[2].count"},
    {"unknown period", [](auto& root) { target_at(root, 0)["period"] = "fortnight"; },
     errc::invalid_plan, "cookbook.targets[0].period"},
    {"unknown scope", [](auto& root) { target_at(root, 1)["scope"] = "team"; }, errc::invalid_plan,
     "cookbook.targets[1].scope"},
    {"unknown category", [](auto& root) { target_at(root, 1)["category"] = "fire"; },
     errc::invalid_plan, "cookbook.targets[1].category"},
    {"missing count", [](auto& root) { target_at(root, 4).erase("count"); }, errc::invalid_plan,
     "cookbook.targets[4].count"},
    {"unknown key in a target", [](auto& root) { target_at(root, 4)["per"] = "week"; },
     errc::invalid_plan, "cookbook.targets[4].per"},
    {"unknown key in the cookbook",
     [](auto& root) { root["cookbook"].as_object()["activities"] = boost::json::array(); },
     errc::invalid_plan, "cookbook.activities"},
    {"activity type without an id",
     [](auto& root) {
         root["cookbook"].as_object()["activity_types"].as_array()[5].as_object().erase("id");
     },
     errc::invalid_plan, "cookbook.activity_types[5].id"},
    {"impossible activity date", [](auto& root) { activity_at(root, 1)["date"] = "2026-02-30"; },
     errc::invalid_plan, "activities[1].date"},
    {"not a leap year", [](auto& root) { activity_at(root, 0)["date"] = "2026-02-29"; },
     errc::invalid_plan, "activities[0].date"},
    {"activity date with a time", [](auto& root) { activity_at(root, 0)["date"] = "2026-03-02T09:00"; },
     errc::invalid_plan, "activities[0].date"},
    {"activity of an unknown rep", [](auto& root) { activity_at(root, 1)["rep"] = "zed"; },
     errc::invalid_plan, "activities[1].rep"},
    {"activity on an unknown account", [](auto& root) { activity_at(root, 0)["account"] = "p9"; },
     errc::invalid_plan, "activities[0].account"},
    {"activity of an unknown type", [](auto& root) { activity_at(root, 1)["activity"] = "fax"; },
     errc::invalid_plan, "activities[1].activity"},
    {"activity without an account", [](auto& root) { activity_at(root, 1).erase("account"); },
     errc::invalid_plan, "activities[1].account"},
    {"unknown key in an activity", [](auto& root) { activity_at(root, 1)["type"] = "dial"; },
     errc::invalid_plan, "activities[1].type"},
    {"activities not a list", [](auto& root) { root["activities"] = boost::json::object(); },
     errc::invalid_plan, "activities"},
    {"mix not adding up",
     [](auto& root) {
         root["policy"].as_object()["effort"].as_object()["mix"] =
             boost::json::object{{"keep", 40}, {"attain", 40}, {"recapture", 10}, {"expand", 25}};
     },
     errc::invalid_plan, "policy.effort.mix"},
    {"mix missing a category",
     [](auto& root) {
         root["policy"].as_object()["effort"].as_object()["mix"] =
             boost::json::object{{"keep", 40}, {"attain", 35}, {"recapture", 25}};
     },
     errc::invalid_plan, "policy.effort.mix.expand"},
    {"negative share",
     [](auto& root) {
         root["policy"].as_object()["effort"].as_object()["mix"] =
             boost::json::object{{"keep", -10}, {"attain", 60}, {"recapture", 25}, {"expand", 25}};
     },
     errc::invalid_plan, "policy.effort.mix.keep"},
    {"unknown day basis",
     [](auto& root) { root["policy"].as_object()["pacing"].as_object()["pro_rate_by"] = "hours"; },
     errc::invalid_plan, "policy.pacing.pro_rate_by"},
    {"impossible holiday",
     [](auto& root) {
         root["policy"].as_object()["pacing"].as_object()["holidays"] =
             boost::json::array{"2026-12-25", "2026-13-01"};
     },
     errc::invalid_plan, "policy.pacing.holidays[1]"},
    {"unknown key in the policy",
     [](auto& root) { root["policy"].as_object()["deals"] = boost::json::object(); },
     errc::invalid_plan, "policy.deals"},
};

// A plan carrying every cookbook feature: a custom vocabulary, both scopes,
// every period, notes, an explicit mix and holidays.
kare::plan full_plan()
{
    kare::plan p = seed::team();
    p.set_fiscal_year_start_month(11);
    kare::cookbook book;
    book.activity_types = {{"call", "Phone call"}, {"visit", "Site visit"}, {"qbr", ""}};
    book.targets = {
        {category::attain, "call", 30, period_kind::week, target_scope::rep},
        {category::keep, "visit", 2, period_kind::month, target_scope::account},
        {category::keep, "qbr", 1, period_kind::quarter, target_scope::account},
        {category::expand, "qbr", 3, period_kind::year, target_scope::rep},
    };
    p.set_cookbook(book);
    p.set_effort_policy({kare::effort_mix{40, 25, 10, 25}, 5, 14, 3});
    p.set_pacing({kare::day_basis::calendar_days, {seed::day("2026-12-25"), seed::day("2026-01-01")}});
    p.add_activity({seed::day("2026-03-02"), "ann", "p1", "call", "left a voicemail", {}});
    p.add_activity({seed::day("2026-03-03"), "bob", "k1", "visit", "line one\nline two\t\"quoted\"", {}});
    p.add_activity({seed::day("2024-02-29"), "bob", "e1", "qbr", {}, {}});
    return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cookbook)

BOOST_AUTO_TEST_CASE(the_default_cookbook_has_exactly_the_methods_targets)
{
    const kare::cookbook book = kare::cookbook::defaults();
    BOOST_TEST_REQUIRE(book.targets.size() == spec_targets.size());
    BOOST_TEST(book.activity_types.size() == 10U);
    BOOST_TEST((kare::plan().cookbook() == book));
    BOOST_CHECK_NO_THROW(kare::validate(book));
}

BOOST_DATA_TEST_CASE(each_default_target, bdata::make(spec_targets), expected)
{
    const kare::cookbook book = kare::cookbook::defaults();
    const auto found = std::find_if(book.targets.begin(), book.targets.end(),
                                    [&](const kare::target& t) { return t.activity == expected.activity; });
    BOOST_TEST_REQUIRE((found != book.targets.end()));
    // In the method's order: the report lists targets as the cookbook does.
    const auto position = std::find_if(spec_targets.begin(), spec_targets.end(),
                                       [&](const default_target& d) { return d.activity == expected.activity; });
    BOOST_TEST((found - book.targets.begin() == position - spec_targets.begin()));
    const kare::target& t = *found;
    BOOST_TEST((t.cat == expected.cat));
    BOOST_TEST(t.activity == expected.activity);
    BOOST_TEST(t.count == expected.count);
    BOOST_TEST((t.per == expected.per));
    BOOST_TEST((t.scope == expected.scope));
    const kare::activity_type* type = book.find_activity(t.activity);
    BOOST_TEST_REQUIRE(type != nullptr);
    BOOST_TEST(!type->name.empty());
}

BOOST_AUTO_TEST_CASE(scope_and_basis_names_round_trip)
{
    for (auto s : {target_scope::rep, target_scope::account})
        BOOST_TEST((kare::target_scope_from_string(kare::to_string(s)) == s));
    for (auto b : {kare::day_basis::working_days, kare::day_basis::calendar_days})
        BOOST_TEST((kare::day_basis_from_string(kare::to_string(b)) == b));
    BOOST_TEST(!kare::target_scope_from_string("team").has_value());
    BOOST_TEST(!kare::day_basis_from_string("Working_days").has_value());
    BOOST_TEST(kare::to_string(static_cast<target_scope>(9)).empty());
}

BOOST_DATA_TEST_CASE(a_refused_change_names_its_path_and_changes_nothing, bdata::make(refusals), r)
{
    kare::plan p = logged_team();
    const std::string before = kare::write_plan(p);
    try {
        r.act(p);
        BOOST_FAIL("accepted: " << r.name);
    } catch (const kare::error& e) {
        BOOST_TEST(kare::to_string(e.code()) == kare::to_string(r.code));
        BOOST_TEST(e.path() == r.path);
        BOOST_TEST(std::string(e.what()).size() > 10U);
    }
    BOOST_TEST(kare::write_plan(p) == before);
}

BOOST_AUTO_TEST_CASE(activities_are_added_and_removed_in_order)
{
    kare::plan p = logged_team();
    p.add_activity({seed::day("2028-02-29"), "cy", "r1", "recapture_meeting", "leap day", {}});
    BOOST_TEST_REQUIRE(p.activities().size() == 3U);
    BOOST_TEST(p.activities()[2].note == "leap day");
    p.remove_activity(0);
    BOOST_TEST_REQUIRE(p.activities().size() == 2U);
    BOOST_TEST(p.activities()[0].type == "dial");
    BOOST_TEST(p.activities()[1].type == "recapture_meeting");
    // Once its activities are gone, the account may go.
    p.remove_activity(0);
    BOOST_CHECK_NO_THROW(p.remove_account("p1"));
}

BOOST_AUTO_TEST_CASE(activities_have_ids_that_are_never_reused)
{
    kare::plan p = logged_team();
    BOOST_TEST_REQUIRE(p.activities().size() == 2U);
    BOOST_TEST(p.activities()[0].id == "act-1");
    BOOST_TEST(p.activities()[1].id == "act-2");
    kare::activity named = entry("2026-03-03", "cy", "r1", "recapture_meeting");
    named.id = "crm-17";
    p.add_activity(named);
    BOOST_TEST(*p.activity_index("crm-17") == 2U);
    BOOST_CHECK_EXCEPTION(p.add_activity(named), kare::error, [](const kare::error& e) {
        return e.code() == errc::conflict && e.path() == "activities[3].id";
    });
    named.id = " ";
    BOOST_CHECK_EXCEPTION(p.add_activity(named), kare::error, [](const kare::error& e) {
        return e.code() == errc::invalid_plan && e.path() == "activities[3].id";
    });
    p.remove_activity_with_id("act-2");
    BOOST_TEST(!p.activity_index("act-2"));
    BOOST_CHECK_EXCEPTION(p.remove_activity_with_id("act-2"), kare::error,
                          [](const kare::error& e) { return e.code() == errc::not_found; });
    // The next one assigned goes past every number the log has held.
    p.add_activity(entry("2026-03-04", "cy", "r1", "recapture_meeting"));
    BOOST_TEST(p.activities().back().id == "act-3");
    named.id = "act-10";
    p.add_activity(named);
    p.add_activity(entry("2026-03-04", "cy", "r1", "recapture_meeting"));
    BOOST_TEST(p.activities().back().id == "act-11");
    BOOST_TEST(kare::activity_id_number("act-7").value_or(0) == 7U);
    BOOST_TEST(!kare::activity_id_number("act-07"));
    BOOST_TEST(!kare::activity_id_number("act-"));
    BOOST_TEST(!kare::activity_id_number("act-1x"));
    BOOST_TEST(!kare::activity_id_number("act-99999999999999999999999"));
    BOOST_TEST(!kare::activity_id_number("ACT-1"));
}

BOOST_AUTO_TEST_CASE(a_document_numbers_its_unnamed_activities_past_the_named)
{
    kare::plan p = logged_team();
    std::string text = kare::write_plan(p);
    // The first entry loses its id; the second is renamed act-5.
    const auto drop = text.find("\"id\": \"act-1\",");
    BOOST_TEST_REQUIRE(drop != std::string::npos);
    text.erase(drop, std::string("\"id\": \"act-1\",").size());
    const auto rename = text.find("\"act-2\"");
    BOOST_TEST_REQUIRE(rename != std::string::npos);
    text.replace(rename, 7, "\"act-5\"");
    const kare::plan back = kare::read_plan(text);
    BOOST_TEST(back.activities()[0].id == "act-6");
    BOOST_TEST(back.activities()[1].id == "act-5");
    const std::string twice = kare::write_plan(back);
    BOOST_TEST(kare::write_plan(kare::read_plan(twice)) == twice);
}

BOOST_AUTO_TEST_CASE(of_two_bad_activities_the_first_in_the_document_is_named)
{
    // The first names a rep the plan lacks (found as it joins the plan), the
    // second is malformed (found as it is read): the first is reported.
    const std::string text = document([](boost::json::object& root) {
        activity_at(root, 0)["rep"] = "nobody";
        activity_at(root, 1)["date"] = "2026-13-40";
    });
    BOOST_CHECK_EXCEPTION(kare::read_plan(text), kare::error, [](const kare::error& e) {
        return e.code() == errc::invalid_plan && e.path() == "activities[0].rep";
    });
}

BOOST_AUTO_TEST_CASE(a_new_cookbook_may_rename_types_nobody_logged)
{
    kare::plan p = logged_team();
    kare::cookbook book = kare::cookbook::defaults();
    book.activity_types[0].name = "Temperature check";
    book.targets.pop_back();
    p.set_cookbook(book);
    BOOST_TEST(p.cookbook().targets.size() == 9U);
    BOOST_TEST(p.cookbook().find_activity("temperature_meeting")->name == "Temperature check");
}

BOOST_AUTO_TEST_CASE(holidays_are_kept_sorted_and_unique)
{
    kare::plan p;
    p.set_pacing({kare::day_basis::working_days,
                  {seed::day("2026-12-25"), seed::day("2026-01-01"), seed::day("2026-12-25")}});
    BOOST_TEST_REQUIRE(p.pacing().holidays.size() == 2U);
    BOOST_TEST(p.pacing().holidays[0].to_string() == "2026-01-01");
}

BOOST_DATA_TEST_CASE(a_bad_document_names_its_path, bdata::make(bad_documents), b)
{
    const std::string text = document(b.edit);
    kare::error_info err;
    const auto plan = kare::read_plan(text, err);
    BOOST_TEST(!plan.has_value());
    BOOST_TEST(kare::to_string(err.code) == kare::to_string(b.code));
    BOOST_TEST(err.path == b.path, err.message);
}

BOOST_AUTO_TEST_CASE(the_activity_log_is_bounded_by_the_read_limits)
{
    kare::read_limits limits;
    limits.max_activities = 1;
    kare::error_info err;
    BOOST_TEST(!kare::read_plan(kare::write_plan(logged_team()), err, limits).has_value());
    BOOST_TEST(kare::to_string(err.code) == "limit_exceeded");
    BOOST_TEST(err.path == "activities");
}

BOOST_AUTO_TEST_CASE(a_document_without_cookbook_policy_or_activities_gets_the_defaults)
{
    const kare::plan p = kare::read_plan(R"({"format": "kare-plan", "version": 1})");
    BOOST_TEST((p.cookbook() == kare::cookbook::defaults()));
    BOOST_TEST((p.effort_policy() == kare::effort_policy{}));
    BOOST_TEST((p.pacing() == kare::pacing_policy{}));
    BOOST_TEST(p.activities().empty());
}

BOOST_AUTO_TEST_CASE(optional_members_take_their_defaults)
{
    const kare::plan p = kare::read_plan(R"({
        "format": "kare-plan", "version": 1,
        "cookbook": {"activity_types": [{"id": "call"}],
                     "targets": [{"category": "attain", "activity": "call", "count": 3, "period": "month"}]},
        "policy": {"effort": {}, "pacing": {}}
    })");
    BOOST_TEST_REQUIRE(p.cookbook().targets.size() == 1U);
    BOOST_TEST((p.cookbook().targets[0].scope == target_scope::rep));
    BOOST_TEST(p.cookbook().activity_types[0].name.empty());
    BOOST_TEST((p.effort_policy() == kare::effort_policy{}));
}

BOOST_DATA_TEST_CASE(write_read_write_is_byte_identical,
                     bdata::make(std::vector<int>{0, 1, 2}), which)
{
    const kare::plan p = which == 0 ? kare::plan() : which == 1 ? logged_team() : full_plan();
    const std::string first = kare::write_plan(p);
    const kare::plan back = kare::read_plan(first);
    BOOST_TEST(kare::write_plan(back) == first);
    BOOST_TEST((back.cookbook() == p.cookbook()));
    BOOST_TEST((back.activities() == p.activities()));
    BOOST_TEST((back.effort_policy() == p.effort_policy()));
    BOOST_TEST((back.pacing() == p.pacing()));
}

BOOST_AUTO_TEST_CASE(the_document_keys_are_where_the_docs_say)
{
    const boost::json::object root = boost::json::parse(kare::write_plan(full_plan())).as_object();
    std::vector<std::string> keys;
    for (const auto& member : root)
        keys.emplace_back(member.key());
    const std::vector<std::string> expected{"format",   "version", "name",  "settings",
                                            "fields",   "profiles", "cookbook", "policy",
                                            "products", "reps",     "accounts", "activities",
                                            "honesty",  "deals"};
    BOOST_TEST(keys == expected, boost::test_tools::per_element());
    const auto& target = root.at("cookbook").at("targets").at(1).as_object();
    BOOST_TEST(boost::json::serialize(target) ==
               R"({"category":"keep","activity":"visit","count":2,"period":"month","scope":"account"})");
    const auto& activity = root.at("activities").at(0).as_object();
    BOOST_TEST(boost::json::serialize(activity) ==
               R"({"id":"act-1","date":"2026-03-02","rep":"ann","account":"p1","activity":"call","note":"left a voicemail"})");
    BOOST_TEST(boost::json::serialize(root.at("policy").at("effort")) ==
               R"({"mix":{"keep":40,"attain":25,"recapture":10,"expand":25},)"
               R"("keep_tolerance":5,"window_days":14,"min_activities":3})");
    BOOST_TEST(boost::json::serialize(root.at("policy").at("pacing")) ==
               R"({"pro_rate_by":"calendar_days","holidays":["2026-01-01","2026-12-25"]})");
    BOOST_TEST(root.at("policy").at("review").at("focus_min").as_int64() == 3); // docs/cookbook.md
}

BOOST_AUTO_TEST_CASE(the_example_document_reads_and_round_trips)
{
    std::ifstream in(KARE_EXAMPLES_DIR "/cookbook-plan.json", std::ios::binary);
    BOOST_TEST_REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    const kare::plan p = kare::read_plan(text.str());
    BOOST_TEST(kare::write_plan(p) == text.str());
    BOOST_TEST((p.cookbook() == kare::cookbook::defaults()));
    BOOST_TEST(!p.activities().empty());
}

BOOST_AUTO_TEST_SUITE_END()
