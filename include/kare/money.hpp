/// @file
/// @brief Money: exact amounts in a currency's minor units, never binary
/// floating point.
#ifndef KARE_MONEY_HPP
#define KARE_MONEY_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kare {
inline namespace v1 {

/// Digits after the decimal point of an ISO 4217 currency: 0 for JPY or KRW,
/// 3 for BHD or KWD, 4 for CLF, and 2 for every other code (USD, EUR and any
/// code kare does not list).
/// @param code an ISO 4217 code such as `USD`
/// @return 0 to 4
unsigned currency_digits(std::string_view code) noexcept;

/// An amount of money: a whole number of minor units (cents for USD) and the
/// number of decimal digits those units carry.
///
/// The digits come from the plan's currency (`currency_digits`); every amount
/// of one plan has the same digits. Arithmetic is checked: a sum that would
/// not fit in 64 bits is refused, never wrapped.
class money {
public:
    /// The most decimal digits an amount may carry.
    static constexpr unsigned max_digits = 9;

    /// Zero with two decimal digits.
    constexpr money() noexcept = default;

    /// `minor` minor units with `digits` decimal digits.
    /// @throws error `invalid_argument` when `digits` exceeds `max_digits`.
    /// @param minor the amount in minor units, e.g. 12550 for 125.50 USD
    /// @param digits the currency's decimal digits, up to `max_digits`
    /// @return the amount
    static money from_minor(std::int64_t minor, unsigned digits);

    /// Parses a decimal string exactly: an optional `-`, one or more digits,
    /// then optionally `.` and one to `digits` digits (`"125000"`,
    /// `"125000.5"`, `"125000.50"`). No exponent, sign `+`, spaces or
    /// grouping; more fractional digits than the currency has is refused
    /// rather than rounded.
    /// @return The amount, or `std::nullopt` for any other text, for a value
    /// beyond 64-bit minor units, or when `digits` exceeds `max_digits`.
    /// @param text the decimal string
    /// @param digits the currency's decimal digits, up to `max_digits`
    static std::optional<money> parse(std::string_view text, unsigned digits) noexcept;

    /// The amount in minor units.
    /// @return e.g. 12550 for 125.50 USD
    constexpr std::int64_t minor_units() const noexcept { return minor_; }
    /// Decimal digits of the minor unit.
    /// @return 0 to `max_digits`
    constexpr unsigned digits() const noexcept { return digits_; }
    /// True below zero.
    /// @return whether the amount is below zero
    constexpr bool is_negative() const noexcept { return minor_ < 0; }

    /// The canonical decimal string, every fractional digit written:
    /// `"125000.00"` (2 digits), `"125000"` (0 digits), `"-0.50"`.
    /// `parse(to_string(), digits())` gives the same amount back.
    /// @return the decimal string
    std::string to_string() const;

    /// Equal when minor units and digits are equal.
    friend constexpr bool operator==(const money&, const money&) noexcept = default;

    /// `a + b`, or `std::nullopt` when the digits differ or the sum overflows.
    /// @param a an amount
    /// @param b an amount with the same digits
    /// @return the sum
    friend std::optional<money> checked_add(money a, money b) noexcept;
    /// `a - b`, or `std::nullopt` when the digits differ or the difference overflows.
    /// @param a an amount
    /// @param b an amount with the same digits
    /// @return the difference
    friend std::optional<money> checked_sub(money a, money b) noexcept;

private:
    constexpr money(std::int64_t minor, unsigned digits) noexcept : minor_(minor), digits_(digits) {}
    std::int64_t minor_ = 0;
    unsigned digits_ = 2;
};

/// `a + b`, or `std::nullopt` when the digits differ or the sum overflows.
/// @param a an amount
/// @param b an amount with the same digits
/// @return the sum
std::optional<money> checked_add(money a, money b) noexcept;

/// `a - b`, or `std::nullopt` when the digits differ or the difference overflows.
/// @param a an amount
/// @param b an amount with the same digits
/// @return the difference
std::optional<money> checked_sub(money a, money b) noexcept;

/// An exact ratio of two non-negative amounts (or counts), kept as integers so
/// nothing is lost to rounding.
struct ratio {
    std::int64_t numerator = 0;   ///< Top, at least 0.
    std::int64_t denominator = 1; ///< Bottom, above 0.

    /// The ratio as a decimal string with exactly `places` fractional digits,
    /// rounded half up: `{3, 8}` with 4 places is `"0.3750"`, `{2, 3}` is
    /// `"0.6667"`. Computed with integer arithmetic only.
    /// @param places fractional digits to write
    /// @return the decimal string
    std::string to_decimal(unsigned places) const;

    /// Equal when numerator and denominator are equal (not when the values are).
    friend bool operator==(const ratio&, const ratio&) = default;
};

} // namespace v1
} // namespace kare

#endif
