# Install rules, by component (one Debian package each, cmake/KarePackaging.cmake):
# runtime: libkare.so.1; development: headers (kare_ffi.h for FFI parsers
# among them), the libkare.so link, the static C++ library, the CMake package
# (components c and cpp), the pkg-config file; cli: the tool, its man page
# and the docs; python: the Python package.
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/kare DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development)
install(FILES ${PROJECT_SOURCE_DIR}/capi/include/kare/kare.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kare COMPONENT development)
if(KARE_FFI_HEADER)
  install(FILES ${KARE_FFI_HEADER} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kare
    COMPONENT development)
endif()

install(TARGETS kare_c EXPORT kare-c-targets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# The C++ library: every static layer there is (kare_core below kare_cpp when
# the core stands apart). Its package component looks for Boost and Threads
# only if these targets' link interface names them.
set(_kare_cpp_targets)
foreach(_t kare_core kare_cpp)
  if(TARGET ${_t})
    list(APPEND _kare_cpp_targets ${_t})
  endif()
endforeach()
install(TARGETS ${_kare_cpp_targets} EXPORT kare-cpp-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(_kare_cpp_links)
set(KARE_CPP_EXPORT_NAMES)
foreach(_t IN LISTS _kare_cpp_targets)
  get_target_property(_links ${_t} INTERFACE_LINK_LIBRARIES)
  list(APPEND _kare_cpp_links ${_links})
  get_target_property(_name ${_t} EXPORT_NAME)
  list(APPEND KARE_CPP_EXPORT_NAMES kare::${_name})
endforeach()
list(JOIN KARE_CPP_EXPORT_NAMES ", " KARE_CPP_EXPORT_NAMES)
set(KARE_CPP_NEEDS_BOOST FALSE)
set(KARE_CPP_NEEDS_THREADS FALSE)
set(KARE_CPP_DEPENDENCIES_TEXT "nothing")
if("${_kare_cpp_links}" MATCHES "Boost::")
  set(KARE_CPP_NEEDS_BOOST TRUE)
  set(KARE_CPP_DEPENDENCIES_TEXT "Boost.JSON")
endif()
if("${_kare_cpp_links}" MATCHES "Threads::")
  set(KARE_CPP_NEEDS_THREADS TRUE)
endif()
set(KARE_BOOST_MIN_VERSION 1.81)
if(TARGET kare_cli)
  install(TARGETS kare_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
  include(KareManPage)
endif()

set(KARE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kare)
foreach(_set c cpp)
  install(EXPORT kare-${_set}-targets NAMESPACE kare:: DESTINATION ${KARE_CMAKE_DIR}
    FILE kare-${_set}-targets.cmake COMPONENT development)
endforeach()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/kareConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kareConfig.cmake INSTALL_DESTINATION ${KARE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kareConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kareConfig.cmake ${PROJECT_BINARY_DIR}/kareConfigVersion.cmake
  DESTINATION ${KARE_CMAKE_DIR} COMPONENT development)

# From the .pc file's folder back to the prefix (lib/pkgconfig or lib/<triplet>/pkgconfig).
file(RELATIVE_PATH KARE_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" KARE_PC_TO_PREFIX "${KARE_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/kare.pc.in ${PROJECT_BINARY_DIR}/kare.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kare.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT development)

# The Python package, beside a note of where libkare lies relative to it, so
# that an installed tree finds its own library wherever the prefix is.
file(RELATIVE_PATH KARE_PYTHON_TO_LIBDIR /prefix/${KARE_INSTALL_PYTHONDIR}/kare
  /prefix/${CMAKE_INSTALL_LIBDIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/_installed.py.in
  ${PROJECT_BINARY_DIR}/python/_installed.py @ONLY)
# _version.py with the number written in, as the wheel has it: the checkout's
# reads include/kare/version.hpp, which is not beside an installed package.
configure_file(${PROJECT_SOURCE_DIR}/bindings/python/build_backend/_version.py.in
  ${PROJECT_BINARY_DIR}/python/_version.py @ONLY)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/python/kare DESTINATION ${KARE_INSTALL_PYTHONDIR}
  COMPONENT python PATTERN "__pycache__" EXCLUDE PATTERN "*.pyc" EXCLUDE
  PATTERN "_version.py" EXCLUDE)
install(FILES ${PROJECT_BINARY_DIR}/python/_installed.py ${PROJECT_BINARY_DIR}/python/_version.py
  DESTINATION ${KARE_INSTALL_PYTHONDIR}/kare COMPONENT python)

# The docs as the repository lays them out (README.md above docs/, the PHP
# and Node bindings beside them), so every relative link in them resolves in
# the installed tree too (consumer.installed_doc_links checks).
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT cli)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
  COMPONENT cli FILES_MATCHING PATTERN "*.md" PATTERN "*.json" PATTERN "*.svg" PATTERN "*.c"
  PATTERN "*.csv")
foreach(_binding php node)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/${_binding} DESTINATION ${CMAKE_INSTALL_DOCDIR}/bindings
    COMPONENT cli PATTERN "tests" EXCLUDE PATTERN "test" EXCLUDE PATTERN "node_modules" EXCLUDE)
endforeach()
# The API reference, when the docs target has made it.
install(DIRECTORY ${PROJECT_BINARY_DIR}/docs/html DESTINATION ${CMAKE_INSTALL_DOCDIR}
  COMPONENT development OPTIONAL)

include(KarePackaging)
