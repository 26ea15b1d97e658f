// SPDX-License-Identifier: GPL-2.0-or-later
// Blocking POSIX socket helpers for tests, every wait bounded by a timeout. Used to
// misbehave on purpose (slowloris, half-written responses) where a real client would not.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace tidnav::test {

using namespace std::chrono_literals;

// A connected loopback TCP socket (IPv4 127.0.0.1 unless host says otherwise).
class raw_socket {
 public:
  explicit raw_socket(std::uint16_t port, const char* host = "127.0.0.1");
  explicit raw_socket(int fd) noexcept : fd_(fd) {}
  ~raw_socket();
  raw_socket(raw_socket&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  raw_socket(const raw_socket&) = delete;
  raw_socket& operator=(const raw_socket&) = delete;

  bool connected() const noexcept { return fd_ >= 0; }
  int fd() const noexcept { return fd_; }
  bool send_all(std::string_view data);

  // Reads until the peer closes or `timeout` passes; `closed` tells which.
  std::string read_until_closed(std::chrono::milliseconds timeout, bool* closed = nullptr);
  // Reads one HTTP message head plus a Content-Length body (or until close); "" on timeout.
  std::string read_http_message(std::chrono::milliseconds timeout);
  void close() noexcept;

 private:
  int fd_ = -1;
};

// A TCP port on 127.0.0.1 that nothing listens on (bound, then released).
std::uint16_t unused_port();

}  // namespace tidnav::test
