// A seeded generator of realistic accounts for the bundled example's schema
// (docs/examples/harbor-analytics.json), as JSON Lines in the plan
// document's account format. The same seed gives the same bytes on every
// platform: the generator uses its own PRNG, not <random>'s distributions.
#ifndef KARE_BENCH_GENERATE_HPP
#define KARE_BENCH_GENERATE_HPP

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace kare_bench {

/// splitmix64: tiny, fast, and the same everywhere.
class prng {
public:
    explicit prng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n).
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>((next() >> 32) * n >> 32); }
    /// True with probability percent/100.
    bool percent(std::uint32_t p) { return below(100) < p; }

private:
    std::uint64_t state_;
};

/// Shapes of the portfolio: most accounts are clients in Keep-like shape,
/// then prospects, then former clients.
struct portfolio_mix {
    std::uint32_t client_percent = 62;
    std::uint32_t prospect_percent = 26; ///< The rest are former clients.
    std::uint32_t decided_percent = 6;   ///< Accounts with an explicit decision.
};

class account_generator {
public:
    explicit account_generator(std::uint64_t seed, portfolio_mix mix = {}) : rng_(seed), mix_(mix) {}

    /// Appends account number `n` as one JSON line (with its newline) to `out`.
    void append_line(std::string& out, std::uint64_t n)
    {
        static constexpr std::array<std::string_view, 3> levels{"low", "medium", "high"};
        static constexpr std::array<std::string_view, 14> industries{
            "manufacturing", "logistics", "healthcare", "retail",    "finance",
            "energy",        "education", "media",      "hospitality", "aerospace",
            "agriculture",   "telecom",   "utilities",  "security"};
        static constexpr std::array<std::string_view, 5> products{
            "analytics", "forecasting", "data_connectors", "training", "premium_support"};
        static constexpr std::array<std::string_view, 8> champions{
            "Dana Ortiz", "Sam Patel", "Lee Wong", "Ana Ruiz", "Tom Berg", "Ivy Chen",
            "Omar Haddad", "Zoe Martin"};
        static constexpr std::array<std::string_view, 5> lapse{
            "stopped_ordering", "our_fault", "budget_frozen", "new_executive", "other"};

        const std::uint32_t r = rng_.below(100);
        const int relationship = r < mix_.client_percent ? 1
                                 : r < mix_.client_percent + mix_.prospect_percent ? 0
                                                                                    : 2;
        char id[32];
        std::snprintf(id, sizeof id, "ACC-%08llu", static_cast<unsigned long long>(n));
        out += R"({"id":")";
        out += id;
        out += R"(","name":"Account )";
        out += std::to_string(n);
        out += R"(","owner":")";
        out += rng_.percent(50) ? "maya" : "leo";
        out += R"(","relationship":")";
        out += relationship == 0 ? "prospect" : relationship == 1 ? "client" : "former_client";
        out += '"';

        if (relationship != 0) {
            out += R"(,"products":[)";
            const std::uint32_t count = 1 + rng_.below(4);
            const std::uint32_t first = rng_.below(5);
            for (std::uint32_t i = 0; i < count; ++i) {
                out += i ? ",\"" : "\"";
                out += products[(first + i) % products.size()];
                out += '"';
            }
            out += ']';
        }

        out += R"(,"attributes":{)";
        bool first_attribute = true;
        auto key = [&](std::string_view name) {
            out += first_attribute ? "\"" : ",\"";
            first_attribute = false;
            out += name;
            out += "\":";
        };
        auto text = [&](std::string_view name, std::string_view v) {
            key(name);
            out += '"';
            out += v;
            out += '"';
        };
        auto level = [&](std::string_view name, std::array<std::uint32_t, 3> weights) {
            const std::uint32_t x = rng_.below(100);
            text(name, levels[x < weights[0] ? 0 : x < weights[0] + weights[1] ? 1 : 2]);
        };
        auto boolean = [&](std::string_view name, std::uint32_t true_percent) {
            key(name);
            out += rng_.percent(true_percent) ? "true" : "false";
        };
        auto number = [&](std::string_view name, std::uint64_t v) {
            key(name);
            out += std::to_string(v);
        };
        auto date = [&](std::string_view name, int year) {
            char d[16];
            std::snprintf(d, sizeof d, "%04d-%02u-%02u", year, 1 + rng_.below(12), 1 + rng_.below(28));
            text(name, d);
        };

