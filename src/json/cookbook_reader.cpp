#include "cookbook_reader.hpp"

#include <kare/category.hpp>

#include <boost/json.hpp>

namespace kare {
inline namespace v1 {
namespace detail {

namespace {

using boost::json::array;
using boost::json::object;

std::string text_at(document_reader& in, const object& o, std::string_view k)
{
    auto here = in.key(k);
    return in.text(in.required(o, k));
}

target read_target(document_reader& in, const boost::json::value& v)
{
    const object& o = in.object(v);
    in.only_keys(o, {"category", "activity", "count", "period", "scope"});
    target t;
    {
        auto k = in.key("category");
        const std::string name = in.text(in.required(o, "category"));
        auto c = category_from_string(name);
        if (!c)
            in.fail("unknown category '" + name + "' (keep, attain, recapture, expand)");
        t.cat = *c;
    }
    t.activity = text_at(in, o, "activity");
    {
        auto k = in.key("count");
        t.count = in.integer(in.required(o, "count"), 1, max_target_count);
    }
    {
        auto k = in.key("period");
        const std::string name = in.text(in.required(o, "period"));
        auto kind = period_kind_from_string(name);
        if (!kind)
            in.fail("unknown period '" + name + "' (week, month, quarter, year)");
        t.per = *kind;
    }
    if (const auto* s = in.optional(o, "scope")) {
        auto k = in.key("scope");
        const std::string name = in.text(*s);
        auto scope = target_scope_from_string(name);
        if (!scope)
            in.fail("unknown scope '" + name + "' (rep, account)");
        t.scope = *scope;
    }
    return t;
}

playbook read_playbook(document_reader& in, const boost::json::value& v)
{
    const object& o = in.object(v);
    in.only_keys(o, {"actions", "questions"});
    playbook book;
    if (const auto* a = in.optional(o, "actions")) {
        auto k = in.key("actions");
        const array& list = in.array(*a);
        if (list.size() > max_playbook_items)
            in.fail("more than " + std::to_string(max_playbook_items) + " actions",
                    errc::limit_exceeded);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in.index(i);
            const object& ao = in.object(list[i]);
            in.only_keys(ao, {"name", "description"});
            play_action action;
            action.name = text_at(in, ao, "name");
            if (const auto* d = in.optional(ao, "description")) {
                auto kd = in.key("description");
                action.description = in.text(*d);
            }
            book.actions.push_back(std::move(action));
        }
    }
    if (const auto* q = in.optional(o, "questions")) {
        auto k = in.key("questions");
        const array& list = in.array(*q);
        if (list.size() > max_playbook_items)
            in.fail("more than " + std::to_string(max_playbook_items) + " questions",
                    errc::limit_exceeded);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in.index(i);
            book.questions.push_back(in.text(list[i]));
        }
    }
    return book;
}

} // namespace

cookbook read_cookbook(document_reader& in, const boost::json::value& v,
                       const cookbook_limits& limits)
{
    const object& o = in.object(v);
    in.only_keys(o, {"activity_types", "targets", "playbooks"});
    cookbook book;
    {
        auto k = in.key("activity_types");
        const array& list = in.array(in.required(o, "activity_types"));
        if (list.size() > limits.max_activity_types)
            in.fail("more than " + std::to_string(limits.max_activity_types) + " activity types",
                    errc::limit_exceeded);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in.index(i);
            const object& to = in.object(list[i]);
            in.only_keys(to, {"id", "name"});
            activity_type t;
            t.id = text_at(in, to, "id");
            if (const auto* n = in.optional(to, "name")) {
                auto kn = in.key("name");
                t.name = in.text(*n);
            }
            book.activity_types.push_back(std::move(t));
        }
    }
    {
        auto k = in.key("targets");
        const array& list = in.array(in.required(o, "targets"));
        if (list.size() > limits.max_targets)
            in.fail("more than " + std::to_string(limits.max_targets) + " targets",
                    errc::limit_exceeded);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in.index(i);
            book.targets.push_back(read_target(in, list[i]));
        }
    }
    if (const auto* p = in.optional(o, "playbooks")) {
        auto k = in.key("playbooks");
        const object& po = in.object(*p);
        in.only_keys(po, {"keep", "attain", "recapture", "expand"});
        for (category c : all_categories)
            if (const auto* one = in.optional(po, to_string(c))) {
                auto kc = in.key(to_string(c));
                book.playbooks[static_cast<std::size_t>(c)] = read_playbook(in, *one);
            }
    }
    return book;
}

pacing_policy read_pacing(document_reader& in, const boost::json::value& v)
{
    auto k = in.key("pacing");
    const object& o = in.object(v);
    in.only_keys(o, {"pro_rate_by", "holidays"});
    pacing_policy pacing;
    if (const auto* b = in.optional(o, "pro_rate_by")) {
        auto kb = in.key("pro_rate_by");
        const std::string name = in.text(*b);
        auto basis = day_basis_from_string(name);
        if (!basis)
            in.fail("unknown day basis '" + name + "' (working_days, calendar_days)");
        pacing.basis = *basis;
    }
    if (const auto* h = in.optional(o, "holidays")) {
        auto kh = in.key("holidays");
        const array& list = in.array(*h);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in.index(i);
            pacing.holidays.push_back(in.date(list[i]));
        }
    }
    return pacing;
}

effort_policy read_effort(document_reader& in, const boost::json::value& v)
{
    auto k = in.key("effort");
    const object& o = in.object(v);
    in.only_keys(o, {"mix", "keep_tolerance", "window_days", "min_activities"});
    effort_policy effort;
    if (const auto* m = in.optional(o, "mix")) {
        auto km = in.key("mix");
        const object& mo = in.object(*m);
        in.only_keys(mo, {"keep", "attain", "recapture", "expand"});
        effort_mix mix{};
        for (category c : all_categories) {
            auto kc = in.key(to_string(c));
            mix[static_cast<std::size_t>(c)] =
                static_cast<std::uint32_t>(in.integer(in.required(mo, to_string(c)), 0, 100));
        }
        effort.mix = mix;
    }
    if (const auto* t = in.optional(o, "keep_tolerance")) {
        auto kt = in.key("keep_tolerance");
        effort.keep_tolerance = static_cast<std::uint32_t>(in.integer(*t, 0, 100));
    }
    if (const auto* w = in.optional(o, "window_days")) {
        auto kw = in.key("window_days");
        effort.window_days = static_cast<std::uint32_t>(in.integer(*w, 1, 3660));
    }
    if (const auto* n = in.optional(o, "min_activities")) {
        auto kn = in.key("min_activities");
        effort.min_activities = static_cast<std::uint32_t>(in.integer(*n, 0, 1'000'000));
    }
    return effort;
}

activity read_activity(document_reader& in, const boost::json::value& v)
{
    const object& o = in.object(v);
    in.only_keys(o, {"id", "date", "rep", "account", "activity", "note"});
    activity a;
    if (const auto* id = in.optional(o, "id")) {
        auto k = in.key("id");
        a.id = in.text(*id); // checked as an id when it joins the plan
        if (a.id.empty()) // an empty id would read as none, and be assigned
            in.fail("the activity id is empty");
    }
    {
        auto k = in.key("date");
        a.on = in.date(in.required(o, "date"));
    }
    a.rep = text_at(in, o, "rep");
    a.account = text_at(in, o, "account");
    a.type = text_at(in, o, "activity");
    if (const auto* n = in.optional(o, "note")) {
        auto kn = in.key("note");
        a.note = in.text(*n);
    }
    return a;
}

} // namespace detail
} // namespace v1
} // namespace kare
