// The practical limit: the example plan's profiles written by hand as a C++
// if-chain over a plain struct, with the fields it needs as small integers.
// It knows the profiles at compile time; the engine reads them at run time.
#ifndef KARE_BENCH_IF_CHAIN_HPP
#define KARE_BENCH_IF_CHAIN_HPP

#include <kare/account.hpp>
#include <kare/verdict.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace kare_bench {

/// The fields the example's profiles read. -1 is "missing".
struct plain_account {
    std::int8_t relationship = 0; ///< 0 prospect, 1 client, 2 former client
    std::int8_t growth = -1;      ///< 0 low, 1 medium, 2 high
    std::int8_t risk = -1;
    std::int8_t profitability = -1;
    std::int8_t strategic = -1;
    std::int8_t repeat = -1;      ///< 0 false, 1 true
    std::int8_t favourable = -1;
    double seats = std::numeric_limits<double>::quiet_NaN();
};

inline std::int8_t level_of(const kare::account& a, const char* field)
{
    auto it = a.attributes.find(field);
    if (it == a.attributes.end())
        return -1;
    const auto& s = std::get<std::string>(it->second);
    return s == "low" ? 0 : s == "medium" ? 1 : 2;
}

inline std::int8_t flag_of(const kare::account& a, const char* field)
{
    auto it = a.attributes.find(field);
    return it == a.attributes.end() ? -1 : std::get<bool>(it->second) ? 1 : 0;
}

inline plain_account plain(const kare::account& a)
{
    plain_account p;
    p.relationship = static_cast<std::int8_t>(a.relationship);
    p.growth = level_of(a, "growth_potential");
    p.risk = level_of(a, "risk");
    p.profitability = level_of(a, "profitability");
    p.strategic = level_of(a, "strategic_value");
    p.repeat = flag_of(a, "repeat_purchases");
    p.favourable = flag_of(a, "favourable_decision_makers");
    if (auto it = a.attributes.find("seats"); it != a.attributes.end())
        p.seats = std::get<double>(it->second);
    return p;
}

/// The example's four profiles and two fire rules, by hand.
inline kare::compiled_verdict if_chain(const plain_account& a)
{
    kare::compiled_verdict v;
    const bool client = a.relationship == 1;
    const bool prospect = a.relationship == 0;
    if (client && (a.risk == 0 || a.risk == 1) && a.repeat == 1)
        v.candidates |= 1; // keep
    if (prospect && (a.growth == 1 || a.growth == 2) && a.risk >= 0 && a.risk != 2)
        v.candidates |= 2; // attain
    if (a.relationship == 2 && (a.growth == 1 || a.growth == 2 || a.strategic == 2 || a.favourable == 1))
        v.candidates |= 4; // recapture
    if (client && a.growth == 2 && (a.profitability == 1 || a.profitability == 2) && a.seats >= 50)
        v.candidates |= 8; // expand
    if (client && a.profitability == 0 && a.risk == 2)
        v.fire |= 1;
    if (prospect && a.growth == 0 && a.risk == 2)
        v.fire |= 2;
    v.any_fire = v.fire != 0;
    return v;
}

/// The same rules without short-circuits: every test computed, combined with
/// bitwise operators, so the compiler can avoid branches. The stricter limit
/// on random data, where the branches of `if_chain` mispredict.
inline kare::compiled_verdict if_chain_branchless(const plain_account& a)
{
    const bool client = a.relationship == 1;
    const bool prospect = a.relationship == 0;
    const bool former = a.relationship == 2;
    const bool growth_mh = (a.growth == 1) | (a.growth == 2);
    const bool keep = client & ((a.risk == 0) | (a.risk == 1)) & (a.repeat == 1);
    const bool attain = prospect & growth_mh & (a.risk >= 0) & (a.risk != 2);
    const bool recapture = former & (growth_mh | (a.strategic == 2) | (a.favourable == 1));
    const bool expand = client & (a.growth == 2) &
                        ((a.profitability == 1) | (a.profitability == 2)) & (a.seats >= 50);
    const bool fire1 = client & (a.profitability == 0) & (a.risk == 2);
    const bool fire2 = prospect & (a.growth == 0) & (a.risk == 2);
    kare::compiled_verdict v;
    v.candidates = static_cast<std::uint8_t>(keep | (attain << 1) | (recapture << 2) | (expand << 3));
    v.fire = static_cast<std::uint64_t>(fire1) | (static_cast<std::uint64_t>(fire2) << 1);
    v.any_fire = v.fire != 0;
    return v;
}

} // namespace kare_bench

#endif
