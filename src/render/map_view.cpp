#include <kare/map_view.hpp>
#include <kare/pipeline.hpp>
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

// "1234567.50" -> "1,234,567": the picture shows whole currency units.
std::string grouped_amount(const money& m)
{
    const std::string text = m.to_string();
    return grouped(static_cast<double>(std::stoll(text.substr(0, text.find('.')))));
}

std::string pipeline_line(const pipeline_totals& t, const std::string& currency)
{
    std::string line = std::to_string(t.open_deals) + (t.open_deals == 1 ? " deal, " : " deals, ") +
                       currency + " " + grouped_amount(t.total) + ", honest " +
                       grouped_amount(t.honest_total);
    if (auto bloat = t.bloat_ratio()) {
        ratio percent = *bloat;
        percent.numerator *= 100;
        line += " (" + percent.to_decimal(0) + "% hope)";
    }
    return line;
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
    pipeline_options options;
    options.rep = r.rep;
    const pipeline_report pipeline = make_pipeline(p, r.as_of, options);
    for (category c : all_categories) {
        const pipeline_totals& t = pipeline.by_bucket[static_cast<std::size_t>(c)];
        view.quadrants[static_cast<std::size_t>(c)].figures.push_back(
            t.open_deals ? "Pipeline: " + pipeline_line(t, pipeline.currency) : "Pipeline: no open deals");
    }
    return view;
}

} // namespace v1
} // namespace kare
