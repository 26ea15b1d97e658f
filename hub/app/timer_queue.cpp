// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/timer_queue.hpp"

namespace tidnav::app {

timer_queue::timer_queue() : thread_([this] { run(); }) {}

timer_queue::~timer_queue() { stop(); }

void timer_queue::at(clock::time_point when, std::function<void()> fn) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    due_.emplace(when, std::move(fn));
  }
  cv_.notify_one();
}

void timer_queue::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    due_.clear();
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void timer_queue::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (due_.empty()) {
      cv_.wait(lock);
      continue;
    }
    const auto next = due_.begin()->first;
    if (clock::now() < next) {
      cv_.wait_until(lock, next);
      continue;
    }
    auto fn = std::move(due_.begin()->second);
    due_.erase(due_.begin());
    lock.unlock();
    fn();
    lock.lock();
  }
}

}  // namespace tidnav::app
