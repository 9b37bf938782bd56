// classify_jsonl: the same verdicts as classify(), the same errors as the plan
// reader (with the line instead of accounts[N]), and the same output on any
// number of threads.
#include "fixtures.hpp"
#include "random_plans.hpp"

#include <kare/batch.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <thread>
#include <utility>

namespace bdata = boost::unit_test::data;
namespace json = boost::json;
using namespace kare_test;

namespace {

// The accounts of `p` as JSON Lines, in the plan document's own format.
std::string accounts_as_jsonl(const kare::plan& p)
{
    const json::value doc = json::parse(kare::write_plan(p));
    std::string out;
    for (const auto& a : doc.at("accounts").as_array())
        out += json::serialize(a) + "\n";
    return out;
}

std::vector<json::value> output_lines(const std::string& output)
{
    std::vector<json::value> out;
    std::size_t start = 0;
    while (start < output.size()) {
        const std::size_t end = output.find('\n', start);
        BOOST_REQUIRE(end != std::string::npos); // every line ends in a newline
        out.push_back(json::parse(output.substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

json::array names_of(const std::vector<kare::category>& cats)
{
    json::array out;
    for (auto c : cats)
        out.emplace_back(to_string(c));
    return out;
}

// Each output line against classify() and the report's findings.
void check_against_classify(const kare::plan& p, const kare::batch_result& r)
{
    const auto lines = output_lines(r.output);
    BOOST_TEST_REQUIRE(lines.size() == p.accounts().size());
    BOOST_TEST(r.accounts == p.accounts().size());
    const kare::report rep = kare::make_report(p, day("2026-11-23"));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& a = p.accounts()[i];
        const auto c = kare::classify(p, a);
        const auto& o = lines[i].as_object();
        BOOST_TEST(o.at("id").as_string() == a.id);
        BOOST_TEST(o.at("placement").as_string() == c.result.name(), a.id);
        BOOST_TEST(o.at("basis").as_string() == to_string(c.basis), a.id);
        BOOST_TEST((o.at("candidates").as_array() == names_of(c.candidates)), a.id);
        json::array fires;
        for (const auto& id : c.fire_suggestions)
            fires.emplace_back(id);
        BOOST_TEST((o.at("fire_suggestions").as_array() == fires), a.id);
        json::array codes;
        for (const auto& f : rep.findings)
            if (f.subject_id == a.id && kare_test::is_classification_finding(f.code))
                codes.emplace_back(f.code);
        json::array got = o.at("findings").as_array();
        auto text_less = [](const json::value& x, const json::value& y) {
            return x.as_string() < y.as_string();
        };
        std::sort(codes.begin(), codes.end(), text_less);
        std::sort(got.begin(), got.end(), text_less);
        BOOST_TEST((got == codes), a.id);
    }
    BOOST_TEST((r.summary == kare::summarize(p)));
}

// A broken account and what the plan reader says about it.
struct bad_case {
    const char* name;
    const char* account; // JSON object text
};

std::ostream& operator<<(std::ostream& os, const bad_case& c)
{
    return os << c.name;
}

const std::vector<bad_case> bad_cases{
    {"unknown choice", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"risk":"extreme"}})"},
    {"unknown field", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"rsik":"low"}})"},
    {"relationship as attribute", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"relationship":"client"}})"},
    {"number below min", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"seats":-1}})"},
    {"number above max", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"seats":100001.5}})"},
    {"huge number", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"annual_revenue":1e400}})"},
    {"unsigned beyond 2^64", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"annual_revenue":18446744073709551615}})"},
    {"integer beyond 2^53", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"annual_revenue":9007199254740993}})"},
    {"choice as number", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"risk":3}})"},
    {"boolean as text", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"repeat_purchases":"yes"}})"},
    {"bad date", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"renewal_date":"2027-02-30"}})"},
    {"text as number", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":{"champion":7}})"},
    {"attributes not an object", R"({"id":"X","name":"X","owner":"maya","relationship":"client","attributes":[]})"},
    {"missing id", R"({"name":"X","owner":"maya","relationship":"client"})"},
    {"null id", R"({"id":null,"name":"X","owner":"maya","relationship":"client"})"},
    {"empty name", R"({"id":"X","name":"","owner":"maya","relationship":"client"})"},
    {"control character in id", R"({"id":"X\u0001","name":"X","owner":"maya","relationship":"client"})"},
    {"missing owner", R"({"id":"X","name":"X","relationship":"client"})"},
    {"missing relationship", R"({"id":"X","name":"X","owner":"maya"})"},
    {"unknown relationship", R"({"id":"X","name":"X","owner":"maya","relationship":"friend"})"},
    {"unknown key", R"({"id":"X","name":"X","owner":"maya","relationship":"client","colour":"red"})"},
    {"unknown placement", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"maybe"})"},
    {"fired without action", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"fired","history":[{"date":"2026-01-01","from":"open","to":"fired","reason":"Why"}]})"},
    {"action without firing", R"({"id":"X","name":"X","owner":"maya","relationship":"client","fire_action":"end"})"},
    {"control character in action", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"fired","fire_action":"e\u0002","history":[{"date":"2026-01-01","from":"open","to":"fired","reason":"Why"}]})"},
    {"placement without history", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"keep","history":[{"date":"2026-01-01","from":"open","to":"expand","reason":""}]})"},
    {"history out of order", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"expand","history":[{"date":"2026-02-01","from":"open","to":"keep","reason":""},{"date":"2026-01-01","from":"keep","to":"expand","reason":"Grew"}]})"},
    {"history broken chain", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"expand","history":[{"date":"2026-01-01","from":"open","to":"keep","reason":""},{"date":"2026-02-01","from":"attain","to":"expand","reason":"Grew"}]})"},
    {"history move without reason", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"expand","history":[{"date":"2026-01-01","from":"open","to":"keep","reason":""},{"date":"2026-02-01","from":"keep","to":"expand"}]})"},
    {"history unknown key", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"keep","history":[{"date":"2026-01-01","from":"open","to":"keep","why":"x"}]})"},
    {"history missing date", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"keep","history":[{"from":"open","to":"keep"}]})"},
    {"history no change", R"({"id":"X","name":"X","owner":"maya","relationship":"client","placement":"keep","history":[{"date":"2026-01-01","from":"keep","to":"keep","reason":"x"}]})"},
    {"duplicate product", R"({"id":"X","name":"X","owner":"maya","relationship":"client","products":["a","a"]})"},
    {"product not text", R"({"id":"X","name":"X","owner":"maya","relationship":"client","products":[1]})"},
    {"empty product", R"({"id":"X","name":"X","owner":"maya","relationship":"client","products":[""]})"},
    {"not an object", R"([1,2,3])"},
};

