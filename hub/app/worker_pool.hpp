// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// A few threads for work that blocks (an fsync in the engagement index), so
// that io threads never wait on a disk. Jobs queued at stop() are still run.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tidnav::app {

class worker_pool {
 public:
  explicit worker_pool(std::size_t threads);
  ~worker_pool();
  worker_pool(const worker_pool&) = delete;
  worker_pool& operator=(const worker_pool&) = delete;

  void post(std::function<void()> job);
  /// Runs what is queued, then joins. Idempotent.
  void stop();

 private:
  void run();
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tidnav::app
