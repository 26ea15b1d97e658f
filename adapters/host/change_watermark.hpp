// SPDX-License-Identifier: GPL-2.0-or-later
// Where the change feed has read up to: the watermark (the newest
// meta.lastUpdated of a poll that read every page) and the (id, lastUpdated)
// pairs already posted after it, in state_dir/change-feed.db (SQLite WAL,
// synchronous=FULL). Pairs are saved after each page's outbox rows are on
// disk and the watermark only after the whole poll, so a crash re-posts at
// most one page and never skips a change, even if the system's pages are not
// in lastUpdated order.
#pragma once

#include "adapters/core/change_source.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tidnav::ei {
class sqlite_connection;
}

namespace tidnav::adapters::host {

class change_watermark {
 public:
  // Opens or creates the file; throws ei::store_error.
  explicit change_watermark(const std::string& path);
  ~change_watermark();
  change_watermark(const change_watermark&) = delete;
  change_watermark& operator=(const change_watermark&) = delete;

  // nullopt before the first batch.
  std::optional<change_time> watermark();
  bool seen(const std::string& id, change_time updated);

  // The pairs of one page, after its outbox rows were written.
  void remember(const std::vector<std::pair<std::string, change_time>>& seen);
  // One transaction: the new watermark (never moved back), and pairs older
  // than `forget_before` dropped (outside every later query's overlap).
  void advance(change_time watermark, change_time forget_before);

 private:
  std::mutex mutex_;
  std::unique_ptr<ei::sqlite_connection> db_;
};

}  // namespace tidnav::adapters::host