// The plan reader's error for `account` added to the example plan.
kare::error_info plan_reader_error(const std::string& account)
{
    // Spliced as text, first in the list: a round trip through a JSON value
    // would rewrite 1e400.
    std::string doc = read_text(example_path());
    const std::string list = "\"accounts\": [";
    const std::size_t at = doc.find(list);
    BOOST_TEST_REQUIRE(at != std::string::npos);
    doc.insert(at + list.size(), "\n" + account + ",");
    kare::error_info err = read_error(doc);
    const std::string prefix = "accounts[0]";
    BOOST_TEST_REQUIRE(err.path.rfind(prefix, 0) == 0u);
    err.path = err.path.size() == prefix.size() ? "" : err.path.substr(prefix.size() + 1);
    return err;
}

const std::string good_line =
    R"({"id":"G","name":"Good","owner":"nobody","relationship":"prospect","attributes":{"risk":"low","growth_potential":"high"}})";

} // namespace

BOOST_AUTO_TEST_SUITE(batch)

BOOST_AUTO_TEST_CASE(example_accounts_classify_as_in_the_plan)
{
    const kare::plan p = example_plan();
    const auto r = kare::classify_jsonl(p, accounts_as_jsonl(p));
    BOOST_TEST(r.errors.empty());
    check_against_classify(p, r);
}

