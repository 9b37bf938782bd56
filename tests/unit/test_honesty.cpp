#include "deal_fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <vector>

namespace bdata = boost::unit_test::data;
using namespace kare_test;
using kare::honesty_cause;
using kare::honesty_state;

namespace {

using setup_fn = void (*)(kare::deal&, kare::honesty_policy&);

struct transition {
    const char* name;
    setup_fn setup; ///< Changes the qualified deal and the default policy.
    const char* as_of;
    std::optional<honesty_state> state;
    honesty_cause cause;
    int days_idle = -1;        ///< Checked when not -1.
    int days_unqualified = -1; ///< Checked when not -1.
    const char* died_on = nullptr;
    bool distorting = false;
    bool explained = false;
    bool slipping = false;
    bool declared_unsupported = false;
};

std::ostream& operator<<(std::ostream& os, const transition& t)
{
    return os << t.name;
}

void none(kare::deal&, kare::honesty_policy&) {}

void in_year(kare::deal& d, int year, std::string_view last_activity)
{
    const std::string y = std::to_string(year);
    d.opened = day(y + "-01-01");
    d.evidence = {{"pain", day(y + "-01-01"), "call"},
                  {"budget", day(y + "-01-01"), "email"},
                  {"decision_process", day(y + "-01-01"), "meeting"}};
    d.last_activity = day(y + "-" + std::string(last_activity));
    d.expected_close = day(y + "-12-31");
}

// Moves the close date n times later (a month at a time) to the deal's
// 06-30, after pulling it in once when asked.
void pushes(kare::deal& d, int n, bool with_pull_in)
{
    const char* months[] = {"2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"};
    std::vector<kare::date> dates;
    if (with_pull_in)
        dates.push_back(day("2026-05-15"));
    for (int i = 3 - n; i < 4; ++i)
        dates.push_back(day(months[i]));
    for (std::size_t i = 1; i < dates.size(); ++i)
        d.close_date_history.push_back(
            {day("2026-01-06").plus_days(static_cast<std::int32_t>(i)), dates[i - 1], dates[i], "moved"});
}

std::vector<transition> transitions()
{
    using hs = honesty_state;
    using hc = honesty_cause;
    return {
        // Inactivity: a limit of N days is reached on the N-th day.
        {"qualified the day before the stall limit", none, "2026-01-23", hs::qualified, hc::qualified, 13},
        {"stalled on exactly the stall limit", none, "2026-01-24", hs::stalled, hc::no_activity, 14},
        {"stalled the day before the dead limit", none, "2026-03-10", hs::stalled, hc::no_activity, 59},
        {"dead on exactly the dead limit", none, "2026-03-11", hs::dead, hc::no_activity, 60, -1, "2026-03-11"},
        {"evidence counts as a touch",
         [](kare::deal& d, kare::honesty_policy&) { d.evidence.push_back({"budget", day("2026-01-20"), "PO"}); },
         "2026-02-02", hs::qualified, hc::qualified, 13},
        {"no activity on record counts from the last evidence",
         [](kare::deal& d, kare::honesty_policy&) { d.last_activity.reset(); },
         "2026-01-19", hs::stalled, hc::no_activity, 14},

        // The expected close date.
        {"a close date equal to as-of has not passed",
         [](kare::deal& d, kare::honesty_policy&) { d.expected_close = day("2026-01-20"); },
         "2026-01-20", hs::qualified, hc::qualified},
        {"a passed close date stalls",
         [](kare::deal& d, kare::honesty_policy&) { d.expected_close = day("2026-01-20"); },
         "2026-01-21", hs::stalled, hc::close_date_passed},
        {"a passed close date does not stall when the policy says so",
         [](kare::deal& d, kare::honesty_policy& p) {
             d.expected_close = day("2026-01-20");
             p.rules.close_date_passed_stalls = false;
         },
         "2026-01-21", hs::qualified, hc::qualified},
        {"a stage override applies to the deal's stage",
         [](kare::deal& d, kare::honesty_policy& p) {
             d.expected_close = day("2026-01-20");
             p.stage_overrides["proposal"].close_date_passed_stalls = false;
             p.stage_overrides["commit"].stall_after_days = 2;
         },
         "2026-01-21", hs::qualified, hc::qualified},
        {"a stage override shortens the stall limit",
         [](kare::deal&, kare::honesty_policy& p) { p.stage_overrides["proposal"].stall_after_days = 7; },
         "2026-01-17", hs::stalled, hc::no_activity, 7},

        // Evidence and the unqualified clock.
        {"missing evidence is unqualified",
         [](kare::deal& d, kare::honesty_policy&) { drop_evidence(d, "budget"); },
         "2026-01-20", hs::unqualified, hc::evidence_missing, 10, 19},
        {"unqualified on day 29 is not yet distorting",
         [](kare::deal& d, kare::honesty_policy&) { drop_evidence(d, "budget"); d.last_activity = day("2026-01-29"); },
         "2026-01-30", hs::unqualified, hc::evidence_missing, 1, 29},
        {"unqualified on exactly day 30 distorts",
         [](kare::deal& d, kare::honesty_policy&) { drop_evidence(d, "budget"); d.last_activity = day("2026-01-29"); },
         "2026-01-31", hs::unqualified, hc::unqualified_too_long, 2, 30, nullptr, true},
        {"unqualified on day 89 still distorts",
         [](kare::deal& d, kare::honesty_policy&) { drop_evidence(d, "budget"); d.last_activity = day("2026-03-30"); },
         "2026-03-31", hs::unqualified, hc::unqualified_too_long, 1, 89, nullptr, true},
        {"unqualified on exactly day 90 is dead",
         [](kare::deal& d, kare::honesty_policy&) { drop_evidence(d, "budget"); d.last_activity = day("2026-03-30"); },
         "2026-04-01", hs::dead, hc::unqualified_too_long, 2, 90, "2026-04-01"},
        {"an unqualified deal also dies of inactivity",
         [](kare::deal& d, kare::honesty_policy&) { drop_evidence(d, "budget"); d.last_activity.reset(); },
         "2026-03-06", hs::dead, hc::no_activity, 60, 64, "2026-03-06"},
        {"no required evidence: every moving deal is qualified",
         [](kare::deal& d, kare::honesty_policy& p) { d.evidence.clear(); p.rules.required_evidence.clear(); },
         "2026-01-20", hs::qualified, hc::qualified},
        {"a revival restarts the unqualified clock",
         [](kare::deal& d, kare::honesty_policy&) {
             drop_evidence(d, "budget");
             d.evidence.push_back({"pain", day("2026-04-05"), "new sponsor"});
             d.revived = kare::revival{day("2026-04-01"), day("2026-04-10"), "new sponsor"};
         },
         "2026-04-20", hs::unqualified, hc::evidence_missing, 10, 10},

        // Declared stalls.
        {"stalled, explained, before the resume date; it does not rot",
         [](kare::deal& d, kare::honesty_policy&) { d.stall = kare::stall_note{"champion on leave", day("2026-01-15"), day("2026-06-01")}; },
         "2026-05-31", hs::stalled, hc::stall_explained, 141, -1, nullptr, false, true},
        {"on the resume date the clock restarts",
         [](kare::deal& d, kare::honesty_policy&) { d.stall = kare::stall_note{"champion on leave", day("2026-01-15"), day("2026-03-01")}; },
         "2026-03-01", hs::qualified, hc::qualified, 0},
        {"stalled again N days after the resume date",
         [](kare::deal& d, kare::honesty_policy&) { d.stall = kare::stall_note{"champion on leave", day("2026-01-15"), day("2026-03-01")}; },
         "2026-03-15", hs::stalled, hc::no_activity, 14},
        {"dead N days after the resume date without activity",
         [](kare::deal& d, kare::honesty_policy&) { d.stall = kare::stall_note{"champion on leave", day("2026-01-15"), day("2026-03-01")}; },
         "2026-04-30", hs::dead, hc::no_activity, 60, -1, "2026-04-30"},
        {"an explanation does not qualify an unqualified deal",
         [](kare::deal& d, kare::honesty_policy&) {
             drop_evidence(d, "budget");
             d.stall = kare::stall_note{"champion on leave", day("2026-01-15"), day("2026-06-01")};
         },
         "2026-02-20", hs::unqualified, hc::unqualified_too_long, 41, 50, nullptr, true},

        // States set by hand.
        {"declared dead is dead from its date",
         [](kare::deal& d, kare::honesty_policy&) { d.declared = kare::state_declaration{hs::dead, day("2026-01-15"), "cancelled"}; },
         "2026-01-20", hs::dead, hc::declared, -1, -1, "2026-01-15"},
        {"a pessimistic declaration takes effect",
         [](kare::deal& d, kare::honesty_policy&) { d.declared = kare::state_declaration{hs::unqualified, day("2026-01-15"), "budget doubtful"}; },
         "2026-01-20", hs::unqualified, hc::declared},
        {"declared stalled on a qualified deal",
         [](kare::deal& d, kare::honesty_policy&) { d.declared = kare::state_declaration{hs::stalled, day("2026-01-15"), "waiting"}; },
         "2026-01-20", hs::stalled, hc::declared},
        {"declared stalled does not save a dead deal",
         [](kare::deal& d, kare::honesty_policy&) { d.declared = kare::state_declaration{hs::stalled, day("2026-01-15"), "waiting"}; },
         "2026-03-11", hs::dead, hc::no_activity, 60, -1, "2026-03-11"},
        {"declared qualified never beats the clock",
         [](kare::deal& d, kare::honesty_policy&) { d.declared = kare::state_declaration{hs::qualified, day("2026-01-06"), "all there"}; },
         "2026-01-24", hs::stalled, hc::no_activity},
        {"declared qualified without evidence counts as unqualified (flag policy)",
         [](kare::deal& d, kare::honesty_policy& p) {
             p.declared_qualified = kare::declared_check::flag;
             drop_evidence(d, "budget");
             d.declared = kare::state_declaration{hs::qualified, day("2026-01-06"), "trust me"};
         },
         "2026-01-20", hs::unqualified, hc::evidence_missing, -1, -1, nullptr, false, false, false, true},

        // Close-date history.
        {"two pushes are not slipping",
         [](kare::deal& d, kare::honesty_policy&) { pushes(d, 2, false); },
         "2026-01-20", hs::qualified, hc::qualified},
        {"three pushes slip and stall by default",
         [](kare::deal& d, kare::honesty_policy&) { pushes(d, 3, false); },
         "2026-01-20", hs::stalled, hc::slipping, -1, -1, nullptr, false, false, true},
        {"three pushes only slip when the policy says false",
         [](kare::deal& d, kare::honesty_policy& p) { pushes(d, 3, false); p.rules.slipping_stalls = false; },
         "2026-01-20", hs::qualified, hc::qualified, -1, -1, nullptr, false, false, true},
        {"a pull-in is not a push",
         [](kare::deal& d, kare::honesty_policy&) { pushes(d, 2, true); },
         "2026-01-20", hs::qualified, hc::qualified},
        {"slipping stalls when the policy says so",
         [](kare::deal& d, kare::honesty_policy& p) { pushes(d, 3, false); p.rules.slipping_stalls = true; },
         "2026-01-20", hs::stalled, hc::slipping, -1, -1, nullptr, false, false, true},

        // Outcome is its own axis.
        {"won leaves the pipeline",
         [](kare::deal& d, kare::honesty_policy&) { d.outcome = kare::deal_outcome::won; d.closed_on = day("2026-01-12"); },
         "2026-03-31", std::nullopt, hc::won},
        {"lost leaves the pipeline",
         [](kare::deal& d, kare::honesty_policy&) {
             d.outcome = kare::deal_outcome::lost;
             d.closed_on = day("2026-01-12");
             d.lost_reason = "competitor";
         },
         "2026-03-31", std::nullopt, hc::lost},

        // Business days: 2026-01-09 is a Friday.
        {"business days: qualified on the 13th business day",
         [](kare::deal& d, kare::honesty_policy& p) { d.last_activity = day("2026-01-09"); p.exclude_weekends = true; },
         "2026-01-28", hs::qualified, hc::qualified, 13},
        {"business days: stalled on the 14th business day",
         [](kare::deal& d, kare::honesty_policy& p) { d.last_activity = day("2026-01-09"); p.exclude_weekends = true; },
         "2026-01-29", hs::stalled, hc::no_activity, 14},
        {"a holiday moves the stall a day",
         [](kare::deal& d, kare::honesty_policy& p) {
             d.last_activity = day("2026-01-09");
             p.exclude_weekends = true;
             p.holidays = {day("2026-01-19")};
         },
         "2026-01-29", hs::qualified, hc::qualified, 13},
        {"after the holiday it stalls",
         [](kare::deal& d, kare::honesty_policy& p) {
             d.last_activity = day("2026-01-09");
             p.exclude_weekends = true;
             p.holidays = {day("2026-01-19")};
         },
         "2026-01-30", hs::stalled, hc::no_activity, 14},
        {"business days: dead on the 60th business day",
         [](kare::deal& d, kare::honesty_policy& p) { d.last_activity = day("2026-01-09"); p.exclude_weekends = true; },
         "2026-04-03", hs::dead, hc::no_activity, 60, -1, "2026-04-03"},

        // Leap years.
        {"leap year: 14 days after 02-15 is 02-29",
         [](kare::deal& d, kare::honesty_policy&) { in_year(d, 2024, "02-15"); },
         "2024-02-29", hs::stalled, hc::no_activity, 14},
        {"leap year: 02-28 is day 13",
         [](kare::deal& d, kare::honesty_policy&) { in_year(d, 2024, "02-15"); },
         "2024-02-28", hs::qualified, hc::qualified, 13},
        {"common year: 14 days after 02-15 is 03-01",
         [](kare::deal& d, kare::honesty_policy&) { in_year(d, 2023, "02-15"); },
         "2023-03-01", hs::stalled, hc::no_activity, 14},
        {"common year: 02-28 is day 13",
         [](kare::deal& d, kare::honesty_policy&) { in_year(d, 2023, "02-15"); },
         "2023-02-28", hs::qualified, hc::qualified, 13},
        {"leap year: dead 60 days after 01-01 is 03-01",
         [](kare::deal& d, kare::honesty_policy&) { in_year(d, 2024, "01-01"); },
         "2024-03-01", hs::dead, hc::no_activity, 60, -1, "2024-03-01"},
        {"common year: 03-01 is day 59",
         [](kare::deal& d, kare::honesty_policy&) { in_year(d, 2023, "01-01"); },
         "2023-03-01", hs::stalled, hc::no_activity, 59},
        {"common year: dead 60 days after 01-01 is 03-02",
         [](kare::deal& d, kare::honesty_policy&) { in_year(d, 2023, "01-01"); },
         "2023-03-02", hs::dead, hc::no_activity, 60, -1, "2023-03-02"},
    };
}

} // namespace

