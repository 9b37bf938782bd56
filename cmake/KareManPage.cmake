# kare.1: the tool's man page, made from its own --help and --version by
# help2man, so it cannot drift from the tool; gzipped as Debian installs it.
find_program(KARE_HELP2MAN help2man)
if(NOT KARE_HELP2MAN)
  message(STATUS "help2man not found: no man page for kare (apt-get install help2man)")
  return()
endif()
set(KARE_MAN_PAGE ${PROJECT_BINARY_DIR}/man/kare.1.gz)
add_custom_command(OUTPUT ${KARE_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
  COMMAND ${KARE_HELP2MAN} --no-info --no-discard-stderr
          --name "decide, explain and review a KARE account plan"
          --output ${PROJECT_BINARY_DIR}/man/kare.1 $<TARGET_FILE:kare_cli>
  COMMAND gzip -9nf ${PROJECT_BINARY_DIR}/man/kare.1
  DEPENDS kare_cli
  COMMENT "Generating the kare(1) man page"
  VERBATIM)
add_custom_target(kare_man_page ALL DEPENDS ${KARE_MAN_PAGE})
install(FILES ${KARE_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
