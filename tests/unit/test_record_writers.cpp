// One account or deal written as the plan document holds it reads back as
// the same record; a finding's figures are the report's `figures` object.
#include "fixtures.hpp"

#include <kare/json.hpp>
#include <kare/report.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

using namespace kare_test;

BOOST_AUTO_TEST_SUITE(record_writers)

BOOST_AUTO_TEST_CASE(every_account_reads_back_as_itself)
{
    const kare::plan p = example_plan();
    BOOST_REQUIRE(!p.accounts().empty());
    for (const auto& a : p.accounts())
        BOOST_TEST((kare::read_account(kare::write_account(a), p) == a), a.id);
}

BOOST_AUTO_TEST_CASE(every_deal_reads_back_as_itself)
{
    const kare::plan p = example_plan();
    BOOST_REQUIRE(!p.deals().empty());
    for (const auto& d : p.deals())
        BOOST_TEST((kare::read_deal(kare::write_deal(d), p) == d), d.id);
}

BOOST_AUTO_TEST_CASE(figures_are_the_report_documents_own)
{
    const kare::plan p = example_plan();
    const kare::report r = kare::make_report(p, *kare::date::parse("2026-11-23"));
    const auto document = boost::json::parse(kare::write_report(r));
    const auto& findings = document.at("findings").as_array();
    BOOST_REQUIRE_EQUAL(findings.size(), r.findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i)
        BOOST_TEST(boost::json::parse(kare::write_figures(r.findings[i].figures)) ==
                       findings[i].at("figures"),
                   r.findings[i].code);
}

BOOST_AUTO_TEST_SUITE_END()
