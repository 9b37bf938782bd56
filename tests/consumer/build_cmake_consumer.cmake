# Configures, builds and runs the CMake consumer against the installed kare.
include(${CMAKE_CURRENT_LIST_DIR}/extract_readme.cmake)
file(REMOVE_RECURSE ${WORK})
file(COPY ${SOURCE}/ DESTINATION ${WORK}/src)
kare_extract_readme_block(${README} cpp ${WORK}/src/readme_example.cpp)
kare_extract_readme_block(${README} c ${WORK}/src/readme_example.c)

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} -S ${WORK}/src -B ${WORK}/build -G "${GENERATOR}" -DCMAKE_PREFIX_PATH=${PREFIX})
run(${CMAKE_COMMAND} --build ${WORK}/build)
# The examples open docs/examples/… relative to the repository root.
get_filename_component(root ${EXAMPLE} DIRECTORY)
get_filename_component(root ${root}/../.. ABSOLUTE)
execute_process(COMMAND ${WORK}/build/cpp_consumer WORKING_DIRECTORY ${root} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "EVR-005\texpand")
  message(FATAL_ERROR "C++ consumer: ${rc}\n${out}\n${err}")
endif()
execute_process(COMMAND ${WORK}/build/c_consumer WORKING_DIRECTORY ${root} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "EVR-005 is placed at 5")
  message(FATAL_ERROR "C consumer: ${rc}\n${out}\n${err}")
endif()
