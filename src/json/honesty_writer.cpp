// The honesty policy and deals as plan-document JSON, keys in one fixed
// order so the output is canonical.
#include "honesty_json.hpp"

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

using boost::json::array;
using boost::json::object;

array strings(const std::vector<std::string>& items)
{
    array out;
    for (const auto& s : items)
        out.push_back(boost::json::string(s));
    return out;
}

// Writes the members `r` sets, in the policy's key order.
void rule_members(object& o, const rules_override& r)
{
    if (r.required_evidence) o["required_evidence"] = strings(*r.required_evidence);
    if (r.stall_after_days) o["stall_after_days"] = *r.stall_after_days;
    if (r.dead_after_days) o["dead_after_days"] = *r.dead_after_days;
    if (r.unqualified_flag_after_days) o["unqualified_flag_after_days"] = *r.unqualified_flag_after_days;
    if (r.unqualified_dead_after_days) o["unqualified_dead_after_days"] = *r.unqualified_dead_after_days;
    if (r.close_date_passed_stalls) o["close_date_passed_stalls"] = *r.close_date_passed_stalls;
    if (r.slipping_after_pushes) o["slipping_after_pushes"] = *r.slipping_after_pushes;
    if (r.slipping_stalls) o["slipping_stalls"] = *r.slipping_stalls;
}

} // namespace

boost::json::object honesty_json(const honesty_policy& policy)
{
    object o;
    o["stages"] = strings(policy.stages);
    o["evidence_types"] = strings(policy.evidence_types);
    o["lost_reasons"] = strings(policy.lost_reasons);
    object po;
    const honesty_rules& r = policy.rules;
    rule_members(po, rules_override{r.required_evidence, r.stall_after_days, r.dead_after_days,
                                    r.unqualified_flag_after_days, r.unqualified_dead_after_days,
                                    r.close_date_passed_stalls, r.slipping_after_pushes,
                                    r.slipping_stalls});
    po["renewal_evidence"] = strings(policy.renewal_evidence);
    po["declared_qualified_without_evidence"] = to_string(policy.declared_qualified);
    po["exclude_weekends"] = policy.exclude_weekends;
    array holidays;
    for (date h : policy.holidays)
        holidays.push_back(boost::json::string(h.to_string()));
    po["holidays"] = std::move(holidays);
    o["policy"] = std::move(po);
    object overrides;
    for (const auto& [stage, over] : policy.stage_overrides) {
        object so;
        rule_members(so, over);
        overrides[stage] = std::move(so);
    }
    o["stage_overrides"] = std::move(overrides);
    return o;
}

boost::json::object deal_json(const deal& d)
{
    object o;
    o["id"] = d.id;
    o["account"] = d.account;
    if (!d.owner.empty())
        o["owner"] = d.owner;
    o["amount"] = d.amount.to_string();
    o["stage"] = d.stage;
    o["opened"] = d.opened.to_string();
    if (d.last_activity)
        o["last_activity"] = d.last_activity->to_string();
    o["expected_close"] = d.expected_close.to_string();
    o["outcome"] = to_string(d.outcome);
    if (d.closed_on)
        o["closed_on"] = d.closed_on->to_string();
    if (!d.lost_reason.empty())
        o["lost_reason"] = d.lost_reason;
    if (!d.next_step.empty())
        o["next_step"] = d.next_step;
    array evidence;
    for (const auto& e : d.evidence) {
        object eo;
        eo["type"] = e.type;
        eo["date"] = e.on.to_string();
        eo["source"] = e.source;
        evidence.push_back(std::move(eo));
    }
    o["evidence"] = std::move(evidence);
    if (!d.close_date_history.empty()) {
        array history;
        for (const auto& c : d.close_date_history) {
            object co;
            co["date"] = c.on.to_string();
            co["from"] = c.from.to_string();
            co["to"] = c.to.to_string();
            if (!c.reason.empty())
                co["reason"] = c.reason;
            history.push_back(std::move(co));
        }
        o["close_date_history"] = std::move(history);
    }
    if (d.stall) {
        object so;
        so["reason"] = d.stall->reason;
        so["declared_on"] = d.stall->declared_on.to_string();
        so["resume_on"] = d.stall->resume_on.to_string();
        o["stall"] = std::move(so);
    }
    if (d.declared) {
        object so;
        so["state"] = to_string(d.declared->state);
        so["date"] = d.declared->on.to_string();
        so["reason"] = d.declared->reason;
        o["declared_state"] = std::move(so);
    }
    if (d.revived) {
        object ro;
        ro["died_on"] = d.revived->died_on.to_string();
        ro["date"] = d.revived->on.to_string();
        ro["reason"] = d.revived->reason;
        o["revival"] = std::move(ro);
    }
    return o;
}

} // namespace detail
} // namespace v1
} // namespace kare
