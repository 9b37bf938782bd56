// Fuzz target: any bytes as a JSON Lines batch against the bundled example.
// Checks that the batch's fast reader never accepts what the exact reader
// refuses or places an account differently, that the output does not depend
// on the thread count, and that skipping and failing agree on the bad lines.
#include "fuzz_example.hpp"

#include <kare/batch.hpp>
#include <kare/classify.hpp>
#include <kare/json.hpp>

#include <boost/json.hpp>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

// The lines a batch reads: split at '\n', a trailing '\r' dropped, blank
// lines (spaces and tabs only) left out; with their numbers from 1.
struct input_line {
    std::size_t number;
    std::string_view text;
};

std::vector<input_line> lines_of(std::string_view data)
{
    std::vector<input_line> out;
    std::size_t number = 0;
    while (!data.empty()) {
        ++number;
        const std::size_t end = data.find('\n');
        std::string_view line = data.substr(0, end);
        data = end == std::string_view::npos ? std::string_view() : data.substr(end + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos)
            out.push_back({number, line});
    }
    return out;
}

std::vector<std::string_view> output_lines(std::string_view output)
{
    std::vector<std::string_view> out;
    while (!output.empty()) {
        const std::size_t end = output.find('\n');
        out.push_back(output.substr(0, end));
        output = end == std::string_view::npos ? std::string_view() : output.substr(end + 1);
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const kare::plan base = kare_fuzz::example_plan();
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    kare::batch_options skip;
    skip.on_bad_line = kare::bad_line_policy::skip;
    kare::error_info err;
    const auto one = kare::classify_jsonl(base, input, err, skip);
    if (!one) {
        // Only the input as a whole can fail under skip: beyond a limit.
        check(err.code == kare::errc::limit_exceeded);
        return 0;
    }
    skip.threads = 2;
    const auto two = kare::classify_jsonl(base, input, err, skip);
    check(two && two->output == one->output && two->errors == one->errors &&
          two->summary == one->summary);

    // Failing stops at the first bad line, naming it; with none, the same output.
    const auto strict = kare::classify_jsonl(base, input, err);
    if (one->errors.empty()) {
        check(strict && strict->output == one->output);
    } else {
        check(!strict);
        const std::string prefix = "line " + std::to_string(one->errors.front().line);
        check(err.path.compare(0, prefix.size(), prefix) == 0);
        check(err.code == one->errors.front().code);
    }

    // One result line per account line, in order; each one JSON object.
    const auto lines = lines_of(input);
    const auto results = output_lines(one->output);
    check(results.size() == lines.size());
    check(one->accounts + one->errors.size() == lines.size());
    std::size_t next_error = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        boost::json::error_code ec;
        const boost::json::value result = boost::json::parse(results[i], ec);
        check(!ec && result.is_object());
        const auto& o = result.as_object();
        if (o.contains("error")) {
            check(next_error < one->errors.size() &&
                  one->errors[next_error++].line == lines[i].number);
            continue;
        }
        // Accepted by the fast reader: the exact reader accepts it too and
        // the profiles place it the same way.
        kare::account a;
        try {
            a = kare::read_account(lines[i].text, base);
        } catch (const kare::error&) {
            std::abort();
        }
        check(o.at("id").as_string() == a.id);
        check(o.at("placement").as_string() == kare::classify(base, a).result.name());
    }
    check(next_error == one->errors.size());
    return 0;
}
