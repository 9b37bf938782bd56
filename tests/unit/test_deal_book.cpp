#include "deal_fixtures.hpp"

#include <boost/json.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <vector>

namespace bdata = boost::unit_test::data;
namespace json = boost::json;
using namespace kare_test;
using kare::errc;
using kare::honesty_state;

namespace {

// Fixture deals by position: d1 [0] qualified, d2 [1] missing budget, d3 [2]
// stalled, d4 [3] no evidence, d7 [6] unknown account, d8 [7] declared
// dead, d9 [8] won, d10 [9] lost, d11 [10] stall, d12 [11] close-date history.
json::object& deal_at(json::object& root, std::size_t i)
{
    return root["deals"].as_array()[i].as_object();
}

json::object& honesty_of(json::object& root)
{
    if (!root.contains("honesty"))
        root["honesty"] = json::object();
    return root["honesty"].as_object();
}

json::object& policy_of(json::object& root)
{
    auto& h = honesty_of(root);
    if (!h.contains("policy"))
        h["policy"] = json::object();
    return h["policy"].as_object();
}

struct document_case {
    const char* name;
    void (*patch)(json::object&);
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const document_case& c)
{
    return os << c.name;
}

std::vector<document_case> bad_documents()
{
    return {
        {"negative amount", [](json::object& r) { deal_at(r, 0)["amount"] = "-1.00"; }, errc::invalid_plan, "deals[0].amount"},
        {"amount as a JSON integer", [](json::object& r) { deal_at(r, 0)["amount"] = 100000; }, errc::invalid_plan, "deals[0].amount"},
        {"amount as a JSON float", [](json::object& r) { deal_at(r, 0)["amount"] = 1000.5; }, errc::invalid_plan, "deals[0].amount"},
        {"amount finer than the currency", [](json::object& r) { deal_at(r, 0)["amount"] = "1000.005"; }, errc::invalid_plan, "deals[0].amount"},
        {"amount in words", [](json::object& r) { deal_at(r, 0)["amount"] = "a lot"; }, errc::invalid_plan, "deals[0].amount"},
        {"amount missing", [](json::object& r) { deal_at(r, 0).erase("amount"); }, errc::invalid_plan, "deals[0].amount"},
        {"yen with cents", [](json::object& r) { r["settings"].as_object()["currency"] = "JPY"; }, errc::invalid_plan, "deals[0].amount"},
        {"close before open", [](json::object& r) { deal_at(r, 0)["expected_close"] = "2026-01-31"; }, errc::invalid_plan, "deals[0].expected_close"},
        {"activity before open", [](json::object& r) { deal_at(r, 0)["last_activity"] = "2026-01-31"; }, errc::invalid_plan, "deals[0].last_activity"},
        {"not a date", [](json::object& r) { deal_at(r, 0)["opened"] = "2026-02-30"; }, errc::invalid_plan, "deals[0].opened"},
        {"unknown stage", [](json::object& r) { deal_at(r, 0)["stage"] = "closing"; }, errc::invalid_plan, "deals[0].stage"},
        {"unknown evidence type", [](json::object& r) {
             deal_at(r, 0)["evidence"].as_array()[1].as_object()["type"] = "authority";
         }, errc::invalid_plan, "deals[0].evidence[1].type"},
        {"evidence without a source", [](json::object& r) {
             deal_at(r, 0)["evidence"].as_array()[0].as_object()["source"] = "";
         }, errc::invalid_plan, "deals[0].evidence[0].source"},
        {"duplicate deal id", [](json::object& r) { deal_at(r, 1)["id"] = "d1"; }, errc::conflict, "deals[1].id"},
        {"empty deal id", [](json::object& r) { deal_at(r, 1)["id"] = ""; }, errc::invalid_plan, "deals[1].id"},
        {"unknown owner", [](json::object& r) { deal_at(r, 6)["owner"] = "zed"; }, errc::invalid_plan, "deals[6].owner"},
        {"unknown key", [](json::object& r) { deal_at(r, 0)["colour"] = "green"; }, errc::invalid_plan, "deals[0].colour"},
        {"next step as a number", [](json::object& r) { deal_at(r, 0)["next_step"] = 3; }, errc::invalid_plan, "deals[0].next_step"},
        {"next step with a terminal escape", [](json::object& r) { deal_at(r, 0)["next_step"] = "Call\x1b[2J"; }, errc::invalid_plan, "deals[0].next_step"},
        {"next step with a line break", [](json::object& r) { deal_at(r, 0)["next_step"] = "Call\nback"; }, errc::invalid_plan, "deals[0].next_step"},
        {"next step reordering text", [](json::object& r) { deal_at(r, 0)["next_step"] = "Call \u202eback"; }, errc::invalid_plan, "deals[0].next_step"},
        {"unknown outcome", [](json::object& r) { deal_at(r, 0)["outcome"] = "pending"; }, errc::invalid_plan, "deals[0].outcome"},
        {"open deal with a close date", [](json::object& r) { deal_at(r, 0)["closed_on"] = "2026-03-01"; }, errc::invalid_plan, "deals[0].closed_on"},
        {"won deal without a close date", [](json::object& r) { deal_at(r, 8).erase("closed_on"); }, errc::invalid_plan, "deals[8].closed_on"},
        {"unknown lost reason", [](json::object& r) { deal_at(r, 9)["lost_reason"] = "weather"; }, errc::invalid_plan, "deals[9].lost_reason"},
        {"lost without a reason", [](json::object& r) { deal_at(r, 9).erase("lost_reason"); }, errc::invalid_plan, "deals[9].lost_reason"},
        {"won with a lost reason", [](json::object& r) { deal_at(r, 8)["lost_reason"] = "price"; }, errc::invalid_plan, "deals[8].lost_reason"},
        {"close-date history that does not chain", [](json::object& r) {
             deal_at(r, 11)["close_date_history"].as_array()[1].as_object()["from"] = "2026-03-02";
         }, errc::invalid_plan, "deals[11].close_date_history[1].from"},
        {"close-date change before the opening", [](json::object& r) {
             deal_at(r, 11)["close_date_history"].as_array()[0].as_object()["to"] = "2026-01-01";
         }, errc::invalid_plan, "deals[11].close_date_history[0].to"},
        {"close-date changes out of order", [](json::object& r) {
             deal_at(r, 11)["close_date_history"].as_array()[2].as_object()["date"] = "2026-02-01";
         }, errc::invalid_plan, "deals[11].close_date_history[2].date"},
        {"expected close not the last change", [](json::object& r) { deal_at(r, 11)["expected_close"] = "2026-05-01"; }, errc::invalid_plan, "deals[11].expected_close"},
        {"qualified by hand without evidence", [](json::object& r) {
             deal_at(r, 1)["declared_state"] = json::object{{"state", "qualified"}, {"date", "2026-03-25"}, {"reason", "sure"}};
         }, errc::invalid_plan, "deals[1].declared_state.state"},
        {"unknown declared state", [](json::object& r) {
             deal_at(r, 7)["declared_state"].as_object()["state"] = "hopeful";
         }, errc::invalid_plan, "deals[7].declared_state.state"},
        {"revival without evidence after the death", [](json::object& r) {
             deal_at(r, 7).erase("declared_state");
             deal_at(r, 7)["revival"] = json::object{{"died_on", "2026-03-20"}, {"date", "2026-03-25"}, {"reason", "back"}};
         }, errc::invalid_plan, "deals[7].revival"},
        {"resume before the stall", [](json::object& r) {
             deal_at(r, 10)["stall"].as_object()["resume_on"] = "2026-02-01";
         }, errc::invalid_plan, "deals[10].stall.resume_on"},
        {"stall without a reason", [](json::object& r) {
             deal_at(r, 10)["stall"].as_object().erase("reason");
         }, errc::invalid_plan, "deals[10].stall.reason"},
        {"deals not a list", [](json::object& r) { r["deals"] = json::object(); }, errc::invalid_plan, "deals"},
        {"unknown honesty key", [](json::object& r) { honesty_of(r)["colour"] = 1; }, errc::invalid_plan, "honesty.colour"},
        {"unknown policy key", [](json::object& r) { policy_of(r)["stall_days"] = 3; }, errc::invalid_plan, "honesty.policy.stall_days"},
        {"required evidence not declared", [](json::object& r) {
             policy_of(r)["required_evidence"] = json::array{"pain", "authority"};
         }, errc::invalid_plan, "honesty.policy.required_evidence[1]"},
        {"dead before stalled", [](json::object& r) { policy_of(r)["dead_after_days"] = 10; }, errc::invalid_plan, "honesty.policy.dead_after_days"},
        {"days as a float", [](json::object& r) { policy_of(r)["stall_after_days"] = 14.5; }, errc::invalid_plan, "honesty.policy.stall_after_days"},
        {"unknown declared check", [](json::object& r) {
             policy_of(r)["declared_qualified_without_evidence"] = "maybe";
         }, errc::invalid_plan, "honesty.policy.declared_qualified_without_evidence"},
        {"holiday not a date", [](json::object& r) { policy_of(r)["holidays"] = json::array{"Christmas"}; }, errc::invalid_plan, "honesty.policy.holidays[0]"},
        {"override of an unknown stage", [](json::object& r) {
             honesty_of(r)["stage_overrides"] = json::object{{"closing", json::object{{"stall_after_days", 3}}}};
         }, errc::invalid_plan, "honesty.stage_overrides.closing"},
        {"override with an unknown key", [](json::object& r) {
             honesty_of(r)["stage_overrides"] = json::object{{"proposal", json::object{{"renewal_evidence", json::array{}}}}};
         }, errc::invalid_plan, "honesty.stage_overrides.proposal.renewal_evidence"},
        {"a stage in use removed", [](json::object& r) {
             honesty_of(r)["stages"] = json::array{"prospecting", "discovery", "proposal", "commit"};
         }, errc::invalid_plan, "deals[2].stage"},
    };
}

struct refusal {
    const char* name;
    void (*act)(kare::plan&);
    errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const refusal& c)
{
    return os << c.name;
}

kare::deal new_deal()
{
    kare::deal d = qualified_deal();
    d.id = "d13";
    return d;
}

std::vector<refusal> refusals()
{
    return {
        {"add a duplicate id", [](kare::plan& p) { auto d = new_deal(); d.id = "d1"; p.add_deal(d); }, errc::conflict, "deals[12].id"},
        {"add a negative amount", [](kare::plan& p) { auto d = new_deal(); d.amount = usd("-0.01"); p.add_deal(d); }, errc::invalid_plan, "deals[12].amount"},
        {"add an amount in other digits", [](kare::plan& p) { auto d = new_deal(); d.amount = kare::money::from_minor(5, 0); p.add_deal(d); }, errc::invalid_plan, "deals[12].amount"},
        {"add a close before the opening", [](kare::plan& p) { auto d = new_deal(); d.expected_close = day("2025-12-31"); p.add_deal(d); }, errc::invalid_plan, "deals[12].expected_close"},
        {"add an unknown stage", [](kare::plan& p) { auto d = new_deal(); d.stage = "closing"; p.add_deal(d); }, errc::invalid_plan, "deals[12].stage"},
        {"add an unknown owner", [](kare::plan& p) { auto d = new_deal(); d.owner = "zed"; p.add_deal(d); }, errc::invalid_plan, "deals[12].owner"},
        {"add a next step with a control character", [](kare::plan& p) { auto d = new_deal(); d.next_step = "Call\x07"; p.add_deal(d); }, errc::invalid_plan, "deals[12].next_step"},
        {"add evidence from the future", [](kare::plan& p) { p.add_evidence("d2", {"budget", day("2026-04-01"), "CFO"}, fixture_as_of()); }, errc::invalid_plan, "deals[1].evidence[2].date"},
        {"add an unknown evidence type", [](kare::plan& p) { p.add_evidence("d2", {"authority", day("2026-03-30"), "CFO"}, fixture_as_of()); }, errc::invalid_plan, "deals[1].evidence[2].type"},
        {"add evidence to an unknown deal", [](kare::plan& p) { p.add_evidence("d99", {"budget", day("2026-03-30"), "CFO"}, fixture_as_of()); }, errc::not_found, ""},
        {"call a deal qualified without evidence", [](kare::plan& p) { p.declare_deal_state("d2", honesty_state::qualified, day("2026-03-30"), "sure"); }, errc::conflict, "deals[1].declared_state.state"},
        {"revive a dead deal without new evidence", [](kare::plan& p) { p.declare_deal_state("d8", honesty_state::unqualified, day("2026-03-30"), "back"); }, errc::conflict, "deals[7].declared_state.state"},
        {"clear a death without new evidence", [](kare::plan& p) { p.clear_deal_state("d8", day("2026-03-30"), "back"); }, errc::conflict, "deals[7].declared_state"},
        {"declare a state without a reason", [](kare::plan& p) { p.declare_deal_state("d1", honesty_state::dead, day("2026-03-30"), ""); }, errc::invalid_argument, ""},
        {"declare a state on a won deal", [](kare::plan& p) { p.declare_deal_state("d9", honesty_state::dead, day("2026-03-30"), "x"); }, errc::conflict, ""},
        {"declare a state before the last one", [](kare::plan& p) { p.declare_deal_state("d8", honesty_state::dead, day("2026-03-10"), "x"); }, errc::conflict, "deals[7].declared_state.date"},
        {"declare a state before the opening", [](kare::plan& p) { p.declare_deal_state("d1", honesty_state::dead, day("2026-01-10"), "x"); }, errc::invalid_plan, "deals[0].declared_state.date"},
        {"clear a state never declared", [](kare::plan& p) { p.clear_deal_state("d1", day("2026-03-30"), "x"); }, errc::conflict, ""},
        {"move the close before the opening", [](kare::plan& p) { p.change_close_date("d1", day("2026-01-01"), day("2026-03-30"), "x"); }, errc::invalid_plan, "deals[0].close_date_history[0].to"},
        {"move the close to the same date", [](kare::plan& p) { p.change_close_date("d1", day("2026-04-30"), day("2026-03-30"), "x"); }, errc::conflict, ""},
        {"move the close earlier than the last change", [](kare::plan& p) { p.change_close_date("d12", day("2026-05-20"), day("2026-03-01"), "x"); }, errc::invalid_plan, "deals[11].close_date_history[4].date"},
        {"close as lost for an unknown reason", [](kare::plan& p) { p.close_deal("d1", kare::deal_outcome::lost, day("2026-03-30"), "weather"); }, errc::invalid_plan, "deals[0].lost_reason"},
        {"close as lost without a reason", [](kare::plan& p) { p.close_deal("d1", kare::deal_outcome::lost, day("2026-03-30")); }, errc::invalid_plan, "deals[0].lost_reason"},
        {"close as open", [](kare::plan& p) { p.close_deal("d1", kare::deal_outcome::open, day("2026-03-30")); }, errc::invalid_argument, ""},
        {"close a closed deal", [](kare::plan& p) { p.close_deal("d9", kare::deal_outcome::won, day("2026-03-30")); }, errc::conflict, ""},
        {"close before the opening", [](kare::plan& p) { p.close_deal("d1", kare::deal_outcome::won, day("2026-01-30")); }, errc::invalid_plan, "deals[0].closed_on"},
        {"record activity on a closed deal", [](kare::plan& p) { p.record_activity("d10", day("2026-03-30")); }, errc::conflict, ""},
        {"record activity before the opening", [](kare::plan& p) { p.record_activity("d1", day("2026-01-30")); }, errc::invalid_plan, "deals[0].last_activity"},
        {"a stall resuming before it starts", [](kare::plan& p) { p.declare_stall("d1", {"leave", day("2026-03-30"), day("2026-03-30")}); }, errc::invalid_plan, "deals[0].stall.resume_on"},
        {"a stall without a reason", [](kare::plan& p) { p.declare_stall("d1", {"", day("2026-03-30"), day("2026-04-30")}); }, errc::invalid_plan, "deals[0].stall.reason"},
        {"clear a stall never declared", [](kare::plan& p) { p.clear_stall("d1"); }, errc::conflict, ""},
        {"a policy without a stage in use", [](kare::plan& p) {
             auto policy = p.honesty();
             policy.stages = {"prospecting", "discovery", "proposal", "commit"};
             p.set_honesty(policy);
         }, errc::invalid_plan, "deals[2].stage"},
        {"a policy without an evidence type in use", [](kare::plan& p) {
             auto policy = p.honesty();
             policy.evidence_types = policy.rules.required_evidence = policy.renewal_evidence = {"budget", "decision_process"};
             p.set_honesty(policy);
         }, errc::invalid_plan, "deals[0].evidence[0].type"},
        {"an inconsistent policy", [](kare::plan& p) {
             auto policy = p.honesty();
             policy.rules.stall_after_days = 90;
             p.set_honesty(policy);
         }, errc::invalid_plan, "honesty.policy.dead_after_days"},
        {"remove an unknown deal", [](kare::plan& p) { p.remove_deal("d99"); }, errc::not_found, ""},
        {"replace an unknown deal", [](kare::plan& p) { p.replace_deal(new_deal()); }, errc::not_found, ""},
        {"replace with a lost reason on an open deal", [](kare::plan& p) {
             auto d = *p.find_deal("d1");
             d.lost_reason = "price";
             p.replace_deal(d);
         }, errc::invalid_plan, "deals[0].lost_reason"},
    };
}

} // namespace

