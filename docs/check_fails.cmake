# The docs build's checks fail when they should, shown on a throwaway copy:
# kare.h and a page with a link, first clean (Doxygen and the link check
# pass), then with a function whose second parameter is undocumented, one
# with no parameter documented and one with no result documented (Doxygen
# must fail naming each), then with a link to a missing file (the link check
# must fail naming it). The tree itself is never touched.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/input/examples)
file(COPY ${SOURCE}/capi/include/kare/kare.h DESTINATION ${WORK}/input)
file(WRITE ${WORK}/input/examples/present.json "{}\n")
set(page "# A page\n\nSee [the example](examples/present.json).\n")

file(READ ${DOXYFILE} config)
string(APPEND config "
INPUT = ${WORK}/input
OUTPUT_DIRECTORY = ${WORK}/out
USE_MDFILE_AS_MAINPAGE =
STRIP_FROM_PATH = ${WORK}/input
STRIP_FROM_INC_PATH = ${WORK}/input
EXAMPLE_PATH = ${WORK}/input/examples
")
file(WRITE ${WORK}/Doxyfile "${config}")

# Clean: both pass (the example is copied where the page's link leads, as the docs target does).
file(WRITE ${WORK}/input/page.md "${page}")
file(READ ${WORK}/input/kare.h header)
execute_process(COMMAND ${DOXYGEN} ${WORK}/Doxyfile WORKING_DIRECTORY ${WORK}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "Doxygen failed on the clean copy:\n${err}")
endif()
file(COPY ${WORK}/input/examples DESTINATION ${WORK}/out/html)
execute_process(COMMAND ${PYTHON} ${LINKS} ${WORK}/out/html RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the link check failed on the clean copy:\n${err}")
endif()

# An undocumented parameter.
file(WRITE ${WORK}/input/kare.h "${header}
/// @brief A function added to the throwaway copy only.
/// @param plan The plan.
/// @return KARE_OK.
int kare_throwaway(const kare_plan *plan, int undocumented);
")
file(REMOVE_RECURSE ${WORK}/out)
execute_process(COMMAND ${DOXYGEN} ${WORK}/Doxyfile WORKING_DIRECTORY ${WORK}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "undocumented")
  message(FATAL_ERROR "Doxygen accepted an undocumented parameter, or failed for another reason (${rc}):\n${err}")
endif()
message("Doxygen refuses the undocumented parameter:\n${err}")

# A function documented without any @param (WARN_NO_PARAMDOC), and one
# whose result is undocumented.
function(refused declaration expected)
  file(WRITE ${WORK}/input/kare.h "${header}\n/// @brief A function added to the throwaway copy only.\n${declaration}")
  file(REMOVE_RECURSE ${WORK}/out)
  execute_process(COMMAND ${DOXYGEN} ${WORK}/Doxyfile WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(rc EQUAL 0 OR NOT err MATCHES "${expected}")
    message(FATAL_ERROR "Doxygen accepted a declaration it should refuse (${expected}), or failed for another reason (${rc}):\n${err}")
  endif()
  message("Doxygen refuses it: ${err}")
endfunction()
refused("/// @return KARE_OK.\nint kare_throwaway(const kare_plan *plan);\n"
        "parameters of member kare_throwaway are not documented")
refused("/// @param plan The plan.\nint kare_throwaway(const kare_plan *plan);\n"
        "return type of member kare_throwaway is not documented")

# A broken link.
file(WRITE ${WORK}/input/kare.h "${header}")
file(WRITE ${WORK}/input/page.md "${page}\nAnd [a missing one](examples/missing.json).\n")
file(REMOVE_RECURSE ${WORK}/out)
execute_process(COMMAND ${DOXYGEN} ${WORK}/Doxyfile WORKING_DIRECTORY ${WORK}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "Doxygen failed on the copy with a broken link:\n${err}")
endif()
file(COPY ${WORK}/input/examples DESTINATION ${WORK}/out/html)
execute_process(COMMAND ${PYTHON} ${LINKS} ${WORK}/out/html RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "examples/missing.json")
  message(FATAL_ERROR "the link check accepted a broken link, or failed for another reason (${rc}):\n${err}")
endif()
message("the link check refuses the broken link:\n${err}")
