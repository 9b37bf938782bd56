#include "jsonl_chunk.hpp"
#include "stream_account.hpp"

#include <kare/error.hpp>

#include <cstring>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

// Writes one result line into memory known to be large enough: fixed parts
// are copied with lengths known at compile time, so no call per piece.
class line_writer {
public:
    explicit line_writer(char* at) noexcept : start_(at), p_(at) {}

    template <std::size_t N>
    void put(const char (&literal)[N]) noexcept
    {
        std::memcpy(p_, literal, N - 1);
        p_ += N - 1;
    }
    void put(std::string_view s) noexcept
    {
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    void put(char c) noexcept { *p_++ = c; }

    // A JSON string: at most six bytes per byte of `s`.
    void put_string(std::string_view s) noexcept
    {
        static constexpr char hex[] = "0123456789abcdef";
        *p_++ = '"';
        for (char ch : s) {
            const auto u = static_cast<unsigned char>(ch);
            if (ch == '"' || ch == '\\') {
                *p_++ = '\\';
                *p_++ = ch;
            } else if (u < 0x20) {
                put("\\u00");
                *p_++ = hex[u >> 4];
                *p_++ = hex[u & 0xF];
            } else {
                *p_++ = ch;
            }
        }
        *p_++ = '"';
    }

    std::size_t size() const noexcept { return static_cast<std::size_t>(p_ - start_); }

private:
    char* start_;
    char* p_;
};

// Room a result line needs besides its id and fire rule ids.
constexpr std::size_t fixed_line_bytes = 512;

boost::json::parse_options parse_options_of(const read_limits& limits)
{
    boost::json::parse_options o;
    o.max_depth = limits.max_depth;
    return o;
}

} // namespace

void append_json_string(std::string& out, std::string_view s)
{
    const std::size_t at = out.size();
    out.resize(at + 2 + 6 * s.size());
    line_writer w(out.data() + at);
    w.put_string(s);
    out.resize(at + w.size());
}

batch_context::batch_context(const plan& p, const batch_options& o)
    : source(p), compiled(p.compiled()), fields(p.fields(), p.compiled()), options(o)
{
    for (const auto& rule : p.profiles().fire_rules) {
        std::string id;
        append_json_string(id, rule.id);
        longest_fire_ids += id.size() + 1;
        fire_ids.push_back(std::move(id));
    }
}

void chunk_result::clear() noexcept
{
    output.clear();
    counts = {};
    lines = 0;
    errors.clear();
    holes.clear();
    failure.reset();
}

chunk_worker::chunk_worker(const batch_context& ctx)
    : ctx_(ctx), reader_(ctx.fields, ctx.compiled, ctx.options.limits),
      record_(ctx.compiled.slot_count())
{
}

chunk_worker::tree_parser::tree_parser(const read_limits& limits)
    : arena(buffer.data(), buffer.size()), parser(boost::json::storage_ptr(), parse_options_of(limits))
{
}

void chunk_worker::run(std::string_view text, chunk_result& out)
{
    out.clear();
    // Result lines are about a third of the account lines.
    out.output.room(text.size() / 2 + fixed_line_bytes);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++out.lines;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue; // blank
        try {
            one_line(line, out);
        } catch (const error& e) {
            line_error bad{out.lines, e.code(), e.what(), e.path()};
            if (ctx_.options.on_bad_line == bad_line_policy::fail) {
                out.failure = std::move(bad);
                return;
            }
            // Its record is written when the line's number is known.
            out.errors.push_back(std::move(bad));
            out.holes.push_back(out.output.size());
        }
    }
}

