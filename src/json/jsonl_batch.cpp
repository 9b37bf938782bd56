// classify_jsonl: the input cut at line ends into chunks of about a
// megabyte; workers answer chunks in parallel, the calling thread hands the
// answers on in input order and recycles their memory. A worker runs at most
// a few chunks ahead of the one due, so memory stays bounded and output
// pages are reused instead of freshly faulted in.
#include "jsonl_chunk.hpp"
#include "../core/error_capture.hpp"

#include <kare/batch.hpp>
#include <kare/plan.hpp>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <thread>

namespace kare {
inline namespace v1 {

namespace {

using detail::chunk_result;
using detail::chunk_worker;

constexpr std::size_t min_chunk_bytes = 64 * 1024;
constexpr std::size_t max_chunk_bytes = 1024 * 1024;
constexpr std::size_t chunks_ahead_per_thread = 4;
constexpr std::uint32_t max_threads = 256;

// Cuts `text` at line ends into pieces of about `target` bytes.
std::vector<std::string_view> cut(std::string_view text, std::size_t target)
{
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.size() - start <= target ? text.size()
                                                         : text.find('\n', start + target);
        end = end == std::string_view::npos ? text.size() : std::min(text.size(), end + 1);
        pieces.push_back(text.substr(start, end - start));
        start = end;
    }
    return pieces;
}

// The error record that replaces a bad line under the skip policy.
std::string error_record(const line_error& e)
{
    std::string out = "{\"line\":" + std::to_string(e.line) + ",\"error\":{\"code\":\"" +
                      std::string(to_string(e.code)) + "\",\"path\":";
    detail::append_json_string(out, e.path);
    out += ",\"message\":";
    detail::append_json_string(out, e.message);
    out += "}}\n";
    return out;
}

// Hands chunk results on in input order: numbers their lines, writes the
// error records, counts, and throws the first bad line under the fail policy.
class emitter {
public:
    emitter(const std::function<void(std::string_view)>& write, batch_result& result)
        : write_(write), result_(result)
    {
    }

    void emit(chunk_result& c)
    {
        if (c.failure) {
            const line_error& e = *c.failure;
            const std::string line = "line " + std::to_string(lines_ + e.line);
            throw error(e.code, e.message, e.path.empty() ? line : line + ": " + e.path);
        }
        std::size_t from = 0;
        for (std::size_t i = 0; i < c.errors.size(); ++i) {
            line_error& e = c.errors[i];
            e.line += lines_;
            write_(c.output.view().substr(from, c.holes[i] - from));
            write_(error_record(e));
            from = c.holes[i];
            result_.errors.push_back(std::move(e));
        }
        write_(c.output.view().substr(from));
        lines_ += c.lines;

        const detail::chunk_counts& n = c.counts;
        portfolio_summary& s = result_.summary;
        result_.accounts += n.accounts;
        s.accounts += n.accounts;
        for (std::size_t k = 0; k < 4; ++k) {
            s.by_category[k] += n.by_category[k];
            s.matching[k] += n.matching[k];
        }
        s.fired += n.fired;
        s.unassigned += n.unassigned;
        for (std::size_t f = 0; f < detail::account_finding_count; ++f)
            if (n.findings[f])
                s.findings[std::string(detail::code_of(static_cast<detail::account_finding>(f)))] +=
                    n.findings[f];
    }

private:
    const std::function<void(std::string_view)>& write_;
    batch_result& result_;
    std::size_t lines_ = 0; // lines before the next chunk
};

// The parallel run: shared state under one mutex.
class parallel_batch {
public:
    parallel_batch(const detail::batch_context& ctx, const std::vector<std::string_view>& pieces,
                   std::uint32_t threads)
        : ctx_(ctx), pieces_(pieces), window_(std::size_t{threads} * chunks_ahead_per_thread),
          limit_(pieces.size()), ready_(pieces.size()), crashed_(pieces.size())
    {
        try {
            for (std::uint32_t t = 1; t < threads; ++t)
                pool_.emplace_back([this] { work(); });
        } catch (const std::system_error&) {
            // Fewer threads than asked: the others share the work.
        }
    }

    ~parallel_batch()
    {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        for (auto& t : pool_)
            t.join();
    }

    parallel_batch(const parallel_batch&) = delete;
    parallel_batch& operator=(const parallel_batch&) = delete;

    // On the calling thread: answers chunks too, and emits them in order.
    void run(emitter& out)
    {
        std::unique_ptr<chunk_worker> mine;
        std::unique_lock lock(mutex_);
        while (next_emit_ < pieces_.size()) {
            if (ready_[next_emit_]) {
                chunk_result c = std::move(*ready_[next_emit_]);
                ready_[next_emit_].reset();
                const std::exception_ptr crash = crashed_[next_emit_];
                ++next_emit_;
                lock.unlock();
                changed_.notify_all();
                if (crash)
                    std::rethrow_exception(crash);
                out.emit(c);
                lock.lock();
                spare_.push_back(std::move(c));
            } else if (can_take()) {
                answer_next(lock, mine);
            } else {
                changed_.wait(lock);
            }
        }
    }

private:
    bool can_take() const noexcept
    {
        return next_take_ < limit_ && next_take_ < next_emit_ + window_;
    }

    // Takes the next chunk and answers it; called and returns with the lock held.
    void answer_next(std::unique_lock<std::mutex>& lock, std::unique_ptr<chunk_worker>& worker)
    {
        const std::size_t k = next_take_++;
        chunk_result c;
        if (!spare_.empty()) {
            c = std::move(spare_.back());
            spare_.pop_back();
        }
        lock.unlock();
        std::exception_ptr crash;
        try {
            if (!worker)
                worker = std::make_unique<chunk_worker>(ctx_);
            worker->run(pieces_[k], c);
        } catch (...) {
            crash = std::current_exception();
        }
        lock.lock();
        // Nothing after a bad chunk is needed: its error ends the run.
        if (crash || c.failure)
            limit_ = std::min(limit_, k + 1);
        ready_[k] = std::move(c);
        crashed_[k] = crash;
        changed_.notify_all();
    }

    void work()
    {
        std::unique_ptr<chunk_worker> worker;
        std::unique_lock lock(mutex_);
        for (;;) {
            changed_.wait(lock, [this] { return stop_ || next_take_ >= limit_ || can_take(); });
            if (stop_ || next_take_ >= limit_)
                return;
            answer_next(lock, worker);
        }
    }

    const detail::batch_context& ctx_;
    const std::vector<std::string_view>& pieces_;
    const std::size_t window_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t next_take_ = 0;
    std::size_t next_emit_ = 0;
    std::size_t limit_;
    bool stop_ = false;
    std::vector<std::optional<chunk_result>> ready_;
    std::vector<std::exception_ptr> crashed_;
    std::vector<chunk_result> spare_; // emitted results, their memory reused
    std::vector<std::thread> pool_;
};

} // namespace

batch_result classify_jsonl(const plan& p, std::string_view jsonl, const batch_options& options,
                            const std::function<void(std::string_view)>& write)
{
    jsonl = detail::without_byte_order_mark(jsonl); // as a plan document's, the CSV reader's
    const detail::batch_context ctx(p, options);
    std::uint32_t threads = options.threads;
    if (threads == 0)
        threads = std::max(1U, std::thread::hardware_concurrency());
    threads = std::min(threads, max_threads);
    const std::size_t target = std::clamp(jsonl.size() / (std::size_t{threads} * chunks_ahead_per_thread),
                                          min_chunk_bytes, max_chunk_bytes);
    const std::vector<std::string_view> pieces = cut(jsonl, target);
    threads = static_cast<std::uint32_t>(std::clamp<std::size_t>(pieces.size(), 1, threads));

    batch_result result;
    emitter out(write, result);
    if (threads == 1) {
        chunk_worker worker(ctx);
        chunk_result c;
        for (std::string_view piece : pieces) {
            worker.run(piece, c);
            out.emit(c);
        }
        return result;
    }
    parallel_batch run(ctx, pieces, threads);
    run.run(out);
    return result;
}

batch_result classify_jsonl(const plan& p, std::string_view jsonl, const batch_options& options)
{
    std::string output;
    // Results are about a third of the input; address space, not memory.
    output.reserve(jsonl.size() / 2 + 1024);
    batch_result result =
        classify_jsonl(p, jsonl, options, [&](std::string_view piece) { output.append(piece); });
    result.output = std::move(output);
    return result;
}

std::optional<batch_result> classify_jsonl(const plan& p, std::string_view jsonl,
                                           error_info& err, const batch_options& options) noexcept
{
    return detail::capture_error(err, [&] { return classify_jsonl(p, jsonl, options); });
}

} // namespace v1
} // namespace kare
