// kare_plan_classify_jsonl: a stream of accounts classified in one call.
#include "firewall.hpp"

#include <kare/batch.hpp>

#include <mutex>

using namespace kare::capi;

extern "C" {

kare_status kare_plan_classify_jsonl(char** out, size_t* out_len, const kare_plan* plan,
                                     const char* jsonl, size_t jsonl_len, uint32_t threads,
                                     uint32_t flags)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const auto input = text(jsonl, jsonl_len, "jsonl");
        if ((flags & ~static_cast<uint32_t>(KARE_JSONL_SKIP_INVALID)) != 0)
            throw bad_argument("unknown flags " + std::to_string(flags));
        kare::batch_options options;
        options.threads = threads;
        options.on_bad_line = (flags & KARE_JSONL_SKIP_INVALID) ? kare::bad_line_policy::skip
                                                                : kare::bad_line_policy::fail;
        kare::batch_result result;
        {
            std::shared_lock read(plan->lock);
            result = kare::classify_jsonl(plan->plan, input, options);
        }
        give_string(out, out_len, result.output);
    });
}

} // extern "C"
