// The map view and its renderers: quadrants in priority order, focus marks,
// progress bars summed over the reps, escaping, determinism.
#include "review_fixtures.hpp"
#include "render/escape.hpp"

#include <boost/test/unit_test.hpp>

using namespace review_fixture;
using kare::category;

namespace {

const kare::map_progress& bar(const kare::map_quadrant& q, const std::string& label)
{
    for (const auto& b : q.progress)
        if (b.label == label)
            return b;
    BOOST_FAIL("no bar " << label);
    return q.progress.front();
}

const kare::map_quadrant& quadrant(const kare::map_view& v, category c)
{
    return v.quadrants[static_cast<std::size_t>(c)];
}

} // namespace

BOOST_AUTO_TEST_SUITE(render)

BOOST_AUTO_TEST_CASE(quadrants_follow_the_ranking)
{
    const kare::plan p = kare_test::example_plan();
    const kare::report r = kare::make_report(p, day("2026-11-23"));
    const kare::map_view v = kare::make_map_view(p, r);
    std::size_t listed = 0;
    for (category c : kare::all_categories) {
        const auto& q = quadrant(v, c);
        BOOST_TEST(q.category == c);
        BOOST_TEST(*q.focus_min == 5u);
        BOOST_TEST(*q.focus_max == 6u);
        // In the ranking's order, restricted to the quadrant.
        std::vector<std::string> expected;
        std::size_t focus = 0;
        for (const auto& line : r.priorities)
            if (line.cat == c) {
                expected.push_back(line.id);
                focus += line.focus ? 1 : 0;
            }
        std::vector<std::string> shown;
        for (const auto& e : q.accounts)
            shown.push_back(e.id);
        BOOST_TEST(shown == expected, boost::test_tools::per_element());
        BOOST_TEST(q.focus == focus);
        listed += q.accounts.size();
    }
    BOOST_TEST(listed == 19u);
    BOOST_TEST(v.unassigned.size() == 5u);
    BOOST_TEST(v.fired.size() == 2u);
    // Leo names Parker and Nova as his Attain focus; Yarrow and Opal are not on it.
    const auto& attain = quadrant(v, category::attain);
    BOOST_TEST(attain.focus == 2u);
    BOOST_TEST(attain.accounts[0].id == "PKR-016");
    BOOST_TEST(attain.accounts[0].focus);
    BOOST_TEST(attain.accounts[0].figure.empty()); // a prospect has no revenue
    BOOST_TEST(attain.accounts[0].honest == "240,000");
    BOOST_TEST(v.moves == (std::vector<std::string>{"Cedar Health: Keep \xE2\x86\x92 Recapture",
                                                    "Yarrow Media: Attain \xE2\x86\x92 Keep"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(progress_bars_sum_the_reps)
{
    const kare::plan p = kare_test::example_plan();
    const kare::map_view v = kare::make_map_view(p, kare::make_report(p, day("2026-11-23")));
    // Only Maya's Keep accounts ask effort: Leo is a hunter (the focus
    // strategy). Her four of a focus target of five owe ⌈1 × 4/5⌉ = 1 meeting.
    const auto& temperature = bar(quadrant(v, category::keep), "Temperature meeting / week");
    BOOST_TEST(temperature.target == 1);
    BOOST_TEST(temperature.done == 1);
    // One scorecard a quarter per Keep account: Maya's four.
    const auto& scorecard = bar(quadrant(v, category::keep), "Client scorecard / quarter");
    BOOST_TEST(scorecard.target == 4);
    BOOST_TEST(scorecard.done == 3);
    // Leo's four Attain accounts of five owe ⌈40 × 4/5⌉ = 32 dials.
    const auto& dials = bar(quadrant(v, category::attain), "Dial / week");
    BOOST_TEST(dials.target == 32);
    BOOST_TEST(dials.done == 7);     // Leo's Monday
    BOOST_TEST(dials.expected == 7); // Monday: ⌈32 × 1/5⌉

    kare::report_options leo;
    leo.rep = "leo";
    const kare::map_view mine = kare::make_map_view(p, kare::make_report(p, day("2026-11-23"), leo));
    BOOST_TEST(bar(quadrant(mine, category::attain), "Dial / week").target == 32);
}

BOOST_AUTO_TEST_CASE(the_svg_is_deterministic_and_grouped)
{
    const kare::plan p = kare_test::example_plan();
    const kare::report r = kare::make_report(p, day("2026-11-23"));
    const std::string svg = kare::render_svg(kare::make_map_view(p, r));
    BOOST_TEST(svg == kare::render_svg(kare::make_map_view(p, r)));
    for (const char* id : {"quadrant-keep", "quadrant-attain", "quadrant-recapture",
                           "quadrant-expand", "margin", "moves", "legend"})
        BOOST_TEST(svg.find(std::string("<g id=\"") + id + "\">") != std::string::npos, id);
    BOOST_TEST(svg.rfind("<?xml", 0) == 0u);
    BOOST_TEST(svg.find("</svg>\n") == svg.size() - 7);
}

BOOST_AUTO_TEST_CASE(cut_names_keep_their_whole_text_in_a_title)
{
    kare::map_view v;
    kare::map_entry e;
    e.id = "X";
    e.name = "Consolidated Amalgamated Industries & Sons \xC3\x96sterreich";
    e.owner = "maya";
    v.quadrants[0].accounts.push_back(e);
    kare::map_entry brief = e;
    brief.name = "Brief";
    v.quadrants[0].accounts.push_back(brief);
    const std::string svg = kare::render_svg(v);
    BOOST_TEST(svg.find("Consolidated Amalgamated Industries &amp; Sons\xE2\x80\xA6<title>Consolidated "
                        "Amalgamated Industries &amp; Sons \xC3\x96sterreich</title></text>") !=
               std::string::npos);
    BOOST_TEST(svg.find("Brief</text>") != std::string::npos); // whole: no title
}

BOOST_AUTO_TEST_CASE(columns_are_sized_from_their_text_and_clipped)
{
    // How many characters of a 40-character name show beside a figure.
    const auto shown = [](const std::string& figure) {
        kare::map_view v;
        kare::map_entry e;
        e.id = "X";
        e.name = std::string(40, 'N');
        e.owner = "maya";
        e.figure = figure;
        v.quadrants[0].accounts.push_back(e);
        const std::string svg = kare::render_svg(v);
        for (const char* column : {"name", "owner", "figure"})
            BOOST_TEST(svg.find(std::string("clip-path=\"url(#kare-clip-") + column + ")\"") !=
                       std::string::npos);
        const auto at = svg.find("NNNN");
        return svg.find("\xE2\x80\xA6", at) - at;
    };
    const auto beside_short = shown("USD 1");
    const auto beside_long = shown("open USD 92,233,720,368,547,758");
    BOOST_TEST(beside_long < beside_short); // the figure column takes the room it needs
    BOOST_TEST(beside_long >= 4u);
}

BOOST_AUTO_TEST_CASE(the_counts_and_the_focus_target_have_lines_of_their_own)
{
    kare::map_view v;
    v.quadrants[2].category = category::recapture;
    v.quadrants[2].focus_min = 5;
    v.quadrants[2].focus_max = 6;
    v.quadrants[2].figures.push_back("Pipeline: 1234 deals, USD 123,456,789,012, honest 98,765,432,109 "
                                     "(20% hope)");
    const std::string svg = kare::render_svg(v);
    BOOST_TEST(svg.find(">0 accounts \xC2\xB7 0 in focus</text>") != std::string::npos);
    BOOST_TEST(svg.find(">focus target 5\xE2\x80\x93" "6 per rep</text>") != std::string::npos);
    // A figure line too long for the quadrant wraps instead of running out of it.
    BOOST_TEST(svg.find(">Pipeline: 1234 deals,") != std::string::npos);
    BOOST_TEST(svg.find(">98,765,432,109 (20% hope)</text>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(hostile_names_are_escaped_text)
{
    kare::map_view v;
    v.title = "<b>plan</b>";
    kare::map_entry e;
    e.id = "X";
    e.name = "<script>alert(1)</script> & \"x\"";
    e.owner = "o'neil";
    v.quadrants[0].accounts.push_back(e);
    v.unassigned.push_back(e);
    v.moves.push_back(e.name + ": Keep \xE2\x86\x92 Recapture");
    const std::string svg = kare::render_svg(v);
    BOOST_TEST(svg.find("<script") == std::string::npos);
    BOOST_TEST(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;") != std::string::npos);
    BOOST_TEST(svg.find("o&#39;neil") != std::string::npos);
    BOOST_TEST(svg.find("<b>") == std::string::npos);

    kare::report r;
    kare::finding f;
    f.code = "account.unassigned";
    f.message = e.name;
    r.findings.push_back(f);
    kare::account_priority line;
    line.id = "X";
    line.name = e.name;
    r.priorities.push_back(line);
    const std::string html = kare::render_html(v, r);
    BOOST_TEST(html.find("<script") == std::string::npos);
    BOOST_TEST(html.find("&lt;script&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(names_set_by_hand_cannot_move_the_cursor_or_reorder_text)
{
    // No document reader or plan member lets these in; a caller filling a
    // report or a map view by hand can, so the renderers neutralise them.
    const std::string hostile = "Ac\x1b[2Jme \xC2\x9B" "31m \xE2\x80\xAE" "evil \xff";
    const auto raw = [](const std::string& text) {
        return text.find('\x1b') != std::string::npos || text.find("\xC2\x9B") != std::string::npos ||
               text.find("\xE2\x80\xAE") != std::string::npos || text.find('\xff') != std::string::npos;
    };
    kare::map_view v;
    v.title = hostile;
    kare::map_entry e;
    e.id = "X";
    e.name = hostile;
    e.owner = hostile;
    v.quadrants[0].accounts.push_back(e);
    v.quadrants[0].progress.push_back(kare::map_progress{hostile, 1, 2});
    v.fired.push_back(e);
    v.moves.push_back(hostile);
    const std::string svg = kare::render_svg(v);
    BOOST_TEST(!raw(svg));
    BOOST_TEST(svg.find("Ac\xEF\xBF\xBD[2Jme \xEF\xBF\xBD" "31m \xEF\xBF\xBD" "evil \xEF\xBF\xBD") !=
               std::string::npos);

    kare::report r;
    r.plan_name = hostile;
    kare::finding f;
    f.code = "account.unassigned";
    f.message = hostile;
    r.findings.push_back(f);
    kare::account_priority line;
    line.id = "X";
    line.name = hostile;
    r.priorities.push_back(line);
    BOOST_TEST(!raw(kare::render_html(v, r)));

    BOOST_TEST(kare::detail::escape_terminal(hostile) == "Ac\\u001b[2Jme \\u009b31m \\u202eevil \\xff");
    BOOST_TEST(kare::detail::escape_terminal("line\nbreak\ttab\x7f") == "line\\u000abreak\\u0009tab\\u007f");
    // What names may hold stays as it is: accents, scripts, emoji with joiners.
    const std::string fine = "Caf\xC3\xA9 \xD7\x90 \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB";
    BOOST_TEST(kare::detail::escape_terminal(fine) == fine);
    BOOST_TEST(kare::detail::escape_xml(fine) == fine);
    BOOST_TEST(kare::detail::escape_xml("a\nb\tc") == "a\nb\tc");
}

BOOST_AUTO_TEST_CASE(long_margins_are_cut_with_a_count)
{
    kare::map_view v;
    for (int i = 0; i < 40; ++i) {
        kare::map_entry e;
        e.id = e.name = "U" + std::to_string(i);
        v.unassigned.push_back(e);
    }
    kare::svg_options options;
    options.rows_per_quadrant = 5; // the margin lists twice as many
    const std::string svg = kare::render_svg(v, options);
    BOOST_TEST(svg.find(">U9 \xC2\xB7") != std::string::npos);
    BOOST_TEST(svg.find(">U10 \xC2\xB7") == std::string::npos);
    BOOST_TEST(svg.find("+ 30 more") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_width_scales_the_picture_and_keeps_its_drawing)
{
    kare::map_view v;
    v.title = "Scaled";
    const std::string natural = kare::render_svg(v);
    const auto attribute = [](const std::string& svg, const std::string& name) {
        const std::size_t tag = svg.find("<svg ");
        const std::size_t at = svg.find(" " + name + "=\"", tag) + name.size() + 3;
        return svg.substr(at, svg.find('"', at) - at);
    };
    BOOST_TEST(attribute(natural, "width") == "1400");
    kare::svg_options options;
    options.width = 700;
    const std::string scaled = kare::render_svg(v, options);
    BOOST_TEST(attribute(scaled, "width") == "700");
    BOOST_TEST(attribute(scaled, "viewBox") == attribute(natural, "viewBox"));
    const long long height = std::stoll(attribute(natural, "height"));
    BOOST_TEST(std::stoll(attribute(scaled, "height")) == (height + 1) / 2);
    // Only the svg element differs.
    BOOST_TEST(scaled.substr(scaled.find("<title")) == natural.substr(natural.find("<title")));
    options.width = kare::max_svg_width + 1;
    BOOST_CHECK_THROW(kare::render_svg(v, options), kare::error);
    BOOST_CHECK_THROW(kare::render_html(v, kare::report{}, options), kare::error);
    options.width = kare::max_svg_width;
    BOOST_TEST(attribute(kare::render_svg(v, options), "width") == "100000");
}

BOOST_AUTO_TEST_SUITE_END()
