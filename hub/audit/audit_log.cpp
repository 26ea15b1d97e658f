// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/audit/audit_log.hpp"

#include <vector>

namespace tidnav::audit {

audit_log::audit_log(std::unique_ptr<audit_store> store, audit_log_options options)
    : store_(std::move(store)), options_(std::move(options)) {
  if (options_.capacity == 0) options_.capacity = 1;
  if (options_.batch == 0) options_.batch = 1;
  writer_ = std::thread([this] { run(); });
}

audit_log::~audit_log() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  writer_.join();
}

void audit_log::report(std::string_view level, std::string_view event, const std::string& detail) const {
  if (options_.report) options_.report(level, event, detail);
}

bool audit_log::submit(audit_record&& r) {
  submitted_.fetch_add(1, std::memory_order_relaxed);
  bool accepted = false;
  bool notify = true;  // a drop always wakes the writer, which reports it
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() < options_.capacity && !stop_) {
      queue_.push_back(std::move(r));
      ++accepted_;
      accepted = true;
      notify = queue_.size() == 1;  // the writer sleeps only on an empty queue
    } else {
      dropped_.fetch_add(1, std::memory_order_relaxed);
    }
  }
  if (notify) wake_.notify_one();
  return accepted;
}

std::size_t audit_log::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

bool audit_log::flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  const std::uint64_t target = accepted_;
  wake_.notify_one();
  return written_cv_.wait_for(lock, timeout, [&] { return done_seq_ >= target; });
}

void audit_log::run() {
  std::vector<audit_record> batch;
  unsigned failures_at_stop = 0;
  while (true) {
    bool stopping = false;
    std::uint64_t new_drops = 0, dropped = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] {
        return stop_ || !queue_.empty() || dropped_.load(std::memory_order_relaxed) != drops_reported_;
      });
      stopping = stop_;
      dropped = dropped_.load(std::memory_order_relaxed);
      new_drops = dropped - drops_reported_;
      drops_reported_ = dropped;
      const std::size_t n = std::min(queue_.size(), options_.batch);
      batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.begin() + static_cast<std::ptrdiff_t>(n)));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    }
    if (new_drops > 0) {
      report("error", "audit_dropped",
             std::to_string(new_drops) + " audit records dropped: the audit queue (" + std::to_string(options_.capacity) +
                 ") was full; total dropped " + std::to_string(dropped));
    }
    if (batch.empty()) {
      if (stopping) return;
      continue;
    }
    try {
      store_->append(batch);
      written_.fetch_add(batch.size(), std::memory_order_relaxed);
      std::lock_guard lock(mutex_);
      done_seq_ += batch.size();
      batch.clear();
      written_cv_.notify_all();
      continue;
    } catch (const std::exception& e) {
      write_errors_.fetch_add(1, std::memory_order_relaxed);
      report("error", "audit_write_failed",
             std::to_string(batch.size()) + " audit records not written yet (kept, retrying): " + e.what());
    }
    // Put the batch back in front, in order, and wait before the next try.
    std::unique_lock lock(mutex_);
    if (stopping && ++failures_at_stop >= options_.shutdown_attempts) {
      const std::size_t lost = batch.size() + queue_.size();
      done_seq_ += lost;
      queue_.clear();
      written_cv_.notify_all();
      lock.unlock();
      report("error", "audit_lost", std::to_string(lost) + " audit records could not be written before shutdown");
      return;
    }
    queue_.insert(queue_.begin(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
    batch.clear();
    wake_.wait_for(lock, stopping ? std::chrono::milliseconds(100) : options_.retry, [&] { return stop_ && !stopping; });
  }
}

}  // namespace tidnav::audit
