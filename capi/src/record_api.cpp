// One account or deal as a record: read as JSON, and an account's CRM fields
// updated without touching what kare keeps of its own.
#include "firewall.hpp"

#include <kare/json.hpp>

#include <mutex>

using namespace kare::capi;

namespace {

std::string account_path(const kare::plan& p, const std::string& id, const char* member)
{
    return "accounts[" + std::to_string(*p.account_index(id)) + "]." + member;
}

// kare's own members of an account change through decisions, never through
// an update: a document may leave them out or repeat them as they are.
void refuse_changes_to_kares_own(const kare::plan& p, const kare::account& incoming,
                                 const kare::account& current)
{
    const auto refuse = [&](const char* member, const char* how) {
        throw kare::error(kare::errc::conflict,
                          std::string("an update keeps the account's ") + member +
                              "; change it with " + how,
                          account_path(p, current.id, member));
    };
    if (incoming.decision.what() != kare::placement::kind::open &&
        incoming.decision != current.decision)
        refuse("placement", "kare_plan_assign, kare_plan_move or kare_plan_fire");
    if (!incoming.fire_action.empty() && incoming.fire_action != current.fire_action)
        refuse("fire_action", "kare_plan_fire");
    if (!incoming.history.empty() && incoming.history != current.history)
        refuse("history", "kare_plan_assign, kare_plan_move or kare_plan_fire");
    if (incoming.focus && !current.focus)
        refuse("focus", "kare_plan_replace_account");
}

} // namespace

extern "C" {

kare_status kare_plan_account_json(char** out, size_t* out_len, const kare_plan* plan,
                                   const char* account_id, size_t id_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const auto id = text(account_id, id_len, "account_id", text_kind::name);
        std::string json;
        {
            std::shared_lock read(plan->lock);
            const kare::account* a = plan->plan.find_account(id);
            if (!a)
                throw kare::error(kare::errc::not_found,
                                  "no account has the id '" + std::string(id) + "'");
            json = kare::write_account(*a);
        }
        give_string(out, out_len, json);
    });
}

kare_status kare_plan_deal_json(char** out, size_t* out_len, const kare_plan* plan,
                                const char* deal_id, size_t id_len)
{
    return guard([&] {
        require(out, "out");
        *out = nullptr;
        require(plan, "plan");
        const auto id = text(deal_id, id_len, "deal_id", text_kind::name);
        std::string json;
        {
            std::shared_lock read(plan->lock);
            const kare::deal* d = plan->plan.find_deal(id);
            if (!d)
                throw kare::error(kare::errc::not_found,
                                  "no deal has the id '" + std::string(id) + "'");
            json = kare::write_deal(*d);
        }
        give_string(out, out_len, json);
    });
}

kare_status kare_plan_update_account(kare_plan* plan, const char* json, size_t json_len)
{
    return write_document(plan, json, json_len, [](kare::plan& p, std::string_view doc) {
        kare::account incoming = kare::read_account(doc, p);
        const kare::account* current = p.find_account(incoming.id);
        if (!current)
            throw kare::error(kare::errc::not_found,
                              "no account has the id '" + incoming.id + "'; add it first");
        refuse_changes_to_kares_own(p, incoming, *current);
        incoming.decision = current->decision;
        incoming.fire_action = current->fire_action;
        incoming.history = current->history;
        incoming.focus = current->focus;
        p.replace_account(std::move(incoming));
    });
}

} // extern "C"
