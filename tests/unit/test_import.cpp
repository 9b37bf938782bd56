// The CSV import: the shipped examples, merging into a plan, the report of
// skipped rows, every class of bad cell with its file, row and column, bad
// mappings with their path, and the all-or-nothing guarantee.
#include "review_fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

namespace bdata = boost::unit_test::data;
using kare::errc;
using namespace std::string_literals; // NUL bytes inside test texts
using kare_test::read_text;
using review_fixture::as_of;
using review_fixture::day;

namespace {

std::string example(const std::string& name)
{
    return read_text(std::string(KARE_EXAMPLES_DIR) + "/import/" + name);
}

kare::csv_source file(const std::string& name)
{
    return kare::csv_source{name, example(name)};
}

kare::import_mapping hubspot()
{
    return kare::read_import_mapping(kare::builtin_mapping("hubspot"));
}

kare::import_mapping salesforce()
{
    return kare::read_import_mapping(kare::builtin_mapping("salesforce"));
}

const kare::skipped_row* skipped_at(const kare::import_report& r, const std::string& source,
                                    std::size_t row)
{
    for (const auto& s : r.skipped)
        if (s.source == source && s.row == row)
            return &s;
    return nullptr;
}

// A mapping for small hand-written files: accounts with typed attributes,
// deals and activities, ISO dates, decimal comma.
const char* test_mapping = R"({
  "format": "kare-import-mapping", "version": 1, "name": "test",
  "date_formats": ["YYYY-MM-DD", "DD.MM.YYYY"],
  "decimal_separator": ",", "thousands_separator": ".",
  "tables": [
    {"kind": "accounts",
     "columns": {"id": "Id", "name": "Name", "owner": "Owner", "relationship": "Status"},
     "attributes": {"repeat_purchases": "Repeat", "growth_potential": "Growth", "annual_revenue": "Revenue"},
     "values": {"relationship": {"Customer": "client", "Lead": "prospect", "Partner": null},
                "growth_potential": {"Low": "low", "High": "high"}}},
    {"kind": "deals",
     "columns": {"id": "Deal", "account": "Account", "amount": "Amount", "stage": "Stage",
                 "opened": "Opened", "expected_close": "Close", "lost_reason": "Why lost"},
     "values": {"stage": {"Open": "proposal", "Won": {"value": "commit", "outcome": "won"},
                          "Lost": {"value": "proposal", "outcome": "lost"}, "Junk": null}}},
    {"kind": "activities",
     "columns": {"date": "When", "rep": "Who", "account": "Account", "activity": "What"}}
  ]})";

const std::string accounts_csv = "Id,Name,Owner,Status,Repeat,Growth,Revenue\n"
                                 "A1,Acme,fred,Customer,yes,High,\"1.234,50\"\n"
                                 "A2,Bravo,Hana,Lead,,Low,\n";
const std::string deals_csv = "Deal,Account,Amount,Stage,Opened,Close,Why lost\n"
                              "D1,A1,\"10.000,00\",Open,2026-10-01,2026-12-31,\n"
                              "D2,A2,500,Won,01.09.2026,15.10.2026,\n";
const std::string activities_csv = "When,Who,Account,What\n"
                                   "2026-11-20,fred,A1,dial\n";

kare::plan team()
{
    kare::plan p;
    p.add_rep({"fred", "Fred", kare::rep_style::farmer});
    p.add_rep({"hana", "Hana", kare::rep_style::hunter});
    return p;
}

kare::import_result run(const kare::plan& base, const std::vector<kare::csv_source>& files)
{
    return kare::import_csv(base, kare::read_import_mapping(test_mapping), files, as_of);
}

// The same, for files of a few rows where one skipped row is most of a
// file: the share allowed (test_first_import.cpp tests it) is lifted.
kare::import_result run_lenient(const kare::plan& base, const std::vector<kare::csv_source>& files)
{
    auto mapping = kare::read_import_mapping(test_mapping);
    mapping.max_skipped_share = 1.0;
    return kare::import_csv(base, mapping, files, as_of);
}

struct bad_cell {
    const char* name;
    std::string file;
    std::string text;
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const bad_cell& c)
{
    return os << c.name;
}

