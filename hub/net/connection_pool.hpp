// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to hub/net: idle keep-alive connections, keyed by producer
// (scheme + host + port + TLS context). Thread-safe; Beast-free header.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "hub/net/net_stats.hpp"

namespace tidnav::net::detail {

class client_connection;

class connection_pool {
 public:
  connection_pool(std::size_t max_idle_per_key, std::chrono::milliseconds idle_timeout, client_stats& stats);
  ~connection_pool();

  // Most recently used live connection for `key`, or null. Expired or dead candidates
  // (see client_connection::looks_alive) are closed on the way and counted as stale.
  std::unique_ptr<client_connection> acquire(const std::string& key);

  // Parks a connection whose last response allowed keep-alive; closes it when the key
  // already holds max_idle_per_key connections or the pool is closed.
  void release(const std::string& key, std::unique_ptr<client_connection> conn);

  // Closes connections idle longer than idle_timeout; returns how many.
  std::size_t sweep();

  // Closes everything; with `final`, later release() calls close instead of parking.
  void close_all(bool final = false);

  std::size_t idle_count() const;

 private:
  using list = std::deque<std::unique_ptr<client_connection>>;

  const std::size_t max_idle_;
  const std::chrono::milliseconds idle_timeout_;
  client_stats& stats_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, list> idle_;
  bool closed_ = false;
};

}  // namespace tidnav::net::detail
