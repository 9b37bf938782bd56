# kare format -o PLAN in place, as the issues found it unsafe: a private plan
# must stay private, a symlinked plan must stay a link to its updated file, a
# link planted where a fixed temporary name would be must not be followed, and
# nothing may be left beside the plan.
#   -DKARE=… -DEXAMPLE=plan.json -DSCRATCH=folder
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
file(READ ${EXAMPLE} canonical)

function(run_format target)
  execute_process(COMMAND ${KARE} format ${target} -o ${target} RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "kare format ${target} failed (${status}): ${err}")
  endif()
endfunction()

function(mode_of file out)
  execute_process(COMMAND stat -c %a ${file} OUTPUT_VARIABLE mode OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(${out} ${mode} PARENT_SCOPE)
endfunction()

# A mode-600 plan stays 600.
configure_file(${EXAMPLE} ${SCRATCH}/private.json COPYONLY)
file(CHMOD ${SCRATCH}/private.json PERMISSIONS OWNER_READ OWNER_WRITE)
# A link planted at the name the tool once used for its temporary file.
file(WRITE ${SCRATCH}/victim.txt "untouched")
file(CREATE_LINK victim.txt ${SCRATCH}/private.json.kare-tmp SYMBOLIC)
run_format(${SCRATCH}/private.json)
mode_of(${SCRATCH}/private.json mode)
if(NOT mode STREQUAL "600")
  message(FATAL_ERROR "private.json is now mode ${mode}, not 600")
endif()
file(READ ${SCRATCH}/victim.txt victim)
if(NOT victim STREQUAL "untouched")
  message(FATAL_ERROR "the planted link was followed")
endif()
file(REMOVE ${SCRATCH}/private.json.kare-tmp ${SCRATCH}/victim.txt)

# A symlinked plan: the link stays, its file is rewritten.
configure_file(${EXAMPLE} ${SCRATCH}/real.json COPYONLY)
file(CREATE_LINK real.json ${SCRATCH}/link.json SYMBOLIC)
run_format(${SCRATCH}/link.json)
if(NOT IS_SYMLINK ${SCRATCH}/link.json)
  message(FATAL_ERROR "link.json was replaced by a regular file")
endif()
file(READ ${SCRATCH}/real.json written)
if(NOT written STREQUAL canonical)
  message(FATAL_ERROR "real.json was not rewritten in canonical form")
endif()

# Nothing else is left in the folder.
file(GLOB left RELATIVE ${SCRATCH} ${SCRATCH}/*)
list(SORT left)
if(NOT left STREQUAL "link.json;private.json;real.json")
  message(FATAL_ERROR "files left behind: ${left}")
endif()
