#include <kare/map_view.hpp>
#include <kare/plan.hpp>
#include <kare/report.hpp>

namespace kare {
inline namespace v1 {

namespace {

// 1234567 -> "1,234,567": figures are read at a glance, not parsed.
std::string grouped(double amount)
{
    const auto whole = static_cast<long long>(amount < 0 ? -amount : amount);
    std::string digits = std::to_string(whole);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return amount < 0 ? "-" + out : out;
}

map_entry entry_of(const plan& p, const account_result& line)
{
    map_entry e;
    e.id = line.id;
    e.name = line.name;
    e.owner = line.owner;
    e.by_profile = line.outcome.basis == basis::profile || line.outcome.basis == basis::tie_break;
    if (const account* a = p.find_account(line.id)) {
        auto revenue = a->attributes.find("annual_revenue");
        if (revenue != a->attributes.end())
            if (const double* amount = std::get_if<double>(&revenue->second))
                e.figure = p.settings.currency + " " + grouped(*amount);
        if (line.outcome.result.what() == placement::kind::fired)
            e.note = a->fire_action;
    }
    if (line.outcome.result.what() == placement::kind::unassigned) {
        if (line.outcome.basis == basis::decision) {
            e.note = "held unassigned";
        } else if (line.outcome.candidates.size() > 1) {
            e.note = "matches";
            for (std::size_t i = 0; i < line.outcome.candidates.size(); ++i)
                e.note += std::string(i ? " and " : " ") +
                          std::string(to_string(line.outcome.candidates[i]));
        } else {
            e.note = "matches no profile";
        }
    }
    return e;
}

} // namespace

map_view make_map_view(const plan& p, const report& r)
{
    map_view view;
    view.title = r.plan_name;
    view.as_of = r.as_of;
    view.rep = r.rep;
    view.findings = r.findings.size();
    for (category c : all_categories)
        view.quadrants[static_cast<std::size_t>(c)].category = c;
    for (const auto& line : r.accounts) {
        const placement& where = line.outcome.result;
        if (where.is_assigned())
            view.quadrants[static_cast<std::size_t>(where.cat())].accounts.push_back(entry_of(p, line));
        else if (where.what() == placement::kind::fired)
            view.fired.push_back(entry_of(p, line));
        else
            view.unassigned.push_back(entry_of(p, line));
    }
    return view;
}

} // namespace v1
} // namespace kare
