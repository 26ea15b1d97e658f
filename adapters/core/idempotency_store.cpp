// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/idempotency_store.hpp"

#include "adapters/core/digest.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <random>

namespace tidnav::adapters {
namespace {

// A prepared statement that finalizes itself; binds are 1-based as in SQLite.
class statement {
 public:
  statement(sqlite3* db, const char* sql) { ok_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK; }
  ~statement() { sqlite3_finalize(stmt_); }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;

  statement& bind(int i, const std::string& s) {
    ok_ = ok_ && sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT) == SQLITE_OK;
    return *this;
  }
  statement& bind(int i, std::int64_t v) {
    ok_ = ok_ && sqlite3_bind_int64(stmt_, i, v) == SQLITE_OK;
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return ok_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
};

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS idempotent_answers (
  key          TEXT PRIMARY KEY,   -- sha-256 of consumer, contract and canonical request
  scope        TEXT NOT NULL,      -- sha-256 of consumer, unit and person
  state        INTEGER NOT NULL,   -- 0 claimed (running), 1 answered
  owner        TEXT NOT NULL,      -- claim token of the runner
  claimed_ms   INTEGER NOT NULL,
  completed_ms INTEGER,
  http_status  INTEGER,
  body         BLOB
);
CREATE INDEX IF NOT EXISTS idempotent_answers_scope ON idempotent_answers(scope);
)sql";

std::string random_token() {
  std::random_device rd;
  const std::string seed = std::to_string(rd()) + ":" + std::to_string(rd()) + ":" +
                           std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  const auto d = sha256(seed);
  return to_hex(d.data(), 8);
}

idempotency_store::claim failed(std::string why) {
  idempotency_store::claim c;
  c.state = idempotency_store::claim_state::failed;
  c.answer.body = std::move(why);
  return c;
}

}  // namespace

std::unique_ptr<idempotency_store> idempotency_store::open(const std::string& path, idempotency_options options,
                                                           std::string& error) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    error = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  // Other processes may hold the write lock briefly; wait rather than fail.
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<idempotency_store> store(new idempotency_store(db, std::move(options)));
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", schema}) {
    if (!store->exec(sql)) {
      error = "cannot prepare " + path + ": " + sqlite3_errmsg(db);
      return nullptr;
    }
  }
  store->purge_expired();
  return store;
}

idempotency_store::idempotency_store(sqlite3* db, idempotency_options options)
    : db_(db), options_(std::move(options)), token_(random_token()) {
  if (!options_.clock) {
    options_.clock = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
  }
}

idempotency_store::~idempotency_store() { sqlite3_close(db_); }

std::int64_t idempotency_store::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(options_.clock().time_since_epoch()).count();
}

bool idempotency_store::exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

idempotency_store::claim idempotency_store::try_claim(const std::string& key, const std::string& scope) {
  std::lock_guard lock(mutex_);
  const std::int64_t now = now_ms();
  const std::int64_t window = std::chrono::duration_cast<std::chrono::milliseconds>(options_.window).count();
  const std::int64_t lease = std::chrono::duration_cast<std::chrono::milliseconds>(options_.lease).count();
  // IMMEDIATE takes the write lock up front: two processes cannot both see "free".
  if (!exec("BEGIN IMMEDIATE")) return failed(std::string("idempotency store: ") + sqlite3_errmsg(db_));
  claim out;
  {
    statement find(db_, "SELECT state, claimed_ms, completed_ms, http_status, body FROM idempotent_answers WHERE key=?1");
    find.bind(1, key);
    const int rc = find.step();
    if (rc == SQLITE_ROW) {
      const bool answered = find.integer(0) == 1;
      if (answered && find.integer(2) >= now - window) {
        out.state = claim_state::answered;
        out.answer = {static_cast<int>(find.integer(3)), find.text(4)};
      } else if (!answered && find.integer(1) >= now - lease) {
        out.state = claim_state::busy;
      }
      // else: expired answer or abandoned claim; claimed afresh below
    } else if (rc != SQLITE_DONE) {
      exec("ROLLBACK");
      return failed(std::string("idempotency store: ") + sqlite3_errmsg(db_));
    }
  }
  if (out.state == claim_state::answered || out.state == claim_state::busy) {
    exec("COMMIT");
    return out;
  }
  out.owner = token_ + "-" + std::to_string(++claims_);
  statement put(db_,
                "INSERT OR REPLACE INTO idempotent_answers(key, scope, state, owner, claimed_ms) "
                "VALUES(?1, ?2, 0, ?3, ?4)");
  put.bind(1, key).bind(2, scope).bind(3, out.owner).bind(4, now);
  if (put.step() != SQLITE_DONE || !exec("COMMIT")) {
    const std::string why = sqlite3_errmsg(db_);
    exec("ROLLBACK");
    return failed("idempotency store: " + why);
  }
  out.state = claim_state::owned;
  return out;
}

