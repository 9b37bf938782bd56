// Compiled profiles against the tree-walking evaluator: the same verdict on
// thousands of random accounts under random valid profile sets, one record at
// a time and in column blocks.
#include "fixtures.hpp"
#include "random_plans.hpp"

#include <kare/detail/compiled_accounts.hpp>
#include <kare/detail/compiled_profiles.hpp>
#include <kare/detail/plan_access.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>

namespace kare {
inline namespace v1 {
inline std::ostream& boost_test_print_type(std::ostream& os, const placement_outcome& o)
{
    return os << o.result.name() << " (" << to_string(o.basis) << ")";
}
} // namespace v1
} // namespace kare

using namespace kare_test;

namespace {

// classify()'s rule as it was written before decide() existed, kept here as
// an independent reference.
kare::placement_outcome reference_decide(const kare::account& a,
                                         const std::vector<kare::category>& candidates,
                                         const kare::tie_break& ties)
{
    if (a.decision.what() != kare::placement::kind::open)
        return {a.decision, kare::basis::decision};
    if (candidates.size() == 1)
        return {kare::placement::in(candidates.front()), kare::basis::profile};
    if (candidates.size() > 1 && ties.how == kare::tie_break::mode::category_order) {
        const auto chosen = std::find_first_of(ties.order.begin(), ties.order.end(),
                                               candidates.begin(), candidates.end());
        return {kare::placement::in(*chosen), kare::basis::tie_break};
    }
    return {kare::placement::unassigned(), kare::basis::none};
}

struct mismatch_log {
    std::size_t checked = 0;
    std::size_t failed = 0;

    void check(bool ok, const std::string& what)
    {
        ++checked;
        if (!ok && ++failed <= 10)
            BOOST_ERROR(what);
    }
};

// Every profile, fire rule and the placement: tree walk versus compiled.
void compare(const kare::plan& p, const kare::detail::compiled_profiles& compiled,
             const kare::account& a, const kare::compiled_verdict& v,
             std::span<const double> record, bool placed, mismatch_log& log,
             const std::string& where)
{
    const auto& set = p.profiles();
    std::vector<kare::category> candidates;
    for (kare::category c : kare::all_categories) {
        const kare::profile* prof = set.find(c);
        const bool expected = prof && kare::holds(prof->rule, a, p.fields());
        if (expected)
            candidates.push_back(c);
        log.check(expected == v.is_candidate(c),
                  where + ": profile " + std::string(to_string(c)));
    }
    bool any = false;
    for (std::size_t i = 0; i < set.fire_rules.size(); ++i) {
        const bool expected = kare::holds(set.fire_rules[i].rule, a, p.fields());
        any = any || expected;
        const bool got = i < 64 ? ((v.fire >> i) & 1U) != 0 : compiled.fires(record, i);
        log.check(expected == got, where + ": fire rule " + std::to_string(i));
        if (i >= 64 && (i % 8) == 0)
            log.check(compiled.fires(record, i) == expected, where + ": fires()");
    }
    log.check(any == v.any_fire, where + ": any fire");
    if (!placed)
        return;
    const auto expected = reference_decide(a, candidates, set.ties);
    const auto c = kare::classify(p, a);
    log.check(c.result == expected.result && c.basis == expected.basis,
              where + ": classify() placement");
    // The explanation (a tree walk) agrees with the verdict it explains.
    for (kare::category k : kare::all_categories)
        if (const auto& outcome = c.profiles[static_cast<std::size_t>(k)])
            log.check(outcome->held == v.is_candidate(k),
                      where + ": explanation of " + std::string(to_string(k)));
    log.check(compiled.decide(a.decision, v) == expected, where + ": compiled placement");
}

} // namespace

BOOST_AUTO_TEST_SUITE(compiled)

