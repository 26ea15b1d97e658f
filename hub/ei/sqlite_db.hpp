// SPDX-License-Identifier: GPL-2.0-or-later
// A thin RAII layer over the SQLite C API: a connection with a cache of
// prepared statements, bound statements that reset themselves, and an
// IMMEDIATE transaction that rolls back unless committed. Errors throw
// store_error with SQLite's message.
#pragma once

#include "hub/ei/engagement_store.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace tidnav::ei {

class sqlite_connection;

// A prepared statement in use: bind, step, read columns. The destructor resets
// it and clears its bindings so the cached statement is ready for the next use.
class sqlite_query {
 public:
  sqlite_query(sqlite_connection& conn, sqlite3_stmt* stmt) : conn_(&conn), stmt_(stmt) {}
  ~sqlite_query();
  sqlite_query(const sqlite_query&) = delete;
  sqlite_query& operator=(const sqlite_query&) = delete;

  sqlite_query& bind(int index, std::string_view text);
  sqlite_query& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  sqlite_query& bind(int index, const std::optional<std::string>& text);  // NULL when nullopt
  sqlite_query& bind(int index, std::int64_t value);
  sqlite_query& bind_null(int index);

  bool step();  // true: a row is available; false: done
  void run();   // steps to the end, for statements without rows

  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::int64_t integer(int column) const;

 private:
  sqlite_connection* conn_;
  sqlite3_stmt* stmt_;
};

class sqlite_connection {
 public:
  // Opens (creating when asked) with the pragmas every connection needs.
  sqlite_connection(const std::string& path, bool create);
  ~sqlite_connection();
  sqlite_connection(const sqlite_connection&) = delete;
  sqlite_connection& operator=(const sqlite_connection&) = delete;

  void exec(const std::string& sql);
  sqlite_query query(std::string_view sql);  // prepared once, reused after
  std::int64_t last_insert_rowid() const;
  std::int64_t changes() const;
  std::string pragma_text(const std::string& name);

  [[noreturn]] void fail(const std::string& what) const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

// BEGIN IMMEDIATE takes the write lock up front, so a writer never fails half
// way through with SQLITE_BUSY on lock upgrade.
class sqlite_transaction {
 public:
  explicit sqlite_transaction(sqlite_connection& conn);
  ~sqlite_transaction();
  sqlite_transaction(const sqlite_transaction&) = delete;
  sqlite_transaction& operator=(const sqlite_transaction&) = delete;
  void commit();

 private:
  sqlite_connection& conn_;
  bool done_ = false;
};

}  // namespace tidnav::ei
