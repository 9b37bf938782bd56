// The report: every account in exactly one place, counts, and each finding
// code raised where it should be and nowhere else.
#include "core/review_pass.hpp"
#include "fixtures.hpp"

#include <kare/detail/plan_access.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <set>

namespace bdata = boost::unit_test::data;
using namespace kare_test;
using kare::category;

namespace {

std::set<std::string> subjects(const kare::report& r, const std::string& code)
{
    std::set<std::string> out;
    for (const auto& f : r.findings)
        if (f.code == code)
            out.insert(f.subject_id);
    return out;
}

struct code_case {
    const char* code;
    std::set<std::string> raised_for;
};

std::ostream& operator<<(std::ostream& os, const code_case& c)
{
    return os << c.code;
}

// What the bundled example must raise, account by account.
const std::vector<code_case> example_codes{
    {"account.ambiguous", {"EVR-005"}},
    {"account.contradicts_profile", {"HLX-008", "UMB-021"}},
    {"account.unassigned", {"LMN-012", "MRD-013", "RDG-018"}},
    {"account.unassigned_by_decision", {"WLW-023"}},
    {"account.fire_suggested", {"MRD-013"}},
    {"account.tie_break", {}},
};

} // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(every_account_is_in_exactly_one_place)
{
    const kare::plan p = example_plan();
    const kare::report r = kare::make_report(p, day("2026-11-23"));
    BOOST_TEST(r.accounts.size() == p.accounts().size());
    std::size_t total = r.counts.fired + r.counts.unassigned;
    for (auto n : r.counts.by_category)
        total += n;
    BOOST_TEST(total == p.accounts().size());
    BOOST_TEST(r.counts.by_category[0] == 6u);
    BOOST_TEST(r.counts.by_category[1] == 4u);
    BOOST_TEST(r.counts.by_category[2] == 4u);
    BOOST_TEST(r.counts.by_category[3] == 5u);
    BOOST_TEST(r.counts.fired == 2u);
    BOOST_TEST(r.counts.unassigned == 5u);
    for (const auto& a : r.accounts)
        BOOST_TEST(a.outcome.result.name() != "open");
}

