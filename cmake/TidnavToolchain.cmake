# SPDX-License-Identifier: GPL-2.0-or-later
# Compiler launcher, warnings and sanitizers, applied through tidnav_target_defaults().

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

# RelWithDebInfo (the default) keeps line tables only (-g1): backtraces and perf
# still show file:line, and a clean build costs ~40% less CPU than with -g
# (hub/net/http_session.cpp: 62 s -> 38 s). -DTIDNAV_FULL_DEBUG_INFO=ON, or a
# Debug build, for gdb with locals.
option(TIDNAV_FULL_DEBUG_INFO "Full debug info (-g) in RelWithDebInfo builds" OFF)
if(NOT TIDNAV_FULL_DEBUG_INFO)
  string(REGEX REPLACE "(^| )-g( |$)" "\\1-g1\\2" CMAKE_CXX_FLAGS_RELWITHDEBINFO "${CMAKE_CXX_FLAGS_RELWITHDEBINFO}")
endif()

# LLVM's linker: a test suite links in 0.6 s instead of 2.9 s with GNU ld
# (test_adapter_cosmic, 2026-12-07), and a clean build links ~40 executables.
option(TIDNAV_USE_LLD "Link with ld.lld when it is installed (scripts/bootstrap.sh installs it)" ON)
find_program(TIDNAV_LLD ld.lld)
if(TIDNAV_USE_LLD AND TIDNAV_LLD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  add_link_options(-fuse-ld=lld)
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
