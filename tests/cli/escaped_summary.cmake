# kare import echoes an export's cells in its summary (a skipped row's
# reason): a terminal code in a cell is printed escaped, never raw.
#   -DKARE=… -DIMPORT=docs/examples/import -DSCRATCH=folder
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
string(ASCII 27 esc)
file(READ ${IMPORT}/salesforce-tasks.csv tasks)
string(REPLACE "Leo Okafor,001A000003" "Leo Okafor,001${esc}[2J${esc}]0;owned" tasks "${tasks}")
file(WRITE ${SCRATCH}/tasks.csv "${tasks}")
execute_process(COMMAND ${KARE} import ${IMPORT}/salesforce-products.csv ${IMPORT}/salesforce-accounts.csv
                        ${SCRATCH}/tasks.csv --mapping salesforce --as-of 2026-11-23 --max-skipped 1
                        -o ${SCRATCH}/plan.json
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "exit status ${status}: ${err}")
endif()
if(out MATCHES "${esc}" OR err MATCHES "${esc}")
  message(FATAL_ERROR "a raw escape reached the terminal: ${out}")
endif()
if(NOT out MATCHES "the account '001\\\\u001b\\[2J\\\\u001b\\]0;owned' is not in the plan")
  message(FATAL_ERROR "the skipped row is not shown escaped: ${out}")
endif()
