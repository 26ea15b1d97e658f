# SPDX-License-Identifier: GPL-2.0-or-later
# Compiler launcher, warnings and sanitizers, applied through tidnav_target_defaults().

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

add_library(tidnav_warnings INTERFACE)
target_compile_options(tidnav_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)

if(TIDNAV_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Hand-written targets get our warnings; generated gSOAP code does not.
function(tidnav_target_defaults target)
  target_link_libraries(${target} PRIVATE tidnav_warnings)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
