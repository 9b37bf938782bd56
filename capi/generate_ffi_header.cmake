# Writes kare_ffi.h: the declarations of kare.h as FFI parsers read them (PHP's
# FFI::cdef, LuaJIT's ffi.cdef, Python's cffi, Node's koffi), that is typedefs,
# enums and prototypes only, without macros, attributes, include guards or
# comments. One top-level declaration per line (enums and structs one member
# per line), so that a few lines of any language can also read it.
#
# The C preprocessor does the work, so the file follows kare.h as it grows:
# with -undef no compiler is recognised, KARE_API and every other portability
# macro take their plain, empty branch, and __cplusplus is unset. System
# headers are left out: FFI parsers know size_t and the <stdint.h> types.
#
#   cmake -DCC=<C compiler> -DHEADER=kare.h -DOUTPUT=kare_ffi.h -P generate_ffi_header.cmake
cmake_minimum_required(VERSION 3.22)
foreach(_required CC HEADER OUTPUT)
  if(NOT DEFINED ${_required})
    message(FATAL_ERROR "generate_ffi_header.cmake needs -D${_required}=")
  endif()
endforeach()

file(READ ${HEADER} _text)
string(REGEX REPLACE "#[ \t]*include[ \t]*<[^>\n]*>" "" _text "${_text}")
set(_input ${OUTPUT}.in.c)
file(WRITE ${_input} "${_text}")
get_filename_component(_header_dir ${HEADER} DIRECTORY)
execute_process(
  COMMAND ${CC} -E -P -undef -x c -I ${_header_dir}/.. ${_input}
  OUTPUT_VARIABLE _plain ERROR_VARIABLE _errors RESULT_VARIABLE _rc)
file(REMOVE ${_input})
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "preprocessing ${HEADER} failed:\n${_errors}")
endif()

# Tokens, then lines: a newline after each top-level ';', members indented.
# ';' '[' ']' mean something in a CMake list: they travel as '@' '`' '$',
# characters C declarations never hold.
string(REPLACE ";" "@" _plain "${_plain}")
string(REPLACE "[" "`" _plain "${_plain}")
string(REPLACE "]" "$" _plain "${_plain}")
string(REGEX MATCHALL "[A-Za-z_][A-Za-z0-9_]*|[0-9][A-Za-z0-9_]*|\"[^\"]*\"|[^ \t\r\n]"
  _tokens "${_plain}")
set(_out "")
set(_depth 0)
set(_previous "")
foreach(_token IN LISTS _tokens)
  if(_token STREQUAL "}")
    math(EXPR _depth "${_depth} - 1")
    string(APPEND _out "\n}")
  elseif(_previous STREQUAL "" OR _previous STREQUAL "\n")
    string(APPEND _out "${_token}")
  elseif(_previous MATCHES "^[{,@]$" AND _depth GREATER 0)
    string(APPEND _out "\n    ${_token}")
  elseif(_token MATCHES "^[,@)`$]$" OR _previous MATCHES "^[(*`]$"
         OR (_token STREQUAL "(" AND _previous MATCHES "^[A-Za-z_]")
         OR (_previous STREQUAL "-" AND _token MATCHES "^[0-9]"))
    string(APPEND _out "${_token}")
  else()
    string(APPEND _out " ${_token}")
  endif()
  if(_token STREQUAL "{")
    math(EXPR _depth "${_depth} + 1")
  endif()
  if(_token STREQUAL "@" AND _depth EQUAL 0)
    string(APPEND _out "\n")
    set(_previous "\n")
  else()
    set(_previous "${_token}")
  endif()
endforeach()
if(NOT _depth EQUAL 0)
  message(FATAL_ERROR "unbalanced braces in ${HEADER}")
endif()

string(REPLACE "@" ";" _out "${_out}")
string(REPLACE "`" "[" _out "${_out}")
string(REPLACE "$" "]" _out "${_out}")

# Rewritten only when it changes, so nothing that reads it rebuilds for nothing.
file(WRITE ${OUTPUT}.new "${_out}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.new ${OUTPUT})
file(REMOVE ${OUTPUT}.new)
