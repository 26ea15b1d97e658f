// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/bench/delay_queue.hpp"

namespace tidnav::bench {

delay_queue::delay_queue(std::chrono::milliseconds delay) : delay_(delay), thread_([this] { run(); }) {}

delay_queue::~delay_queue() {
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void delay_queue::push(std::function<void()> action) {
  {
    const std::lock_guard lock(mu_);
    queue_.push_back({clock::now() + delay_, std::move(action)});
  }
  cv_.notify_one();
}

void delay_queue::run() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (queue_.empty()) {
      if (stopping_) return;
      cv_.wait(lock);
      continue;
    }
    if (!stopping_ && clock::now() < queue_.front().due) {
      cv_.wait_until(lock, queue_.front().due);
      continue;
    }
    auto action = std::move(queue_.front().action);
    queue_.pop_front();
    lock.unlock();
    action();
    lock.lock();
  }
}

}  // namespace tidnav::bench