std::string replace(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

const std::vector<bad_cell> bad_cells{
    {"date in no format", "deals.csv", replace(deals_csv, "2026-12-31", "12/31/2026"),
     errc::invalid_plan, "deals.csv, row 2, column 6 (Close)"},
    {"impossible date", "deals.csv", replace(deals_csv, "01.09.2026", "31.09.2026"),
     errc::invalid_plan, "deals.csv, row 3, column 5 (Opened)"},
    {"currency sign", "deals.csv", replace(deals_csv, "\"10.000,00\"", "$10000"),
     errc::invalid_plan, "deals.csv, row 2, column 3 (Amount)"},
    {"three decimals", "deals.csv", replace(deals_csv, "\"10.000,00\"", "\"10,005\""),
     errc::invalid_plan, "deals.csv, row 2, column 3 (Amount)"},
    {"bad grouping", "deals.csv", replace(deals_csv, "\"10.000,00\"", "\"10.00,00\""),
     errc::invalid_plan, "deals.csv, row 2, column 3 (Amount)"},
    {"unmapped stage", "deals.csv", replace(deals_csv, ",Open,", ",Negotiating,"),
     errc::invalid_plan, "deals.csv, row 2, column 4 (Stage)"},
    {"lost without a reason", "deals.csv", replace(deals_csv, ",Won,", ",Lost,"),
     errc::invalid_plan, "deals.csv, row 3, column 4 (Stage)"},
    {"deal id twice", "deals.csv", deals_csv + "D1,A1,1,Open,2026-10-01,2026-12-31,\n",
     errc::invalid_plan, "deals.csv, row 4, column 1 (Deal)"},
    {"close before opening", "deals.csv", replace(deals_csv, "2026-12-31", "2026-09-01"),
     errc::invalid_plan, "deals.csv, row 2, column 6 (Close)"},
    {"closed after the as-of date", "deals.csv", replace(deals_csv, "15.10.2026", "15.12.2026"),
     errc::invalid_plan, "deals.csv, row 3, column 6 (Close)"},
    {"opened after the as-of date", "deals.csv", replace(deals_csv, "2026-10-01", "2026-11-24"),
     errc::invalid_plan, "deals.csv, row 2, column 5 (Opened)"},
    {"a time where the formats have none", "deals.csv",
     replace(deals_csv, "2026-10-01", "2026-10-01 10:00"), errc::invalid_plan,
     "deals.csv, row 2, column 5 (Opened)"},
    {"negative amount", "deals.csv", replace(deals_csv, "\"10.000,00\"", "-5"),
     errc::invalid_plan, "deals.csv, row 2, column 3 (Amount)"},
    {"amount grouped by spaces", "deals.csv", replace(deals_csv, "\"10.000,00\"", "10 000"),
     errc::invalid_plan, "deals.csv, row 2, column 3 (Amount)"},
    {"account id twice", "accounts.csv", accounts_csv + "A1,Again,fred,Customer,,,\n",
     errc::invalid_plan, "accounts.csv, row 4, column 1 (Id)"},
    {"activity on an impossible day", "activities.csv",
     replace(activities_csv, "2026-11-20", "2026-02-30"), errc::invalid_plan,
     "activities.csv, row 2, column 1 (When)"},
    {"activity date in no format", "activities.csv",
     replace(activities_csv, "2026-11-20", "20/11/2026"), errc::invalid_plan,
     "activities.csv, row 2, column 1 (When)"},
    {"not a boolean", "accounts.csv", replace(accounts_csv, ",yes,", ",often,"),
     errc::invalid_plan, "accounts.csv, row 2, column 5 (Repeat)"},
    {"unmapped choice", "accounts.csv", replace(accounts_csv, ",High,", ",Huge,"),
     errc::invalid_plan, "accounts.csv, row 2, column 6 (Growth)"},
    {"number with letters", "accounts.csv", replace(accounts_csv, "\"1.234,50\"", "12k"),
     errc::invalid_plan, "accounts.csv, row 2, column 7 (Revenue)"},
    {"unmapped relationship", "accounts.csv", replace(accounts_csv, ",Lead,", ",Churned,"),
     errc::invalid_plan, "accounts.csv, row 3, column 4 (Status)"},
    {"unknown activity type", "activities.csv", replace(activities_csv, ",dial", ",Email"),
     errc::invalid_plan, "activities.csv, row 2, column 4 (What)"},
    {"bad quoting", "deals.csv", replace(deals_csv, "D2,A2", "D2,\"A2"), errc::parse_error,
     "deals.csv, row 3, column 2 (Account)"},
    {"wrong column count", "deals.csv", replace(deals_csv, "D2,A2,", "D2,"), errc::parse_error,
     "deals.csv, row 3, column 7 (Why lost)"},
    {"not UTF-8", "accounts.csv", replace(accounts_csv, "Bravo", "Br\xE4vo"), errc::parse_error,
     "accounts.csv, row 3, column 2 (Name)"},
    {"embedded NUL", "deals.csv", replace(deals_csv, "D2,", "D\0\x32,"s), errc::parse_error,
     "deals.csv, row 3, column 1 (Deal)"},
    {"UTF-16 export", "accounts.csv", "\xFF\xFEI\0d\0"s, errc::parse_error, "accounts.csv, row 1"},
    {"empty file", "deals.csv", "", errc::parse_error, "deals.csv, row 1"},
    {"unmapped required column (a header of no table)", "deals.csv",
     replace(deals_csv, "Stage", "Phase"), errc::invalid_argument, "deals.csv, row 1"},
    {"a mapped column twice", "deals.csv",
     replace(replace(deals_csv, "Why lost\n", "Why lost,Amount\n"), "2026-12-31,\n", "2026-12-31,,1\n") ,
     errc::invalid_argument, "deals.csv, row 1, column 8 (Amount)"},
};

struct bad_mapping {
    const char* name;
    std::function<void(boost::json::object&)> edit;
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const bad_mapping& c)
{
    return os << c.name;
}

boost::json::object& table(boost::json::object& m, std::size_t i)
{
    return m["tables"].as_array()[i].as_object();
}

const std::vector<bad_mapping> bad_mappings{
    {"not a mapping", [](auto& m) { m["format"] = "kare-plan"; }, errc::invalid_argument, "format"},
    {"future version", [](auto& m) { m["version"] = 2; }, errc::unsupported_version, "version"},
    {"unknown top-level key", [](auto& m) { m["separator"] = ";"; }, errc::invalid_argument,
     "separator"},
    {"date format without a day", [](auto& m) { m["date_formats"] = boost::json::parse(R"(["YYYY-MM"])"); },
     errc::invalid_argument, "date_formats[0]"},
    {"same separators", [](auto& m) { m["thousands_separator"] = ","; }, errc::invalid_argument,
     "thousands_separator"},
    {"long separator", [](auto& m) { m["decimal_separator"] = ".."; }, errc::invalid_argument,
     "decimal_separator"},
    {"unknown kind", [](auto& m) { table(m, 0)["kind"] = "companies"; }, errc::invalid_argument,
     "tables[0].kind"},
    {"misspelt key", [](auto& m) { table(m, 1)["columns"].as_object()["amont"] = "X"; },
     errc::invalid_argument, "tables[1].columns.amont"},
    {"required key without column",
     [](auto& m) { table(m, 1)["columns"].as_object().erase("stage"); }, errc::invalid_argument,
     "tables[1].columns"},
    {"values without a column",
     [](auto& m) { table(m, 2)["values"] = boost::json::parse(R"({"note": {"a": "b"}})"); },
     errc::invalid_argument, "tables[2].values.note"},
    {"outcome off the stage",
     [](auto& m) {
         table(m, 0)["values"].as_object()["relationship"] =
             boost::json::parse(R"({"Customer": {"value": "client", "outcome": "won"}})");
     },
     errc::invalid_argument, "tables[0].values.relationship.Customer"},
    {"unknown outcome",
     [](auto& m) {
         table(m, 1)["values"].as_object()["stage"].as_object()["Won"] =
             boost::json::parse(R"({"value": "commit", "outcome": "closed"})");
     },
     errc::invalid_argument, "tables[1].values.stage.Won.outcome"},
    {"attributes on deals",
     [](auto& m) { table(m, 1)["attributes"] = boost::json::parse(R"({"risk": "Risk"})"); },
     errc::invalid_argument, "tables[1].attributes"},
    {"second table of a kind", [](auto& m) { table(m, 2)["kind"] = "deals"; },
     errc::invalid_argument, "tables[2].kind"},
    {"value of the wrong type",
     [](auto& m) { table(m, 0)["values"].as_object()["relationship"].as_object()["Lead"] = 3; },
     errc::invalid_argument, "tables[0].values.relationship.Lead"},
    {"missing format", [](auto& m) { m.erase("format"); }, errc::invalid_argument, "format"},
    {"missing version", [](auto& m) { m.erase("version"); }, errc::invalid_argument, "version"},
    {"not an object", [](auto& m) { m = boost::json::object{{"format", boost::json::array{}}}; },
     errc::invalid_argument, "format"},
    {"no date formats", [](auto& m) { m["date_formats"] = boost::json::array{}; },
     errc::invalid_argument, "date_formats"},
    {"a date format that is not text", [](auto& m) { m["date_formats"] = boost::json::array{1}; },
     errc::invalid_argument, "date_formats[0]"},
    {"unknown decimal separator", [](auto& m) { m["decimal_separator"] = ";"; },
     errc::invalid_argument, "decimal_separator"},
    {"unknown owner policy", [](auto& m) { m["unknown_owners"] = "ask"; }, errc::invalid_argument,
     "unknown_owners"},
    {"no tables", [](auto& m) { m["tables"] = boost::json::array{}; }, errc::invalid_argument,
     "tables"},
    {"six tables",
     [](auto& m) {
         auto& list = m["tables"].as_array();
         list.push_back(list[0]);
         list.push_back(list[0]);
         list.push_back(list[0]);
     },
     errc::invalid_argument, "tables"},
    {"unknown key in a table", [](auto& m) { table(m, 0)["colums"] = boost::json::object{}; },
     errc::invalid_argument, "tables[0].colums"},
    {"columns that are not an object", [](auto& m) { table(m, 0)["columns"] = "Id"; },
     errc::invalid_argument, "tables[0].columns"},
    {"a column name that is not text",
     [](auto& m) { table(m, 0)["columns"].as_object()["name"] = 7; }, errc::invalid_argument,
     "tables[0].columns.name"},
    {"an empty column name", [](auto& m) { table(m, 0)["columns"].as_object()["name"] = ""; },
     errc::invalid_argument, "tables[0].columns.name"},
    {"one column for two keys", [](auto& m) { table(m, 1)["columns"].as_object()["opened"] = "Close"; },
     errc::invalid_argument, "tables[1].columns.opened"},
    {"one column for a key and an attribute",
     [](auto& m) { table(m, 0)["attributes"].as_object()["segment"] = "Name"; },
     errc::invalid_argument, "tables[0].attributes.segment"},
    {"an attribute named as a key",
     [](auto& m) { table(m, 0)["attributes"].as_object()["owner"] = "Owner 2"; },
     errc::invalid_argument, "tables[0].attributes.owner"},
    {"a default for no key", [](auto& m) { table(m, 1)["defaults"] = boost::json::parse(R"({"probability": "50"})"); },
     errc::invalid_argument, "tables[1].defaults.probability"},
    {"an empty list separator", [](auto& m) { table(m, 0)["list_separator"] = ""; },
     errc::invalid_argument, "tables[0].list_separator"},
    {"unknown key in a mapped value",
     [](auto& m) {
         table(m, 1)["values"].as_object()["stage"].as_object()["Won"] =
             boost::json::parse(R"({"value": "commit", "outcom": "won"})");
     },
     errc::invalid_argument, "tables[1].values.stage.Won.outcom"},
    {"a mapped value without its value",
     [](auto& m) {
         table(m, 1)["values"].as_object()["stage"].as_object()["Won"] =
             boost::json::parse(R"({"outcome": "won"})");
     },
     errc::invalid_argument, "tables[1].values.stage.Won.value"},
};

// A Salesforce export with one mistake, imported into the plan the good
// export made: the error names the place and the plan stays as it was.
struct bad_export {
    const char* name;
    const char* file;
    const char* from;
    const char* to;
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const bad_export& c)
{
    return os << c.name;
}

const std::vector<bad_export> bad_exports{
    {"a product code twice", "salesforce-products.csv", "01t000000000004,Training,training",
     "01t000000000004,Training,analytics", errc::invalid_plan,
     "salesforce-products.csv, row 5, column 3 (Product Code)"},
    {"a date in an unknown format", "salesforce-opportunities.csv", "10/1/2026", "2026.10.01",
     errc::invalid_plan, "salesforce-opportunities.csv, row 2, column 7 (Created Date)"},
    {"an amount with a currency sign", "salesforce-opportunities.csv", "\"240,000.00\"",
     "\"$240,000.00\"", errc::invalid_plan, "salesforce-opportunities.csv, row 2, column 6 (Amount)"},
    {"an unknown stage", "salesforce-opportunities.csv", "Negotiation/Review", "Negotiation",
     errc::invalid_plan, "salesforce-opportunities.csv, row 3, column 5 (Stage)"},
    {"bad quoting", "salesforce-tasks.csv", "\"Call back re: \"\"budget\"\"\"",
     "Call back re: \"budget\"", errc::parse_error, "salesforce-tasks.csv, row 5, column 2 (Subject)"},
    {"a row one field short", "salesforce-accounts.csv", "Transportation,,analytics",
     "Transportation,analytics", errc::parse_error,
     "salesforce-accounts.csv, row 5, column 7 (Products Owned)"},
    {"Windows-1252 bytes", "salesforce-accounts.csv", "Delta Foods", "D\xE9lta Foods",
     errc::parse_error, "salesforce-accounts.csv, row 2, column 2 (Account Name)"},
    {"a product not in the catalogue", "salesforce-accounts.csv", "analytics;training",
     "analytics;coaching", errc::invalid_plan,
     "salesforce-accounts.csv, row 2, column 7 (Products Owned)"},
    {"an unknown activity type", "salesforce-tasks.csv", ",Meeting", ",Webinar",
     errc::invalid_plan, "salesforce-tasks.csv, row 2, column 6 (Type)"},
    {"a required column renamed", "salesforce-tasks.csv", "Due Date", "Due", errc::invalid_argument,
     "salesforce-tasks.csv, row 1"},
    {"a mapped column twice in the header", "salesforce-products.csv", "Active", "Product Code",
     errc::invalid_argument, "salesforce-products.csv, row 1, column 5 (Product Code)"},
};

const std::vector<std::string> salesforce_files{"salesforce-products.csv", "salesforce-accounts.csv",
                                                "salesforce-opportunities.csv", "salesforce-tasks.csv"};

} // namespace