BOOST_AUTO_TEST_SUITE(deal_book)

BOOST_AUTO_TEST_CASE(the_fixture_reads_and_round_trips)
{
    const kare::plan p = fixture_plan();
    BOOST_TEST(p.deals().size() == 12U);
    BOOST_TEST(p.find_deal("d12")->close_date_history.size() == 4U);
    BOOST_TEST(p.find_deal("d7")->account == "ghost"); // unknown accounts are tolerated
    const std::string once = kare::write_plan(p);
    BOOST_TEST(kare::write_plan(kare::read_plan(once)) == once);
}

BOOST_AUTO_TEST_CASE(the_next_step_is_optional_and_round_trips)
{
    json::value doc = json::parse(fixture_text());
    deal_at(doc.as_object(), 1)["next_step"] = "Demo to the CFO on Friday";
    const kare::plan p = kare::read_plan(json::serialize(doc));
    BOOST_TEST(p.find_deal("d2")->next_step == "Demo to the CFO on Friday");
    BOOST_TEST(p.find_deal("d1")->next_step.empty());
    const std::string once = kare::write_plan(p);
    BOOST_TEST(kare::write_plan(kare::read_plan(once)) == once);
    // Written after the lost reason, and only when there is one.
    const json::value written = json::parse(once);
    BOOST_TEST(written.at("deals").at(1).at("next_step") == "Demo to the CFO on Friday");
    BOOST_TEST(!written.at("deals").at(0).as_object().contains("next_step"));
    // An empty step is no step.
    deal_at(doc.as_object(), 1)["next_step"] = "";
    BOOST_TEST(kare::write_plan(kare::read_plan(json::serialize(doc))) == kare::write_plan(fixture_plan()));
}