BOOST_AUTO_TEST_CASE(agrees_with_tree_walk_on_random_profiles_and_accounts)
{
    random_plans gen(20261123);
    mismatch_log log;
    std::size_t accounts = 0;
    for (int round = 0; round < 100; ++round) {
        kare::plan p = gen.empty_plan();
        p.set_profiles(gen.profiles_for(p));
        gen.add_accounts(p, 150);
        const kare::detail::compiled_profiles compiled(p.profiles(), p.fields());

        // One record at a time.
        std::vector<double> record(compiled.slot_count());
        std::vector<kare::compiled_verdict> single;
        for (const auto& a : p.accounts()) {
            compiled.load(a, record);
            single.push_back(compiled.evaluate(record));
            compare(p, compiled, a, single.back(), record, true, log,
                    "round " + std::to_string(round) + ", " + a.id);
        }
        accounts += p.accounts().size();

        // Column blocks of every width from 1 to 64 give the same verdicts.
        std::vector<std::uint64_t> scratch(compiled.scratch_size());
        std::size_t first = 0;
        while (first < p.accounts().size()) {
            const std::size_t count =
                std::min<std::size_t>(1 + gen.pick(64), p.accounts().size() - first);
            const std::size_t stride = count + gen.pick(3);
            std::vector<double> block(compiled.slot_count() * stride + 1);
            for (std::size_t j = 0; j < count; ++j) {
                compiled.load(p.accounts()[first + j], record);
                for (std::size_t s = 0; s < compiled.slot_count(); ++s)
                    block[s * stride + j] = record[s];
            }
            std::vector<kare::compiled_verdict> out(count);
            compiled.evaluate_block(block.data(), stride, count, out.data(), scratch.data());
            for (std::size_t j = 0; j < count; ++j)
                log.check(out[j] == single[first + j],
                          "round " + std::to_string(round) + ": block record " +
                              std::to_string(first + j));
            first += count;
        }
    }
    BOOST_TEST(log.failed == 0u);
    BOOST_TEST(accounts >= 15000u);
    BOOST_TEST_MESSAGE(log.checked << " comparisons on " << accounts << " accounts");
}

BOOST_AUTO_TEST_CASE(values_of_the_wrong_type_are_present_but_never_evidence)
{
    // A plan never holds such values; the record still agrees with holds().
    random_plans gen(7);
    mismatch_log log;
    for (int round = 0; round < 40; ++round) {
        kare::plan p = gen.empty_plan();
        p.set_profiles(gen.profiles_for(p));
        const kare::detail::compiled_profiles compiled(p.profiles(), p.fields());
        std::vector<double> record(compiled.slot_count());
        for (int i = 0; i < 100; ++i) {
            kare::account a = gen.account_for(p, "X" + std::to_string(i));
            for (auto& [name, v] : a.attributes)
                if (gen.chance(0.3))
                    v = std::holds_alternative<std::string>(v) ? kare::value(1.0)
                                                                : kare::value(std::string("1"));
            compiled.load(a, record);
            compare(p, compiled, a, compiled.evaluate(record), record, false, log,
                    "round " + std::to_string(round) + ", " + a.id);
        }
    }
    BOOST_TEST(log.failed == 0u);
}

BOOST_AUTO_TEST_CASE(column_store_evaluates_like_single_records)
{
    random_plans gen(31);
    for (int round = 0; round < 10; ++round) {
        kare::plan p = gen.empty_plan();
        p.set_profiles(gen.profiles_for(p));
        gen.add_accounts(p, 64 * 3 + gen.pick(64));
        kare::detail::compiled_accounts store(kare::detail::plan_access::compiled_shared(p));
        store.reserve(p.accounts().size());
        for (const auto& a : p.accounts())
            store.push_back(a);
        BOOST_TEST(store.size() == p.accounts().size());
        BOOST_TEST(store.bytes_per_account() == store.profiles().slot_count() * sizeof(double));
        std::vector<kare::compiled_verdict> all(store.size());
        store.evaluate_all(all);
        for (std::size_t i = 0; i < store.size(); ++i) {
            BOOST_TEST((all[i] == p.verdict(i)), "account " << i);
            BOOST_TEST((store.evaluate(i) == p.verdict(i)), "account " << i);
        }
        // Replacing one record changes that account's verdict only.
        const std::size_t i = gen.pick(store.size());
        const kare::account other = gen.account_for(p, "other");
        store.assign(i, other);
        store.evaluate_all(all);
        BOOST_TEST((all[i] == p.compiled().evaluate(other)));
        for (std::size_t k = 0; k < store.size(); ++k)
            if (k != i)
                BOOST_TEST((all[k] == p.verdict(k)));
    }
}

