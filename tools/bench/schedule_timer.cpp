// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/bench/schedule_timer.hpp"

#include <cmath>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

namespace tidnav::bench {

namespace asio = boost::asio;

struct schedule_timer::impl : std::enable_shared_from_this<impl> {
  explicit impl(asio::io_context& ioc) : strand(asio::make_strand(ioc)), timer(strand) {}

  clock::time_point due(std::uint64_t i) const {
    return start + std::chrono::nanoseconds(std::llround(static_cast<double>(i) * interval_ns));
  }

  void arm() {
    timer.expires_at(due(next));
    timer.async_wait([self = shared_from_this()](boost::system::error_code ec) { self->fire(ec); });
  }

  // Everything due by now goes out in this wake-up, in schedule order.
  void fire(boost::system::error_code ec) {
    if (ended) return;
    if (ec || stopping) return end();
    const auto now = clock::now();
    while (due(next) <= now) {
      if (!on_due(next, due(next))) return end();
      ++next;
      if (stopping) return end();
    }
    arm();
  }

  void end() {
    if (ended) return;
    ended = true;
    auto cb = std::move(on_end);
    on_due = nullptr;
    if (cb) cb();
  }

  asio::strand<asio::io_context::executor_type> strand;
  asio::steady_timer timer;
  clock::time_point start;
  double interval_ns = 0;
  std::uint64_t next = 0;
  due_fn on_due;
  end_fn on_end;
  bool stopping = false;  // strand only
  bool ended = false;     // strand only
};

schedule_timer::schedule_timer(net::io_threads& io) : impl_(std::make_shared<impl>(io.context())) {}

schedule_timer::~schedule_timer() = default;

void schedule_timer::start(clock::time_point start, double interval_ns, due_fn on_due, end_fn on_end) {
  asio::post(impl_->strand, [self = impl_, start, interval_ns, on_due = std::move(on_due),
                             on_end = std::move(on_end)]() mutable {
    self->start = start;
    self->interval_ns = interval_ns;
    self->on_due = std::move(on_due);
    self->on_end = std::move(on_end);
    self->arm();
  });
}

void schedule_timer::stop() {
  asio::post(impl_->strand, [self = impl_] {
    self->stopping = true;
    self->timer.cancel();
    if (!self->on_due && !self->ended) return;  // not started: nothing to end
    self->end();
  });
}

}  // namespace tidnav::bench