BOOST_DATA_TEST_CASE(a_bad_document_names_the_place, bdata::make(bad_documents()), c)
{
    json::value doc = json::parse(fixture_text());
    c.patch(doc.as_object());
    kare::error_info err;
    const auto p = kare::read_plan(json::serialize(doc), err);
    BOOST_TEST(!p.has_value());
    BOOST_TEST(kare::to_string(err.code) == kare::to_string(c.code));
    BOOST_TEST(err.path == c.path);
    BOOST_TEST_INFO(err.message);
    BOOST_TEST(!err.message.empty());
}

BOOST_DATA_TEST_CASE(a_refused_change_leaves_the_plan_as_it_was, bdata::make(refusals()), c)
{
    kare::plan p = fixture_plan();
    const std::string before = kare::write_plan(p);
    try {
        c.act(p);
        BOOST_FAIL("no error");
    } catch (const kare::error& e) {
        BOOST_TEST_INFO(e.what());
        BOOST_TEST(kare::to_string(e.code()) == kare::to_string(c.code));
        BOOST_TEST(e.path() == c.path);
    }
    BOOST_TEST(kare::write_plan(p) == before);
}

BOOST_AUTO_TEST_CASE(limits_bound_the_deal_lists)
{
    kare::read_limits limits;
    limits.max_deal_items = 2;
    try {
        kare::read_plan(fixture_text(), limits);
        BOOST_FAIL("no error");
    } catch (const kare::error& e) {
        BOOST_TEST((e.code() == errc::limit_exceeded));
        BOOST_TEST(e.path() == "deals[0].evidence");
    }
    limits = {};
    limits.max_deals = 11;
    BOOST_CHECK_THROW(kare::read_plan(fixture_text(), limits), kare::error);
}

