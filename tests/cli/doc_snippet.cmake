# A command's output a page of docs shows is what the tool prints: the
# ```text block after the line holding COMMAND in DOC must appear, byte for
# byte, in the GOLDEN output.
#   -DDOC=page.md -DCOMMAND="kare diff …" -DGOLDEN=golden/file.txt
file(READ ${DOC} page)
string(FIND "${page}" "${COMMAND}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${DOC} does not show '${COMMAND}'")
endif()
string(SUBSTRING "${page}" ${at} -1 page)
string(FIND "${page}" "```text\n" open)
if(open EQUAL -1)
  message(FATAL_ERROR "no ```text block after '${COMMAND}' in ${DOC}")
endif()
math(EXPR open "${open} + 8")
string(SUBSTRING "${page}" ${open} -1 page)
string(FIND "${page}" "```" close)
string(SUBSTRING "${page}" 0 ${close} snippet)
file(READ ${GOLDEN} output)
string(FIND "${output}" "${snippet}" found)
if(found EQUAL -1)
  message(FATAL_ERROR "the block after '${COMMAND}' in ${DOC} is not what the tool prints (${GOLDEN}):\n${snippet}")
endif()
