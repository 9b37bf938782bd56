// What changed: the example against a copy changed in every way a diff
// reports, the example since a past date, and the comparisons refused.
#include "fixtures.hpp"

#include <kare/as_of.hpp>
#include <kare/error.hpp>
#include <kare/json.hpp>
#include <kare/plan.hpp>
#include <kare/plan_changes.hpp>
#include <kare/render.hpp>
#include <kare/report.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace {

using kare::category;
using kare::deal_outcome;
using kare::honesty_state;
using kare::placement;
using kare_test::day;

// The example as the leader saved it, changed on 2026-11-23 in every way a
// comparison reports.
kare::plan changed_example()
{
    kare::plan p = kare_test::example_plan();
    const kare::date on = day("2026-11-23");
    p.set_name("Harbor Analytics: FY2027 territory plan, revised");
    // An account added, and assigned.
    kare::account zinc = kare_test::decided_account("ZNC-027", "leo", kare::relationship::prospect,
                                                    placement());
    zinc.name = "Zinc Works";
    zinc.added = on;
    p.add_account(zinc);
    p.assign("ZNC-027", category::attain, on, "Named account for FY2028.");
    // An account removed (no activity is logged on it), one moved, one fired.
    p.remove_account("LMN-012");
    p.move("DLT-004", placement::in(category::expand), on, "Opened a second division.");
    p.fire("BRT-002", on, "Asked for half off at renewal.", "end_relationship");
    // A deal opened, two closed, one reopened, one removed, one declared dead.
    kare::deal d;
    d.id = "D-200";
    d.account = "ZNC-027";
    d.amount = *kare::money::parse("50000.00", 2);
    d.stage = "discovery";
    d.opened = on;
    d.expected_close = day("2027-03-31");
    p.add_deal(d);
    p.close_deal("D-101", deal_outcome::won, on);
    p.close_deal("D-102", deal_outcome::lost, on, "competitor");
    kare::deal lost = *p.find_deal("D-114");
    lost.outcome = deal_outcome::open;
    lost.closed_on.reset();
    lost.lost_reason.clear();
    p.replace_deal(lost);
    p.remove_deal("D-110");
    p.declare_deal_state("D-104", honesty_state::dead, on, "No answer since October.");
    // A target met: leo's weekly referral ask.
    p.add_activity({.on = on, .rep = "leo", .account = "PKR-016", .type = "referral_ask", .note = "", .id = {}});
    return p;
}

template <class List>
std::vector<std::string> ids(const List& list)
{
    std::vector<std::string> out;
    for (const auto& x : list)
        out.push_back(x.id);
    return out;
}

bool has_finding(const std::vector<kare::finding>& list, const std::string& code,
                 const std::string& subject)
{
    return std::any_of(list.begin(), list.end(), [&](const kare::finding& f) {
        return f.code == code && f.subject_id == subject;
    });
}

const kare::target_change* target_of(const kare::plan_changes& c, const std::string& rep,
                                     const std::string& activity)
{
    for (const auto& t : c.targets)
        if (t.rep == rep && t.goal.activity == activity)
            return &t;
    return nullptr;
}

