// A real CRM's export as it comes (docs/examples/first-import): keys that are
// names, a separate sales-team file, ownership on opportunities, no
// relationship column, products only in won deals, open deals without
// amounts or dates, a product spelt two ways, a misspelt value, blank
// accounts and revenue in millions; the facts derived from the deals, the
// mapping keys that say so, checked before any row, and the import's safety
// rails.
#include "fixtures.hpp"

#include <kare/accept_moves.hpp>
#include <kare/import.hpp>
#include <kare/json.hpp>
#include <kare/plan.hpp>
#include <kare/report.hpp>
#include <kare/suggested_move.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>

using kare::errc;
using kare_test::read_text;

namespace {

const kare::date export_day = *kare::date::parse("2017-12-31");

std::string example(const std::string& name)
{
    return read_text(std::string(KARE_EXAMPLES_DIR) + "/first-import/" + name);
}

std::vector<kare::csv_source> export_files()
{
    std::vector<kare::csv_source> out;
    for (const char* name : {"sales_pipeline.csv", "accounts.csv", "sales_teams.csv", "products.csv"})
        out.push_back(kare::csv_source{name, example(name)});
    return out;
}

kare::import_result import_example()
{
    return kare::import_csv(kare::read_plan(example("base-plan.json")),
                            kare::read_import_mapping(example("mapping.json")), export_files(),
                            export_day);
}

kare::placement placed(const kare::plan& p, const std::string& id)
{
    return p.placement_of(*p.account_index(id)).result;
}

const kare::import_file_report& file_of(const kare::import_report& r, const std::string& source)
{
    auto it = std::find_if(r.files.begin(), r.files.end(),
                           [&](const auto& f) { return f.source == source; });
    BOOST_REQUIRE(it != r.files.end());
    return *it;
}

// The mapping text with one JSON member replaced (first occurrence).
std::string with(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

void refused(const std::string& mapping, const std::string& path, const std::string& says)
{
    try {
        kare::read_import_mapping(mapping);
        BOOST_ERROR("accepted a mapping that should fail at " + path);
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == errc::invalid_argument);
        BOOST_TEST(e.path() == path);
        BOOST_TEST(std::string(e.what()).find(says) != std::string::npos, e.what());
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(first_import)

BOOST_AUTO_TEST_CASE(every_opportunity_is_imported_or_counted_as_skipped)
{
    const auto r = import_example();
    // Applied products, reps, accounts, deals, whatever the order given.
    BOOST_REQUIRE(r.report.files.size() == 4u);
    BOOST_TEST(r.report.files[0].source == "products.csv");
    BOOST_TEST(r.report.files[1].source == "sales_teams.csv");
    BOOST_TEST(r.report.files[2].source == "accounts.csv");
    BOOST_TEST(r.report.files[3].source == "sales_pipeline.csv");
    for (const auto& f : r.report.files)
        BOOST_TEST(f.rows == f.added + f.updated + f.skipped, f.source);
    const auto& deals = file_of(r.report, "sales_pipeline.csv");
    BOOST_TEST(deals.rows == 64u);
    BOOST_TEST(deals.added == 54u);
    BOOST_TEST(deals.skipped == 10u);
    BOOST_REQUIRE(r.report.skip_groups.size() == 1u);
    BOOST_TEST(r.report.skip_groups[0].reason == "no account");
    BOOST_TEST(r.report.skip_groups[0].count == 10u);
    BOOST_TEST(r.report.skip_groups[0].first_rows.size() == 5u);
    BOOST_TEST(r.plan.deals().size() == 54u);
    BOOST_TEST(r.report.newest_fact.has_value());
    BOOST_TEST((!(export_day < *r.report.newest_fact)));
}

BOOST_AUTO_TEST_CASE(reps_come_from_their_own_file)
{
    const auto r = import_example();
    BOOST_TEST(r.plan.reps().size() == 8u);
    const kare::rep* moses = r.plan.find_rep("moses-frase");
    BOOST_REQUIRE(moses);
    BOOST_TEST(moses->name == "Moses Frase");
    BOOST_TEST(moses->manager == "Cara Losch");
    BOOST_TEST(moses->team == "East");
    BOOST_TEST(r.report.reps_added.empty());
    // And survive the plan document.
    const auto again = kare::read_plan(kare::write_plan(r.plan));
    BOOST_TEST(again.find_rep("moses-frase")->team == "East");
    BOOST_TEST(kare::write_plan(again) == kare::write_plan(r.plan));
}

BOOST_AUTO_TEST_CASE(accounts_take_their_facts_from_their_deals)
{
    const auto r = import_example();
    const kare::plan& p = r.plan;
    BOOST_TEST(p.accounts().size() == 12u);
    BOOST_TEST(r.report.derived.owners == 12u);
    BOOST_TEST(r.report.derived.relationships == 12u);
    const kare::account* acme = p.find_account("Acme Corporation");
    BOOST_REQUIRE(acme);
    BOOST_TEST(acme->name == "Acme Corporation"); // one column, both id and name
    BOOST_TEST(acme->relationship == kare::relationship::client);
    BOOST_TEST(p.find_rep(acme->owner) != nullptr);
    BOOST_TEST(!acme->products.empty());
    for (const auto& id : acme->products)
        BOOST_TEST(p.find_product(id) != nullptr);
    // The misspelt sector through the value map, revenue from millions.
    BOOST_TEST(std::get<std::string>(acme->attributes.at("sector")) == "technology");
    BOOST_TEST(std::get<double>(acme->attributes.at("annual_revenue")) == 1100040000.0);
    BOOST_TEST(acme->attributes.count("last_purchase") == 1u);
    BOOST_TEST(p.find_account("Dalttechnology")->relationship == kare::relationship::former_client);
    BOOST_TEST(p.find_account("Dalttechnology")->products.empty()); // nothing bought within the window
    BOOST_TEST(p.find_account("Domzoom")->relationship == kare::relationship::prospect);
    BOOST_TEST(p.find_account("Funholding")->attributes.count("last_purchase") == 0u);
}

BOOST_AUTO_TEST_CASE(recent_wins_keep_or_expand_lapsed_recapture_the_rest_attain)
{
    const auto r = import_example();
    using kare::category;
    using kare::placement;
    for (const char* id : {"Betasoloin", "Bioholding", "Cancity", "Golddex", "Gogozoom"})
        BOOST_TEST(placed(r.plan, id) == placement::in(category::keep), id);
    for (const char* id : {"Acme Corporation", "Codehow", "Hottechi"})
        BOOST_TEST(placed(r.plan, id) == placement::in(category::expand), id);
    for (const char* id : {"Dalttechnology", "Fasehatice"})
        BOOST_TEST(placed(r.plan, id) == placement::in(category::recapture), id);
    for (const char* id : {"Domzoom", "Funholding"})
        BOOST_TEST(placed(r.plan, id) == placement::in(category::attain), id);
    // As of the export, the facts and the placements agree: nothing to move.
    for (const auto& m : kare::suggest_moves(r.plan, export_day))
        BOOST_ERROR(m.account + " " + m.code + ": " + m.reason);
}

BOOST_AUTO_TEST_CASE(open_deals_carry_list_prices_and_dates)
{
    const auto r = import_example();
    std::size_t open = 0;
    for (const auto& d : r.plan.deals()) {
        if (d.outcome != kare::deal_outcome::open)
            continue;
        ++open;
        BOOST_TEST(d.amount.minor_units() > 0, d.id);
        BOOST_TEST((d.opened <= export_day), d.id);
        BOOST_TEST((d.opened < d.expected_close), d.id);
    }
    BOOST_TEST(open > 0u);
    BOOST_TEST(r.report.derived.amounts_from_list_price == open);
    BOOST_TEST(r.report.derived.expected_closes == open);
    BOOST_TEST(r.report.derived.opened_on_as_of > 0u);
    BOOST_TEST(r.report.derived.opened_on_as_of < open);
    // "GTX Pro" in the deals is the catalogue's "GTXPro", and the report says so.
    BOOST_REQUIRE(r.report.name_matches.size() == 1u);
    BOOST_TEST(r.report.name_matches[0].written == "GTX Pro");
    BOOST_TEST(r.report.name_matches[0].product == "GTXPro");
    BOOST_TEST(r.report.name_matches[0].column == "product");
    const std::string doc = kare::write_import_report(r.report);
    BOOST_TEST(doc.find("\"amounts_from_list_price\"") != std::string::npos);
    BOOST_TEST(doc.find("\"written\": \"GTX Pro\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_quarter_later_lapsed_clients_are_moved_by_accepting)
{
    auto p = import_example().plan;
    const kare::date later = *kare::date::parse("2018-06-30");
    const auto moves = kare::suggest_moves(p, later);
    BOOST_REQUIRE(moves.size() == 2u);
    for (const auto& m : moves)
        BOOST_TEST(m.code == "move.client_lapsed");
    const auto accepted = kare::accept_moves(p, later, {"move.client_lapsed", ""}, later,
                                             "Lapsed since the export");
    BOOST_TEST(accepted.size() == 2u);
    for (const char* id : {"Gogozoom", "Hottechi"}) {
        BOOST_TEST(placed(p, id) == kare::placement::in(kare::category::recapture), id);
        BOOST_TEST(p.find_account(id)->history.back().reason == "Lapsed since the export");
        BOOST_TEST(p.find_account(id)->history.back().on.to_string() == "2018-06-30");
    }
    BOOST_TEST(kare::suggest_moves(p, later).empty());
}

BOOST_AUTO_TEST_CASE(accepting_names_what_it_cannot_do_and_changes_nothing)
{
    auto p = import_example().plan;
    const std::string before = kare::write_plan(p);
    const kare::date later = *kare::date::parse("2018-06-30");
    const auto fails = [&](kare::move_selection which, kare::date on, errc code) {
        try {
            kare::accept_moves(p, later, which, on);
            BOOST_ERROR("accepted " + which.code + " " + which.account);
        } catch (const kare::error& e) {
            BOOST_TEST(e.code() == code, e.what());
        }
        BOOST_TEST(kare::write_plan(p) == before);
    };
    fails({"", ""}, later, errc::invalid_argument);
    fails({"move.client_lost", ""}, later, errc::invalid_argument);
    fails({"move.attain_won", ""}, later, errc::not_found);
    fails({"", "Domzoom"}, later, errc::not_found);
    // One account's move alone.
    const auto one = kare::accept_moves(p, later, {"", "Gogozoom"}, later);
    BOOST_REQUIRE(one.size() == 1u);
    BOOST_TEST(p.find_account("Gogozoom")->history.back().reason == one[0].reason);
    BOOST_TEST(kare::suggest_moves(p, later).size() == 1u);
}

BOOST_AUTO_TEST_CASE(long_lists_of_won_deals_are_summarised_in_the_reason)
{
    // Five wins on a prospect: the reason, which accepting records in the
    // account's history, names the count and the latest; the finding's
    // figures keep every deal.
    auto p = import_example().plan;
    for (int i = 1; i <= 5; ++i) {
        kare::deal d;
        d.id = "W-" + std::to_string(i);
        d.account = "Domzoom";
        d.amount = *kare::money::parse("100.00", 2);
        d.stage = "commit";
        d.opened = *kare::date::parse("2017-11-01");
        d.expected_close = *kare::date::parse("2017-12-0" + std::to_string(i));
        d.outcome = kare::deal_outcome::won;
        d.closed_on = d.expected_close;
        p.add_deal(d);
    }
    const auto m = kare::suggest_move(p, *p.find_account("Domzoom"), export_day);
    BOOST_REQUIRE(m.has_value());
    BOOST_TEST(m->code == "move.attain_won");
    BOOST_TEST(m->won_deals.size() == 5u);
    BOOST_TEST(m->reason.find("Won 5 deals, the latest W-5 (100.00 USD, 2017-12-05)") == 0u,
               m->reason);
    BOOST_TEST(m->reason.find("W-1") == std::string::npos, m->reason);
}

BOOST_AUTO_TEST_CASE(new_mapping_keys_are_checked_before_any_row)
{
    const std::string m = example("mapping.json");
    BOOST_REQUIRE_NO_THROW(kare::read_import_mapping(m));
    refused(with(m, "\"scale\": {\"annual_revenue\": 1000000}", "\"scale\": {\"annual_revenue\": 1500}"),
            "tables[2].scale.annual_revenue", "power of ten");
    refused(with(m, "\"scale\": {\"annual_revenue\": 1000000}", "\"scale\": {\"revenue\": 10}"),
            "tables[2].scale.revenue", "no column");
    refused(with(m, "\"defaults\": {\"lost_reason\": \"other\"}",
                 "\"defaults\": {\"lost_reason\": \"other\"}, \"scale\": {\"stage\": 10}"),
            "tables[3].scale.stage", "only amounts and number attributes");
    refused(with(m, "\"product\": \"product\",", ""), "derive.products", "product column");
    refused(with(m, ", \"list_price\": \"sales_price\"", ""), "derive.amount", "list_price");
    refused(with(m, "\"most_deals\"", "\"newest\""), "derive.owner", "latest_deal, most_deals");
    refused(with(m, "\"expected_close_days\": 90", "\"expected_close_days\": 0"),
            "derive.expected_close_days", "");
    refused(with(m, "\"opened\": \"as_of\"", "\"opened\": \"today\""), "derive.opened", "as_of");
    refused(with(m, "\"relationship\": true", "\"relationship\": true, \"stage\": true"), "derive.stage",
            "stage");
    refused(with(m, "\"unknown_owners\": \"skip\"", "\"max_skipped_share\": 1.5"),
            "max_skipped_share", "0 to 1");
    refused(with(m, "\"unknown_owners\": \"skip\"", "\"after_as_of\": \"ignore\""), "after_as_of",
            "refuse, leave_out");
    refused(with(m, "\"team\": \"regional_office\"", "\"office\": \"regional_office\""),
            "tables[1].columns.office", "not a key of reps");
    // Without owners to derive, accounts need an owner column again.
    refused(with(m, "\"owner\": \"most_deals\",", ""), "tables[2].columns", "'owner'");
    // Only id and name may share a column.
    refused(with(m, "\"amount\": \"close_value\"", "\"amount\": \"close_value\", \"closed_on\": \"close_date\""),
            "tables[3].columns.expected_close", "mapped twice");
    // The plan's side is checked before any row too: last_purchase must be a date field.
    auto plan = kare::read_plan(example("base-plan.json"));
    auto mapping = kare::read_import_mapping(m);
    mapping.tables[2].scale["office_location"] = 10;
    mapping.tables[2].attributes["office_location"] = "office_location";
    try {
        kare::import_csv(plan, mapping, export_files(), export_day);
        BOOST_ERROR("scaled a text field");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == "tables[2].scale.office_location");
    }
}

BOOST_AUTO_TEST_CASE(too_many_skipped_rows_fail_the_import)
{
    auto mapping = kare::read_import_mapping(example("mapping.json"));
    const auto base = kare::read_plan(example("base-plan.json"));
    auto files = export_files();
    // Blank accounts on half the opportunities: past the 20% allowed.
    std::string& pipeline = files[0].text;
    std::size_t line = 0;
    for (std::size_t at = pipeline.find('\n'); at != std::string::npos; at = pipeline.find('\n', at + 1)) {
        if (++line % 2 != 0 || at + 1 >= pipeline.size())
            continue;
        // opportunity_id,sales_agent,product,account,...: empty the fourth field.
        std::size_t field = at + 1;
        for (int i = 0; i < 3; ++i)
            field = pipeline.find(',', field) + 1;
        pipeline.erase(field, pipeline.find(',', field) - field);
    }
    try {
        kare::import_csv(base, mapping, files, export_day);
        BOOST_ERROR("an import that skipped half its opportunities succeeded");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == errc::invalid_plan);
        BOOST_TEST(e.path() == "sales_pipeline.csv");
        const std::string what = e.what();
        BOOST_TEST(what.find("more than the mapping's max_skipped_share of 20%") != std::string::npos, what);
        BOOST_TEST(what.find("no account (") != std::string::npos, what);
    }
    mapping.max_skipped_share = 0.6;
    BOOST_TEST(kare::import_csv(base, mapping, files, export_day).report.skipped.size() > 10u);

    // A whole file skipped fails unless the share is 1.
    mapping.max_skipped_share = 0.99;
    std::vector<kare::csv_source> no_owner{
        {"accounts.csv", "account,sector,revenue,employees,office_location\nNova,retail,1,1,x\n"},
        {"sales_pipeline.csv", "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"}};
    BOOST_CHECK_THROW(kare::import_csv(base, mapping, no_owner, export_day), kare::error);
    mapping.max_skipped_share = 1.0;
    const auto r = kare::import_csv(base, mapping, no_owner, export_day);
    BOOST_TEST(r.report.skipped.at(0).reason == "no owner and no deal of the account names one");
}

BOOST_AUTO_TEST_CASE(deals_after_the_as_of_date_are_refused_or_left_out)
{
    auto mapping = kare::read_import_mapping(example("mapping.json"));
    const auto base = kare::read_plan(example("base-plan.json"));
    const kare::date earlier = *kare::date::parse("2017-12-01");
    try {
        kare::import_csv(base, mapping, export_files(), earlier);
        BOOST_ERROR("a deal after the as-of date was taken");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == errc::invalid_plan);
        BOOST_TEST(e.path().find("sales_pipeline.csv, row ") == 0u, e.path());
    }
    mapping.after_as_of = kare::after_as_of_policy::leave_out;
    const auto r = kare::import_csv(base, mapping, export_files(), earlier);
    BOOST_TEST(r.report.after_as_of > 0u);
    const auto& pipeline = file_of(r.report, "sales_pipeline.csv");
    BOOST_TEST(pipeline.skipped == 10u + r.report.after_as_of);
    for (const auto& d : r.plan.deals())
        BOOST_TEST((!(earlier < d.opened)), d.id);
}

BOOST_AUTO_TEST_CASE(a_derived_fact_never_overwrites_the_export)
{
    // The export says Domzoom is a client; its deals say prospect.
    auto mapping = kare::read_import_mapping(example("mapping.json"));
    mapping.tables[2].columns["relationship"] = "status";
    mapping.tables[2].values["relationship"] = {{"Customer", kare::mapped_value{"client", {}}},
                                                {"Lead", kare::mapped_value{"prospect", {}}}};
    auto files = export_files();
    std::string& accounts = files[1].text;
    std::string out = "account,sector,year_established,revenue,employees,office_location,subsidiary_of,status\n";
    std::size_t at = accounts.find('\n') + 1;
    while (at < accounts.size()) {
        const std::size_t end = accounts.find('\n', at);
        const std::string row = accounts.substr(at, end - at);
        out += row + (row.rfind("Domzoom", 0) == 0 || row.rfind("Acme", 0) == 0 ? ",Customer\n" : ",Lead\n");
        at = end + 1;
    }
    accounts = out;
    const auto r = kare::import_csv(kare::read_plan(example("base-plan.json")), mapping, files, export_day);
    BOOST_TEST(r.plan.find_account("Domzoom")->relationship == kare::relationship::client);
    BOOST_TEST(r.plan.find_account("Hottechi")->relationship == kare::relationship::prospect);
    std::size_t relationship_conflicts = 0;
    for (const auto& c : r.report.conflicts)
        if (c.fact == "relationship")
            ++relationship_conflicts;
    // Domzoom, and every client the column calls a lead, and the former clients.
    BOOST_TEST(relationship_conflicts == 10u);
    const auto domzoom = std::find_if(r.report.conflicts.begin(), r.report.conflicts.end(),
                                      [](const auto& c) { return c.account == "Domzoom"; });
    BOOST_REQUIRE(domzoom != r.report.conflicts.end());
    BOOST_TEST(domzoom->exported == "client");
    BOOST_TEST(domzoom->derived == "prospect");
    BOOST_TEST(r.report.derived.relationships == 0u);
}

BOOST_AUTO_TEST_CASE(evidence_comes_from_a_column_of_the_deals)
{
    kare::plan base;
    base.add_rep(kare::rep{"ana", "Ana", kare::rep_style::both});
    const auto mapping = kare::read_import_mapping(R"({
      "format": "kare-import-mapping", "version": 1,
      "tables": [{"kind": "deals",
        "columns": {"id": "Id", "account": "Account", "amount": "Amount", "stage": "Stage",
                    "opened": "Opened", "expected_close": "Close", "last_activity": "Last",
                    "evidence": "Qualified by"},
        "values": {"evidence": {"Pain": "pain", "Budget OK": "budget", "DM met": "decision_process",
                                "Gut feeling": null, "Hope": "hope"}}}]})");
    const kare::date on = *kare::date::parse("2026-11-23");
    const auto r = kare::import_csv(
        base, mapping,
        {{"deals.csv", "Id,Account,Amount,Stage,Opened,Close,Last,Qualified by\n"
                       "D1,A1,100,proposal,2026-10-01,2026-12-31,2026-11-20,Pain; Budget OK;DM met\n"
                       "D2,A1,100,proposal,2026-10-01,2026-12-31,,Gut feeling\n"}},
        on);
    const kare::deal* d1 = r.plan.find_deal("D1");
    BOOST_REQUIRE(d1->evidence.size() == 3u);
    BOOST_TEST(d1->evidence[1].type == "budget");
    BOOST_TEST(d1->evidence[1].on.to_string() == "2026-11-20");
    BOOST_TEST(d1->evidence[1].source == "CRM export");
    BOOST_TEST(r.plan.find_deal("D2")->evidence.empty());
    BOOST_TEST(r.report.derived.evidence_items == 3u);
    try {
        kare::import_csv(base, mapping,
                         {{"deals.csv", "Id,Account,Amount,Stage,Opened,Close,Last,Qualified by\n"
                                        "D1,A1,100,proposal,2026-10-01,2026-12-31,,Hope\n"}},
                         on);
        BOOST_ERROR("an unknown evidence type was taken");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == "deals.csv, row 2, column 8 (Qualified by)");
    }
}

BOOST_AUTO_TEST_CASE(an_account_already_in_the_plan_keeps_its_owner_without_deals)
{
    auto base = import_example().plan;
    kare::account nova;
    nova.id = "Nova";
    nova.name = "Nova";
    nova.owner = "moses-frase";
    base.add_account(nova);
    const auto mapping = kare::read_import_mapping(example("mapping.json"));
    const auto again = kare::import_csv(
        base, mapping,
        {{"accounts.csv", "account,sector,revenue,employees,office_location\nNova,retail,1,1,x\n"}},
        export_day);
    BOOST_TEST(file_of(again.report, "accounts.csv").updated == 1u);
    BOOST_TEST(again.report.derived.owners == 0u);
    BOOST_TEST(again.plan.find_account("Nova")->owner == "moses-frase");
    BOOST_TEST(again.plan.find_account("Nova")->relationship == kare::relationship::prospect);
}

BOOST_AUTO_TEST_CASE(dates_made_up_once_stay_on_a_later_import)
{
    const auto first = import_example();
    const kare::date later = *kare::date::parse("2018-01-31");
    const auto again = kare::import_csv(first.plan, kare::read_import_mapping(example("mapping.json")),
                                        export_files(), later);
    BOOST_TEST(again.report.derived.opened_on_as_of == 0u);
    BOOST_TEST(again.report.derived.expected_closes == 0u);
    BOOST_TEST(again.report.close_date_changes == 0u);
    for (const auto& d : first.plan.deals()) {
        const kare::deal* now = again.plan.find_deal(d.id);
        BOOST_REQUIRE(now);
        BOOST_TEST(now->opened.to_string() == d.opened.to_string(), d.id);
        BOOST_TEST(now->expected_close.to_string() == d.expected_close.to_string(), d.id);
    }
}

BOOST_AUTO_TEST_CASE(amounts_in_thousands_scale_exactly)
{
    kare::plan base;
    const auto mapping = kare::read_import_mapping(R"m({
      "format": "kare-import-mapping", "version": 1,
      "tables": [{"kind": "deals",
        "columns": {"id": "Id", "account": "Account", "amount": "Amount (k)", "stage": "Stage",
                    "opened": "Opened", "expected_close": "Close"},
        "scale": {"amount": 1000}}]})m");
    const std::string header = "Id,Account,Amount (k),Stage,Opened,Close\n";
    const auto r = kare::import_csv(base, mapping,
                                    {{"deals.csv", header + "D1,A1,12.5,proposal,2017-10-01,2018-01-31\n"
                                                            "D2,A1,0.0015,proposal,2017-10-01,2018-01-31\n"
                                                            "D3,A1,007,proposal,2017-10-01,2018-01-31\n"}},
                                    export_day);
    BOOST_TEST(r.plan.find_deal("D1")->amount.to_string() == "12500.00");
    BOOST_TEST(r.plan.find_deal("D2")->amount.to_string() == "1.50");
    BOOST_TEST(r.plan.find_deal("D3")->amount.to_string() == "7000.00");
    // Scaled past the currency's digits is still not an amount.
    BOOST_CHECK_THROW(kare::import_csv(base, mapping,
                                       {{"deals.csv", header + "D1,A1,0.000001,proposal,2017-10-01,2018-01-31\n"}},
                                       export_day),
                      kare::error);
}

