// kare_plan_classify_jsonl: a stream of accounts classified in one call.
#include "firewall.hpp"
#include "read_options.hpp"

#include <kare/batch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

using namespace kare::capi;

namespace {

// The output, grown with realloc in memory the caller frees with
// kare_string_free: handed over as is, never copied at the end.
class owned_text {
public:
    explicit owned_text(std::size_t expected)
    {
        grow(expected);
    }
    ~owned_text() { std::free(data_); }
    owned_text(const owned_text&) = delete;
    owned_text& operator=(const owned_text&) = delete;

    void append(std::string_view piece)
    {
        if (size_ + piece.size() + 1 > capacity_)
            grow(std::max(capacity_ * 2, size_ + piece.size() + 1));
        std::memcpy(data_ + size_, piece.data(), piece.size());
        size_ += piece.size();
    }

    void give(char** out, std::size_t* out_len) noexcept
    {
        data_[size_] = '\0';
        *out = data_;
        if (out_len)
            *out_len = size_;
        data_ = nullptr;
    }

private:
    void grow(std::size_t capacity)
    {
        void* bigger = std::realloc(data_, capacity);
        if (!bigger)
            throw std::bad_alloc();
        data_ = static_cast<char*>(bigger);
        capacity_ = capacity;
    }

    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

} // namespace

extern "C" {

kare_status kare_plan_classify_jsonl(char** out, size_t* out_len, const kare_plan* plan,
                                     const char* jsonl, size_t jsonl_len, uint32_t threads,
                                     uint32_t flags)
{
    return kare_plan_classify_jsonl_v2(out, out_len, plan, jsonl, jsonl_len, threads, flags,
                                       nullptr);
}

kare_status kare_plan_classify_jsonl_v2(char** out, size_t* out_len, const kare_plan* plan,
                                        const char* jsonl, size_t jsonl_len, uint32_t threads,
                                        uint32_t flags, const kare_read_options* bounds)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        // Not text(): a NUL byte or bad UTF-8 is one bad line, reported with its
        // number (and skipped with KARE_JSONL_SKIP_INVALID), not a refused call.
        if (jsonl == nullptr)
            throw bad_argument("jsonl is NULL");
        const std::string_view input = jsonl_len == KARE_NUL_TERMINATED
                                           ? std::string_view(jsonl)
                                           : std::string_view(jsonl, jsonl_len);
        if ((flags & ~static_cast<uint32_t>(KARE_JSONL_SKIP_INVALID)) != 0)
            throw bad_argument("unknown flags " + std::to_string(flags));
        kare::batch_options options;
        options.limits = limits_arg(bounds);
        options.threads = threads;
        options.on_bad_line = (flags & KARE_JSONL_SKIP_INVALID) ? kare::bad_line_policy::skip
                                                                : kare::bad_line_policy::fail;
        // Results are about a third of the input; reserving more costs
        // address space, not memory.
        owned_text output(input.size() / 2 + 1);
        {
            std::shared_lock read(plan->lock);
            kare::classify_jsonl(plan->plan, input, options,
                                 [&](std::string_view piece) { output.append(piece); });
        }
        output.give(out, out_len);
    });
}

} // extern "C"
