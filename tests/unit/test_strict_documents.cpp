// Strict documents: what a lenient JSON reader would let through silently
// (a key given twice, a byte-order mark, a NUL byte in a batch), money no
// report could total, and text that hides or reorders what is printed.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

#include <kare/batch.hpp>
#include <kare/import.hpp>
#include <kare/json.hpp>
#include <kare/pipeline.hpp>

#include <string>

using kare_test::minimal_document;
using kare_test::read_error;
using kare_test::text_of;

namespace {

// The minimal plan's text with one piece replaced (it must be there).
std::string edited(const std::string& from, const std::string& to)
{
    std::string text = text_of(minimal_document());
    const auto at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, "not in the document: " << from);
    return text.replace(at, from.size(), to);
}

std::string example_edited(const std::string& from, const std::string& to)
{
    std::string text = kare_test::read_text(kare_test::example_path());
    const auto at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, "not in the example: " << from);
    return text.replace(at, from.size(), to);
}

kare::batch_result skipping(const kare::plan& p, const std::string& lines)
{
    kare::batch_options options;
    options.on_bad_line = kare::bad_line_policy::skip;
    options.threads = 1;
    return kare::classify_jsonl(p, lines, options);
}

const std::string bom = "\xEF\xBB\xBF";

} // namespace

BOOST_AUTO_TEST_SUITE(strict_documents)

BOOST_AUTO_TEST_CASE(a_key_given_twice_is_refused_at_the_second)
{
    struct {
        std::string from, to, path, key;
    } const cases[] = {
        {"\"placement\":\"recapture\"", "\"placement\":\"keep\",\"placement\":\"recapture\"",
         "accounts[2].placement", "placement"},
        {"\"seats\":10", "\"seats\":10,\"risk\":\"high\"", "accounts[0].attributes.risk", "risk"},
        {"\"name\":\"Minimal\"", "\"name\":\"Minimal\",\"name\":\"Other\"", "name", "name"},
        {"\"style\":\"farmer\"", "\"style\":\"farmer\",\"id\":\"x\"", "reps[1].id", "id"},
        {"\"reason\":\"Lapsed.\"", "\"reason\":\"Lapsed.\",\"to\":\"keep\"",
         "accounts[2].history[1].to", "to"},
    };
    for (const auto& c : cases) {
        const kare::error_info err = read_error(edited(c.from, c.to));
        BOOST_TEST(err.code == kare::errc::invalid_plan);
        BOOST_TEST(err.path == c.path);
        BOOST_TEST(err.message == "the key '" + c.key +
                                      "' is given twice in one object (a key appears at most once)");
    }
    // The same key in two objects is no repetition.
    BOOST_TEST(!read_error(text_of(minimal_document())));
}

BOOST_AUTO_TEST_CASE(a_key_given_twice_is_refused_in_a_batch_line)
{
    const kare::plan p = kare_test::minimal_plan();
    const std::string good = R"({"id":"B-1","name":"B","owner":"ana","relationship":"client"})";
    const std::string twice =
        R"({"id":"B-2","name":"B","owner":"ana","relationship":"client","relationship":"prospect"})";
    const kare::batch_result r = skipping(p, good + "\n" + twice + "\n" + good + "\n");
    BOOST_TEST(r.summary.accounts == 2u);
    BOOST_TEST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].line == 2u);
    BOOST_TEST(r.errors[0].code == kare::errc::invalid_plan);
    BOOST_TEST(r.errors[0].path == "relationship");
    // Also deep in an attribute, where the fast reader defers to the exact one.
    const std::string deep = R"({"id":"B-3","name":"B","owner":"ana","relationship":"client",)"
                             R"("attributes":{"risk":"low","risk":"high"}})";
    const kare::batch_result d = skipping(p, deep);
    BOOST_TEST_REQUIRE(d.errors.size() == 1u);
    BOOST_TEST(d.errors[0].path == "attributes.risk");
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_is_accepted_at_the_start_only)
{
    const std::string text = text_of(minimal_document());
    BOOST_TEST(kare::write_plan(kare::read_plan(bom + text)) == kare::write_plan(kare::read_plan(text)));
    const kare::error_info twice = read_error(bom + bom + text);
    BOOST_TEST(twice.code == kare::errc::parse_error);

    const kare::plan p = kare_test::minimal_plan();
    const std::string line = R"({"id":"B-1","name":"B","owner":"ana","relationship":"client"})";
    BOOST_TEST(kare::classify_jsonl(p, bom + line).output == kare::classify_jsonl(p, line).output);
    const kare::batch_result r = skipping(p, line + "\n" + bom + line + "\n");
    BOOST_TEST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].line == 2u);
    BOOST_TEST(r.errors[0].message.find("a byte-order mark at the start of the line") == 0u);

    const std::string mapping =
        kare_test::read_text(std::string(KARE_EXAMPLES_DIR) + "/import/hubspot-mapping.json");
    BOOST_TEST(kare::read_import_mapping(bom + mapping).name == kare::read_import_mapping(mapping).name);
}