void chunk_worker::one_line(std::string_view text, chunk_result& out)
{
    const read_limits& limits = ctx_.options.limits;
    if (text.size() > limits.max_document_bytes)
        throw error(errc::limit_exceeded, "the line is longer than " +
                                              std::to_string(limits.max_document_bytes) + " bytes");
    line_account fast;
    if (reader_.read(text, record_, fast)) {
        answer(fast.id, fast.decision, out);
        return;
    }
    // Not the common shape, or wrong: the exact reader decides, with the
    // plan document's own messages and paths.
    if (!tree_)
        tree_ = std::make_unique<tree_parser>(limits);
    tree_->arena.release();
    tree_->parser.reset(&tree_->arena);
    boost::system::error_code ec;
    const std::size_t consumed = tree_->parser.write(text.data(), text.size(), ec);
    if (ec) {
        if (tree_->parser.found_duplicate())
            throw duplicate_key_error(tree_->parser);
        // JSON allows neither; each gets its own message rather than "syntax error".
        if (const auto nul = text.find('\0'); nul != std::string_view::npos)
            throw error(errc::parse_error, "a NUL byte at column " + std::to_string(nul + 1));
        if (text.substr(0, 3) == "\xEF\xBB\xBF")
            throw error(errc::parse_error, "a byte-order mark at the start of the line "
                                           "(one is accepted only at the start of the batch)");
        const std::string where = "column " + std::to_string(consumed + 1);
        if (ec == boost::json::error::too_deep)
            throw error(errc::limit_exceeded, "the line is nested deeper than " +
                                                  std::to_string(limits.max_depth) + " levels (at " +
                                                  where + ")");
        throw error(errc::parse_error, "malformed JSON at " + where + ": " + ec.message());
    }
    const account a = read_stream_account(tree_->parser.release(), ctx_.source.fields(), limits);
    ctx_.compiled.load(a, record_);
    answer(a.id, a.decision, out);
}

void chunk_worker::answer(std::string_view id, placement decision, chunk_result& out)
{
    const compiled_verdict v = ctx_.compiled.evaluate(record_);
    const placement_outcome where = ctx_.compiled.decide(decision, v);
    const std::uint8_t findings =
        account_findings(where, v, ctx_.compiled.profiled_categories());

    chunk_counts& n = out.counts;
    ++n.accounts;
    if (where.result.is_assigned())
        ++n.by_category[static_cast<std::size_t>(where.result.cat())];
    else if (where.result.what() == placement::kind::fired)
        ++n.fired;
    else
        ++n.unassigned;
    for (std::size_t c = 0; c < 4; ++c)
        n.matching[c] += (v.candidates >> c) & 1U;
    for (std::size_t f = 0; f < account_finding_count; ++f)
        n.findings[f] += (findings >> f) & 1U;

    line_writer w(out.output.room(fixed_line_bytes + ctx_.longest_fire_ids + 6 * id.size()));
    w.put("{\"id\":");
    w.put_string(id);
    w.put(",\"placement\":\"");
    w.put(where.result.name());
    w.put("\",\"basis\":\"");
    w.put(to_string(where.basis));
    w.put("\",\"candidates\":[");
    bool first = true;
    for (category c : all_categories)
        if (v.is_candidate(c)) {
            if (!first)
                w.put(',');
            w.put('"');
            w.put(to_string(c));
            w.put('"');
            first = false;
        }
    w.put("],\"fire_suggestions\":[");
    first = true;
    for (std::size_t i = 0; v.any_fire && i < ctx_.fire_ids.size(); ++i)
        if (i < 64 ? ((v.fire >> i) & 1U) != 0 : ctx_.compiled.fires(record_, i)) {
            if (!first)
                w.put(',');
            w.put(ctx_.fire_ids[i]);
            first = false;
        }
    w.put("],\"findings\":[");
    first = true;
    for (std::size_t f = 0; f < account_finding_count; ++f)
        if ((findings >> f) & 1U) {
            if (!first)
                w.put(',');
            w.put('"');
            w.put(code_of(static_cast<account_finding>(f)));
            w.put('"');
            first = false;
        }
    w.put("]}\n");
    out.output.commit(w.size());
}

} // namespace detail
} // namespace v1
} // namespace kare
