// The plan as of a past date: one copy every report is drawn from, so that
// no rule has to check dates of its own.
#include <kare/as_of.hpp>
#include <kare/error.hpp>
#include <kare/plan.hpp>
#include <kare/timeline.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace kare {
inline namespace v1 {
namespace detail {

// A copy of the plan's settings, schema, profiles, cookbook, policies, catalogue
// and reps, with no account, activity or deal: the past is added back through
// the plan's own checks.
struct plan_rewind {
    static plan emptied(const plan& p)
    {
        plan q = p;
        q.accounts_.clear();
        q.verdicts_.clear();
        q.decisions_.clear();
        q.activity_counts_.clear();
        q.index_.clear();
        q.activities_.clear();
        q.activity_index_.clear();
        q.deals_.clear();
        q.deal_index_.clear();
        return q;
    }
    // The past's records keep the places they have in the plan, so that an
    // error names the record the user wrote.
    static void add_account(plan& q, account a, const location& where)
    {
        q.add_account_at(std::move(a), where);
    }
    static void add_deal(plan& q, deal d, const location& where) { q.add_deal_at(std::move(d), where); }
    static void add_activity(plan& q, activity a, const location& where)
    {
        q.add_activity_at(std::move(a), where);
    }
};

} // namespace detail

namespace {

bool added_after(const account& a, date day) noexcept
{
    return a.added && *a.added > day;
}

std::size_t later_moves(const account& a, date day) noexcept
{
    return static_cast<std::size_t>(std::count_if(
        a.history.begin(), a.history.end(), [&](const move_record& m) { return m.on > day; }));
}

// The later facts of one deal opened on or before `day`.
void count_deal(const deal& d, date day, ignored_facts& out) noexcept
{
    for (const auto& e : d.evidence)
        out.evidence += e.on > day ? 1 : 0;
    for (const auto& c : d.close_date_history)
        out.close_date_changes += c.on > day ? 1 : 0;
    for (const auto& c : d.stage_history)
        out.stage_changes += c.on > day ? 1 : 0;
    if (d.closed_on && *d.closed_on > day)
        ++out.closes;
    if (d.stall && d.stall->declared_on > day)
        ++out.deal_notes;
    if (d.declared && d.declared->on > day)
        ++out.deal_notes;
    if (d.revived && d.revived->on > day)
        ++out.deal_notes;
    if (d.last_activity && *d.last_activity > day)
        ++out.last_activities;
}

void require_after_first_fact(const plan& p, date day)
{
    const auto first = first_fact(p);
    if (first && day < *first)
        throw error(errc::invalid_argument,
                    "the as-of date " + day.to_string() + " is before the plan's first fact (" +
                        first->to_string() + "): the plan did not exist yet",
                    "as_of");
}

deal deal_as_of(const deal& d, date day, std::optional<date> logged_on_account)
{
    deal past = d;
    std::erase_if(past.evidence, [&](const evidence_item& e) { return e.on > day; });
    const auto later_change = std::find_if(past.close_date_history.begin(),
                                           past.close_date_history.end(),
                                           [&](const close_date_change& c) { return c.on > day; });
    if (later_change != past.close_date_history.end()) {
        past.expected_close = later_change->from;
        past.close_date_history.erase(later_change, past.close_date_history.end());
    }
    const auto later_stage = std::find_if(past.stage_history.begin(), past.stage_history.end(),
                                          [&](const stage_change& c) { return c.on > day; });
    if (later_stage != past.stage_history.end()) {
        past.stage = later_stage->from;
        past.stage_history.erase(later_stage, past.stage_history.end());
    }
    if (past.closed_on && *past.closed_on > day) {
        past.outcome = deal_outcome::open;
        past.closed_on.reset();
        past.lost_reason.clear();
    }
    if (past.stall && past.stall->declared_on > day)
        past.stall.reset();
    if (past.declared && past.declared->on > day)
        past.declared.reset();
    if (past.revived && past.revived->on > day)
        past.revived.reset();
    if (past.last_activity && *past.last_activity > day) {
        // The latest thing known to have happened on the deal by then.
        date latest = past.opened;
        for (const auto& e : past.evidence)
            latest = std::max(latest, e.on);
        for (const auto& c : past.close_date_history)
            latest = std::max(latest, c.on);
        for (const auto& c : past.stage_history)
            latest = std::max(latest, c.on);
        if (logged_on_account && *logged_on_account >= past.opened)
            latest = std::max(latest, *logged_on_account);
        past.last_activity = latest;
    }
    return past;
}

account account_as_of(const account& a, date day)
{
    account past = a;
    const placement then = decision_at(a, day);
    std::erase_if(past.history, [&](const move_record& m) { return m.on > day; });
    if (then.what() == placement::kind::fired && past.fire_action.empty()) {
        // Fired then, taken back since: the firing's reason stands for its action.
        past.fire_action = past.history.empty() || past.history.back().reason.empty()
                               ? std::string("fired")
                               : past.history.back().reason;
    } else if (then.what() != placement::kind::fired) {
        past.fire_action.clear();
    }
    past.decision = then;
    return past;
}

} // namespace

std::string to_text(const ignored_facts& ignored)
{
    if (ignored.total() == 0)
        return {};
    struct kind {
        std::size_t count;
        const char* one;
        const char* many;
    };
    const kind kinds[] = {
        {ignored.accounts, "account added", "accounts added"},
        {ignored.moves, "move", "moves"},
        {ignored.deals, "deal opened", "deals opened"},
        {ignored.evidence, "evidence item", "evidence items"},
        {ignored.close_date_changes, "close-date change", "close-date changes"},
        {ignored.stage_changes, "stage change", "stage changes"},
        {ignored.closes, "deal closed", "deals closed"},
        {ignored.deal_notes, "stall, state set by hand or revival",
         "stalls, states set by hand or revivals"},
        {ignored.last_activities, "last deal activity", "last deal activities"},
        {ignored.activities, "logged activity", "logged activities"},
    };
    const std::size_t total = ignored.total();
    std::string out = std::to_string(total) + (total == 1 ? " later fact" : " later facts") +
                      " left out:";
    const char* separator = " ";
    for (const kind& k : kinds) {
        if (k.count == 0)
            continue;
        out += separator + std::to_string(k.count) + " " + (k.count == 1 ? k.one : k.many);
        separator = ", ";
    }
    return out;
}

std::optional<date> first_fact(const plan& p) noexcept
{
    std::optional<date> first;
    const auto see = [&](date d) {
        if (!first || d < *first)
            first = d;
    };
    for (const auto& a : p.accounts()) {
        if (a.added)
            see(*a.added);
        if (!a.history.empty())
            see(a.history.front().on);
    }
    for (const auto& x : p.activities())
        see(x.on);
    for (const auto& d : p.deals())
        see(d.opened);
    return first;
}

ignored_facts facts_after(const plan& p, date day)
{
    require_after_first_fact(p, day);
    ignored_facts out;
    std::unordered_set<std::string_view> left_out;
    for (const auto& a : p.accounts()) {
        if (added_after(a, day)) {
            ++out.accounts;
            left_out.insert(a.id);
        } else {
            out.moves += later_moves(a, day);
        }
    }
    for (const auto& x : p.activities())
        out.activities += x.on > day || left_out.count(x.account) ? 1 : 0;
    for (const auto& d : p.deals()) {
        if (d.opened > day)
            ++out.deals;
        else
            count_deal(d, day, out);
    }
    return out;
}

plan plan_as_of(const plan& p, date day)
{
    require_after_first_fact(p, day);
    plan past = detail::plan_rewind::emptied(p);
    std::unordered_set<std::string_view> kept;
    for (std::size_t i = 0; i < p.accounts().size(); ++i) {
        const account& a = p.accounts()[i];
        if (added_after(a, day))
            continue;
        kept.insert(a.id);
        detail::plan_rewind::add_account(past, account_as_of(a, day),
                                         location().item("accounts", i, a.id));
    }
    std::unordered_map<std::string_view, date> last_logged;
    for (std::size_t i = 0; i < p.activities().size(); ++i) {
        const activity& x = p.activities()[i];
        if (x.on > day || !kept.count(x.account))
            continue;
        auto [it, fresh] = last_logged.try_emplace(x.account, x.on);
        if (!fresh)
            it->second = std::max(it->second, x.on);
        detail::plan_rewind::add_activity(past, x, location().item("activities", i, x.account));
    }
    for (std::size_t i = 0; i < p.deals().size(); ++i) {
        const deal& d = p.deals()[i];
        if (d.opened > day)
            continue;
        const auto logged = last_logged.find(d.account);
        detail::plan_rewind::add_deal(
            past,
            deal_as_of(d, day,
                       logged == last_logged.end() ? std::nullopt : std::optional<date>(logged->second)),
            location().item("deals", i, d.id));
    }
    return past;
}

} // namespace v1
} // namespace kare
