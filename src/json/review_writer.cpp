// The review's parts of the report document, and the review document
// (`kare review --json`): the scoreboard and the review's lists.
#include "finding_json.hpp"
#include "pipeline_json.hpp"
#include "review_json.hpp"

#include <kare/json.hpp>
#include <kare/version.hpp>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

using boost::json::array;
using boost::json::object;

boost::json::value level(const std::string& name)
{
    return name.empty() ? boost::json::value(nullptr) : boost::json::value(name);
}

object terms_json(const priority_terms& t)
{
    object o;
    o["revenue"] = t.revenue;
    o["potential_value"] = t.potential_value;
    o["qualified_pipeline"] = t.qualified_pipeline.to_string();
    o["value"] = t.value;
    o["growth_potential"] = level(t.growth_potential);
    o["growth_factor"] = t.growth_factor;
    o["risk"] = level(t.risk);
    o["win_probability"] = t.win_probability;
    o["expected_value"] = t.expected_value;
    o["cost_of_pursuit"] = level(t.cost_of_pursuit);
    o["pursuit_cost"] = t.pursuit_cost;
    o["existing_client"] = t.existing_client;
    o["former_client"] = t.former_client;
    o["cost_fraction"] = t.cost_fraction;
    o["cost"] = t.cost;
    o["score"] = t.score;
    return o;
}

template <class Count>
object per_category(const std::array<Count, 4>& counts)
{
    object o;
    for (category c : all_categories)
        o[to_string(c)] = counts[static_cast<std::size_t>(c)];
    return o;
}

object scoreboard_row_json(const scoreboard_row& row)
{
    object o;
    o["rep"] = row.rep.empty() ? boost::json::value(nullptr) : boost::json::value(row.rep);
    o["name"] = row.rep.empty() ? boost::json::value(nullptr) : boost::json::value(row.name);
    object accounts = per_category(row.accounts);
    accounts["unassigned"] = row.unassigned;
    accounts["fired"] = row.fired;
    o["accounts"] = std::move(accounts);
    o["in_focus"] = per_category(row.in_focus);
    o["targets"] = row.targets;
    o["targets_behind"] = row.targets_behind;
    object effort;
    effort["activities"] = per_category(row.activities);
    effort["uncategorised"] = row.uncategorised;
    effort["share_percent"] = per_category(row.share_percent);
    effort["intended_percent"] = row.intended_percent
                                     ? boost::json::value(per_category(*row.intended_percent))
                                     : boost::json::value(nullptr);
    o["effort"] = std::move(effort);
    o["pipeline"] = pipeline_totals_json(row.pipeline);
    object findings;
    for (severity s : {severity::error, severity::warning, severity::info})
        findings[to_string(s)] = row.findings[static_cast<std::size_t>(s)];
    o["findings"] = std::move(findings);
    array worst;
    for (std::size_t i : row.worst)
        worst.push_back(i);
    o["worst_findings"] = std::move(worst);
    return o;
}

} // namespace

object scoreboard_json(const scoreboard& board)
{
    object o;
    array reps;
    for (const scoreboard_row& row : board.reps)
        reps.push_back(scoreboard_row_json(row));
    o["reps"] = std::move(reps);
    o["team"] = scoreboard_row_json(board.team);
    return o;
}

