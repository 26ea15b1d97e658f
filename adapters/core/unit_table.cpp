// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/unit_table.hpp"

namespace tidnav::adapters {

unit_table unit_table::build(std::vector<unit_entry> entries, std::vector<std::string>& errors) {
  unit_table t;
  for (auto& e : entries) {
    e.hsa_id = std::string(core::trim_ascii(e.hsa_id));
    if (e.hsa_id.empty() || e.native_id.empty()) {
      errors.push_back("unit with HSA-id '" + e.hsa_id + "' and native id '" + e.native_id + "': both are required");
      continue;
    }
    if (t.by_hsa_.count(e.hsa_id)) {
      errors.push_back("HSA-id " + e.hsa_id + " is listed twice");
      continue;
    }
    if (t.by_native_.count(e.native_id)) {
      errors.push_back("native unit id " + e.native_id + " is listed twice");
      continue;
    }
    t.by_hsa_.emplace(e.hsa_id, t.entries_.size());
    t.by_native_.emplace(e.native_id, t.entries_.size());
    t.entries_.push_back(std::move(e));
  }
  return t;
}

const unit_entry* unit_table::by_hsa_id(std::string_view hsa_id) const {
  const auto it = by_hsa_.find(core::trim_ascii(hsa_id));
  return it == by_hsa_.end() ? nullptr : &entries_[it->second];
}

const unit_entry* unit_table::by_native_id(std::string_view native_id) const {
  const auto it = by_native_.find(std::string(native_id));
  return it == by_native_.end() ? nullptr : &entries_[it->second];
}

bool same_hsa_id(std::string_view a, std::string_view b) {
  return core::iequals(core::trim_ascii(a), core::trim_ascii(b));
}

}  // namespace tidnav::adapters
