// SPDX-License-Identifier: GPL-2.0-or-later
// Transport: hub/net's http_client with one pool (max_idle_per_endpoint = connections).
// Every answer parks its connection before the callback runs, and the callback's next
// request takes the most recently parked one, so a closed loop keeps exactly N
// connections busy and an open loop never has more than N requests in flight (hence
// never more than N connections). Measured on the project machine (2 cores): 50,000
// requests against `bench serve` over 16 connections, 1 io thread each side, opened 16
// connections and reused them 49,984 times; the generator spent about 40 us of CPU per
// request against the producer's 32 us for the same TLS and HTTP work, and perf puts
// that time in Beast, Asio and OpenSSL, not in the pool. A dedicated client could win
// back part of the difference only by duplicating hub/net.
#include "tools/bench/load_run.hpp"

#include <sys/prctl.h>

#include <cmath>
#include <stdexcept>

#include "hub/net/url.hpp"
#include "tools/bench/outcome.hpp"

namespace tidnav::bench {
namespace {

using std::chrono::duration_cast;
using std::chrono::nanoseconds;

void raise_to(std::atomic<std::int64_t>& a, std::int64_t v) noexcept {
  std::int64_t cur = a.load(std::memory_order_relaxed);
  while (v > cur && !a.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
  }
}

}  // namespace

double run_result::requests_per_second() const noexcept {
  const double s = std::chrono::duration<double>(elapsed).count();
  return s > 0 ? static_cast<double>(outcomes.ok()) / s : 0.0;
}

load_run::load_run(load_options options) : opts_(std::move(options)) {
  if (opts_.connections == 0) throw std::invalid_argument("--connections must be at least 1");
  if (!net::parse_url(opts_.url)) throw std::invalid_argument("not an http(s) URL: " + opts_.url);
  if (opts_.rate < 0 || !std::isfinite(opts_.rate)) throw std::invalid_argument("--rate must be positive");
  template_.url = opts_.url;
  template_.method = "POST";
  template_.headers = opts_.headers;
  template_.body = opts_.body;

  {
    // Linux lets a sleeping thread wake up to 50 us late by default ("timer slack"), which
    // an open loop would charge to the target; threads inherit the value of their creator.
    const int previous = ::prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0);
    ::prctl(PR_SET_TIMERSLACK, 1, 0, 0, 0);
    io_ = std::make_shared<net::io_threads>(std::max<std::size_t>(1, opts_.io_threads));
    if (previous > 0) ::prctl(PR_SET_TIMERSLACK, static_cast<unsigned long>(previous), 0, 0, 0);
  }
  net::client_options co;
  co.tls = opts_.tls;
  co.connect_timeout = opts_.connect_timeout;
  co.handshake_timeout = opts_.timeout;
  co.request_timeout = opts_.timeout;
  co.max_idle_per_endpoint = opts_.connections;
  co.idle_timeout = std::chrono::minutes(10);  // longer than any run: connections stay warm
  // A silent retry would hide a refused connection inside a slower success.
  co.retry_on_connect_failure = false;
  co.user_agent = "tidnav-bench";
  co.log = net::null_log_sink();  // failures are counted, not logged one by one
  client_ = std::make_unique<net::http_client>(std::move(co), io_);
  if (opts_.rate > 0) timer_ = std::make_unique<schedule_timer>(*io_);
}

load_run::~load_run() {
  stop();
  if (started_flag_) wait_for(opts_.timeout + std::chrono::seconds(5));
  // Client first (it closes its idle connections on the io threads), then the threads:
  // after that no handler can reach this object.
  client_.reset();
  io_->stop();
  timer_.reset();
}

void load_run::start() {
  started_flag_ = true;
  started_ = bench_clock::now();
  measure_start_ = started_ + opts_.warmup;
  measure_end_ = opts_.requests > 0 ? bench_clock::time_point::max() : measure_start_ + opts_.duration;
  outstanding_ = 1;  // the sender's token
  if (opts_.rate > 0) {
    timer_->start(
        started_, 1e9 / opts_.rate, [this](std::uint64_t, bench_clock::time_point due) { return on_due(due); },
        [this] { release(); });
    return;
  }
  for (std::size_t i = 0; i < opts_.connections; ++i) {
    const auto now = bench_clock::now();
    bool measured = false;
    if (!keep_sending(now, measured)) break;
    send(now, measured);
  }
  release();
}

