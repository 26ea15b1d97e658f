// SPDX-License-Identifier: GPL-2.0-or-later
// What outbox_worker needs from a durable outbox, and nothing more: the
// engagement index's own store is one (ProcessNotification to subscribers),
// an adapter's EI outbox another (Update to the hub, adapters/host).
#pragma once

#include "hub/ei/engagement.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tidnav::ei {

// One message waiting in the outbox: all changes of one batch that one
// receiver wants, in the order they were applied.
struct outbox_entry {
  std::int64_t id = 0;
  std::string logical_address;
  std::string target;
  std::vector<engagement_transaction> transactions;
  int attempts = 0;  // failed attempts so far
  std::int64_t created_ms = 0;
  std::int64_t next_attempt_ms = 0;
};

struct outbox_counts {
  std::uint64_t pending = 0;          // waiting for (re)delivery
  std::uint64_t delivered = 0;        // since the database was created
  std::uint64_t failed_attempts = 0;  // since the database was created
  std::uint64_t dead = 0;             // gave up after the configured number of attempts
};

class outbox_queue {
 public:
  virtual ~outbox_queue() = default;

  // Entries at the head of their queue whose time has come, oldest first.
  // Later entries of a queue wait for the head: a receiver must see a post's
  // changes in order. Entries whose id is in `exclude` are skipped (in flight).
  virtual std::vector<outbox_entry> due_notifications(std::int64_t now_ms, std::size_t limit,
                                                      std::span<const std::int64_t> exclude) = 0;
  // The earliest next_attempt_ms among queue heads, if anything is pending.
  virtual std::optional<std::int64_t> next_due_ms() = 0;
  virtual void mark_delivered(std::int64_t id) = 0;
  // Counts a failed attempt; the entry is retried at next_attempt_ms, or never when `give_up`.
  virtual void mark_failed(std::int64_t id, std::int64_t next_attempt_ms, const std::string& detail,
                           bool give_up) = 0;
  virtual outbox_counts outbox_stats() = 0;
};

}  // namespace tidnav::ei
