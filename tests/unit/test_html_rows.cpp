// The review page of a large book lists the first rows of each long list and
// says how many more there are; asked for every row, it lists them all.
#include "fixtures.hpp"
#include "../bench/whole_plan.hpp"
#include "render/row_budget.hpp"

#include <kare/map_view.hpp>
#include <kare/plan_changes.hpp>
#include <kare/render.hpp>
#include <kare/report.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace {

std::size_t occurrences(std::string_view text, std::string_view part)
{
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

// The rows of the table whose opening tag is `table`, up to its end.
std::size_t table_rows(std::string_view page, std::string_view table)
{
    const auto start = page.find(table);
    BOOST_REQUIRE(start != std::string_view::npos);
    const auto end = page.find("</table>", start);
    return occurrences(page.substr(start, end - start), "<tr>") - 1; // less the heading
}

std::string more(std::size_t shown, std::size_t total, std::string_view what)
{
    return "<p class=\"more\">The first " + kare::detail::grouped(shown) + " of " +
           kare::detail::grouped(total) + " " + std::string(what) + " are listed here;";
}

struct book {
    kare::plan p = [] {
        kare_bench::whole_plan_shape shape;
        shape.accounts = 2500;
        return kare::read_plan(kare_bench::whole_plan(kare_test::read_text(kare_test::example_path()), shape));
    }();
    kare::date day = *kare::date::parse("2026-11-23");
    kare::report r = kare::make_report(p, day);
    kare::map_view v = kare::make_map_view(p, r);
};

const book& the_book()
{
    static const book b; // read once: every case only reads it
    return b;
}

} // namespace

BOOST_AUTO_TEST_SUITE(html_rows)

BOOST_AUTO_TEST_CASE(each_long_list_shows_its_first_rows_and_counts_the_rest)
{
    const book& b = the_book();
    BOOST_TEST_REQUIRE(b.r.accounts.size() == 2500U);
    BOOST_TEST_REQUIRE(b.r.findings.size() > 50U);
    BOOST_TEST_REQUIRE(b.r.priorities.size() > 50U);
    BOOST_TEST_REQUIRE(b.r.heat_map.rows.size() > 50U);
    kare::html_options options;
    options.rows_per_list = 50;
    const std::string page = kare::render_html(b.v, b.r, options);

    BOOST_TEST(table_rows(page, "<table id=\"accounts\">") == 50U);
    BOOST_TEST(page.find(more(50, 2500, "accounts, in plan order,")) != std::string::npos);
    BOOST_TEST(table_rows(page, "<table id=\"priorities\">") == 50U);
    BOOST_TEST(page.find(more(50, b.r.priorities.size(), "priorities, highest first,")) !=
               std::string::npos);
    // The first rows are the highest priorities.
    const auto priorities = page.substr(page.find("<table id=\"priorities\">"));
    BOOST_TEST(priorities.find("<tr><td>1</td>") < priorities.find("</table>"));
    BOOST_TEST(priorities.find("<tr><td>50</td>") < priorities.find("</table>"));
    BOOST_TEST(priorities.find("<tr><td>51</td>") > priorities.find("</table>"));
    BOOST_TEST(table_rows(page, "<table id=\"heat-map\">") == 50U + 1U); // and the buyers' row
    BOOST_TEST(page.find(more(50, b.r.heat_map.rows.size(), "accounts of the heat map")) !=
               std::string::npos);

    const auto findings = page.substr(page.find("<section id=\"findings\">"));
    BOOST_TEST(occurrences(findings.substr(0, findings.find("</section>")), "<li class=") == 50U);
    BOOST_TEST(page.find(more(50, b.r.findings.size(), "findings, worst first,")) !=
               std::string::npos);
    // Every note says where the whole list is.
    BOOST_TEST(occurrences(page, "<p class=\"more\">") ==
               occurrences(page, "the report document (<code>kare report --json</code>) lists every one."));
}

BOOST_AUTO_TEST_CASE(the_default_is_a_thousand_and_every_row_lists_them_all)
{
    const book& b = the_book();
    const std::string by_default = kare::render_html(b.v, b.r);
    BOOST_TEST(table_rows(by_default, "<table id=\"accounts\">") == kare::default_rows_per_list);
    BOOST_TEST(by_default.find(more(1000, 2500, "accounts, in plan order,")) != std::string::npos);

    kare::html_options options;
    options.rows_per_list = kare::every_row;
    const std::string whole = kare::render_html(b.v, b.r, options);
    BOOST_TEST(whole.find("<p class=\"more\">") == std::string::npos);
    BOOST_TEST(table_rows(whole, "<table id=\"accounts\">") == 2500U);
    BOOST_TEST(table_rows(whole, "<table id=\"priorities\">") == b.r.priorities.size());
    const auto findings = whole.substr(whole.find("<section id=\"findings\">"));
    BOOST_TEST(occurrences(findings.substr(0, findings.find("</section>")), "<li class=") ==
               b.r.findings.size());
    BOOST_TEST(whole.size() > by_default.size());
}

BOOST_AUTO_TEST_CASE(what_changed_counts_its_rows_too)
{
    const book& b = the_book();
    kare_bench::whole_plan_shape shape; // the same book when it was smaller
    shape.accounts = 100;
    const kare::plan earlier =
        kare::read_plan(kare_bench::whole_plan(kare_test::read_text(kare_test::example_path()), shape));
    const kare::plan_changes changes = kare::compare_plans(earlier, b.day, b.p, b.day);
    const std::size_t account_changes = changes.accounts_added.size() + changes.accounts_removed.size() +
                                        changes.accounts_moved.size() + changes.accounts_fired.size();
    BOOST_TEST_REQUIRE(account_changes >= 2400U);
    kare::html_options options;
    options.sections = kare::html_section::changes;
    options.rows_per_list = 10;
    const std::string page = kare::render_html(b.v, b.r, options, changes);
    BOOST_TEST(page.find(more(10, account_changes, "account changes")) != std::string::npos);
    BOOST_TEST(page.find("the changes document (<code>kare diff --json</code>) lists every one.") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