idempotency_store::claim idempotency_store::claim_or_wait(const std::string& key, const std::string& scope,
                                                          std::chrono::steady_clock::time_point until) {
  for (;;) {
    claim c = try_claim(key, scope);
    if (c.state != claim_state::busy || std::chrono::steady_clock::now() >= until) return c;
    // Woken at once by this process's runners; the poll covers other processes.
    std::unique_lock lock(mutex_);
    changed_.wait_until(lock, std::min(until, std::chrono::steady_clock::now() + std::chrono::milliseconds(50)));
  }
}

bool idempotency_store::complete(const std::string& key, const std::string& scope, const std::string& owner,
                                 const producer_reply& reply) {
  bool ok = false;
  {
    std::lock_guard lock(mutex_);
    if (exec("BEGIN IMMEDIATE")) {
      statement done(db_,
                     "UPDATE idempotent_answers SET state=1, completed_ms=?1, http_status=?2, body=?3 "
                     "WHERE key=?4 AND owner=?5");
      done.bind(1, now_ms()).bind(2, static_cast<std::int64_t>(reply.http_status)).bind(3, reply.body);
      done.bind(4, key).bind(5, owner);
      statement supersede(db_, "DELETE FROM idempotent_answers WHERE scope=?1 AND key<>?2 AND state=1");
      supersede.bind(1, scope).bind(2, key);
      ok = done.step() == SQLITE_DONE && supersede.step() == SQLITE_DONE && exec("COMMIT");
      if (!ok) exec("ROLLBACK");
    }
  }
  changed_.notify_all();
  // Expired rows are ignored when read; sweeping now and then keeps the file small.
  if (ok && ++completions_ % 1000 == 0) purge_expired();
  return ok;
}

void idempotency_store::release(const std::string& key, const std::string& owner) {
  {
    std::lock_guard lock(mutex_);
    statement drop(db_, "DELETE FROM idempotent_answers WHERE key=?1 AND owner=?2 AND state=0");
    drop.bind(1, key).bind(2, owner);
    drop.step();
  }
  changed_.notify_all();
}

std::size_t idempotency_store::purge_expired() {
  std::lock_guard lock(mutex_);
  const std::int64_t now = now_ms();
  statement purge(db_,
                  "DELETE FROM idempotent_answers WHERE (state=1 AND completed_ms < ?1) OR (state=0 AND claimed_ms < ?2)");
  purge.bind(1, now - std::chrono::duration_cast<std::chrono::milliseconds>(options_.window).count());
  purge.bind(2, now - std::chrono::duration_cast<std::chrono::milliseconds>(options_.lease).count());
  purge.step();
  return static_cast<std::size_t>(sqlite3_changes(db_));
}

std::size_t idempotency_store::remembered() {
  std::lock_guard lock(mutex_);
  statement count(db_, "SELECT count(*) FROM idempotent_answers WHERE state=1");
  return count.step() == SQLITE_ROW ? static_cast<std::size_t>(count.integer(0)) : 0;
}

}  // namespace tidnav::adapters
