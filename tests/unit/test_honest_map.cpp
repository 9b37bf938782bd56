// The map shows honest money: each account's open deals split into the
// honest pipeline, hope and dead money, and a mark on the accounts the review
// has a problem with. Figures recomputed by hand from the bundled example.
#include "fixtures.hpp"

#include <kare/map_view.hpp>
#include <kare/render.hpp>
#include <kare/report.hpp>

#include <boost/test/unit_test.hpp>

namespace {

struct drawn {
    kare::plan p = kare_test::example_plan();
    kare::report r = kare::make_report(p, kare_test::day("2026-11-23"));
    kare::map_view v = kare::make_map_view(p, r);

    const kare::map_entry& entry(const std::string& id) const
    {
        for (const auto& q : v.quadrants)
            for (const auto& e : q.accounts)
                if (e.id == id)
                    return e;
        BOOST_FAIL("no account " << id << " on the map");
        return v.quadrants[0].accounts.front();
    }
};

std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(honest_map)

BOOST_AUTO_TEST_CASE(open_deals_are_split_by_honesty)
{
    const drawn d;
    BOOST_TEST(d.v.currency == "USD");
    // Tidal Water: D-109, 90,000, pushed three times and idle past the dead
    // line: dead money, not pipeline.
    const auto& tidal = d.entry("TDL-020");
    BOOST_TEST(tidal.dead == "90,000");
    BOOST_TEST(tidal.honest.empty());
    BOOST_TEST(tidal.hope.empty());
    // Nova Robotics: D-106, 300,000 with only pain on record: hope.
    const auto& nova = d.entry("NVA-014");
    BOOST_TEST(nova.hope == "300,000");
    BOOST_TEST(nova.honest.empty());
    BOOST_TEST(nova.dead.empty());
    // Parker Aerospace: D-103, 240,000 with pain, budget and a decision process.
    BOOST_TEST(d.entry("PKR-016").honest == "240,000");
    // Acme Tooling: revenue 84,000 and D-112, 84,000 with no evidence.
    const auto& acme = d.entry("ACME-001");
    BOOST_TEST(acme.figure == "USD 84,000");
    BOOST_TEST(acme.hope == "84,000");
    BOOST_TEST(acme.honest.empty());
    // Granite Bank: D-105 stalled for a known reason is still not forecast.
    BOOST_TEST(d.entry("GRN-007").hope == "45,000");
    // Delta Foods has no open deal.
    const auto& delta = d.entry("DLT-004");
    BOOST_TEST((delta.honest + delta.hope + delta.dead).empty());
}

BOOST_AUTO_TEST_CASE(the_picture_never_calls_hope_or_dead_money_open)
{
    const drawn d;
    const std::string svg = kare::render_svg(d.v);
    BOOST_TEST(svg.find("open USD") == std::string::npos);
    BOOST_TEST(svg.find("<tspan class=\"dead\" fill=\"#767676\">dead USD 90,000</tspan>") !=
               std::string::npos);
    BOOST_TEST(svg.find("<tspan class=\"hope\" fill=\"#8a5a00\">hope USD 300,000</tspan>") !=
               std::string::npos);
    BOOST_TEST(svg.find(">honest USD 240,000<") != std::string::npos);
    BOOST_TEST(svg.find("USD 84,000<tspan class=\"hope\" fill=\"#8a5a00\"> \xC2\xB7 hope 84,000</tspan>") !=
               std::string::npos);
    BOOST_TEST(svg.find("honest: qualified open deals") != std::string::npos); // the legend
}

BOOST_AUTO_TEST_CASE(an_account_with_a_problem_is_marked)
{
    const drawn d;
    // Cedar Health: no quarterly review on record, and lapsed (a suggested move).
    const auto& cedar = d.entry("CDR-003");
    BOOST_REQUIRE(cedar.concern.has_value());
    BOOST_TEST(*cedar.concern == kare::severity::warning);
    BOOST_TEST(cedar.concerns.size() == 2u);
    BOOST_TEST(cedar.concerns[0].find("no quarterly review") != std::string::npos);
    BOOST_TEST(cedar.concerns[1].find("from Keep to Recapture") != std::string::npos);
    // Delta Foods: nothing wrong, no mark.
    BOOST_TEST(!d.entry("DLT-004").concern.has_value());
    BOOST_TEST(d.entry("DLT-004").concerns.empty());
    // A deal's warning marks its account: Tidal Water through D-109.
    BOOST_TEST(d.entry("TDL-020").concern.has_value());

    const std::string svg = kare::render_svg(d.v);
    const auto mark = svg.find("class=\"concern warning\">!<title>Cedar Health: ");
    BOOST_TEST(mark != std::string::npos);
    std::size_t marked = 0;
    for (const auto& q : d.v.quadrants)
        for (const auto& e : q.accounts)
            marked += e.concern ? 1 : 0;
    BOOST_TEST(count(svg, "class=\"concern ") == marked);
    BOOST_TEST(svg.find("! warnings or errors about the account") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(info_findings_do_not_mark)
{
    drawn d;
    for (auto& f : d.r.findings)
        f.severity = kare::severity::info;
    const kare::map_view v = kare::make_map_view(d.p, d.r);
    for (const auto& q : v.quadrants)
        for (const auto& e : q.accounts)
            BOOST_TEST(!e.concern.has_value(), e.id);
}

BOOST_AUTO_TEST_SUITE_END()