BOOST_AUTO_TEST_CASE(absent_honesty_means_the_default_policy)
{
    const kare::plan p = kare::read_plan(R"({"format": "kare-plan", "version": 1})");
    BOOST_TEST((p.honesty() == kare::honesty_policy{}));
    BOOST_TEST(p.deals().empty());

    // An organisation naming its evidence requires all of it by default.
    const kare::plan own = kare::read_plan(
        R"({"format": "kare-plan", "version": 1,
            "honesty": {"evidence_types": ["pain", "authority"]}})");
    BOOST_TEST((own.honesty().rules.required_evidence == std::vector<std::string>{"pain", "authority"}));
    BOOST_TEST((own.honesty().renewal_evidence == std::vector<std::string>{"pain", "authority"}));
}

BOOST_AUTO_TEST_CASE(a_full_policy_round_trips)
{
    kare::plan p = fixture_plan();
    auto policy = p.honesty();
    policy.declared_qualified = kare::declared_check::flag;
    policy.exclude_weekends = true;
    policy.holidays = {day("2026-01-01"), day("2026-12-25")};
    policy.renewal_evidence = {"budget"};
    policy.stage_overrides["commit"].stall_after_days = 7;
    policy.stage_overrides["commit"].required_evidence = std::vector<std::string>{"budget"};
    policy.stage_overrides["discovery"].close_date_passed_stalls = false;
    policy.stage_overrides["discovery"].slipping_after_pushes = 5;
    policy.stage_overrides["discovery"].slipping_stalls = true;
    p.set_honesty(policy);
    const std::string once = kare::write_plan(p);
    const kare::plan again = kare::read_plan(once);
    BOOST_TEST((again.honesty() == policy));
    BOOST_TEST(kare::write_plan(again) == once);
    BOOST_TEST((again.deals() == p.deals()));
}

