# The library's layers. Each layer is an OBJECT library with an explicit
# source list that links only the layers below it. Its headers are reached
# through an include directory of its own in the build tree
# (build/layers/<name>/) that holds one symbolic link, named as the folder is
# named in #include lines ("corpus" -> src/corpus, "metrics/bleu" ->
# metrics/bleu). A layer's compile line has its own directory and those of
# the layers it links, so an #include of a layer above it, or of one it does
# not link, fails to compile (tests/layering checks that it does).
#
#   mteval_layer(NAME name DIR folder SOURCES a.cc b.cc ... [DEPENDS lower ...] [LIBS dep ...])
#
# DIR is relative to the project root. LIBS are third-party targets or
# libraries the layer uses itself.
set(MTEVAL_LAYERS "" CACHE INTERNAL "the library's layers, bottom first")

function(mteval_layer)
  cmake_parse_arguments(L "" "NAME;DIR" "SOURCES;DEPENDS;LIBS" ${ARGN})
  set(target mteval_${L_NAME})
  list(TRANSFORM L_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/${L_DIR}/)
  add_library(${target} OBJECT ${L_SOURCES})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  string(REGEX REPLACE "^src/" "" link_name "${L_DIR}")
  set(farm ${CMAKE_BINARY_DIR}/layers/${L_NAME})
  get_filename_component(link_parent ${farm}/${link_name} DIRECTORY)
  file(MAKE_DIRECTORY ${link_parent})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${L_DIR} ${farm}/${link_name} SYMBOLIC)
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${farm}>
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>)
  foreach(dep ${L_DEPENDS})
    target_link_libraries(${target} PUBLIC mteval_${dep})
  endforeach()
  if(L_LIBS)
    target_link_libraries(${target} PUBLIC ${L_LIBS})
  endif()
  set(MTEVAL_LAYERS ${MTEVAL_LAYERS} ${L_NAME} CACHE INTERNAL "")
endfunction()