        // Roughly one value in ten is unknown: a missing fact is normal.
        const auto known = [&] { return rng_.percent(90); };
        if (relationship == 1) { // clients: mostly Keep-like
            if (known()) number("annual_revenue", 5000 + rng_.below(250000));
            if (rng_.percent(50)) text("champion", champions[rng_.below(8)]);
            if (known()) level("growth_potential", {45, 35, 20});
            if (known()) text("industry", industries[rng_.below(14)]);
            if (known()) level("profitability", {20, 50, 30});
            if (rng_.percent(70)) date("renewal_date", 2027);
            if (known()) boolean("repeat_purchases", 75);
            if (known()) level("risk", {60, 30, 10});
            if (known()) number("seats", 5 + rng_.below(rng_.percent(80) ? 120 : 3000));
        } else if (relationship == 0) { // prospects
            if (known()) boolean("buying_from_competitor", 60);
            if (known()) level("cost_of_pursuit", {20, 50, 30});
            if (known()) level("growth_potential", {25, 40, 35});
            if (known()) text("industry", industries[rng_.below(14)]);
            if (known()) level("risk", {40, 40, 20});
            if (rng_.percent(60)) number("seats", 10 + rng_.below(2000));
        } else { // former clients
            if (rng_.percent(60)) boolean("favourable_decision_makers", 40);
            if (known()) level("growth_potential", {40, 40, 20});
            if (known()) text("industry", industries[rng_.below(14)]);
            if (known()) text("lapse_reason", lapse[rng_.below(5)]);
            if (known()) date("last_purchase", 2020 + static_cast<int>(rng_.below(6)));
            if (known()) level("strategic_value", {40, 35, 25});
            if (known()) boolean("still_uses_product", 30);
        }
        out += '}';

        if (rng_.percent(mix_.decided_percent)) {
            static constexpr std::array<std::string_view, 4> cats{"keep", "attain", "recapture",
                                                                  "expand"};
            const std::string_view to = cats[relationship == 0 ? 1 : relationship == 2 ? 2 : (rng_.percent(70) ? 0 : 3)];
            out += R"(,"placement":")";
            out += to;
            out += R"(","history":[{"date":"2026-02-02","from":"open","to":")";
            out += to;
            out += R"(","reason":"Annual planning."}])";
        }
        out += "}\n";
    }

    /// `count` accounts numbered from `first`, as JSON Lines.
    std::string lines(std::uint64_t count, std::uint64_t first = 1)
    {
        std::string out;
        out.reserve(count * 360);
        for (std::uint64_t n = first; n < first + count; ++n)
            append_line(out, n);
        return out;
    }

private:
    prng rng_;
    portfolio_mix mix_;
};

/// The example plan's document with its accounts replaced by `jsonl`'s.
inline std::string plan_with_accounts(const std::string& example_plan, const std::string& jsonl)
{
    const auto at = example_plan.rfind("\"accounts\":");
    std::string doc = example_plan.substr(0, at);
    doc += "\"accounts\": [";
    bool first = true;
    std::size_t start = 0;
    while (start < jsonl.size()) {
        std::size_t end = jsonl.find('\n', start);
        if (end == std::string::npos)
            end = jsonl.size();
        if (end > start) {
            if (!first)
                doc += ",\n";
            doc.append(jsonl, start, end - start);
            first = false;
        }
        start = end + 1;
    }
    doc += "]}\n";
    return doc;
}

} // namespace kare_bench

#endif
