// SPDX-License-Identifier: GPL-2.0-or-later
// Which care units (HSA-ids) this adapter serves and what the booking system
// calls them. Consumers address units by HSA-id (LogicalAddress, and the
// healthcare_facility fields of crm 1.1); booking systems know their own ids.
// HSA-ids are compared case-insensitively (TKB) but written back exactly as
// configured. Immutable once built; share it between threads freely.
#pragma once

#include "hub/core/hsa_id.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tidnav::adapters {

// HSAIdType.root we write in scheduling 2.0.
inline constexpr std::string_view hsa_id_oid = "1.2.752.129.2.1.4.1";

struct unit_entry {
  std::string hsa_id;     // as configured, e.g. SE2321000016-ABC1
  std::string native_id;  // the booking system's id of the unit
  std::string name;       // display name when the booking system has none
};

class unit_table {
 public:
  unit_table() = default;
  // Later duplicates (same HSA-id in any case, or same native id) are errors.
  static unit_table build(std::vector<unit_entry> entries, std::vector<std::string>& errors);

  const unit_entry* by_hsa_id(std::string_view hsa_id) const;
  const unit_entry* by_native_id(std::string_view native_id) const;
  const std::vector<unit_entry>& entries() const { return entries_; }

 private:
  std::vector<unit_entry> entries_;
  std::unordered_map<std::string, std::size_t, core::ci_hash, core::ci_equal> by_hsa_;
  std::unordered_map<std::string, std::size_t> by_native_;
};

// Same unit? Case-insensitive, surrounding blanks ignored (as HSA-ids are typed).
bool same_hsa_id(std::string_view a, std::string_view b);

}  // namespace tidnav::adapters