BOOST_AUTO_TEST_CASE(calling_a_deal_qualified_is_checked)
{
    kare::plan p = fixture_plan();
    // With the evidence on record, the declaration is accepted.
    p.declare_deal_state("d1", honesty_state::qualified, day("2026-03-30"), "all three on record");
    BOOST_TEST((p.find_deal("d1")->declared->state == honesty_state::qualified));

    // The flag policy records an unsupported declaration, which never counts.
    auto policy = p.honesty();
    policy.declared_qualified = kare::declared_check::flag;
    p.set_honesty(policy);
    p.declare_deal_state("d2", honesty_state::qualified, day("2026-03-30"), "trust me");
    const auto a = kare::assess(*p.find_deal("d2"), p.honesty(), fixture_as_of());
    BOOST_TEST((a.state == honesty_state::unqualified));
    BOOST_TEST(a.declared_unsupported);

    // Going back to refuse is itself refused while such a declaration exists.
    policy.declared_qualified = kare::declared_check::refuse;
    try {
        p.set_honesty(policy);
        BOOST_FAIL("no error");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == "deals[1].declared_state.state");
    }

    const std::string once = kare::write_plan(p);
    BOOST_TEST(kare::write_plan(kare::read_plan(once)) == once);
}

BOOST_AUTO_TEST_CASE(a_dead_deal_is_revived_only_by_evidence_dated_after_its_death)
{
    kare::plan p = fixture_plan();
    // d8 was declared dead on 2026-03-20. Evidence dated that very day is not "after".
    p.add_evidence("d8", {"budget", day("2026-03-20"), "old email found"}, fixture_as_of());
    BOOST_CHECK_THROW(p.declare_deal_state("d8", honesty_state::unqualified, day("2026-03-26"), "back"),
                      kare::error);
    // Evidence dated after the revival date does not count either.
    p.add_evidence("d8", {"budget", day("2026-03-27"), "new CFO"}, fixture_as_of());
    BOOST_CHECK_THROW(p.declare_deal_state("d8", honesty_state::unqualified, day("2026-03-26"), "back"),
                      kare::error);

    p.declare_deal_state("d8", honesty_state::unqualified, day("2026-03-28"), "new CFO, new budget");
    const kare::deal& d8 = *p.find_deal("d8");
    BOOST_TEST_REQUIRE(d8.revived.has_value());
    BOOST_TEST((d8.revived->died_on == day("2026-03-20")));
    BOOST_TEST((d8.revived->on == day("2026-03-28")));
    const auto a = kare::assess(d8, p.honesty(), fixture_as_of());
    BOOST_TEST((a.state == honesty_state::unqualified));
    BOOST_TEST(a.days_unqualified == 3); // counted from the revival

    const std::string once = kare::write_plan(p);
    BOOST_TEST(kare::write_plan(kare::read_plan(once)) == once);
}

