// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/blocking_pool.hpp"

namespace tidnav::adapters::host {

blocking_pool::blocking_pool(std::size_t threads) {
  if (threads == 0) threads = 1;
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

blocking_pool::~blocking_pool() { stop(); }

bool blocking_pool::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return false;
    jobs_.push_back(std::move(job));
  }
  cv_.notify_one();
  return true;
}

void blocking_pool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

std::size_t blocking_pool::queued() const {
  std::lock_guard lock(mutex_);
  return jobs_.size();
}

void blocking_pool::run() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    try {
      job();
    } catch (...) {
      // A job reports its own failures; one that throws must not take the pool down.
    }
  }
}

}  // namespace tidnav::adapters::host
