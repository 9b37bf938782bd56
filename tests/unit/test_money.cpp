#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <kare/error.hpp>
#include <kare/money.hpp>

#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;

namespace {



struct parse_case {
    const char* text;
    unsigned digits;
    std::int64_t minor;
    const char* canonical;
};

std::ostream& operator<<(std::ostream& os, const parse_case& c)
{
    return os << '"' << c.text << "\" /" << c.digits;
}

std::vector<parse_case> good_amounts()
{
    return {
        {"125000.00", 2, 12500000, "125000.00"},
        {"125000", 2, 12500000, "125000.00"},
        {"125000.5", 2, 12500050, "125000.50"},
        {"0.01", 2, 1, "0.01"},
        {"0", 2, 0, "0.00"},
        {"-0", 2, 0, "0.00"},
        {"-0.50", 2, -50, "-0.50"},
        {"007.10", 2, 710, "7.10"},
        {"125000", 0, 125000, "125000"},
        {"1.234", 3, 1234, "1.234"},
        {"1.2", 4, 12000, "1.2000"},
        {"92233720368547758.07", 2, std::numeric_limits<std::int64_t>::max(), "92233720368547758.07"},
        {"-92233720368547758.08", 2, std::numeric_limits<std::int64_t>::min(), "-92233720368547758.08"},
        {"9223372036854775807", 0, std::numeric_limits<std::int64_t>::max(), "9223372036854775807"},
    };
}

struct bad_case {
    const char* text;
    unsigned digits;
};

std::ostream& operator<<(std::ostream& os, const bad_case& c)
{
    return os << '"' << c.text << "\" /" << c.digits;
}

std::vector<bad_case> bad_amounts()
{
    return {
        {"", 2},          {"-", 2},         {".5", 2},        {"5.", 2},
        {"1.005", 2},     {"1.5", 0},       {"1e5", 2},       {"+1", 2},
        {" 1", 2},        {"1 ", 2},        {"1,000", 2},     {"1.2.3", 2},
        {"--1", 2},       {"0x10", 2},      {"NaN", 2},       {"inf", 2},
        {"92233720368547758.08", 2},        {"-92233720368547758.09", 2},
        {"99999999999999999999", 0},        {"1", 10},        {"١", 2},
    };
}

} // namespace

BOOST_AUTO_TEST_SUITE(money)

BOOST_DATA_TEST_CASE(parses_exactly_and_formats_back, bdata::make(good_amounts()), c)
{
    const auto m = kare::money::parse(c.text, c.digits);
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->minor_units() == c.minor);
    BOOST_TEST(m->digits() == c.digits);
    BOOST_TEST(m->to_string() == c.canonical);
    const auto again = kare::money::parse(m->to_string(), c.digits);
    BOOST_TEST_REQUIRE(again.has_value());
    BOOST_TEST((*again == *m));
}

BOOST_DATA_TEST_CASE(refuses_what_is_not_an_exact_decimal, bdata::make(bad_amounts()), c)
{
    BOOST_TEST(!kare::money::parse(c.text, c.digits).has_value());
}

BOOST_AUTO_TEST_CASE(currency_digits_follow_iso_4217)
{
    BOOST_TEST(kare::currency_digits("USD") == 2U);
    BOOST_TEST(kare::currency_digits("EUR") == 2U);
    BOOST_TEST(kare::currency_digits("JPY") == 0U);
    BOOST_TEST(kare::currency_digits("KRW") == 0U);
    BOOST_TEST(kare::currency_digits("BHD") == 3U);
    BOOST_TEST(kare::currency_digits("KWD") == 3U);
    BOOST_TEST(kare::currency_digits("CLF") == 4U);
    BOOST_TEST(kare::currency_digits("ZZZ") == 2U);
    BOOST_TEST(kare::currency_digits("") == 2U);
}

BOOST_AUTO_TEST_CASE(sums_are_checked)
{
    const kare::money max = kare::money::from_minor(std::numeric_limits<std::int64_t>::max(), 2);
    const kare::money min = kare::money::from_minor(std::numeric_limits<std::int64_t>::min(), 2);
    const kare::money one = kare::money::from_minor(1, 2);
    BOOST_TEST(!kare::checked_add(max, one).has_value());
    BOOST_TEST(!kare::checked_sub(min, one).has_value());
    BOOST_TEST(!kare::checked_sub(one, min).has_value());
    BOOST_TEST(kare::checked_add(max, kare::money::from_minor(-1, 2))->minor_units() ==
               std::numeric_limits<std::int64_t>::max() - 1);
    BOOST_TEST(kare::checked_add(one, one)->to_string() == "0.02");
    BOOST_TEST(kare::checked_sub(one, kare::money::from_minor(3, 2))->to_string() == "-0.02");
    // Amounts of different currencies' digits never mix.
    BOOST_TEST(!kare::checked_add(one, kare::money::from_minor(1, 0)).has_value());
    BOOST_CHECK_THROW(kare::money::from_minor(1, 10), kare::error);
}

struct ratio_case {
    std::int64_t numerator;
    std::int64_t denominator;
    unsigned places;
    const char* text;
};

std::ostream& operator<<(std::ostream& os, const ratio_case& c)
{
    return os << c.numerator << '/' << c.denominator << " @" << c.places;
}

BOOST_DATA_TEST_CASE(ratios_are_written_exactly_rounded_half_up,
                     bdata::make(std::vector<ratio_case>{
                         {3, 8, 4, "0.3750"},
                         {2, 3, 4, "0.6667"},
                         {1, 3, 4, "0.3333"},
                         {0, 5, 4, "0.0000"},
                         {5, 5, 4, "1.0000"},
                         {1, 20000, 4, "0.0001"},  // exactly half a unit rounds up
                         {1, 20001, 4, "0.0000"},
                         {19999, 20000, 4, "1.0000"}, // the carry reaches the whole part
                         {7, 2, 0, "4"},
                         {std::numeric_limits<std::int64_t>::max() - 1,
                          std::numeric_limits<std::int64_t>::max(), 4, "1.0000"},
                         {std::numeric_limits<std::int64_t>::max() / 3,
                          std::numeric_limits<std::int64_t>::max(), 6, "0.333333"},
                         {1, 0, 4, ""},
                         {-1, 2, 4, ""},
                     }),
                     c)
{
    const kare::ratio r{c.numerator, c.denominator};
    BOOST_TEST(r.to_decimal(c.places) == c.text);
}

BOOST_AUTO_TEST_SUITE_END()
