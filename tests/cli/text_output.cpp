// The tool's text tables print every name as harmless text: a report filled
// by a C++ caller, not read from a document, may hold anything.
#define BOOST_TEST_MODULE cli_text_output
#include "cli/pipeline_table.hpp"
#include "cli/progress_table.hpp"
#include "cli/terminal_map.hpp"

#include <kare/map_view.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

// Bytes a terminal acts on: ESC, CSI as a C1 control, a right-to-left
// override, and a byte that is not UTF-8 (8-bit CSI on some terminals).
const std::string hostile = "Ac\x1b[2Jme \xC2\x9B" "31m \xE2\x80\xAE" "evil \x9b";

bool raw_control_in(const std::string& text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b || c == 0x9b || text.compare(i, 3, "\xE2\x80\xAE") == 0)
            return true;
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_map_escapes_names_ids_owners_and_findings)
{
    kare::report r;
    r.plan_name = hostile;
    kare::account_result a;
    a.id = "A-1\x1b";
    a.name = hostile;
    a.owner = "ana\n";
    a.outcome.result = kare::placement::in(kare::category::keep);
    r.accounts.push_back(a);
    a.outcome.result = kare::placement::unassigned();
    r.accounts.push_back(a);
    kare::finding f;
    f.code = "account.unassigned";
    f.message = hostile;
    r.findings.push_back(f);
    kare::map_view view;
    view.title = hostile;
    kare::map_entry entry;
    entry.id = a.id;
    entry.name = a.name;
    entry.owner = a.owner;
    view.quadrants[0].accounts.push_back(entry);
    const std::string text = kare::cli::render_terminal_map(view, r);
    BOOST_TEST(!raw_control_in(text));
    BOOST_TEST(text.find("Ac\\u001b[2Jme \\u009b31m \\u202eevil \\x9b") != std::string::npos);
    BOOST_TEST(text.find("[A-1\\u001b, ana\\u000a]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_pipeline_and_progress_tables_escape_their_cells)
{
    kare::pipeline_report p;
    p.plan_name = hostile;
    kare::hope_deal h;
    h.id = "D\x1b";
    h.account = hostile;
    h.reason = hostile;
    p.hope.push_back(h);
    const std::string pipeline = kare::cli::render_pipeline_table(p);
    BOOST_TEST(!raw_control_in(pipeline));
    BOOST_TEST(pipeline.find("D\\u001b") != std::string::npos);

    kare::progress_report g;
    g.plan_name = hostile;
    kare::rep_progress rep;
    rep.id = "ana";
    rep.name = hostile;
    g.reps.push_back(rep);
    const std::string progress = kare::cli::render_progress_table(g);
    BOOST_TEST(!raw_control_in(progress));
    BOOST_TEST(progress.find("ana (Ac\\u001b[2Jme") != std::string::npos);
}
