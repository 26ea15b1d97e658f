// SPDX-License-Identifier: GPL-2.0-or-later
// Runs actions a fixed time after they were queued, on one thread of its own, so that a
// simulated slow producer never blocks an io thread. The delay is the same for every
// action, so due times arrive in order and a FIFO is enough.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace tidnav::bench {

class delay_queue {
 public:
  explicit delay_queue(std::chrono::milliseconds delay);
  // Runs what is still queued at once, then joins.
  ~delay_queue();
  delay_queue(const delay_queue&) = delete;
  delay_queue& operator=(const delay_queue&) = delete;

  void push(std::function<void()> action);

 private:
  using clock = std::chrono::steady_clock;
  struct entry {
    clock::time_point due;
    std::function<void()> action;
  };
  void run();

  const std::chrono::milliseconds delay_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<entry> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tidnav::bench
