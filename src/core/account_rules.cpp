#include "first_repeat.hpp"
#include "account_rules.hpp"
#include "date_check.hpp"
#include "text_check.hpp"

#include <kare/error.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {
namespace detail {

void check_account_names(const account& a, const location& where)
{
    check_id(a.id, "the account id", lazy_key{where, "id"});
    check_name(a.name, "the account name", lazy_key{where, "name"});
    check_name(a.owner, "the owner", lazy_key{where, "owner"});
}

void check_account_content(const account& a, const schema& fields, const location& where)
{
    for (std::size_t i = 0; i < a.products.size(); ++i)
        check_name(a.products[i], "a product", [&] { return where.key("products").at(i); });
    if (const auto twice = first_repeat(a.products))
        throw error(errc::invalid_plan, "the product '" + a.products[*twice] + "' is listed twice",
                    where.key("products").at(*twice));
    for (const auto& attribute : a.attributes) {
        // Named, not bound: clang before 16 cannot capture a structured binding.
        const std::string& field_name = attribute.first;
        const value& val = attribute.second;
        const auto path = [&] { return where.key("attributes").key(field_name); };
        const field_def* field = fields.find(field_name);
        if (!field)
            throw error(errc::invalid_plan,
                        field_name == relationship_field
                            ? std::string("'relationship' is not an attribute: set the "
                                          "account's relationship")
                            : "unknown field '" + field_name + "'",
                        path());
        if (auto why = field->check(val))
            throw error(errc::invalid_plan, *why, path());
    }
    const bool fired = a.decision.what() == placement::kind::fired;
    const lazy_key action_path{where, "fire_action"};
    if (fired && a.fire_action.empty())
        throw error(errc::invalid_plan, "a fired account needs a fire action", action_path());
    if (!fired && !a.fire_action.empty())
        throw error(errc::invalid_plan, "only a fired account has a fire action", action_path());
    check_prose(a.fire_action, "the fire action", action_path);
    check_history(a.history, a.decision, where);
    if (a.added) {
        const location added_path = where.key("added");
        if (!is_document_date(*a.added))
            throw error(errc::invalid_plan, "the date is outside the years 1 to 9999", added_path);
        // A decision about an account cannot come before the account.
        if (!a.history.empty() && a.history.front().on < *a.added)
            throw error(errc::invalid_plan,
                        "the first move is dated " + a.history.front().on.to_string() +
                            ", before the account was added on " + a.added->to_string(),
                        added_path);
    }
}

void check_history(const std::vector<move_record>& history, placement decision,
                   const location& where)
{
    for (std::size_t i = 0; i < history.size(); ++i) {
        const move_record& m = history[i];
        const auto path = [&](std::string_view k) { return where.key("history").at(i).key(k); };
        check_prose(m.reason, "the reason", [&] { return path("reason"); });
        if (m.from == m.to)
            throw error(errc::invalid_plan, "a move must change the placement", path("to"));
        if (i > 0 && m.on < history[i - 1].on)
            throw error(errc::invalid_plan, "moves must be in date order", path("date"));
        if (i > 0 && !(m.from == history[i - 1].to))
            throw error(errc::invalid_plan,
                        "the move starts from '" + std::string(m.from.name()) +
                            "' but the previous one ended in '" +
                            std::string(history[i - 1].to.name()) + "'",
                        path("from"));
        const bool first_decision = m.from.what() == placement::kind::open ||
                                    m.from.what() == placement::kind::unassigned;
        if (m.reason.empty() && !(first_decision && m.to.is_assigned()))
            throw error(errc::invalid_plan, "a deliberate move needs a reason", path("reason"));
    }
    if (!history.empty() && !(history.back().to == decision))
        throw error(errc::invalid_plan,
                    "the placement '" + std::string(decision.name()) +
                        "' differs from the last recorded move to '" +
                        std::string(history.back().to.name()) + "'",
                    where.key("placement"));
}

} // namespace detail
} // namespace v1
} // namespace kare
