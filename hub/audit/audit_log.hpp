// SPDX-License-Identifier: GPL-2.0-or-later
// The audit writer: submit() moves a record into a bounded queue (the only
// cost on an io thread); a thread of its own writes batches to the store, one
// durable transaction each. Nothing is lost silently:
//  - queue full: the record is dropped, counted (dropped()) and reported
//    loudly through `report` ("audit_dropped", level error) by the writer;
//  - store failing (disk full): the batch stays queued and is retried, each
//    failure counted and reported; the queue then fills and drops are counted;
//  - shutdown: the destructor writes everything queued; whatever a still
//    failing store refuses is reported with its count ("audit_lost").
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "hub/audit/audit_store.hpp"

namespace tidnav::audit {

/// (level, event, detail): how the writer tells the operator about trouble.
using report_fn = std::function<void(std::string_view level, std::string_view event, const std::string& detail)>;

struct audit_log_options {
  std::size_t capacity = 65536;  ///< records waiting at most; about 300 bytes each
  std::size_t batch = 1024;      ///< records per transaction at most
  std::chrono::milliseconds retry{1000};  ///< after a failed write
  unsigned shutdown_attempts = 3;         ///< writes tried at shutdown before giving up
  report_fn report;
};

class audit_log {
 public:
  explicit audit_log(std::unique_ptr<audit_store> store, audit_log_options options = {});
  /// Writes everything queued (see shutdown_attempts), then joins.
  ~audit_log();
  audit_log(const audit_log&) = delete;
  audit_log& operator=(const audit_log&) = delete;

  /// Any thread; never waits for I/O. False when the queue is full (counted).
  bool submit(audit_record&& r);

  /// Waits until every record submitted before the call is written, at most
  /// `timeout`; false when that did not happen (store failing).
  bool flush(std::chrono::milliseconds timeout = std::chrono::seconds(30));

  std::uint64_t submitted() const noexcept { return submitted_.load(std::memory_order_relaxed); }
  std::uint64_t written() const noexcept { return written_.load(std::memory_order_relaxed); }
  std::uint64_t dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }
  std::uint64_t write_errors() const noexcept { return write_errors_.load(std::memory_order_relaxed); }
  std::size_t queued() const;

 private:
  void run();
  void report(std::string_view level, std::string_view event, const std::string& detail) const;

  std::unique_ptr<audit_store> store_;
  audit_log_options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable written_cv_;
  std::deque<audit_record> queue_;
  bool stop_ = false;
  std::uint64_t accepted_ = 0;        ///< sequence of the last accepted record (under mutex_)
  std::uint64_t done_seq_ = 0;        ///< records written or given up (under mutex_)
  std::uint64_t drops_reported_ = 0;  ///< drops already reported (under mutex_)
  std::atomic<std::uint64_t> submitted_{0}, written_{0}, dropped_{0}, write_errors_{0};
  std::thread writer_;
};

}  // namespace tidnav::audit