BOOST_AUTO_TEST_SUITE(honesty)

BOOST_DATA_TEST_CASE(every_transition_and_boundary, bdata::make(transitions()), tc)
{
    kare::deal d = qualified_deal();
    kare::honesty_policy policy;
    tc.setup(d, policy);
    BOOST_REQUIRE_NO_THROW(kare::validate(policy));
    const auto a = kare::assess(d, policy, day(tc.as_of));
    BOOST_TEST_INFO(a.reason);
    BOOST_TEST((a.state == tc.state));
    BOOST_TEST(kare::to_string(a.cause) == kare::to_string(tc.cause));
    if (tc.days_idle >= 0)
        BOOST_TEST(a.days_idle == tc.days_idle);
    if (tc.days_unqualified >= 0)
        BOOST_TEST(a.days_unqualified == tc.days_unqualified);
    BOOST_TEST((a.died_on ? a.died_on->to_string() : std::string("-")) ==
               (tc.died_on ? std::string(tc.died_on) : std::string("-")));
    BOOST_TEST(a.distorting == tc.distorting);
    BOOST_TEST(a.explained == tc.explained);
    BOOST_TEST(a.slipping == tc.slipping);
    BOOST_TEST(a.declared_unsupported == tc.declared_unsupported);
    BOOST_TEST(!a.reason.empty());
}

