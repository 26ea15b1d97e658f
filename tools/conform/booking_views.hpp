// SPDX-License-Identifier: GPL-2.0-or-later
// The contract-neutral view the kit's checks take of a producer's answers: the
// two family drivers read their own XML into these, so one booking flow can
// check both families.
#pragma once

#include "tools/conform/answer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tidnav::conform {

struct coded {
  std::string code, code_system, display_name;
};

// 2.0 appointmentRule for one flow (NYBOKNING, OMBOKNING, AVBOKNING).
struct reason_rule {
  std::string text = "Optional";            // Mandatory | Optional | ReasonNotSupported
  std::string code = "ReasonNotSupported";
  std::optional<coded> first_code;          // a reasonCodes entry to send when a code is Mandatory
};

struct free_slot {
  std::string id;          // 2.0 timeslotId; "" in 1.1 (times are named by their fields)
  std::string start, end;  // TS, as given
  std::string facility;    // HSA-id of the unit giving the care
  std::string time_type;   // 2.0 timeType/code; 1.1 timeTypeID
  std::string performer, resource, care_type;  // 1.1
  std::optional<bool> cancel_allowed, update_allowed;
  reason_rule new_booking, rebooking, cancellation;  // 2.0
  std::string label() const;  // "20310310093000-20310310100000 LAK30 (id …)"
  bool same_time(const free_slot& o) const;  // same id (2.0), or the same time, unit, type, performer, resource (1.1)
};

struct free_date {
  std::string date;  // DT
  int count = -1;    // 2.0 noOfTimeslots; -1 in 1.1 (no count)
  std::string time_type;
  std::string facility;
};

struct listed_booking {
  std::string id;
  std::string facility;
  std::string start, end;  // 1.1 only (2.0 lists ids)
  std::string person;      // 1.1 subject_of_care
  bool invitation = false;
};

struct booking_details {
  bool found = false;
  std::string id, start, end, facility, person, time_type, purpose, status;
  std::optional<bool> cancel_allowed, update_allowed, message_allowed;
  bool invitation = false;
  bool has_start = false, has_end = false;
};

struct write_result {
  std::string code;  // resultCode
  std::string text;
  std::string id;    // appointmentId / bookingId when the answer has one
  bool done() const { return code == "OK" || code == "INFO"; }
};

template <class T>
struct reply {
  answer a;
  T value{};
  bool ok = false;  // HTTP 200 with the answer element (not a fault)
};

struct search {
  std::string from, to;  // DT, inclusive
  std::optional<std::string> time_type;
  std::optional<std::string> original;  // rebooking search for this booking
};

}  // namespace tidnav::conform