BOOST_AUTO_TEST_CASE(random_accounts_classify_as_in_the_plan)
{
    random_plans gen(424242);
    for (int round = 0; round < 25; ++round) {
        kare::plan p = gen.empty_plan();
        p.set_profiles(gen.profiles_for(p));
        gen.add_accounts(p, 200);
        kare::batch_options o;
        o.threads = 1 + static_cast<std::uint32_t>(gen.pick(3));
        check_against_classify(p, kare::classify_jsonl(p, accounts_as_jsonl(p), o));
    }
}

BOOST_AUTO_TEST_CASE(output_is_the_same_on_any_number_of_threads)
{
    random_plans gen(8);
    kare::plan p = gen.empty_plan();
    p.set_profiles(gen.profiles_for(p));
    gen.add_accounts(p, 6000);
    std::string jsonl = accounts_as_jsonl(p);
    BOOST_TEST_REQUIRE(jsonl.size() > 1'000'000u); // several chunks
    kare::batch_options o;
    const auto one = kare::classify_jsonl(p, jsonl, o);
    check_against_classify(p, one);
    for (std::uint32_t t : {2U, 3U, 8U, 0U}) {
        o.threads = t;
        const auto many = kare::classify_jsonl(p, jsonl, o);
        BOOST_TEST(many.output == one.output, t << " threads");
        BOOST_TEST((many.summary == one.summary));
    }
    // Skipped bad lines keep their numbers across chunks and threads.
    {
        std::string broken;
        std::vector<std::size_t> bad_lines;
        std::size_t line = 0;
        std::size_t start = 0;
        while (start < jsonl.size()) {
            const std::size_t end = jsonl.find('\n', start);
            ++line;
            if (line % 997 == 0) {
                broken += "{\"id\":\"\"}\n";
                bad_lines.push_back(line);
            } else {
                broken.append(jsonl, start, end - start + 1);
            }
            start = end + 1;
        }
        kare::batch_options skip;
        skip.on_bad_line = kare::bad_line_policy::skip;
        const auto serial = kare::classify_jsonl(p, broken, skip);
        BOOST_TEST_REQUIRE(serial.errors.size() == bad_lines.size());
        for (std::size_t i = 0; i < bad_lines.size(); ++i)
            BOOST_TEST(serial.errors[i].line == bad_lines[i]);
        skip.threads = 3;
        const auto parallel = kare::classify_jsonl(p, broken, skip);
        BOOST_TEST(parallel.output == serial.output);
        BOOST_TEST((parallel.errors == serial.errors));
    }

    // The first bad line is the one reported, wherever the chunks fall.
    const std::size_t at = jsonl.size() * 3 / 4;
    const std::size_t line_start = jsonl.rfind('\n', at) + 1;
    const auto line = static_cast<std::size_t>(std::count(jsonl.begin(), jsonl.begin() + static_cast<std::ptrdiff_t>(line_start), '\n')) + 1;
    jsonl.insert(line_start, "{}\n");
    jsonl.insert(jsonl.size() - 10, "\n{}\n"); // a later one, inside the last account
    for (std::uint32_t t : {1U, 2U, 5U}) {
        o.threads = t;
        try {
            (void)kare::classify_jsonl(p, jsonl, o);
            BOOST_FAIL("accepted a bad line");
        } catch (const kare::error& e) {
            BOOST_TEST(e.path() == "line " + std::to_string(line) + ": id");
        }
    }
}

BOOST_AUTO_TEST_CASE(streaming_hands_pieces_in_order_on_the_calling_thread)
{
    random_plans gen(17);
    kare::plan p = gen.empty_plan();
    gen.add_accounts(p, 5000);
    const std::string jsonl = accounts_as_jsonl(p);
    kare::batch_options o;
    o.threads = 3;
    const auto whole = kare::classify_jsonl(p, jsonl, o);
    std::string joined;
    std::size_t pieces = 0;
    bool same_thread = true;
    const auto caller = std::this_thread::get_id();
    const auto r = kare::classify_jsonl(p, jsonl, o, [&](std::string_view piece) {
        joined += piece;
        ++pieces;
        same_thread = same_thread && std::this_thread::get_id() == caller;
    });
    BOOST_TEST(r.output.empty());
    BOOST_TEST(joined == whole.output);
    BOOST_TEST(pieces > 1u);
    BOOST_TEST(same_thread);
    BOOST_TEST((r.summary == whole.summary));

    // The writer's exception stops the batch and reaches the caller.
    struct full {};
    BOOST_CHECK_THROW(kare::classify_jsonl(p, jsonl, o, [](std::string_view) { throw full{}; }),
                      full);
}

