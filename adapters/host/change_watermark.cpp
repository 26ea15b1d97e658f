// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/change_watermark.hpp"

#include "hub/ei/sqlite_db.hpp"

namespace tidnav::adapters::host {
namespace {

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS change_feed_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  watermark_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS change_feed_seen (
  booking_id      TEXT NOT NULL,
  last_updated_ms INTEGER NOT NULL,
  PRIMARY KEY (booking_id, last_updated_ms)
) WITHOUT ROWID;
)sql";

std::int64_t ms_of(change_time t) { return t.time_since_epoch().count(); }

}  // namespace

change_watermark::change_watermark(const std::string& path)
    : db_(std::make_unique<ei::sqlite_connection>(path, true)) {
  ei::sqlite_transaction tx(*db_);
  db_->exec(schema);
  tx.commit();
}

change_watermark::~change_watermark() = default;

std::optional<change_time> change_watermark::watermark() {
  std::lock_guard lock(mutex_);
  auto q = db_->query("SELECT watermark_ms FROM change_feed_state WHERE id = 1");
  if (!q.step()) return std::nullopt;
  return change_time(std::chrono::milliseconds(q.integer(0)));
}

bool change_watermark::seen(const std::string& id, change_time updated) {
  std::lock_guard lock(mutex_);
  auto q = db_->query("SELECT 1 FROM change_feed_seen WHERE booking_id = ?1 AND last_updated_ms = ?2");
  q.bind(1, id).bind(2, ms_of(updated));
  return q.step();
}

void change_watermark::remember(const std::vector<std::pair<std::string, change_time>>& seen) {
  std::lock_guard lock(mutex_);
  ei::sqlite_transaction tx(*db_);
  for (const auto& [id, t] : seen) {
    db_->query("INSERT OR IGNORE INTO change_feed_seen (booking_id, last_updated_ms) VALUES (?1, ?2)")
        .bind(1, id)
        .bind(2, ms_of(t))
        .run();
  }
  tx.commit();
}

void change_watermark::advance(change_time watermark, change_time forget_before) {
  std::lock_guard lock(mutex_);
  ei::sqlite_transaction tx(*db_);
  db_->query("INSERT INTO change_feed_state (id, watermark_ms) VALUES (1, ?1) "
             "ON CONFLICT (id) DO UPDATE SET watermark_ms = MAX(watermark_ms, ?1)")
      .bind(1, ms_of(watermark))
      .run();
  db_->query("DELETE FROM change_feed_seen WHERE last_updated_ms < ?1").bind(1, ms_of(forget_before)).run();
  tx.commit();
}

}  // namespace tidnav::adapters::host
