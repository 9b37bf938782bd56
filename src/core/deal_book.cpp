// The plan's deals: every deal checked against the honesty policy, every
// change made on a copy that is checked, then committed without throwing.
#include "honesty_derive.hpp"
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/plan.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {

namespace {

bool listed(const std::vector<std::string>& names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Where deal `i` of the plan is, named by its id.
location deal_location(std::size_t i, const deal& d)
{
    return location().item("deals", i, d.id);
}

// Required evidence types not on record on or before `on`.
std::vector<std::string> missing_on(const deal& d, const honesty_rules& rules, date on)
{
    std::vector<std::string> missing;
    for (const auto& type : rules.required_evidence)
        if (std::none_of(d.evidence.begin(), d.evidence.end(), [&](const evidence_item& e) {
                return e.type == type && e.on <= on;
            }))
            missing.push_back(type);
    return missing;
}

} // namespace

void plan::check_deal(const deal& d, const honesty_policy& policy, const location& where) const
{
    detail::check_id(d.id, "the deal id", detail::lazy_key{where, "id"});
    detail::check_name(d.account, "the account id", detail::lazy_key{where, "account"});
    detail::check_name(d.owner, "the owner", detail::lazy_key{where, "owner"}, true);
    detail::check_name(d.next_step, "the next step", detail::lazy_key{where, "next_step"},
                       true);
    if (!d.owner.empty() && !find_rep(d.owner))
        throw error(errc::invalid_plan, "the owner '" + d.owner + "' is not a rep of the plan",
                    where.key("owner"));
    const unsigned digits = currency_digits(settings_.currency);
    if (d.amount.digits() != digits)
        throw error(errc::invalid_plan,
                    "the amount has " + std::to_string(d.amount.digits()) +
                        " decimal digits but " + settings_.currency + " has " +
                        std::to_string(digits),
                    where.key("amount"));
    if (d.amount.is_negative())
        throw error(errc::invalid_plan, "the amount " + d.amount.to_string() + " is negative",
                    where.key("amount"));
    if (!listed(policy.stages, d.stage))
        throw error(errc::invalid_plan, "unknown stage '" + d.stage + "'", where.key("stage"));
    if (d.last_activity && *d.last_activity < d.opened)
        throw error(errc::invalid_plan,
                    "the last activity " + d.last_activity->to_string() +
                        " is before the opening " + d.opened.to_string(),
                    where.key("last_activity"));

    for (std::size_t i = 0; i < d.evidence.size(); ++i) {
        const evidence_item& e = d.evidence[i];
        const auto path = [&](std::string_view k) { return where.item("evidence", i).key(k); };
        if (!listed(policy.evidence_types, e.type))
            throw error(errc::invalid_plan, "unknown evidence type '" + e.type + "'",
                        path("type"));
        detail::check_name(e.source, "the evidence source", [&] { return path("source"); });
    }

    for (std::size_t i = 0; i < d.close_date_history.size(); ++i) {
        const close_date_change& c = d.close_date_history[i];
        const auto path = [&](std::string_view k) { return where.item("close_date_history", i).key(k); };
        detail::check_prose(c.reason, "the reason", [&] { return path("reason"); });
        if (c.on < d.opened)
            throw error(errc::invalid_plan, "the change is dated before the opening " +
                                                d.opened.to_string(),
                        path("date"));
        if (i > 0 && c.on < d.close_date_history[i - 1].on)
            throw error(errc::invalid_plan, "close-date changes must be in date order",
                        path("date"));
        if (c.from == c.to)
            throw error(errc::invalid_plan, "a close-date change must change the date",
                        path("to"));
        if (c.to < d.opened)
            throw error(errc::invalid_plan,
                        "the close date " + c.to.to_string() + " is before the opening " +
                            d.opened.to_string(),
                        path("to"));
        if (i > 0 && !(c.from == d.close_date_history[i - 1].to))
            throw error(errc::invalid_plan,
                        "the change starts from " + c.from.to_string() +
                            " but the previous one moved the date to " +
                            d.close_date_history[i - 1].to.to_string(),
                        path("from"));
    }
    for (std::size_t i = 0; i < d.stage_history.size(); ++i) {
        const stage_change& c = d.stage_history[i];
        const auto path = [&](std::string_view k) { return where.item("stage_history", i).key(k); };
        detail::check_prose(c.reason, "the reason", [&] { return path("reason"); });
        if (c.on < d.opened)
            throw error(errc::invalid_plan, "the change is dated before the opening " +
                                                d.opened.to_string(),
                        path("date"));
        if (d.closed_on && *d.closed_on < c.on)
            throw error(errc::invalid_plan, "the change is dated after the deal closed on " +
                                                d.closed_on->to_string(),
                        path("date"));
        if (i > 0 && c.on < d.stage_history[i - 1].on)
            throw error(errc::invalid_plan, "stage changes must be in date order", path("date"));
        if (!listed(policy.stages, c.from))
            throw error(errc::invalid_plan, "unknown stage '" + c.from + "'", path("from"));
        if (!listed(policy.stages, c.to))
            throw error(errc::invalid_plan, "unknown stage '" + c.to + "'", path("to"));
        if (c.from == c.to)
            throw error(errc::invalid_plan, "a stage change must change the stage", path("to"));
        if (i > 0 && c.from != d.stage_history[i - 1].to)
            throw error(errc::invalid_plan,
                        "the change starts from '" + c.from + "' but the previous one moved the deal to '" +
                            d.stage_history[i - 1].to + "'",
                        path("from"));
    }
    if (!d.stage_history.empty() && d.stage_history.back().to != d.stage)
        throw error(errc::invalid_plan,
                    "the stage differs from the last recorded change to '" +
                        d.stage_history.back().to + "'",
                    where.key("stage"));
    if (d.expected_close < d.opened)
        throw error(errc::invalid_plan,
                    "the expected close " + d.expected_close.to_string() +
                        " is before the opening " + d.opened.to_string(),
                    where.key("expected_close"));
    if (!d.close_date_history.empty() && !(d.close_date_history.back().to == d.expected_close))
        throw error(errc::invalid_plan,
                    "the expected close differs from the last recorded change to " +
                        d.close_date_history.back().to.to_string(),
                    where.key("expected_close"));

    const bool closed = d.outcome != deal_outcome::open;
    if (closed && !d.closed_on)
        throw error(errc::invalid_plan, "a " + std::string(to_string(d.outcome)) +
                                            " deal needs the date it closed",
                    where.key("closed_on"));
    if (!closed && d.closed_on)
        throw error(errc::invalid_plan, "only a won or lost deal has a close date",
                    where.key("closed_on"));
    if (d.closed_on && *d.closed_on < d.opened)
        throw error(errc::invalid_plan,
                    "the deal closed on " + d.closed_on->to_string() + ", before its opening " +
                        d.opened.to_string(),
                    where.key("closed_on"));
    if (d.outcome == deal_outcome::lost && !listed(policy.lost_reasons, d.lost_reason))
        throw error(errc::invalid_plan,
                    d.lost_reason.empty() ? std::string("a lost deal needs a lost reason")
                                          : "unknown lost reason '" + d.lost_reason + "'",
                    where.key("lost_reason"));
    if (d.outcome != deal_outcome::lost && !d.lost_reason.empty())
        throw error(errc::invalid_plan, "only a lost deal has a lost reason",
                    where.key("lost_reason"));

    if (d.stall) {
        detail::check_name(d.stall->reason, "the stall reason", [&] { return where.key("stall").key("reason"); });
        if (d.stall->declared_on < d.opened)
            throw error(errc::invalid_plan, "the stall is declared before the opening",
                        where.key("stall").key("declared_on"));
        if (d.stall->resume_on <= d.stall->declared_on)
            throw error(errc::invalid_plan, "the resume date must be after the declaration",
                        where.key("stall").key("resume_on"));
    }

    if (d.revived) {
        const kare::revival& r = *d.revived;
        detail::check_name(r.reason, "the revival reason", [&] { return where.key("revival").key("reason"); });
        if (r.died_on < d.opened)
            throw error(errc::invalid_plan, "the deal cannot die before its opening",
                        where.key("revival").key("died_on"));
        if (r.on < r.died_on)
            throw error(errc::invalid_plan, "the revival is dated before the death",
                        where.key("revival").key("date"));
        if (!detail::has_evidence_between(d, r.died_on, r.on))
            throw error(errc::invalid_plan,
                        "reviving a dead deal needs evidence dated after its death on " +
                            r.died_on.to_string() + " and no later than " + r.on.to_string(),
                        where.key("revival"));
    }

    if (d.declared) {
        const state_declaration& s = *d.declared;
        detail::check_name(s.reason, "the reason", [&] { return where.key("declared_state").key("reason"); });
        if (s.on < d.opened)
            throw error(errc::invalid_plan, "the state is declared before the opening",
                        where.key("declared_state").key("date"));
        if (d.revived && s.on < d.revived->on)
            throw error(errc::invalid_plan, "the state is declared before the revival",
                        where.key("declared_state").key("date"));
        if (s.state == honesty_state::qualified &&
            policy.declared_qualified == declared_check::refuse) {
            const auto missing = missing_on(d, policy.rules_for(d.stage), s.on);
            if (!missing.empty())
                throw error(errc::invalid_plan,
                            "calling the deal qualified needs the required evidence on record "
                            "(missing " + detail::joined(missing) + ")",
                            where.key("declared_state").key("state"));
        }
    }
}

void plan::set_honesty(honesty_policy policy)
{
    validate(policy);
    std::size_t i = 0;
    for (const deal& d : deals_)
        check_deal(d, policy, deal_location(i++, d));
    honesty_ = std::move(policy);
}

const deal* plan::find_deal(std::string_view id) const noexcept
{
    auto s = deal_slot(id);
    return s ? &deals_.slot(*s) : nullptr;
}

std::optional<std::size_t> plan::deal_slot(std::string_view id) const noexcept
{
    return deal_index_.find(id, [this](std::size_t s) -> std::string_view { return deals_.slot(s).id; });
}

std::optional<std::size_t> plan::deal_index(std::string_view id) const noexcept
{
    auto s = deal_slot(id);
    return s ? std::optional<std::size_t>(deals_.position_of_slot(*s)) : std::nullopt;
}

std::size_t plan::deal_position(std::string_view id) const
{
    auto i = deal_slot(id);
    if (!i)
        throw error(errc::not_found, "no deal has the id '" + std::string(id) + "'");
    return *i;
}

void plan::commit_deal(std::size_t i, deal d)
{
    deals_.slot(i) = std::move(d); // the id is unchanged, so the index stays right
}

void plan::add_deal(deal d, std::string_view where)
{
    location path =
        where.empty() ? location().item("deals", deals_.size(), d.id) : location().key(where);
    add_deal_at(std::move(d), path);
}

void plan::add_deal_at(deal d, const location& path)
{
    check_deal(d, honesty_, path);
    if (deal_slot(d.id))
        throw error(errc::conflict, "the deal id '" + d.id + "' is used twice", path.key("id"));
    deals_.make_room();
    deal_index_.reserve(deals_.size() + 1,
                        [this](std::size_t s) -> std::string_view { return deals_.slot(s).id; });
    // Nothing below throws: room is reserved in both.
    const std::size_t slot = deals_.push(std::move(d));
    deal_index_.insert(deals_.slot(slot).id, slot);
}

void plan::replace_deal(deal d)
{
    const std::size_t i = deal_position(d.id);
    check_deal(d, honesty_, deal_location(deals_.position_of_slot(i), d));
    commit_deal(i, std::move(d));
}

void plan::remove_deal(std::string_view id)
{
    const std::size_t i = deal_position(id);
    deals_.make_room_to_remove(i);
    // Nothing below throws or allocates: the deal is released in place (or
    // dropped when last), as accounts are, so no later deal moves.
    const auto id_of = [this](std::size_t k) -> std::string_view { return deals_.slot(k).id; };
    deal_index_.erase(id, id_of);
    deals_.remove(i);
    if (deals_.wants_compaction())
        compact_deals();
}

void plan::compact_deals() noexcept
{
    const std::size_t n = deals_.compact([](std::size_t, std::size_t) {});
    deal_index_.rebuild(n, [this](std::size_t s) -> std::string_view { return deals_.slot(s).id; });
}

void plan::add_evidence(std::string_view deal_id, evidence_item item, date as_of)
{
    const std::size_t i = deal_position(deal_id);
    deal copy = deals_.slot(i);
    const location where = deal_location(deals_.position_of_slot(i), deals_.slot(i));
    if (as_of < item.on)
        throw error(errc::invalid_plan,
                    "the evidence is dated " + item.on.to_string() + ", after the as-of date " +
                        as_of.to_string(),
                    where.item("evidence", copy.evidence.size()).key("date"));
    copy.evidence.push_back(std::move(item));
    check_deal(copy, honesty_, where);
    commit_deal(i, std::move(copy));
}

namespace {
void require_open(const deal& d, std::string_view what)
{
    if (d.outcome != deal_outcome::open)
        throw error(errc::conflict, "the deal '" + d.id + "' is " +
                                        std::string(to_string(d.outcome)) + ": " +
                                        std::string(what) + " only applies to open deals");
}
} // namespace

void plan::record_activity(std::string_view deal_id, date on)
{
    const std::size_t i = deal_position(deal_id);
    deal copy = deals_.slot(i);
    require_open(copy, "recording activity");
    const location where = deal_location(deals_.position_of_slot(i), deals_.slot(i));
    if (on < copy.opened)
        throw error(errc::invalid_plan, "the activity is dated before the opening " +
                                            copy.opened.to_string(),
                    where.key("last_activity"));
    if (copy.last_activity && on <= *copy.last_activity)
        return;
    const honesty_assessment before = detail::derive(copy, honesty_, on);
    if (before.state == honesty_state::dead && before.cause == honesty_cause::no_activity) {
        // Activity alone would erase the death: keep it on record.
        copy.declared = state_declaration{
            honesty_state::dead, *before.died_on,
            "the inactivity limit was reached; recorded when activity resumed on " +
                on.to_string()};
    }
    copy.last_activity = on;
    check_deal(copy, honesty_, where);
    commit_deal(i, std::move(copy));
}

void plan::change_close_date(std::string_view deal_id, date to, date on, std::string reason)
{
    const std::size_t i = deal_position(deal_id);
    deal copy = deals_.slot(i);
    require_open(copy, "moving the close date");
    if (to == copy.expected_close)
        throw error(errc::conflict, "the deal '" + copy.id + "' is already expected to close on " +
                                        to.to_string());
    copy.close_date_history.push_back(
        close_date_change{on, copy.expected_close, to, std::move(reason)});
    copy.expected_close = to;
    check_deal(copy, honesty_, deal_location(deals_.position_of_slot(i), copy));
    commit_deal(i, std::move(copy));
}

void plan::change_stage(std::string_view deal_id, std::string to, date on, std::string reason)
{
    const std::size_t i = deal_position(deal_id);
    deal copy = deals_.slot(i);
    require_open(copy, "moving the stage");
    if (to == copy.stage)
        throw error(errc::conflict, "the deal '" + copy.id + "' is already at the stage '" + to + "'");
    copy.stage_history.push_back(stage_change{on, copy.stage, to, std::move(reason)});
    copy.stage = std::move(to);
    check_deal(copy, honesty_, deal_location(deals_.position_of_slot(i), copy));
    commit_deal(i, std::move(copy));
}

void plan::declare_stall(std::string_view deal_id, stall_note note)
{
    const std::size_t i = deal_position(deal_id);
    deal copy = deals_.slot(i);
    require_open(copy, "a stall");
    copy.stall = std::move(note);
    check_deal(copy, honesty_, deal_location(deals_.position_of_slot(i), copy));
    commit_deal(i, std::move(copy));
}

void plan::clear_stall(std::string_view deal_id)
{
    const std::size_t i = deal_position(deal_id);
    if (!deals_.slot(i).stall)
        throw error(errc::conflict, "the deal '" + deals_.slot(i).id + "' has no declared stall");
    deals_.slot(i).stall.reset();
}

void plan::declare_deal_state(std::string_view deal_id, honesty_state state, date on, std::string reason)
{
    if (reason.empty())
        throw error(errc::invalid_argument, "a declared state needs a reason");
    const std::size_t i = deal_position(deal_id);
    const location where = deal_location(deals_.position_of_slot(i), deals_.slot(i));
    deal copy = deals_.slot(i);
    require_open(copy, "an honesty state");
    if (copy.declared && on < copy.declared->on)
        throw error(errc::conflict,
                    "the deal '" + copy.id + "' has a state declared on " +
                        copy.declared->on.to_string() + "; a new one cannot be dated earlier",
                    where.key("declared_state").key("date"));
    const honesty_assessment now = detail::derive(copy, honesty_, on);
    if (state == honesty_state::qualified && !now.missing_evidence.empty() &&
        honesty_.declared_qualified == declared_check::refuse)
        throw error(errc::conflict,
                    "calling the deal '" + copy.id + "' qualified needs the required evidence "
                    "(missing " + detail::joined(now.missing_evidence) + ")",
                    where.key("declared_state").key("state"));
    if (now.state == honesty_state::dead && state != honesty_state::dead) {
        if (!detail::has_evidence_between(copy, *now.died_on, on))
            throw error(errc::conflict,
                        "the deal '" + copy.id + "' died on " + now.died_on->to_string() +
                            "; reviving it needs evidence dated after that",
                        where.key("declared_state").key("state"));
        copy.revived = revival{*now.died_on, on, reason};
    }
    copy.declared = state_declaration{state, on, std::move(reason)};
    check_deal(copy, honesty_, where);
    commit_deal(i, std::move(copy));
}

void plan::clear_deal_state(std::string_view deal_id, date on, std::string reason)
{
    const std::size_t i = deal_position(deal_id);
    const location where = deal_location(deals_.position_of_slot(i), deals_.slot(i));
    deal copy = deals_.slot(i);
    if (!copy.declared)
        throw error(errc::conflict, "the deal '" + copy.id + "' has no declared state");
    const state_declaration declared = *copy.declared;
    copy.declared.reset();
    if (declared.state == honesty_state::dead && declared.on <= on) {
        if (reason.empty())
            throw error(errc::invalid_argument, "reviving a deal needs a reason");
        if (!detail::has_evidence_between(copy, declared.on, on))
            throw error(errc::conflict,
                        "the deal '" + copy.id + "' was declared dead on " +
                            declared.on.to_string() + "; reviving it needs evidence dated after that",
                        where.key("declared_state"));
        copy.revived = revival{declared.on, on, std::move(reason)};
    }
    check_deal(copy, honesty_, where);
    commit_deal(i, std::move(copy));
}

void plan::close_deal(std::string_view deal_id, deal_outcome outcome, date on,
                      std::string lost_reason)
{
    if (outcome == deal_outcome::open)
        throw error(errc::invalid_argument, "closing a deal needs the outcome won or lost");
    const std::size_t i = deal_position(deal_id);
    deal copy = deals_.slot(i);
    require_open(copy, "closing");
    copy.outcome = outcome;
    copy.closed_on = on;
    copy.lost_reason = std::move(lost_reason);
    check_deal(copy, honesty_, deal_location(deals_.position_of_slot(i), copy));
    commit_deal(i, std::move(copy));
}

} // namespace v1
} // namespace kare