BOOST_AUTO_TEST_CASE(the_reason_is_in_words)
{
    kare::deal d = qualified_deal();
    drop_evidence(d, "budget");
    drop_evidence(d, "pain");
    const auto a = kare::assess(d, kare::honesty_policy{}, day("2026-01-20"));
    BOOST_TEST(a.reason == "unqualified: missing pain and budget");
    BOOST_TEST((a.missing_evidence == std::vector<std::string>{"pain", "budget"}));

    const auto stalled = kare::assess(qualified_deal(), kare::honesty_policy{}, day("2026-01-24"));
    BOOST_TEST(stalled.reason == "stalled: no activity for 14 days (the limit is 14)");

    kare::honesty_policy business;
    business.exclude_weekends = true;
    kare::deal friday = qualified_deal();
    friday.last_activity = day("2026-01-09");
    BOOST_TEST(kare::assess(friday, business, day("2026-01-12")).reason ==
               "qualified: pain, budget and decision_process on record, last touched 1 business "
               "day ago");
}

BOOST_AUTO_TEST_CASE(an_expansion_deal_needs_the_evidence_of_a_new_sale)
{
    // Nothing in the policy relaxes evidence by category: only stages can.
    kare::deal expansion = qualified_deal();
    expansion.account = "initech";
    drop_evidence(expansion, "decision_process");
    const auto a = kare::assess(expansion, kare::honesty_policy{}, day("2026-01-20"));
    BOOST_TEST((a.state == honesty_state::unqualified));
    BOOST_TEST((a.missing_evidence == std::vector<std::string>{"decision_process"}));
}

