// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/ei_outbox.hpp"

#include "hub/ei/sqlite_db.hpp"

#include <algorithm>

namespace tidnav::adapters::host {
namespace {

constexpr int schema_version = 1;

// Delivered rows are deleted, so the totals live in their own row.
//
// This mirrors hub/ei's outbox tables (migrations.cpp, v2) but is kept apart on
// purpose: the hub's text is a numbered migration, history that must stay as it
// was applied, while this one is created in place under its own user_version;
// and the shapes differ, since the hub relays posts it has already stored
// (creation_time, update_time and owner, which the EI assigns) and an adapter
// sends posts the EI has not seen yet. One definition would tie either schema's
// next change to the other's.
constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS ei_outbox (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  queue            TEXT NOT NULL,
  logical_address  TEXT NOT NULL,
  target           TEXT NOT NULL,
  created_ms       INTEGER NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms  INTEGER NOT NULL,
  last_error       TEXT,
  dead             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ei_outbox_by_queue ON ei_outbox (dead, queue, id);
CREATE TABLE IF NOT EXISTS ei_outbox_items (
  outbox_id                    INTEGER NOT NULL REFERENCES ei_outbox (id) ON DELETE CASCADE,
  seq                          INTEGER NOT NULL,
  delete_flag                  INTEGER NOT NULL,
  registered_resident_id       TEXT NOT NULL,
  service_domain               TEXT NOT NULL,
  categorization               TEXT NOT NULL,
  logical_address              TEXT NOT NULL,
  business_object_instance_id  TEXT NOT NULL,
  clinical_process_interest_id TEXT NOT NULL,
  most_recent_content          TEXT,
  source_system                TEXT NOT NULL,
  data_controller              TEXT NOT NULL,
  PRIMARY KEY (outbox_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ei_outbox_totals (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  delivered        INTEGER NOT NULL,
  failed_attempts  INTEGER NOT NULL
);
INSERT OR IGNORE INTO ei_outbox_totals (id, delivered, failed_attempts) VALUES (1, 0, 0);
)sql";

constexpr const char* item_columns =
    "delete_flag, registered_resident_id, service_domain, categorization, logical_address, "
    "business_object_instance_id, clinical_process_interest_id, most_recent_content, source_system, data_controller";

}  // namespace

ei_outbox::ei_outbox(const std::string& path) : db_(std::make_unique<ei::sqlite_connection>(path, true)) {
  ei::sqlite_transaction tx(*db_);
  const int have = std::stoi(db_->pragma_text("user_version"));
  if (have > schema_version) {
    throw ei::store_error(path + " has EI outbox schema version " + std::to_string(have) +
                          ", newer than this tidnav knows (" + std::to_string(schema_version) + ")");
  }
  db_->exec(schema);
  db_->exec("PRAGMA user_version=" + std::to_string(schema_version));
  tx.commit();
}

ei_outbox::~ei_outbox() = default;

std::int64_t ei_outbox::append(const std::string& queue, const std::string& logical_address,
                               const std::string& target, std::span<const ei::engagement_transaction> transactions,
                               std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  ei::sqlite_transaction tx(*db_);
  db_->query(
         "INSERT INTO ei_outbox (queue, logical_address, target, created_ms, next_attempt_ms) "
         "VALUES (?1, ?2, ?3, ?4, ?4)")
      .bind(1, queue)
      .bind(2, logical_address)
      .bind(3, target)
      .bind(4, now_ms)
      .run();
  const std::int64_t id = db_->last_insert_rowid();
  static const std::string sql = "INSERT INTO ei_outbox_items (outbox_id, seq, " + std::string(item_columns) +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
  std::int64_t seq = 0;
  for (const auto& t : transactions) {
    const ei::engagement& e = t.record;
    db_->query(sql)
        .bind(1, id)
        .bind(2, seq++)
        .bind(3, static_cast<std::int64_t>(t.delete_flag ? 1 : 0))
        .bind(4, e.registered_resident_identification)
        .bind(5, e.service_domain)
        .bind(6, e.categorization)
        .bind(7, e.logical_address)
        .bind(8, e.business_object_instance_identifier)
        .bind(9, e.clinical_process_interest_id)
        .bind(10, e.most_recent_content)
        .bind(11, e.source_system)
        .bind(12, e.data_controller)
        .run();
  }
  tx.commit();
  return id;
}

std::vector<ei::outbox_entry> ei_outbox::select(const std::string& where, std::int64_t now_ms, std::size_t limit) {
  std::vector<ei::outbox_entry> out;
  {
    auto q = db_->query("SELECT o.id, o.logical_address, o.target, o.attempts, o.created_ms, o.next_attempt_ms "
                        "FROM ei_outbox o WHERE " +
                        where + " ORDER BY o.next_attempt_ms, o.id LIMIT ?2");
    q.bind(1, now_ms).bind(2, static_cast<std::int64_t>(limit));
    while (q.step()) {
      ei::outbox_entry e;
      e.id = q.integer(0);
      e.logical_address = q.text(1);
      e.target = q.text(2);
      e.attempts = static_cast<int>(q.integer(3));
      e.created_ms = q.integer(4);
      e.next_attempt_ms = q.integer(5);
      out.push_back(std::move(e));
    }
  }
  static const std::string items_sql =
      "SELECT " + std::string(item_columns) + " FROM ei_outbox_items WHERE outbox_id = ?1 ORDER BY seq";
  for (auto& e : out) {
    auto q = db_->query(items_sql);
    q.bind(1, e.id);
    while (q.step()) {
      ei::engagement_transaction t;
      t.delete_flag = q.integer(0) != 0;
      t.record.registered_resident_identification = q.text(1);
      t.record.service_domain = q.text(2);
      t.record.categorization = q.text(3);
      t.record.logical_address = q.text(4);
      t.record.business_object_instance_identifier = q.text(5);
      t.record.clinical_process_interest_id = q.text(6);
      t.record.most_recent_content = q.optional_text(7);
      t.record.source_system = q.text(8);
      t.record.data_controller = q.text(9);
      e.transactions.push_back(std::move(t));
    }
  }
  return out;
}

std::vector<ei::outbox_entry> ei_outbox::all() {
  std::lock_guard lock(mutex_);
  auto out = select("?1 = ?1", 0, 1'000'000);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

std::vector<ei::outbox_entry> ei_outbox::due_notifications(std::int64_t now_ms, std::size_t limit,
                                                           std::span<const std::int64_t> exclude) {
  std::lock_guard lock(mutex_);
  // Only the head (lowest id) of each queue is eligible: one person's changes go out in order.
  auto out = select(
      "o.dead = 0 AND o.next_attempt_ms <= ?1 "
      "AND o.id = (SELECT MIN(p.id) FROM ei_outbox p WHERE p.dead = 0 AND p.queue = o.queue)",
      now_ms, limit + exclude.size());
  std::erase_if(out, [&](const ei::outbox_entry& e) {
    return std::find(exclude.begin(), exclude.end(), e.id) != exclude.end();
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::optional<std::int64_t> ei_outbox::next_due_ms() {
  std::lock_guard lock(mutex_);
  auto q = db_->query(
      "SELECT MIN(o.next_attempt_ms) FROM ei_outbox o WHERE o.dead = 0 "
      "AND o.id = (SELECT MIN(p.id) FROM ei_outbox p WHERE p.dead = 0 AND p.queue = o.queue)");
  if (!q.step() || !q.optional_text(0)) return std::nullopt;
  return q.integer(0);
}

void ei_outbox::mark_delivered(std::int64_t id) {
  std::lock_guard lock(mutex_);
  ei::sqlite_transaction tx(*db_);
  db_->query("DELETE FROM ei_outbox WHERE id = ?1").bind(1, id).run();
  if (db_->changes() > 0) db_->exec("UPDATE ei_outbox_totals SET delivered = delivered + 1 WHERE id = 1");
  tx.commit();
}

void ei_outbox::mark_failed(std::int64_t id, std::int64_t next_attempt_ms, const std::string& detail,
                            bool give_up) {
  std::lock_guard lock(mutex_);
  ei::sqlite_transaction tx(*db_);
  db_->query(
         "UPDATE ei_outbox SET attempts = attempts + 1, next_attempt_ms = ?2, last_error = ?3, dead = ?4 "
         "WHERE id = ?1")
      .bind(1, id)
      .bind(2, next_attempt_ms)
      .bind(3, std::string_view(detail))
      .bind(4, static_cast<std::int64_t>(give_up ? 1 : 0))
      .run();
  if (db_->changes() > 0) db_->exec("UPDATE ei_outbox_totals SET failed_attempts = failed_attempts + 1 WHERE id = 1");
  tx.commit();
}

ei::outbox_counts ei_outbox::outbox_stats() {
  std::lock_guard lock(mutex_);
  auto q = db_->query(
      "SELECT (SELECT COUNT(*) FROM ei_outbox WHERE dead = 0), (SELECT COUNT(*) FROM ei_outbox WHERE dead = 1), "
      "delivered, failed_attempts FROM ei_outbox_totals WHERE id = 1");
  ei::outbox_counts c;
  if (q.step()) {
    c.pending = static_cast<std::uint64_t>(q.integer(0));
    c.dead = static_cast<std::uint64_t>(q.integer(1));
    c.delivered = static_cast<std::uint64_t>(q.integer(2));
    c.failed_attempts = static_cast<std::uint64_t>(q.integer(3));
  }
  return c;
}

}  // namespace tidnav::adapters::host
