// SPDX-License-Identifier: GPL-2.0-or-later
// The per-call log: one JSON object per line, written by a background thread so
// that the request path only moves a record into a ring.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "hub/obs/call_log_format.hpp"
#include "hub/obs/call_record.hpp"
#include "hub/obs/log_output.hpp"
#include "hub/obs/mpsc_ring.hpp"

namespace tidnav::obs {

struct call_log_options {
  // Records, rounded up to a power of two. A slot is 576 bytes (the strings'
  // heap buffers are the caller's, moved in), so the default costs 36 MiB and
  // absorbs about a second of 50k calls/s while the output is stalled.
  std::size_t capacity = 65536;
  bool redact_personal_ids = true;
  std::size_t max_field_bytes = 512;
};

class call_log {
 public:
  explicit call_log(std::unique_ptr<log_output> output, call_log_options options = {});
  // Drains everything submitted, writes a final log_dropped line if needed, joins.
  // No submit() may run concurrently with or after destruction.
  ~call_log();
  call_log(const call_log&) = delete;
  call_log& operator=(const call_log&) = delete;

  // Any thread; never blocks, never allocates. On success the record has been
  // moved from. False when the ring is full: the record is dropped and counted,
  // and the writer later emits {"event":"log_dropped","count":N}.
  bool submit(call_record&& record) noexcept;

  // Returns once every record whose submit() returned before this call, and every
  // drop counted before it, has been handed to the output.
  void flush();

  // Reopens the output's file (logrotate: rename, then SIGHUP). Call it from the
  // thread that handles the signal, never from a signal handler. Returns once the
  // writer has reopened; false if the file could not be opened (the old one stays).
  bool reopen();

  std::size_t capacity() const noexcept { return ring_.capacity(); }
  // Monotonic totals, for metrics.
  std::uint64_t submitted() const noexcept { return ring_.pushed(); }
  std::uint64_t dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }
  std::uint64_t written() const noexcept { return written_.load(std::memory_order_relaxed); }
  // Records the output refused (disk full, closed pipe); they are not retried.
  std::uint64_t write_errors() const noexcept { return write_errors_.load(std::memory_order_relaxed); }

 private:
  void run();
  void write_out(std::string& buf, std::size_t records);
  void wake_writer();

  std::unique_ptr<log_output> output_;
  format_options format_;
  mpsc_ring<call_record> ring_;

  std::atomic<std::uint64_t> dropped_{0};
  std::atomic<std::uint64_t> written_{0};
  std::atomic<std::uint64_t> write_errors_{0};
  // Set by the writer (under mu_) before a long sleep; producers take mu_ to wake
  // it only when they see this. Under load the writer naps instead (see run()),
  // so a submit costs no lock and no syscall.
  std::atomic<bool> writer_idle_{false};

  std::mutex mu_;
  std::condition_variable wake_cv_;  // writer waits here
  std::condition_variable done_cv_;  // flush() and reopen() wait here
  bool wake_ = false;
  bool stop_ = false;
  std::uint64_t reopen_requested_ = 0;
  std::uint64_t reopen_done_ = 0;
  bool reopen_ok_ = true;
  int flush_waiters_ = 0;
  std::size_t written_pos_ = 0;        // ring position the writer has written up to
  std::uint64_t dropped_reported_ = 0;  // drops covered by log_dropped lines so far

  std::thread writer_;
};

}  // namespace tidnav::obs
