// classify_jsonl: the input cut at line ends into chunks, each chunk read,
// classified and written by one thread, the outputs joined in input order.
#include "account_line_reader.hpp"
#include "stream_account.hpp"

#include <kare/batch.hpp>
#include <kare/plan.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <new>
#include <thread>

namespace kare {
inline namespace v1 {

namespace {

using detail::account_line_reader;
using detail::field_table;
using detail::line_account;

constexpr std::size_t min_chunk_bytes = 256 * 1024;
constexpr std::size_t chunks_per_thread = 4; // evens out uneven chunks
constexpr std::uint32_t max_threads = 256;

// Appends `s` as a JSON string. Names hold no control characters (they are
// checked), so only quotes and backslashes need escaping; UTF-8 passes as is.
void append_json_string(std::string& out, std::string_view s)
{
    out += '"';
    for (char ch : s) {
        if (ch == '"' || ch == '\\')
            out += '\\';
        else if (static_cast<unsigned char>(ch) < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(static_cast<unsigned char>(ch) >> 4) & 0xF];
            out += hex[static_cast<unsigned char>(ch) & 0xF];
            continue;
        }
        out += ch;
    }
    out += '"';
}

// Everything a chunk needs that is the same for every chunk.
struct batch_context {
    const plan& p;
    const compiled_profiles& compiled;
    const field_table fields;
    const batch_options& options;
    std::vector<std::string> fire_ids; // as JSON strings
    std::uint8_t profiled;
};

// Counts kept per chunk, folded into the summary at the end.
struct chunk_counts {
    std::size_t accounts = 0;
    std::array<std::size_t, 4> by_category{};
    std::size_t fired = 0;
    std::size_t unassigned = 0;
    std::array<std::size_t, 4> matching{};
    std::array<std::size_t, account_finding_count> findings{};
};

// A chunk's error under the fail policy, with the line relative to the chunk.
struct chunk_failure {
    std::size_t local_line = 0;
    error failure{errc::ok, ""};
    std::exception_ptr other; // not a kare::error (out of memory, a bug)
};

struct chunk {
    std::string_view text;
    std::string output;
    chunk_counts counts;
    std::vector<line_error> errors;  // skip policy; lines relative to the chunk
    std::vector<std::size_t> holes;  // where each error record goes in `output`
    std::optional<chunk_failure> failure;
};

// One thread's reusable state.
class chunk_worker {
public:
    explicit chunk_worker(const batch_context& ctx)
        : ctx_(ctx), reader_(ctx.fields, ctx.compiled, ctx.options.limits),
          record_(ctx.compiled.slot_count()), arena_(arena_buffer_, sizeof arena_buffer_),
          parser_(boost::json::storage_ptr(), parse_options(ctx.options.limits))
    {
    }

    void run(chunk& c)
    {
        c.output.reserve(c.text.size() / 3 + 64);
        std::size_t line = 0;
        std::size_t start = 0;
        while (start < c.text.size()) {
            std::size_t end = c.text.find('\n', start);
            if (end == std::string_view::npos)
                end = c.text.size();
            std::string_view text = c.text.substr(start, end - start);
            start = end + 1;
            ++line;
            if (!text.empty() && text.back() == '\r')
                text.remove_suffix(1);
            if (text.find_first_not_of(" \t") == std::string_view::npos)
                continue; // blank
            try {
                one_line(text, c);
            } catch (const error& e) {
                if (ctx_.options.on_bad_line == bad_line_policy::fail) {
                    c.failure = chunk_failure{line, e, nullptr};
                    return;
                }
                // The record is written once the line number is known.
                c.errors.push_back({line, e.code(), e.what(), e.path()});
                c.holes.push_back(c.output.size());
            }
        }
    }

private:
    static boost::json::parse_options parse_options(const read_limits& limits)
    {
        boost::json::parse_options o;
        o.max_depth = limits.max_depth;
        return o;
    }

    void one_line(std::string_view text, chunk& c)
    {
        if (text.size() > ctx_.options.limits.max_document_bytes)
            throw error(errc::limit_exceeded, "the line is longer than " +
                                                  std::to_string(ctx_.options.limits.max_document_bytes) +
                                                  " bytes");
        arena_.release();
        parser_.reset(&arena_);
        boost::system::error_code ec;
        const std::size_t consumed = parser_.write(text.data(), text.size(), ec);
        if (ec) {
            const std::string where = "column " + std::to_string(consumed + 1);
            if (ec == boost::json::error::too_deep)
                throw error(errc::limit_exceeded,
                            "the line is nested deeper than " +
                                std::to_string(ctx_.options.limits.max_depth) + " levels (at " +
                                where + ")");
            throw error(errc::parse_error, "malformed JSON at " + where + ": " + ec.message());
        }
        const boost::json::value v = parser_.release();
        line_account fast;
        if (reader_.read(v, record_, fast)) {
            finish(fast.id, fast.decision, c);
            return;
        }
        // The exact reader: the plan document's own messages and paths.
        const account a = detail::read_stream_account(v, ctx_.p.fields(), ctx_.options.limits);
        ctx_.compiled.load(a, record_);
        finish(a.id, a.decision, c);
    }

    void finish(std::string_view id, placement decision, chunk& c)
    {
        const compiled_verdict v = ctx_.compiled.evaluate(record_);
        const placement_outcome where = ctx_.compiled.decide(decision, v);
        const std::uint8_t findings = account_findings(where, v, ctx_.profiled);

        chunk_counts& n = c.counts;
        ++n.accounts;
        if (where.result.is_assigned())
            ++n.by_category[static_cast<std::size_t>(where.result.cat())];
        else if (where.result.what() == placement::kind::fired)
            ++n.fired;
        else
            ++n.unassigned;
        for (std::size_t k = 0; k < 4; ++k)
            n.matching[k] += (v.candidates >> k) & 1U;
        for (std::size_t f = 0; f < account_finding_count; ++f)
            n.findings[f] += (findings >> f) & 1U;

        std::string& out = c.output;
        out += "{\"id\":";
        append_json_string(out, id);
        out += ",\"placement\":\"";
        out += where.result.name();
        out += "\",\"basis\":\"";
        out += to_string(where.basis);
        out += "\",\"candidates\":[";
        bool first = true;
        for (category cat : all_categories)
            if (v.is_candidate(cat)) {
                out += first ? "\"" : ",\"";
                out += to_string(cat);
                out += '"';
                first = false;
            }
        out += "],\"fire_suggestions\":[";
        first = true;
        for (std::size_t i = 0; v.any_fire && i < ctx_.fire_ids.size(); ++i)
            if (i < 64 ? ((v.fire >> i) & 1U) != 0 : ctx_.compiled.fires(record_, i)) {
                if (!first)
                    out += ',';
                out += ctx_.fire_ids[i];
                first = false;
            }
        out += "],\"findings\":[";
        first = true;
        for (std::size_t f = 0; f < account_finding_count; ++f)
            if ((findings >> f) & 1U) {
                out += first ? "\"" : ",\"";
                out += code_of(static_cast<account_finding>(f));
                out += '"';
                first = false;
            }
        out += "]}\n";
    }

    const batch_context& ctx_;
    account_line_reader reader_;
    std::vector<double> record_;
    unsigned char arena_buffer_[16 * 1024];
    boost::json::monotonic_resource arena_;
    boost::json::parser parser_;
};

// Cuts `text` at line ends into chunks of about `target` bytes.
std::vector<chunk> cut(std::string_view text, std::size_t target)
{
    std::vector<chunk> chunks;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start + target >= text.size() ? text.size()
                                                          : text.find('\n', start + target);
        end = end == std::string_view::npos ? text.size() : std::min(text.size(), end + 1);
        chunks.push_back(chunk{text.substr(start, end - start), {}, {}, {}, {}, {}});
        start = end;
    }
    return chunks;
}

// The error record that replaces a bad line under the skip policy.
std::string error_record(const line_error& e)
{
    std::string out = "{\"line\":" + std::to_string(e.line) + ",\"error\":{\"code\":\"" +
                      std::string(to_string(e.code)) + "\",\"path\":";
    append_json_string(out, e.path);
    out += ",\"message\":";
    append_json_string(out, e.message);
    out += "}}\n";
    return out;
}

} // namespace

