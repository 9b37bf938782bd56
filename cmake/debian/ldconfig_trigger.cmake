# Runs inside CPack after the packages are made: the shared library's package
# gets Debian's ldconfig trigger in place of the postinst and postrm that CPack
# writes to call ldconfig, and is rebuilt with dpkg-deb.
find_program(_dpkg_deb dpkg-deb REQUIRED)
foreach(_deb IN LISTS CPACK_PACKAGE_FILES)
  get_filename_component(_name ${_deb} NAME)
  if(NOT _name MATCHES "^${CPACK_KARE_DEBIAN_LIBRARY_PACKAGE}_.*\\.deb$")
    continue()
  endif()
  set(_tree ${CPACK_TOPLEVEL_DIRECTORY}/ldconfig-trigger)
  file(REMOVE_RECURSE ${_tree})
  execute_process(COMMAND ${_dpkg_deb} --raw-extract ${_deb} ${_tree} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb could not unpack ${_deb}")
  endif()
  file(REMOVE ${_tree}/DEBIAN/postinst ${_tree}/DEBIAN/postrm)
  file(WRITE ${_tree}/DEBIAN/triggers "activate-noawait ldconfig\n")
  execute_process(COMMAND ${_dpkg_deb} --root-owner-group --build ${_tree} ${_deb}
    RESULT_VARIABLE _rc OUTPUT_QUIET)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb could not rebuild ${_deb}")
  endif()
  file(REMOVE_RECURSE ${_tree})
endforeach()
