// Reading the plan document into the model, every error with its path.
#include "cookbook_reader.hpp"
#include "document_reader.hpp"
#include "honesty_json.hpp"
#include "plan_document.hpp"
#include "stream_account.hpp"
#include "strict_parser.hpp"
#include "../core/account_rules.hpp"
#include "../core/text_check.hpp"
#include "../core/deal_total.hpp"
#include "review_policy_json.hpp"
#include "../core/field_lookup.hpp"
#include "../core/error_capture.hpp"

#include <kare/json.hpp>
#include <kare/version.hpp>

#include <algorithm>
#include <new>

namespace kare {
inline namespace v1 {

namespace {

using boost::json::array;
using boost::json::object;
using detail::document_reader;
using detail::check_name;
using detail::check_prose;

class plan_reader {
public:
    plan_reader(const read_limits& limits) : in_(limits.max_string_bytes), limits_(limits) {}

    account read_one_account(const boost::json::value& v, const plan& p, std::size_t index)
    {
        auto k = in_.key("accounts");
        auto ki = in_.index(index);
        return account_of(v, p.fields());
    }

    deal read_one_deal(const boost::json::value& v, const plan& p, std::size_t index)
    {
        auto k = in_.key("deals");
        auto ki = in_.index(index);
        return detail::read_deal(in_, v, p.settings().currency, limits_);
    }

    rep read_one_rep(const boost::json::value& v, const plan& p)
    {
        auto k = in_.key("reps");
        auto ki = in_.index(p.reps().size());
        return rep_of(v);
    }

    activity read_one_activity(const boost::json::value& v, const plan& p)
    {
        auto k = in_.key("activities");
        auto ki = in_.index(p.activities().size());
        return detail::read_activity(in_, v);
    }

    // An account that joins no plan: its paths start at the account.
    account read_stream_account(const boost::json::value& v, const schema& fields)
    {
        account a = account_of(v, fields);
        detail::check_account_names(a, {});
        detail::check_account_content(a, fields, {});
        return a;
    }

    plan read(const boost::json::value& doc)
    {
        const object& root = in_.object(doc);
        in_.only_keys(root, {"format", "version", "name", "settings", "fields", "profiles",
                             "cookbook", "policy", "products", "reps", "accounts", "activities",
                             "honesty", "deals"});
        check_header(root);
        plan p;
        if (const auto* v = in_.optional(root, "name")) {
            auto k = in_.key("name");
            p.set_name(in_.text(*v));
        }
        if (const auto* v = in_.optional(root, "settings"))
            p.set_settings(settings(*v));
        if (const auto* v = in_.optional(root, "fields"))
            fields(*v, p);
        if (const auto* v = in_.optional(root, "profiles"))
            p.set_profiles(profiles(*v, p.fields()));
        if (const auto* v = in_.optional(root, "cookbook")) {
            auto k = in_.key("cookbook");
            p.set_cookbook(detail::read_cookbook(
                in_, *v, {limits_.max_activity_types, limits_.max_targets}));
        }
        if (const auto* v = in_.optional(root, "policy"))
            policy(*v, p);
        if (const auto* v = in_.optional(root, "products")) {
            auto k = in_.key("products");
            p.set_products(detail::read_products(in_, *v, limits_.max_policy_items));
        }
        if (const auto* v = in_.optional(root, "reps"))
            reps(*v, p);
        if (const auto* v = in_.optional(root, "accounts"))
            accounts(*v, p);
        if (const auto* v = in_.optional(root, "activities"))
            activities(*v, p);
        if (const auto* v = in_.optional(root, "honesty"))
            p.set_honesty(detail::read_honesty(in_, *v, limits_));
        if (const auto* v = in_.optional(root, "deals")) {
            deals(*v, p);
            detail::check_deal_total(p.deals());
        }
        return p;
    }

private:
    void check_header(const object& root)
    {
        {
            auto k = in_.key("format");
            if (in_.text(in_.required(root, "format")) != "kare-plan")
                in_.fail("this is not a kare plan: 'format' must be \"kare-plan\"");
        }
        auto k = in_.key("version");
        const auto version = in_.integer(in_.required(root, "version"), 0, INT32_MAX);
        if (version < 1 || version > KARE_PLAN_FORMAT_VERSION)
            in_.fail("format version " + std::to_string(version) +
                         " is not supported; this library reads versions 1 to " +
                         std::to_string(KARE_PLAN_FORMAT_VERSION),
                     errc::unsupported_version);
    }

    plan_settings settings(const boost::json::value& v)
    {
        auto k = in_.key("settings");
        const object& o = in_.object(v);
        in_.only_keys(o, {"currency", "fiscal_year_start_month"});
        plan_settings s;
        if (const auto* c = in_.optional(o, "currency")) {
            auto kc = in_.key("currency");
            s.currency = in_.text(*c); // plan::set_settings checks the code
        }
        if (const auto* m = in_.optional(o, "fiscal_year_start_month")) {
            auto km = in_.key("fiscal_year_start_month");
            s.fiscal_year_start_month = static_cast<unsigned>(in_.integer(*m, 1, 12));
        }
        return s;
    }

    void fields(const boost::json::value& v, plan& p)
    {
        auto k = in_.key("fields");
        const array& list = in_.array(v);
        if (list.size() > limits_.max_fields)
            in_.fail("more than " + std::to_string(limits_.max_fields) + " fields",
                     errc::limit_exceeded);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in_.index(i);
            const object& o = in_.object(list[i]);
            in_.only_keys(o, {"name", "type", "min", "max", "choices", "description"});
            field_def f;
            {
                auto kn = in_.key("name");
                f.name = in_.text(in_.required(o, "name"));
                check_name(f.name, "the field name", in_.where());
            }
            {
                auto kt = in_.key("type");
                const std::string type = in_.text(in_.required(o, "type"));
                auto t = field_type_from_string(type);
                if (!t)
                    in_.fail("unknown field type '" + type +
                             "' (number, boolean, text, choice, date)");
                f.type = *t;
            }
            if (const auto* m = in_.optional(o, "min")) {
                auto km = in_.key("min");
                f.min = in_.number(*m);
            }
            if (const auto* m = in_.optional(o, "max")) {
                auto km = in_.key("max");
                f.max = in_.number(*m);
            }
            if (const auto* c = in_.optional(o, "choices")) {
                auto kc = in_.key("choices");
                const array& choices = in_.array(*c);
                for (std::size_t j = 0; j < choices.size(); ++j) {
                    auto kj = in_.index(j);
                    f.choices.push_back(in_.text(choices[j]));
                    check_name(f.choices.back(), "a choice", in_.where());
                }
            }
            if (const auto* d = in_.optional(o, "description")) {
                auto kd = in_.key("description");
                f.description = in_.text(*d);
                check_prose(f.description, "the description", in_.where());
            }
            try {
                p.declare_field(std::move(f));
            } catch (const error& e) {
                in_.fail(e.what());
            }
        }
    }

    value operand(const boost::json::value& v, const field_def* field)
    {
        const field_type type = field ? field->type : field_type::text;
        switch (type) {
        case field_type::number: return in_.number(v);
        case field_type::boolean: return in_.boolean(v);
        case field_type::date: return in_.date(v);
        default: return in_.text(v);
        }
    }

    criterion rule(const boost::json::value& v, const schema& fields, std::size_t depth)
    {
        if (++nodes_ > limits_.max_criterion_nodes)
            in_.fail("the profiles hold more than " + std::to_string(limits_.max_criterion_nodes) +
                         " criteria",
                     errc::limit_exceeded);
        if (depth > limits_.max_depth)
            in_.fail("criteria are nested too deeply", errc::limit_exceeded);
        const object& o = in_.object(v);
        criterion c;
        if (const auto* l = in_.optional(o, "label")) {
            auto kl = in_.key("label");
            c.label = in_.text(*l);
            check_name(c.label, "the label", in_.where(), true);
        }
        for (criterion_op op : {criterion_op::all_of, criterion_op::any_of, criterion_op::none_of}) {
            const auto* members = o.if_contains(to_string(op));
            if (!members)
                continue;
            in_.only_keys(o, {to_string(op), "label"});
            c.op = op;
            auto kg = in_.key(to_string(op));
            const array& list = in_.array(*members);
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto ki = in_.index(i);
                c.children.push_back(rule(list[i], fields, depth + 1));
            }
            return c;
        }
        in_.only_keys(o, {"field", "label", "eq", "ne", "lt", "le", "gt", "ge", "in", "not_in",
                          "between", "present"});
        {
            auto kf = in_.key("field");
            if (!o.contains("field"))
                in_.fail("a criterion needs 'field' or a group ('all', 'any', 'none')");
            c.field = in_.text(o.at("field"));
        }
        const field_def* field = detail::lookup_field(fields, c.field);
        if (!field) {
            auto kf = in_.key("field");
            in_.fail("unknown field '" + c.field + "'");
        }
        int ops = 0;
        for (criterion_op op : {criterion_op::eq, criterion_op::ne, criterion_op::lt,
                                criterion_op::le, criterion_op::gt, criterion_op::ge,
                                criterion_op::in, criterion_op::not_in, criterion_op::between}) {
            const auto* arg = o.if_contains(to_string(op));
            if (!arg)
                continue;
            ++ops;
            c.op = op;
            auto ko = in_.key(to_string(op));
            if (op == criterion_op::in || op == criterion_op::not_in ||
                op == criterion_op::between) {
                const array& list = in_.array(*arg);
                for (std::size_t i = 0; i < list.size(); ++i) {
                    auto ki = in_.index(i);
                    c.operands.push_back(operand(list[i], field));
                }
            } else {
                c.operands.push_back(operand(*arg, field));
            }
        }
        if (const auto* present = o.if_contains("present")) {
            ++ops;
            auto kp = in_.key("present");
            c.op = in_.boolean(*present) ? criterion_op::present : criterion_op::absent;
        }
        if (ops != 1)
            in_.fail("a criterion needs exactly one operation (eq, ne, lt, le, gt, ge, in, "
                     "not_in, between, present)");
        return c;
    }

    profile_set profiles(const boost::json::value& v, const schema& fields)
    {
        auto k = in_.key("profiles");
        const object& o = in_.object(v);
        in_.only_keys(o, {"keep", "attain", "recapture", "expand", "fire", "tie_break"});
        profile_set set;
        for (category c : all_categories) {
            const auto* p = in_.optional(o, to_string(c));
            if (!p)
                continue;
            auto kc = in_.key(to_string(c));
            const object& po = in_.object(*p);
            in_.only_keys(po, {"description", "rule"});
            profile prof;
            if (const auto* d = in_.optional(po, "description")) {
                auto kd = in_.key("description");
                prof.description = in_.text(*d);
            }
            const auto& r = in_.required(po, "rule");
            auto kr = in_.key("rule");
            prof.rule = rule(r, fields, 1);
            set.profiles[static_cast<std::size_t>(c)] = std::move(prof);
        }
        if (const auto* f = in_.optional(o, "fire")) {
            auto kf = in_.key("fire");
            const array& list = in_.array(*f);
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto ki = in_.index(i);
                const object& fo = in_.object(list[i]);
                in_.only_keys(fo, {"id", "action", "description", "rule"});
                fire_rule fr;
                {
                    auto kid = in_.key("id");
                    fr.id = in_.text(in_.required(fo, "id"));
                }
                {
                    auto ka = in_.key("action");
                    fr.action = in_.text(in_.required(fo, "action"));
                }
                if (const auto* d = in_.optional(fo, "description")) {
                    auto kd = in_.key("description");
                    fr.description = in_.text(*d);
                }
                const auto& r = in_.required(fo, "rule");
                auto kr = in_.key("rule");
                fr.rule = rule(r, fields, 1);
                set.fire_rules.push_back(std::move(fr));
            }
        }
        if (const auto* t = in_.optional(o, "tie_break"))
            set.ties = ties(*t);
        return set;
    }

