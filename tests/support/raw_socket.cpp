// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/raw_socket.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace tidnav::test {
namespace {

using clock = std::chrono::steady_clock;

int remaining_ms(clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

// One bounded recv: >0 bytes, 0 on orderly close, -1 on timeout or error.
long recv_some(int fd, char* buf, std::size_t len, clock::time_point deadline) {
  pollfd p{fd, POLLIN, 0};
  const int ready = ::poll(&p, 1, remaining_ms(deadline));
  if (ready <= 0) return -1;
  const ssize_t n = ::recv(fd, buf, len, 0);
  if (n < 0) return errno == ECONNRESET ? 0 : -1;  // a reset is also "closed"
  return n;
}

}  // namespace

raw_socket::raw_socket(std::uint16_t port, const char* host) {
  const bool v6 = std::strchr(host, ':') != nullptr;
  fd_ = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return;
  int rc = -1;
  if (v6) {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(port);
    ::inet_pton(AF_INET6, host, &a.sin6_addr);
    rc = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
  } else {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    ::inet_pton(AF_INET, host, &a.sin_addr);
    rc = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
  }
  if (rc != 0) close();
}

raw_socket::~raw_socket() { close(); }

void raw_socket::close() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool raw_socket::send_all(std::string_view data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::send(fd_, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::string raw_socket::read_until_closed(std::chrono::milliseconds timeout, bool* closed) {
  const auto deadline = clock::now() + timeout;
  std::string out;
  char buf[4096];
  if (closed) *closed = false;
  for (;;) {
    const long n = recv_some(fd_, buf, sizeof buf, deadline);
    if (n == 0) {
      if (closed) *closed = true;
      return out;
    }
    if (n < 0) return out;
    out.append(buf, static_cast<std::size_t>(n));
  }
}

std::string raw_socket::read_http_message(std::chrono::milliseconds timeout) {
  const auto deadline = clock::now() + timeout;
  std::string out;
  char buf[4096];
  std::size_t need = std::string::npos;
  for (;;) {
    if (need == std::string::npos) {
      if (const auto end = out.find("\r\n\r\n"); end != std::string::npos) {
        std::size_t length = 0;
        for (const char* name : {"Content-Length:", "content-length:"})
          if (const auto p = out.find(name); p != std::string::npos && p < end)
            length = std::strtoul(out.c_str() + p + std::strlen(name), nullptr, 10);
        need = end + 4 + length;
      }
    }
    if (need != std::string::npos && out.size() >= need) return out;
    const long n = recv_some(fd_, buf, sizeof buf, deadline);
    if (n == 0) return out;
    if (n < 0) return {};
    out.append(buf, static_cast<std::size_t>(n));
  }
}

std::uint16_t unused_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);  // never listened on: connects get ECONNREFUSED
  return ntohs(a.sin_port);
}

}  // namespace tidnav::test
