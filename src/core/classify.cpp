#include "field_lookup.hpp"
#include "review_context.hpp"

#include <kare/classify.hpp>
#include <kare/detail/compiled_profiles.hpp>
#include <kare/plan.hpp>

#include <algorithm>

namespace kare {
inline namespace v1 {

namespace {

// Orders two values of one field; choices follow their declared order.
int order(const value& a, const value& b, const field_def& field) noexcept
{
    if (field.type == field_type::choice) {
        const auto& choices = field.choices;
        const auto ia = std::find(choices.begin(), choices.end(), std::get<std::string>(a));
        const auto ib = std::find(choices.begin(), choices.end(), std::get<std::string>(b));
        return ia < ib ? -1 : (ib < ia ? 1 : 0);
    }
    if (a < b) return -1;
    if (b < a) return 1;
    return 0;
}

bool leaf_holds(const criterion& c, const value* actual, const field_def* field) noexcept
{
    if (c.op == criterion_op::absent)
        return actual == nullptr;
    if (c.op == criterion_op::present)
        return actual != nullptr;
    // A missing value, or a field the plan no longer declares, is never evidence.
    if (actual == nullptr || field == nullptr)
        return false;
    const auto& ops = c.operands;
    const auto same_type = [&](const value& v) { return v.index() == actual->index(); };
    if (!std::all_of(ops.begin(), ops.end(), same_type) || ops.empty())
        return false;
    switch (c.op) {
    case criterion_op::eq: return *actual == ops[0];
    case criterion_op::ne: return *actual != ops[0];
    case criterion_op::lt: return order(*actual, ops[0], *field) < 0;
    case criterion_op::le: return order(*actual, ops[0], *field) <= 0;
    case criterion_op::gt: return order(*actual, ops[0], *field) > 0;
    case criterion_op::ge: return order(*actual, ops[0], *field) >= 0;
    case criterion_op::in: return std::find(ops.begin(), ops.end(), *actual) != ops.end();
    case criterion_op::not_in: return std::find(ops.begin(), ops.end(), *actual) == ops.end();
    case criterion_op::between:
        return ops.size() == 2 && order(ops[0], *actual, *field) <= 0 &&
               order(*actual, ops[1], *field) <= 0;
    default: return false;
    }
}

bool combine(criterion_op op, std::size_t held, std::size_t total) noexcept
{
    switch (op) {
    case criterion_op::all_of: return held == total;
    case criterion_op::any_of: return held > 0;
    default: return held == 0; // none_of
    }
}

bool explain_into(const criterion& c, const account& a, const schema& fields,
                  location& path, std::vector<criterion_check>& out)
{
    if (is_group(c.op)) {
        std::size_t held = 0;
        path.push_key(to_string(c.op));
        for (std::size_t i = 0; i < c.children.size(); ++i) {
            path.push_index(i);
            held += explain_into(c.children[i], a, fields, path, out) ? 1 : 0;
            path.pop();
        }
        path.pop();
        return combine(c.op, held, c.children.size());
    }
    value scratch;
    const value* actual = detail::field_value(a, c.field, scratch);
    const bool held = leaf_holds(c, actual, detail::lookup_field(fields, c.field));
    out.push_back(criterion_check{to_path(path), describe(c), held,
                                  actual ? std::optional<value>(*actual) : std::nullopt});
    return held;
}

// The leaves of `c` in document order, with their paths and words.
void collect_leaves(const criterion& c, location& path, std::vector<detail::leaf_words>& out)
{
    if (is_group(c.op)) {
        path.push_key(to_string(c.op));
        for (std::size_t i = 0; i < c.children.size(); ++i) {
            path.push_index(i);
            collect_leaves(c.children[i], path, out);
            path.pop();
        }
        path.pop();
        return;
    }
    out.push_back(detail::leaf_words{to_path(path), describe(c)});
}

// `explain_into` with each leaf's path and words taken from `next`, the
// leaves of the same rule in the same order.
bool explain_with(const criterion& c, const account& a, const schema& fields,
                  const detail::leaf_words*& next, std::vector<criterion_check>& out)
{
    if (is_group(c.op)) {
        std::size_t held = 0;
        for (const auto& child : c.children)
            held += explain_with(child, a, fields, next, out) ? 1 : 0;
        return combine(c.op, held, c.children.size());
    }
    value scratch;
    const value* actual = detail::field_value(a, c.field, scratch);
    const bool held = leaf_holds(c, actual, detail::lookup_field(fields, c.field));
    const detail::leaf_words& words = *next++;
    out.push_back(criterion_check{words.path, words.text, held,
                                  actual ? std::optional<value>(*actual) : std::nullopt});
    return held;
}

} // namespace

std::string_view to_string(basis b) noexcept
{
    switch (b) {
    case basis::decision: return "decision";
    case basis::profile: return "profile";
    case basis::tie_break: return "tie_break";
    case basis::none: return "none";
    }
    return "none";
}

bool holds(const criterion& rule, const account& a, const schema& fields)
{
    if (is_group(rule.op)) {
        std::size_t held = 0;
        for (const auto& child : rule.children) {
            const bool h = holds(child, a, fields);
            held += h ? 1 : 0;
            // Short-circuit once the group's outcome is settled.
            if (rule.op == criterion_op::all_of && !h) return false;
            if (rule.op == criterion_op::any_of && h) return true;
            if (rule.op == criterion_op::none_of && h) return false;
        }
        return combine(rule.op, held, rule.children.size());
    }
    value scratch;
    return leaf_holds(rule, detail::field_value(a, rule.field, scratch),
                      detail::lookup_field(fields, rule.field));
}

rule_outcome explain(const criterion& rule, const account& a, const schema& fields,
                     const std::string& path)
{
    location where = path.empty() ? location() : location().key(path);
    rule_outcome outcome;
    outcome.held = explain_into(rule, a, fields, where, outcome.checks);
    return outcome;
}

// The compiled evaluator decides, as everywhere in the library (for an
// account of the plan, its cached verdict); the tree walk only explains
// which criteria held. `holds` is left to the tests, as their oracle.
classification classify(const plan& p, const account& a)
{
    const auto index = p.account_index(a.id);
    return detail::classify_account(
        p, a, index && &p.accounts()[*index] == &a ? p.verdict(*index) : p.compiled().evaluate(a),
        true);
}

namespace detail {

profile_words words_of(const plan& p)
{
    profile_words out;
    for (category c : all_categories)
        if (const profile* prof = p.profiles().find(c)) {
            location where = location().key("profiles").key(to_string(c)).key("rule");
            collect_leaves(prof->rule, where, out[static_cast<std::size_t>(c)]);
        }
    return out;
}

classification classify_account(const plan& p, const account& a, const compiled_verdict& v,
                                bool explained, const profile_words* words)
{
    const detail::compiled_profiles& compiled = p.compiled();

    classification out;
    const profile_set& set = p.profiles();
    for (category c : all_categories) {
        const profile* prof = set.find(c);
        if (!prof)
            continue;
        rule_outcome& outcome = out.profiles[static_cast<std::size_t>(c)].emplace();
        if (explained && words) {
            const leaf_words* next = (*words)[static_cast<std::size_t>(c)].data();
            outcome.held = explain_with(prof->rule, a, p.fields(), next, outcome.checks);
        } else if (explained) {
            location where = location().key("profiles").key(to_string(c)).key("rule");
            outcome.held = explain_into(prof->rule, a, p.fields(), where, outcome.checks);
        } else {
            outcome.held = v.is_candidate(c); // what the tree walk finds, without its words
        }
        if (v.is_candidate(c))
            out.candidates.push_back(c);
    }
    std::vector<double> record; // loaded only for fire rules past the verdict's 64 bits
    for (std::size_t r = 0; r < set.fire_rules.size(); ++r) {
        bool fired = r < 64 && ((v.fire >> r) & 1U) != 0;
        if (r >= 64) {
            if (record.size() != compiled.slot_count()) {
                record.resize(compiled.slot_count());
                compiled.load(a, record);
            }
            fired = compiled.fires(record, r);
        }
        if (fired)
            out.fire_suggestions.push_back(set.fire_rules[r].id);
    }
    const placement_outcome outcome = compiled.decide(a.decision, v);
    out.result = outcome.result;
    out.basis = outcome.basis;
    return out;
}

} // namespace detail

placement profile_placement(const plan& p, const account& a)
{
    return p.compiled().decide(placement(), p.compiled().evaluate(a)).result;
}

} // namespace v1
} // namespace kare