    tie_break ties(const boost::json::value& v)
    {
        auto k = in_.key("tie_break");
        const object& o = in_.object(v);
        in_.only_keys(o, {"mode", "order"});
        tie_break t;
        {
            auto km = in_.key("mode");
            const std::string mode = in_.text(in_.required(o, "mode"));
            if (mode == "none")
                t.how = tie_break::mode::none;
            else if (mode == "category_order")
                t.how = tie_break::mode::category_order;
            else
                in_.fail("unknown tie-break mode '" + mode + "' (none, category_order)");
        }
        if (const auto* order = in_.optional(o, "order")) {
            auto ko = in_.key("order");
            const array& list = in_.array(*order);
            if (list.size() != 4)
                in_.fail("the order names each of the four categories once");
            for (std::size_t i = 0; i < 4; ++i) {
                auto ki = in_.index(i);
                t.order[i] = category_of(list[i]);
            }
        }
        return t;
    }

    category category_of(const boost::json::value& v)
    {
        const std::string name = in_.text(v);
        auto c = category_from_string(name);
        if (!c)
            in_.fail("unknown category '" + name + "' (keep, attain, recapture, expand)");
        return *c;
    }

    placement placement_of(const boost::json::value& v)
    {
        const std::string name = in_.text(v);
        auto p = placement::from_name(name);
        if (!p)
            in_.fail("unknown placement '" + name +
                     "' (open, keep, attain, recapture, expand, fired, unassigned)");
        return *p;
    }

