// The review page holds the parts it is asked for, in their usual order.
#include "fixtures.hpp"

#include <kare/map_view.hpp>
#include <kare/render.hpp>
#include <kare/report.hpp>

#include <boost/test/unit_test.hpp>

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
    BOOST_TEST(page.find("<h2>Heat map") == std::string::npos);
    const auto moves = page.find("<h2>Suggested moves");
    const auto accounts = page.find("<h2>Accounts");
    BOOST_TEST(moves != std::string::npos);
    BOOST_TEST(accounts != std::string::npos);
    BOOST_TEST(moves < accounts);
}

BOOST_AUTO_TEST_SUITE_END()
