// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// How the hub process keeps memory it has freed. glibc's defaults give freed
// memory back to the kernel eagerly (buffers over 128 KiB are mmapped and
// unmapped one by one; the heap is trimmed once 128 KiB is free at its top),
// so a burst of large, short-lived buffers (an aggregated call parses four
// unit answers of ~120 KB and writes a ~460 KB merged answer) pays a page
// fault for every 4 KiB page on every call. On the project's virtual machines
// that was 80% of the 1.1 aggregation merge (docs/performance.md).

#include <string>

namespace tidnav::app {

struct memory_policy_result {
  bool applied = false;
  std::string detail;  ///< one line for the start-up log
};

/// Raises glibc's trim and mmap thresholds so that the hub keeps freed memory
/// for reuse: its resident size stays at its peak instead of being handed back
/// after every call. Does nothing when the operator set malloc tunables in
/// GLIBC_TUNABLES (theirs win) or on a C library without mallopt.
/// Call once, early, before threads start.
memory_policy_result keep_freed_memory();

}  // namespace tidnav::app
