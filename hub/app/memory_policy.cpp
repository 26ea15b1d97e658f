// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/memory_policy.hpp"

#include <cstdlib>
#include <string_view>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tidnav::app {
namespace {

// Large enough that no buffer of one call is mmapped (the largest, a merged
// answer of 4 x 1000 bookings, is ~5 MB) and no call's garbage is trimmed;
// 32 MiB is glibc's own upper bound for its adaptive mmap threshold.
constexpr int mmap_threshold_bytes = 32 * 1024 * 1024;
constexpr int trim_threshold_bytes = 256 * 1024 * 1024;

bool operator_set_malloc_tunables() {
  const char* t = std::getenv("GLIBC_TUNABLES");
  return t != nullptr && std::string_view(t).find("glibc.malloc.") != std::string_view::npos;
}

}  // namespace

memory_policy_result keep_freed_memory() {
  if (operator_set_malloc_tunables()) return {false, "malloc tunables from GLIBC_TUNABLES kept"};
#if defined(__GLIBC__)
  const bool ok = mallopt(M_MMAP_THRESHOLD, mmap_threshold_bytes) == 1 &&
                  mallopt(M_TRIM_THRESHOLD, trim_threshold_bytes) == 1;
  if (!ok) return {false, "mallopt refused the thresholds; glibc defaults kept"};
  return {true, "malloc keeps freed memory (mmap threshold 32 MiB, trim threshold 256 MiB)"};
#else
  return {false, "not glibc: allocator defaults kept"};
#endif
}

}  // namespace tidnav::app