BOOST_DATA_TEST_CASE(example_findings_by_code, bdata::make(example_codes), c)
{
    const kare::report r = kare::make_report(example_plan(), day("2026-11-23"));
    BOOST_TEST(subjects(r, c.code) == c.raised_for, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_code_is_registered_and_findings_are_complete)
{
    kare::plan p = example_plan();
    kare::profile_set set = p.profiles();
    set.ties.how = kare::tie_break::mode::category_order;
    p.set_profiles(set);
    const kare::report r = kare::make_report(p, day("2026-11-23"));
    BOOST_TEST(subjects(r, "account.tie_break") == (std::set<std::string>{"EVR-005"}),
               boost::test_tools::per_element());
    BOOST_TEST(subjects(r, "account.ambiguous").empty());
    for (const auto& f : r.findings) {
        const kare::finding_code* entry = kare::find_finding_code(f.code);
        BOOST_REQUIRE(entry);
        BOOST_TEST(entry->severity == f.severity);
        BOOST_TEST(!f.message.empty());
        BOOST_TEST(f.subject == entry->subject);
    }
}

BOOST_AUTO_TEST_CASE(contradiction_carries_the_failing_criteria)
{
    const kare::report r = kare::make_report(example_plan(), day("2026-11-23"));
    for (const auto& f : r.findings)
        if (f.code == "account.contradicts_profile" && f.subject_id == "HLX-008") {
            BOOST_REQUIRE(f.figures.size() == 3u);
            BOOST_TEST(std::get<std::string>(f.figures[0].value) == "expand");
            const auto& failed = std::get<std::vector<std::string>>(f.figures[1].value);
            BOOST_TEST(failed == (std::vector<std::string>{"growth_potential = high", "at least 50 seats"}),
                       boost::test_tools::per_element());
            const auto& paths = std::get<std::vector<std::string>>(f.figures[2].value);
            BOOST_TEST(paths[0] == "profiles.expand.rule.all[1]");
            return;
        }
    BOOST_FAIL("no contradiction reported for HLX-008");
}

// The report walks the criteria only where it explains or names them: an
// account left unexplained keeps every profile's verdict, a contradiction
// still names its failed criteria, and the explained checks are those
// `classify` gives on its own.
BOOST_AUTO_TEST_CASE(explanations_left_out_change_no_verdict)
{
    const kare::plan p = example_plan();
    kare::report_options none;
    none.explain = kare::explanation::none;
    const kare::report bare = kare::make_report(p, day("2026-11-23"), none);
    const kare::report full = kare::make_report(p, day("2026-11-23"));
    BOOST_REQUIRE(bare.accounts.size() == full.accounts.size());
    for (std::size_t i = 0; i < full.accounts.size(); ++i) {
        const auto& explained = full.accounts[i].outcome;
        const auto& left = bare.accounts[i].outcome;
        BOOST_TEST(kare::classify(p, p.accounts()[i]).profiles == explained.profiles);
        for (std::size_t c = 0; c < 4; ++c) {
            BOOST_REQUIRE(left.profiles[c].has_value() == explained.profiles[c].has_value());
            if (explained.profiles[c]) {
                BOOST_TEST(left.profiles[c]->held == explained.profiles[c]->held);
                BOOST_TEST(left.profiles[c]->checks.empty());
            }
        }
        BOOST_TEST(left.candidates == explained.candidates);
        BOOST_TEST(left.fire_suggestions == explained.fire_suggestions);
    }
    BOOST_TEST(subjects(bare, "account.contradicts_profile") ==
               (std::set<std::string>{"HLX-008", "UMB-021"}));
    BOOST_TEST(kare::write_review(bare) == kare::write_review(full));
}

BOOST_AUTO_TEST_CASE(findings_come_most_severe_first)
{
    const kare::report r = kare::make_report(example_plan(), day("2026-11-23"));
    for (std::size_t i = 1; i < r.findings.size(); ++i)
        BOOST_TEST(r.findings[i - 1].severity >= r.findings[i].severity);
}

BOOST_AUTO_TEST_CASE(a_rep_report_covers_only_their_accounts)
{
    const kare::plan p = example_plan();
    kare::report_options options;
    options.rep = "leo";
    const kare::report r = kare::make_report(p, day("2026-11-23"), options);
    BOOST_TEST(r.rep == "leo");
    for (const auto& a : r.accounts)
        BOOST_TEST(a.owner == "leo");
    BOOST_TEST(r.accounts.size() == 13u);
    options.rep = "nobody";
    BOOST_CHECK_THROW(kare::make_report(p, day("2026-11-23"), options), kare::error);
}

BOOST_AUTO_TEST_CASE(report_document_is_canonical_and_complete)
{
    const kare::report r = kare::make_report(example_plan(), day("2026-11-23"));
    const std::string text = kare::write_report(r);
    const auto doc = boost::json::parse(text).as_object();
    BOOST_TEST(doc.at("format").as_string() == "kare-report");
    BOOST_TEST(doc.at("summary").at("total").as_int64() == 26);
    BOOST_TEST(doc.at("accounts").as_array().size() == 26u);
    BOOST_TEST(doc.at("findings").as_array().size() == r.findings.size());
    BOOST_TEST(kare::to_canonical_text(boost::json::parse(text)) == text);
    const auto& evergreen = doc.at("accounts").as_array()[4].as_object();
    BOOST_TEST(evergreen.at("id").as_string() == "EVR-005");
    BOOST_TEST(evergreen.at("placement").as_string() == "unassigned");
    BOOST_TEST(evergreen.at("candidates").as_array().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_report_classifies_each_account_once)
{
    const kare::plan p = example_plan();
    const std::size_t evaluations = kare::detail::plan_access::evaluation_count(p);
    for (const char* rep : {"", "leo"}) {
        kare::detail::report_work work;
        const kare::report r = kare::detail::make_report(p, day("2026-11-23"), {rep}, work);
        BOOST_TEST(work.classifications == r.accounts.size());
        BOOST_TEST(r.accounts.size() == (*rep ? 13u : p.accounts().size()));
        BOOST_TEST(work.pipelines == 1u);
        BOOST_TEST(work.progress_reports == 1u);
        // The placements come from the cached verdicts: nothing re-evaluated.
        BOOST_TEST(kare::detail::plan_access::evaluation_count(p) == evaluations);
    }
}

BOOST_AUTO_TEST_CASE(the_report_holds_the_pipeline_and_progress_of_its_date_and_rep)
{
    const kare::plan p = example_plan();
    for (const char* rep : {"", "maya"}) {
        const kare::report r = kare::make_report(p, day("2026-11-23"), {rep});
        BOOST_TEST(kare::write_pipeline(r.pipeline) ==
                   kare::write_pipeline(kare::make_pipeline(p, day("2026-11-23"), {rep})));
        kare::progress_options current;
        current.rep = rep;
        current.trend_periods = 0;
        BOOST_TEST(kare::write_progress(r.progress) ==
                   kare::write_progress(kare::make_progress(p, day("2026-11-23"), current)));
        BOOST_TEST(r.counts.total() == r.accounts.size());
    }
}

BOOST_AUTO_TEST_CASE(the_report_is_a_pure_function)
{
    const kare::plan p = example_plan();
    BOOST_TEST(kare::write_report(kare::make_report(p, day("2026-11-23"))) ==
               kare::write_report(kare::make_report(p, day("2026-11-23"))));
}

BOOST_AUTO_TEST_CASE(the_finding_code_table_as_a_document)
{
    const auto doc = boost::json::parse(kare::write_finding_codes()).as_object();
    BOOST_TEST(doc.at("format").as_string() == "kare-finding-codes");
    const auto& codes = doc.at("codes").as_array();
    const auto table = kare::finding_codes();
    BOOST_REQUIRE(codes.size() == table.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& entry = codes[i].as_object();
        BOOST_TEST(entry.at("code").as_string() == table[i].code);
        BOOST_TEST(entry.at("severity").as_string() == kare::to_string(table[i].severity));
        BOOST_TEST(entry.at("subject").as_string() == kare::to_string(table[i].subject));
        BOOST_TEST(entry.at("description").as_string() == table[i].description);
    }
}

BOOST_AUTO_TEST_SUITE_END()
