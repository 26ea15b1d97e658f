// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/audit/sqlite_audit_store.hpp"

#include <sqlite3.h>

namespace tidnav::audit {
namespace {

// Version 1. Later versions add steps; a database is never rewritten in place.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE IF NOT EXISTS audit (
  id                INTEGER PRIMARY KEY,
  at_ms             INTEGER NOT NULL,
  correlation_id    TEXT NOT NULL,
  consumer          TEXT NOT NULL,
  original_consumer TEXT NOT NULL,
  contract          TEXT NOT NULL,
  operation         TEXT NOT NULL,
  person            TEXT NOT NULL,
  care_units        TEXT NOT NULL,
  outcome           TEXT NOT NULL,
  channel           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_person_at ON audit (person, at_ms);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at_ms);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
PRAGMA user_version = 1;
)sql";

// Logical addresses contain neither newlines nor anything SQLite cares about.
std::string join_units(const std::vector<std::string>& units) {
  std::string s;
  for (const auto& u : units) {
    if (!s.empty()) s += '\n';
    s += u;
  }
  return s;
}

std::vector<std::string> split_units(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const auto nl = s.find('\n');
    out.emplace_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

class statement {
 public:
  statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) throw audit_error(sqlite3_errmsg(db));
  }
  ~statement() { sqlite3_finalize(stmt_); }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;

  void bind(int i, std::string_view s) { check(sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT)); }
  void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw audit_error(sqlite3_errmsg(db_));
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw audit_error(sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

sqlite_audit_store::sqlite_audit_store(const std::string& path, mode m) : path_(path) {
  const int flags = m == mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw audit_error("cannot open audit database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, 5000);
  try {
    if (m == mode::read_write) {
      exec("PRAGMA journal_mode = WAL");
      exec("PRAGMA synchronous = FULL");
      const int v = schema_version();
      if (v > 1) fail("schema version " + std::to_string(v) + " is newer than this tidnav knows (1)");
      if (v < 1) exec(schema_v1);
    } else if (schema_version() < 1) {
      fail("not an audit database (no schema)");
    }
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

sqlite_audit_store::~sqlite_audit_store() { sqlite3_close(db_); }

void sqlite_audit_store::fail(const std::string& what) const {
  throw audit_error("audit database " + path_ + ": " + what);
}

void sqlite_audit_store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    fail(msg);
  }
}

int sqlite_audit_store::schema_version() {
  statement s(db_, "PRAGMA user_version");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void sqlite_audit_store::append(std::span<const audit_record> records) {
  if (records.empty()) return;
  exec("BEGIN IMMEDIATE");
  try {
    statement ins(db_,
                  "INSERT INTO audit (at_ms, correlation_id, consumer, original_consumer, contract, operation, person, "
                  "care_units, outcome, channel) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const auto& r : records) {
      ins.bind(1, r.at_ms);
      ins.bind(2, r.correlation_id);
      ins.bind(3, r.consumer);
      ins.bind(4, r.original_consumer);
      ins.bind(5, r.contract);
      ins.bind(6, r.operation);
      ins.bind(7, r.person);
      ins.bind(8, join_units(r.care_units));
      ins.bind(9, r.outcome);
      ins.bind(10, r.channel);
      ins.step();
      ins.reset();
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<audit_record> sqlite_audit_store::query(const audit_query& q) {
  std::string sql =
      "SELECT at_ms, correlation_id, consumer, original_consumer, contract, operation, person, care_units, outcome, "
      "channel FROM audit WHERE at_ms >= ?1 AND at_ms < ?2";
  if (!q.person.empty()) sql += " AND person = ?3";
  sql += " ORDER BY at_ms, id LIMIT ?4";
  statement s(db_, sql.c_str());
  s.bind(1, q.from_ms.value_or(INT64_MIN));
  s.bind(2, q.to_ms.value_or(INT64_MAX));
  if (!q.person.empty()) s.bind(3, normalize_person(q.person));
  s.bind(4, static_cast<std::int64_t>(q.limit));
  std::vector<audit_record> out;
  while (s.step()) {
    audit_record r;
    r.at_ms = s.integer(0);
    r.correlation_id = s.text(1);
    r.consumer = s.text(2);
    r.original_consumer = s.text(3);
    r.contract = s.text(4);
    r.operation = s.text(5);
    r.person = s.text(6);
    r.care_units = split_units(s.text(7));
    r.outcome = s.text(8);
    r.channel = s.text(9);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tidnav::audit
