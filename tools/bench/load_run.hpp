// SPDX-License-Identifier: GPL-2.0-or-later
// One load run against one URL over a fixed set of keep-alive connections.
//
// Closed loop: `connections` requests are outstanding at all times; each answer sends
// the next request on the same connection, and latency runs from that send.
// Open loop: requests are due on a fixed schedule (rate/s) whatever the answers do.
// Latency runs from the *scheduled* time, so when every connection is busy the wait
// for a free one is part of the latency (no coordinated omission); a schedule timer
// that fires late is reported as the generator falling behind.
//
// A request belongs to the measurement when it was sent (closed) or scheduled (open)
// after the warm-up and inside the duration; the run waits for all of them.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>

#include "hub/net/http_client.hpp"
#include "hub/net/io_threads.hpp"
#include "tools/bench/load_options.hpp"
#include "tools/bench/recorder.hpp"
#include "tools/bench/schedule_timer.hpp"

namespace tidnav::bench {

using bench_clock = std::chrono::steady_clock;

// Sent more than this after its scheduled time, an open-loop request counts as late.
inline constexpr std::chrono::milliseconds late_threshold{1};

struct run_result {
  tally outcomes;                 // measured requests only
  std::chrono::nanoseconds elapsed{0};  // measurement start -> last measured answer
  bool interrupted = false;       // stop() was called before the plan was done
  std::uint64_t connections_opened = 0;
  std::uint64_t connections_reused = 0;
  // Open loop only.
  std::uint64_t late_sends = 0;             // scheduler woke > late_threshold after the schedule
  std::chrono::nanoseconds max_send_lag{0};
  std::uint64_t waited_for_connection = 0;  // due while all connections were busy

  double requests_per_second() const noexcept;
};

struct run_progress {
  bool warming_up = false;
  std::chrono::nanoseconds since_start{0};
  std::chrono::nanoseconds elapsed{0};  // since the measurement started
  tally outcomes;
};

class load_run {
 public:
  // Throws net::tls_error or std::invalid_argument for unusable options.
  explicit load_run(load_options options);
  // Stops and waits (bounded by the request timeout) for requests in flight.
  ~load_run();
  load_run(const load_run&) = delete;
  load_run& operator=(const load_run&) = delete;

  void start();
  // True once every measured request has been answered or has failed.
  bool wait_for(std::chrono::nanoseconds timeout);
  // Sends nothing new; requests in flight still finish.
  void stop();

  run_progress progress() const;
  run_result result() const;  // complete after wait_for() returned true

 private:
  struct queued {
    bench_clock::time_point scheduled;
    bool measured;
  };

  bool keep_sending(bench_clock::time_point now, bool& measured);
  void send(bench_clock::time_point origin, bool measured);
  void on_answer(bench_clock::time_point origin, bool measured, const net::client_result& r);
  void next_closed();
  void next_open();
  bool on_due(bench_clock::time_point due);
  void submit_open(bench_clock::time_point scheduled, bool measured);
  void release();

  const load_options opts_;
  std::shared_ptr<net::io_threads> io_;  // shared by the client and the schedule timer
  net::client_request template_;
  recorder recorder_;

  bench_clock::time_point started_{};
  bench_clock::time_point measure_start_{};
  bench_clock::time_point measure_end_{};
  bool started_flag_ = false;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> measured_sent_{0};
  std::atomic<std::int64_t> last_answer_ns_{0};  // since started_

  // In flight plus one token held by whoever may still send (starter or scheduler):
  // the run is done when it drops to zero.
  std::atomic<std::int64_t> outstanding_{0};
  mutable std::mutex done_mu_;
  std::condition_variable done_cv_;
  bool done_ = false;

  // Open loop.
  std::mutex queue_mu_;
  std::deque<queued> queue_;
  std::size_t busy_ = 0;
  std::atomic<std::uint64_t> late_sends_{0};
  std::atomic<std::int64_t> max_lag_ns_{0};
  std::atomic<std::uint64_t> waited_{0};
  std::unique_ptr<schedule_timer> timer_;

  // Last: destroyed first, so no answer callback can outlive the members it uses.
  std::unique_ptr<net::http_client> client_;
};

}  // namespace tidnav::bench
