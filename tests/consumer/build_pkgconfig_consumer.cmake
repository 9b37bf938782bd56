# Builds the README's C example with a plain Makefile and pkg-config, and runs it.
include(${CMAKE_CURRENT_LIST_DIR}/extract_readme.cmake)
file(REMOVE_RECURSE ${WORK})
file(COPY ${SOURCE}/Makefile DESTINATION ${WORK})
kare_extract_readme_block(${README} c ${WORK}/readme_example.c)
execute_process(COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${PREFIX}/${LIBDIR}/pkgconfig ${MAKE} -C ${WORK}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "make failed:\n${out}\n${err}")
endif()
get_filename_component(root ${EXAMPLE} DIRECTORY)
get_filename_component(root ${root}/../.. ABSOLUTE)
execute_process(COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${PREFIX}/${LIBDIR} ${WORK}/c_consumer
  WORKING_DIRECTORY ${root} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "EVR-005 is placed at 5")
  message(FATAL_ERROR "pkg-config consumer: ${rc}\n${out}\n${err}")
endif()
