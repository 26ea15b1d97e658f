// SPDX-License-Identifier: GPL-2.0-or-later
// A scripted plain-HTTP producer on 127.0.0.1:<ephemeral> for client tests that need
// byte-level misbehaviour (close mid-response, never answer, send 100 Continue...).
// Connections are served one at a time on a background thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "tests/support/raw_socket.hpp"

namespace tidnav::test {

class fake_producer {
 public:
  // Called once per accepted connection. `stopping` turns true when the producer is being
  // destroyed; scripts that wait must poll it (every wait in tests is bounded).
  using script = std::function<void(raw_socket& conn, const std::atomic<bool>& stopping)>;

  explicit fake_producer(script s);
  ~fake_producer();
  fake_producer(const fake_producer&) = delete;
  fake_producer& operator=(const fake_producer&) = delete;

  std::uint16_t port() const noexcept { return port_; }
  std::string url(const std::string& path = "/") const;
  int connections() const noexcept { return connections_.load(); }

 private:
  void run();

  script script_;
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

// A canned "HTTP/1.1 <status> OK" response with Content-Length.
std::string http_response(unsigned status, const std::string& body, bool keep_alive = true);

}  // namespace tidnav::test
