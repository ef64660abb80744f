# The library's layers. Each layer is an OBJECT library with an explicit
# source list that links only the layers below it. Its headers are reached
# through an include directory of its own in the build tree
# (build/layers/<name>/) that holds one symbolic link, named as the folder is
# named in #include lines ("corpus" -> src/corpus, "metrics/bleu" ->
# metrics/bleu). A layer's compile line has its own directory and those of
# the layers it links, so an #include of a layer above it, or of one it does
# not link, fails to compile (tests/layering checks that it does). The
# public headers a layer owns (include/mteval/*.h, PUBLIC_HEADERS) are linked
# into the same directory as mteval/<name>.h, so <mteval/...> includes obey
# the same rule.
#
#   mteval_layer(NAME name DIR folder SOURCES a.cc b.cc ... [PUBLIC_HEADERS x.h ...]
#                [DEPENDS lower ...] [LIBS dep ...])
#
# DIR is relative to the project root. LIBS are third-party targets or
# libraries the layer uses itself.
set(MTEVAL_LAYERS "" CACHE INTERNAL "the library's layers, bottom first")

function(mteval_layer)
  cmake_parse_arguments(L "" "NAME;DIR" "SOURCES;PUBLIC_HEADERS;DEPENDS;LIBS" ${ARGN})
  set(target mteval_${L_NAME})
  list(TRANSFORM L_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/${L_DIR}/)
  add_library(${target} OBJECT ${L_SOURCES})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  string(REGEX REPLACE "^src/" "" link_name "${L_DIR}")
  set(farm ${CMAKE_BINARY_DIR}/layers/${L_NAME})
  get_filename_component(link_parent ${farm}/${link_name} DIRECTORY)
  file(MAKE_DIRECTORY ${link_parent})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${L_DIR} ${farm}/${link_name} SYMBOLIC)
  foreach(header ${L_PUBLIC_HEADERS})
    set(header_path ${PROJECT_SOURCE_DIR}/include/mteval/${header})
    if(NOT EXISTS ${header_path})
      set(header_path ${CMAKE_BINARY_DIR}/generated/mteval/${header})  # configured, e.g. version.h
    endif()
    file(MAKE_DIRECTORY ${farm}/mteval)
    file(CREATE_LINK ${header_path} ${farm}/mteval/${header} SYMBOLIC)
    set_property(GLOBAL APPEND PROPERTY MTEVAL_PUBLIC_HEADER_FILES ${header_path})
  endforeach()
  target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${farm}>)
  foreach(dep ${L_DEPENDS})
    target_link_libraries(${target} PUBLIC mteval_${dep})
  endforeach()
  if(L_LIBS)
    target_link_libraries(${target} PUBLIC ${L_LIBS})
  endif()
  set(MTEVAL_LAYERS ${MTEVAL_LAYERS} ${L_NAME} CACHE INTERNAL "")
endfunction()
