// SPDX-License-Identifier: GPL-2.0-or-later
// The clock of an open loop, run on the load generator's own io threads.
//
// A separate scheduler thread costs two thread switches per request (its own wake-up,
// then waking the io thread it hands the send to); on the 2-core project machine that
// kept the direct leg from sustaining even half of its closed-loop maximum. A timer on
// the io_context that hub/net's io_threads exposes for sharing wakes the thread that
// sends anyway, so the send happens in the same wake-up. This is the one place where
// tools/bench uses Asio directly, and only for a timer; all networking stays in hub/net.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

#include "hub/net/io_threads.hpp"

namespace tidnav::bench {

class schedule_timer {
 public:
  using clock = std::chrono::steady_clock;
  // Called for request i, due at `due`, on an io thread, once `due` has passed.
  // Returning false ends the schedule.
  using due_fn = std::function<bool(std::uint64_t i, clock::time_point due)>;
  // Called exactly once, on an io thread, when the schedule has ended for any reason.
  using end_fn = std::function<void()>;

  explicit schedule_timer(net::io_threads& io);
  // Requires the schedule to have ended (or never started).
  ~schedule_timer();
  schedule_timer(const schedule_timer&) = delete;
  schedule_timer& operator=(const schedule_timer&) = delete;

  // Request i is due at start + i * interval.
  void start(clock::time_point start, double interval_ns, due_fn on_due, end_fn on_end);
  // Ends the schedule soon, without waiting for the next due time.
  void stop();

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace tidnav::bench
