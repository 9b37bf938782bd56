// Replacing a plan's configuration sections: the new sections apply to every
// record, records keep their history, and every refusal names its path.
#include "fixtures.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

namespace bdata = boost::unit_test::data;
using namespace kare_test;

namespace {

kare::placement placement_of(const kare::plan& p, std::string_view id)
{
    return p.placement_of(*p.account_index(id)).result;
}

// A partial document: the header and the given sections.
std::string sections(std::string_view members)
{
    return R"({"format": "kare-plan", "version": 1)" +
           (members.empty() ? std::string() : ", " + std::string(members)) + "}";
}

struct bad_case {
    const char* name;
    std::string document;
    kare::errc code;
    const char* path;
};

std::ostream& operator<<(std::ostream& os, const bad_case& c)
{
    return os << c.name;
}

const std::vector<bad_case> bad_cases{
    {"malformed JSON", R"({"format": )", kare::errc::parse_error, ""},
    {"not an object", "[1, 2]", kare::errc::invalid_plan, ""},
    {"no header", R"({"name": "x"})", kare::errc::invalid_plan, "format"},
    {"another format", R"({"format": "kare-report", "version": 1})", kare::errc::invalid_plan,
     "format"},
    {"a newer version", R"({"format": "kare-plan", "version": 99})",
     kare::errc::unsupported_version, "version"},
    {"accounts", sections(R"("accounts": [])"), kare::errc::invalid_plan, "accounts"},
    {"deals", sections(R"("deals": [])"), kare::errc::invalid_plan, "deals"},
    {"activities", sections(R"("activities": [])"), kare::errc::invalid_plan, "activities"},
    {"an unknown section", sections(R"("colour": "blue")"), kare::errc::invalid_plan, "colour"},
    {"a field an account uses, dropped",
     sections(R"("fields": [{"name": "industry", "type": "choice", "choices": ["retail", "media"]},
                            {"name": "renewal", "type": "date"}])"),
     kare::errc::invalid_plan, "accounts[0].attributes.seats"},
    {"a field's type changed under its values",
     sections(R"("fields": [{"name": "seats", "type": "text"},
                            {"name": "industry", "type": "choice", "choices": ["retail", "media"]},
                            {"name": "renewal", "type": "date"}])"),
     kare::errc::invalid_plan, "accounts[0].attributes.seats"},
    {"an owner who is no longer a rep",
     sections(R"("reps": [{"id": "ana", "name": "Ana", "style": "hunter"}])"),
     kare::errc::invalid_plan, "accounts[0].owner"},
    {"a profile on an unknown field",
     sections(R"("profiles": {"attain": {"rule": {"field": "colour", "eq": "blue"}}})"),
     kare::errc::invalid_plan, "profiles.attain.rule.field"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(plan_sections)

BOOST_AUTO_TEST_CASE(new_profiles_place_every_account_again)
{
    const kare::plan before = minimal_plan();
    BOOST_TEST(placement_of(before, "A-2") == kare::placement::in(kare::category::attain));
    const kare::plan after = kare::replace_sections(before, sections(R"("profiles": {
        "attain": {"rule": {"all": [{"field": "relationship", "eq": "prospect"},
                                    {"field": "industry", "eq": "retail"}]}}})"));
    BOOST_TEST(placement_of(after, "A-2") == kare::placement::unassigned());
    // The base is a value: untouched.
    BOOST_TEST(placement_of(before, "A-2") == kare::placement::in(kare::category::attain));
}

BOOST_AUTO_TEST_CASE(what_the_document_leaves_out_is_kept)
{
    const kare::plan before = minimal_plan();
    const kare::plan after = kare::replace_sections(before, sections(R"("name": "Renamed")"));
    BOOST_TEST(after.name() == "Renamed");
    kare::plan renamed_back = after;
    renamed_back.set_name(before.name());
    BOOST_TEST(kare::write_plan(renamed_back) == kare::write_plan(before));
    const auto& cobalt = after.accounts()[*after.account_index("A-3")];
    BOOST_TEST(cobalt.history.size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_header_alone_changes_nothing)
{
    const kare::plan before = minimal_plan();
    BOOST_TEST(kare::write_plan(kare::replace_sections(before, sections(""))) ==
               kare::write_plan(before));
}

BOOST_AUTO_TEST_CASE(new_reps_and_fields_apply_together)
{
    const kare::plan after = kare::replace_sections(minimal_plan(), sections(R"(
        "reps": [{"id": "ana", "name": "Ana", "style": "hunter"},
                 {"id": "bo", "name": "Bo", "style": "farmer"},
                 {"id": "cy", "name": "Cy", "style": "both"}],
        "fields": [{"name": "seats", "type": "number", "min": 0},
                   {"name": "industry", "type": "choice", "choices": ["retail", "media", "health"]},
                   {"name": "renewal", "type": "date"}])"));
    BOOST_TEST(after.reps().size() == 3u);
    kare::account a = decided_account("A-9", "cy", kare::relationship::prospect, kare::placement());
    a.attributes["industry"] = std::string("health");
    kare::plan grown = after;
    grown.add_account(a);
    BOOST_TEST(grown.accounts().size() == 4u);
}

BOOST_DATA_TEST_CASE(bad_sections_name_their_path, bdata::make(bad_cases), c)
{
    const kare::plan before = minimal_plan();
    try {
        (void)kare::replace_sections(before, c.document);
        BOOST_FAIL("accepted");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == c.code, e.what());
        BOOST_TEST(e.path() == c.path, e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