BOOST_AUTO_TEST_SUITE(import)

BOOST_AUTO_TEST_CASE(the_shipped_mappings_are_the_documented_files)
{
    for (const char* name : {"hubspot", "salesforce"}) {
        BOOST_TEST(kare::builtin_mapping(name) == example(std::string(name) + "-mapping.json"));
        BOOST_CHECK_NO_THROW(kare::read_import_mapping(kare::builtin_mapping(name)));
    }
    BOOST_TEST(kare::builtin_mapping("pipedrive").empty());
}

BOOST_AUTO_TEST_CASE(hubspot_companies_and_deals_into_a_new_plan)
{
    const kare::plan base;
    const auto result = kare::import_csv(
        base, hubspot(), {file("hubspot-deals.csv"), file("hubspot-companies.csv")}, as_of);
    const kare::plan& p = result.plan;
    const kare::import_report& r = result.report;
    // Accounts first, whatever the order of the files.
    BOOST_REQUIRE(r.files.size() == 2u);
    BOOST_TEST(r.files[0].source == "hubspot-companies.csv");
    BOOST_TEST(r.files[0].kind == kare::import_kind::accounts);
    BOOST_TEST(r.files[0].rows == 7u);
    BOOST_TEST(r.files[0].added == 5u);
    BOOST_TEST(r.files[0].skipped == 2u);
    BOOST_TEST(r.files[1].added == 5u);
    BOOST_TEST(r.files[1].skipped == 1u);
    BOOST_TEST(skipped_at(r, "hubspot-companies.csv", 7)->reason ==
               "Lifecycle Stage 'Other' is left out by the mapping");
    BOOST_TEST(skipped_at(r, "hubspot-companies.csv", 8)->reason == "no Company owner");
    BOOST_TEST(skipped_at(r, "hubspot-deals.csv", 7)->reason == "no Associated Company IDs");
    BOOST_TEST(r.reps_added == (std::vector<std::string>{"maya-chen", "leo-okafor"}),
               boost::test_tools::per_element());
    BOOST_TEST(p.find_rep("maya-chen")->name == "Maya Chen");

    const kare::account& cedar = *p.find_account("9003");
    BOOST_TEST(cedar.name == "Cedar Health, Inc.");
    BOOST_TEST(cedar.relationship == kare::relationship::client);
    BOOST_TEST(std::get<double>(cedar.attributes.at("annual_revenue")) == 22000.0);
    BOOST_TEST((std::get<kare::date>(cedar.attributes.at("last_purchase")) == day("2025-09-30")));
    BOOST_TEST(p.find_account("9014")->attributes.count("annual_revenue") == 0u);

    const kare::deal& won = *p.find_deal("7102");
    BOOST_TEST(won.outcome == kare::deal_outcome::won);
    BOOST_TEST((*won.closed_on == day("2026-07-28")));
    BOOST_TEST(won.amount.to_string() == "18000.00");
    const kare::deal& lost = *p.find_deal("7105");
    BOOST_TEST(lost.outcome == kare::deal_outcome::lost);
    BOOST_TEST(lost.lost_reason == "other");
    const kare::deal& open = *p.find_deal("7103");
    BOOST_TEST(open.stage == "proposal");
    BOOST_TEST((open.opened == day("2026-09-15")));
    BOOST_TEST((*open.last_activity == day("2026-11-10")));
    BOOST_TEST(open.next_step == "Demo to the CTO");
    BOOST_TEST(won.next_step.empty());
    // The plan is a real plan: it reviews, and its document round-trips.
    BOOST_CHECK_NO_THROW(kare::make_report(p, as_of));
    BOOST_TEST(kare::write_plan(kare::read_plan(kare::write_plan(p))) == kare::write_plan(p));
}

