// kare_plan_diff_json and kare_plan_changes_since_json: what changed between
// two plans, or one plan at two dates, as the kare-diff document; and
// kare_plan_timeline_json: one account over time, the kare-timeline document.
#include "firewall.hpp"

#include <kare/account_history.hpp>
#include <kare/as_of.hpp>
#include <kare/json.hpp>
#include <kare/plan_changes.hpp>

#include <functional>
#include <optional>
#include <shared_mutex>

using namespace kare::capi;

namespace {

// Both plans read at once; two handles are locked in address order, so that
// two comparisons of the same pair in opposite order cannot wait on each other.
kare::plan_changes compare_locked(const kare_plan* before, std::optional<kare::date> before_as_of,
                                  const kare_plan* after, kare::date as_of)
{
    const kare_plan* first = std::less<const kare_plan*>{}(before, after) ? before : after;
    const kare_plan* second = first == before ? after : before;
    std::shared_lock read_first(first->lock);
    std::shared_lock<writer_first_mutex> read_second;
    if (second != first)
        read_second = std::shared_lock(second->lock);
    kare::date then = as_of;
    if (before_as_of) {
        then = *before_as_of;
    } else if (const auto last = kare::last_fact(before->plan); last && *last < as_of) {
        then = *last; // the day the earlier plan was last worked on
    }
    return kare::compare_plans(before->plan, then, after->plan, as_of);
}

} // namespace

extern "C" {

kare_status kare_plan_diff_json(char** out, size_t* out_len, const kare_plan* before,
                                const char* before_as_of, size_t before_as_of_len,
                                const kare_plan* after, const char* as_of, size_t as_of_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(before, "before");
        require(after, "after");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        std::optional<kare::date> then;
        if (before_as_of)
            then = date_arg(before_as_of, before_as_of_len, "before_as_of");
        give_string(out, out_len, kare::write_changes(compare_locked(before, then, after, day)));
    });
}

kare_status kare_plan_changes_since_json(char** out, size_t* out_len, const kare_plan* plan,
                                         const char* since, size_t since_len, const char* as_of,
                                         size_t as_of_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const kare::date from = date_arg(since, since_len, "since");
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        std::shared_lock read(plan->lock);
        give_string(out, out_len, kare::write_changes(kare::changes_since(plan->plan, from, day)));
    });
}

kare_status kare_plan_timeline_json(char** out, size_t* out_len, const kare_plan* plan,
                                    const char* account_id, size_t account_id_len,
                                    const char* as_of, size_t as_of_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const auto id = text(account_id, account_id_len, "account_id", text_kind::name);
        const kare::date day = date_arg(as_of, as_of_len, "as_of");
        std::shared_lock read(plan->lock);
        give_string(out, out_len, kare::write_account_history(kare::make_account_history(plan->plan, id, day)));
    });
}

} // extern "C"
