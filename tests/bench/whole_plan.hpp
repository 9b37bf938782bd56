// A seeded whole plan at a chosen size: the bundled example's sections
// (fields, profiles, cookbook, policies, products), `reps` reps, and per
// account about one deal and five activities — the shape of a real book of
// business. The same seed gives the same bytes everywhere.
#ifndef KARE_BENCH_WHOLE_PLAN_HPP
#define KARE_BENCH_WHOLE_PLAN_HPP

#include "generate.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace kare_bench {

struct whole_plan_shape {
    std::uint64_t accounts = 1000;
    std::uint32_t reps = 20;              ///< Besides the example's own two.
    std::uint32_t deals_per_100 = 100;    ///< Deals per hundred accounts.
    std::uint32_t activities_per_10 = 50; ///< Activities per ten accounts.
    std::uint64_t seed = 20261206;
    std::uint32_t quiet_accounts = 32; ///< The first accounts get no activity: removable.
};

namespace detail {

inline void append_date(std::string& out, std::uint32_t day_of_2026)
{
    // Days 0..330 of 2026, before the example's as-of date (2026-11-23).
    static constexpr std::array<std::uint32_t, 12> month_days{31, 28, 31, 30, 31, 30,
                                                              31, 31, 30, 31, 30, 31};
    std::uint32_t month = 0;
    while (day_of_2026 >= month_days[month]) {
        day_of_2026 -= month_days[month];
        ++month;
    }
    const unsigned m = month + 1;
    const unsigned d = day_of_2026 + 1;
    const char text[] = {'2', '0', '2', '6', '-', static_cast<char>('0' + m / 10),
                         static_cast<char>('0' + m % 10), '-', static_cast<char>('0' + d / 10),
                         static_cast<char>('0' + d % 10)};
    out.append(text, sizeof text);
}

inline std::string rep_id(std::uint32_t n)
{
    if (n == 0)
        return "maya";
    if (n == 1)
        return "leo";
    char id[24];
    std::snprintf(id, sizeof id, "rep-%05u", n);
    return id;
}

inline std::string account_id(std::uint64_t n)
{
    char id[32];
    std::snprintf(id, sizeof id, "ACC-%08llu", static_cast<unsigned long long>(n));
    return id;
}

} // namespace detail

/// The plan document, as the example's text with its reps, accounts,
/// activities and deals replaced.
inline std::string whole_plan(const std::string& example_plan, const whole_plan_shape& shape)
{
    prng rng(shape.seed);
    account_generator accounts(shape.seed + 1);
    const std::uint32_t rep_count = shape.reps + 2;

    // The example's sections up to its reps, which come before accounts.
    std::string doc = example_plan.substr(0, example_plan.find("\"reps\":"));
    doc.reserve(static_cast<std::size_t>(shape.accounts) * 1200);

    doc += "\"reps\": [";
    for (std::uint32_t r = 0; r < rep_count; ++r) {
        doc += r ? ",\n" : "\n";
        doc += R"({"id":")" + detail::rep_id(r) + R"(","name":"Rep )" + std::to_string(r) +
               R"(","style":")" + (r % 2 ? "hunter" : "farmer") + "\"}";
    }
    doc += "],\n\"accounts\": [";
    std::string line;
    for (std::uint64_t n = 1; n <= shape.accounts; ++n) {
        line.clear();
        accounts.append_line(line, n);
        line.pop_back(); // the newline
        // The generator owns accounts by maya or leo; spread them over every rep.
        const std::string owner = detail::rep_id(rng.below(rep_count));
        const auto at = line.find(R"("owner":")") + 9;
        line.replace(at, line.find('"', at) - at, owner);
        doc += n > 1 ? ",\n" : "\n";
        doc += line;
    }

    static constexpr std::array<std::string_view, 10> activity_types{
        "temperature_meeting", "client_scorecard", "dial",
        "conversation",        "referral_ask",     "linkedin_touch",
        "where_are_they_now_call", "recapture_meeting", "expand_attempt",
        "expand_meeting"};
    doc += "],\n\"activities\": [";
    const std::uint64_t activity_count = shape.accounts * shape.activities_per_10 / 10;
    for (std::uint64_t k = 0; k < activity_count; ++k) {
        doc += k ? ",\n" : "\n";
        doc += R"({"date":")";
        detail::append_date(doc, rng.below(320));
        doc += R"(","rep":")" + detail::rep_id(rng.below(rep_count)) + R"(","account":")" +
               detail::account_id(1 + shape.quiet_accounts +
                                  rng.below(static_cast<std::uint32_t>(shape.accounts -
                                                                       shape.quiet_accounts))) +
               R"(","activity":")";
        doc += activity_types[rng.below(activity_types.size())];
        doc += "\"}";
    }

    // The honesty section as the example has it, then generated deals.
    const auto honesty = example_plan.find("\"honesty\":");
    const auto deals = example_plan.find("\"deals\":");
    doc += "],\n";
    doc.append(example_plan, honesty, deals - honesty);
    doc += "\"deals\": [";
    static constexpr std::array<std::string_view, 5> stages{"prospecting", "discovery", "proposal",
                                                            "negotiation", "commit"};
    static constexpr std::array<std::string_view, 3> evidence{"pain", "budget", "decision_process"};
    const std::uint64_t deal_count = shape.accounts * shape.deals_per_100 / 100;
    for (std::uint64_t k = 0; k < deal_count; ++k) {
        const std::uint32_t opened = rng.below(300);
        const std::uint32_t last = opened + rng.below(321 - opened);
        doc += k ? ",\n" : "\n";
        char id[32];
        std::snprintf(id, sizeof id, "D-%08llu", static_cast<unsigned long long>(k + 1));
        doc += R"({"id":")";
        doc += id;
        doc += R"(","account":")" +
               detail::account_id(1 + rng.below(static_cast<std::uint32_t>(shape.accounts))) +
               R"(","amount":")" + std::to_string(1000 + rng.below(300) * 1000) +
               R"(.00","stage":")";
        doc += stages[rng.below(stages.size())];
        doc += R"(","opened":")";
        detail::append_date(doc, opened);
        doc += R"(","last_activity":")";
        detail::append_date(doc, last);
        doc += R"(","expected_close":"2027-0)" + std::to_string(1 + rng.below(9)) + R"(-15")";
        if (rng.percent(20)) {
            doc += R"(,"outcome":"won","closed_on":")";
            detail::append_date(doc, last);
            doc += '"';
        } else {
            doc += R"(,"outcome":"open")";
        }
        const std::uint32_t items = rng.below(4);
        if (items) {
            doc += R"(,"evidence":[)";
            for (std::uint32_t e = 0; e < items; ++e) {
                doc += e ? "," : "";
                doc += R"({"type":")";
                doc += evidence[e];
                doc += R"(","date":")";
                detail::append_date(doc, opened + (last - opened) / 2);
                doc += R"(","source":"call notes"})";
            }
            doc += ']';
        }
        doc += '}';
    }
    doc += "]\n}\n";
    return doc;
}

} // namespace kare_bench

#endif
