// The one main of the unit-test executable; suites live in test_*.cpp.
#define BOOST_TEST_MODULE kare
#include <boost/test/unit_test.hpp>
