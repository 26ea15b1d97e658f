// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// One thread that runs callbacks at deadlines (the aggregating services'
// overall deadline). Callbacks must be short; they run on the timer thread.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace tidnav::app {

class timer_queue {
 public:
  using clock = std::chrono::steady_clock;
  timer_queue();
  ~timer_queue();
  timer_queue(const timer_queue&) = delete;
  timer_queue& operator=(const timer_queue&) = delete;

  void at(clock::time_point when, std::function<void()> fn);
  /// Runs nothing more; pending callbacks are dropped. Idempotent.
  void stop();

 private:
  void run();
  std::mutex mutex_;
  std::condition_variable cv_;
  std::multimap<clock::time_point, std::function<void()>> due_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tidnav::app
