// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/bridge_internal.hpp"

#include "adapters/core/unit_table.hpp"

namespace tidnav::adapters::bridge::detail {

std::string unit_of(lenient_reader& read, const std::string& facility, std::string_view addressed) {
  const auto named = read.text(&facility, "healthcare_facility");
  if (!named || same_hsa_id(*named, addressed)) return std::string(addressed);
  return *named;
}

practitioner practitioner_of(std::string hsa_id, const std::optional<std::string>& name) {
  practitioner p;
  p.hsa_id = std::move(hsa_id);
  if (name) {
    const auto last_blank = name->find_last_of(' ');
    if (last_blank == std::string::npos) {
      p.last_name = *name;
    } else {
      p.first_name = name->substr(0, last_blank);
      p.last_name = name->substr(last_blank + 1);
    }
  }
  return p;
}

std::optional<read_slot> read_timeslot(lenient_reader& read, const crm11::crm__TimeslotType& t,
                                       std::string_view addressed) {
  const auto start = read.timestamp(t.startTimeInclusive, "startTimeInclusive");
  const auto end = read.timestamp(t.endTimeExclusive, "endTimeExclusive");
  if (!t.startTimeInclusive) read.missing("startTimeInclusive");
  if (!t.endTimeExclusive) read.missing("endTimeExclusive");
  if (!start || !end) return std::nullopt;
  read_slot out;
  legacy_slot& l = out.legacy;
  l.facility = read.text(&t.healthcare_USCOREfacility, "healthcare_facility").value_or(std::string(addressed));
  l.unit = same_hsa_id(l.facility, addressed) ? std::string(addressed) : l.facility;
  l.start_ts = start->ts;
  l.end_ts = end->ts;
  l.start = start->at;
  l.end = end->at;
  // The performer goes back to the producer exactly as it came, HSA-id or not.
  l.performer = read.text_or_empty(t.performer, "performer");
  l.performer_name = read.text_or_empty(t.performerName, "performerName");
  l.resource_id = read.text_or_empty(t.resourceID, "resourceID");
  l.resource_name = read.text_or_empty(t.resourceName, "resourceName");
  l.time_type_id = read.text_or_empty(t.timeTypeID, "timeTypeID");
  l.time_type_name = read.text_or_empty(t.timeTypeName, "timeTypeName");
  l.care_type_id = read.text_or_empty(t.careTypeID, "careTypeID");
  l.care_type_name = read.text_or_empty(t.careTypeName, "careTypeName");

  timeslot& s = out.domain;
  s.unit = l.unit;
  s.start = l.start;
  s.end = l.end;
  s.type.code = l.time_type_id;
  s.type.name = l.time_type_name;
  s.type.cancel_allowed = lenient_reader::flag(t.cancel_USCOREbooking_USCOREallowed);
  s.type.update_allowed = lenient_reader::flag(t.rebooking_USCOREallowed);
  if (!l.care_type_id.empty()) s.type.care = care_type{l.care_type_id, l.care_type_name};
  if (!l.performer.empty() && is_hsa_id(l.performer)) {
    s.practitioners.push_back(practitioner_of(
        l.performer, l.performer_name.empty() ? std::nullopt : std::optional<std::string>(l.performer_name)));
  } else if (!l.performer.empty()) {
    read.note(violation::performer_not_hsa_id, "performer", l.performer);
  }
  if (!l.resource_id.empty() || !l.resource_name.empty()) s.resource = booking_resource{l.resource_id, l.resource_name};
  return out;
}

std::optional<appointment> read_booking(lenient_reader& read, id_store& ids, const crm11::crm__TimeslotType& t,
                                        std::string_view addressed, const std::optional<person_id>& expected,
                                        const std::optional<std::string>& known_booking_id) {
  auto slot = read_timeslot(read, t, addressed);
  auto booking_id = read.text(t.bookingId, "bookingId");
  if (!t.bookingId && !known_booking_id) read.missing("bookingId");
  if (!booking_id) booking_id = known_booking_id;
  auto person = read.person(t.subject_USCOREof_USCOREcare, expected, "subject_of_care");
  if (!slot || !booking_id || !person) return std::nullopt;
  appointment a;
  a.id = ids.appointment_id(slot->legacy.unit, *booking_id, person->number);
  a.person = std::move(*person);
  a.slot = std::move(slot->domain);
  a.invitation = lenient_reader::flag(t.crmx__isInvitation);
  a.purpose = read.text_or_empty(t.purpose, "purpose");
  a.reason_text = read.text_or_empty(t.reason, "reason");
  a.cancel_allowed = lenient_reader::flag(t.cancel_USCOREbooking_USCOREallowed);
  a.update_allowed = lenient_reader::flag(t.rebooking_USCOREallowed);
  a.message_allowed = lenient_reader::flag(t.message_USCOREallowed);
  return a;
}

std::string first_day(instant from) { return instant_to_dt(from); }

std::string last_day(instant to_exclusive) { return instant_to_dt(to_exclusive - std::chrono::seconds{1}); }

}  // namespace tidnav::adapters::bridge::detail