BOOST_AUTO_TEST_CASE(salesforce_products_accounts_opportunities_tasks)
{
    const auto result = kare::import_csv(
        kare::plan{}, salesforce(),
        {file("salesforce-tasks.csv"), file("salesforce-opportunities.csv"),
         file("salesforce-accounts.csv"), file("salesforce-products.csv")},
        as_of);
    const kare::plan& p = result.plan;
    BOOST_TEST(p.products().size() == 4u);
    BOOST_TEST(p.find_product("data_connectors")->name == "Data connectors");
    const kare::account& evergreen = *p.find_account("001A000002");
    BOOST_TEST(evergreen.products ==
                   (std::vector<std::string>{"analytics", "forecasting", "data_connectors", "training"}),
               boost::test_tools::per_element());
    BOOST_TEST(std::get<double>(evergreen.attributes.at("annual_revenue")) == 210000.0);
    BOOST_TEST(p.find_account("001A000004")->relationship == kare::relationship::former_client);
    BOOST_TEST(!p.find_account("001A000005")); // a partner, left out
    const kare::deal& parker = *p.find_deal("006A000001");
    BOOST_TEST(parker.amount.to_string() == "240000.00");
    BOOST_TEST((parker.expected_close == day("2027-03-31")));
    BOOST_TEST(parker.next_step == "Site visit with the plant manager");
    BOOST_TEST(p.find_deal("006A000003")->next_step.empty());
    BOOST_TEST(p.activities().size() == 3u);
    BOOST_TEST(p.activities()[2].note == "Call back re: \"budget\"");
    BOOST_TEST(skipped_at(result.report, "salesforce-tasks.csv", 4)->reason ==
               "Type 'Email' is left out by the mapping");
    BOOST_TEST(result.report.files[0].kind == kare::import_kind::products);
}

