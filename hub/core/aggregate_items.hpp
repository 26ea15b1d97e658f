// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Order and identity of the items merged from several units. Keys are read
// from the item's children by local name (the item itself was matched by
// namespace) and trimmed; HSA-ids are compared without regard to ASCII case,
// as the platform compares them.
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
// duplicates. UUIDs and 1.1 performers (HSA-ids) are compared without case
// too; bookingId, resourceID and the type ids are opaque and compared exactly.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <pugixml.hpp>

#include "hub/core/aggregate_kind.hpp"

namespace tidnav::core {

struct key_field {
  std::string_view text;
  bool fold = false;  ///< compared ASCII case-insensitively
};

/// Views into the item's document (and the answer's unit): no copies, so a
/// merge of hundreds of items allocates nothing for its keys.
struct item_key {
  std::string_view start;  ///< TS (yyyyMMddHHmmss, so text order is time order); "" sorts last
  std::string_view unit;   ///< HSA-id, compared case-insensitively
  std::array<key_field, 6> rest{};  ///< the remaining order fields, in order
  std::uint8_t rest_size = 0;
  bool has_identity = false;      ///< false: never a duplicate
  bool identity_has_start = false;  ///< identity = (start,) unit, rest
};

/// The key of `item`; `answer_unit` stands in when the item names no unit.
item_key key_of(aggregate_kind k, pugi::xml_node item, std::string_view answer_unit);

/// Strict weak order by start (empty last), unit, rest.
bool item_before(const item_key& a, const item_key& b) noexcept;

/// Same identity (both must have one), and a hash consistent with it.
bool same_identity(const item_key& a, const item_key& b) noexcept;
std::size_t identity_hash(const item_key& k) noexcept;

}  // namespace tidnav::core
