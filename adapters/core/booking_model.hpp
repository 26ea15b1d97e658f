// SPDX-License-Identifier: GPL-2.0-or-later
// The contract-neutral domain model every booking system adapter speaks. Times
// are UTC instants (swedish_time.hpp converts at the contract edge); ids are the
// booking system's own strings (name_uuid.hpp makes 2.0 UUIDs of them); units
// are the booking system's own unit ids (unit_table.hpp maps HSA-ids to them).
// Fields a contract has no place for are simply not emitted there.
#pragma once

#include "adapters/core/person_number.hpp"
#include "adapters/core/swedish_time.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tidnav::adapters {

struct person_id {
  person_number_kind kind = person_number_kind::personnummer;
  std::string number;  // 12 digits, already checked with check_person_number()

  friend bool operator==(const person_id&, const person_id&) = default;
};

struct coded_value {
  std::string code;
  std::string code_system;
  std::string display_name;
};

struct information_text {
  std::string header;
  std::string description;
  std::string link;
};

struct care_type {
  std::string id;  // local to the unit (crm:scheduling 1.1 careTypeID)
  std::string name;
};

struct practitioner {
  std::string hsa_id;
  std::string first_name;
  std::string last_name;
  std::string title;
};

struct booking_resource {  // a room or a device the visit needs
  std::string id;
  std::string name;
};

enum class booking_flow { new_booking, rebooking, cancellation };
enum class reason_rule { mandatory, optional, not_supported };

struct time_type_rule {
  booking_flow flow = booking_flow::new_booking;
  reason_rule reason_text = reason_rule::optional;
  reason_rule reason_code = reason_rule::not_supported;
  std::vector<coded_value> reason_codes;
  std::vector<information_text> information;
};

struct time_type {
  std::string code;  // local to the unit
  std::string name;
  bool hidden = false;  // bookable only when assigned (invitation, triage)
  bool cancel_allowed = false;
  bool update_allowed = false;
  std::optional<care_type> care;
  std::optional<coded_value> contact_mode;     // "Kv kontakttyp"
  std::vector<std::string> healthcare_services;  // SNOMED CT SE codes
  std::vector<time_type_rule> rules;           // at most one per flow
};

struct timeslot {
  std::string id;    // native slot id; may encode whatever the backend needs to book it
  std::string unit;  // native unit id
  instant start{};
  instant end{};
  time_type type;
  std::vector<practitioner> practitioners;
  std::optional<booking_resource> resource;
  std::optional<bool> within_care_guarantee;
  std::string alternative_location;
};

enum class appointment_status { confirmed, preliminary };

struct appointment {
  std::string id;  // native
  person_id person;
  timeslot slot;
  appointment_status status = appointment_status::confirmed;
  bool invitation = false;  // made by the unit, not the citizen
  std::string reason_text;  // the citizen's own words when booking
  std::optional<coded_value> reason_code;
  std::string purpose;      // the unit's text about the visit
  bool cancel_allowed = false;
  bool update_allowed = false;
  bool message_allowed = false;
  std::vector<information_text> information;
};

struct available_date {
  std::chrono::year_month_day date;  // Swedish calendar date
  std::string unit;
  int free_slots = 0;
  time_type type;
  std::optional<practitioner> with;
  std::optional<booking_resource> resource;
};

struct facility {
  std::string unit;  // native unit id
  std::string name;
  std::string alternative_location;
  std::vector<information_text> information;
  std::vector<information_text> conditions;  // the citizen must accept these
};

struct contact_details {  // crm:scheduling 1.1 subject_of_care_info
  std::string phone;
  std::string email;
  std::string address;
  std::string first_name;
  std::string last_name;
};

// ---- queries --------------------------------------------------------------

struct time_range {
  std::optional<instant> from;  // inclusive
  std::optional<instant> to;    // exclusive
  bool contains(instant t) const { return (!from || *from <= t) && (!to || t < *to); }
};

struct availability_query {
  instant from{};  // inclusive
  instant to{};    // exclusive
  std::optional<person_id> person;                // absent: logged out, or a staff actor
  std::optional<std::string> original_appointment;  // native id: searching for a rebooking
  std::vector<std::string> practitioners;         // HSA-ids; empty: anyone
  std::optional<std::string> time_type;
  std::optional<std::string> healthcare_service;
  std::optional<std::string> care_type;
  std::vector<coded_value> contact_modes;
  std::optional<int> priority;
};

struct catalogue_query {
  std::optional<person_id> person;
  std::optional<std::string> original_appointment;
  std::vector<std::string> practitioners;  // HSA-ids
  std::vector<std::string> time_types;
  std::vector<std::string> care_types;
  std::optional<std::string> healthcare_service;
};

// ---- writes ---------------------------------------------------------------

struct make_request {
  person_id person;
  std::string slot;  // native slot id
  std::string reason_text;
  std::optional<coded_value> reason_code;
  std::optional<std::string> invitation;  // native id of the open invitation being booked
  contact_details contact;
  std::string notification;  // free text to the unit
};

struct update_request {
  std::string appointment;  // native id of the booking to move
  std::optional<person_id> person;
  std::string slot;  // native id of the new slot
  std::string reason_text;
  std::optional<coded_value> reason_code;
  std::string notification;
};

struct cancel_request {
  std::string appointment;
  std::optional<person_id> person;  // absent when the contract does not say (1.1 with a staff actor)
  std::string reason_text;
  std::optional<coded_value> reason_code;
};

struct confirm_request {
  std::string appointment;
  person_id person;
};

struct write_receipt {
  std::string appointment;  // native id of the (new) booking
  std::string notice;       // non-empty: done, and the citizen must read this (INFO)
};

}  // namespace tidnav::adapters
