// SPDX-License-Identifier: GPL-2.0-or-later
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

#include "hub/app/memory_policy.hpp"

using tidnav::app::keep_freed_memory;

namespace {

// Restores GLIBC_TUNABLES as it was, whatever the test set.
struct tunables_guard {
  bool had = false;
  std::string old;
  tunables_guard() {
    if (const char* v = std::getenv("GLIBC_TUNABLES")) {
      had = true;
      old = v;
    }
  }
  ~tunables_guard() {
    if (had) {
      setenv("GLIBC_TUNABLES", old.c_str(), 1);
    } else {
      unsetenv("GLIBC_TUNABLES");
    }
  }
};

}  // namespace

TEST_CASE("memory policy: the operator's malloc tunables win", "[memory_policy]") {
  tunables_guard guard;
  setenv("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1048576", 1);
  const auto r = keep_freed_memory();
  CHECK_FALSE(r.applied);
  CHECK(r.detail.find("GLIBC_TUNABLES") != std::string::npos);
}

TEST_CASE("memory policy: applied when no malloc tunable is set", "[memory_policy]") {
  tunables_guard guard;
  setenv("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX512F", 1);  // not a malloc tunable
  const auto r = keep_freed_memory();
#if defined(__GLIBC__)
  CHECK(r.applied);
  CHECK(r.detail.find("keeps freed memory") != std::string::npos);
#else
  CHECK_FALSE(r.applied);
#endif
}