BOOST_AUTO_TEST_CASE(clearing_a_declared_death_is_a_revival)
{
    kare::plan p = fixture_plan();
    p.add_evidence("d8", {"decision_process", day("2026-03-25"), "steering committee"}, fixture_as_of());
    p.clear_deal_state("d8", day("2026-03-26"), "the project is back");
    const kare::deal& d8 = *p.find_deal("d8");
    BOOST_TEST(!d8.declared.has_value());
    BOOST_TEST_REQUIRE(d8.revived.has_value());
    BOOST_TEST((kare::assess(d8, p.honesty(), fixture_as_of()).state == honesty_state::unqualified));

    // Clearing any other declaration is not a revival.
    p.declare_deal_state("d1", honesty_state::stalled, day("2026-03-30"), "waiting for legal");
    p.clear_deal_state("d1", day("2026-03-31"), "");
    BOOST_TEST(!p.find_deal("d1")->declared.has_value());
    BOOST_TEST(!p.find_deal("d1")->revived.has_value());
}

BOOST_AUTO_TEST_CASE(activity_alone_does_not_revive_a_deal_that_rotted)
{
    kare::plan p = fixture_plan();
    // d3: qualified, last activity 2026-03-01, dead after 60 days on 2026-04-30.
    BOOST_TEST((kare::assess(*p.find_deal("d3"), p.honesty(), day("2026-04-30")).state ==
                honesty_state::dead));
    p.record_activity("d3", day("2026-05-04"));
    const kare::deal& d3 = *p.find_deal("d3");
    BOOST_TEST((*d3.last_activity == day("2026-05-04")));
    BOOST_TEST_REQUIRE(d3.declared.has_value());
    BOOST_TEST((d3.declared->state == honesty_state::dead));
    BOOST_TEST((d3.declared->on == day("2026-04-30")));
    BOOST_TEST((kare::assess(d3, p.honesty(), day("2026-05-05")).state == honesty_state::dead));

    // New evidence after the death brings it back.
    BOOST_CHECK_THROW(p.declare_deal_state("d3", honesty_state::qualified, day("2026-05-05"), "back"),
                      kare::error);
    p.add_evidence("d3", {"budget", day("2026-05-05"), "renewed budget"}, day("2026-05-05"));
    p.declare_deal_state("d3", honesty_state::qualified, day("2026-05-06"), "budget renewed");
    const auto a = kare::assess(*p.find_deal("d3"), p.honesty(), day("2026-05-07"));
    BOOST_TEST((a.state == honesty_state::stalled)); // qualified, but its close date 04-15 passed
    BOOST_TEST((a.cause == kare::honesty_cause::close_date_passed));

    // Activity on a living deal just moves the date; older activity changes nothing.
    const std::string before = kare::write_plan(p);
    p.record_activity("d1", day("2026-03-20"));
    BOOST_TEST(kare::write_plan(p) == before);
    p.record_activity("d1", day("2026-03-30"));
    BOOST_TEST((*p.find_deal("d1")->last_activity == day("2026-03-30")));
    BOOST_TEST(!p.find_deal("d1")->declared.has_value());
}

