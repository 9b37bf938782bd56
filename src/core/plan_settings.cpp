// The plan's title and settings, checked when set so that no plan holds a
// name its document refuses, amounts its currency cannot express or a month
// that is not one.
#include "text_check.hpp"

#include <kare/error.hpp>
#include <kare/money.hpp>
#include <kare/plan.hpp>

#include <algorithm>
#include <string>

namespace kare {
inline namespace v1 {

void plan::set_name(std::string title)
{
    detail::check_name(title, "the plan name", location().key("name"), true);
    name_ = std::move(title);
}

void plan::set_settings(plan_settings s)
{
    const bool iso = s.currency.size() == 3 &&
                     std::all_of(s.currency.begin(), s.currency.end(),
                                 [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (!iso)
        throw error(errc::invalid_plan,
                    "'" + s.currency + "' is not an ISO 4217 currency code such as \"USD\"",
                    location().key("settings").key("currency"));
    if (s.fiscal_year_start_month < 1 || s.fiscal_year_start_month > 12)
        throw error(errc::invalid_plan,
                    "the fiscal year starts in month " +
                        std::to_string(s.fiscal_year_start_month) + "; months are 1 to 12",
                    location().key("settings").key("fiscal_year_start_month"));
    const unsigned digits = currency_digits(s.currency);
    for (std::size_t i = 0; i < deals_.size(); ++i)
        if (deals_[i].amount.digits() != digits)
            throw error(errc::conflict,
                        "the amount has " + std::to_string(deals_[i].amount.digits()) +
                            " decimal digits but " + s.currency + " has " +
                            std::to_string(digits),
                        location().item("deals", i, deals_[i].id).key("amount"));
    settings_ = std::move(s);
}

void plan::set_currency(std::string code)
{
    plan_settings s = settings_;
    s.currency = std::move(code);
    set_settings(std::move(s));
}

void plan::set_fiscal_year_start_month(unsigned month)
{
    plan_settings s = settings_;
    s.fiscal_year_start_month = month;
    set_settings(std::move(s));
}

} // namespace v1
} // namespace kare
