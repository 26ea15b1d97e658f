// SPDX-License-Identifier: GPL-2.0-or-later
// The adapter's durable EI outbox: one SQLite file (WAL, synchronous=FULL) of
// Update messages waiting for the hub. append() returns only once the row is
// on disk, so a booking's posts survive any crash after its answer was sent.
// hub/ei's outbox_worker delivers it (it is an ei::outbox_queue): per queue
// in order, retried with capped exponential back-off, removed when taken.
#pragma once

#include "hub/ei/outbox_queue.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace tidnav::ei {
class sqlite_connection;
}

namespace tidnav::adapters::host {

class ei_outbox final : public ei::outbox_queue {
 public:
  // Opens or creates the file; throws ei::store_error.
  explicit ei_outbox(const std::string& path);
  ~ei_outbox() override;
  ei_outbox(const ei_outbox&) = delete;
  ei_outbox& operator=(const ei_outbox&) = delete;

  // One message: `transactions` sent together, after every earlier message
  // of the same `queue`. Durable when it returns; throws ei::store_error.
  std::int64_t append(const std::string& queue, const std::string& logical_address, const std::string& target,
                      std::span<const ei::engagement_transaction> transactions, std::int64_t now_ms);

  // Every waiting message (dead ones included), oldest first: for tests and inspection.
  std::vector<ei::outbox_entry> all();

  std::vector<ei::outbox_entry> due_notifications(std::int64_t now_ms, std::size_t limit,
                                                  std::span<const std::int64_t> exclude) override;
  std::optional<std::int64_t> next_due_ms() override;
  void mark_delivered(std::int64_t id) override;
  void mark_failed(std::int64_t id, std::int64_t next_attempt_ms, const std::string& detail, bool give_up) override;
  ei::outbox_counts outbox_stats() override;

 private:
  std::vector<ei::outbox_entry> select(const std::string& where, std::int64_t now_ms, std::size_t limit);

  std::mutex mutex_;  // one connection, one statement at a time
  std::unique_ptr<ei::sqlite_connection> db_;
};

}  // namespace tidnav::adapters::host
