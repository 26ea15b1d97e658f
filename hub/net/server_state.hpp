// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to hub/net: what a listener and its sessions share, and the session registry
// that graceful stop walks.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "hub/net/http_server.hpp"

namespace tidnav::net::detail {

// The non-template face of a session, callable from any thread.
class session_base {
 public:
  virtual ~session_base() = default;
  virtual void begin_stop() = 0;            // finish the current request, then close
  virtual void force_close() = 0;           // close now
  virtual void deliver(response r) = 0;     // the handler's answer
  virtual void deliver_dropped() = 0;       // every responder copy died unanswered
};

struct responder_state {
  explicit responder_state(std::weak_ptr<session_base> s) : session(std::move(s)) {}
  ~responder_state();

  // Weak: the registry owns open sessions, so a responder kept past server shutdown
  // cannot keep a socket (and its io_context) alive.
  std::weak_ptr<session_base> session;
  std::atomic<bool> done{false};
};

struct server_state {
  server_state(server_options o, handler h) : options(std::move(o)), on_request(std::move(h)) {}

  const server_options options;
  const handler on_request;
  server_stats stats;
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> next_connection_id{1};

  tls_context_ptr current_tls() const;
  void set_tls(tls_context_ptr ctx);

  // Takes a connection slot; false (and nothing taken) when max_connections is reached.
  bool try_reserve_slot();
  // Registers an accepted session (its slot was reserved).
  void add(std::uint64_t id, std::shared_ptr<session_base> s);
  // Drops the registry's reference and frees the slot; idempotent.
  void remove(std::uint64_t id);
  std::vector<std::shared_ptr<session_base>> snapshot() const;
  // Waits until no session is registered or `deadline` passes; true when empty.
  bool wait_empty_until(std::chrono::steady_clock::time_point deadline);
  std::size_t size() const;
  // Drops every registered session (after the io threads have stopped).
  void clear();

  void log(log_line& line) const { line.emit(options.log); }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::unordered_map<std::uint64_t, std::shared_ptr<session_base>> sessions_;
  tls_context_ptr tls_;
};

}  // namespace tidnav::net::detail
