// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/io_threads.hpp"

#include <algorithm>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

namespace tidnav::net {

struct io_threads::impl {
  explicit impl(std::size_t n) : ioc(static_cast<int>(n)), work(boost::asio::make_work_guard(ioc)) {}

  boost::asio::io_context ioc;
  // Keeps run() alive while no listener or call is pending.
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
};

io_threads::io_threads(std::size_t count) {
  if (count == 0) count = std::max(1u, std::thread::hardware_concurrency());
  impl_ = std::make_unique<impl>(count);
  impl_->threads.reserve(count);
  for (std::size_t i = 0; i < count; ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
}

io_threads::~io_threads() { stop(); }

boost::asio::io_context& io_threads::context() noexcept { return impl_->ioc; }

std::size_t io_threads::size() const noexcept { return impl_->threads.size(); }

void io_threads::stop() {
  impl_->work.reset();
  impl_->ioc.stop();
  for (auto& t : impl_->threads)
    if (t.joinable()) t.join();
}

bool io_threads::in_io_thread() const noexcept { return impl_->ioc.get_executor().running_in_this_thread(); }

}  // namespace tidnav::net
