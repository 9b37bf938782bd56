# Boost 1.81 or newer: Boost.JSON first appeared in 1.75, and Debian 12's
# unversioned Boost packages are 1.74.
set(_kare_boost_components json)
if(KARE_BUILD_TESTS)
  list(APPEND _kare_boost_components unit_test_framework)
endif()

find_package(Boost 1.81 CONFIG QUIET COMPONENTS ${_kare_boost_components})
if(NOT Boost_FOUND)
  message(FATAL_ERROR
    "kare needs Boost 1.81 or newer with Boost.JSON"
    " (and Boost.Test for the tests), which was not found.\n"
    "On Debian 12: sudo apt-get install libboost-json1.81-dev libboost-test1.81-dev\n"
    "(the unversioned libboost-*-dev packages are 1.74, too old for Boost.JSON).\n"
    "Elsewhere, point CMake at a Boost install with -DBoost_DIR=<prefix>/lib/cmake/Boost-1.81.0")
endif()