struct future_case {
    const char* name;
    setup_fn setup;
    const char* member;
};

std::ostream& operator<<(std::ostream& os, const future_case& c)
{
    return os << c.name;
}

BOOST_DATA_TEST_CASE(
    facts_dated_after_as_of_are_refused_with_their_path,
    bdata::make(std::vector<future_case>{
        {"opening", [](kare::deal& d, kare::honesty_policy&) { d.opened = day("2026-02-01"); }, "opened"},
        {"activity", [](kare::deal& d, kare::honesty_policy&) { d.last_activity = day("2026-02-01"); }, "last_activity"},
        {"evidence", [](kare::deal& d, kare::honesty_policy&) { d.evidence[2].on = day("2026-02-01"); }, "evidence[2].date"},
        {"close", [](kare::deal& d, kare::honesty_policy&) {
             d.outcome = kare::deal_outcome::won;
             d.closed_on = day("2026-02-01");
         }, "closed_on"},
        {"close-date change", [](kare::deal& d, kare::honesty_policy&) {
             d.close_date_history.push_back({day("2026-02-01"), day("2026-05-31"), d.expected_close, ""});
         }, "close_date_history[0].date"},
        {"stall", [](kare::deal& d, kare::honesty_policy&) {
             d.stall = kare::stall_note{"leave", day("2026-02-01"), day("2026-03-01")};
         }, "stall.declared_on"},
        {"declaration", [](kare::deal& d, kare::honesty_policy&) {
             d.declared = kare::state_declaration{honesty_state::dead, day("2026-02-01"), "x"};
         }, "declared_state.date"},
        {"revival", [](kare::deal& d, kare::honesty_policy&) {
             d.revived = kare::revival{day("2026-01-20"), day("2026-02-01"), "x"};
         }, "revival.date"},
    }),
    c)
{
    kare::deal d = qualified_deal();
    kare::honesty_policy policy;
    c.setup(d, policy);
    const kare::date as_of = day("2026-01-31");
    try {
        kare::assess(d, policy, as_of, "deals[4]");
        BOOST_FAIL("no error");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == "deals[4]." + std::string(c.member));
        BOOST_TEST((e.code() == kare::errc::invalid_plan));
    }
    try {
        kare::assess(d, policy, as_of);
        BOOST_FAIL("no error");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == c.member);
    }
    // A fact dated exactly on the as-of date is fine.
    BOOST_CHECK_NO_THROW(kare::assess(d, policy, day("2026-02-01")));
}

