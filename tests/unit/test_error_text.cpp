// What an error echoes of its input: escaped and bounded, whatever the input.
#include <boost/test/unit_test.hpp>

#include <kare/error.hpp>
#include <kare/json.hpp>

#include "fixtures.hpp"

#include <string>

using kare::detail::printable;
using kare::detail::quoted;

BOOST_AUTO_TEST_SUITE(error_text)

BOOST_AUTO_TEST_CASE(unprintable_characters_are_escaped)
{
    BOOST_TEST(printable("plain text, é and 日本", 100) == "plain text, é and 日本");
    BOOST_TEST(printable("red \x1b[31m", 100) == "red \\u001b[31m");
    BOOST_TEST(printable("tab\tnew\nline\x7f", 100) == "tab\\u0009new\\u000aline\\u007f");
    BOOST_TEST(printable("next\xc2\x85line", 100) == "next\\u0085line");            // C1
    BOOST_TEST(printable("abc\xe2\x80\xae" "cba", 100) == "abc\\u202ecba");         // right-to-left override
    BOOST_TEST(printable("a\xe2\x81\xa6" "b", 100) == "a\\u2066b");                  // bidi isolate
    BOOST_TEST(printable("zero\xe2\x80\x8bwidth", 100) == "zero\\u200bwidth");     // zero-width space
    BOOST_TEST(printable("\xef\xbb\xbf" "bom", 100) == "\\ufeffbom");
    BOOST_TEST(printable("bad \xff\xfe bytes \xc3", 100) == "bad \\xff\\xfe bytes \\xc3");
    BOOST_TEST(printable("over\xc0\xaflong", 100) == "over\\xc0\\xaflong");
    BOOST_TEST(printable("surrogate \xed\xa0\x80", 100) == "surrogate \\xed\\xa0\\x80");
}

BOOST_AUTO_TEST_CASE(long_input_is_cut_by_characters)
{
    const std::string key(10'000'000, 'k');
    const std::string q = quoted(key);
    BOOST_TEST(q == std::string(200, 'k') + "\xe2\x80\xa6 (10000000 bytes)");
    // Cut between characters, never inside one.
    std::string accents;
    for (int i = 0; i < 300; ++i)
        accents += "é";
    BOOST_TEST(quoted(accents) == [] {
        std::string s;
        for (int i = 0; i < 200; ++i)
            s += "é";
        return s + "\xe2\x80\xa6 (600 bytes)";
    }());
    BOOST_TEST(quoted("short") == "short");
}

BOOST_AUTO_TEST_CASE(every_error_is_bounded_and_escaped)
{
    const std::string huge(1'000'000, 'x');
    const kare::error e(kare::errc::invalid_plan, "unknown key '" + huge + "\x1b'", "a." + huge);
    BOOST_TEST(std::string(e.what()).size() < 1100u);
    BOOST_TEST(e.path().size() < 1100u);
    BOOST_TEST(std::string(e.what()).find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_huge_unknown_key_is_echoed_once_and_short)
{
    const std::string key(10'000'000, 'k');
    try {
        kare::read_plan("{\"format\":\"kare-plan\",\"version\":1,\"" + key + "\":1}");
        BOOST_FAIL("an unknown key was accepted");
    } catch (const kare::error& e) {
        BOOST_TEST(e.code() == kare::errc::invalid_plan);
        BOOST_TEST(std::string(e.what()).size() + e.path().size() < 600u);
    }
}

BOOST_AUTO_TEST_SUITE_END()
