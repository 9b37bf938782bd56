#include "first_repeat.hpp"

#include <kare/error.hpp>
#include <kare/value.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace kare {
inline namespace v1 {

namespace {

constexpr std::array<std::string_view, 5> field_type_names{"number", "boolean", "text", "choice",
                                                           "date"};

field_def choice_field(std::string name, std::vector<std::string> choices, std::string description)
{
    field_def f;
    f.name = std::move(name);
    f.type = field_type::choice;
    f.choices = std::move(choices);
    f.description = std::move(description);
    f.standard = true;
    return f;
}

field_def plain_field(std::string name, field_type type, std::string description)
{
    field_def f;
    f.name = std::move(name);
    f.type = type;
    f.description = std::move(description);
    f.standard = true;
    return f;
}

std::vector<std::string> levels() { return {"low", "medium", "high"}; }

} // namespace

std::string_view to_string(field_type t) noexcept
{
    return field_type_names[static_cast<std::size_t>(t)];
}

std::optional<field_type> field_type_from_string(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < field_type_names.size(); ++i)
        if (field_type_names[i] == name)
            return static_cast<field_type>(i);
    return std::nullopt;
}

field_type type_of(const value& v) noexcept
{
    switch (v.index()) {
    case 0: return field_type::number;
    case 1: return field_type::boolean;
    case 2: return field_type::text;
    default: return field_type::date;
    }
}

std::string to_display(const value& v)
{
    if (const double* d = std::get_if<double>(&v)) {
        std::array<char, 32> buf{};
        auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), *d);
        return std::string(buf.data(), end);
    }
    if (const bool* b = std::get_if<bool>(&v))
        return *b ? "true" : "false";
    if (const std::string* s = std::get_if<std::string>(&v))
        return *s;
    return std::get<kare::date>(v).to_string();
}

std::optional<std::string> field_def::check(const value& v) const
{
    const field_type given = type_of(v);
    const bool text_like = type == field_type::text || type == field_type::choice;
    if (given != type && !(text_like && given == field_type::text))
        return "expected a " + std::string(to_string(type)) + ", got a " +
               std::string(to_string(given));
    if (const double* d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d) || std::fabs(*d) > max_exact_number)
            return "the number " + to_display(v) + " is outside the exact range";
        if (min && *d < *min)
            return "the number " + to_display(v) + " is below the minimum " + to_display(*min);
        if (max && *d > *max)
            return "the number " + to_display(v) + " is above the maximum " + to_display(*max);
    }
    if (type == field_type::choice) {
        const auto& s = std::get<std::string>(v);
        if (std::find(choices.begin(), choices.end(), s) == choices.end()) {
            // A field may list thousands of choices: name the first few only.
            constexpr std::size_t shown = 12;
            std::string allowed;
            for (std::size_t i = 0; i < choices.size() && i < shown; ++i)
                allowed += (i ? ", " : "") + choices[i];
            if (choices.size() > shown)
                allowed += " and " + std::to_string(choices.size() - shown) + " more";
            return "'" + s + "' is not one of {" + allowed + "}";
        }
    }
    return std::nullopt;
}

schema schema::standard()
{
    schema s;
    auto add = [&](field_def f) { s.fields_.push_back(std::move(f)); };
    add(choice_field("growth_potential", levels(), "How much more the account could buy."));
    add(choice_field("risk", levels(), "Risk of losing the account or the deal."));
    add(choice_field("cost_of_pursuit", levels(), "Effort and money needed to win or grow it."));
    add(choice_field("profitability", levels(), "Margin the account brings."));
    add(choice_field("strategic_value", levels(), "Value beyond revenue: logo, market, reference."));
    add(plain_field("easy_to_do_business_with", field_type::boolean,
                    "Pays on time, few escalations, clear decisions."));
    add(plain_field("repeat_purchases", field_type::boolean, "Buys regularly."));
    field_def revenue = plain_field("annual_revenue", field_type::number,
                                    "Revenue from the account over the last twelve months.");
    revenue.min = 0.0;
    add(std::move(revenue));
    add(plain_field("buying_from_competitor", field_type::boolean,
                    "A prospect currently served by a competitor."));
    add(choice_field("lapse_reason",
                     {"stopped_ordering", "our_fault", "budget_frozen", "new_executive", "other"},
                     "Why a former client stopped buying."));
    add(plain_field("still_uses_product", field_type::boolean,
                    "A lapsed client that still uses what it bought."));
    add(plain_field("favourable_decision_makers", field_type::boolean,
                    "Decision makers who still favour us."));
    add(plain_field("last_purchase", field_type::date, "Date of the latest purchase."));
    return s;
}

const field_def* schema::find(std::string_view name) const noexcept
{
    auto it = std::find_if(fields_.begin(), fields_.end(),
                           [&](const field_def& f) { return f.name == name; });
    return it == fields_.end() ? nullptr : &*it;
}

void schema::declare(field_def field)
{
    if (field.name.empty())
        throw error(errc::invalid_argument, "a field needs a name");
    if (field.name == relationship_field)
        throw error(errc::invalid_argument,
                    "'relationship' is reserved: it is the account's relationship");
    if (find(field.name))
        throw error(errc::conflict, "the field '" + field.name + "' is already declared");
    if ((field.min || field.max) && field.type != field_type::number)
        throw error(errc::invalid_argument, "bounds apply to number fields only");
    if (field.min && field.max && *field.min > *field.max)
        throw error(errc::invalid_argument, "the minimum is above the maximum");
    for (const auto bound : {field.min, field.max})
        if (bound && (!std::isfinite(*bound) || std::fabs(*bound) > max_exact_number))
            throw error(errc::invalid_argument, "a bound is outside the exact number range");
    if (field.type == field_type::choice) {
        if (field.choices.empty())
            throw error(errc::invalid_argument, "a choice field needs at least one choice");
        if (const auto twice = detail::first_repeat(field.choices))
            throw error(errc::invalid_argument,
                        "the choice '" + field.choices[*twice] + "' is listed twice");
    } else if (!field.choices.empty()) {
        throw error(errc::invalid_argument, "choices apply to choice fields only");
    }
    field.standard = false;
    fields_.push_back(std::move(field));
}

} // namespace v1
} // namespace kare
