// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/migrations.hpp"

#include "hub/ei/sqlite_db.hpp"

#include <string>

namespace tidnav::ei {
namespace {

// Posts are keyed by their identity hash (identity.hpp). FindContent always
// names a resident and a service domain, so that pair is the one index.
constexpr std::string_view v1_engagements = R"sql(
CREATE TABLE engagements (
  id                           TEXT PRIMARY KEY,
  registered_resident_id       TEXT NOT NULL,
  service_domain               TEXT NOT NULL,
  categorization               TEXT NOT NULL,
  logical_address              TEXT NOT NULL,
  business_object_instance_id  TEXT NOT NULL,
  clinical_process_interest_id TEXT NOT NULL,
  most_recent_content          TEXT,
  source_system                TEXT NOT NULL,
  creation_time                TEXT NOT NULL,
  update_time                  TEXT,
  data_controller              TEXT NOT NULL,
  owner                        TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX engagements_by_resident ON engagements (registered_resident_id, service_domain);
)sql";

// One row per (batch, subscriber); its transactions in outbox_items. Delivered
// rows are deleted, so the totals live in outbox_totals.
constexpr std::string_view v2_outbox = R"sql(
CREATE TABLE outbox (
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
CREATE INDEX outbox_by_queue ON outbox (dead, queue, id);
CREATE TABLE outbox_items (
  outbox_id                    INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
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
  creation_time                TEXT,
  update_time                  TEXT,
  data_controller              TEXT NOT NULL,
  owner                        TEXT,
  PRIMARY KEY (outbox_id, seq)
) WITHOUT ROWID;
CREATE TABLE outbox_totals (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  delivered        INTEGER NOT NULL,
  failed_attempts  INTEGER NOT NULL
);
INSERT INTO outbox_totals (id, delivered, failed_attempts) VALUES (1, 0, 0);
)sql";

constexpr migration migrations[] = {
    {1, "engagements", v1_engagements},
    {2, "outbox", v2_outbox},
};

}  // namespace

std::span<const migration> all_migrations() { return migrations; }

int current_version(sqlite_connection& conn) {
  auto q = conn.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return q.step() ? static_cast<int>(q.integer(0)) : 0;
}

int migrate(sqlite_connection& conn) {
  conn.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const int known = migrations[std::size(migrations) - 1].version;
  for (const migration& m : migrations) {
    sqlite_transaction tx(conn);
    // Read inside the write lock: another process may have migrated meanwhile.
    const int have = current_version(conn);
    if (have > known) {
      throw store_error("the engagement index database has schema version " + std::to_string(have) +
                        ", newer than this tidnav knows (" + std::to_string(known) + ")");
    }
    if (m.version <= have) continue;
    conn.exec(std::string(m.sql));
    conn.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, datetime('now'))")
        .bind(1, static_cast<std::int64_t>(m.version))
        .bind(2, m.name)
        .run();
    tx.commit();
  }
  return current_version(conn);
}

}  // namespace tidnav::ei
