// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_items.hpp"

#include <initializer_list>

#include "hub/core/hsa_id.hpp"
#include "hub/core/xml_names.hpp"

namespace tidnav::core {
namespace {

constexpr char sep = '\x1f';  // cannot occur in XML text, so joined keys never collide

std::string_view text_of(pugi::xml_node parent, std::string_view local) {
  return trim_ascii(child_by_local_name(parent, local).child_value());
}

std::string folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string joined(std::initializer_list<std::string_view> parts) {
  std::string out;
  bool first = true;
  for (const std::string_view p : parts) {
    if (!first) out += sep;
    first = false;
    out.append(p);
  }
  return out;
}

std::string unit_or(std::string_view unit, std::string_view answer_unit) {
  return folded(unit.empty() ? trim_ascii(answer_unit) : unit);
}

}  // namespace

item_key key_of(aggregate_kind k, pugi::xml_node item, std::string_view answer_unit) {
  item_key key;
  switch (k) {
    case aggregate_kind::schedule_11: {
      key.start = text_of(item, "startTimeInclusive");
      key.unit = unit_or(text_of(item, "healthcare_facility"), answer_unit);
      key.rest = text_of(item, "bookingId");
      if (!key.rest.empty()) key.identity = joined({key.unit, key.rest});
      break;
    }
    case aggregate_kind::appointments_20: {
      key.unit = unit_or(text_of(child_by_local_name(item, "healthcareFacilityId"), "extension"), answer_unit);
      key.rest = folded(text_of(item, "appointmentId"));
      if (!key.rest.empty()) key.identity = joined({key.rest, key.unit});
      break;
    }
    case aggregate_kind::timeslots_20: {
      key.start = text_of(item, "startTime");
      key.unit = unit_or(text_of(child_by_local_name(item, "healthcareFacilityHSAId"), "extension"), answer_unit);
      key.rest = folded(text_of(item, "timeslotId"));
      if (!key.rest.empty()) key.identity = joined({key.rest, key.unit});
      break;
    }
    case aggregate_kind::timeslots_11: {
      key.start = text_of(item, "startTimeInclusive");
      key.unit = unit_or(text_of(item, "healthcare_facility"), answer_unit);
      key.rest = joined({folded(text_of(item, "performer")), text_of(item, "endTimeExclusive"),
                         text_of(item, "resourceID"), text_of(item, "timeTypeID"), text_of(item, "careTypeID"),
                         text_of(item, "bookingId")});
      // Without a start time a free time is not bookable, so it identifies nothing.
      if (!key.start.empty()) key.identity = joined({key.start, key.unit, key.rest});
      break;
    }
  }
  return key;
}

bool item_before(const item_key& a, const item_key& b) noexcept {
  if (a.start != b.start) {
    if (a.start.empty()) return false;
    if (b.start.empty()) return true;
    return a.start < b.start;
  }
  if (a.unit != b.unit) return a.unit < b.unit;
  return a.rest < b.rest;
}

}  // namespace tidnav::core
