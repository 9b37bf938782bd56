// Moves the facts suggest (docs/review.md, "Suggested moves"): proposed with
// their evidence; only `accept` changes the plan, through `plan::move`.
#include "review_context.hpp"
#include "word_list.hpp"

#include <kare/classify.hpp>
#include <kare/error.hpp>
#include <kare/plan.hpp>
#include <kare/suggested_move.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace kare {
inline namespace v1 {

namespace {

// The day the account entered its current category by a recorded move.
std::optional<date> in_category_since(const account& a)
{
    if (!a.decision.is_assigned() || a.history.empty() || !(a.history.back().to == a.decision))
        return std::nullopt;
    return a.history.back().on;
}

// Won deals closed on or before `as_of` and, when given, on or after `since`.
std::vector<won_deal> won_deals(const plan& p, const std::vector<std::size_t>& positions,
                                date as_of, std::optional<date> since)
{
    // The earliest date as a plain value: GCC may compare an empty optional's
    // unset payload before testing it, which Valgrind reports on every call.
    const date earliest =
        since.value_or(date::from_days(std::numeric_limits<std::int32_t>::min()));
    std::vector<won_deal> out;
    for (std::size_t i : positions) {
        const deal& d = p.deals()[i];
        if (d.outcome != deal_outcome::won || !d.closed_on || as_of < *d.closed_on)
            continue;
        if (*d.closed_on < earliest)
            continue;
        out.push_back(won_deal{d.id, *d.closed_on, d.amount});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const won_deal& x, const won_deal& y) { return x.on < y.on; });
    return out;
}

// The account's `last_purchase` attribute, when it is a date not after `as_of`.
std::optional<date> recorded_last_purchase(const account& a, date as_of)
{
    if (auto it = a.attributes.find("last_purchase"); it != a.attributes.end())
        if (const date* d = std::get_if<date>(&it->second); d && !(as_of < *d))
            return *d;
    return std::nullopt;
}

// The later of two optional dates.
std::optional<date> later(std::optional<date> x, std::optional<date> y)
{
    if (!x)
        return y;
    if (!y)
        return x;
    return *x < *y ? y : x;
}

// Where a new client belongs by its profiles, and why in words that hold:
// taken as a client, Expand when only Expand's profile holds, the
// tie-break's choice when both hold and the plan asks for one, Keep
// otherwise (protect a new client first), saying when no profile matched.
struct client_destination {
    category to = category::keep;
    std::string why;
};

client_destination new_client_category(const plan& p, const account& a)
{
    account as_client = a;
    as_client.relationship = relationship::client;
    const profile_set& set = p.profiles();
    const auto holds_for = [&](category c) {
        const profile* prof = set.find(c);
        return prof && holds(prof->rule, as_client, p.fields());
    };
    const bool keep = holds_for(category::keep);
    const bool expand = holds_for(category::expand);
    if (expand && !keep)
        return {category::expand, "its profiles point to Expand"};
    if (keep && !expand)
        return {category::keep, "its profiles point to Keep"};
    if (!keep)
        return {category::keep, "neither Keep's nor Expand's profile matches it, so Keep, "
                                "where a new client is protected first"};
    if (set.ties.how == tie_break::mode::category_order)
        for (category c : set.ties.order)
            if (c == category::keep || c == category::expand)
                return {c, "both Keep's and Expand's profiles match it and the plan's tie-break "
                           "picks " + detail::category_title(c)};
    return {category::keep, "both Keep's and Expand's profiles match it, so Keep, "
                            "where a new client is protected first"};
}

// The reason is recorded in the account's history when accepted: past a
// few deals it names the count and the latest, and the finding's figures
// carry the full list.
constexpr std::size_t listed_deals = 3;

std::string evidence(const std::vector<won_deal>& deals, const std::string& currency)
{
    if (deals.size() > listed_deals) {
        const won_deal& latest = deals.back(); // oldest first
        return std::to_string(deals.size()) + " deals, the latest " + latest.id + " (" +
               latest.amount.to_string() + " " + currency + ", " + latest.on.to_string() + ")";
    }
    std::string out;
    for (std::size_t i = 0; i < deals.size(); ++i) {
        if (i > 0)
            out += i + 1 == deals.size() ? " and " : ", ";
        out += deals[i].id + " (" + deals[i].amount.to_string() + " " + currency + ", " +
               deals[i].on.to_string() + ")";
    }
    return out;
}


} // namespace

