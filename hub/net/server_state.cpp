// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/server_state.hpp"

namespace tidnav::net {
namespace detail {

responder_state::~responder_state() {
  if (!done.exchange(true))
    if (auto s = session.lock()) s->deliver_dropped();
}

tls_context_ptr server_state::current_tls() const {
  const std::lock_guard lock(mu_);
  return tls_;
}

void server_state::set_tls(tls_context_ptr ctx) {
  const std::lock_guard lock(mu_);
  tls_ = std::move(ctx);
}

bool server_state::try_reserve_slot() {
  if (stats.connections_active.fetch_add(1, std::memory_order_relaxed) >= options.limits.max_connections) {
    stats.connections_active.fetch_sub(1, std::memory_order_relaxed);
    return false;
  }
  return true;
}

void server_state::add(std::uint64_t id, std::shared_ptr<session_base> s) {
  const std::lock_guard lock(mu_);
  sessions_.emplace(id, std::move(s));
}

void server_state::remove(std::uint64_t id) {
  std::shared_ptr<session_base> dying;  // released outside the lock
  {
    const std::lock_guard lock(mu_);
    const auto it = sessions_.find(id);
    if (it == sessions_.end()) return;
    dying = std::move(it->second);
    sessions_.erase(it);
    stats.connections_active.fetch_sub(1, std::memory_order_relaxed);
  }
  cv_.notify_all();
}

std::vector<std::shared_ptr<session_base>> server_state::snapshot() const {
  const std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<session_base>> out;
  out.reserve(sessions_.size());
  for (const auto& [id, s] : sessions_) out.push_back(s);
  return out;
}

bool server_state::wait_empty_until(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return cv_.wait_until(lock, deadline, [this] { return sessions_.empty(); });
}

void server_state::clear() {
  std::unordered_map<std::uint64_t, std::shared_ptr<session_base>> dying;
  {
    const std::lock_guard lock(mu_);
    dying.swap(sessions_);
    stats.connections_active.fetch_sub(dying.size(), std::memory_order_relaxed);
  }
  cv_.notify_all();
}

std::size_t server_state::size() const {
  const std::lock_guard lock(mu_);
  return sessions_.size();
}

}  // namespace detail

responder::responder(std::shared_ptr<detail::responder_state> state) noexcept : state_(std::move(state)) {}

bool responder::operator()(unsigned status, header_list headers, std::string body) const {
  return (*this)(response{status, std::move(headers), std::move(body), false});
}

bool responder::operator()(response r) const {
  if (!state_ || state_->done.exchange(true)) return false;
  if (auto s = state_->session.lock()) s->deliver(std::move(r));
  return true;
}

bool responder::responded() const noexcept { return !state_ || state_->done.load(); }

}  // namespace tidnav::net