BOOST_AUTO_TEST_CASE(a_product_that_looks_like_two_is_not_guessed)
{
    auto mapping = kare::read_import_mapping(example("mapping.json"));
    auto files = export_files();
    files[3].text += "GTX-Pro,GTX,4821\n"; // now "GTX Pro" could be either
    try {
        kare::import_csv(kare::read_plan(example("base-plan.json")), mapping, files, export_day);
        BOOST_ERROR("guessed between two products");
    } catch (const kare::error& e) {
        BOOST_TEST(std::string(e.what()).find("looks like two") != std::string::npos, e.what());
        BOOST_TEST(e.path().find("column 3 (product)") != std::string::npos, e.path());
    }
}

BOOST_AUTO_TEST_CASE(many_deal_findings_of_one_account_roll_up)
{
    auto p = import_example().plan;
    for (int i = 1; i <= 5; ++i) {
        kare::deal d;
        d.id = "H-" + std::to_string(i);
        d.account = "Funholding";
        d.amount = *kare::money::parse("10.00", 2);
        d.stage = "discovery";
        d.opened = *kare::date::parse("2017-12-20");
        d.expected_close = *kare::date::parse("2018-03-01");
        p.add_deal(d);
    }
    const auto count = [](const kare::report& r, const std::string& code, const std::string& subject) {
        return std::count_if(r.findings.begin(), r.findings.end(), [&](const kare::finding& f) {
            return f.code == code && f.subject_id.rfind(subject, 0) == 0;
        });
    };
    const kare::report r = kare::make_report(p, export_day, {});
    BOOST_TEST(count(r, "deal.hope", "H-") == 0);
    const auto rolled = std::find_if(r.findings.begin(), r.findings.end(), [](const kare::finding& f) {
        return f.code == "account.deal_findings" && f.subject_id == "Funholding";
    });
    BOOST_REQUIRE(rolled != r.findings.end());
    BOOST_TEST(rolled->message.find(" deals of 'Funholding' (Funholding) raise deal.hope: ") != std::string::npos,
               rolled->message);
    BOOST_TEST(rolled->message.find(" more.") != std::string::npos, rolled->message);
    BOOST_TEST((rolled->severity == kare::severity::info));
    const auto& deals = std::get<std::vector<std::string>>(rolled->figures.at(2).value);
    BOOST_TEST(rolled->figures.at(0).name == "code");
    BOOST_TEST(std::get<std::string>(rolled->figures.at(0).value) == "deal.hope");
    BOOST_TEST(std::count(deals.begin(), deals.end(), "H-3") == 1);
    BOOST_TEST(std::get<std::int64_t>(rolled->figures.at(1).value) ==
               static_cast<std::int64_t>(deals.size()));
    // A plan that wants every deal's finding switches the roll-up off.
    auto policy = p.review_policy();
    policy.disabled_checks = {"account.deal_findings"};
    p.set_review_policy(policy);
    const kare::report all = kare::make_report(p, export_day, {});
    BOOST_TEST(count(all, "deal.hope", "H-") == 5);
    BOOST_TEST(count(all, "account.deal_findings", "") == 0);
}

