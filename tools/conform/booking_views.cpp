// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/booking_views.hpp"

#include "hub/core/hsa_id.hpp"

namespace tidnav::conform {

std::string free_slot::label() const {
  std::string s = start + "-" + end;
  if (!time_type.empty()) s += " " + time_type;
  if (!facility.empty()) s += " at " + facility;
  if (!id.empty()) s += " (timeslotId " + id + ")";
  return s;
}

bool free_slot::same_time(const free_slot& o) const {
  if (!id.empty() || !o.id.empty()) return core::iequals(id, o.id);
  return start == o.start && end == o.end && core::iequals(facility, o.facility) && time_type == o.time_type &&
         core::iequals(performer, o.performer) && resource == o.resource;
}

}  // namespace tidnav::conform
