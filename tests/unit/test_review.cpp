// The review checks: every code raised by an edit that should raise it, and
// not raised by a near miss; the figures they carry; switching checks off.
#include "review_fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

namespace bdata = boost::unit_test::data;
using namespace review_fixture;
using kare::category;
using kare::placement;
using kare::relationship;

namespace {

struct check_case {
    const char* name;
    const char* code;
    std::function<void(kare::plan&)> edit;
    std::set<std::string> raised_for;
};

std::ostream& operator<<(std::ostream& os, const check_case& c)
{
    return os << c.name;
}

void set_policy(kare::plan& p, const std::function<void(kare::review_policy&)>& edit)
{
    kare::review_policy policy = p.review_policy();
    edit(policy);
    p.set_review_policy(policy);
}

void add(kare::plan& p, const char* id, const char* owner, relationship rel, placement where)
{
    kare::account a = client(id, owner, rel, where);
    if (rel == relationship::client)
        a.products = {"core"};
    if (where.what() == placement::kind::fired)
        a.fire_action = "end_relationship";
    p.add_account(a);
}

void products_of(kare::plan& p, const char* id, std::vector<std::string> products)
{
    kare::account a = *p.find_account(id);
    a.products = std::move(products);
    p.replace_account(a);
}

void last_purchase(kare::plan& p, const char* id, const char* on)
{
    kare::account a = *p.find_account(id);
    a.attributes["last_purchase"] = day(on);
    p.replace_account(a);
}

const placement keep = placement::in(category::keep);
const placement expand = placement::in(category::expand);

// The new codes only: the classification, deal and effort codes have their own suites.
const std::vector<const char*> review_codes{
    "account.no_quarterly_review", "account.no_heat_map", "rep.focus_empty",
    "rep.focus_short", "rep.focus_overloaded", "rep.recapture_empty", "rep.style_mismatch",
    "move.attain_won", "move.client_lapsed", "move.recapture_won"};

const std::vector<check_case> cases{
    // Keep accounts need a quarterly review within the window.
    {"no review at all", "account.no_quarterly_review",
     [](auto& p) { p.remove_activity(0); }, {"K1"}},
    {"review older than the window", "account.no_quarterly_review",
     [](auto& p) {
         p.remove_activity(0);
         p.add_activity({day("2026-08-23"), "fred", "K1", "client_scorecard", {}, {}});
     },
     {"K1"}},
    {"review on the window's first day", "account.no_quarterly_review",
     [](auto& p) {
         p.remove_activity(0);
         p.add_activity({day("2026-08-24"), "fred", "K1", "client_scorecard", {}, {}});
     },
     {}},
    {"review after as-of does not count", "account.no_quarterly_review",
     [](auto& p) {
         p.remove_activity(0);
         p.add_activity({day("2026-11-24"), "fred", "K1", "client_scorecard", {}, {}});
         p.add_activity({day("2026-11-01"), "fred", "K1", "temperature_meeting", {}, {}});
     },
     {"K1"}},
    {"another activity is not a review", "account.no_quarterly_review",
     [](auto& p) {
         p.remove_activity(0);
         p.add_activity({day("2026-11-01"), "fred", "K1", "temperature_meeting", {}, {}});
     },
     {"K1"}},
    {"the policy names the review activity", "account.no_quarterly_review",
     [](auto& p) {
         p.remove_activity(0);
         p.add_activity({day("2026-11-01"), "fred", "K1", "temperature_meeting", {}, {}});
         set_policy(p, [](auto& r) { r.quarterly_review_activities = {"temperature_meeting"}; });
     },
     {}},
    {"only Keep accounts need one", "account.no_quarterly_review",
     [](auto& p) {
         p.remove_activity(0);
         p.move("K1", expand, day("2026-11-01"), "Growing.");
     },
     {}},
    // Expand accounts need a heat map.
    {"expand account without products", "account.no_heat_map",
     [](auto& p) { products_of(p, "E1", {}); }, {"E1"}},
    {"plan without a catalogue", "account.no_heat_map", [](auto& p) { p.set_products({}); },
     {"E1"}},
    {"keep account without products needs no heat map", "account.no_heat_map",
     [](auto& p) { products_of(p, "K1", {}); }, {}},
    // Focus lists.
    {"no expand account for a farmer", "rep.focus_empty",
     [](auto& p) { p.move("E1", keep, day("2026-11-01"), "Steady."); }, {"fred"}},
    {"a farmer without keep; a hunter without keep is fine", "rep.focus_empty",
     [](auto& p) { p.move("K1", expand, day("2026-11-01"), "Growing."); }, {"fred"}},
    {"blend: every rep works every quadrant", "rep.focus_empty",
     [](auto& p) { set_policy(p, [](auto& r) { r.rep_fit = kare::rep_fit_strategy::blend; }); },
     {"fred", "hana"}},
    {"empty recapture is not a focus finding", "rep.focus_empty",
     [](auto& p) { p.move("R1", placement::unassigned(), day("2026-11-01"), "Parked."); }, {}},
    {"below the focus minimum", "rep.focus_short",
     [](auto& p) {
         set_policy(p, [](auto& r) {
             r.focus_min = 2;
             r.focus_max = 3;
         });
     },
     {"fred", "hana"}},
    {"at the focus minimum", "rep.focus_short",
     [](auto& p) {
         add(p, "K2", "fred", relationship::client, keep);
         add(p, "E2", "fred", relationship::client, expand);
         add(p, "A2", "hana", relationship::prospect, placement::in(category::attain));
         set_policy(p, [](auto& r) {
             r.focus_min = 2;
             r.focus_max = 3;
         });
     },
     {}},
    {"named focus list above the maximum", "rep.focus_overloaded",
     [](auto& p) {
         add(p, "K2", "fred", relationship::client, keep);
         add(p, "K3", "fred", relationship::client, keep);
         for (const char* id : {"K1", "K2", "K3"}) {
             kare::account a = *p.find_account(id);
             a.focus = true;
             p.replace_account(a);
         }
     },
     {"fred"}},
    {"a large quadrant is not an overloaded focus list", "rep.focus_overloaded",
     [](auto& p) {
         add(p, "K2", "fred", relationship::client, keep);
         add(p, "K3", "fred", relationship::client, keep);
     },
     {}},
    // Recapture while former clients exist.
    {"former client left unassigned", "rep.recapture_empty",
     [](auto& p) {
         add(p, "F1", "fred", relationship::former_client, placement::unassigned());
     },
     {"fred"}},
    {"fired former client", "rep.recapture_empty",
     [](auto& p) { add(p, "F1", "fred", relationship::former_client, placement::fired()); }, {}},
    {"recapture held", "rep.recapture_empty",
     [](auto& p) {
         add(p, "F1", "hana", relationship::former_client, placement::unassigned());
     },
     {}},
    // Rep fit.
    {"hunter on keep under focus", "rep.style_mismatch",
     [](auto& p) { add(p, "K9", "hana", relationship::client, keep); }, {"hana"}},
    {"blend tolerates a minority", "rep.style_mismatch",
     [](auto& p) {
         add(p, "K9", "hana", relationship::client, keep);
         set_policy(p, [](auto& r) { r.rep_fit = kare::rep_fit_strategy::blend; });
     },
     {}},
    {"blend reports a majority", "rep.style_mismatch",
     [](auto& p) {
         add(p, "K8", "hana", relationship::client, keep);
         add(p, "K9", "hana", relationship::client, expand);
         add(p, "K7", "hana", relationship::client, keep);
         set_policy(p, [](auto& r) { r.rep_fit = kare::rep_fit_strategy::blend; });
     },
     {"hana"}},
    {"a rep who does both fits anywhere", "rep.style_mismatch",
     [](auto& p) {
         p.add_rep({"bea", "Bea", kare::rep_style::both});
         add(p, "K9", "bea", relationship::client, keep);
         add(p, "A9", "bea", relationship::prospect, placement::in(category::attain));
     },
     {}},
    // Suggested moves.
    {"won deal on attain", "move.attain_won",
     [](auto& p) {
         p.add_deal(closed_deal("W1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::won));
     },
     {"A1"}},
    {"lost deal on attain", "move.attain_won",
     [](auto& p) {
         p.add_deal(closed_deal("L1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::lost));
     },
     {}},
    {"won before entering attain", "move.attain_won",
     [](auto& p) {
         p.add_deal(closed_deal("W1", "A1", "2026-01-01", "2026-02-02", kare::deal_outcome::won));
         p.move("A1", placement::unassigned(), day("2026-03-01"), "Parked.");
         p.assign("A1", category::attain, day("2026-04-01"), "Back on the list.");
     },
     {}},
    {"no purchase for longer than the window", "move.client_lapsed",
     [](auto& p) { last_purchase(p, "K1", "2025-11-22"); }, {"K1"}},
    {"no purchase for exactly the window", "move.client_lapsed",
     [](auto& p) { last_purchase(p, "K1", "2025-11-23"); }, {}},
    {"a later won deal is a purchase", "move.client_lapsed",
     [](auto& p) {
         last_purchase(p, "K1", "2024-01-01");
         p.add_deal(closed_deal("W1", "K1", "2026-01-01", "2026-03-01", kare::deal_outcome::won));
     },
     {}},
    {"lapsed expand account", "move.client_lapsed",
     [](auto& p) {
         p.add_deal(closed_deal("W1", "E1", "2024-01-01", "2024-03-01", kare::deal_outcome::won));
     },
     {"E1"}},
    {"no purchase on record is no evidence", "move.client_lapsed",
     [](auto& p) {
         kare::account a = *p.find_account("K1");
         a.attributes.erase("last_purchase");
         p.replace_account(a);
     },
     {}},
    {"a shorter lapse window", "move.client_lapsed",
     [](auto& p) { set_policy(p, [](auto& r) { r.lapse_days = 30; }); }, {"K1"}},
    {"won back", "move.recapture_won",
     [](auto& p) {
         p.add_deal(closed_deal("W1", "R1", "2026-09-01", "2026-11-02", kare::deal_outcome::won));
     },
     {"R1"}},
    {"recapture deal still open", "move.recapture_won",
     [](auto& p) {
         kare::deal d = closed_deal("W1", "R1", "2026-09-01", "2026-12-02", kare::deal_outcome::open);
         d.closed_on.reset();
         p.add_deal(d);
     },
     {}},
};

} // namespace

BOOST_AUTO_TEST_SUITE(review)

BOOST_AUTO_TEST_CASE(the_fixture_raises_no_review_finding)
{
    const kare::plan p = base();
    const kare::report r = kare::make_report(p, as_of);
    for (const char* code : review_codes)
        BOOST_TEST(subjects(r.findings, code).empty(), code);
    BOOST_TEST(r.suggested_moves.empty());
}

BOOST_DATA_TEST_CASE(each_check_fires_exactly_where_it_should, bdata::make(cases), c)
{
    kare::plan p = base();
    c.edit(p);
    const kare::report r = kare::make_report(p, as_of);
    BOOST_TEST(subjects(r.findings, c.code) == c.raised_for, boost::test_tools::per_element());
    // review_findings is the same check on its own.
    BOOST_TEST(subjects(kare::review_findings(p, as_of), c.code) == c.raised_for,
               boost::test_tools::per_element());
    for (const auto& f : r.findings) {
        const kare::finding_code* entry = kare::find_finding_code(f.code);
        BOOST_REQUIRE(entry);
        BOOST_TEST(entry->severity == f.severity);
        BOOST_TEST(entry->subject == f.subject);
        BOOST_TEST(!f.message.empty());
    }
}

BOOST_AUTO_TEST_CASE(every_registered_code_is_covered_here_or_elsewhere)
{
    std::set<std::string> here;
    for (const auto& c : cases)
        if (!c.raised_for.empty())
            here.insert(c.code);
    for (const char* code : review_codes) {
        BOOST_TEST(here.count(code) == 1u, code);
        BOOST_TEST(kare::find_finding_code(code) != nullptr, code);
    }
}

BOOST_AUTO_TEST_CASE(quarterly_review_figures)
{
    kare::plan p = base();
    p.remove_activity(0);
    p.add_activity({day("2026-07-01"), "fred", "K1", "client_scorecard", {}, {}});
    const auto findings = kare::review_findings(p, as_of);
    const auto& f = finding_of(findings, "account.no_quarterly_review", "K1");
    BOOST_TEST(figure_of<std::string>(f, "last_review") == "2026-07-01");
    BOOST_TEST(figure_of<std::string>(f, "window_first") == "2026-08-24");
    BOOST_TEST(figure_of<std::int64_t>(f, "window_days") == 92);
    BOOST_TEST(f.message.find("the last one was on 2026-07-01") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_review_type_missing_from_the_cookbook_is_named)
{
    kare::plan p = base();
    p.remove_activity(0);
    kare::review_policy policy = p.review_policy();
    policy.quarterly_review_activities = {"qbr"};
    p.set_review_policy(policy);
    const auto findings = kare::review_findings(p, as_of);
    const auto& f = finding_of(findings, "account.no_quarterly_review", "K1");
    BOOST_TEST(f.message.find("The cookbook has no such activity type") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(heat_map_reason)
{
    kare::plan p = base();
    p.set_products({});
    const auto findings = kare::review_findings(p, as_of);
    BOOST_TEST(figure_of<std::string>(finding_of(findings, "account.no_heat_map", "E1"), "reason") ==
               "no_catalogue");
}

BOOST_AUTO_TEST_CASE(style_mismatch_lists_the_accounts)
{
    kare::plan p = base();
    add(p, "K9", "hana", relationship::client, keep);
    const auto findings = kare::review_findings(p, as_of);
    const auto& f = finding_of(findings, "rep.style_mismatch", "hana");
    BOOST_TEST(figure_of<std::vector<std::string>>(f, "accounts") == std::vector<std::string>{"K9"},
               boost::test_tools::per_element());
    BOOST_TEST(figure_of<std::int64_t>(f, "total") == 3);
    BOOST_TEST(figure_of<std::string>(f, "strategy") == "focus");
    // A reassignment, not more effort: to the farmer, whose style suits Keep.
    BOOST_TEST(figure_of<std::vector<std::string>>(f, "reassign_to") == std::vector<std::string>{"fred"},
               boost::test_tools::per_element());
    BOOST_TEST(f.message.find("they ask no effort of this rep: reassign them to 'Fred' (fred).") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_rep_review_covers_that_rep_only)
{
    kare::plan p = base();
    add(p, "K9", "hana", relationship::client, keep);        // hana: style mismatch
    p.move("E1", keep, day("2026-11-01"), "Steady.");         // fred: empty Expand
    const auto hana = kare::review_findings(p, as_of, "hana");
    BOOST_TEST(subjects(hana, "rep.style_mismatch") == std::set<std::string>{"hana"},
               boost::test_tools::per_element());
    BOOST_TEST(subjects(hana, "rep.focus_empty").empty());
    BOOST_CHECK_THROW(kare::review_findings(p, as_of, "nobody"), kare::error);
}

BOOST_AUTO_TEST_CASE(switched_off_checks_are_not_raised)
{
    kare::plan p = base();
    p.remove_activity(0);
    p.add_deal(closed_deal("W1", "A1", "2026-09-01", "2026-11-02", kare::deal_outcome::won));
    kare::review_policy policy = p.review_policy();
    policy.disabled_checks = {"move.attain_won", "account.no_quarterly_review"};
    p.set_review_policy(policy);
    const kare::report r = kare::make_report(p, as_of);
    BOOST_TEST(subjects(r.findings, "account.no_quarterly_review").empty());
    BOOST_TEST(subjects(r.findings, "move.attain_won").empty());
    BOOST_TEST(r.suggested_moves.empty());
    BOOST_TEST(kare::suggest_moves(p, as_of).empty());
    BOOST_TEST(subjects(kare::review_findings(p, as_of), "account.no_quarterly_review").empty());

    // Older checks are switchable the same way.
    kare::plan q = base();
    q.move("A1", placement::unassigned(), day("2026-11-01"), "Parked.");
    BOOST_TEST(subjects(kare::make_report(q, as_of).findings, "account.unassigned_by_decision") ==
                   std::set<std::string>{"A1"},
               boost::test_tools::per_element());
    policy = q.review_policy();
    policy.disabled_checks = {"account.unassigned_by_decision"};
    q.set_review_policy(policy);
    BOOST_TEST(subjects(kare::make_report(q, as_of).findings, "account.unassigned_by_decision").empty());
}

BOOST_AUTO_TEST_CASE(the_example_has_something_to_say)
{
    const kare::report r = kare::make_report(kare_test::example_plan(), day("2026-11-23"));
    BOOST_TEST(subjects(r.findings, "account.no_quarterly_review") ==
                   (std::set<std::string>{"CDR-003", "UMB-021", "VRT-022"}),
               boost::test_tools::per_element());
    BOOST_TEST(subjects(r.findings, "account.no_heat_map") ==
                   (std::set<std::string>{"GRN-007", "XEN-024"}),
               boost::test_tools::per_element());
    BOOST_TEST(subjects(r.findings, "rep.style_mismatch") == std::set<std::string>{"leo"},
               boost::test_tools::per_element());
    BOOST_TEST(subjects(r.findings, "move.attain_won") == std::set<std::string>{"YRW-025"},
               boost::test_tools::per_element());
    BOOST_TEST(subjects(r.findings, "move.client_lapsed") == std::set<std::string>{"CDR-003"},
               boost::test_tools::per_element());
    BOOST_TEST(subjects(r.findings, "rep.focus_short") == (std::set<std::string>{"leo", "maya"}),
               boost::test_tools::per_element());
    BOOST_TEST(r.suggested_moves.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