BOOST_AUTO_TEST_CASE(a_nul_byte_is_one_bad_line)
{
    const kare::plan p = kare_test::minimal_plan();
    const std::string line = R"({"id":"B-1","name":"B","owner":"ana","relationship":"client"})";
    std::string bad = R"({"id":"B-2","name":"B)";
    bad += '\0';
    bad += R"(","owner":"ana","relationship":"client"})";
    const kare::batch_result r = skipping(p, line + "\n" + bad + "\n" + line + "\n");
    BOOST_TEST(r.summary.accounts == 2u);
    BOOST_TEST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].line == 2u);
    BOOST_TEST(r.errors[0].code == kare::errc::parse_error);
    BOOST_TEST(r.errors[0].message == "a NUL byte at column 22");
    kare::error_info err;
    BOOST_TEST(!kare::classify_jsonl(p, line + "\n" + bad, err));
    BOOST_TEST(err.path == "line 2");
}

BOOST_AUTO_TEST_CASE(money_no_report_could_total_is_refused_when_read)
{
    const std::string text = example_edited("\"amount\": \"120000.00\"", "\"amount\": \"92233720368547758.07\"");
    const kare::error_info err = read_error(text);
    BOOST_TEST(err.code == kare::errc::limit_exceeded);
    BOOST_TEST(err.path == "deals[1].amount");
    // Deals added since reading are named by the report instead.
    kare::plan p = kare_test::example_plan();
    kare::deal big = p.deals().front();
    big.id = "D-BIG";
    big.amount = *kare::money::parse("92233720368547758.07", 2);
    p.add_deal(big);
    try {
        (void)kare::make_pipeline(p, kare_test::day("2026-11-23"));
        BOOST_FAIL("the pipeline was totalled");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::limit_exceeded);
        BOOST_TEST(e.path() == "deals[" + std::to_string(p.deals().size() - 1) + "].amount");
    }
}

BOOST_AUTO_TEST_CASE(ids_that_hide_or_reorder_text_are_refused)
{
    struct {
        const char* id;
        const char* message;
    } const cases[] = {
        {"A\\u0085-1", "the account id contains a control or bidi control character"},
        {"A\\u202e1-", "the account id contains a control or bidi control character"},
        {"A\\u2066-1", "the account id contains a control or bidi control character"},
        {"A\\u200b-1", "the account id contains an invisible character (zero-width, soft hyphen or byte-order mark)"},
        {"A-\\u00ad1", "the account id contains an invisible character (zero-width, soft hyphen or byte-order mark)"},
        {"\\ufeffA-1", "the account id contains an invisible character (zero-width, soft hyphen or byte-order mark)"},
        {"   ", "the account id is only spaces"},
        {"\\u00a0\\u3000", "the account id is only spaces"},
    };
    for (const auto& c : cases) {
        const kare::error_info err = read_error(edited("\"id\":\"A-1\"", std::string("\"id\":\"") + c.id + "\""));
        BOOST_TEST(err.code == kare::errc::invalid_plan, c.id);
        BOOST_TEST(err.path == "accounts[0].id", c.id);
        BOOST_TEST(err.message == c.message, c.id);
    }
    // The fast batch reader agrees with the exact one.
    const kare::plan p = kare_test::minimal_plan();
    const kare::batch_result r =
        skipping(p, "{\"id\":\"B\\u200b1\",\"name\":\"B\",\"owner\":\"ana\",\"relationship\":\"client\"}");
    BOOST_TEST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].path == "id");
    // A space inside an id is fine.
    BOOST_TEST(!read_error(edited("\"id\":\"A-1\"", "\"id\":\"A 1\"")));
}

BOOST_AUTO_TEST_CASE(names_and_labels_that_reorder_text_are_refused)
{
    struct {
        std::string from, to, path;
    } const cases[] = {
        {"\"name\":\"Acme\"", "\"name\":\"Ac\\u202eme\"", "accounts[0].name"},
        {"\"name\":\"Acme\"", "\"name\":\"Ac\\u009bme\"", "accounts[0].name"},
        {"\"name\":\"Minimal\"", "\"name\":\"Mini\\u001b[2Jmal\"", "name"},
        {"\"name\":\"Ana\"", "\"name\":\"A\\u2067na\"", "reps[0].name"},
        {"\"name\":\"seats\"", "\"name\":\"se\\u0007ats\"", "fields[0].name"},
        {"\"reason\":\"Lapsed.\"", "\"reason\":\"Lap\\u202esed.\"", "accounts[2].history[1].reason"},
    };
    for (const auto& c : cases) {
        const kare::error_info err = read_error(edited(c.from, c.to));
        BOOST_TEST(err.code == kare::errc::invalid_plan, c.to);
        BOOST_TEST(err.path == c.path, c.to);
    }
    const kare::error_info label =
        read_error(example_edited("\"label\": \"at least 50 seats\"", "\"label\": \"at least \\u001b[31m50\""));
    BOOST_TEST(label.code == kare::errc::invalid_plan);
    BOOST_TEST(label.path.find(".label") != std::string::npos);
    // Joiners and marks that scripts and emoji need stay allowed in names.
    BOOST_TEST(!read_error(edited("\"name\":\"Acme\"", "\"name\":\"Acme \\ud83d\\udc68\\u200d\\ud83d\\udcbb\"")));
    BOOST_TEST(!read_error(edited("\"name\":\"Acme\"", "\"name\":\"\\u05d0\\u200f Acme\"")));
}

BOOST_AUTO_TEST_SUITE_END()