    void reps(const boost::json::value& v, plan& p)
    {
        auto k = in_.key("reps");
        const array& list = in_.array(v);
        if (list.size() > limits_.max_reps)
            in_.fail("more than " + std::to_string(limits_.max_reps) + " reps",
                     errc::limit_exceeded);
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in_.index(i);
            p.add_rep(rep_of(list[i]));
        }
    }

    rep rep_of(const boost::json::value& v)
    {
        const object& o = in_.object(v);
        in_.only_keys(o, {"id", "name", "style", "manager", "team"});
        rep r;
        {
            auto kid = in_.key("id");
            r.id = in_.text(in_.required(o, "id"));
        }
        in_.label(r.id);
        if (const auto* n = in_.optional(o, "name")) {
            auto kn = in_.key("name");
            r.name = in_.text(*n);
        }
        if (const auto* s = in_.optional(o, "style")) {
            auto ks = in_.key("style");
            const std::string style = in_.text(*s);
            auto st = rep_style_from_string(style);
            if (!st)
                in_.fail("unknown rep style '" + style + "' (hunter, farmer, both)");
            r.style = *st;
        }
        if (const auto* m = in_.optional(o, "manager")) {
            auto km = in_.key("manager");
            r.manager = in_.text(*m);
        }
        if (const auto* t = in_.optional(o, "team")) {
            auto kt = in_.key("team");
            r.team = in_.text(*t);
        }
        return r;
    }

    void accounts(const boost::json::value& v, plan& p)
    {
        auto k = in_.key("accounts");
        const array& list = in_.array(v);
        if (list.size() > limits_.max_accounts)
            in_.fail("more than " + std::to_string(limits_.max_accounts) + " accounts",
                     errc::limit_exceeded);
        p.reserve(list.size(), 0, 0); // one allocation, not a doubling series
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in_.index(i);
            p.add_account(account_of(list[i], p.fields())); // named accounts[i] (id), as here
        }
    }

    void deals(const boost::json::value& v, plan& p)
    {
        auto k = in_.key("deals");
        const array& list = in_.array(v);
        if (list.size() > limits_.max_deals)
            in_.fail("more than " + std::to_string(limits_.max_deals) + " deals",
                     errc::limit_exceeded);
        p.reserve(0, list.size(), 0); // one allocation, not a doubling series
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in_.index(i);
            p.add_deal(detail::read_deal(in_, list[i], p.settings().currency, limits_));
        }
    }

    void policy(const boost::json::value& v, plan& p)
    {
        auto k = in_.key("policy");
        const object& o = in_.object(v);
        in_.only_keys(o, {"effort", "pacing", "review"});
        if (const auto* e = in_.optional(o, "effort"))
            p.set_effort_policy(detail::read_effort(in_, *e));
        if (const auto* pa = in_.optional(o, "pacing"))
            p.set_pacing(detail::read_pacing(in_, *pa));
        if (const auto* r = in_.optional(o, "review"))
            p.set_review_policy(detail::read_review_policy(in_, *r, limits_.max_policy_items));
    }

    void activities(const boost::json::value& v, plan& p)
    {
        auto k = in_.key("activities");
        const array& list = in_.array(v);
        if (list.size() > limits_.max_activities)
            in_.fail("more than " + std::to_string(limits_.max_activities) + " activities",
                     errc::limit_exceeded);
        p.reserve(0, 0, list.size()); // one allocation, not a doubling series
        // Activities without an id are numbered past every id of the assigned
        // form the document gives, so none takes an id given further down.
        // The ids are found first and the activities read once, each joining
        // the plan as it is read: no second copy of the log is held.
        std::uint64_t next = 1;
        for (const auto& item : list)
            if (const auto number = given_activity_number(item); number && *number >= next)
                next = *number + 1;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto ki = in_.index(i);
            activity a = detail::read_activity(in_, list[i]);
            if (a.id.empty())
                a.id = activity_id_for(next++);
            p.add_activity(std::move(a));
        }
    }

    // The number of an activity's id of the assigned form (`act-12`), if it
    // gives one; anything else is left for read_activity to judge.
    static std::optional<std::uint64_t> given_activity_number(const boost::json::value& v)
    {
        if (const auto* o = v.if_object())
            if (const auto* id = o->if_contains("id"); id && id->is_string())
                return activity_id_number(std::string_view(id->get_string()));
        return std::nullopt;
    }

    account account_of(const boost::json::value& v, const schema& fields)
    {
        const object& o = in_.object(v);
        // Named by its id before any member is checked, an unknown key included.
        if (const auto* id = document_reader::optional(o, "id"); id && id->is_string())
            in_.label(id->get_string());
        in_.only_keys(o, {"id", "name", "owner", "relationship", "products", "attributes",
                          "placement", "fire_action", "history", "focus", "added"});
        account a;
        {
            auto kid = in_.key("id");
            a.id = in_.text(in_.required(o, "id"));
        }
        in_.label(a.id); // errors below name the account: accounts[11] (LMN-012).attributes
        {
            auto kn = in_.key("name");
            a.name = in_.text(in_.required(o, "name"));
        }
        {
            auto ko = in_.key("owner");
            a.owner = in_.text(in_.required(o, "owner"));
        }
        {
            auto kr = in_.key("relationship");
            const std::string rel = in_.text(in_.required(o, "relationship"));
            auto r = relationship_from_string(rel);
            if (!r)
                in_.fail("unknown relationship '" + rel + "' (prospect, client, former_client)");
            a.relationship = *r;
        }
        if (const auto* pr = in_.optional(o, "products")) {
            auto kp = in_.key("products");
            const array& list = in_.array(*pr);
            a.products.reserve(list.size()); // exactly: a plan keeps millions of these
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto ki = in_.index(i);
                a.products.push_back(in_.text(list[i]));
            }
        }
        if (const auto* at = in_.optional(o, "attributes")) {
            auto ka = in_.key("attributes");
            const auto& members = in_.object(*at);
            std::vector<attribute_map::value_type> values;
            values.reserve(members.size());
            for (const auto& member : members) {
                auto km = in_.key(member.key());
                const field_def* field = fields.find(member.key());
                if (!field)
                    in_.fail(member.key() == relationship_field
                                 ? "'relationship' is not an attribute: set the account's "
                                   "relationship"
                                 : "unknown field '" + std::string(member.key()) + "'");
                if (member.value().is_null())
                    continue; // null means "no value", as a missing key does
                values.emplace_back(std::string(member.key()), operand(member.value(), field));
            }
            a.attributes = attribute_map(std::move(values));
        }
        if (const auto* pl = in_.optional(o, "placement")) {
            auto kp = in_.key("placement");
            a.decision = placement_of(*pl);
        }
        if (const auto* ad = in_.optional(o, "added")) {
            auto kad = in_.key("added");
            a.added = in_.date(*ad);
        }
        if (const auto* f = in_.optional(o, "focus")) {
            auto kf = in_.key("focus");
            a.focus = in_.boolean(*f);
        }
        if (const auto* fa = in_.optional(o, "fire_action")) {
            auto kf = in_.key("fire_action");
            a.fire_action = in_.text(*fa);
        }
        if (const auto* h = in_.optional(o, "history")) {
            auto kh = in_.key("history");
            const array& list = in_.array(*h);
            if (list.size() > limits_.max_history)
                in_.fail("more than " + std::to_string(limits_.max_history) + " recorded moves",
                         errc::limit_exceeded);
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto ki = in_.index(i);
                const object& mo = in_.object(list[i]);
                in_.only_keys(mo, {"date", "from", "to", "reason"});
                move_record m;
                {
                    auto kd = in_.key("date");
                    m.on = in_.date(in_.required(mo, "date"));
                }
                {
                    auto kf = in_.key("from");
                    m.from = placement_of(in_.required(mo, "from"));
                }
                {
                    auto kt = in_.key("to");
                    m.to = placement_of(in_.required(mo, "to"));
                }
                if (const auto* r = in_.optional(mo, "reason")) {
                    auto kr = in_.key("reason");
                    m.reason = in_.text(*r);
                }
                a.history.push_back(std::move(m));
            }
        }
        return a;
    }

    document_reader in_;
    read_limits limits_;
    std::size_t nodes_ = 0;
};

} // namespace