BOOST_AUTO_TEST_CASE(close_date_changes_are_recorded_and_pushes_counted)
{
    kare::plan p = fixture_plan();
    p.change_close_date("d1", day("2026-05-31"), day("2026-03-26"), "legal");
    p.change_close_date("d1", day("2026-05-15"), day("2026-03-27"), "pulled in");
    p.change_close_date("d1", day("2026-06-30"), day("2026-03-28"), "budget");
    auto a = kare::assess(*p.find_deal("d1"), p.honesty(), fixture_as_of());
    BOOST_TEST(a.pushes == 2U);
    BOOST_TEST(!a.slipping);
    p.change_close_date("d1", day("2026-07-31"), day("2026-03-29"), "again");
    a = kare::assess(*p.find_deal("d1"), p.honesty(), fixture_as_of());
    BOOST_TEST(a.pushes == 3U);
    BOOST_TEST(a.slipping);
    BOOST_TEST((p.find_deal("d1")->expected_close == day("2026-07-31")));
    // As of an earlier date, later changes are not yet known.
    kare::deal d1 = *p.find_deal("d1");
    d1.last_activity = day("2026-03-25");
    d1.close_date_history.resize(1);
    d1.expected_close = d1.close_date_history[0].to;
    BOOST_TEST(kare::assess(d1, p.honesty(), day("2026-03-26")).pushes == 1U);
}