BOOST_AUTO_TEST_CASE(a_missing_optional_column_is_reported)
{
    std::string accounts = example("salesforce-accounts.csv");
    accounts = replace(accounts, ",Products Owned", ",Notes");
    const auto result = kare::import_csv(kare::plan{}, salesforce(),
                                         {kare::csv_source{"accounts.csv", accounts}}, as_of);
    BOOST_TEST(result.report.files[0].missing_columns == std::vector<std::string>{"Products Owned"},
               boost::test_tools::per_element());
    BOOST_TEST(result.plan.find_account("001A000002")->products.empty());
}

BOOST_AUTO_TEST_CASE(merging_keeps_kare_facts_and_records_moved_close_dates)
{
    kare::plan first =
        kare::import_csv(kare::plan{}, hubspot(),
                         {file("hubspot-companies.csv"), file("hubspot-deals.csv")}, day("2026-11-22"))
            .plan;
    first.assign("9001", kare::category::keep, day("2026-11-02"), "Renewing client.");
    first.add_evidence("7103", kare::evidence_item{"pain", day("2026-11-03"), "demo"}, as_of);

    std::string deals = replace(example("hubspot-deals.csv"), "2026-12-31 00:00", "2027-02-28 00:00");
    std::string companies = replace(example("hubspot-companies.csv"), "Acme Tooling", "Acme Tooling GmbH");
    const auto again = kare::import_csv(first, hubspot(),
                                        {kare::csv_source{"hubspot-companies.csv", companies},
                                         kare::csv_source{"hubspot-deals.csv", deals}},
                                        as_of);
    const kare::plan& p = again.plan;
    BOOST_TEST(again.report.files[0].added == 0u);
    BOOST_TEST(again.report.files[0].updated == 5u);
    BOOST_TEST(again.report.files[1].updated == 5u);
    BOOST_TEST(again.report.reps_added.empty());
    BOOST_TEST(p.accounts().size() == first.accounts().size());
    const kare::account& acme = *p.find_account("9001");
    BOOST_TEST(acme.name == "Acme Tooling GmbH");
    BOOST_TEST(acme.decision == kare::placement::in(kare::category::keep));
    BOOST_TEST(acme.history.size() == 1u);
    const kare::deal& nova = *p.find_deal("7103");
    BOOST_TEST(nova.evidence.size() == 1u);
    BOOST_REQUIRE(nova.close_date_history.size() == 1u);
    BOOST_TEST((nova.close_date_history[0].on == as_of));
    BOOST_TEST((nova.close_date_history[0].from == day("2026-12-31")));
    BOOST_TEST((nova.close_date_history[0].to == day("2027-02-28")));
    BOOST_TEST(again.report.close_date_changes == 1u);
}

