#include <kare/error.hpp>
#include <kare/money.hpp>

#include <algorithm>
#include <array>
#include <limits>

namespace kare {
inline namespace v1 {

namespace {

struct currency_exponent {
    std::string_view code;
    unsigned digits;
};

// ISO 4217 currencies whose minor unit is not two digits. Every other code,
// known or not, gets two.
constexpr std::array<currency_exponent, 26> exponents{{
    {"BHD", 3}, {"BIF", 0}, {"CLF", 4}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"IQD", 3},
    {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3},
    {"OMR", 3}, {"PYG", 0}, {"RWF", 0}, {"TND", 3}, {"UGX", 0}, {"UYI", 0}, {"UYW", 4},
    {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0},
}};

constexpr std::int64_t max_i64 = std::numeric_limits<std::int64_t>::max();

// (a + b) mod m for a, b < m, without overflow.
std::uint64_t add_mod(std::uint64_t a, std::uint64_t b, std::uint64_t m) noexcept
{
    return a >= m - b ? a - (m - b) : a + b;
}

} // namespace

unsigned currency_digits(std::string_view code) noexcept
{
    auto it = std::lower_bound(exponents.begin(), exponents.end(), code,
                               [](const currency_exponent& e, std::string_view c) { return e.code < c; });
    return it != exponents.end() && it->code == code ? it->digits : 2U;
}

money money::from_minor(std::int64_t minor, unsigned digits)
{
    if (digits > max_digits)
        throw error(errc::invalid_argument, "an amount carries at most " +
                                                std::to_string(max_digits) + " decimal digits");
    return money(minor, digits);
}

std::optional<money> money::parse(std::string_view text, unsigned digits) noexcept
{
    if (digits > max_digits || text.empty())
        return std::nullopt;
    bool negative = false;
    if (text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()) ||
        fraction.size() > digits)
        return std::nullopt;
    // Accumulate as a negative number so that the most negative value fits.
    std::int64_t acc = 0;
    const auto push = [&](char ch) {
        if (ch < '0' || ch > '9')
            return false;
        const int d = ch - '0';
        if (acc < (std::numeric_limits<std::int64_t>::min() + d) / 10)
            return false;
        acc = acc * 10 - d;
        return true;
    };
    for (char ch : whole)
        if (!push(ch))
            return std::nullopt;
    for (char ch : fraction)
        if (!push(ch))
            return std::nullopt;
    for (std::size_t i = fraction.size(); i < digits; ++i)
        if (!push('0'))
            return std::nullopt;
    if (!negative) {
        if (acc < -max_i64)
            return std::nullopt;
        acc = -acc;
    }
    return money(acc, digits);
}

std::string money::to_string() const
{
    const bool negative = minor_ < 0;
    std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(minor_)
                                 : static_cast<std::uint64_t>(minor_);
    std::string digits_text;
    do {
        digits_text.push_back(static_cast<char>('0' + mag % 10));
        mag /= 10;
    } while (mag != 0);
    while (digits_text.size() <= digits_)
        digits_text.push_back('0');
    std::reverse(digits_text.begin(), digits_text.end());
    if (digits_ > 0)
        digits_text.insert(digits_text.size() - digits_, 1, '.');
    return negative ? "-" + digits_text : digits_text;
}

std::optional<money> checked_add(money a, money b) noexcept
{
    constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min();
    const std::int64_t x = a.minor_units(), y = b.minor_units();
    if (a.digits() != b.digits() || (y > 0 && x > max_i64 - y) || (y < 0 && x < lo - y))
        return std::nullopt;
    return money(x + y, a.digits());
}

std::optional<money> checked_sub(money a, money b) noexcept
{
    constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min();
    const std::int64_t x = a.minor_units(), y = b.minor_units();
    if (a.digits() != b.digits() || (y < 0 && x > max_i64 + y) || (y > 0 && x < lo + y))
        return std::nullopt;
    return money(x - y, a.digits());
}

std::string ratio::to_decimal(unsigned places) const
{
    if (numerator < 0 || denominator <= 0)
        return {};
    const auto den = static_cast<std::uint64_t>(denominator);
    std::uint64_t whole = static_cast<std::uint64_t>(numerator) / den;
    std::uint64_t rest = static_cast<std::uint64_t>(numerator) % den;
    std::string fraction;
    // Long division one digit at a time: rest * 10 is built by repeated
    // modular addition so it never overflows, whatever the denominator.
    const auto next_digit = [&] {
        std::uint64_t acc = 0;
        char digit = '0';
        for (int i = 0; i < 10; ++i) {
            if (acc >= den - rest)
                ++digit;
            acc = add_mod(acc, rest, den);
        }
        rest = acc;
        return digit;
    };
    for (unsigned i = 0; i < places; ++i)
        fraction.push_back(next_digit());
    // Half up: round when the remainder is at least half the denominator.
    if (rest >= den - rest) {
        std::size_t i = fraction.size();
        for (; i > 0; --i) {
            if (fraction[i - 1] != '9') {
                ++fraction[i - 1];
                break;
            }
            fraction[i - 1] = '0';
        }
        if (i == 0)
            ++whole;
    }
    std::string out = std::to_string(whole);
    if (places > 0)
        out += "." + fraction;
    return out;
}

} // namespace v1
} // namespace kare
