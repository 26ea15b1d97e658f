// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/reindex.hpp"

#include <algorithm>
#include <set>

namespace tidnav::adapters::bridge {

reindex_report bookings_to_index(booking_system& system, const unit_table& units, const person_id& person,
                                 instant now, deadline until) {
  reindex_report report;
  std::set<std::pair<std::string, std::string>> seen;  // (native unit, native id)
  for (const auto& unit : units.entries()) {
    // Only bookings still to come belong in the index (TKB: past ones are removed).
    auto list = system.appointments(unit.native_id, person, time_range{now, std::nullopt}, until);
    if (!list) {
      report.failed_units.push_back(unit.hsa_id + ": " + list.error().detail);
      continue;
    }
    for (const auto& a : list.value()) {
      if (!seen.insert({a.slot.unit, a.id}).second) continue;
      const unit_entry* own = units.by_native_id(a.slot.unit);
      report.entries.push_back({own ? own->hsa_id : unit.hsa_id, a.slot.unit, a.id, a.slot.start});
    }
  }
  std::sort(report.entries.begin(), report.entries.end(),
            [](const reindex_entry& a, const reindex_entry& b) { return a.start < b.start; });
  return report;
}

}  // namespace tidnav::adapters::bridge
