// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/call_log.hpp"

#include <chrono>

namespace tidnav::obs {
namespace {

// Records per write(2). Large enough that a burst costs few syscalls, small
// enough that flush() and reopen() are answered between batches.
constexpr std::size_t batch_records = 1024;
// While records keep coming the writer naps this long between batches instead of
// being woken per record; that bounds how stale the log is.
constexpr auto nap = std::chrono::milliseconds(1);
// After this many empty naps it sleeps until a producer wakes it.
constexpr int naps_before_sleep = 100;

}  // namespace

call_log::call_log(std::unique_ptr<log_output> output, call_log_options options)
    : output_(std::move(output)),
      format_{options.redact_personal_ids, options.max_field_bytes},
      ring_(options.capacity) {
  writer_ = std::thread([this] { run(); });
}

call_log::~call_log() {
  {
    const std::lock_guard lock(mu_);
    stop_ = true;
    wake_ = true;
  }
  wake_cv_.notify_one();
  writer_.join();
}

bool call_log::submit(call_record&& record) noexcept {
  if (record.timestamp == std::chrono::system_clock::time_point{}) record.timestamp = std::chrono::system_clock::now();
  if (!ring_.try_push(record)) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  // Pairs with the fence in run(): either the writer sees this record before it
  // sleeps, or this thread sees writer_idle_ and wakes it.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (writer_idle_.load(std::memory_order_relaxed)) wake_writer();
  return true;
}

void call_log::wake_writer() {
  {
    const std::lock_guard lock(mu_);
    wake_ = true;
  }
  wake_cv_.notify_one();
}

void call_log::flush() {
  const std::size_t target = ring_.pushed();
  const std::uint64_t drops = dropped_.load(std::memory_order_relaxed);
  std::unique_lock lock(mu_);
  ++flush_waiters_;
  wake_ = true;
  wake_cv_.notify_one();
  done_cv_.wait(lock, [&] { return written_pos_ >= target && dropped_reported_ >= drops; });
  --flush_waiters_;
}

bool call_log::reopen() {
  std::unique_lock lock(mu_);
  const std::uint64_t ticket = ++reopen_requested_;
  wake_ = true;
  wake_cv_.notify_one();
  done_cv_.wait(lock, [&] { return reopen_done_ >= ticket; });
  return reopen_ok_;
}

void call_log::write_out(std::string& buf, std::size_t records) {
  bool ok = false;
  try {
    ok = output_->write(buf);
  } catch (...) {
    ok = false;  // a throwing test or adapter output must not kill the writer
  }
  if (ok) {
    written_.fetch_add(records, std::memory_order_relaxed);
  } else {
    write_errors_.fetch_add(records, std::memory_order_relaxed);
  }
  buf.clear();
}

void call_log::run() {
  std::string buf;
  buf.reserve(batch_records * 512);
  call_record record;
  std::uint64_t reported = 0;
  int empty_naps = 0;
  for (;;) {
    std::size_t n = 0;
    while (n < batch_records && ring_.try_pop(record)) {
      append_call_record(buf, record, format_);
      ++n;
    }
    // Drops are reported after the batch they interrupted, so every record that
    // did get in is still in submit order.
    const std::uint64_t dropped = dropped_.load(std::memory_order_relaxed);
    if (dropped != reported) {
      append_dropped_line(buf, std::chrono::system_clock::now(), dropped - reported);
      reported = dropped;
    }
    if (!buf.empty()) write_out(buf, n);

    std::unique_lock lock(mu_);
    written_pos_ = ring_.popped();
    dropped_reported_ = reported;
    bool answer = flush_waiters_ > 0;
    if (reopen_done_ != reopen_requested_) {
      reopen_ok_ = output_->reopen();
      if (!reopen_ok_) {
        std::string line = "{\"ts\":\"";
        append_rfc3339_utc_ms(line, std::chrono::system_clock::now());
        line += "\",\"event\":\"log_reopen_failed\"}\n";
        write_out(line, 0);
      }
      reopen_done_ = reopen_requested_;
      answer = true;
    }
    if (answer) done_cv_.notify_all();

    if (n == batch_records) continue;  // probably more waiting
    if (stop_ && !ring_.ready()) return;
    if (n > 0) empty_naps = 0;
    if (wake_) {
      wake_ = false;
      continue;
    }
    if (++empty_naps < naps_before_sleep) {
      wake_cv_.wait_for(lock, nap, [&] { return wake_; });
      wake_ = false;
      continue;
    }
    writer_idle_.store(true, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (!ring_.ready()) wake_cv_.wait(lock, [&] { return wake_; });
    writer_idle_.store(false, std::memory_order_relaxed);
    wake_ = false;
    empty_naps = 0;
  }
}

}  // namespace tidnav::obs
