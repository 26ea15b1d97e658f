// SPDX-License-Identifier: GPL-2.0-or-later
// A pool of threads running one io_context; shared by servers and clients so that a
// hub process has exactly one set of network threads.
#pragma once

#include <cstddef>
#include <memory>

namespace boost::asio {
class io_context;
}

namespace tidnav::net {

class io_threads {
 public:
  // count == 0 means std::thread::hardware_concurrency() (at least 1).
  explicit io_threads(std::size_t count = 0);
  // Stops and joins; see stop().
  ~io_threads();
  io_threads(const io_threads&) = delete;
  io_threads& operator=(const io_threads&) = delete;

  boost::asio::io_context& context() noexcept;
  std::size_t size() const noexcept;

  // Stops the io_context and joins the threads; idempotent. Pending handlers are dropped,
  // so owners drain their work first. Must not be called from one of these threads.
  void stop();

  // True when called from one of this pool's threads.
  bool in_io_thread() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace tidnav::net
