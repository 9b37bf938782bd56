# Runs CPack and checks the .deb's contents.
execute_process(COMMAND cpack -G DEB WORKING_DIRECTORY ${BUILD} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${out}\n${err}")
endif()
file(GLOB debs ${BUILD}/packages/*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one .deb, found: ${debs}")
endif()
execute_process(COMMAND ${DPKG_DEB} -c ${debs} OUTPUT_VARIABLE contents)
foreach(expected "lib/libkare.so.1 -> libkare.so" "include/kare/kare.h" "include/kare/kare_ffi.h"
                 "include/kare/plan.hpp"
                 "lib/cmake/kare/kareConfig.cmake" "lib/pkgconfig/kare.pc" "bin/kare"
                 "kare/_installed.py" "kare/plan.py")
  string(FIND "${contents}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the .deb lacks ${expected}:\n${contents}")
  endif()
endforeach()
execute_process(COMMAND ${DPKG_DEB} -f ${debs} Depends OUTPUT_VARIABLE depends)
message("${debs}\nDepends: ${depends}")
