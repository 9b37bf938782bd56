# kare import on an export whose second line never ends (5 MB of fields):
# refused at the row with the record limit, exit status 1, nothing written.
#   -DKARE=… -DSCRATCH=folder
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
# Fields of 1,000 bytes: under the field and column limits, over the record's.
string(REPEAT "x" 999 field)
string(REPEAT "${field}," 5000 fields)
file(WRITE ${SCRATCH}/companies.csv "Record ID,Company name,Company owner\n9001,${fields}\n")
execute_process(COMMAND ${KARE} import ${SCRATCH}/companies.csv --mapping hubspot --as-of 2026-11-23
                        -o ${SCRATCH}/plan.json
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "exit status ${status}, not 1: ${err}")
endif()
if(NOT err MATCHES "companies.csv, row 2, column [0-9]+: the row is longer than 4194304 bytes")
  message(FATAL_ERROR "unexpected message: ${err}")
endif()
if(EXISTS ${SCRATCH}/plan.json)
  message(FATAL_ERROR "a plan was written")
endif()
