# Builds the Debian packages with CPack and holds them to what a Debian
# maintainer checks: four packages, each file in the right one, and lintian
# with no error and no warning beyond those overridden (and justified) in
# cmake/debian/lintian-overrides. Without lintian, the contents are still checked.
set(packages ${BUILD}/packages)
file(REMOVE_RECURSE ${packages})
execute_process(COMMAND ${CPACK} -G DEB WORKING_DIRECTORY ${BUILD}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${out}\n${err}")
endif()

function(package_file name out)
  file(GLOB found ${packages}/${name}_*.deb)
  list(LENGTH found n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected one ${name} package, found: ${found}")
  endif()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

# Each package: what it must hold and what it must not.
set(libkare1_has "/lib/${MULTIARCH}/libkare.so.1 -> libkare.so.1.0.0" "/lib/${MULTIARCH}/libkare.so.1.0.0"
  "/share/doc/libkare1/copyright" "/share/doc/libkare1/changelog.Debian.gz")
set(libkare1_lacks "libkare.so " "/include/" "/bin/")
set(libkare-dev_has "/include/kare/kare.h" "/include/kare/kare_ffi.h" "/include/kare/plan.hpp"
  "/lib/${MULTIARCH}/libkare.so -> libkare.so.1" "/lib/${MULTIARCH}/cmake/kare/kareConfig.cmake"
  "/lib/${MULTIARCH}/cmake/kare/kare-c-targets.cmake" "/lib/${MULTIARCH}/pkgconfig/kare.pc"
  "/share/doc/libkare-dev/copyright")
set(libkare-dev_lacks "/bin/" "libkare.so.1.0.0")
set(kare_has "/usr/bin/kare" "/share/man/man1/kare.1.gz" "/share/doc/kare/README.md"
  "/share/doc/kare/copyright" "/share/doc/kare/changelog.Debian.gz")
set(kare_lacks "/lib/" "/include/")
set(python3-kare_has "/lib/python3/dist-packages/kare/plan.py" "/lib/python3/dist-packages/kare/_installed.py"
  "/share/doc/python3-kare/copyright")
set(python3-kare_lacks "libkare.so" "/bin/")

set(debs)
foreach(name libkare1 libkare-dev kare python3-kare)
  package_file(${name} deb)
  list(APPEND debs ${deb})
  execute_process(COMMAND ${DPKG_DEB} -c ${deb} OUTPUT_VARIABLE contents)
  foreach(expected IN LISTS ${name}_has)
    string(FIND "${contents}" "${expected}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${name} lacks ${expected}:\n${contents}")
    endif()
  endforeach()
  foreach(unexpected IN LISTS ${name}_lacks)
    string(FIND "${contents}" "${unexpected}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${name} holds ${unexpected}:\n${contents}")
    endif()
  endforeach()
  execute_process(COMMAND ${DPKG_DEB} -f ${deb} Package Version Depends OUTPUT_VARIABLE fields)
  message("${deb}\n${fields}")
endforeach()

# The runtime package depends on runtime libraries only, never on a -dev package.
package_file(libkare1 runtime)
execute_process(COMMAND ${DPKG_DEB} -f ${runtime} Depends OUTPUT_VARIABLE depends)
if(depends MATCHES "-dev" OR NOT depends MATCHES "libc6")
  message(FATAL_ERROR "libkare1 depends on: ${depends}")
endif()
# Its shlibs file names it, and an ldconfig trigger follows its installation.
execute_process(COMMAND ${DPKG_DEB} -I ${runtime} shlibs OUTPUT_VARIABLE shlibs)
if(NOT shlibs MATCHES "^libkare 1 libkare1 \\(>= ")
  message(FATAL_ERROR "libkare1's shlibs file: '${shlibs}'")
endif()
execute_process(COMMAND ${DPKG_DEB} -I ${runtime} triggers OUTPUT_VARIABLE triggers)
if(NOT triggers MATCHES "activate-noawait ldconfig")
  message(FATAL_ERROR "libkare1 has no ldconfig trigger: '${triggers}'")
endif()

if(NOT LINTIAN)
  message("lintian not found: the packages' contents were checked, not their policy")
  return()
endif()
execute_process(COMMAND ${LINTIAN} --fail-on error,warning --display-info --no-tag-display-limit ${debs}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("lintian:\n${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lintian reports errors or warnings (fix them, or override one in cmake/debian/lintian-overrides with the reason)")
endif()