BOOST_DATA_TEST_CASE(bad_lines_fail_as_the_plan_reader_fails, bdata::make(bad_cases), c)
{
    const kare::plan p = example_plan();
    const kare::error_info expected = plan_reader_error(c.account);
    const std::string jsonl = good_line + "\n\n" + good_line + "\n" + c.account + "\n" + good_line;
    kare::error_info err;
    BOOST_TEST(!kare::classify_jsonl(p, jsonl, err).has_value());
    BOOST_TEST(err.code == expected.code);
    BOOST_TEST(err.message == expected.message);
    BOOST_TEST(err.path == "line 4" + (expected.path.empty() ? "" : ": " + expected.path));

    // Skipped instead: an error record in its place, the rest classified.
    kare::batch_options skip;
    skip.on_bad_line = kare::bad_line_policy::skip;
    const auto r = kare::classify_jsonl(p, jsonl, skip);
    BOOST_TEST(r.accounts == 3u);
    BOOST_TEST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].line == 4u);
    BOOST_TEST(r.errors[0].path == expected.path);
    BOOST_TEST(r.errors[0].message == expected.message);
    const auto lines = output_lines(r.output);
    BOOST_TEST_REQUIRE(lines.size() == 4u);
    BOOST_TEST(lines[2].at("line").as_int64() == 4);
    BOOST_TEST(lines[2].at("error").at("code").as_string() == to_string(expected.code));
    BOOST_TEST(lines[2].at("error").at("message").as_string() == expected.message);
    BOOST_TEST(lines[3].at("placement").as_string() == "attain");
}

BOOST_AUTO_TEST_CASE(malformed_lines_name_the_line_and_column)
{
    const kare::plan p = example_plan();
    for (const std::string bad : {R"({"id":)", R"({"id":"X"} trailing)", R"({"id":"X",})"}) {
        kare::error_info err;
        BOOST_TEST(!kare::classify_jsonl(p, good_line + "\n" + bad + "\n", err));
        BOOST_TEST(err.code == kare::errc::parse_error);
        BOOST_TEST(err.path == "line 2");
        BOOST_TEST(err.message.find("column") != std::string::npos);
    }
    kare::batch_options o;
    o.limits.max_depth = 4;
    kare::error_info err;
    BOOST_TEST(!kare::classify_jsonl(p, R"({"id":[[[[[[1]]]]]]})", err, o));
    BOOST_TEST(err.code == kare::errc::limit_exceeded);
    o = {};
    o.limits.max_document_bytes = 100;
    BOOST_TEST(!kare::classify_jsonl(p, good_line + "\n" + good_line + "\n", err, o));
    BOOST_TEST(err.code == kare::errc::limit_exceeded);
    BOOST_TEST(err.path == "line 1");
    o = {};
    o.limits.max_string_bytes = 3;
    BOOST_TEST(!kare::classify_jsonl(p, good_line, err, o));
    BOOST_TEST(err.code == kare::errc::limit_exceeded);
    BOOST_TEST(err.path == "line 1: name");
}

BOOST_AUTO_TEST_CASE(blank_lines_crlf_and_a_missing_final_newline)
{
    const kare::plan p = example_plan();
    const auto r = kare::classify_jsonl(p, "\n  \r\n" + good_line + "\r\n\n\t\n" + good_line);
    BOOST_TEST(r.accounts == 2u);
    BOOST_TEST(output_lines(r.output).size() == 2u);
    BOOST_TEST(kare::classify_jsonl(p, "").output.empty());
    kare::error_info err;
    BOOST_TEST(!kare::classify_jsonl(p, "\n\n\n{\n", err));
    BOOST_TEST(err.path == "line 4");
}

