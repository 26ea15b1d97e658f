// SPDX-License-Identifier: GPL-2.0-or-later
// Where audit records are kept. One interface so the writer can be tested
// against a store that fails; the production one is sqlite_audit_store.
#pragma once

#include <span>
#include <stdexcept>
#include <vector>

#include "hub/audit/audit_record.hpp"

namespace tidnav::audit {

/// Storage failed (disk full, locking, corruption). Nothing of the batch was kept.
class audit_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class audit_store {
 public:
  virtual ~audit_store() = default;
  /// All records in one durable transaction: when this returns they survive a
  /// crash; when it throws audit_error none of them was kept.
  virtual void append(std::span<const audit_record> records) = 0;
  /// Records in time order (oldest first).
  virtual std::vector<audit_record> query(const audit_query& q) = 0;
};

}  // namespace tidnav::audit