boost::json::value detail::parse_document(std::string_view json, const read_limits& limits,
                                          boost::json::monotonic_resource& arena)
{
    if (json.size() > limits.max_document_bytes)
        throw error(errc::limit_exceeded, "the document is larger than " +
                                              std::to_string(limits.max_document_bytes) + " bytes");
    json = without_byte_order_mark(json);
    boost::json::parse_options options;
    options.max_depth = limits.max_depth;
    boost::system::error_code ec;
    strict_parser parser(boost::json::storage_ptr(), options);
    parser.reset(&arena);
    // write() fails on trailing data and on a text that ends inside a value.
    const std::size_t consumed = parser.write(json.data(), json.size(), ec);
    if (ec) {
        if (parser.found_duplicate())
            throw duplicate_key_error(parser);
        const std::string where = detail::line_and_column(json, consumed);
        if (ec == boost::json::error::too_deep)
            throw error(errc::limit_exceeded, "the document is nested deeper than " +
                                                  std::to_string(limits.max_depth) +
                                                  " levels (at " + where + ")");
        throw error(errc::parse_error, "malformed JSON at " + where + ": " + ec.message());
    }
    return parser.release();
}

plan detail::read_plan_document(const boost::json::value& doc, const read_limits& limits)
{
    return plan_reader(limits).read(doc);
}

