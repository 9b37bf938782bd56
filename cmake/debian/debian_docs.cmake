# Runs inside CPack once every component is staged, before the .deb files are
# made: gives each package what Debian asks of it that cmake --install has no
# business installing (/usr/share/doc/<package>/copyright, changelog.Debian.gz
# and lintian overrides).
foreach(_component IN LISTS CPACK_COMPONENTS_ALL)
  string(TOUPPER ${_component} _upper)
  set(_package ${CPACK_DEBIAN_${_upper}_PACKAGE_NAME})
  set(_root ${CPACK_TEMPORARY_DIRECTORY}/${_component})
  if(NOT IS_DIRECTORY ${_root})
    message(FATAL_ERROR "no staged component at ${_root}")
  endif()
  set(_doc ${_root}${CPACK_PACKAGING_INSTALL_PREFIX}/share/doc/${_package})
  file(MAKE_DIRECTORY ${_doc})
  file(COPY_FILE ${CPACK_KARE_DEBIAN_COPYRIGHT} ${_doc}/copyright)
  execute_process(COMMAND gzip -9nc ${CPACK_KARE_DEBIAN_CHANGELOG}
    OUTPUT_FILE ${_doc}/changelog.Debian.gz RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "gzip failed on ${CPACK_KARE_DEBIAN_CHANGELOG}")
  endif()
  file(STRINGS ${CPACK_KARE_DEBIAN_LINTIAN_OVERRIDES} _overrides REGEX "^${_package}: ")
  if(_overrides)
    set(_dir ${_root}${CPACK_PACKAGING_INSTALL_PREFIX}/share/lintian/overrides)
    file(MAKE_DIRECTORY ${_dir})
    list(JOIN _overrides "\n" _overrides)
    file(WRITE ${_dir}/${_package} "${_overrides}\n")
  endif()
endforeach()
