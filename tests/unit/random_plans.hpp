// Seeded generators of random valid schemas, profile sets and accounts, for
// the differential and property suites. Values come from small pools so that
// equalities, bounds and ties actually happen.
#ifndef KARE_TESTS_RANDOM_PLANS_HPP
#define KARE_TESTS_RANDOM_PLANS_HPP

#include <kare/json.hpp>
#include <kare/kare.hpp>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace kare_test {

class random_plans {
public:
    explicit random_plans(std::uint64_t seed) : rng_(seed) {}

    /// A uniform integer in [0, n).
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
    /// True with probability `p`.
    bool chance(double p) { return static_cast<double>(rng_() % 1'000'000) < p * 1'000'000.0; }

    /// A plan with the standard fields, a few organisation fields of every
    /// type, two reps and no accounts.
    kare::plan empty_plan()
    {
        kare::plan p;
        p.add_rep({"ana", "Ana", kare::rep_style::hunter});
        p.add_rep({"bo", "Bo", kare::rep_style::farmer});
        const std::size_t extra = pick(6);
        for (std::size_t i = 0; i < extra; ++i) {
            kare::field_def f;
            f.name = "f" + std::to_string(i);
            f.type = static_cast<kare::field_type>(pick(5));
            if (f.type == kare::field_type::number && chance(0.5)) {
                f.min = -2.0;
                f.max = 100.0;
            }
            if (f.type == kare::field_type::choice) {
                // Sometimes more than 64 choices, past the bit-mask fast path.
                const std::size_t n = chance(0.2) ? 65 + pick(10) : 1 + pick(8);
                for (std::size_t k = 0; k < n; ++k)
                    f.choices.push_back("c" + std::to_string(k));
            }
            p.declare_field(std::move(f));
        }
        return p;
    }

    /// A random value of `f` (within its bounds and choices).
    kare::value value_of(const kare::field_def& f)
    {
        switch (f.type) {
        case kare::field_type::number: {
            static const double pool[] = {-2.0, -0.0, 0.0, 1.0, 1.5, 2.5, 3.5, 10.0, 50.0, 100.0};
            double d = pool[pick(std::size(pool))];
            if (f.min && d < *f.min) d = *f.min;
            if (f.max && d > *f.max) d = *f.max;
            return d;
        }
        case kare::field_type::boolean: return chance(0.5);
        case kare::field_type::text: {
            static const char* pool[] = {"Dana", "Sam", "Lee", "", "Dana Ortiz"};
            return std::string(pool[pick(std::size(pool))]);
        }
        case kare::field_type::choice: return f.choices[pick(f.choices.size())];
        case kare::field_type::date: {
            static const char* pool[] = {"2026-01-01", "2026-06-30", "2027-03-31", "1999-12-31"};
            return *kare::date::parse(pool[pick(std::size(pool))]);
        }
        }
        return 0.0;
    }

    /// An operand for a criterion on `f`: mostly values accounts have, some
    /// they never have.
    kare::value operand_of(const kare::field_def& f)
    {
        if (f.type == kare::field_type::text && chance(0.2))
            return std::string("nobody");
        if (f.type == kare::field_type::number && chance(0.2))
            return chance(0.5) ? 3.0 : -5.0;
        kare::field_def unbounded = f;
        unbounded.min.reset();
        unbounded.max.reset();
        return value_of(unbounded);
    }