BOOST_AUTO_TEST_CASE(null_members_and_empty_lists_mean_nothing)
{
    const kare::plan p = example_plan();
    const std::string plain =
        R"({"id":"N","name":"N","owner":"o","relationship":"client","attributes":{"risk":"low","repeat_purchases":true}})";
    const std::string nulls =
        R"({"id":"N","name":"N","owner":"o","relationship":"client","products":null,"placement":null,"fire_action":null,"history":null,"attributes":{"risk":"low","seats":null,"repeat_purchases":true}})";
    const std::string empties =
        R"({"id":"N","name":"N","owner":"o","relationship":"client","products":[],"placement":"open","history":[],"attributes":{"repeat_purchases":true,"risk":"low"}})";
    const auto expected = kare::classify_jsonl(p, plain).output;
    BOOST_TEST(output_lines(expected).front().at("placement").as_string() == "keep");
    BOOST_TEST(kare::classify_jsonl(p, nulls).output == expected);
    BOOST_TEST(kare::classify_jsonl(p, empties).output == expected);
}

BOOST_AUTO_TEST_CASE(unusual_shapes_read_as_the_plan_reader_reads_them)
{
    const kare::plan p = example_plan();
    // Escaped text is unescaped into a 4 KB buffer: past it, it comes in parts.
    std::string long_text;
    std::string escaped;
    for (int i = 0; i < 6000; ++i) {
        long_text += "\\u00e9";
        escaped += "\\\"";
    }
    // Repeated keys: refused by both readers at the second occurrence.
    const std::pair<std::string, std::string> repeated[] = {
        {R"({"id":"A","id":"B","name":"N","owner":"o","relationship":"client","attributes":{"risk":"high","repeat_purchases":true}})",
         "line 1: id"},
        {R"({"id":"C","name":"N","owner":"o","relationship":"client","attributes":{"risk":"high","repeat_purchases":true,"risk":"low"}})",
         "line 1: attributes.risk"},
    };
    for (const auto& [line, path] : repeated) {
        BOOST_CHECK_THROW((void)kare::read_account(line, p), kare::error);
        kare::error_info err;
        BOOST_TEST(!kare::classify_jsonl(p, line, err));
        BOOST_TEST(err.code == kare::errc::invalid_plan);
        BOOST_TEST(err.path == path);
    }
    const std::vector<std::string> lines{
        // Escapes in keys and values.
        R"({"id":"D\u0041","name":"N","owner":"o","relationship":"client","attributes":{"r\u0069sk":"low","repeat_purchases":true}})",
        // Strings long enough to reach the handler in pieces.
        R"({"id":"E","name":")" + long_text + R"(","owner":"o","relationship":"prospect","attributes":{"champion":")" + escaped + R"("}})",
        // Many products, and a history.
        R"({"id":"F","name":"N","owner":"o","relationship":"client","products":["a","b","c"],"placement":"keep","history":[{"reason":null,"to":"keep","from":"open","date":"2026-01-01"}]})",
    };
    for (const std::string& line : lines) {
        const kare::account a = kare::read_account(line, p);
        const auto c = kare::classify(p, a);
        const auto out = output_lines(kare::classify_jsonl(p, line).output);
        BOOST_TEST_REQUIRE(out.size() == 1u);
        BOOST_TEST(out[0].at("id").as_string() == a.id);
        BOOST_TEST(out[0].at("placement").as_string() == c.result.name(), a.id);
        BOOST_TEST((out[0].at("candidates").as_array() == names_of(c.candidates)), a.id);
    }
}

BOOST_AUTO_TEST_CASE(ids_are_escaped_in_the_output)
{
    const kare::plan p = example_plan();
    const auto r = kare::classify_jsonl(
        p, R"({"id":"A \"quoted\" \\ id é","name":"X","owner":"o","relationship":"client"})");
    BOOST_TEST(output_lines(r.output).front().at("id").as_string() == "A \"quoted\" \\ id é");
}

BOOST_AUTO_TEST_SUITE_END()