bool refused(const std::function<void()>& call, kare::errc code, const std::string& path)
{
    try {
        call();
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == path);
        return e.code() == code && e.path() == path;
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(plan_changes)

BOOST_AUTO_TEST_CASE(every_kind_of_change_between_two_plans)
{
    const kare::plan before = kare_test::example_plan();
    const kare::plan after = changed_example();
    const kare::date on = day("2026-11-23");
    const kare::plan_changes c = kare::compare_plans(before, on, after, on);

    BOOST_TEST(c.plan_before == "Harbor Analytics: FY2027 territory plan");
    BOOST_TEST(c.plan_after == "Harbor Analytics: FY2027 territory plan, revised");
    BOOST_TEST(c.currency == "USD");
    BOOST_TEST(!c.empty());

    BOOST_TEST(ids(c.accounts_added) == std::vector<std::string>{"ZNC-027"});
    BOOST_TEST((c.accounts_added[0].where == placement::in(category::attain)));
    BOOST_TEST((c.accounts_added[0].added == on));
    BOOST_TEST(ids(c.accounts_removed) == std::vector<std::string>{"LMN-012"});
    BOOST_TEST((c.accounts_removed[0].where == placement::unassigned())); // matches no profile

    BOOST_TEST_REQUIRE(ids(c.accounts_moved) == std::vector<std::string>{"DLT-004"});
    const kare::account_move& delta = c.accounts_moved[0];
    BOOST_TEST((delta.from == placement::in(category::keep)));
    BOOST_TEST((delta.to == placement::in(category::expand)));
    BOOST_TEST_REQUIRE(delta.moves.size() == 1u);
    BOOST_TEST(delta.moves[0].reason == "Opened a second division.");
    BOOST_TEST((delta.moves[0].on == on));

    BOOST_TEST_REQUIRE(ids(c.accounts_fired) == std::vector<std::string>{"BRT-002"});
    BOOST_TEST((c.accounts_fired[0].from == placement::in(category::keep)));
    BOOST_TEST(c.accounts_fired[0].fire_action == "end_relationship");
    BOOST_TEST_REQUIRE(c.accounts_fired[0].moves.size() == 1u);
    BOOST_TEST(c.accounts_fired[0].moves[0].reason == "Asked for half off at renewal.");

    BOOST_TEST_REQUIRE(ids(c.deals_opened) == std::vector<std::string>{"D-200"});
    BOOST_TEST((c.deals_opened[0].state_after == honesty_state::unqualified));
    BOOST_TEST(c.deals_opened[0].rep == "leo");
    BOOST_TEST(c.deals_opened[0].amount.to_string() == "50000.00");

    BOOST_TEST_REQUIRE(ids(c.deals_closed) == (std::vector<std::string>{"D-101", "D-102"}));
    BOOST_TEST((c.deals_closed[0].outcome_after == deal_outcome::won));
    BOOST_TEST((c.deals_closed[0].state_before == honesty_state::qualified));
    BOOST_TEST((c.deals_closed[0].closed_on == on));
    BOOST_TEST((c.deals_closed[1].outcome_after == deal_outcome::lost));
    BOOST_TEST(c.deals_closed[1].lost_reason == "competitor");

    BOOST_TEST_REQUIRE(ids(c.deals_reopened) == std::vector<std::string>{"D-114"});
    BOOST_TEST((c.deals_reopened[0].outcome_before == deal_outcome::lost));
    BOOST_TEST((c.deals_reopened[0].outcome_after == deal_outcome::open));
    BOOST_TEST(c.deals_reopened[0].state_after.has_value());

    BOOST_TEST_REQUIRE(ids(c.deals_removed) == std::vector<std::string>{"D-110"});
    BOOST_TEST((c.deals_removed[0].state_before == honesty_state::dead));

    BOOST_TEST_REQUIRE(ids(c.deals_changed_state) == std::vector<std::string>{"D-104"});
    BOOST_TEST((c.deals_changed_state[0].state_before == honesty_state::stalled));
    BOOST_TEST((c.deals_changed_state[0].state_after == honesty_state::dead));

    // Then: 12 open deals, 1,241,000.00, of which D-101, D-102 and D-103 are
    // qualified (445,000.00). Now: D-101 and D-102 closed, D-110 removed,
    // D-200 (50,000.00) and D-114 (70,000.00) open: 11 deals, 1,136,000.00;
    // honest D-103 alone, 240,000.00; bloat 896,000 / 1,136,000 = 78.9%.
    BOOST_TEST(c.pipeline_before.open_deals == 12u);
    BOOST_TEST(c.pipeline_before.total.to_string() == "1241000.00");
    BOOST_TEST(c.pipeline_before.honest_total.to_string() == "445000.00");
    BOOST_TEST(c.pipeline_after.open_deals == 11u);
    BOOST_TEST(c.pipeline_after.total.to_string() == "1136000.00");
    BOOST_TEST(c.pipeline_after.honest_total.to_string() == "240000.00");
    BOOST_TEST(c.pipeline_after.hope_total.to_string() == "896000.00");
    BOOST_TEST(c.pipeline_after.bloat_ratio()->to_decimal(3) == "0.789");

    // Leo's weekly referral ask: none in week 48 then, one now.
    const kare::target_change* referral = target_of(c, "leo", "referral_ask");
    BOOST_TEST_REQUIRE(referral != nullptr);
    BOOST_TEST_REQUIRE(referral->before.has_value());
    BOOST_TEST_REQUIRE(referral->after.has_value());
    BOOST_TEST(referral->before->done == 0);
    BOOST_TEST(referral->after->done == 1);
    BOOST_TEST(!kare::keeps_pace(*referral->before));
    BOOST_TEST(kare::keeps_pace(*referral->after));

    BOOST_TEST(has_finding(c.findings_appeared, "deal.dead", "D-104"));
    BOOST_TEST(has_finding(c.findings_cleared, "deal.stalled", "D-104"));
    BOOST_TEST(has_finding(c.findings_cleared, "deal.dead", "D-110"));
    BOOST_TEST(!has_finding(c.findings_appeared, "deal.slipping", "D-109"));
    BOOST_TEST(!has_finding(c.findings_cleared, "deal.slipping", "D-109"));
}

BOOST_AUTO_TEST_CASE(a_plan_against_itself_has_not_changed)
{
    const kare::plan p = kare_test::example_plan();
    const kare::plan_changes c = kare::compare_plans(p, day("2026-11-23"), p, day("2026-11-23"));
    BOOST_TEST(c.empty());
    BOOST_TEST(c.targets.size() == 12u);
}

BOOST_AUTO_TEST_CASE(the_example_since_the_end_of_august)
{
    const kare::plan p = kare_test::example_plan();
    const kare::plan_changes c = kare::changes_since(p, day("2026-08-31"), day("2026-11-23"));
    BOOST_TEST(ids(c.accounts_added) == (std::vector<std::string>{"NVA-014", "OPL-015", "YRW-025"}));
    BOOST_TEST(c.accounts_removed.empty());
    BOOST_TEST(c.accounts_moved.empty());
    // Ironwood Mills was fired on 2026-09-15; Juniper Schools' move (07-01) is older.
    BOOST_TEST_REQUIRE(ids(c.accounts_fired) == std::vector<std::string>{"IRN-009"});
    BOOST_TEST_REQUIRE(c.accounts_fired[0].moves.size() == 1u);
    BOOST_TEST((c.accounts_fired[0].moves[0].on == day("2026-09-15")));
    BOOST_TEST(c.accounts_fired[0].fire_action == "end_relationship");
    // Seven deals opened since, D-115 opened and won in between.
    BOOST_TEST(ids(c.deals_opened) == (std::vector<std::string>{"D-101", "D-103", "D-106", "D-107",
                                                                "D-108", "D-112", "D-115"}));
    BOOST_TEST((c.deals_opened.back().outcome_after == deal_outcome::won));
    BOOST_TEST(c.deals_closed.empty());
    BOOST_TEST(ids(c.deals_changed_state) ==
               (std::vector<std::string>{"D-102", "D-104", "D-111"}));
    // Then: D-102, D-104, D-105, D-109, D-110 and D-111 were open, 312,000.00,
    // D-104 the only qualified one (60,000.00).
    BOOST_TEST(c.pipeline_before.open_deals == 6u);
    BOOST_TEST(c.pipeline_before.total.to_string() == "312000.00");
    BOOST_TEST(c.pipeline_before.honest_total.to_string() == "60000.00");
    BOOST_TEST(c.pipeline_after.total.to_string() == "1241000.00");
    BOOST_TEST(has_finding(c.findings_cleared, "account.fire_suggested", "IRN-009"));
    BOOST_TEST(has_finding(c.findings_appeared, "deal.on_fired_account", "D-111"));
}

BOOST_AUTO_TEST_CASE(the_changes_document)
{
    const kare::plan p = kare_test::example_plan();
    const auto doc = boost::json::parse(
        kare::write_changes(kare::compare_plans(p, day("2026-11-23"), changed_example(),
                                                day("2026-11-23"))));
    BOOST_TEST(doc.at("format").as_string() == "kare-diff");
    BOOST_TEST(doc.at("version").as_int64() == 1);
    BOOST_TEST(doc.at("unchanged").as_bool() == false);
    BOOST_TEST(doc.at("after").at("as_of").as_string() == "2026-11-23");
    const auto& fired = doc.at("accounts").at("fired").as_array();
    BOOST_TEST_REQUIRE(fired.size() == 1u);
    BOOST_TEST(fired[0].at("fire_action").as_string() == "end_relationship");
    BOOST_TEST(fired[0].at("moves").as_array()[0].at("date").as_string() == "2026-11-23");
    const auto& changed = doc.at("deals").at("changed_state").as_array();
    BOOST_TEST(changed[0].at("state_before").as_string() == "stalled");
    BOOST_TEST(changed[0].at("state_after").as_string() == "dead");
    BOOST_TEST(doc.at("pipeline").at("after").at("honest_total").as_string() == "240000.00");
    BOOST_TEST(doc.at("findings").at("appeared").as_array().size() > 0u);
}

BOOST_AUTO_TEST_CASE(different_plans_are_refused_by_the_later_side)
{
    const kare::plan before = kare_test::example_plan();
    const kare::date on = day("2026-11-23");
    kare::plan euros = before;
    euros.set_currency("EUR");
    BOOST_TEST(refused([&] { kare::compare_plans(before, on, euros, on); },
                       kare::errc::invalid_argument, "after.settings.currency"));
    kare::plan calendar_year = before;
    calendar_year.set_fiscal_year_start_month(1);
    BOOST_TEST(refused([&] { kare::compare_plans(before, on, calendar_year, on); },
                       kare::errc::invalid_argument, "after.settings.fiscal_year_start_month"));
    kare::plan other;
    other.set_fiscal_year_start_month(2);
    other.add_rep({.id = "ana", .name = "Ana", .style = kare::rep_style::both, .manager = {}, .team = {}});
    other.add_account(kare_test::decided_account("OTHER-1", "ana", kare::relationship::client,
                                                 placement::in(category::keep)));
    BOOST_TEST(refused([&] { kare::compare_plans(before, on, other, on, {.before_name = "old.json",
                                                                        .after_name = "new.json"}); },
                       kare::errc::invalid_argument, "new.json.accounts"));
}

BOOST_AUTO_TEST_CASE(dates_out_of_range_are_refused_by_name)
{
    const kare::plan p = kare_test::example_plan();
    const std::string document = kare::write_plan(p);
    BOOST_TEST(refused([&] { kare::changes_since(p, day("2026-11-24"), day("2026-11-23")); },
                       kare::errc::invalid_argument, "since"));
    BOOST_TEST(refused([&] { kare::changes_since(p, day("2025-01-01"), day("2026-11-23")); },
                       kare::errc::invalid_argument, "since"));
    BOOST_TEST(refused([&] { kare::compare_plans(p, day("2026-11-24"), p, day("2026-11-23")); },
                       kare::errc::invalid_argument, "before.as_of"));
    BOOST_TEST(refused([&] { kare::compare_plans(p, day("2025-01-01"), p, day("2026-11-23")); },
                       kare::errc::invalid_argument, "before.as_of"));
    // Nothing is written to a plan.
    BOOST_TEST(kare::write_plan(p) == document);
}

BOOST_AUTO_TEST_CASE(the_last_fact_of_the_example)
{
    const kare::plan p = kare_test::example_plan();
    BOOST_TEST_REQUIRE(kare::last_fact(p).has_value());
    BOOST_TEST(kare::last_fact(p)->to_string() == "2026-11-23");
    BOOST_TEST(!kare::last_fact(kare::plan()).has_value());
}

BOOST_AUTO_TEST_CASE(the_review_page_shows_what_changed_by_its_bit)
{
    const kare::plan p = kare_test::example_plan();
    const kare::date on = day("2026-11-23");
    const kare::report r = kare::make_report(p, on);
    const kare::map_view view = kare::make_map_view(p, r);
    const kare::plan_changes c = kare::changes_since(p, day("2026-08-31"), on);
    const std::string section = "<section id=\"changes\">";

    kare::html_options options;
    options.sections = kare::html_section::with_changes;
    const std::string page = kare::render_html(view, r, options, c);
    BOOST_TEST(page.find(section) != std::string::npos);
    BOOST_TEST(page.find("Ironwood Mills</td><td>maya</td><td>Keep</td><td>fired</td>") !=
               std::string::npos);
    // After the scoreboard, before the progress.
    BOOST_TEST(page.find(section) > page.find("<h2>Scoreboard</h2>"));
    BOOST_TEST(page.find(section) < page.find("<h2>Cookbook progress"));

    // `all` keeps its value and its page: no changes section without the bit.
    BOOST_TEST(kare::html_section::all == 4095u);
    options.sections = kare::html_section::all;
    BOOST_TEST(kare::render_html(view, r, options, c) == kare::render_html(view, r, options));
    options.sections = kare::html_section::changes;
    const std::string alone = kare::render_html(view, r, options, c);
    BOOST_TEST(alone.find(section) != std::string::npos);
    BOOST_TEST(alone.find("<h2>Scoreboard</h2>") == std::string::npos);

    // Nothing changed: the section says so.
    options.sections = kare::html_section::with_changes;
    const std::string same = kare::render_html(view, r, options, kare::changes_since(p, on, on));
    BOOST_TEST(same.find("<p>Nothing changed.</p>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
