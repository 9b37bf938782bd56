# Builds one component's consumer against the installed kare with Boost's
# CMake package hidden (find_package(Boost) finds nothing), then runs it.
# EXPECT=build: it must configure, build and run; EXPECT=needs-boost: the
# configuration must fail, and say that Boost is what is missing.
include(${CMAKE_CURRENT_LIST_DIR}/extract_readme.cmake)
file(REMOVE_RECURSE ${WORK})
file(COPY ${SOURCE}/ DESTINATION ${WORK}/src)
kare_extract_readme_block(${README} c ${WORK}/src/readme_example.c)
kare_extract_readme_block(${README} cpp ${WORK}/src/readme_example.cpp)

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${WORK}/src -B ${WORK}/build -G "${GENERATOR}"
          -DKARE_COMPONENT=${COMPONENT} -DCMAKE_PREFIX_PATH=${PREFIX}
          -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON --no-warn-unused-cli
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(EXPECT STREQUAL "needs-boost")
  if(rc EQUAL 0 OR NOT err MATCHES "Boost")
    message(FATAL_ERROR "component ${COMPONENT} configured without Boost or failed for another reason:\n${out}\n${err}")
  endif()
  message("component ${COMPONENT} asks for Boost, as its link interface needs:\n${err}")
  return()
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "component ${COMPONENT} without Boost: configuration failed\n${out}\n${err}")
endif()
if(out MATCHES "Boost" OR err MATCHES "Boost")
  message(FATAL_ERROR "component ${COMPONENT} looked for Boost:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/build
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "component ${COMPONENT}: build failed\n${out}\n${err}")
endif()
# The examples open docs/examples/… relative to the repository root.
get_filename_component(root ${EXAMPLE} DIRECTORY)
get_filename_component(root ${root}/../.. ABSOLUTE)
execute_process(COMMAND ${WORK}/build/consumer WORKING_DIRECTORY ${root}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "EVR-005")
  message(FATAL_ERROR "component ${COMPONENT} consumer: ${rc}\n${out}\n${err}")
endif()