BOOST_AUTO_TEST_CASE(the_next_step_is_kept_replaced_and_cleared_as_the_crm_says)
{
    const std::vector<kare::csv_source> first{file("hubspot-companies.csv"), file("hubspot-deals.csv")};
    const kare::plan once = kare::import_csv(kare::plan{}, hubspot(), first, as_of).plan;
    BOOST_TEST(once.find_deal("7101")->next_step == "Countersignature from legal");
    // The CRM changed one step and cleared another.
    std::string deals = replace(example("hubspot-deals.csv"), "Demo to the CTO", "Pricing call");
    deals = replace(deals, ",Security review call", ",");
    const auto again = kare::import_csv(once, hubspot(),
                                        {file("hubspot-companies.csv"), kare::csv_source{"hubspot-deals.csv", deals}},
                                        as_of);
    BOOST_TEST(again.plan.find_deal("7103")->next_step == "Pricing call");
    BOOST_TEST(again.plan.find_deal("7104")->next_step.empty());
    BOOST_TEST(again.plan.find_deal("7101")->next_step == "Countersignature from legal");
    // A file without the column keeps what the plan has.
    std::string no_column = replace(example("hubspot-deals.csv"), ",Next step\n", ",Notes\n");
    const auto kept = kare::import_csv(once, hubspot(),
                                       {kare::csv_source{"hubspot-deals.csv", no_column}}, as_of);
    BOOST_TEST(kept.report.files[0].missing_columns == std::vector<std::string>{"Next step"},
               boost::test_tools::per_element());
    BOOST_TEST(kept.plan.find_deal("7103")->next_step == "Demo to the CTO");
    // The pipeline describes each deal with its next step.
    const boost::json::value pipeline =
        boost::json::parse(kare::write_pipeline(kare::make_pipeline(once, as_of)));
    bool seen = false;
    for (const auto& d : pipeline.at("deals").as_array()) {
        if (d.at("id") == "7101") {
            BOOST_TEST(d.at("next_step") == "Countersignature from legal");
            seen = true;
        } else if (d.at("id") == "7102") {
            BOOST_TEST(d.at("next_step").is_null());
        }
    }
    BOOST_TEST(seen);
}

BOOST_AUTO_TEST_CASE(a_next_step_that_would_corrupt_a_terminal_names_its_cell)
{
    const std::string deals =
        replace(example("salesforce-opportunities.csv"), "Send the revised quote", "Send\x1b[2J the quote");
    try {
        (void)kare::import_csv(kare::plan{}, salesforce(),
                               {file("salesforce-products.csv"), file("salesforce-accounts.csv"),
                                kare::csv_source{"salesforce-opportunities.csv", deals}},
                               as_of);
        BOOST_FAIL("a control character in a next step was imported");
    } catch (const kare::error& e) {
        BOOST_TEST((e.code() == errc::invalid_plan));
        BOOST_TEST(e.path() == "salesforce-opportunities.csv, row 3, column 11 (Next Step)");
    }
}

BOOST_AUTO_TEST_CASE(activities_are_not_imported_twice)
{
    const kare::import_mapping m = salesforce();
    const std::vector<kare::csv_source> files{file("salesforce-accounts.csv"), file("salesforce-tasks.csv")};
    const kare::plan once = kare::import_csv(kare::plan{}, m, files, as_of).plan;
    BOOST_TEST(once.activities().size() == 3u);
    const auto twice = kare::import_csv(once, m, {file("salesforce-tasks.csv")}, as_of);
    BOOST_TEST(twice.plan.activities().size() == 3u);
    BOOST_TEST(twice.report.files[0].skipped == 4u); // three already logged, one e-mail
    BOOST_TEST(skipped_at(twice.report, "salesforce-tasks.csv", 2)->reason == "already in the activity log");

    // Two identical rows are two activities (two dials the same day), once.
    kare::plan p = team();
    p.add_account(review_fixture::client("A1", "fred", kare::relationship::client, {}));
    const std::string dials = "When,Who,Account,What\n2026-11-20,fred,A1,dial\n2026-11-20,fred,A1,dial\n";
    const auto first = run(p, {{"a.csv", dials}});
    BOOST_TEST(first.plan.activities().size() == 2u);
    BOOST_TEST(run(first.plan, {{"a.csv", dials}}).plan.activities().size() == 2u);
}

BOOST_AUTO_TEST_CASE(owners_by_id_by_name_or_not_at_all)
{
    const kare::plan base = team();
    const auto result = run_lenient(base, {{"accounts.csv", accounts_csv + "A3,Cobalt,Zed,Customer,,,\n"}});
    BOOST_TEST(result.plan.find_account("A1")->owner == "fred"); // by id
    BOOST_TEST(result.plan.find_account("A2")->owner == "hana"); // by name
    BOOST_TEST(!result.plan.find_account("A3"));
    BOOST_TEST(skipped_at(result.report, "accounts.csv", 4)->reason == "Owner 'Zed' is not a rep of the plan");
    BOOST_TEST(result.report.reps_added.empty());
    // Typed attributes, decimal comma and grouping dot.
    BOOST_TEST(std::get<double>(result.plan.find_account("A1")->attributes.at("annual_revenue")) == 1234.5);
    BOOST_TEST(std::get<bool>(result.plan.find_account("A1")->attributes.at("repeat_purchases")));
    BOOST_TEST(std::get<std::string>(result.plan.find_account("A2")->attributes.at("growth_potential")) == "low");
}

