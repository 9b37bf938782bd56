# The golden outputs of tests/cli/golden/cases.txt.
#   -DKARE=… -DEXAMPLES=… -DGOLDEN=… [-DCASE=name]
# With CASE: runs that case and fails unless its output equals the kept file
# byte for byte. Without: runs every case and rewrites the kept files.
file(STRINGS ${GOLDEN}/cases.txt _lines REGEX "^[^#]")
foreach(_line ${_lines})
  string(REPLACE " " ";" _words "${_line}")
  list(POP_FRONT _words _name _plan _command)
  if(DEFINED CASE AND NOT _name STREQUAL CASE)
    continue()
  endif()
  execute_process(COMMAND ${KARE} ${_command} ${EXAMPLES}/${_plan} --as-of 2026-11-23 ${_words}
    RESULT_VARIABLE _status OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _status EQUAL 0)
    message(FATAL_ERROR "${_name}: exit status ${_status}\n${_err}")
  endif()
  if(DEFINED CASE)
    file(READ ${GOLDEN}/${_name} _expected)
    if(NOT _out STREQUAL _expected)
      file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/${_name} "${_out}")
      message(FATAL_ERROR "${_name}: the output differs from ${GOLDEN}/${_name}; "
        "see ${CMAKE_CURRENT_BINARY_DIR}/${_name}")
    endif()
    return()
  endif()
  file(WRITE ${GOLDEN}/${_name} "${_out}")
endforeach()
if(DEFINED CASE)
  message(FATAL_ERROR "no golden case '${CASE}'")
endif()
