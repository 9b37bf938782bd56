// The review page holds the parts it is asked for, in their usual order.
#include "fixtures.hpp"

#include <kare/map_view.hpp>
#include <kare/render.hpp>
#include <kare/report.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <vector>

namespace {

struct drawn {
    kare::plan p = kare_test::example_plan();
    kare::report r = kare::make_report(p, *kare::date::parse("2026-11-23"));
    kare::map_view v = kare::make_map_view(p, r);
};

} // namespace

BOOST_AUTO_TEST_SUITE(html_sections)

BOOST_AUTO_TEST_CASE(every_part_is_the_page_as_before)
{
    const drawn d;
    BOOST_TEST(kare::render_html(d.v, d.r, kare::html_options{}) == kare::render_html(d.v, d.r));
}

BOOST_AUTO_TEST_CASE(only_the_parts_asked_for)
{
    const drawn d;
    kare::html_options options;
    options.sections = kare::html_section::moves | kare::html_section::accounts;
    const std::string page = kare::render_html(d.v, d.r, options);
    BOOST_TEST(page.find("<svg") == std::string::npos);
    BOOST_TEST(page.find("<h2>Findings") == std::string::npos);
    BOOST_TEST(page.find("<section id=\"progress\">") == std::string::npos);
    BOOST_TEST(page.find("<h2>Heat map") == std::string::npos);
    const auto moves = page.find("<h2>Suggested moves");
    const auto accounts = page.find("<h2>Accounts");
    BOOST_TEST(moves != std::string::npos);
    BOOST_TEST(accounts != std::string::npos);
    BOOST_TEST(moves < accounts);
}

BOOST_AUTO_TEST_CASE(the_one_to_one_parts_in_order)
{
    const drawn d;
    const std::string page = kare::render_html(d.v, d.r);
    std::vector<std::size_t> at;
    for (const char* part : {"<div class=\"map\">", "<section id=\"progress\">",
                             "<section id=\"pipeline\">", "<section id=\"effort\">",
                             "<h2>Suggested moves", "<section id=\"playbook\">",
                             "<section id=\"findings\">", "<h2>Priorities", "<h2>Focus lists",
                             "<h2>Heat map", "<h2>Accounts"}) {
        at.push_back(page.find(part));
        BOOST_TEST(at.back() != std::string::npos, part);
    }
    BOOST_TEST(std::is_sorted(at.begin(), at.end()));
    // The page draws the map narrow: 860 px, so 900 px shows it near full size.
    BOOST_TEST(page.find("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"860\"") != std::string::npos);
    BOOST_TEST(page.find("@media print{@page{size:A4 landscape") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(progress_with_pace_hope_and_dead_deals_and_effort)
{
    const drawn d;
    kare::html_options options;
    options.sections = kare::html_section::progress | kare::html_section::pipeline |
                       kare::html_section::effort;
    const std::string page = kare::render_html(d.v, d.r, options);
    BOOST_TEST(page.find("<svg") == std::string::npos);
    BOOST_TEST(page.find("<section id=\"findings\">") == std::string::npos);
    // Maya's Keep temperature meetings and Leo's dials, with a pace column.
    BOOST_TEST(page.find("<th class=\"num\">pace</th>") != std::string::npos);
    BOOST_TEST(page.find("<td>Temperature meeting</td>") != std::string::npos);
    BOOST_TEST(page.find("<td>Dial</td>") != std::string::npos);
    // The pipeline: 12 open deals (D-101 to D-112), 1,241,000 in all, 445,000
    // honest (D-101, D-102, D-103), so 796,000 of hope.
    BOOST_TEST(page.find("12 open deals worth USD 1,241,000.00; honest (qualified) USD 445,000.00, "
                         "hope USD 796,000.00") != std::string::npos);
    const auto hope = page.find("<table id=\"hope-deals\">");
    const auto dead = page.find("<table id=\"dead-deals\">");
    BOOST_REQUIRE(hope != std::string::npos);
    BOOST_REQUIRE(dead != std::string::npos);
    const auto nova = page.find("Nova Robotics <span class=\"id\">NVA-014</span>");
    const auto tidal = page.find("Tidal Water <span class=\"id\">TDL-020</span>");
    BOOST_TEST((hope < nova && nova < dead));
    BOOST_TEST(tidal > dead);
    BOOST_TEST(page.find("USD 300,000.00") != std::string::npos);
    // Effort: Maya's 15 Keep activities of 57 in whole percents, as the
    // effort finding says them (26%, not 27% or 26.3%).
    BOOST_TEST(page.find("<section id=\"effort\">") != std::string::npos);
    BOOST_TEST(page.find("<td class=\"num\">15</td><td class=\"num\">26%</td>") != std::string::npos);
    BOOST_TEST(page.find("26.3%") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(findings_grouped_by_account_in_words)
{
    const drawn d;
    kare::html_options options;
    options.sections = kare::html_section::findings | kare::html_section::playbook;
    const std::string page = kare::render_html(d.v, d.r, options);
    // Cedar Health's group holds both of its findings, named, in words.
    const auto cedar = page.find("<h3>Cedar Health <span class=\"id\">CDR-003</span>");
    BOOST_REQUIRE(cedar != std::string::npos);
    const auto next = page.find("<h3>", cedar + 1);
    const std::string group = page.substr(cedar, next - cedar);
    BOOST_TEST(group.find("no quarterly review") != std::string::npos);
    BOOST_TEST(group.find("from Keep to Recapture") != std::string::npos);
    BOOST_TEST(group.find("<span class=\"code\">account.no_quarterly_review</span>") != std::string::npos);
    // Tidal Water's dead deal is under Tidal Water, not under a bare deal id.
    const auto tidal = page.find("<h3>Tidal Water <span class=\"id\">TDL-020</span>");
    BOOST_REQUIRE(tidal != std::string::npos);
    BOOST_TEST(page.find("Deal <span class=\"id\">D-109</span>: ", tidal) != std::string::npos);
    // Every finding is listed once.
    std::size_t items = 0;
    for (auto at = page.find("<li class=\""); at != std::string::npos; at = page.find("<li class=\"", at + 1))
        ++items;
    BOOST_TEST(items == d.r.findings.size());
    // The playbooks, with descriptions and questions.
    BOOST_TEST(page.find("<b>Quarterly review</b>: An up-front contract") != std::string::npos);
    BOOST_TEST(page.find("<li>Are there decision makers who still favour us?</li>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(new_bits_never_renumber_the_old)
{
    BOOST_TEST(kare::html_section::map == 1u);
    BOOST_TEST(kare::html_section::accounts == 64u);
    BOOST_TEST(kare::html_section::scoreboard == 128u);
    BOOST_TEST(kare::html_section::all == 4095u);
    unsigned seen = 0;
    for (unsigned bit : {kare::html_section::map, kare::html_section::findings,
                         kare::html_section::moves, kare::html_section::priorities,
                         kare::html_section::focus, kare::html_section::heat_map,
                         kare::html_section::accounts, kare::html_section::scoreboard,
                         kare::html_section::progress,
                         kare::html_section::pipeline, kare::html_section::effort,
                         kare::html_section::playbook}) {
        BOOST_TEST((seen & bit) == 0u);
        seen |= bit;
    }
    BOOST_TEST(seen == kare::html_section::all);
}

BOOST_AUTO_TEST_SUITE_END()