BOOST_AUTO_TEST_CASE(stalls_closing_adding_and_removing)
{
    kare::plan p = fixture_plan();
    p.declare_stall("d1", {"the champion is on leave", day("2026-03-30"), day("2026-04-20")});
    BOOST_TEST(kare::assess(*p.find_deal("d1"), p.honesty(), fixture_as_of()).explained);
    p.clear_stall("d1");
    BOOST_TEST(!p.find_deal("d1")->stall.has_value());

    p.close_deal("d1", kare::deal_outcome::lost, day("2026-03-30"), "no_decision");
    BOOST_TEST(!kare::assess(*p.find_deal("d1"), p.honesty(), fixture_as_of()).state.has_value());

    kare::deal d = new_deal();
    d.account = "nobody-yet";
    p.add_deal(d);
    BOOST_TEST((p.deal_index("d13") == std::optional<std::size_t>(12)));
    p.remove_deal("d2");
    BOOST_TEST(!p.find_deal("d2"));
    BOOST_TEST((p.deal_index("d13") == std::optional<std::size_t>(11)));
    BOOST_TEST(p.find_deal("d12")->id == "d12");
    d.amount = usd("2000.00");
    p.replace_deal(d);
    BOOST_TEST(p.find_deal("d13")->amount.to_string() == "2000.00");

    const std::string once = kare::write_plan(p);
    BOOST_TEST(kare::write_plan(kare::read_plan(once)) == once);
}

BOOST_AUTO_TEST_SUITE_END()
