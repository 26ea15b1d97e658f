// SPDX-License-Identifier: GPL-2.0-or-later
// 1.x TimeslotType -> the domain model, read leniently. Shared by the files of
// bridge_booking_system; nothing else should include it.
#pragma once

#include "adapters/bridge/crm_versions.hpp"
#include "adapters/bridge/id_store.hpp"
#include "adapters/bridge/lenient.hpp"
#include "adapters/core/booking_model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters::bridge::detail {

// The unit an item belongs to: the addressed one unless the producer names
// another (a unit group); native unit ids of the bridge are HSA-ids.
std::string unit_of(lenient_reader& read, const std::string& facility, std::string_view addressed);

// A performerName is "title first middle last" joined by blanks; the last word
// is taken as the last name, the rest as the first name (titles cannot be told apart).
practitioner practitioner_of(std::string hsa_id, const std::optional<std::string>& name);

struct read_slot {
  legacy_slot legacy;
  timeslot domain;  // id not yet set
};
// A free time; nullopt when it has no readable start and end.
std::optional<read_slot> read_timeslot(lenient_reader& read, const crm11::crm__TimeslotType& t,
                                       std::string_view addressed);

// A booking; nullopt when its times, bookingId or person cannot be read.
std::optional<appointment> read_booking(lenient_reader& read, id_store& ids, const crm11::crm__TimeslotType& t,
                                        std::string_view addressed, const std::optional<person_id>& expected,
                                        const std::optional<std::string>& known_booking_id = std::nullopt);

// DT of the first and last Swedish day an [from, to) range touches.
std::string first_day(instant from);
std::string last_day(instant to_exclusive);

}  // namespace tidnav::adapters::bridge::detail
