// SPDX-License-Identifier: GPL-2.0-or-later
// The producer a benchmark runs against (`tidnav bench serve`): mutual TLS, and every
// POST answered 200 with the same body, optionally after a fixed delay. It does as little
// as possible per request so that the measured differences belong to what sits in front.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "hub/net/http_server.hpp"

namespace tidnav::bench {

class delay_queue;

struct producer_options {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;
  std::string cert, key, ca;      // server certificate and key; CA for client certificates
  std::string response;           // empty: default_response()
  std::chrono::milliseconds delay{0};
  std::size_t io_threads = 1;
};

class fixed_producer {
 public:
  // Throws net::tls_error for unusable certificates.
  explicit fixed_producer(producer_options options);
  ~fixed_producer();
  fixed_producer(const fixed_producer&) = delete;
  fixed_producer& operator=(const fixed_producer&) = delete;

  void start();  // throws std::system_error when the address cannot be bound
  std::uint16_t port() const;
  void stop();
  const net::server_stats& stats() const noexcept;

 private:
  std::string response_;
  std::unique_ptr<delay_queue> delays_;  // null without --delay-ms
  std::unique_ptr<net::http_server> server_;
};

}  // namespace tidnav::bench