plan read_plan(std::string_view json, const read_limits& limits)
{
    boost::json::monotonic_resource arena;
    return plan_reader(limits).read(detail::parse_document(json, limits, arena));
}

// Where an item with this document's "id" stands in a list, or `size` when it
// is new: errors then name the path the item has or will have.
template <typename Find>
std::size_t position_of(const boost::json::value& doc, std::size_t size, Find find)
{
    if (const auto* o = doc.if_object())
        if (const auto* id = o->if_contains("id"); id && id->is_string())
            if (auto i = find(std::string_view(id->get_string())))
                return *i;
    return size;
}

account read_account(std::string_view json, const plan& p, const read_limits& limits)
{
    boost::json::monotonic_resource arena;
    const boost::json::value doc = detail::parse_document(json, limits, arena);
    const std::size_t index = position_of(doc, p.accounts().size(),
                                          [&](std::string_view id) { return p.account_index(id); });
    return plan_reader(limits).read_one_account(doc, p, index);
}

deal read_deal(std::string_view json, const plan& p, const read_limits& limits)
{
    boost::json::monotonic_resource arena;
    const boost::json::value doc = detail::parse_document(json, limits, arena);
    const std::size_t index = position_of(doc, p.deals().size(),
                                          [&](std::string_view id) { return p.deal_index(id); });
    return plan_reader(limits).read_one_deal(doc, p, index);
}

activity read_activity(std::string_view json, const plan& p, const read_limits& limits)
{
    boost::json::monotonic_resource arena;
    return plan_reader(limits).read_one_activity(detail::parse_document(json, limits, arena), p);
}

rep read_rep(std::string_view json, const plan& p, const read_limits& limits)
{
    boost::json::monotonic_resource arena;
    return plan_reader(limits).read_one_rep(detail::parse_document(json, limits, arena), p);
}

account detail::read_stream_account(const boost::json::value& v, const schema& fields,
                                    const read_limits& limits)
{
    return plan_reader(limits).read_stream_account(v, fields);
}

std::optional<plan> read_plan(std::string_view json, error_info& err,
                              const read_limits& limits) noexcept
{
    return detail::capture_error(err, [&] { return read_plan(json, limits); });
}

} // namespace v1
} // namespace kare