namespace {

const char* reps_mapping = R"({
  "format": "kare-import-mapping", "version": 1,
  "tables": [{"kind": "reps", "columns": {"id": "Agent", "name": "Agent", "style": "Kind"},
              "values": {"style": {"Hunter": "hunter", "Farmer": "farmer", "Closer": "closer"}}}]})";

} // namespace

BOOST_AUTO_TEST_CASE(a_rep_style_must_be_one_of_kares)
{
    kare::plan base;
    base.add_rep(kare::rep{"ana-ruiz", "Ana Ruiz", kare::rep_style::farmer});
    const auto mapping = kare::read_import_mapping(reps_mapping);
    const auto r = kare::import_csv(base, mapping,
                                    {{"team.csv", "Agent,Kind\nBo Lind,Hunter\nAna Ruiz,Hunter\n"}},
                                    export_day);
    BOOST_TEST((r.plan.find_rep("bo-lind")->style == kare::rep_style::hunter));
    // Already in the plan: left as it is, on purpose.
    BOOST_REQUIRE(r.report.skipped.size() == 1u);
    BOOST_TEST(r.report.skipped[0].reason == "the rep 'ana-ruiz' is already in the plan");
    BOOST_TEST(r.report.skipped[0].on_purpose);
    BOOST_TEST((r.plan.find_rep("ana-ruiz")->style == kare::rep_style::farmer));
    try {
        kare::import_csv(base, mapping, {{"team.csv", "Agent,Kind\nBo Lind,Closer\n"}}, export_day);
        BOOST_ERROR("a style kare does not know was taken");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == "team.csv, row 2, column 2 (Kind)");
        BOOST_TEST(std::string(e.what()).find("not a rep style") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(catalogue_names_match_tolerantly_or_not_at_all)
{
    auto mapping = kare::read_import_mapping(example("mapping.json"));
    mapping.tables[2].columns["products"] = "bought";
    auto files = export_files();
    files = {files[3], files[2], files[1]}; // products, reps, accounts
    files[2].text = "account,sector,revenue,employees,office_location,bought\n"
                    "Nova,retail,1,1,x,gtx pro; MG-Special\n";
    mapping.derive = {};
    mapping.tables[2].columns["owner"] = "office_location";
    mapping.tables[2].attributes.erase("office_location");
    mapping.unknown_owners = kare::unknown_owner_policy::add_rep;
    mapping.tables.pop_back(); // no deals table
    const auto base = kare::read_plan(example("base-plan.json"));
    const auto r = kare::import_csv(base, mapping, files, export_day);
    BOOST_TEST(r.plan.find_account("Nova")->products == (std::vector<std::string>{"GTXPro", "MG Special"}),
               boost::test_tools::per_element());
    BOOST_TEST(r.report.name_matches.size() == 2u);
    files[2].text = "account,sector,revenue,employees,office_location,bought\nNova,retail,1,1,x,GTX Ultra\n";
    try {
        kare::import_csv(base, mapping, files, export_day);
        BOOST_ERROR("an unknown product was taken");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == "accounts.csv, row 2, column 6 (bought)");
        BOOST_TEST(std::string(e.what()).find("'GTX Ultra' is not a product of the catalogue") == 0u,
                   e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