BOOST_DATA_TEST_CASE(add_days_inverts_the_day_count,
                     bdata::make(std::vector<int>{1, 2, 5, 13, 14, 60, 90, 365, 1000}) *
                         bdata::make(std::vector<bool>{false, true}),
                     n, weekends)
{
    const kare::holiday_calendar cal({day("2024-02-29"), day("2024-12-25"), day("2025-01-01")},
                                     weekends);
    for (const char* from : {"2024-02-23", "2024-02-24", "2024-12-20", "2025-06-01"}) {
        const kare::date start = day(from);
        const kare::date reached = kare::add_days(cal, start, n);
        BOOST_TEST(cal.days_between(start, reached) == n);
        BOOST_TEST(cal.days_between(start, reached.plus_days(-1)) < n);
    }
    BOOST_TEST((kare::add_days(cal, day("2024-01-01"), 0) == day("2024-01-01")));
}

struct policy_case {
    const char* name;
    void (*setup)(kare::honesty_policy&);
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const policy_case& c)
{
    return os << c.name;
}

BOOST_DATA_TEST_CASE(
    a_bad_policy_names_the_member,
    bdata::make(std::vector<policy_case>{
        {"no stages", [](kare::honesty_policy& p) { p.stages.clear(); }, "honesty.stages"},
        {"repeated stage", [](kare::honesty_policy& p) { p.stages.push_back("proposal"); }, "honesty.stages[5]"},
        {"empty evidence type", [](kare::honesty_policy& p) { p.evidence_types.push_back(""); }, "honesty.evidence_types[3]"},
        {"no lost reasons", [](kare::honesty_policy& p) { p.lost_reasons.clear(); }, "honesty.lost_reasons"},
        {"unknown required evidence", [](kare::honesty_policy& p) { p.rules.required_evidence = {"pain", "authority"}; }, "honesty.policy.required_evidence[1]"},
        {"stall after 0 days", [](kare::honesty_policy& p) { p.rules.stall_after_days = 0; }, "honesty.policy.stall_after_days"},
        {"dead before stalled", [](kare::honesty_policy& p) { p.rules.dead_after_days = 14; }, "honesty.policy.dead_after_days"},
        {"unqualified dead before flagged", [](kare::honesty_policy& p) { p.rules.unqualified_dead_after_days = 30; }, "honesty.policy.unqualified_dead_after_days"},
        {"a century and a day", [](kare::honesty_policy& p) { p.rules.unqualified_dead_after_days = 36501; }, "honesty.policy.unqualified_dead_after_days"},
        {"no pushes", [](kare::honesty_policy& p) { p.rules.slipping_after_pushes = 0; }, "honesty.policy.slipping_after_pushes"},
        {"unknown renewal evidence", [](kare::honesty_policy& p) { p.renewal_evidence = {"renewal"}; }, "honesty.policy.renewal_evidence[0]"},
        {"holidays out of order", [](kare::honesty_policy& p) { p.holidays = {day("2026-12-25"), day("2026-01-01")}; }, "honesty.policy.holidays[1]"},
        {"repeated holiday", [](kare::honesty_policy& p) { p.holidays = {day("2026-12-25"), day("2026-12-25")}; }, "honesty.policy.holidays[1]"},
        {"override of an unknown stage", [](kare::honesty_policy& p) { p.stage_overrides["closing"].stall_after_days = 3; }, "honesty.stage_overrides.closing"},
        {"override breaking the inherited limits", [](kare::honesty_policy& p) { p.stage_overrides["proposal"].stall_after_days = 60; }, "honesty.stage_overrides.proposal.dead_after_days"},
        {"override with unknown evidence", [](kare::honesty_policy& p) { p.stage_overrides["commit"].required_evidence = std::vector<std::string>{"signature"}; }, "honesty.stage_overrides.commit.required_evidence[0]"},
    }),
    c)
{
    kare::honesty_policy policy;
    BOOST_REQUIRE_NO_THROW(kare::validate(policy));
    c.setup(policy);
    try {
        kare::validate(policy);
        BOOST_FAIL("no error");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == c.path);
        BOOST_TEST((e.code() == kare::errc::invalid_plan));
    }
}

BOOST_AUTO_TEST_CASE(names_of_states_outcomes_and_causes)
{
    for (auto s : {honesty_state::dead, honesty_state::unqualified, honesty_state::stalled,
                   honesty_state::qualified})
        BOOST_TEST((kare::honesty_state_from_string(kare::to_string(s)) == s));
    for (auto o : {kare::deal_outcome::open, kare::deal_outcome::won, kare::deal_outcome::lost})
        BOOST_TEST((kare::deal_outcome_from_string(kare::to_string(o)) == o));
    BOOST_TEST(!kare::honesty_state_from_string("hopeful").has_value());
    BOOST_TEST(kare::to_string(honesty_cause::stall_explained) == "stall_explained");
    BOOST_TEST(kare::to_string(honesty_cause::declared) == "declared");
    BOOST_TEST((kare::declared_check_from_string("flag") == kare::declared_check::flag));
    // The state order is the order of optimism.
    BOOST_TEST((honesty_state::dead < honesty_state::unqualified));
    BOOST_TEST((honesty_state::stalled < honesty_state::qualified));
}

BOOST_AUTO_TEST_SUITE_END()
