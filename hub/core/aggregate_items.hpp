// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Order and identity of the items merged from several units. Keys are read
// from the item's children by local name (the item itself was matched by
// namespace), trimmed, and HSA-ids are ASCII case-folded, as the platform
// compares them.
//
//   kind             order                                  identity (first seen wins)
//   schedule_11      startTimeInclusive, unit, bookingId    unit, bookingId
//   appointments_20  unit, appointmentId                    appointmentId, unit
//   timeslots_20     startTime, unit, timeslotId            timeslotId, unit
//   timeslots_11     startTimeInclusive, unit, performer,   all of the order fields
//                    end, resourceID, timeTypeID,
//                    careTypeID, bookingId
//
// GetAppointments 2.0 carries ids only (AppointmentPerHealthcareFacilityType has
// no time), so it cannot be ordered by start time. A 1.1 free time has no id of
// its own; MakeBooking books it by these fields, so they are its identity.
// Items without a start time sort last; items without an id are never
// duplicates. UUIDs are compared case-insensitively (hex, both cases allowed).

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "hub/core/aggregate_kind.hpp"

namespace tidnav::core {

struct item_key {
  std::string start;     ///< TS (yyyyMMddHHmmss, so text order is time order); "" sorts last
  std::string unit;      ///< case-folded HSA-id
  std::string rest;      ///< the remaining order fields, joined
  std::string identity;  ///< de-duplication key; "" = never a duplicate
};

/// The key of `item`; `answer_unit` stands in when the item names no unit.
item_key key_of(aggregate_kind k, pugi::xml_node item, std::string_view answer_unit);

/// Strict weak order by start (empty last), unit, rest.
bool item_before(const item_key& a, const item_key& b) noexcept;

}  // namespace tidnav::core
