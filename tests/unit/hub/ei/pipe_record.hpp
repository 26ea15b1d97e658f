// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The kill -9 durability tests: a child process writes one fixed-size record
// per acknowledged Update to a pipe; the parent reads whole records.

#include <poll.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <type_traits>

namespace tidnav::ei::test {

/// Reads one whole `T`; false at EOF, on a read error, or when nothing came
/// within `timeout_ms`.
template <class T>
bool read_record(int fd, T& out, int timeout_ms) {
  static_assert(std::is_trivially_copyable_v<T>);
  char buf[sizeof(T)];
  std::size_t got = 0;
  while (got < sizeof buf) {
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, timeout_ms) <= 0) return false;
    const ssize_t n = ::read(fd, buf + got, sizeof buf - got);
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  std::memcpy(&out, buf, sizeof out);
  return true;
}

}  // namespace tidnav::ei::test
