# Layers the build enforces. Each library compiles against an include "view"
# that holds only the headers it may use: a folder of symbolic links in the
# build tree. A face that includes "store/store.hpp", or a rule that includes
# anything of src/, does not compile (tests/layering proves it).

# og_view(<name> <spec>...): the view ${OG_LAYERS}/<name>. A spec "core" links
# the folder src/core (or rules/ for "rules") whole; "store/*.hpp" links the
# headers directly in src/store, one by one, and not its subfolders.
set(OG_LAYERS ${CMAKE_BINARY_DIR}/layers)
function(og_view name)
  set(root ${OG_LAYERS}/${name})
  file(REMOVE_RECURSE ${root})
  foreach(spec ${ARGN})
    if(spec STREQUAL "rules")
      set(source ${PROJECT_SOURCE_DIR}/rules)
    else()
      set(source ${PROJECT_SOURCE_DIR}/src/${spec})
    endif()
    if(spec MATCHES "\\*")
      get_filename_component(dir ${spec} DIRECTORY)
      file(GLOB headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${spec})
      file(MAKE_DIRECTORY ${root}/${dir})
      foreach(header ${headers})
        get_filename_component(file ${header} NAME)
        file(CREATE_LINK ${header} ${root}/${dir}/${file} SYMBOLIC)
      endforeach()
    else()
      get_filename_component(parent ${root}/${spec} DIRECTORY)
      file(MAKE_DIRECTORY ${parent})
      file(CREATE_LINK ${source} ${root}/${spec} SYMBOLIC)
    endif()
  endforeach()
endfunction()
