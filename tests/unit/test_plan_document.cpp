// The plan document: reading, canonical writing, and every class of bad input
// with the exact path it is reported at.
#include "fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>

namespace bdata = boost::unit_test::data;
using namespace kare_test;

namespace {

std::vector<std::string> example_files()
{
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(KARE_EXAMPLES_DIR))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// One bad document: an edit of the minimal document and what it must raise.
struct bad_case {
    const char* name;
    std::function<void(boost::json::object&)> edit;
    kare::errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const bad_case& c)
{
    return os << c.name;
}

boost::json::object& account(boost::json::object& doc, std::size_t i)
{
    return doc["accounts"].as_array()[i].as_object();
}

boost::json::object& attributes(boost::json::object& doc, std::size_t i)
{
    return account(doc, i)["attributes"].as_object();
}

boost::json::value criterion(const char* text)
{
    return boost::json::parse(text);
}

void set_keep_rule(boost::json::object& doc, const char* rule)
{
    doc["profiles"] = boost::json::parse(std::string(R"({"keep": {"rule": )") + rule + "}}");
}

using kare::errc;

const std::vector<bad_case> bad_cases{
    {"missing format", [](auto& d) { d.erase("format"); }, errc::invalid_plan, "format"},
    {"wrong format", [](auto& d) { d["format"] = "kare-report"; }, errc::invalid_plan, "format"},
    {"future version", [](auto& d) { d["version"] = 2; }, errc::unsupported_version, "version"},
    {"version zero", [](auto& d) { d["version"] = 0; }, errc::unsupported_version, "version"},
    {"version as text", [](auto& d) { d["version"] = "1"; }, errc::invalid_plan, "version"},
    {"unknown top-level key", [](auto& d) { d["acounts"] = boost::json::array(); },
     errc::invalid_plan, "acounts"},
    {"name not text", [](auto& d) { d["name"] = 5; }, errc::invalid_plan, "name"},
    {"currency lower case", [](auto& d) { d["settings"].as_object()["currency"] = "eur"; },
     errc::invalid_plan, "settings.currency"},
    {"fiscal month 13", [](auto& d) { d["settings"].as_object()["fiscal_year_start_month"] = 13; },
     errc::invalid_plan, "settings.fiscal_year_start_month"},
    {"unknown field type",
     [](auto& d) { d["fields"].as_array()[0].as_object()["type"] = "integer"; },
     errc::invalid_plan, "fields[0].type"},
    {"duplicate field",
     [](auto& d) { d["fields"].as_array().push_back(criterion(R"({"name":"seats","type":"text"})")); },
     errc::invalid_plan, "fields[3]"},
    {"standard field redeclared",
     [](auto& d) { d["fields"].as_array().push_back(criterion(R"({"name":"risk","type":"text"})")); },
     errc::invalid_plan, "fields[3]"},
    {"choice without choices",
     [](auto& d) { d["fields"].as_array().push_back(criterion(R"({"name":"x","type":"choice"})")); },
     errc::invalid_plan, "fields[3]"},
    {"bounds on text",
     [](auto& d) { d["fields"].as_array().push_back(criterion(R"({"name":"x","type":"text","min":1})")); },
     errc::invalid_plan, "fields[3]"},
    {"min above max",
     [](auto& d) { d["fields"].as_array().push_back(criterion(R"({"name":"x","type":"number","min":5,"max":1})")); },
     errc::invalid_plan, "fields[3]"},
    {"duplicate rep",
     [](auto& d) { d["reps"].as_array().push_back(criterion(R"({"id":"ana"})")); },
     errc::conflict, "reps[2].id"},
    {"unknown rep style", [](auto& d) { d["reps"].as_array()[0].as_object()["style"] = "closer"; },
     errc::invalid_plan, "reps[0].style"},
    {"account without id", [](auto& d) { account(d, 1).erase("id"); }, errc::invalid_plan,
     "accounts[1].id"},
    {"empty account id", [](auto& d) { account(d, 1)["id"] = ""; }, errc::invalid_plan,
     "accounts[1].id"},
    {"duplicate account id", [](auto& d) { account(d, 2)["id"] = "A-1"; }, errc::conflict,
     "accounts[2].id"},
    {"control character in name", [](auto& d) { account(d, 0)["name"] = "Ac\x01me"; },
     errc::invalid_plan, "accounts[0].name"},
    {"unknown owner", [](auto& d) { account(d, 0)["owner"] = "zed"; }, errc::invalid_plan,
     "accounts[0].owner"},
    {"unknown relationship", [](auto& d) { account(d, 0)["relationship"] = "partner"; },
     errc::invalid_plan, "accounts[0].relationship"},
    {"unknown account key", [](auto& d) { account(d, 0)["category"] = "keep"; },
     errc::invalid_plan, "accounts[0].category"},
    {"duplicate product", [](auto& d) { account(d, 0)["products"] = criterion(R"(["core","core"])"); },
     errc::invalid_plan, "accounts[0].products[1]"},
    {"unknown attribute", [](auto& d) { attributes(d, 1)["grwoth"] = "high"; },
     errc::invalid_plan, "accounts[1].attributes.grwoth"},
    {"relationship as attribute", [](auto& d) { attributes(d, 1)["relationship"] = "client"; },
     errc::invalid_plan, "accounts[1].attributes.relationship"},
    {"choice not in set", [](auto& d) { attributes(d, 0)["risk"] = "extreme"; },
     errc::invalid_plan, "accounts[0].attributes.risk"},
    {"number for choice", [](auto& d) { attributes(d, 0)["risk"] = 3; }, errc::invalid_plan,
     "accounts[0].attributes.risk"},
    {"text for number", [](auto& d) { attributes(d, 0)["seats"] = "ten"; }, errc::invalid_plan,
     "accounts[0].attributes.seats"},
    {"number below minimum", [](auto& d) { attributes(d, 0)["seats"] = -1; }, errc::invalid_plan,
     "accounts[0].attributes.seats"},
    {"number past 2^53", [](auto& d) { attributes(d, 0)["seats"] = 9007199254740993LL; },
     errc::invalid_plan, "accounts[0].attributes.seats"},
    {"number past 2^64", [](auto& d) { attributes(d, 0)["seats"] = 1.8446744073709552e19; },
     errc::invalid_plan, "accounts[0].attributes.seats"},
    {"boolean as text", [](auto& d) { attributes(d, 0)["repeat_purchases"] = "yes"; },
     errc::invalid_plan, "accounts[0].attributes.repeat_purchases"},
    {"impossible date", [](auto& d) { attributes(d, 2)["renewal"] = "2026-02-30"; },
     errc::invalid_plan, "accounts[2].attributes.renewal"},
    {"unknown placement", [](auto& d) { account(d, 0)["placement"] = "grow"; },
     errc::invalid_plan, "accounts[0].placement"},
    {"fired without action", [](auto& d) { account(d, 0)["placement"] = "fired"; },
     errc::invalid_plan, "accounts[0].fire_action"},
    {"action without firing", [](auto& d) { account(d, 0)["fire_action"] = "end_relationship"; },
     errc::invalid_plan, "accounts[0].fire_action"},
    {"history out of order",
     [](auto& d) { account(d, 2)["history"].as_array()[1].as_object()["date"] = "2025-01-01"; },
     errc::invalid_plan, "accounts[2].history[1].date"},
    {"history does not chain",
     [](auto& d) { account(d, 2)["history"].as_array()[1].as_object()["from"] = "attain"; },
     errc::invalid_plan, "accounts[2].history[1].from"},
    {"move without reason",
     [](auto& d) { account(d, 2)["history"].as_array()[1].as_object()["reason"] = ""; },
     errc::invalid_plan, "accounts[2].history[1].reason"},
    {"history disagrees with placement", [](auto& d) { account(d, 2)["placement"] = "keep"; },
     errc::invalid_plan, "accounts[2].placement"},
    {"criterion on unknown field", [](auto& d) { set_keep_rule(d, R"({"field":"grwoth","eq":"high"})"); },
     errc::invalid_plan, "profiles.keep.rule.field"},
    {"criterion with wrong type",
     [](auto& d) { set_keep_rule(d, R"({"all":[{"field":"risk","eq":"low"},{"field":"seats","ge":"ten"}]})"); },
     errc::invalid_plan, "profiles.keep.rule.all[1].ge"},
    {"criterion with unknown choice",
     [](auto& d) { set_keep_rule(d, R"({"field":"risk","in":["low","tiny"]})"); },
     errc::invalid_plan, "profiles.keep.rule.in[1]"},
    {"ordering a boolean",
     [](auto& d) { set_keep_rule(d, R"({"field":"repeat_purchases","gt":false})"); },
     errc::invalid_plan, "profiles.keep.rule.gt"},
    {"between with one bound", [](auto& d) { set_keep_rule(d, R"({"field":"seats","between":[1]})"); },
     errc::invalid_plan, "profiles.keep.rule.between"},
    {"two operations", [](auto& d) { set_keep_rule(d, R"({"field":"seats","gt":1,"lt":5})"); },
     errc::invalid_plan, "profiles.keep.rule"},
    {"empty group", [](auto& d) { set_keep_rule(d, R"({"any":[]})"); }, errc::invalid_plan,
     "profiles.keep.rule"},
    {"unknown category profile",
     [](auto& d) { d["profiles"] = criterion(R"({"grow":{"rule":{"field":"risk","eq":"low"}}})"); },
     errc::invalid_plan, "profiles.grow"},
    {"unknown tie-break mode",
     [](auto& d) { d["profiles"] = criterion(R"({"tie_break":{"mode":"random"}})"); },
     errc::invalid_plan, "profiles.tie_break.mode"},
    {"tie-break order repeats",
     [](auto& d) { d["profiles"] = criterion(R"({"tie_break":{"mode":"none","order":["keep","keep","attain","expand"]}})"); },
     errc::invalid_plan, "profiles.tie_break.order[1]"},
    {"tie-break unknown category",
     [](auto& d) { d["profiles"] = criterion(R"({"tie_break":{"mode":"none","order":["keep","grow","attain","expand"]}})"); },
     errc::invalid_plan, "profiles.tie_break.order[1]"},
    {"fire rule without action",
     [](auto& d) { d["profiles"] = criterion(R"({"fire":[{"id":"x","rule":{"field":"risk","eq":"high"}}]})"); },
     errc::invalid_plan, "profiles.fire[0].action"},
    {"fire rule ids repeat",
     [](auto& d) { d["profiles"] = criterion(R"({"fire":[{"id":"x","action":"a","rule":{"field":"risk","eq":"high"}},{"id":"x","action":"b","rule":{"field":"risk","eq":"low"}}]})"); },
     errc::invalid_plan, "profiles.fire[1].id"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(plan_document)

BOOST_DATA_TEST_CASE(examples_round_trip_byte_identically, bdata::make(example_files()), file)
{
    const std::string first = kare::write_plan(kare::read_plan(read_text(file)));
    const std::string second = kare::write_plan(kare::read_plan(first));
    BOOST_TEST(first == second);
    // The bundled examples are stored in canonical form.
    BOOST_TEST(first == read_text(file));
}

BOOST_AUTO_TEST_CASE(minimal_document_reads_every_part)
{
    const kare::plan p = minimal_plan();
    BOOST_TEST(p.name() == "Minimal");
    BOOST_TEST(p.settings().currency == "EUR");
    BOOST_TEST(p.settings().fiscal_year_start_month == 4u);
    BOOST_TEST(p.reps().size() == 2u);
    BOOST_TEST(p.accounts().size() == 3u);
    BOOST_TEST(kare::to_string(p.fields().find("seats")->type) == "number");
    BOOST_TEST(*p.fields().find("seats")->min == 0.0);
    BOOST_TEST(!p.fields().find("seats")->standard);
    BOOST_TEST(p.fields().find("risk")->standard);
    BOOST_TEST((p.profiles() == kare::profile_set::defaults()));
    const kare::account& cobalt = *p.find_account("A-3");
    BOOST_TEST(cobalt.decision.name() == "recapture");
    BOOST_TEST(cobalt.history.size() == 2u);
    BOOST_TEST(std::get<kare::date>(cobalt.attributes.at("renewal")).to_string() == "2027-01-31");
    BOOST_TEST(std::get<double>(p.find_account("A-1")->attributes.at("seats")) == 10.0);
}

BOOST_AUTO_TEST_CASE(minimal_document_becomes_canonical_then_stays)
{
    const std::string first = kare::write_plan(minimal_plan());
    BOOST_TEST(first != text_of(minimal_document()));
    BOOST_TEST(kare::write_plan(kare::read_plan(first)) == first);
}

BOOST_AUTO_TEST_CASE(null_attribute_means_no_value)
{
    auto doc = minimal_document();
    attributes(doc.as_object(), 0)["seats"] = nullptr;
    const kare::plan p = kare::read_plan(text_of(doc));
    BOOST_TEST(p.find_account("A-1")->attributes.count("seats") == 0u);
}

BOOST_AUTO_TEST_CASE(fractional_numbers_round_trip_exactly)
{
    auto doc = minimal_document();
    attributes(doc.as_object(), 0)["seats"] = 0.1;
    attributes(doc.as_object(), 0)["annual_revenue"] = 12345.678;
    const std::string first = kare::write_plan(kare::read_plan(text_of(doc)));
    BOOST_TEST(first.find("\"seats\": 0.1\n") != std::string::npos);
    BOOST_TEST(kare::write_plan(kare::read_plan(first)) == first);
}

BOOST_DATA_TEST_CASE(bad_documents_are_refused_with_their_path, bdata::make(bad_cases), c)
{
    auto doc = minimal_document();
    c.edit(doc.as_object());
    const kare::error_info err = read_error(text_of(doc));
    BOOST_TEST(kare::to_string(err.code) == kare::to_string(c.code));
    BOOST_TEST(err.path == c.path);
    BOOST_TEST(!err.message.empty());
}

BOOST_AUTO_TEST_CASE(throwing_form_carries_code_and_path)
{
    auto doc = minimal_document();
    attributes(doc.as_object(), 0)["risk"] = "extreme";
    try {
        (void)kare::read_plan(text_of(doc));
        BOOST_FAIL("expected an error");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::invalid_plan);
        BOOST_TEST(e.path() == "accounts[0].attributes.risk");
        BOOST_TEST(std::string(e.what()).find("extreme") != std::string::npos);
    }
}

BOOST_DATA_TEST_CASE(malformed_json_names_line_and_column,
                     bdata::make(std::vector<std::string>{"{", "{\"format\": }", "[1,]", "{} {}",
                                                          "", "nul", "{\"a\":\"\xff\"}"}),
                     text)
{
    const kare::error_info err = read_error(text);
    BOOST_TEST(kare::to_string(err.code) == "parse_error");
    BOOST_TEST(err.message.find("line 1, column") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parse_error_location_counts_lines)
{
    const kare::error_info err = read_error("{\n  \"format\": \"kare-plan\",\n  \"version\": 1,\n  oops\n}");
    BOOST_TEST(err.message.find("line 4, column 3") != std::string::npos, err.message);
}

BOOST_AUTO_TEST_CASE(non_finite_and_inexact_numbers_are_refused)
{
    for (const char* number : {"1e400", "-1e400", "18446744073709551615", "9007199254740993"}) {
        auto doc = minimal_document();
        std::string text = text_of(doc);
        const std::string from = "\"seats\":10";
        text.replace(text.find(from), from.size(), std::string("\"seats\":") + number);
        const kare::error_info err = read_error(text);
        BOOST_TEST(kare::to_string(err.code) == "invalid_plan", number);
        BOOST_TEST(err.path == "accounts[0].attributes.seats", number);
    }
}

BOOST_AUTO_TEST_CASE(limits_make_hostile_documents_fail_fast)
{
    std::string deep(200, '[');
    deep += std::string(200, ']');
    BOOST_TEST(kare::to_string(read_error(deep).code) == "limit_exceeded");

    kare::read_limits small;
    small.max_accounts = 2;
    kare::error_info err;
    BOOST_TEST(!kare::read_plan(text_of(minimal_document()), err, small));
    BOOST_TEST(kare::to_string(err.code) == "limit_exceeded");
    BOOST_TEST(err.path == "accounts");

    small = {};
    small.max_string_bytes = 4;
    BOOST_TEST(!kare::read_plan(text_of(minimal_document()), err, small));
    BOOST_TEST(kare::to_string(err.code) == "limit_exceeded");

    small = {};
    small.max_document_bytes = 10;
    BOOST_TEST(!kare::read_plan(text_of(minimal_document()), err, small));
    BOOST_TEST(kare::to_string(err.code) == "limit_exceeded");

    small = {};
    small.max_criterion_nodes = 3;
    BOOST_TEST(!kare::read_plan(text_of(minimal_document()), err, small) == false);
    auto doc = minimal_document();
    set_keep_rule(doc.as_object(), R"({"all":[{"field":"risk","eq":"low"},{"field":"seats","ge":1},{"field":"seats","le":9}]})");
    BOOST_TEST(!kare::read_plan(text_of(doc), err, small));
    BOOST_TEST(kare::to_string(err.code) == "limit_exceeded");
}

BOOST_AUTO_TEST_CASE(read_account_checks_against_the_plan)
{
    const kare::plan p = minimal_plan();
    const kare::account a = kare::read_account(
        R"({"id":"A-9","name":"Nine","owner":"ana","relationship":"prospect","attributes":{"seats":3}})", p);
    BOOST_TEST(a.id == "A-9");
    try {
        (void)kare::read_account(R"({"id":"A-9","name":"Nine","owner":"ana","relationship":"prospect","attributes":{"seats":"x"}})", p);
        BOOST_FAIL("expected an error");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == "accounts[3].attributes.seats");
    }
}

BOOST_AUTO_TEST_CASE(read_rep_names_the_path_it_would_have)
{
    const kare::plan p = minimal_plan();
    const kare::rep r = kare::read_rep(R"({"id":"cy","name":"Cy","style":"both"})", p);
    BOOST_TEST(r.id == "cy");
    BOOST_TEST((r.style == kare::rep_style::both));
    try {
        (void)kare::read_rep(R"({"id":"cy","style":"closer"})", p);
        BOOST_FAIL("expected an error");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::invalid_plan);
        BOOST_TEST(e.path() == "reps[2].style");
    }
}

BOOST_AUTO_TEST_SUITE_END()
