// SPDX-License-Identifier: GPL-2.0-or-later
// The audit log in SQLite: WAL (readers such as `tidnav audit` and
// `sqlite3 .backup` never block the writer), synchronous=FULL (a committed
// batch survives power loss), append-only (triggers refuse UPDATE and DELETE;
// retention is an operator's deliberate act, see docs/operations.md).
#pragma once

#include <memory>
#include <string>

#include "hub/audit/audit_store.hpp"

struct sqlite3;

namespace tidnav::audit {

class sqlite_audit_store final : public audit_store {
 public:
  enum class mode { read_write, read_only };
  /// Opens (and in read_write mode creates and migrates) the database; throws audit_error.
  explicit sqlite_audit_store(const std::string& path, mode m = mode::read_write);
  ~sqlite_audit_store() override;
  sqlite_audit_store(const sqlite_audit_store&) = delete;
  sqlite_audit_store& operator=(const sqlite_audit_store&) = delete;

  void append(std::span<const audit_record> records) override;
  std::vector<audit_record> query(const audit_query& q) override;

  int schema_version();

 private:
  [[noreturn]] void fail(const std::string& what) const;
  void exec(const char* sql);
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace tidnav::audit