BOOST_AUTO_TEST_CASE(deals_and_activities_after_accounts)
{
    const auto result = run(team(), {{"activities.csv", activities_csv},
                                     {"deals.csv", deals_csv},
                                     {"accounts.csv", accounts_csv}});
    BOOST_TEST(result.plan.deals().size() == 2u);
    BOOST_TEST(result.plan.find_deal("D1")->amount.to_string() == "10000.00");
    BOOST_TEST((result.plan.find_deal("D2")->opened == day("2026-09-01")));
    BOOST_TEST(result.plan.activities().size() == 1u);
    const std::string junk = deals_csv + "D3,A1,1,Junk,2026-10-01,2026-12-31,\n";
    BOOST_TEST(run(result.plan, {{"deals.csv", junk}}).report.skipped.at(0).reason ==
               "Stage 'Junk' is left out by the mapping");
}

BOOST_DATA_TEST_CASE(bad_cells_name_file_row_and_column, bdata::make(bad_cells), c)
{
    const kare::plan base = team();
    const std::string before = kare::write_plan(base);
    std::vector<kare::csv_source> files{{"accounts.csv", accounts_csv}, {"deals.csv", deals_csv},
                                        {"activities.csv", activities_csv}};
    for (auto& f : files)
        if (f.name == c.file)
            f.text = c.text;
    try {
        (void)run(base, files);
        BOOST_FAIL("imported");
    } catch (const kare::error& e) {
        BOOST_TEST_MESSAGE(e.path() << ": " << e.what());
        BOOST_TEST(e.code() == c.code);
        BOOST_TEST(e.path() == c.path);
        BOOST_TEST(!std::string(e.what()).empty());
    }
    BOOST_TEST(kare::write_plan(base) == before); // nothing half-imported
}

BOOST_DATA_TEST_CASE(bad_mappings_name_their_path, bdata::make(bad_mappings), c)
{
    boost::json::object m = boost::json::parse(test_mapping).as_object();
    c.edit(m);
    try {
        (void)kare::read_import_mapping(boost::json::serialize(m));
        BOOST_FAIL("accepted");
    } catch (const kare::error& e) {
        BOOST_TEST_MESSAGE(e.path() << ": " << e.what());
        BOOST_TEST(e.code() == c.code);
        BOOST_TEST(e.path() == c.path);
    }
}

BOOST_AUTO_TEST_CASE(mapping_errors_found_at_import)
{
    BOOST_CHECK_EXCEPTION(kare::read_import_mapping("{\n  \"format\": ,"), kare::error,
                          [](const kare::error& e) {
                              return e.code() == errc::parse_error && e.path() == "line 2, column 13";
                          });
    BOOST_CHECK_EXCEPTION(kare::read_import_mapping("{} []"), kare::error,
                          [](const kare::error& e) { return e.code() == errc::parse_error; });
    boost::json::object m = boost::json::parse(test_mapping).as_object();
    table(m, 0)["attributes"].as_object()["segment"] = "Segment";
    const kare::import_mapping mapping = kare::read_import_mapping(boost::json::serialize(m));
    BOOST_CHECK_EXCEPTION(kare::import_csv(team(), mapping, {{"accounts.csv", accounts_csv}}, as_of),
                          kare::error, [](const kare::error& e) {
                              return e.code() == errc::invalid_argument &&
                                     e.path() == "tables[0].attributes.segment";
                          });
}

BOOST_AUTO_TEST_CASE(the_report_document)
{
    const auto result = kare::import_csv(kare::plan{}, hubspot(), {file("hubspot-companies.csv")}, as_of);
    const std::string text = kare::write_import_report(result.report);
    const auto doc = boost::json::parse(text).as_object();
    BOOST_TEST(doc.at("format").as_string() == "kare-import-report");
    BOOST_TEST(doc.at("files").as_array()[0].at("kind").as_string() == "accounts");
    BOOST_TEST(doc.at("skipped").as_array().size() == 2u);
    BOOST_TEST(doc.at("skipped").as_array()[0].at("row").as_int64() == 7);
    BOOST_TEST(kare::to_canonical_text(boost::json::parse(text)) == text);
}

BOOST_DATA_TEST_CASE(a_bad_export_leaves_the_plan_as_it_was, bdata::make(bad_exports), c)
{
    std::vector<kare::csv_source> files;
    for (const auto& name : salesforce_files)
        files.push_back(file(name));
    const kare::plan base = kare::import_csv(kare::plan{}, salesforce(), files, as_of).plan;
    const std::string before = kare::write_plan(base);
    for (auto& f : files)
        if (f.name == c.file)
            f.text = replace(f.text, c.from, c.to);
    try {
        (void)kare::import_csv(base, salesforce(), files, as_of);
        BOOST_FAIL("imported");
    } catch (const kare::error& e) {
        BOOST_TEST_MESSAGE(e.path() << ": " << e.what());
        BOOST_TEST(e.code() == c.code);
        BOOST_TEST(e.path() == c.path);
    }
    BOOST_TEST(kare::write_plan(base) == before);
}