    /// A random valid criterion over `p`'s fields.
    kare::criterion criterion_for(const kare::plan& p, int depth = 0)
    {
        using kare::criterion_op;
        if (depth < 3 && chance(depth == 0 ? 0.8 : 0.35)) {
            static const criterion_op groups[] = {criterion_op::all_of, criterion_op::any_of,
                                                  criterion_op::none_of};
            std::vector<kare::criterion> children;
            const std::size_t n = 1 + pick(4);
            for (std::size_t i = 0; i < n; ++i)
                children.push_back(criterion_for(p, depth + 1));
            return kare::criterion::group(groups[pick(3)], std::move(children));
        }
        const auto& fields = p.fields().fields();
        kare::field_def relationship;
        relationship.name = "relationship";
        relationship.type = kare::field_type::choice;
        relationship.choices = {"prospect", "client", "former_client"};
        const kare::field_def& f =
            chance(0.25) ? relationship : fields[pick(fields.size())];
        const bool ordered = f.type == kare::field_type::number ||
                             f.type == kare::field_type::date ||
                             f.type == kare::field_type::choice;
        std::vector<criterion_op> ops{criterion_op::eq,      criterion_op::ne,
                                      criterion_op::in,      criterion_op::not_in,
                                      criterion_op::present, criterion_op::absent};
        if (ordered)
            for (auto op : {criterion_op::lt, criterion_op::le, criterion_op::gt,
                            criterion_op::ge, criterion_op::between})
                ops.push_back(op);
        kare::criterion c;
        c.op = ops[pick(ops.size())];
        c.field = f.name;
        switch (c.op) {
        case criterion_op::present:
        case criterion_op::absent: break;
        case criterion_op::between:
            c.operands = {operand_of(f), operand_of(f)};
            break;
        case criterion_op::in:
        case criterion_op::not_in: {
            const std::size_t n = 1 + pick(4);
            for (std::size_t i = 0; i < n; ++i)
                c.operands.push_back(operand_of(f));
            break;
        }
        default: c.operands = {operand_of(f)}; break;
        }
        return c;
    }

    /// A random valid profile set over `p`'s fields.
    kare::profile_set profiles_for(const kare::plan& p)
    {
        kare::profile_set set;
        for (kare::category c : kare::all_categories)
            if (chance(0.85))
                set.profiles[static_cast<std::size_t>(c)] =
                    kare::profile{"random", criterion_for(p)};
        // Now and then more than 64 fire rules, past the verdict's bit word.
        const std::size_t fires = chance(0.1) ? 64 + pick(8) : pick(4);
        for (std::size_t i = 0; i < fires; ++i)
            set.fire_rules.push_back(
                {"rule" + std::to_string(i), "end_relationship", "", criterion_for(p)});
        if (chance(0.5)) {
            set.ties.how = kare::tie_break::mode::category_order;
            std::shuffle(set.ties.order.begin(), set.ties.order.end(), rng_);
        }
        return set;
    }

    /// A random valid account (open decision) with id `id`.
    kare::account account_for(const kare::plan& p, const std::string& id)
    {
        kare::account a;
        a.id = id;
        a.name = "Account " + id;
        a.owner = chance(0.5) ? "ana" : "bo";
        a.relationship = static_cast<kare::relationship>(pick(3));
        for (const auto& f : p.fields().fields())
            if (chance(0.6))
                a.attributes.emplace(f.name, value_of(f));
        return a;
    }

    /// Adds `n` random accounts to `p`, some with a decision taken through
    /// the ledger.
    void add_accounts(kare::plan& p, std::size_t n, const std::string& prefix = "A")
    {
        const kare::date on = *kare::date::parse("2026-05-01");
        for (std::size_t i = 0; i < n; ++i) {
            const std::string id = prefix + std::to_string(i);
            p.add_account(account_for(p, id));
            switch (pick(8)) {
            case 0: p.assign(id, static_cast<kare::category>(pick(4)), on); break;
            case 1: p.fire(id, on, "Costs too much.", "end_relationship"); break;
            case 2: p.move(id, kare::placement::unassigned(), on, "Not sure yet."); break;
            default: break;
            }
        }
    }

    /// The generator itself, for std::shuffle.
    std::mt19937_64& engine() noexcept { return rng_; }

private:
    std::mt19937_64 rng_;
};

/// True for the findings a classification alone raises (`account_finding`):
/// what a portfolio summary and a batch line count, while the report adds
/// the review's findings, which need the whole plan.
inline bool is_classification_finding(std::string_view code)
{
    for (std::size_t f = 0; f < kare::detail::account_finding_count; ++f)
        if (kare::detail::code_of(static_cast<kare::detail::account_finding>(f)) == code)
            return true;
    return false;
}

} // namespace kare_test

#endif
