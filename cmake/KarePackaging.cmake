# CPack: Debian packages, one per install component, as a distribution splits
# a library:
#   libkare1      runtime  libkare.so.1 (SONAME) and its shlibs file
#   libkare-dev   development  headers (kare_ffi.h among them), libkare.so,
#                 the static C++ library, CMake and pkg-config files, API HTML
#   kare          cli      the command-line tool, its man page and the docs
#   python3-kare  python   the Python binding
# plus a -dbgsym package of split debug symbols for each package with
# binaries. Each package's copyright and changelog.Debian.gz are added by
# debian_docs.cmake while CPack stages it. Lintian checks the result
# (tests/packaging, overrides in cmake/debian/lintian-overrides).
set(CPACK_PACKAGE_NAME kare)
set(CPACK_PACKAGE_VENDOR "The kare authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's description below starts with its own synopsis line; CPack
# prepends this summary unless it is left at CPack's default.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_NAME} built using CMake")
set(CPACK_PACKAGE_CONTACT "kare maintainers <maintainers@kare.invalid>")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/docs/LICENSE.md)
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development python)
if(TARGET kare_cli)
  list(APPEND CPACK_COMPONENTS_ALL cli)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Upstream version, then the packaging revision.
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(KARE_DEBIAN_VERSION ${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://kare.invalid/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
# CPack splits each binary's debug symbols into <package>-dbgsym (a .ddeb)
# and strips what it packages; CPACK_STRIP_FILES would strip them first and
# leave nothing to split.

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libkare1)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
  "rules engine for KARE account planning - shared library
kare decides, explains and reviews a KARE account plan: every account is
Kept, Attained, Recaptured or Expanded, or deliberately fired.

This package holds the shared library with the stable C API (libkare.so.1).")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libkare-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
# The static C++ library is built against Boost.JSON's headers.
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
  "libkare1 (= ${KARE_DEBIAN_VERSION}), libboost-json1.81-dev")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
  "rules engine for KARE account planning - development files
kare decides, explains and reviews a KARE account plan: every account is
Kept, Attained, Recaptured or Expanded, or deliberately fired.

This package holds the C and C++ headers (kare_ffi.h for FFI parsers among
them), the static C++ library, the CMake package and pkg-config file, and
the API reference in HTML.")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME kare)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_DESCRIPTION
  "rules engine for KARE account planning - command-line tool
kare decides, explains and reviews a KARE account plan: every account is
Kept, Attained, Recaptured or Expanded, or deliberately fired.

This package holds the kare command: the KARE map, the honest pipeline,
cookbook progress, the plan review as text, JSON, SVG or HTML, and CSV
import from CRM exports.")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME python3-kare)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "python3:any, libkare1 (>= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_PYTHON_DESCRIPTION
  "rules engine for KARE account planning - Python 3 binding
kare decides, explains and reviews a KARE account plan: every account is
Kept, Attained, Recaptured or Expanded, or deliberately fired.

This package holds the Python 3 module kare, a thin binding over libkare.")

# Files Debian wants in every package (copyright, changelog.Debian.gz) are
# added to each staged package, not installed by cmake --install.
set(KARE_DEBIAN_DIR ${PROJECT_SOURCE_DIR}/cmake/debian)
configure_file(${KARE_DEBIAN_DIR}/changelog.in ${PROJECT_BINARY_DIR}/debian/changelog @ONLY)
set(CPACK_KARE_DEBIAN_CHANGELOG ${PROJECT_BINARY_DIR}/debian/changelog)
set(CPACK_KARE_DEBIAN_COPYRIGHT ${KARE_DEBIAN_DIR}/copyright)
set(CPACK_KARE_DEBIAN_LINTIAN_OVERRIDES ${KARE_DEBIAN_DIR}/lintian-overrides)
set(CPACK_PRE_BUILD_SCRIPTS ${KARE_DEBIAN_DIR}/debian_docs.cmake)
# CPack runs ldconfig from postinst and postrm; Debian wants the ldconfig
# trigger instead (lintian: maintscript-calls-ldconfig, lacks-ldconfig-trigger).
set(CPACK_POST_BUILD_SCRIPTS ${KARE_DEBIAN_DIR}/ldconfig_trigger.cmake)
set(CPACK_KARE_DEBIAN_LIBRARY_PACKAGE ${CPACK_DEBIAN_RUNTIME_PACKAGE_NAME})
include(CPack)
