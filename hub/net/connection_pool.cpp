// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/connection_pool.hpp"

#include <vector>

#include "hub/net/client_connection.hpp"

namespace tidnav::net::detail {

connection_pool::connection_pool(std::size_t max_idle_per_key, std::chrono::milliseconds idle_timeout,
                                 client_stats& stats)
    : max_idle_(max_idle_per_key), idle_timeout_(idle_timeout), stats_(stats) {}

connection_pool::~connection_pool() { close_all(true); }

std::unique_ptr<client_connection> connection_pool::acquire(const std::string& key) {
  std::vector<std::unique_ptr<client_connection>> dead;  // closed outside the lock
  std::unique_ptr<client_connection> found;
  {
    const std::lock_guard lock(mu_);
    const auto it = idle_.find(key);
    if (it == idle_.end()) return nullptr;
    auto& q = it->second;
    const auto oldest_ok = std::chrono::steady_clock::now() - idle_timeout_;
    // LIFO: the most recently used connection is the least likely to have been closed
    // by the producer's own keep-alive timer.
    while (!q.empty() && !found) {
      auto c = std::move(q.back());
      q.pop_back();
      if (c->idle_since >= oldest_ok && c->looks_alive())
        found = std::move(c);
      else
        dead.push_back(std::move(c));
    }
    if (q.empty()) idle_.erase(it);
  }
  stats_.stale_discarded += dead.size();
  return found;
}

void connection_pool::release(const std::string& key, std::unique_ptr<client_connection> conn) {
  if (!conn) return;
  conn->idle_since = std::chrono::steady_clock::now();
  {
    const std::lock_guard lock(mu_);
    if (!closed_ && max_idle_ > 0) {
      auto& q = idle_[key];
      if (q.size() < max_idle_) {
        q.push_back(std::move(conn));
        return;
      }
    }
  }
  conn->close();
}

std::size_t connection_pool::sweep() {
  std::vector<std::unique_ptr<client_connection>> expired;
  {
    const std::lock_guard lock(mu_);
    const auto oldest_ok = std::chrono::steady_clock::now() - idle_timeout_;
    for (auto it = idle_.begin(); it != idle_.end();) {
      auto& q = it->second;
      // Front is the least recently parked.
      while (!q.empty() && q.front()->idle_since < oldest_ok) {
        expired.push_back(std::move(q.front()));
        q.pop_front();
      }
      it = q.empty() ? idle_.erase(it) : std::next(it);
    }
  }
  return expired.size();
}

void connection_pool::close_all(bool final) {
  std::unordered_map<std::string, list> all;
  {
    const std::lock_guard lock(mu_);
    all.swap(idle_);
    if (final) closed_ = true;
  }
}

std::size_t connection_pool::idle_count() const {
  const std::lock_guard lock(mu_);
  std::size_t n = 0;
  for (const auto& [key, q] : idle_) n += q.size();
  return n;
}

}  // namespace tidnav::net::detail
