// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/sqlite_db.hpp"

#include <sqlite3.h>

namespace tidnav::ei {

sqlite_query::~sqlite_query() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

sqlite_query& sqlite_query::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK) {
    conn_->fail("bind");
  }
  return *this;
}

sqlite_query& sqlite_query::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

sqlite_query& sqlite_query::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) conn_->fail("bind");
  return *this;
}

sqlite_query& sqlite_query::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) conn_->fail("bind");
  return *this;
}

bool sqlite_query::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  conn_->fail("step");
}

void sqlite_query::run() {
  while (step()) {
  }
}

std::string sqlite_query::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<std::string> sqlite_query::optional_text(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return text(column);
}

std::int64_t sqlite_query::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

sqlite_connection::sqlite_connection(const std::string& path, bool create) {
  // NOMUTEX: each connection is used by one thread at a time (the writer under
  // the store's mutex, readers checked out of a pool), so SQLite's own
  // per-connection mutex would only add cost.
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw store_error("cannot open engagement index database " + path + ": " + why);
  }
  sqlite3_extended_result_codes(db_, 1);
  // Other processes (a second hub, the sqlite3 shell) may hold the lock
  // briefly; set first so that the pragmas below wait too.
  sqlite3_busy_timeout(db_, 5000);
  try {
    // WAL: readers see the last commit while the writer works, and a commit is
    // one append to the log. synchronous=FULL fsyncs the log at every commit:
    // an acknowledged Update must survive power loss, not only a crash.
    if (pragma_text("journal_mode=WAL") != "wal") fail("the database cannot use WAL journaling");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

sqlite_connection::~sqlite_connection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void sqlite_connection::fail(const std::string& what) const {
  throw store_error("SQLite " + what + ": " + sqlite3_errmsg(db_) + " (" +
                    std::to_string(sqlite3_extended_errcode(db_)) + ")");
}

void sqlite_connection::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    throw store_error("SQLite: " + why);
  }
}

sqlite_query sqlite_connection::query(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
      fail("prepare");
    }
    it = statements_.emplace(std::string(sql), stmt).first;
  }
  return sqlite_query(*this, it->second);
}

std::int64_t sqlite_connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

std::int64_t sqlite_connection::changes() const { return sqlite3_changes64(db_); }

std::string sqlite_connection::pragma_text(const std::string& name) {
  sqlite3_stmt* stmt = nullptr;
  const std::string sql = "PRAGMA " + name;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) fail("prepare");
  std::string out;
  const int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    if (const auto* p = sqlite3_column_text(stmt, 0)) out = reinterpret_cast<const char*>(p);
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(sql);
  return out;
}

sqlite_transaction::sqlite_transaction(sqlite_connection& conn) : conn_(conn) { conn_.exec("BEGIN IMMEDIATE"); }

sqlite_transaction::~sqlite_transaction() {
  if (!done_) {
    try {
      conn_.exec("ROLLBACK");
    } catch (const store_error&) {
      // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
    }
  }
}

void sqlite_transaction::commit() {
  conn_.exec("COMMIT");
  done_ = true;
}

}  // namespace tidnav::ei
