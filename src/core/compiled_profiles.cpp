// Compiling profiles into a register program for blocks and jump code for
// single records, and running both.
#include "field_lookup.hpp"

#include <kare/detail/compiled_profiles.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kare {
inline namespace v1 {

namespace {

// Operations of the program. Leaves test one slot; groups combine registers.
enum op_code : std::uint8_t {
    op_eq,
    op_ne,
    op_lt,
    op_le,
    op_gt,
    op_ge,
    op_between,
    op_outside,     // present and outside a range
    op_in_mask,     // small whole-number codes: one bit per code
    op_not_in_mask,
    op_in_list,     // anything else: a list of operands
    op_not_in_list,
    op_present,
    op_absent,
    op_all,
    op_any,
    op_none,
};

constexpr std::uint32_t reg_false = 0;
constexpr std::uint32_t reg_true = 1;
constexpr std::uint32_t first_node_reg = 2;

// Ends of a rule's jump code.
constexpr std::uint32_t jump_false = 0xFFFF'FFFE;
constexpr std::uint32_t jump_true = 0xFFFF'FFFF;

// A quiet NaN with a payload of its own: the one bit pattern meaning
// "missing". Every other NaN (a value of the wrong type) is present but, like
// the missing one, fails every comparison.
constexpr std::uint64_t missing_bits = 0x7ff8'0000'0000'0a5eULL;
const double incomparable = std::numeric_limits<double>::quiet_NaN();

// The code of a small whole number, when it can be a bit of a 64-bit mask.
bool mask_bit(double code, unsigned& bit) noexcept
{
    if (!(code >= 0.0 && code < 64.0) || code != std::floor(code))
        return false;
    bit = static_cast<unsigned>(code);
    return true;
}

template <typename Test>
std::uint64_t pack(const double* column, std::size_t count, Test test) noexcept
{
    std::uint64_t bits = 0;
    for (std::size_t j = 0; j < count; ++j)
        bits |= static_cast<std::uint64_t>(test(column[j])) << j;
    return bits;
}

// The comparisons, two values per instruction where SSE2 is there (every
// x86-64). Both forms give false for NaN, hence for a missing value.
template <typename Scalar, typename Vector>
std::uint64_t compare(const double* column, std::size_t count, Scalar scalar,
                      [[maybe_unused]] Vector vector) noexcept
{
    std::uint64_t bits = 0;
    std::size_t j = 0;
#if defined(__SSE2__)
    for (; j + 2 <= count; j += 2)
        bits |= static_cast<std::uint64_t>(_mm_movemask_pd(vector(_mm_loadu_pd(column + j)))) << j;
#endif
    for (; j < count; ++j)
        bits |= static_cast<std::uint64_t>(scalar(column[j])) << j;
    return bits;
}

#if defined(__SSE2__)
using lanes = __m128d;
inline lanes broadcast(double x) noexcept { return _mm_set1_pd(x); }
#else
struct lanes {};
inline lanes broadcast(double) noexcept { return {}; }
#endif

bool in_mask(double v, std::uint64_t mask) noexcept
{
    const bool small = v >= 0.0 && v < 64.0; // false for NaN
    const auto bit = static_cast<unsigned>(small ? v : 0.0);
    return small && ((mask >> bit) & 1U);
}

} // namespace

placement_outcome decide(placement decision, std::uint8_t candidates, const tie_break& ties) noexcept
{
    if (decision.what() != placement::kind::open)
        return {decision, basis::decision};
    const unsigned matched = candidates & 0x0FU;
    // One bit set (x & (x - 1) clears the lowest); std::popcount would be a
    // library call on x86-64 without -mpopcnt.
    if (matched != 0 && (matched & (matched - 1)) == 0)
        return {placement::in(static_cast<category>(std::countr_zero(matched))), basis::profile};
    if (matched != 0 && ties.how == tie_break::mode::category_order)
        for (category c : ties.order)
            if ((matched >> static_cast<unsigned>(c)) & 1U)
                return {placement::in(c), basis::tie_break};
    return {placement::unassigned(), basis::none};
}

namespace detail {

// Turns criteria into nodes, sharing identical subtrees.
class compiled_profiles::builder {
public:
    builder(compiled_profiles& out, const schema& fields) : out_(out), fields_(fields) {}

    std::uint32_t compile(const criterion& c)
    {
        if (is_group(c.op))
            return group(c);
        return leaf(c);
    }

    // Short-circuit code for one record: every leaf jumps to `if_true` or
    // `if_false`; returns the entry. Groups become jumps, not steps.
    std::uint32_t compile_jumps(const criterion& c, std::uint32_t if_true, std::uint32_t if_false)
    {
        if (!is_group(c.op)) {
            const std::uint32_t reg = leaf(c);
            out_.jumps_.push_back({reg - first_node_reg, if_true, if_false});
            return static_cast<std::uint32_t>(out_.jumps_.size() - 1);
        }
        // Compiled last member first, so each member knows where to go next.
        std::uint32_t next = c.op == criterion_op::any_of ? if_false : if_true;
        for (auto it = c.children.rbegin(); it != c.children.rend(); ++it) {
            switch (c.op) {
            case criterion_op::all_of: next = compile_jumps(*it, next, if_false); break;
            case criterion_op::any_of: next = compile_jumps(*it, if_true, next); break;
            default: next = compile_jumps(*it, if_false, next); break; // none_of
            }
        }
        return next;
    }

private:
    std::uint32_t slot_for(const std::string& name)
    {
        if (auto it = out_.slot_index_.find(name); it != out_.slot_index_.end())
            return it->second;
        const field_def* def = detail::lookup_field(fields_, name);
        slot_info s;
        s.field = name;
        s.type = def->type;
        s.is_relationship = name == relationship_field;
        if (def->type == field_type::choice) {
            for (std::size_t i = 0; i < def->choices.size(); ++i)
                s.codes.emplace(def->choices[i], static_cast<double>(i));
            // A value outside the list sorts after every choice, as holds() orders it.
            s.unknown_text = static_cast<double>(def->choices.size());
        }
        const auto index = static_cast<std::uint32_t>(out_.slots_.size());
        out_.slots_.push_back(std::move(s));
        out_.slot_index_.emplace(name, index);
        return index;
    }

    double operand(std::uint32_t slot, const value& v)
    {
        slot_info& s = out_.slots_[slot];
        if (s.type == field_type::text) {
            // Texts get ids in the order criteria name them.
            const auto& text = std::get<std::string>(v);
            auto it = s.codes.find(text);
            if (it == s.codes.end())
                it = s.codes.emplace(text, static_cast<double>(s.codes.size())).first;
            return it->second;
        }
        return out_.encode(slot, v);
    }

    std::uint32_t emit(node n, std::vector<std::uint64_t> key)
    {
        auto [it, fresh] = shared_.emplace(std::move(key), 0);
        if (!fresh)
            return it->second;
        it->second = static_cast<std::uint32_t>(out_.nodes_.size()) + first_node_reg;
        out_.nodes_.push_back(n);
        return it->second;
    }

    std::uint32_t leaf(const criterion& c)
    {
        node n;
        n.slot = slot_for(c.field);
        std::vector<double> codes;
        for (const auto& v : c.operands)
            codes.push_back(operand(n.slot, v));
        const double first = codes.empty() ? 0.0 : codes.front();
        switch (c.op) {
        case criterion_op::present: n.op = op_present; break;
        case criterion_op::absent: n.op = op_absent; break;
        case criterion_op::eq: n = comparison(n, op_eq, first); break;
        case criterion_op::ne: n = comparison(n, op_ne, first); break;
        case criterion_op::lt: n = comparison(n, op_lt, first); break;
        case criterion_op::le: n = comparison(n, op_le, first); break;
        case criterion_op::gt: n = comparison(n, op_gt, first); break;
        case criterion_op::ge: n = comparison(n, op_ge, first); break;
        case criterion_op::between:
            n = comparison(n, op_between, codes.at(0));
            n.b = codes.at(1);
            break;
        case criterion_op::in:
        case criterion_op::not_in: set_test(n, c.op == criterion_op::not_in, codes); break;
        default: break; // groups never reach here
        }
        std::vector<std::uint64_t> key{n.op, n.slot, std::bit_cast<std::uint64_t>(n.a),
                                       std::bit_cast<std::uint64_t>(n.b), n.mask};
        for (std::uint32_t i = n.begin; i < n.end; ++i)
            key.push_back(std::bit_cast<std::uint64_t>(out_.operands_[i]));
        const auto before = out_.nodes_.size();
        const std::uint32_t reg = emit(n, std::move(key));
        if (out_.nodes_.size() == before && n.begin != n.end) // shared: drop its operands
            out_.operands_.resize(n.begin);
        return reg;
    }

    static node comparison(node n, std::uint8_t op, double operand)
    {
        n.op = op;
        n.a = operand;
        return n;
    }

    // `in` and `not_in`. Codes of choices, booleans and texts are whole
    // numbers: consecutive codes make a range (two comparisons), a few small
    // ones a bit mask; anything else is a sorted list.
    void set_test(node& n, bool negate, std::vector<double> codes)
    {
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
        const field_type type = out_.slots_[n.slot].type;
        const bool whole = type != field_type::number && type != field_type::date;
        if (whole && codes.back() - codes.front() + 1 == static_cast<double>(codes.size())) {
            n.op = negate ? op_outside : op_between;
            n.a = codes.front();
            n.b = codes.back();
            return;
        }
        std::uint64_t mask = 0;
        unsigned bit = 0;
        const bool small = std::all_of(codes.begin(), codes.end(), [&](double code) {
            if (!mask_bit(code, bit))
                return false;
            mask |= std::uint64_t{1} << bit;
            return true;
        });
        if (whole && small) {
            n.op = negate ? op_not_in_mask : op_in_mask;
            n.mask = mask;
            return;
        }
        n.op = negate ? op_not_in_list : op_in_list;
        n.begin = static_cast<std::uint32_t>(out_.operands_.size());
        out_.operands_.insert(out_.operands_.end(), codes.begin(), codes.end());
        n.end = static_cast<std::uint32_t>(out_.operands_.size());
    }

    std::uint32_t group(const criterion& c)
    {
        std::vector<std::uint32_t> regs;
        for (const auto& child : c.children)
            regs.push_back(compile(child));
        if (regs.empty()) // all of nothing holds, any of nothing does not
            return c.op == criterion_op::any_of ? reg_false : reg_true;
        if (regs.size() == 1 && c.op != criterion_op::none_of)
            return regs.front();
        node n;
        n.op = c.op == criterion_op::all_of ? op_all : c.op == criterion_op::any_of ? op_any : op_none;
        std::vector<std::uint64_t> key{n.op};
        key.insert(key.end(), regs.begin(), regs.end());
        if (auto it = shared_.find(key); it != shared_.end())
            return it->second;
        n.begin = static_cast<std::uint32_t>(out_.members_.size());
        out_.members_.insert(out_.members_.end(), regs.begin(), regs.end());
        n.end = static_cast<std::uint32_t>(out_.members_.size());
        return emit(n, std::move(key));
    }

    compiled_profiles& out_;
    const schema& fields_;
    std::map<std::vector<std::uint64_t>, std::uint32_t> shared_;
};

compiled_profiles::compiled_profiles(const profile_set& set, const schema& fields)
    : ties_(set.ties)
{
    validate(set, fields);
    builder b(*this, fields);
    profile_entries_.fill(jump_false);
    for (category c : all_categories)
        if (const profile* p = set.find(c)) {
            const auto i = static_cast<std::size_t>(c);
            profile_roots_[i] = b.compile(p->rule);
            profile_entries_[i] = b.compile_jumps(p->rule, jump_true, jump_false);
            profiled_ |= static_cast<std::uint8_t>(1U << static_cast<unsigned>(c));
        }
    for (const auto& rule : set.fire_rules) {
        fire_roots_.push_back(b.compile(rule.rule));
        fire_entries_.push_back(b.compile_jumps(rule.rule, jump_true, jump_false));
    }
}

std::optional<std::size_t> compiled_profiles::slot_of(std::string_view name) const noexcept
{
    auto it = slot_index_.find(name);
    if (it == slot_index_.end())
        return std::nullopt;
    return it->second;
}

double compiled_profiles::missing() noexcept
{
    return std::bit_cast<double>(missing_bits);
}

bool compiled_profiles::is_missing(double v) noexcept
{
    return std::bit_cast<std::uint64_t>(v) == missing_bits;
}

double compiled_profiles::encode_text(std::size_t s, std::string_view text) const noexcept
{
    const slot_info& slot = slots_[s];
    auto it = slot.codes.find(text);
    return it == slot.codes.end() ? slot.unknown_text : it->second;
}

double compiled_profiles::encode(std::size_t s, const value& v) const noexcept
{
    switch (slots_[s].type) {
    case field_type::number:
        if (const double* d = std::get_if<double>(&v); d && !std::isnan(*d))
            return *d;
        return incomparable;
    case field_type::boolean:
        if (const bool* b = std::get_if<bool>(&v))
            return *b ? 1.0 : 0.0;
        return incomparable;
    case field_type::date:
        if (const date* d = std::get_if<date>(&v))
            return static_cast<double>(d->days());
        return incomparable;
    case field_type::choice:
    case field_type::text:
        if (const std::string* t = std::get_if<std::string>(&v))
            return encode_text(s, *t);
        return incomparable;
    }
    return incomparable;
}

void compiled_profiles::load(const account& a, std::span<double> out) const noexcept
{
    for (std::size_t s = 0; s < slots_.size(); ++s) {
        const slot_info& slot = slots_[s];
        if (slot.is_relationship) {
            out[s] = static_cast<double>(static_cast<unsigned>(a.relationship));
            continue;
        }
        auto it = a.attributes.find(slot.field);
        out[s] = it == a.attributes.end() ? missing() : encode(s, it->second);
    }
}

std::uint64_t compiled_profiles::leaf(const node& n, const double* column,
                                      std::size_t count) const noexcept
{
    const double a = n.a;
    const double b = n.b;
#if defined(__SSE2__)
    const lanes va = broadcast(a);
    const lanes vb = broadcast(b);
#define KARE_LANES(expr) [=](lanes v) { return expr; }
#else
#define KARE_LANES(expr) [](lanes v) { return v; }
#endif
    switch (n.op) {
    case op_eq:
        return compare(column, count, [a](double v) { return v == a; },
                       KARE_LANES(_mm_cmpeq_pd(v, va)));
    // NaN is neither below nor above: ne fails on a missing value.
    case op_ne:
        return compare(column, count, [a](double v) { return v < a || v > a; },
                       KARE_LANES(_mm_or_pd(_mm_cmplt_pd(v, va), _mm_cmpgt_pd(v, va))));
    case op_lt:
        return compare(column, count, [a](double v) { return v < a; },
                       KARE_LANES(_mm_cmplt_pd(v, va)));
    case op_le:
        return compare(column, count, [a](double v) { return v <= a; },
                       KARE_LANES(_mm_cmple_pd(v, va)));
    case op_gt:
        return compare(column, count, [a](double v) { return v > a; },
                       KARE_LANES(_mm_cmpgt_pd(v, va)));
    case op_ge:
        return compare(column, count, [a](double v) { return v >= a; },
                       KARE_LANES(_mm_cmpge_pd(v, va)));
    case op_between:
        return compare(column, count, [a, b](double v) { return a <= v && v <= b; },
                       KARE_LANES(_mm_and_pd(_mm_cmple_pd(va, v), _mm_cmple_pd(v, vb))));
    case op_outside:
        return compare(column, count, [a, b](double v) { return v < a || v > b; },
                       KARE_LANES(_mm_or_pd(_mm_cmplt_pd(v, va), _mm_cmpgt_pd(v, vb))));
#undef KARE_LANES
    case op_in_mask: {
        const std::uint64_t mask = n.mask;
        return pack(column, count, [mask](double v) { return in_mask(v, mask); });
    }
    case op_not_in_mask: {
        const std::uint64_t mask = n.mask;
        return pack(column, count, [mask](double v) { return v == v && !in_mask(v, mask); });
    }
    case op_in_list:
    case op_not_in_list: {
        const double* first = operands_.data() + n.begin;
        const double* last = operands_.data() + n.end;
        const bool negate = n.op == op_not_in_list;
        return pack(column, count, [=](double v) {
            const bool found = std::binary_search(first, last, v);
            return v == v && found != negate;
        });
    }
    case op_present:
        return pack(column, count,
                    [](double v) { return std::bit_cast<std::uint64_t>(v) != missing_bits; });
    case op_absent:
        return pack(column, count,
                    [](double v) { return std::bit_cast<std::uint64_t>(v) == missing_bits; });
    default: return 0;
    }
}

void compiled_profiles::run(const double* values, std::size_t stride, std::size_t count,
                            std::uint64_t* regs) const noexcept
{
    regs[reg_false] = 0;
    regs[reg_true] = ~std::uint64_t{0};
    std::uint64_t* out = regs + first_node_reg;
    for (const node& n : nodes_)
        *out++ = n.op < op_all ? leaf(n, values + std::size_t{n.slot} * stride, count)
                               : combine(n, regs);
}

std::uint64_t compiled_profiles::combine(const node& n, const std::uint64_t* regs) const noexcept
{
    const std::uint32_t* first = members_.data() + n.begin;
    const std::uint32_t* last = members_.data() + n.end;
    std::uint64_t r = 0;
    if (n.op == op_all) {
        r = ~std::uint64_t{0};
        for (; first != last; ++first)
            r &= regs[*first];
        return r;
    }
    for (; first != last; ++first)
        r |= regs[*first];
    return n.op == op_none ? ~r : r;
}

void compiled_profiles::evaluate_block(const double* values, std::size_t stride, std::size_t count,
                                       compiled_verdict* out, std::uint64_t* scratch) const noexcept
{
    if (count == 1) {
        out[0] = evaluate_one(values, stride);
        return;
    }
    run(values, stride, count, scratch);
    std::uint64_t any_fire = 0;
    for (std::uint32_t root : fire_roots_)
        any_fire |= scratch[root];
    const std::size_t first_fires = std::min<std::size_t>(fire_roots_.size(), 64);
    for (std::size_t j = 0; j < count; ++j) {
        compiled_verdict v;
        for (unsigned c = 0; c < 4; ++c)
            v.candidates |= static_cast<std::uint8_t>(((scratch[profile_roots_[c]] >> j) & 1U) << c);
        v.any_fire = (any_fire >> j) & 1U;
        if (v.any_fire)
            for (std::size_t i = 0; i < first_fires; ++i)
                v.fire |= ((scratch[fire_roots_[i]] >> j) & 1U) << i;
        out[j] = v;
    }
}

bool compiled_profiles::jump(std::uint32_t pc, const double* record,
                             std::size_t stride) const noexcept
{
    while (pc < jump_false) {
        const jump_step& step = jumps_[pc];
        const node& n = nodes_[step.leaf];
        const double v = record[std::size_t{n.slot} * stride];
        bool held = false;
        switch (n.op) {
        case op_eq: held = v == n.a; break;
        case op_ne: held = v < n.a || v > n.a; break;
        case op_lt: held = v < n.a; break;
        case op_le: held = v <= n.a; break;
        case op_gt: held = v > n.a; break;
        case op_ge: held = v >= n.a; break;
        case op_between: held = n.a <= v && v <= n.b; break;
        case op_outside: held = v < n.a || v > n.b; break;
        case op_in_mask: held = in_mask(v, n.mask); break;
        case op_not_in_mask: held = v == v && !in_mask(v, n.mask); break;
        case op_in_list:
        case op_not_in_list:
            held = v == v && std::binary_search(operands_.data() + n.begin,
                                                operands_.data() + n.end,
                                                v) != (n.op == op_not_in_list);
            break;
        case op_present: held = std::bit_cast<std::uint64_t>(v) != missing_bits; break;
        case op_absent: held = std::bit_cast<std::uint64_t>(v) == missing_bits; break;
        default: break;
        }
        pc = held ? step.if_true : step.if_false;
    }
    return pc == jump_true;
}

compiled_verdict compiled_profiles::evaluate_one(const double* record,
                                                 std::size_t stride) const noexcept
{
    compiled_verdict v;
    for (unsigned c = 0; c < 4; ++c)
        v.candidates |= static_cast<std::uint8_t>(jump(profile_entries_[c], record, stride) << c);
    const std::size_t rules = fire_entries_.size();
    for (std::size_t i = 0; i < rules && i < 64; ++i)
        v.fire |= static_cast<std::uint64_t>(jump(fire_entries_[i], record, stride)) << i;
    v.any_fire = v.fire != 0;
    for (std::size_t i = 64; i < rules && !v.any_fire; ++i)
        v.any_fire = jump(fire_entries_[i], record, stride);
    return v;
}

compiled_verdict compiled_profiles::evaluate(std::span<const double> record) const noexcept
{
    return evaluate_one(record.data(), 1);
}

compiled_verdict compiled_profiles::evaluate(const account& a) const
{
    std::array<double, 64> local;
    if (slot_count() <= local.size()) {
        const std::span<double> record(local.data(), slot_count());
        load(a, record);
        return evaluate(record);
    }
    std::vector<double> heap(slot_count());
    load(a, heap);
    return evaluate(heap);
}

bool compiled_profiles::fires(std::span<const double> record, std::size_t rule) const noexcept
{
    return jump(fire_entries_[rule], record.data(), 1);
}

} // namespace detail
} // namespace v1
} // namespace kare
