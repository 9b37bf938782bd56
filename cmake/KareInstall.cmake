# Install rules: headers (kare_ffi.h for FFI parsers among them), libkare.so
# (with its SONAME links), the static C++ core and adapters, the tool, a CMake package
# (kare::kare, kare::c), a pkg-config file, the Python package and the docs.
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/kare DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development)
install(FILES ${PROJECT_SOURCE_DIR}/capi/include/kare/kare.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kare COMPONENT development)
if(KARE_FFI_HEADER)
  install(FILES ${KARE_FFI_HEADER} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kare
    COMPONENT development)
endif()

install(TARGETS kare_c EXPORT kare-targets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS kare_core kare_cpp EXPORT kare-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET kare_cli)
  install(TARGETS kare_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()

set(KARE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kare)
install(EXPORT kare-targets NAMESPACE kare:: DESTINATION ${KARE_CMAKE_DIR}
  FILE kare-targets.cmake COMPONENT development)
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
install(DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/python/kare DESTINATION ${KARE_INSTALL_PYTHONDIR}
  COMPONENT python PATTERN "__pycache__" EXCLUDE PATTERN "*.pyc" EXCLUDE)
install(FILES ${PROJECT_BINARY_DIR}/python/_installed.py
  DESTINATION ${KARE_INSTALL_PYTHONDIR}/kare COMPONENT python)

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
  COMPONENT runtime FILES_MATCHING PATTERN "*.md" PATTERN "*.json" PATTERN "*.svg")

include(KarePackaging)
