// Reading the honesty policy and the deals, every error with its path.
#include "honesty_json.hpp"

#include <cstdint>
#include <limits>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

using boost::json::array;
using boost::json::object;

constexpr std::int64_t int32_min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t int32_max = std::numeric_limits<std::int32_t>::max();

std::vector<std::string> names(document_reader& in, const object& o, std::string_view k,
                               const read_limits& limits)
{
    auto scope = in.key(k);
    const array& list = in.array(o.at(k));
    if (list.size() > limits.max_policy_items)
        in.fail("more than " + std::to_string(limits.max_policy_items) + " items",
                errc::limit_exceeded);
    std::vector<std::string> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto ki = in.index(i);
        out.push_back(in.text(list[i]));
    }
    return out;
}

std::int32_t days(document_reader& in, const object& o, std::string_view k)
{
    auto scope = in.key(k);
    return static_cast<std::int32_t>(in.integer(o.at(k), int32_min, int32_max));
}

bool flag(document_reader& in, const object& o, std::string_view k)
{
    auto scope = in.key(k);
    return in.boolean(o.at(k));
}

std::uint32_t pushes(document_reader& in, const object& o, std::string_view k)
{
    auto scope = in.key(k);
    return static_cast<std::uint32_t>(in.integer(o.at(k), 0, UINT32_MAX));
}

// Present and not null: null means absent, as elsewhere in the document.
bool present(const object& o, std::string_view k)
{
    return document_reader::optional(o, k) != nullptr;
}

// The rule keys shared by the policy and the stage overrides.
rules_override rule_members(document_reader& in, const object& o, const read_limits& limits)
{
    rules_override r;
    if (present(o, "required_evidence"))
        r.required_evidence = names(in, o, "required_evidence", limits);
    if (present(o, "stall_after_days"))
        r.stall_after_days = days(in, o, "stall_after_days");
    if (present(o, "dead_after_days"))
        r.dead_after_days = days(in, o, "dead_after_days");
    if (present(o, "unqualified_flag_after_days"))
        r.unqualified_flag_after_days = days(in, o, "unqualified_flag_after_days");
    if (present(o, "unqualified_dead_after_days"))
        r.unqualified_dead_after_days = days(in, o, "unqualified_dead_after_days");
    if (present(o, "close_date_passed_stalls"))
        r.close_date_passed_stalls = flag(in, o, "close_date_passed_stalls");
    if (present(o, "slipping_after_pushes"))
        r.slipping_after_pushes = pushes(in, o, "slipping_after_pushes");
    if (present(o, "slipping_stalls"))
        r.slipping_stalls = flag(in, o, "slipping_stalls");
    return r;
}

date date_member(document_reader& in, const object& o, std::string_view k)
{
    auto scope = in.key(k);
    return in.date(in.required(o, k));
}

std::string text_member(document_reader& in, const object& o, std::string_view k)
{
    auto scope = in.key(k);
    return in.text(in.required(o, k));
}

} // namespace

honesty_policy read_honesty(document_reader& in, const boost::json::value& v,
                            const read_limits& limits)
{
    auto k = in.key("honesty");
    const object& o = in.object(v);
    in.only_keys(o, {"stages", "evidence_types", "lost_reasons", "policy", "stage_overrides"});
    honesty_policy p;
    if (document_reader::optional(o, "stages"))
        p.stages = names(in, o, "stages", limits);
    if (document_reader::optional(o, "evidence_types")) {
        p.evidence_types = names(in, o, "evidence_types", limits);
        // An organisation that names its evidence requires all of it unless it says otherwise.
        p.rules.required_evidence = p.evidence_types;
        p.renewal_evidence = p.evidence_types;
    }
    if (document_reader::optional(o, "lost_reasons"))
        p.lost_reasons = names(in, o, "lost_reasons", limits);
    if (const auto* pv = document_reader::optional(o, "policy")) {
        auto kp = in.key("policy");
        const object& po = in.object(*pv);
        in.only_keys(po, {"required_evidence", "stall_after_days", "dead_after_days",
                          "unqualified_flag_after_days", "unqualified_dead_after_days",
                          "close_date_passed_stalls", "slipping_after_pushes", "slipping_stalls",
                          "renewal_evidence", "declared_qualified_without_evidence",
                          "exclude_weekends", "holidays"});
        p.rules = rule_members(in, po, limits).apply(p.rules);
        if (document_reader::optional(po, "renewal_evidence"))
            p.renewal_evidence = names(in, po, "renewal_evidence", limits);
        if (const auto* dv = document_reader::optional(po, "declared_qualified_without_evidence")) {
            auto kd = in.key("declared_qualified_without_evidence");
            const std::string name = in.text(*dv);
            auto check = declared_check_from_string(name);
            if (!check)
                in.fail("unknown choice '" + name + "' (refuse, flag)");
            p.declared_qualified = *check;
        }
        if (document_reader::optional(po, "exclude_weekends"))
            p.exclude_weekends = flag(in, po, "exclude_weekends");
        if (const auto* hv = document_reader::optional(po, "holidays")) {
            auto kh = in.key("holidays");
            const array& list = in.array(*hv);
            if (list.size() > limits.max_policy_items)
                in.fail("more than " + std::to_string(limits.max_policy_items) + " holidays",
                        errc::limit_exceeded);
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto ki = in.index(i);
                p.holidays.push_back(in.date(list[i]));
            }
        }
    }
    if (const auto* sv = document_reader::optional(o, "stage_overrides")) {
        auto ks = in.key("stage_overrides");
        const object& so = in.object(*sv);
        if (so.size() > limits.max_policy_items)
            in.fail("more than " + std::to_string(limits.max_policy_items) + " overrides",
                    errc::limit_exceeded);
        for (const auto& member : so) {
            auto km = in.key(member.key());
            const object& ro = in.object(member.value());
            in.only_keys(ro, {"required_evidence", "stall_after_days", "dead_after_days",
                              "unqualified_flag_after_days", "unqualified_dead_after_days",
                              "close_date_passed_stalls", "slipping_after_pushes",
                              "slipping_stalls"});
            p.stage_overrides.emplace(std::string(member.key()), rule_members(in, ro, limits));
        }
    }
    return p;
}

