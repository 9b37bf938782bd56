# docs/images/kare-map.svg is the picture docs/review.md shows: it must be
# exactly what `kare map` draws for the bundled example today, so the docs
# never show an older renderer.
#   cmake -DKARE=… -DPLAN=… -DAS_OF=… -DIMAGE=… -DOUT=… -P check_docs_image.cmake
execute_process(COMMAND ${KARE} map ${PLAN} --as-of ${AS_OF} -o ${OUT}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kare map failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${IMAGE} ${OUT} RESULT_VARIABLE differs)
if(NOT differs EQUAL 0)
  message(FATAL_ERROR "${IMAGE} is not what kare map draws now (${OUT}).\n"
    "If the rendering change is intended, refresh the picture and commit it:\n"
    "  ${KARE} map ${PLAN} --as-of ${AS_OF} -o ${IMAGE}")
endif()
message("${IMAGE} is up to date")