BOOST_AUTO_TEST_CASE(example_plan_matches_classify)
{
    const kare::plan p = example_plan();
    const kare::detail::compiled_profiles compiled(p.profiles(), p.fields());
    std::vector<double> record(compiled.slot_count());
    for (const auto& a : p.accounts()) {
        compiled.load(a, record);
        const auto v = compiled.evaluate(record);
        const auto c = kare::classify(p, a);
        std::uint8_t mask = 0;
        for (auto cat : c.candidates)
            mask |= static_cast<std::uint8_t>(1U << static_cast<unsigned>(cat));
        BOOST_TEST(v.candidates == mask, a.id);
        BOOST_TEST(v.any_fire == !c.fire_suggestions.empty(), a.id);
        BOOST_TEST(compiled.decide(a.decision, v) == (kare::placement_outcome{c.result, c.basis}),
                   a.id);
    }
}

BOOST_AUTO_TEST_CASE(shared_criteria_are_compiled_once)
{
    const kare::plan p = example_plan();
    const kare::detail::compiled_profiles compiled(p.profiles(), p.fields());
    std::size_t nodes = 0;
    for (kare::category c : kare::all_categories)
        if (const auto* prof = p.profiles().find(c))
            nodes += kare::node_count(prof->rule);
    for (const auto& rule : p.profiles().fire_rules)
        nodes += kare::node_count(rule.rule);
    // `relationship eq client` alone appears three times in the example.
    BOOST_TEST(compiled.program_size() < nodes);
    BOOST_TEST(compiled.slot_count() == 8u);
    BOOST_TEST(compiled.slot_of("seats").has_value());
    BOOST_TEST(!compiled.slot_of("champion").has_value());
    BOOST_TEST(compiled.fire_rule_count() == 2u);
    BOOST_TEST(compiled.profiled_categories() == 0x0F);
}

BOOST_AUTO_TEST_CASE(records_encode_missing_choices_texts_and_dates)
{
    kare::plan p = minimal_plan();
    kare::profile_set set = p.profiles();
    set.fire_rules.push_back({"renewal_soon", "review", "",
                              kare::criterion::compare("renewal", kare::criterion_op::lt,
                                                       day("2027-06-01"))});
    p.set_profiles(set);
    const kare::detail::compiled_profiles compiled(p.profiles(), p.fields());
    std::vector<double> record(compiled.slot_count());
    compiled.load(p.accounts()[2], record); // former client, renewal 2027-01-31
    const auto risk = *compiled.slot_of("risk");
    const auto renewal = *compiled.slot_of("renewal");
    BOOST_TEST(kare::detail::compiled_profiles::is_missing(record[risk]));
    BOOST_TEST(record[renewal] == static_cast<double>(day("2027-01-31").days()));
    BOOST_TEST(compiled.encode_text(risk, "high") == 2.0);
    // A value outside the declared choices sorts after all of them.
    BOOST_TEST(compiled.encode_text(risk, "extreme") == 3.0);
    BOOST_TEST(compiled.evaluate(record).fire == 0b100u); // the third fire rule
}

BOOST_AUTO_TEST_CASE(invalid_profiles_are_refused_with_their_path)
{
    const kare::plan p = minimal_plan();
    kare::profile_set set = p.profiles();
    set.profiles[0]->rule = kare::criterion::compare("grwoth", kare::criterion_op::eq, 1.0);
    try {
        kare::detail::compiled_profiles compiled(set, p.fields());
        BOOST_FAIL("accepted an unknown field");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::invalid_plan);
        BOOST_TEST(e.path() == "profiles.keep.rule.field");
    }
}

BOOST_AUTO_TEST_CASE(decide_follows_the_documented_order)
{
    kare::tie_break none;
    kare::tie_break ordered;
    ordered.how = kare::tie_break::mode::category_order;
    using kare::basis;
    using kare::placement;
    const std::uint8_t keep_and_expand = 0b1001;
    BOOST_TEST(kare::decide(placement::fired(), keep_and_expand, ordered) ==
               (kare::placement_outcome{placement::fired(), basis::decision}));
    BOOST_TEST(kare::decide(placement(), 0b0010, none) ==
               (kare::placement_outcome{placement::in(kare::category::attain), basis::profile}));
    BOOST_TEST(kare::decide(placement(), keep_and_expand, none) ==
               (kare::placement_outcome{placement::unassigned(), basis::none}));
    BOOST_TEST(kare::decide(placement(), keep_and_expand, ordered) ==
               (kare::placement_outcome{placement::in(kare::category::expand), basis::tie_break}));
    BOOST_TEST(kare::decide(placement(), 0, ordered) ==
               (kare::placement_outcome{placement::unassigned(), basis::none}));
}

BOOST_AUTO_TEST_SUITE_END()
