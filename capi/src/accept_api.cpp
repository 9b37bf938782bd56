// kare_plan_accept_moves: the review's suggested moves accepted through the
// plan's normal move, as `kare accept` does.
#include "firewall.hpp"

#include <kare/accept_moves.hpp>

#include <mutex>

using namespace kare::capi;

kare_status kare_plan_accept_moves(size_t* out_accepted, kare_plan* plan, const char* as_of,
                                   const char* code, const char* account_id, const char* on,
                                   const char* reason)
{
    if (out_accepted)
        *out_accepted = 0;
    return guard([&] {
        require(plan, "plan");
        const kare::date as_of_date = date_arg(as_of, "as_of");
        const kare::date on_date = on ? date_arg(on, "on") : as_of_date;
        kare::move_selection which;
        which.code = optional_text(code, "code", text_kind::name);
        which.account = optional_text(account_id, "account_id", text_kind::name);
        std::unique_lock write(plan->lock);
        const auto accepted =
            kare::accept_moves(plan->plan, as_of_date, which, on_date, optional_text(reason, "reason", text_kind::prose));
        if (out_accepted)
            *out_accepted = accepted.size();
    });
}
