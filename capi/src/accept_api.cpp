// kare_plan_accept_moves: the review's suggested moves accepted through the
// plan's normal move, as `kare accept` does.
#include "firewall.hpp"

#include <kare/accept_moves.hpp>

#include <mutex>

using namespace kare::capi;

extern "C" {

kare_status kare_plan_accept_moves(size_t* out_accepted, kare_plan* plan, const char* as_of,
                                   const char* code, const char* account_id, const char* on,
                                   const char* reason)
{
    return kare_plan_accept_moves_v2(out_accepted, plan, as_of, KARE_NUL_TERMINATED, code,
                                     KARE_NUL_TERMINATED, account_id, KARE_NUL_TERMINATED, on,
                                     KARE_NUL_TERMINATED, reason, KARE_NUL_TERMINATED);
}

kare_status kare_plan_accept_moves_v2(size_t* out_accepted, kare_plan* plan, const char* as_of,
                                      size_t as_of_len, const char* code, size_t code_len,
                                      const char* account_id, size_t id_len, const char* on,
                                      size_t on_len, const char* reason, size_t reason_len)
{
    if (out_accepted)
        *out_accepted = 0;
    return guard([&] {
        require(plan, "plan");
        const kare::date as_of_date = date_arg(as_of, as_of_len, "as_of");
        if (on == nullptr && on_len != 0 && on_len != KARE_NUL_TERMINATED)
            throw bad_argument("on is NULL with a length of " + std::to_string(on_len));
        const kare::date on_date = on ? date_arg(on, on_len, "on") : as_of_date;
        kare::move_selection which;
        which.code = optional_text(code, code_len, "code", text_kind::name);
        which.account = optional_text(account_id, id_len, "account_id", text_kind::name);
        const std::string why = optional_text(reason, reason_len, "reason", text_kind::prose);
        std::unique_lock write(plan->lock);
        const auto accepted = kare::accept_moves(plan->plan, as_of_date, which, on_date, why);
        if (out_accepted)
            *out_accepted = accepted.size();
    });
}

} // extern "C"
