#include "review_policy_json.hpp"

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

using boost::json::array;
using boost::json::object;

std::vector<std::string> texts(document_reader& in, const boost::json::value& v,
                               std::size_t max_items)
{
    const array& list = in.array(v);
    if (list.size() > max_items)
        in.fail("more than " + std::to_string(max_items) + " items", errc::limit_exceeded);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto k = in.index(i);
        out.push_back(in.text(list[i]));
    }
    return out;
}

std::uint32_t whole(document_reader& in, const object& o, std::string_view key, std::int64_t min,
                    std::int64_t max, std::uint32_t fallback)
{
    const auto* v = document_reader::optional(o, key);
    if (!v)
        return fallback;
    auto k = in.key(key);
    return static_cast<std::uint32_t>(in.integer(*v, min, max));
}

} // namespace

review_policy read_review_policy(document_reader& in, const boost::json::value& v,
                                 std::size_t max_items)
{
    auto k = in.key("review");
    const object& o = in.object(v);
    in.only_keys(o, {"focus_min", "focus_max", "quarterly_review_activities",
                     "quarterly_review_days", "lapse_days", "rep_fit", "existing_client_cost",
                     "recapture_cost", "potential_value", "disabled_checks"});
    review_policy policy;
    policy.focus_min = whole(in, o, "focus_min", 1, max_focus_size, policy.focus_min);
    policy.focus_max = whole(in, o, "focus_max", 1, max_focus_size, policy.focus_max);
    if (const auto* a = document_reader::optional(o, "quarterly_review_activities")) {
        auto ka = in.key("quarterly_review_activities");
        policy.quarterly_review_activities = texts(in, *a, max_items);
    }
    policy.quarterly_review_days =
        whole(in, o, "quarterly_review_days", 1, 3660, policy.quarterly_review_days);
    policy.lapse_days = whole(in, o, "lapse_days", 1, 36500, policy.lapse_days);
    if (const auto* r = document_reader::optional(o, "rep_fit")) {
        auto kr = in.key("rep_fit");
        const std::string name = in.text(*r);
        auto s = rep_fit_strategy_from_string(name);
        if (!s)
            in.fail("unknown rep-fit strategy '" + name + "' (focus, blend)");
        policy.rep_fit = *s;
    }
    if (const auto* c = document_reader::optional(o, "existing_client_cost")) {
        auto kc = in.key("existing_client_cost");
        policy.existing_client_cost = in.number(*c);
    }
    if (const auto* c = document_reader::optional(o, "recapture_cost")) {
        auto kc = in.key("recapture_cost");
        policy.recapture_cost = in.number(*c);
    }
    if (const auto* pv = document_reader::optional(o, "potential_value")) {
        auto kv = in.key("potential_value");
        policy.potential_value = in.number(*pv);
    }
    if (const auto* d = document_reader::optional(o, "disabled_checks")) {
        auto kd = in.key("disabled_checks");
        policy.disabled_checks = texts(in, *d, max_items);
    }
    return policy;
}

std::vector<product> read_products(document_reader& in, const boost::json::value& v,
                                   std::size_t max_items)
{
    const array& list = in.array(v);
    if (list.size() > max_items)
        in.fail("more than " + std::to_string(max_items) + " products", errc::limit_exceeded);
    std::vector<product> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto ki = in.index(i);
        const object& o = in.object(list[i]);
        in.only_keys(o, {"id", "name"});
        product p;
        {
            auto kid = in.key("id");
            p.id = in.text(in.required(o, "id"));
        }
        if (const auto* n = document_reader::optional(o, "name")) {
            auto kn = in.key("name");
            p.name = in.text(*n);
        }
        out.push_back(std::move(p));
    }
    return out;
}

object review_policy_json(const review_policy& policy)
{
    object o;
    o["focus_min"] = policy.focus_min;
    o["focus_max"] = policy.focus_max;
    array types;
    for (const auto& t : policy.quarterly_review_activities)
        types.push_back(boost::json::string(t));
    o["quarterly_review_activities"] = std::move(types);
    o["quarterly_review_days"] = policy.quarterly_review_days;
    o["lapse_days"] = policy.lapse_days;
    o["rep_fit"] = to_string(policy.rep_fit);
    o["existing_client_cost"] = policy.existing_client_cost;
    o["recapture_cost"] = policy.recapture_cost;
    if (policy.potential_value)
        o["potential_value"] = *policy.potential_value; // absent: derived from the clients
    array off;
    for (const auto& c : policy.disabled_checks)
        off.push_back(boost::json::string(c));
    o["disabled_checks"] = std::move(off);
    return o;
}

array products_json(const std::vector<product>& catalogue)
{
    array out;
    for (const auto& p : catalogue) {
        object o;
        o["id"] = p.id;
        o["name"] = p.name;
        out.push_back(std::move(o));
    }
    return out;
}

} // namespace detail
} // namespace v1
} // namespace kare