batch_result classify_jsonl(const plan& p, std::string_view jsonl, const batch_options& options)
{
    std::vector<std::string> fire_ids;
    for (const auto& rule : p.profiles().fire_rules) {
        std::string id;
        append_json_string(id, rule.id);
        fire_ids.push_back(std::move(id));
    }
    const batch_context ctx{p,
                            p.compiled(),
                            field_table(p.fields(), p.compiled()),
                            options,
                            std::move(fire_ids),
                            p.compiled().profiled_categories()};

    std::uint32_t threads = options.threads;
    if (threads == 0)
        threads = std::max(1U, std::thread::hardware_concurrency());
    threads = std::min(threads, max_threads);
    const std::size_t target =
        std::max(min_chunk_bytes, jsonl.size() / (std::size_t{threads} * chunks_per_thread) + 1);
    std::vector<chunk> chunks = cut(jsonl, target);
    threads = static_cast<std::uint32_t>(std::min<std::size_t>(threads, chunks.size()));

    // Workers take chunks in order; under the fail policy nobody starts a
    // chunk after one that failed, whose error is then the first in the input.
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> first_failed{chunks.size()};
    const auto work = [&] {
        std::unique_ptr<chunk_worker> worker;
        for (;;) {
            const std::size_t k = next.fetch_add(1);
            if (k >= chunks.size() || k > first_failed.load())
                return;
            try {
                if (!worker)
                    worker = std::make_unique<chunk_worker>(ctx);
                worker->run(chunks[k]);
            } catch (...) {
                chunks[k].failure = chunk_failure{0, error(errc::ok, ""), std::current_exception()};
            }
            if (chunks[k].failure) {
                std::size_t seen = first_failed.load();
                while (k < seen && !first_failed.compare_exchange_weak(seen, k)) {
                }
            }
        }
    };
    std::vector<std::thread> pool;
    try {
        for (std::uint32_t t = 1; t < threads; ++t)
            pool.emplace_back(work);
    } catch (const std::system_error&) {
        // Fewer threads than asked: the others share the work.
    }
    work();
    for (auto& t : pool)
        t.join();

    // Line numbers are counted only when an error needs one: a chunk's
    // first line follows the newlines of the chunks before it.
    std::size_t counted = 0;   // chunks whose newlines are in `lines`
    std::size_t lines = 0;
    const auto line_base = [&](std::size_t k) {
        for (; counted < k; ++counted)
            lines += static_cast<std::size_t>(
                std::count(chunks[counted].text.begin(), chunks[counted].text.end(), '\n'));
        return lines;
    };
    batch_result result;
    std::size_t total = 0;
    for (const chunk& c : chunks)
        total += c.output.size();
    result.output.reserve(total);
    for (std::size_t k = 0; k < chunks.size(); ++k) {
        chunk& c = chunks[k];
        if (c.failure) {
            if (c.failure->other)
                std::rethrow_exception(c.failure->other);
            const error& e = c.failure->failure;
            const std::string line = "line " + std::to_string(line_base(k) + c.failure->local_line);
            throw error(e.code(), e.what(), e.path().empty() ? line : line + ": " + e.path());
        }
        std::size_t from = 0;
        for (std::size_t i = 0; i < c.errors.size(); ++i) {
            line_error& e = c.errors[i];
            e.line += line_base(k);
            result.output.append(c.output, from, c.holes[i] - from);
            result.output += error_record(e);
            from = c.holes[i];
            result.errors.push_back(std::move(e));
        }
        result.output.append(c.output, from, std::string::npos);
        const chunk_counts& n = c.counts;
        result.accounts += n.accounts;
        result.summary.accounts += n.accounts;
        for (std::size_t cat = 0; cat < 4; ++cat) {
            result.summary.by_category[cat] += n.by_category[cat];
            result.summary.matching[cat] += n.matching[cat];
        }
        result.summary.fired += n.fired;
        result.summary.unassigned += n.unassigned;
        for (std::size_t f = 0; f < account_finding_count; ++f)
            if (n.findings[f])
                result.summary.findings[std::string(code_of(static_cast<account_finding>(f)))] +=
                    n.findings[f];
        std::string().swap(c.output);
    }
    return result;
}

std::optional<batch_result> classify_jsonl(const plan& p, std::string_view jsonl,
                                           error_info& err, const batch_options& options) noexcept
{
    err = {};
    try {
        return classify_jsonl(p, jsonl, options);
    } catch (const error& e) {
        err.code = e.code();
        err.message = e.what();
        err.path = e.path();
    } catch (const std::bad_alloc&) {
        err.code = errc::out_of_memory;
        err.message = "out of memory";
    } catch (const std::exception& e) {
        err.code = errc::internal;
        err.message = e.what();
    } catch (...) {
        err.code = errc::internal;
        err.message = "unknown failure";
    }
    return std::nullopt;
}

} // namespace v1
} // namespace kare
