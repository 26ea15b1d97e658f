// SPDX-License-Identifier: GPL-2.0-or-later
// engagement_store on one SQLite file.
//
// Concurrency: one writer connection behind a mutex, and a pool of reader
// connections. SQLite allows one writer per database at a time anyway, so the
// mutex only queues our own writers in-process instead of letting them spin on
// SQLITE_BUSY. In WAL mode a reader on its own connection reads the last
// committed snapshot without waiting for the writer, so FindContent is never
// held up by an Update batch being fsynced. A single shared connection (or
// SQLite's serialized mode) would make every read wait for every write.
#pragma once

#include "hub/ei/engagement_store.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tidnav::ei {

class sqlite_connection;

struct sqlite_store_options {
  std::size_t max_idle_readers = 4;  // connections kept open between reads
};

class sqlite_store final : public engagement_store {
 public:
  // Creates the file if needed and migrates it to the current schema.
  explicit sqlite_store(std::string path, sqlite_store_options options = {});
  ~sqlite_store() override;

  apply_result apply_update(const update_batch& batch) override;
  std::vector<engagement> find(const find_query& query) override;
  std::optional<engagement> get(const std::string& id) override;

  std::vector<outbox_entry> due_notifications(std::int64_t now_ms, std::size_t limit,
                                              std::span<const std::int64_t> exclude) override;
  std::optional<std::int64_t> next_due_ms() override;
  void mark_delivered(std::int64_t id) override;
  void mark_failed(std::int64_t id, std::int64_t next_attempt_ms, const std::string& detail, bool give_up) override;
  outbox_counts outbox_stats() override;

  int schema_version() override;

  // For tests and health checks: a PRAGMA's first value on the writer
  // connection ("journal_mode", "synchronous", "integrity_check").
  std::string pragma(const std::string& name);
  const std::string& path() const { return path_; }

 private:
  class reader_lease;

  std::string path_;
  sqlite_store_options options_;
  std::mutex write_mutex_;
  std::unique_ptr<sqlite_connection> writer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<sqlite_connection>> idle_readers_;
};

}  // namespace tidnav::ei
