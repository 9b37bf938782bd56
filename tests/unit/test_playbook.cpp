// The cookbook's playbooks: the method's actions and questions per quadrant
// by default, a plan's own when it sets them, checked, kept byte for byte
// through the document, and shown on the map.
#include "fixtures.hpp"

#include <kare/map_view.hpp>
#include <kare/playbook.hpp>
#include <kare/render.hpp>
#include <kare/report.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>

namespace {

bool has_question(const kare::playbook& book, const std::string& q)
{
    return std::find(book.questions.begin(), book.questions.end(), q) != book.questions.end();
}

bool has_action(const kare::playbook& book, const std::string& name)
{
    return std::any_of(book.actions.begin(), book.actions.end(),
                       [&](const kare::play_action& a) { return a.name == name; });
}

// The example with its own Recapture playbook.
boost::json::value with_recapture_playbook()
{
    boost::json::value doc = boost::json::parse(kare_test::read_text(kare_test::example_path()));
    doc.at("cookbook").as_object()["playbooks"] = boost::json::parse(R"({
        "recapture": {
            "actions": [{"name": "Win-back lunch", "description": "Meet the old sponsor."},
                        {"name": "Offer review"}],
            "questions": ["Who signed the last order?"]
        }})");
    return doc;
}

kare::error_info error_with(const char* playbooks)
{
    boost::json::value doc = boost::json::parse(kare_test::read_text(kare_test::example_path()));
    doc.at("cookbook").as_object()["playbooks"] = boost::json::parse(playbooks);
    return kare_test::read_error(kare_test::text_of(doc));
}

} // namespace

BOOST_AUTO_TEST_SUITE(playbook)

BOOST_AUTO_TEST_CASE(the_defaults_are_the_methods)
{
    using kare::category;
    const auto keep = kare::default_playbook(category::keep);
    BOOST_TEST(has_action(keep, "Quarterly review"));
    BOOST_TEST(has_question(keep, "Is a quarterly review with an up-front contract on record?"));
    const auto recapture = kare::default_playbook(category::recapture);
    BOOST_TEST(recapture.questions.at(0) == "Is the cost of pursuit acceptable?");
    BOOST_TEST(recapture.questions.at(1) == "Are there decision makers who still favour us?");
    BOOST_TEST(has_question(recapture, "What is their strategic value to us?"));
    BOOST_TEST(has_action(kare::default_playbook(category::expand), "Heat map"));
    BOOST_TEST(has_action(kare::default_playbook(category::attain), "Referral ask"));
    for (category c : kare::all_categories) {
        const auto book = kare::default_playbook(c);
        BOOST_TEST(!book.actions.empty());
        BOOST_TEST(!book.questions.empty());
        BOOST_CHECK_NO_THROW(kare::validate(book, kare::location().key("defaults")));
    }
}

BOOST_AUTO_TEST_CASE(a_plan_without_playbooks_uses_the_defaults_and_writes_none)
{
    const kare::plan p = kare_test::example_plan();
    for (kare::category c : kare::all_categories) {
        BOOST_TEST(!p.cookbook().playbooks[static_cast<std::size_t>(c)].has_value());
        BOOST_CHECK(p.cookbook().playbook_for(c) == kare::default_playbook(c));
    }
    BOOST_TEST(kare::write_plan(p).find("playbooks") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_plans_own_playbook_replaces_that_quadrants_only)
{
    const kare::plan p = kare::read_plan(kare_test::text_of(with_recapture_playbook()));
    const auto own = p.cookbook().playbook_for(kare::category::recapture);
    BOOST_REQUIRE(own.actions.size() == 2u);
    BOOST_TEST(own.actions[0].name == "Win-back lunch");
    BOOST_TEST(own.actions[0].description == "Meet the old sponsor.");
    BOOST_TEST(own.actions[1].description.empty());
    BOOST_TEST(own.questions == std::vector<std::string>{"Who signed the last order?"});
    BOOST_CHECK(p.cookbook().playbook_for(kare::category::keep) ==
                kare::default_playbook(kare::category::keep));

    // Write, read, write: the same bytes.
    const std::string once = kare::write_plan(p);
    BOOST_TEST(once.find("\"playbooks\"") != std::string::npos);
    BOOST_TEST(kare::write_plan(kare::read_plan(once)) == once);

    // The map carries it and draws it compactly.
    const kare::report r = kare::make_report(p, kare_test::day("2026-11-23"));
    const kare::map_view v = kare::make_map_view(p, r);
    BOOST_CHECK(v.quadrants[static_cast<std::size_t>(kare::category::recapture)].playbook == own);
    const std::string svg = kare::render_svg(v);
    BOOST_TEST(svg.find("Do: Win-back lunch \xC2\xB7 Offer review") != std::string::npos);
    BOOST_TEST(svg.find("Ask: Who signed the last order?") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_map_shows_the_default_questions)
{
    const kare::plan p = kare_test::example_plan();
    const kare::report r = kare::make_report(p, kare_test::day("2026-11-23"));
    const std::string svg = kare::render_svg(kare::make_map_view(p, r));
    BOOST_TEST(svg.find("Ask: Is the cost of pursuit acceptable? Are there") !=
               std::string::npos);
    BOOST_TEST(svg.find("(+4 more)") != std::string::npos); // the rest are on the page
    BOOST_TEST(svg.find("class=\"playbook\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_playbooks_are_refused_with_their_path)
{
    const auto unknown_category = error_with(R"({"hold": {"questions": ["?"]}})");
    BOOST_TEST(unknown_category.code == kare::errc::invalid_plan);
    BOOST_TEST(unknown_category.path.find("cookbook.playbooks") != std::string::npos);

    const auto empty_name = error_with(R"({"keep": {"actions": [{"name": ""}]}})");
    BOOST_TEST(empty_name.code == kare::errc::invalid_plan);
    BOOST_TEST(empty_name.path == "cookbook.playbooks.keep.actions[0].name");

    const auto empty_question = error_with(R"({"expand": {"questions": ["Why?", ""]}})");
    BOOST_TEST(empty_question.path == "cookbook.playbooks.expand.questions[1]");

    const auto unknown_key = error_with(R"({"keep": {"actions": [], "notes": []}})");
    BOOST_TEST(unknown_key.code == kare::errc::invalid_plan);
    BOOST_TEST(unknown_key.path.find("cookbook.playbooks.keep") != std::string::npos);

    std::string many = R"({"attain": {"questions": [)";
    for (std::size_t i = 0; i <= kare::max_playbook_items; ++i)
        many += (i ? ",\"q\"" : "\"q\"");
    many += "]}}";
    const auto too_many = error_with(many.c_str());
    BOOST_TEST(too_many.code == kare::errc::limit_exceeded);
    BOOST_TEST(too_many.path == "cookbook.playbooks.attain.questions");

    // Checked from C++ too: the same rule whoever builds the cookbook.
    kare::playbook bad;
    bad.questions.push_back("ok");
    bad.questions.push_back(std::string("bell\a"));
    try {
        kare::validate(bad, kare::location().key("cookbook").key("playbooks").key("keep"));
        BOOST_FAIL("a control character was accepted");
    } catch (const kare::error& e) {
        BOOST_TEST(e.path() == "cookbook.playbooks.keep.questions[1]");
    }
}

BOOST_AUTO_TEST_SUITE_END()