namespace {

object priority_json(const account_priority& line)
{
    object o;
    o["rank"] = line.rank;
    o["id"] = line.id;
    o["name"] = line.name;
    o["owner"] = line.owner;
    o["category"] = to_string(line.cat);
    o["rank_in_category"] = line.rank_in_category;
    o["focus"] = line.focus;
    o["score"] = line.terms.score;
    o["terms"] = terms_json(line.terms);
    return o;
}

object focus_list_json(const focus_list& list)
{
    object o;
    o["rep"] = list.rep;
    o["category"] = to_string(list.cat);
    o["named"] = list.named;
    o["accounts_in_category"] = list.in_category;
    o["accounts"] = string_array(list.accounts);
    return o;
}

object suggested_move_json(const suggested_move& m)
{
    object o;
    o["code"] = m.code;
    o["account"] = m.account;
    o["from"] = to_string(m.from);
    o["to"] = to_string(m.to);
    object evidence;
    evidence["in_category_since"] = m.in_category_since
                                        ? boost::json::value(m.in_category_since->to_string())
                                        : boost::json::value(nullptr);
    array won;
    for (const auto& w : m.won_deals) {
        object wo;
        wo["id"] = w.id;
        wo["date"] = w.on.to_string();
        wo["amount"] = w.amount.to_string();
        won.push_back(std::move(wo));
    }
    evidence["won_deals"] = std::move(won);
    if (m.last_purchase) {
        evidence["last_purchase"] = m.last_purchase->to_string();
        evidence["days_since_purchase"] = m.days_since_purchase;
        evidence["lapse_days"] = m.lapse_days;
    } else {
        evidence["last_purchase"] = nullptr;
        evidence["days_since_purchase"] = nullptr;
        evidence["lapse_days"] = nullptr;
    }
    o["evidence"] = std::move(evidence);
    o["reason"] = m.reason;
    return o;
}

object heat_map_row_json(const heat_map& map, const heat_map_row& row)
{
    object ro;
    ro["id"] = row.id;
    ro["name"] = row.name;
    ro["owner"] = row.owner;
    ro["category"] = to_string(row.cat);
    array bought;
    for (std::size_t k = 0; k < row.bought.size(); ++k)
        if (row.bought[k])
            bought.push_back(boost::json::string(map.products[k].id));
    ro["bought"] = std::move(bought);
    ro["whitespace"] = string_array(row.whitespace);
    ro["recorded"] = row.recorded;
    return ro;
}

void stream_heat_map(object_stream heat_map_member, const heat_map& map)
{
    array_stream products = heat_map_member.array_member("products");
    for (std::size_t k = 0; k < map.products.size(); ++k) {
        object po;
        po["id"] = map.products[k].id;
        po["name"] = map.products[k].name;
        po["buyers"] = map.buyers[k];
        products.item(po);
    }
    products.end();
    array_stream rows = heat_map_member.array_member("accounts");
    for (const auto& row : map.rows)
        rows.item(heat_map_row_json(map, row));
    rows.end();
    heat_map_member.end();
}

} // namespace

void stream_findings(object_stream& document, const std::vector<finding>& findings)
{
    array_stream out = document.array_member("findings");
    for (const auto& f : findings)
        out.item(finding_json(f));
    out.end();
}

void stream_review_lists(object_stream& document, const report& r)
{
    array_stream priorities = document.array_member("priorities");
    for (const auto& line : r.priorities)
        priorities.item(priority_json(line));
    priorities.end();
    array_stream lists = document.array_member("focus_lists");
    for (const auto& list : r.focus_lists)
        lists.item(focus_list_json(list));
    lists.end();
    array_stream moves = document.array_member("suggested_moves");
    for (const auto& m : r.suggested_moves)
        moves.item(suggested_move_json(m));
    moves.end();
    stream_heat_map(document.object_member("heat_map"), r.heat_map);
}

} // namespace detail

namespace {

void stream_review(detail::canonical_stream& s, const report& r)
{
    detail::object_stream o(s, 0);
    o.member("format", "kare-review");
    o.member("version", KARE_PLAN_FORMAT_VERSION);
    o.member("plan", boost::json::string(r.plan_name));
    o.member("as_of", boost::json::string(r.as_of.to_string()));
    o.member("rep", r.rep.empty() ? boost::json::value(nullptr) : boost::json::value(r.rep));
    o.member("scoreboard", detail::scoreboard_json(r.scoreboard));
    detail::stream_review_lists(o, r);
    detail::stream_findings(o, r.findings);
    o.end();
    s.text() += '\n';
    s.finish();
}

} // namespace

std::string write_review(const report& r)
{
    std::string text;
    detail::canonical_stream s(text);
    stream_review(s, r);
    return text;
}

void write_review(const report& r, std::ostream& out)
{
    detail::canonical_stream s(out);
    stream_review(s, r);
}

} // namespace v1
} // namespace kare
