# KARE_INSTALL_PYTHONDIR: where cmake --install puts the Python package,
# relative to the prefix. Known before the tests are configured, since the
# consumer.python test imports the package from there.
if(NOT DEFINED KARE_INSTALL_PYTHONDIR)
  if(EXISTS /etc/debian_version)
    set(_kare_pythondir lib/python3/dist-packages) # Debian's place for all python3 versions
  else()
    find_package(Python3 COMPONENTS Interpreter QUIET)
    if(Python3_Interpreter_FOUND)
      set(_kare_pythondir lib/python${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}/site-packages)
    else()
      set(_kare_pythondir lib/python3/site-packages)
    endif()
  endif()
  set(KARE_INSTALL_PYTHONDIR ${_kare_pythondir} CACHE STRING
    "Where cmake --install puts the Python package kare, relative to the prefix")
endif()