deal read_deal(document_reader& in, const boost::json::value& v, const std::string& currency,
               const read_limits& limits)
{
    const object& o = in.object(v);
    // Named by its id before any member is checked, an unknown key included.
    if (const auto* id = document_reader::optional(o, "id"); id && id->is_string())
        in.label(id->get_string());
    in.only_keys(o, {"id", "account", "owner", "amount", "stage", "opened", "last_activity",
                     "expected_close", "outcome", "closed_on", "lost_reason", "next_step",
                     "evidence", "close_date_history", "stage_history", "stall", "declared_state",
                     "revival"});
    deal d;
    d.id = text_member(in, o, "id");
    in.label(d.id); // errors below name the deal: deals[3] (D-104).amount
    d.account = text_member(in, o, "account");
    if (document_reader::optional(o, "owner"))
        d.owner = text_member(in, o, "owner");
    {
        auto ka = in.key("amount");
        const auto& a = in.required(o, "amount");
        if (!a.is_string())
            in.fail("an amount is a decimal string such as \"125000.00\", never a JSON number");
        const std::string text = in.text(a);
        const unsigned digits = currency_digits(currency);
        auto m = money::parse(text, digits);
        if (!m)
            in.fail("'" + text + "' is not an amount in " + currency + " (a decimal with at most " +
                    std::to_string(digits) + " fractional digits)");
        d.amount = *m;
    }
    d.stage = text_member(in, o, "stage");
    d.opened = date_member(in, o, "opened");
    if (document_reader::optional(o, "last_activity"))
        d.last_activity = date_member(in, o, "last_activity");
    d.expected_close = date_member(in, o, "expected_close");
    if (document_reader::optional(o, "outcome")) {
        auto ko = in.key("outcome");
        const std::string name = in.text(o.at("outcome"));
        auto outcome = deal_outcome_from_string(name);
        if (!outcome)
            in.fail("unknown outcome '" + name + "' (open, won, lost)");
        d.outcome = *outcome;
    }
    if (document_reader::optional(o, "closed_on"))
        d.closed_on = date_member(in, o, "closed_on");
    if (document_reader::optional(o, "lost_reason"))
        d.lost_reason = text_member(in, o, "lost_reason");
    if (document_reader::optional(o, "next_step"))
        d.next_step = text_member(in, o, "next_step");
    const auto items = [&](std::string_view k, auto&& each) {
        const auto* list_value = document_reader::optional(o, k);
        if (!list_value)
            return;
        auto kl = in.key(k);
        const array& list = in.array(*list_value);
        if (list.size() > limits.max_deal_items)
            in.fail("more than " + std::to_string(limits.max_deal_items) + " items",
                    errc::limit_exceeded);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in.index(i);
            each(in.object(list[i]));
        }
    };
    items("evidence", [&](const object& e) {
        in.only_keys(e, {"type", "date", "source"});
        d.evidence.push_back(evidence_item{text_member(in, e, "type"), date_member(in, e, "date"),
                                           text_member(in, e, "source")});
    });
    items("close_date_history", [&](const object& c) {
        in.only_keys(c, {"date", "from", "to", "reason"});
        close_date_change change{date_member(in, c, "date"), date_member(in, c, "from"),
                                 date_member(in, c, "to"), {}};
        if (document_reader::optional(c, "reason"))
            change.reason = text_member(in, c, "reason");
        d.close_date_history.push_back(std::move(change));
    });
    items("stage_history", [&](const object& c) {
        in.only_keys(c, {"date", "from", "to", "reason"});
        stage_change change{date_member(in, c, "date"), text_member(in, c, "from"),
                            text_member(in, c, "to"), {}};
        if (document_reader::optional(c, "reason"))
            change.reason = text_member(in, c, "reason");
        d.stage_history.push_back(std::move(change));
    });
    if (const auto* sv = document_reader::optional(o, "stall")) {
        auto ks = in.key("stall");
        const object& s = in.object(*sv);
        in.only_keys(s, {"reason", "declared_on", "resume_on"});
        d.stall = stall_note{text_member(in, s, "reason"), date_member(in, s, "declared_on"),
                             date_member(in, s, "resume_on")};
    }
    if (const auto* dv = document_reader::optional(o, "declared_state")) {
        auto kd = in.key("declared_state");
        const object& s = in.object(*dv);
        in.only_keys(s, {"state", "date", "reason"});
        state_declaration decl;
        {
            auto kst = in.key("state");
            const std::string name = in.text(in.required(s, "state"));
            auto state = honesty_state_from_string(name);
            if (!state)
                in.fail("unknown honesty state '" + name +
                        "' (qualified, stalled, unqualified, dead)");
            decl.state = *state;
        }
        decl.on = date_member(in, s, "date");
        decl.reason = text_member(in, s, "reason");
        d.declared = std::move(decl);
    }
    if (const auto* rv = document_reader::optional(o, "revival")) {
        auto kr = in.key("revival");
        const object& r = in.object(*rv);
        in.only_keys(r, {"died_on", "date", "reason"});
        d.revived = revival{date_member(in, r, "died_on"), date_member(in, r, "date"),
                            text_member(in, r, "reason")};
    }
    return d;
}

} // namespace detail
} // namespace v1
} // namespace kare
