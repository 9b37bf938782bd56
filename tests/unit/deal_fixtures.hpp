// Shared helpers of the honesty, deal book and pipeline suites.
#ifndef KARE_TESTS_DEAL_FIXTURES_HPP
#define KARE_TESTS_DEAL_FIXTURES_HPP

#include <kare/json.hpp>
#include <kare/kare.hpp>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kare_test {

inline kare::date day(std::string_view text)
{
    const auto d = kare::date::parse(text);
    if (!d)
        throw std::invalid_argument("bad test date " + std::string(text));
    return *d;
}

inline kare::money usd(std::string_view text)
{
    const auto m = kare::money::parse(text, 2);
    if (!m)
        throw std::invalid_argument("bad test amount " + std::string(text));
    return *m;
}

/// Opened 2026-01-01; pain, budget and decision process on 01-02, 01-03 and
/// 01-05; last activity 2026-01-10; expected to close 2026-06-30.
inline kare::deal qualified_deal()
{
    kare::deal d;
    d.id = "d";
    d.account = "acme";
    d.amount = usd("1000.00");
    d.stage = "proposal";
    d.opened = day("2026-01-01");
    d.last_activity = day("2026-01-10");
    d.expected_close = day("2026-06-30");
    d.evidence = {{"pain", day("2026-01-02"), "call"},
                  {"budget", day("2026-01-03"), "email"},
                  {"decision_process", day("2026-01-05"), "meeting"}};
    return d;
}

inline void drop_evidence(kare::deal& d, std::string_view type)
{
    std::erase_if(d.evidence, [&](const kare::evidence_item& e) { return e.type == type; });
}

inline std::string read_text(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The plan whose pipeline figures test_pipeline.cpp computes by hand.
inline std::string fixture_text()
{
    return read_text(std::string(KARE_TEST_DATA_DIR) + "/honesty_plan.json");
}

inline kare::plan fixture_plan()
{
    return kare::read_plan(fixture_text());
}

/// The date the fixture is reported on.
inline kare::date fixture_as_of()
{
    return day("2026-03-31");
}

} // namespace kare_test

#endif