namespace detail {

std::optional<suggested_move> suggestion(const plan& p, const account& a, placement where,
                                         date as_of, const std::vector<std::size_t>& deal_positions)
{
    if (!where.is_assigned())
        return std::nullopt;
    suggested_move m;
    m.account = a.id;
    m.from = where.cat();
    m.in_category_since = in_category_since(a);
    const std::string& currency = p.settings().currency;
    switch (m.from) {
    case category::attain:
    case category::recapture: {
        // Only a win since the account came here counts; a Recapture win also
        // has to be no older than the last purchase on record, since a client
        // that bought again after a win and then lapsed was not won back by it.
        const std::optional<date> since =
            m.from == category::recapture
                ? later(m.in_category_since, recorded_last_purchase(a, as_of))
                : m.in_category_since;
        m.won_deals = won_deals(p, deal_positions, as_of, since);
        // A win older than the lapse window makes no client: the same facts
        // would call it lapsed at once, and the moves would go round.
        const std::int64_t window = p.review_policy().lapse_days;
        std::erase_if(m.won_deals, [&](const won_deal& w) {
            return std::int64_t{as_of.days()} - w.on.days() > window;
        });
        if (m.won_deals.empty())
            return std::nullopt;
        const bool attain = m.from == category::attain;
        m.code = attain ? "move.attain_won" : "move.recapture_won";
        const client_destination dest =
            attain ? new_client_category(p, a) : client_destination{category::keep, {}};
        m.to = dest.to;
        m.reason = std::string(attain ? "Won " : "Won back with ") +
                   evidence(m.won_deals, currency) +
                   (attain ? ": a client now; " + dest.why + "." : ": a client again, back to Keep.");
        return m;
    }
    case category::keep:
    case category::expand: {
        std::optional<date> last = recorded_last_purchase(a, as_of);
        for (const won_deal& w : won_deals(p, deal_positions, as_of, std::nullopt))
            if (!last || *last < w.on)
                last = w.on;
        if (!last)
            return std::nullopt; // no purchase on record: no evidence either way
        const std::int64_t days = std::int64_t{as_of.days()} - last->days();
        const std::uint32_t window = p.review_policy().lapse_days;
        if (days <= static_cast<std::int64_t>(window))
            return std::nullopt;
        m.code = "move.client_lapsed";
        m.to = category::recapture;
        m.last_purchase = last;
        m.days_since_purchase = detail::saturate_i32(days);
        m.lapse_days = window;
        m.reason = "No purchase since " + last->to_string() + " (" + std::to_string(days) +
                   " days, more than the " + std::to_string(window) +
                   "-day lapse window): a former client to win back.";
        return m;
    }
    }
    return std::nullopt;
}

} // namespace detail

std::optional<suggested_move> suggest_move(const plan& p, const account& a, date as_of)
{
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < p.deals().size(); ++i)
        if (p.deals()[i].account == a.id)
            positions.push_back(i);
    return detail::suggestion(p, a, detail::current_placement(p, a), as_of, positions);
}

std::vector<suggested_move> suggest_moves(const plan& p, date as_of, std::string_view rep)
{
    detail::require_rep(p, rep);
    const auto deals = detail::deals_by_account(p);
    std::vector<suggested_move> out;
    for (const account& a : p.accounts()) {
        if (!rep.empty() && a.owner != rep)
            continue;
        auto m = detail::suggestion(p, a, detail::current_placement(p, a), as_of,
                                    detail::positions_of(deals, a.id));
        if (m && p.review_policy().enabled(m->code))
            out.push_back(std::move(*m));
    }
    return out;
}

void accept(plan& p, const suggested_move& m, date on)
{
    const account* a = p.find_account(m.account);
    if (!a)
        throw error(errc::not_found, "no account has the id '" + m.account + "'");
    const placement now = detail::current_placement(p, *a);
    if (!(now == placement::in(m.from)))
        throw error(errc::conflict, "the suggestion to move '" + m.account + "' from " +
                                        std::string(to_string(m.from)) +
                                        " is stale: the account is now " +
                                        std::string(now.name()));
    p.move(m.account, placement::in(m.to), on, m.reason);
}

} // namespace v1
} // namespace kare