BOOST_AUTO_TEST_CASE(the_report_lists_files_in_the_order_applied)
{
    // Given backwards, with the accounts split in two files: applied (and
    // reported) products, accounts, deals, activities; the two account
    // files in the order given.
    const std::string accounts = example("salesforce-accounts.csv");
    const std::size_t cut = accounts.find("001A000004");
    const std::string header = accounts.substr(0, accounts.find('\n') + 1);
    const auto result = kare::import_csv(
        kare::plan{}, salesforce(),
        {file("salesforce-tasks.csv"), file("salesforce-opportunities.csv"),
         kare::csv_source{"accounts-2.csv", header + accounts.substr(cut)},
         kare::csv_source{"accounts-1.csv", accounts.substr(0, cut)}, file("salesforce-products.csv")},
        as_of);
    const auto& r = result.report;
    std::vector<std::string> order;
    for (const auto& f : r.files) {
        order.push_back(f.source + ":" + std::string(kare::to_string(f.kind)));
        BOOST_TEST(f.rows == f.added + f.updated + f.skipped, f.source);
    }
    BOOST_TEST(order ==
                   (std::vector<std::string>{"salesforce-products.csv:products", "accounts-2.csv:accounts",
                                             "accounts-1.csv:accounts",
                                             "salesforce-opportunities.csv:deals",
                                             "salesforce-tasks.csv:activities"}),
               boost::test_tools::per_element());
    // Skipped rows follow the same order, then the row number.
    BOOST_REQUIRE(r.skipped.size() == 2u);
    BOOST_TEST(r.skipped[0].source == "accounts-2.csv");
    BOOST_TEST(r.skipped[0].row == 3u);
    BOOST_TEST(r.skipped[1].source == "salesforce-tasks.csv");
    BOOST_TEST(r.skipped[1].row == 4u);
}

BOOST_AUTO_TEST_CASE(every_header_is_checked_before_any_row)
{
    // The deals file has a bad row, the activities file a bad header: the
    // header is reported, although deals are read first.
    const std::string bad_row = replace(deals_csv, "D2,A2,", "D2,");
    const std::string bad_header = replace(activities_csv, "Who", "Rep");
    BOOST_CHECK_EXCEPTION(run(team(), {{"accounts.csv", accounts_csv},
                                       {"deals.csv", bad_row},
                                       {"activities.csv", bad_header}}),
                          kare::error, [](const kare::error& e) {
                              return e.code() == errc::invalid_argument &&
                                     e.path() == "activities.csv, row 1";
                          });
}

BOOST_AUTO_TEST_CASE(byte_order_mark_crlf_and_blank_lines_change_nothing)
{
    const std::vector<kare::csv_source> plain{file("hubspot-companies.csv"), file("hubspot-deals.csv")};
    std::vector<kare::csv_source> excel = plain;
    for (auto& f : excel) {
        std::string crlf = "\xEF\xBB\xBF";
        for (char ch : f.text)
            crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
        f.text = crlf + "\r\n\r\n"; // and two blank lines at the end
    }
    const auto a = kare::import_csv(kare::plan{}, hubspot(), plain, as_of);
    const auto b = kare::import_csv(kare::plan{}, hubspot(), excel, as_of);
    BOOST_TEST(kare::write_plan(a.plan) == kare::write_plan(b.plan));
    BOOST_TEST(kare::write_import_report(a.report) == kare::write_import_report(b.report));
    // Blank lines are not rows: neither counted nor reported.
    BOOST_TEST(b.report.files[0].rows == 7u);
    BOOST_TEST(b.report.skipped.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_value_the_plan_refuses_names_its_column)
{
    boost::json::object m = boost::json::parse(test_mapping).as_object();
    table(m, 1)["values"].as_object()["stage"].as_object()["Open"] = "haggling";
    const kare::import_mapping mapping = kare::read_import_mapping(boost::json::serialize(m));
    BOOST_CHECK_EXCEPTION(
        kare::import_csv(team(), mapping, {{"accounts.csv", accounts_csv}, {"deals.csv", deals_csv}}, as_of),
        kare::error, [](const kare::error& e) {
            BOOST_TEST_MESSAGE(e.path() << ": " << e.what());
            return e.code() == errc::invalid_plan && e.path() == "deals.csv, row 2, column 4 (Stage)" &&
                   std::string(e.what()).find("unknown stage 'haggling'") != std::string::npos;
        });
}

BOOST_AUTO_TEST_CASE(rows_left_out_say_why)
{
    kare::plan p = team();
    const auto result = run_lenient(p, {{"accounts.csv", accounts_csv + "A4,Delta,fred,Partner,,,\n"},
                                {"activities.csv", activities_csv + "2026-11-21,fred,A9,dial\n" +
                                                       "2026-11-21,,A1,dial\n"}});
    const auto& r = result.report;
    BOOST_TEST(skipped_at(r, "accounts.csv", 4)->reason == "Status 'Partner' is left out by the mapping");
    BOOST_TEST(skipped_at(r, "activities.csv", 3)->reason == "the account 'A9' is not in the plan");
    BOOST_TEST(skipped_at(r, "activities.csv", 4)->reason == "no Who");
    BOOST_TEST(r.files[1].added == 1u);
    BOOST_TEST(r.files[1].skipped == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
