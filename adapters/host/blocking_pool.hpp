// SPDX-License-Identifier: GPL-2.0-or-later
// A few threads for work that blocks (booking-system calls, SQLite fsyncs),
// so the server's io threads never wait on a backend or a disk. Jobs still
// queued at stop() are run before it returns.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tidnav::adapters::host {

class blocking_pool {
 public:
  explicit blocking_pool(std::size_t threads);
  ~blocking_pool();  // stop()
  blocking_pool(const blocking_pool&) = delete;
  blocking_pool& operator=(const blocking_pool&) = delete;

  // False after stop(): the job was not taken.
  bool post(std::function<void()> job);
  void stop();
  std::size_t queued() const;

 private:
  void run();

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tidnav::adapters::host
