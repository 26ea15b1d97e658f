// SPDX-License-Identifier: GPL-2.0-or-later
// Durable storage of posts and of the notification outbox. One interface so
// the service and the outbox worker can be tested against any store; the
// production one is sqlite_store.
#pragma once

#include "hub/ei/engagement.hpp"
#include "hub/ei/outbox_queue.hpp"
#include "hub/ei/subscriber.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace tidnav::ei {

// Storage failed (disk, corruption, locking). Nothing of the failed call was kept.
class store_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class change_origin {
  update,        // from a source system: the index stamps creationTime/updateTime
  notification,  // from another index: owner and times are kept as sent
};

struct update_item {
  engagement_transaction change;  // validated, with owner as it is to be stored
  // Identity of an older copy of the same post that this one replaces (owner
  // change). Removed in the same transaction; empty for none.
  std::string supersedes_id;
};

struct update_batch {
  change_origin origin = change_origin::update;
  std::vector<update_item> items;
  std::string now_ts;                         // TS stamped on what changes
  std::int64_t now_ms = 0;                    // outbox entries are due from then
  std::span<const subscriber> subscribers;    // who is told about the changes
};

struct apply_result {
  std::vector<change_outcome> outcomes;  // one per item, in order
  std::size_t superseded = 0;            // older copies removed by owner change
  std::size_t notifications = 0;         // outbox entries enqueued
};

// outbox_entry and outbox_counts: outbox_queue.hpp.

class engagement_store : public outbox_queue {
 public:
  virtual ~engagement_store() = default;

  // All items and their outbox entries in one durable transaction: when this
  // returns, it survives a crash; when it throws store_error, none of it happened.
  virtual apply_result apply_update(const update_batch& batch) = 0;

  virtual std::vector<engagement> find(const find_query& query) = 0;
  virtual std::optional<engagement> get(const std::string& id) = 0;

  // Entries at the head of their subscriber's queue whose time has come, oldest
  // first. Later entries of a queue wait for the head: a subscriber must see a
  // post's changes in order. Entries whose id is in `exclude` are skipped (in flight).
  // The outbox (outbox_queue), one queue per subscriber.
  virtual std::vector<outbox_entry> due_notifications(std::int64_t now_ms, std::size_t limit,
                                                      std::span<const std::int64_t> exclude) = 0;
  // The earliest next_attempt_ms among queue heads, if anything is pending.
  virtual std::optional<std::int64_t> next_due_ms() = 0;
  virtual void mark_delivered(std::int64_t id) = 0;
  // Counts a failed attempt; the entry is retried at next_attempt_ms, or never when `give_up`.
  virtual void mark_failed(std::int64_t id, std::int64_t next_attempt_ms, const std::string& detail,
                           bool give_up) = 0;
  virtual outbox_counts outbox_stats() = 0;

  virtual int schema_version() = 0;
};

}  // namespace tidnav::ei
