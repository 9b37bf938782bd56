# docs/import.md, "A first import": the recipe's commands, run as written in a
# copy of docs/examples/first-import, give the plan and the output the page
# promises.
#   -DKARE=path/to/kare -DDOC=docs/import.md -DEXAMPLE=docs/examples/first-import -DSCRATCH=dir
file(READ ${DOC} doc)
string(FIND "${doc}" "<!-- first-import recipe" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${DOC}: no first-import recipe")
endif()
string(SUBSTRING "${doc}" ${at} -1 rest)
string(REGEX MATCH "```sh\n([^`]*)```" block "${rest}")
string(REGEX REPLACE "\n$" "" commands "${CMAKE_MATCH_1}")
string(REPLACE "\n" ";" commands "${commands}")
list(LENGTH commands count)
if(count GREATER 5 OR count EQUAL 0)
  message(FATAL_ERROR "the recipe has ${count} commands; at most five")
endif()
# The summary the page shows after the recipe.
string(REGEX MATCH "The import says what it read, skipped and derived:\n\n```\n([^`]*)```" shown "${rest}")
set(promised_summary "${CMAKE_MATCH_1}")

file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
file(GLOB files ${EXAMPLE}/*)
file(COPY ${files} DESTINATION ${SCRATCH})

set(step 0)
foreach(line IN LISTS commands)
  math(EXPR step "${step} + 1")
  if(NOT line MATCHES "^kare ")
    message(FATAL_ERROR "step ${step} is not a kare command: ${line}")
  endif()
  string(REGEX REPLACE "^kare " "" line "${line}")
  separate_arguments(args UNIX_COMMAND "${line}")
  execute_process(COMMAND ${KARE} ${args} WORKING_DIRECTORY ${SCRATCH}
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "step ${step} (kare ${line}) exited ${status}:\n${err}")
  endif()
  set(out_${step} "${out}")
endforeach()

function(expect step pattern)
  if(NOT out_${step} MATCHES "${pattern}")
    message(FATAL_ERROR "step ${step}: no match for '${pattern}' in:\n${out_${step}}")
  endif()
endfunction()

# 1: every opportunity imported or skipped with its reason, as the page shows.
if(NOT out_1 STREQUAL promised_summary)
  message(FATAL_ERROR "the import's summary is not the one docs/import.md shows:\n${out_1}")
endif()
expect(1 "sales_pipeline.csv: deals, 64 rows: 54 added, 0 updated, 10 skipped")
# 2: recent wins in Keep or Expand, lapsed in Recapture, never won in Attain.
expect(2 "KEEP \\(5\\).*EXPAND \\(3\\).*ATTAIN \\(2\\).*RECAPTURE \\(2\\).*Unassigned \\(0\\)")
# 3: the open pipeline at list prices, not 0.00.
expect(3 "whole team +21 +121,928\\.00")
# 4: a quarter later, two clients lapsed.
expect(4 "move\\.client_lapsed.*Gogozoom.*move\\.client_lapsed.*Hottechi")
# 5: both moves accepted, recorded in the plan.
expect(5 "accepted move\\.client_lapsed: Gogozoom from keep to recapture on 2018-06-30\naccepted move\\.client_lapsed: Hottechi from expand to recapture on 2018-06-30\n")
execute_process(COMMAND ${KARE} report plan.json --as-of 2018-06-30 WORKING_DIRECTORY ${SCRATCH}
  RESULT_VARIABLE status OUTPUT_VARIABLE after)
if(NOT status EQUAL 0 OR NOT after MATCHES "RECAPTURE \\(4\\)" OR after MATCHES "move\\.client_lapsed")
  message(FATAL_ERROR "after accepting, the review is not what the recipe promises:\n${after}")
endif()
