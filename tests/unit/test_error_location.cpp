// Where an error is: a location the core names as data, rendered in one place,
// with the record's id for a person and the plain path for programs.
#include <boost/test/unit_test.hpp>

#include <kare/error.hpp>
#include <kare/json.hpp>
#include <kare/location.hpp>
#include <kare/plan.hpp>

#include "fixtures.hpp"

#include <string>

using kare::location;

namespace {

// The error `body` throws; fails the test when it throws none.
template <typename Body>
kare::error thrown_by(Body&& body)
{
    try {
        body();
    } catch (const kare::error& e) {
        return e;
    }
    BOOST_FAIL("no error was thrown");
    return kare::error(kare::errc::internal, "unreachable");
}

} // namespace

BOOST_AUTO_TEST_SUITE(error_location)

BOOST_AUTO_TEST_CASE(a_location_renders_as_the_document_path)
{
    const location amount = location().item("deals", 3, "D-104").key("amount");
    BOOST_TEST(kare::to_path(amount) == "deals[3].amount");
    BOOST_TEST(kare::to_labelled_path(amount) == "deals[3] (D-104).amount");
    BOOST_TEST(kare::to_path(location()) == "");
    BOOST_TEST(kare::to_path(location().key("attributes").key("risk")) == "attributes.risk");
    BOOST_TEST(kare::to_path(location().at(2).key("id")) == "[2].id");
    const location nested = location().key("profiles").key("keep").key("rule").item("all", 1);
    BOOST_TEST(kare::to_path(nested) == "profiles.keep.rule.all[1]");
    BOOST_TEST(kare::to_labelled_path(nested) == "profiles.keep.rule.all[1]"); // no id, no label
    BOOST_TEST(amount.segments().size() == 3u);
    BOOST_TEST(amount.segments()[1].id == "D-104");
}

BOOST_AUTO_TEST_CASE(push_pop_and_label_edit_in_place)
{
    location where;
    where.push_key("accounts");
    where.push_index(11);
    where.label("LMN-012");
    where.push_key("owner");
    where.label("ignored: the last step is a key");
    BOOST_TEST(kare::to_labelled_path(where) == "accounts[11] (LMN-012).owner");
    where.pop();
    where.pop();
    where.pop();
    BOOST_TEST(where.empty());
    where.pop(); // nothing to remove: no effect
    BOOST_TEST(where.empty());
}

BOOST_AUTO_TEST_CASE(an_error_keeps_its_location_and_both_renderings)
{
    const kare::error e(kare::errc::invalid_plan, "bad", location().item("accounts", 11, "LMN-012").key("attributes").key("mood"));
    BOOST_TEST(e.path() == "accounts[11].attributes.mood");
    BOOST_TEST(e.labelled_path() == "accounts[11] (LMN-012).attributes.mood");
    BOOST_TEST(e.where().segments().size() == 4u);
    // A path already written out has no ids to add.
    const kare::error written(kare::errc::invalid_plan, "bad", std::string("line 3: owner"));
    BOOST_TEST(written.labelled_path() == "line 3: owner");
    BOOST_TEST(written.where().empty());
    // The id is echoed input: escaped like any other.
    const kare::error hostile(kare::errc::invalid_plan, "bad", location().item("reps", 0, "x\x1by").key("id"));
    BOOST_TEST(hostile.labelled_path() == "reps[0] (x\\u001by).id");
}

BOOST_AUTO_TEST_CASE(a_read_error_names_the_account_for_a_person)
{
    auto doc = kare_test::minimal_document();
    doc.at("accounts").as_array()[1].as_object()["attributes"].as_object()["mood"] = "sunny";
    const kare::error e = thrown_by([&] { (void)kare::read_plan(kare_test::text_of(doc)); });
    BOOST_TEST(e.path() == "accounts[1].attributes.mood"); // unchanged for programs
    BOOST_TEST(e.labelled_path() == "accounts[1] (A-2).attributes.mood");
    BOOST_TEST(e.what() == std::string("unknown field 'mood'"));
}

BOOST_AUTO_TEST_CASE(a_rule_of_the_core_names_the_account_and_the_deal)
{
    auto doc = kare_test::minimal_document();
    doc.at("accounts").as_array()[2].as_object()["owner"] = "zed";
    const kare::error owner = thrown_by([&] { (void)kare::read_plan(kare_test::text_of(doc)); });
    BOOST_TEST(owner.path() == "accounts[2].owner");
    BOOST_TEST(owner.labelled_path() == "accounts[2] (A-3).owner");

    kare::plan p = kare_test::minimal_plan();
    kare::deal d;
    d.id = "D-104";
    d.account = "A-1";
    d.amount = kare::money::from_minor(100000, 2);
    d.stage = "proposal";
    d.opened = kare_test::day("2026-01-01");
    d.expected_close = kare_test::day("2026-06-01");
    p.add_deal(d);
    kare::deal bad = d;
    bad.id = "D-105";
    bad.stage = "nowhere";
    const kare::error stage = thrown_by([&] { p.add_deal(bad); });
    BOOST_TEST(stage.path() == "deals[1].stage");
    BOOST_TEST(stage.labelled_path() == "deals[1] (D-105).stage");
    const kare::error rep = thrown_by([&] { p.add_rep(kare::rep{"ana", "Ana again"}); });
    BOOST_TEST(rep.labelled_path() == "reps[2] (ana).id");
}

BOOST_AUTO_TEST_CASE(out_of_memory_is_named_as_in_c)
{
    // KARE_ERROR_NO_MEMORY is errc::no_memory; its released string stays frozen.
    BOOST_TEST(static_cast<int>(kare::errc::no_memory) == 9);
    BOOST_TEST(kare::to_string(kare::errc::no_memory) == "out_of_memory");
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    BOOST_TEST((kare::errc::out_of_memory == kare::errc::no_memory));
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

BOOST_AUTO_TEST_SUITE_END()
