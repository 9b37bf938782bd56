// The assignment ledger: one placement per account, every change recorded.
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>

namespace kare {
inline namespace v1 {

void plan::record(account& a, placement to, date on, std::string reason, std::string action)
{
    detail::check_prose(reason, "the reason", location().key("reason"));
    detail::check_prose(action, "the fire action", location().key("action"));
    if (!a.history.empty() && on < a.history.back().on)
        throw error(errc::conflict, "the account '" + a.id + "' has a decision dated " +
                                        a.history.back().on.to_string() +
                                        "; a new one cannot be dated earlier");
    // As the document refuses it: no decision about an account before it existed.
    if (a.added && on < *a.added)
        throw error(errc::conflict, "the account '" + a.id + "' was added on " +
                                        a.added->to_string() + "; a decision cannot be dated " +
                                        on.to_string());
    // Allocate first; the commit below cannot throw.
    a.history.reserve(a.history.size() + 1);
    a.history.push_back(move_record{on, a.decision, to, std::move(reason)});
    a.decision = to;
    decisions_[accounts_.slot_of(a)] = to;
    a.fire_action = std::move(action);
}

void plan::assign(std::string_view id, category c, date on, std::string reason)
{
    account& a = account_at(id);
    const placement to = placement::in(c);
    if (a.decision == to)
        return;
    if (a.decision.is_assigned() || a.decision.what() == placement::kind::fired)
        throw error(errc::conflict, "the account '" + a.id + "' is already " +
                                        (a.decision.is_assigned() ? "in " : "") +
                                        std::string(a.decision.name()) +
                                        "; moving it needs a deliberate move with a reason");
    record(a, to, on, std::move(reason), {});
}

void plan::move(std::string_view id, placement to, date on, std::string reason)
{
    account& a = account_at(id);
    if (reason.empty())
        throw error(errc::invalid_argument, "a move needs a reason");
    if (to.what() == placement::kind::fired)
        throw error(errc::invalid_argument, "firing needs an action: use fire");
    if (a.decision == to)
        throw error(errc::conflict, "the account '" + a.id + "' is already " +
                                        std::string(to.name()));
    record(a, to, on, std::move(reason), {});
}

void plan::fire(std::string_view id, date on, std::string reason, std::string action)
{
    account& a = account_at(id);
    if (reason.empty())
        throw error(errc::invalid_argument, "firing needs a reason");
    if (action.empty())
        throw error(errc::invalid_argument, "firing needs an action, e.g. end_relationship");
    if (a.decision.what() == placement::kind::fired)
        throw error(errc::conflict, "the account '" + a.id + "' is already fired");
    record(a, placement::fired(), on, std::move(reason), std::move(action));
}

} // namespace v1
} // namespace kare
