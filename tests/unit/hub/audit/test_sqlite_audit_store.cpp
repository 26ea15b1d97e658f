// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include <sqlite3.h>

#include "hub/audit/sqlite_audit_store.hpp"

using namespace tidnav::audit;
namespace fs = std::filesystem;

namespace {

fs::path temp_db() {
  const fs::path dir = fs::temp_directory_path() / ("tidnav-audit-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  return dir / "audit.db";
}

audit_record rec(std::int64_t at, std::string person, std::string corr) {
  audit_record r;
  r.at_ms = at;
  r.correlation_id = std::move(corr);
  r.consumer = "SE2321000016-1177";
  r.original_consumer = "SE2321000016-1177";
  r.contract = "urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2";
  r.operation = "GetAppointments";
  r.person = std::move(person);
  r.care_units = {"SE2321000016-A1", "SE2321000016-B2"};
  r.outcome = "ok";
  return r;
}

}  // namespace

TEST_CASE("records survive reopening and are found by person and time", "[audit]") {
  const fs::path db = temp_db();
  {
    sqlite_audit_store s(db.string());
    CHECK(s.schema_version() == 1);
    const std::vector<audit_record> batch = {rec(1000, "191212121212", "c1"), rec(2000, "197710102384", "c2"),
                                             rec(3000, "191212121212", "c3")};
    s.append(batch);
  }
  sqlite_audit_store s(db.string(), sqlite_audit_store::mode::read_only);
  audit_query q;
  q.person = "19121212-1212";  // normalised by the store
  auto got = s.query(q);
  REQUIRE(got.size() == 2);
  CHECK(got[0].correlation_id == "c1");
  CHECK(got[1].correlation_id == "c3");
  CHECK(got[0].care_units == std::vector<std::string>{"SE2321000016-A1", "SE2321000016-B2"});
  CHECK(got[0].channel == "consumer");
  q.from_ms = 1500;
  q.to_ms = 3000;  // exclusive
  CHECK(s.query(q).empty());
  q.to_ms = 3001;
  CHECK(s.query(q).size() == 1);
  fs::remove_all(db.parent_path());
}

TEST_CASE("the audit table is append-only and WAL", "[audit]") {
  const fs::path db = temp_db();
  {
    sqlite_audit_store s(db.string());
    s.append(std::vector<audit_record>{rec(1, "191212121212", "c")});
  }
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.string().c_str(), &raw) == SQLITE_OK);
  char* err = nullptr;
  CHECK(sqlite3_exec(raw, "DELETE FROM audit", nullptr, nullptr, &err) != SQLITE_OK);
  sqlite3_free(err);
  CHECK(sqlite3_exec(raw, "UPDATE audit SET person = 'x'", nullptr, nullptr, &err) != SQLITE_OK);
  sqlite3_free(err);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
  sqlite3_finalize(st);
  sqlite3_close(raw);
  fs::remove_all(db.parent_path());
}

TEST_CASE("a file that is not an audit database is refused", "[audit]") {
  const fs::path db = temp_db();
  CHECK_THROWS_AS(sqlite_audit_store(db.string(), sqlite_audit_store::mode::read_only), audit_error);
  CHECK_THROWS_AS(sqlite_audit_store((db.parent_path() / "no/such/dir/a.db").string()), audit_error);
  fs::remove_all(db.parent_path());
}