bool load_run::keep_sending(bench_clock::time_point at, bool& measured) {
  if (stopping_.load(std::memory_order_relaxed)) return false;
  measured = at >= measure_start_;
  if (!measured) return true;
  if (opts_.requests > 0) return measured_sent_.fetch_add(1, std::memory_order_relaxed) < opts_.requests;
  return at < measure_end_;
}

void load_run::send(bench_clock::time_point origin, bool measured) {
  outstanding_.fetch_add(1, std::memory_order_relaxed);
  client_->async_request(template_, [this, origin, measured](net::client_result r) { on_answer(origin, measured, r); });
}

void load_run::on_answer(bench_clock::time_point origin, bool measured, const net::client_result& r) {
  const auto now = bench_clock::now();
  if (measured) {
    if (const std::string kind = classify(r); kind.empty())
      recorder_.record_ok(static_cast<std::uint64_t>(duration_cast<nanoseconds>(now - origin).count()));
    else
      recorder_.record_error(kind);
    raise_to(last_answer_ns_, duration_cast<nanoseconds>(now - started_).count());
  }
  // The successor is sent before this request stops counting, so `outstanding_`
  // cannot touch zero while a connection still has work.
  if (opts_.rate > 0)
    next_open();
  else
    next_closed();
  release();
}

void load_run::next_closed() {
  const auto now = bench_clock::now();
  bool measured = false;
  if (keep_sending(now, measured)) send(now, measured);
}

void load_run::next_open() {
  for (;;) {
    queued q;
    {
      const std::lock_guard lock(queue_mu_);
      if (queue_.empty() || stopping_.load(std::memory_order_relaxed)) {
        queue_.clear();
        --busy_;
        return;
      }
      q = queue_.front();
      queue_.pop_front();
    }
    const auto now = bench_clock::now();
    if (now - q.scheduled < opts_.timeout) return send(q.scheduled, q.measured);
    // Waited out its whole timeout for a connection: a failure, and nothing is sent.
    if (q.measured) {
      recorder_.record_error("timeout (no free connection)");
      raise_to(last_answer_ns_, duration_cast<nanoseconds>(now - started_).count());
    }
  }
}

void load_run::submit_open(bench_clock::time_point scheduled, bool measured) {
  {
    const std::lock_guard lock(queue_mu_);
    if (busy_ >= opts_.connections) {
      queue_.push_back({scheduled, measured});
      waited_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    ++busy_;
  }
  send(scheduled, measured);
}

bool load_run::on_due(bench_clock::time_point due) {
  bool measured = false;
  if (!keep_sending(due, measured)) return false;
  const auto lag = bench_clock::now() - due;
  if (lag > late_threshold) late_sends_.fetch_add(1, std::memory_order_relaxed);
  raise_to(max_lag_ns_, duration_cast<nanoseconds>(lag).count());
  submit_open(due, measured);
  return true;
}

void load_run::release() {
  if (outstanding_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    const std::lock_guard lock(done_mu_);
    done_ = true;
    done_cv_.notify_all();
  }
}

void load_run::stop() {
  stopping_ = true;
  if (timer_) timer_->stop();
}

bool load_run::wait_for(std::chrono::nanoseconds timeout) {
  std::unique_lock lock(done_mu_);
  return done_cv_.wait_for(lock, timeout, [this] { return done_; });
}

run_progress load_run::progress() const {
  run_progress p;
  const auto now = bench_clock::now();
  p.warming_up = now < measure_start_;
  p.since_start = duration_cast<nanoseconds>(now - started_);
  p.elapsed = p.warming_up ? nanoseconds(0) : duration_cast<nanoseconds>(now - measure_start_);
  p.outcomes = recorder_.snapshot();
  return p;
}

run_result load_run::result() const {
  run_result r;
  r.outcomes = recorder_.snapshot();
  const auto measure_offset = duration_cast<nanoseconds>(measure_start_ - started_).count();
  r.elapsed = nanoseconds(std::max<std::int64_t>(0, last_answer_ns_.load() - measure_offset));
  r.interrupted = stopping_.load();
  const auto& stats = client_->stats();
  r.connections_opened = stats.connections_opened.load();
  r.connections_reused = stats.connections_reused.load();
  r.late_sends = late_sends_.load();
  r.max_send_lag = nanoseconds(max_lag_ns_.load());
  r.waited_for_connection = waited_.load();
  return r;
}

}  // namespace tidnav::bench
