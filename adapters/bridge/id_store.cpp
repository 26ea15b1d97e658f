// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/id_store.hpp"

#include "adapters/core/name_uuid.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>

namespace tidnav::adapters::bridge {
namespace {

// uuid5(NAMESPACE_URL, "urn:tidnav:adapters:bridge"). Fixed forever: changing it
// changes every id a consumer has seen.
const uuid_bytes& bridge_namespace() {
  static const uuid_bytes ns = uuid_v5(*parse_uuid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "urn:tidnav:adapters:bridge");
  return ns;
}

std::string name_of(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) {
    out += p;
    out += '\0';
  }
  return out;
}

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS appointment_ids (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL,
  booking_id TEXT NOT NULL,
  person TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS timeslot_ids (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL, facility TEXT NOT NULL, start_ts TEXT NOT NULL, end_ts TEXT NOT NULL,
  performer TEXT NOT NULL, performer_name TEXT NOT NULL, resource_id TEXT NOT NULL, resource_name TEXT NOT NULL,
  time_type_id TEXT NOT NULL, time_type_name TEXT NOT NULL, care_type_id TEXT NOT NULL, care_type_name TEXT NOT NULL,
  start_utc INTEGER NOT NULL, end_utc INTEGER NOT NULL, valid_until INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS timeslot_ids_valid ON timeslot_ids(valid_until);
)sql";

class statement {
 public:
  statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~statement() { sqlite3_finalize(s_); }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  explicit operator bool() const { return s_ != nullptr; }
  statement& bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  statement& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  int step() { return sqlite3_step(s_); }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(s_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }

 private:
  sqlite3_stmt* s_ = nullptr;
};

std::int64_t seconds_of(instant t) { return t.time_since_epoch().count(); }
instant instant_of(std::int64_t s) { return instant{std::chrono::seconds{s}}; }

}  // namespace

std::unique_ptr<id_store> id_store::open(const std::string& path, std::string system, std::string& error) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    error = "cannot open id store " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<id_store> store(new id_store(db, std::move(system)));
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", schema}) {
    if (!store->exec(sql)) {
      error = "cannot prepare id store " + path + ": " + sqlite3_errmsg(db);
      return nullptr;
    }
  }
  return store;
}

id_store::id_store(sqlite3* db, std::string system) : db_(db), system_(std::move(system)) {}

id_store::~id_store() { sqlite3_close(db_); }

bool id_store::exec(const char* sql) const { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

std::string id_store::appointment_uuid(std::string_view unit, std::string_view booking_id) const {
  return format_uuid(uuid_v5(bridge_namespace(), name_of({"appointment", system_, unit, booking_id})));
}

std::string id_store::timeslot_uuid(const legacy_slot& s) const {
  return format_uuid(uuid_v5(bridge_namespace(), name_of({"timeslot", system_, s.unit, s.start_ts, s.end_ts,
                                                          s.time_type_id, s.performer, s.resource_id})));
}

std::string id_store::appointment_id(std::string_view unit, std::string_view booking_id, std::string_view person) {
  std::string id = appointment_uuid(unit, booking_id);
  const std::lock_guard lock(mu_);
  // A known person is never overwritten by an unknown one.
  statement st(db_,
               "INSERT INTO appointment_ids(id, unit, booking_id, person) VALUES(?1, ?2, ?3, ?4) "
               "ON CONFLICT(id) DO UPDATE SET person = excluded.person WHERE excluded.person <> ''");
  if (st) st.bind(1, id).bind(2, unit).bind(3, booking_id).bind(4, person).step();
  return id;
}

std::optional<appointment_ref> id_store::find_appointment(std::string_view id) const {
  const std::lock_guard lock(mu_);
  statement st(db_, "SELECT unit, booking_id, person FROM appointment_ids WHERE id = ?1");
  if (!st) return std::nullopt;
  st.bind(1, id);
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return appointment_ref{st.text(0), st.text(1), st.text(2)};
}

std::vector<std::string> id_store::timeslot_ids(const std::vector<legacy_slot>& slots, instant valid_until) {
  std::vector<std::string> ids;
  ids.reserve(slots.size());
  const std::lock_guard lock(mu_);
  exec("BEGIN IMMEDIATE");
  statement st(db_,
               "INSERT INTO timeslot_ids VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
               "ON CONFLICT(id) DO UPDATE SET valid_until = MAX(valid_until, excluded.valid_until), "
               "facility = excluded.facility, performer_name = excluded.performer_name, "
               "resource_name = excluded.resource_name, time_type_name = excluded.time_type_name, "
               "care_type_id = excluded.care_type_id, care_type_name = excluded.care_type_name");
  for (const auto& s : slots) {
    ids.push_back(timeslot_uuid(s));
    if (!st) continue;
    const instant until = std::min(valid_until, s.start);
    st.bind(1, ids.back()).bind(2, s.unit).bind(3, s.facility).bind(4, s.start_ts).bind(5, s.end_ts);
    st.bind(6, s.performer).bind(7, s.performer_name).bind(8, s.resource_id).bind(9, s.resource_name);
    st.bind(10, s.time_type_id).bind(11, s.time_type_name).bind(12, s.care_type_id).bind(13, s.care_type_name);
    st.bind(14, seconds_of(s.start)).bind(15, seconds_of(s.end)).bind(16, seconds_of(until));
    st.step();
    st.reset();
  }
  if (!exec("COMMIT")) exec("ROLLBACK");  // ids are still name-based; only the way back is missing
  return ids;
}

std::optional<legacy_slot> id_store::find_timeslot(std::string_view id, instant now) const {
  const std::lock_guard lock(mu_);
  statement st(db_,
               "SELECT unit, facility, start_ts, end_ts, performer, performer_name, resource_id, resource_name, "
               "time_type_id, time_type_name, care_type_id, care_type_name, start_utc, end_utc, valid_until "
               "FROM timeslot_ids WHERE id = ?1");
  if (!st) return std::nullopt;
  st.bind(1, id);
  if (st.step() != SQLITE_ROW) return std::nullopt;
  if (seconds_of(now) >= st.integer(14)) return std::nullopt;
  legacy_slot s;
  s.unit = st.text(0);
  s.facility = st.text(1);
  s.start_ts = st.text(2);
  s.end_ts = st.text(3);
  s.performer = st.text(4);
  s.performer_name = st.text(5);
  s.resource_id = st.text(6);
  s.resource_name = st.text(7);
  s.time_type_id = st.text(8);
  s.time_type_name = st.text(9);
  s.care_type_id = st.text(10);
  s.care_type_name = st.text(11);
  s.start = instant_of(st.integer(12));
  s.end = instant_of(st.integer(13));
  return s;
}

std::size_t id_store::sweep(instant now) {
  const std::lock_guard lock(mu_);
  statement st(db_, "DELETE FROM timeslot_ids WHERE valid_until <= ?1");
  if (!st) return 0;
  st.bind(1, seconds_of(now)).step();
  return static_cast<std::size_t>(sqlite3_changes(db_));
}

}  // namespace tidnav::adapters::bridge
