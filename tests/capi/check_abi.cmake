# Compares libkare with the committed ABI baseline (capi/abi). Added functions
# are compatible; a removed or changed function or variable fails. The
# baseline holds the handles as declarations only (target kare_abi_baseline),
# so their C++ layout is not compared, yet a parameter that turns into a
# pointer to another handle is. No suppressions: they would hide that too.
# Skips (77) without abidiff.
find_program(ABIDIFF abidiff)
if(NOT ABIDIFF)
  message("abidiff not found (Debian: abigail-tools): ABI check skipped")
  cmake_language(EXIT 77)
endif()
execute_process(COMMAND ${ABIDIFF} --exported-interfaces-only ${BASELINE} ${LIBRARY}
  RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE report)
# abidiff's status is a bit set: 1 error, 2 usage, 4 change, 8 incompatible change.
# A changed parameter type is only "change" to abidiff, so the summary decides.
math(EXPR failed "${rc} & 11")
if(report MATCHES "[1-9][0-9]* (Removed|Changed)")
  set(failed 1)
endif()
if(NOT failed EQUAL 0)
  message(FATAL_ERROR "libkare breaks the ABI of ${BASELINE} (abidiff status ${rc}):\n${report}\n"
    "If the break is intended, bump KARE_ABI_VERSION and regenerate the baseline "
    "(docs/embedding.md, 'Versions and ABI policy').")
endif()
message("${report}")
