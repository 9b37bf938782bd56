// Profiles compiled for speed: fields resolved to slots, choices and texts
// turned into numbers, criteria into a flat program, so that evaluating an
// account allocates nothing, compares no strings and looks nothing up by
// name. The node layout is the evaluator's own: no promise.
#ifndef KARE_DETAIL_COMPILED_PROFILES_HPP
#define KARE_DETAIL_COMPILED_PROFILES_HPP

#include <kare/account.hpp>
#include <kare/category.hpp>
#include <kare/profile.hpp>
#include <kare/value.hpp>
#include <kare/verdict.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kare {
inline namespace v1 {
namespace detail {

/// A profile set compiled against a schema: the evaluator behind
/// `plan::verdict`, kept for the core, its tests and benchmarks (no promise).
///
/// Every field a criterion reads gets a *slot*. An account becomes a
/// *record*: one `double` per slot, written by `load()`. Numbers are stored
/// as they are, booleans as 0 and 1, dates as day numbers, choices as their
/// position in the field's declared list (so ordering is numeric ordering),
/// texts as ids interned from the criteria's operands (a text no criterion
/// names gets an id equal to none of them), and a missing value as a NaN
/// that no comparison accepts. Evaluation then agrees exactly with
/// `kare::holds()`: a missing value is never evidence, `ne` and `not_in`
/// fail on it, `present` and `absent` test it.
///
/// The criteria are compiled twice. For blocks of accounts, into one flat
/// post-order program over 64-bit registers: each leaf tests one slot for up
/// to 64 accounts at once, each group combines its members' registers with
/// one AND or OR, and identical criteria shared by several profiles are
/// evaluated once. For one account, into short-circuit jump code: each leaf
/// says where to go when it holds and when it fails, so a group costs
/// nothing and a failed `all` stops at its first failing member.
///
/// Immutable once built: one object may be used from many threads.
class compiled_profiles {
public:
    /// Validates `set` against `fields` (as `validate()`), then compiles it.
    /// @throws error `invalid_plan` naming the offending criterion.
    /// @param set the profiles, fire rules and tie-break
    /// @param fields the schema the criteria refer to
    compiled_profiles(const profile_set& set, const schema& fields);

    /// Number of values in a record: one per field the criteria read.
    /// @return the record's length
    std::size_t slot_count() const noexcept { return slots_.size(); }
    /// The field held in slot `s` (`relationship` for the pseudo-field).
    /// @param s a slot, below `slot_count()`
    /// @return the field's name, valid as long as this object
    std::string_view slot_field(std::size_t s) const noexcept { return slots_[s].field; }
    /// The slot of the field `name`, or `std::nullopt` when no criterion reads it.
    /// @param name a field name
    /// @return its slot
    std::optional<std::size_t> slot_of(std::string_view name) const noexcept;
    /// Number of fire rules.
    /// @return the number of fire rules compiled
    std::size_t fire_rule_count() const noexcept { return fire_roots_.size(); }
    /// The tie-break the profiles were compiled with.
    /// @return the set's tie-break
    const tie_break& ties() const noexcept { return ties_; }
    /// Bit `c` set when category `c` has a profile.
    /// @return the bit set
    std::uint8_t profiled_categories() const noexcept { return profiled_; }
    /// Number of distinct criteria (leaves and groups) in the program.
    /// @return the number of nodes, shared criteria counted once
    std::size_t program_size() const noexcept { return nodes_.size(); }

    /// The record value of a missing field.
    /// @return a NaN
    static double missing() noexcept;
    /// True when `v` is the record value of a missing field.
    /// @param v a record value
    /// @return whether it marks a missing field
    static bool is_missing(double v) noexcept;

    /// The record value of a value of slot `s`'s field. A value of another
    /// type than the field's is present but satisfies no comparison.
    /// @param s a slot, below `slot_count()`
    /// @param v an attribute value
    /// @return the record value
    double encode(std::size_t s, const value& v) const noexcept;
    /// The record value of a choice or text value of slot `s`'s field,
    /// without building a `value`.
    /// @param s a slot, below `slot_count()`
    /// @param text a choice or text
    /// @return the record value
    double encode_text(std::size_t s, std::string_view text) const noexcept;

    /// Writes `a`'s record into `out`, which holds `slot_count()` values.
    /// @param a the account
    /// @param out the record to fill
    void load(const account& a, std::span<double> out) const noexcept;

    /// Loads `a` and evaluates it: `load()` then `evaluate()`. Allocates
    /// only past 64 slots.
    /// @param a the account
    /// @return what the profiles and fire rules say about it
    compiled_verdict evaluate(const account& a) const;

    /// Evaluates every profile and fire rule on one record
    /// (`slot_count()` values), short-circuiting as `holds()` does.
    /// @param record a record `load()` wrote
    /// @return what the profiles and fire rules say about it
    compiled_verdict evaluate(std::span<const double> record) const noexcept;

    /// Evaluates one record stored inside a column block: its slot `s` is at
    /// `first[s * stride]`.
    /// @param first the record's slot 0
    /// @param stride the distance between two of its slots
    /// @return what the profiles and fire rules say about it
    compiled_verdict evaluate(const double* first, std::size_t stride) const noexcept
    {
        return evaluate_one(first, stride);
    }

    /// True when fire rule `rule` holds for the record (any rule, also past 64).
    /// @param record a record `load()` wrote
    /// @param rule a fire rule's index, below `fire_rule_count()`
    /// @return whether it holds
    bool fires(std::span<const double> record, std::size_t rule) const noexcept;

    /// Number of 64-bit words `evaluate_block` needs as scratch: one per
    /// distinct criterion, plus two.
    /// @return the number of words
    std::size_t scratch_size() const noexcept { return nodes_.size() + 2; }

    /// Evaluates up to 64 records stored column-wise: the value of slot `s`
    /// of record `j` is `values[s * stride + j]`. Writes `count` verdicts.
    /// @param values the block
    /// @param stride distance between two slots' columns (at least `count`)
    /// @param count records in the block, 1 to 64
    /// @param out receives `count` verdicts
    /// @param scratch `scratch_size()` words
    void evaluate_block(const double* values, std::size_t stride, std::size_t count,
                        compiled_verdict* out, std::uint64_t* scratch) const noexcept;

    /// The placement `classify()` would give an account with this decision
    /// and verdict.
    /// @param decision the account's explicit decision (`open` for none)
    /// @param v the account's verdict
    /// @return the placement and its basis
    placement_outcome decide(placement decision, const compiled_verdict& v) const noexcept
    {
        return kare::decide(decision, v.candidates, ties_);
    }

private:
    struct string_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    using code_table = std::unordered_map<std::string, double, string_hash, std::equal_to<>>;

    struct slot_info {
        std::string field;
        field_type type = field_type::text;
        bool is_relationship = false;
        double unknown_text = -1; // code of a text no operand names
        code_table codes;         // choice -> position, text -> interned id
    };

    // One step of the program; its register is its index + 2 (0 is all
    // zeros, 1 all ones).
    struct node {
        std::uint8_t op = 0;
        std::uint32_t slot = 0;
        double a = 0;
        double b = 0;
        std::uint64_t mask = 0;
        std::uint32_t begin = 0; // operand list or member registers
        std::uint32_t end = 0;
    };

    // One leaf of a rule's short-circuit code.
    struct jump_step {
        std::uint32_t leaf = 0; // index into nodes_
        std::uint32_t if_true = 0;
        std::uint32_t if_false = 0;
    };

    class builder;
    friend class builder;

    bool jump(std::uint32_t pc, const double* record, std::size_t stride) const noexcept;
    compiled_verdict evaluate_one(const double* record, std::size_t stride) const noexcept;
    void run(const double* values, std::size_t stride, std::size_t count,
             std::uint64_t* regs) const noexcept;
    std::uint64_t leaf(const node& n, const double* column, std::size_t count) const noexcept;
    std::uint64_t combine(const node& n, const std::uint64_t* regs) const noexcept;

    std::vector<slot_info> slots_;
    std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> slot_index_;
    std::vector<node> nodes_;
    std::vector<double> operands_;       // `in` lists too large for a mask
    std::vector<std::uint32_t> members_; // group members, as registers
    std::array<std::uint32_t, 4> profile_roots_{}; // register per category (0: no profile)
    std::vector<std::uint32_t> fire_roots_;        // register per fire rule
    std::vector<jump_step> jumps_;
    std::array<std::uint32_t, 4> profile_entries_{}; // jump code per category
    std::vector<std::uint32_t> fire_entries_;        // jump code per fire rule
    std::uint8_t profiled_ = 0;
    tie_break ties_;
};

} // namespace detail
} // namespace v1
} // namespace kare

#endif
