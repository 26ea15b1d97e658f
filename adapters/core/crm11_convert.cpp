// SPDX-License-Identifier: GPL-2.0-or-later
// Domain model -> generated crm:scheduling 1.1 types. Only the TimeslotType
// fields each contract lists are written (TKB: fields not listed are omitted),
// and empty optional values are left out.
#include "adapters/core/crm11_internal.hpp"

namespace tidnav::adapters::crm11_detail {
namespace {

// Fields common to free times and bookings.
crm11::crm__TimeslotType* common(const request& r, arena& mem, const timeslot& s, const unit_entry& fallback) {
  auto* out = mem.make<crm11::crm__TimeslotType>();
  const unit_entry* unit = r.units.by_native_id(s.unit);
  if (!unit) unit = &fallback;
  out->startTimeInclusive = mem.str(instant_to_ts(s.start));
  out->endTimeExclusive = mem.str(instant_to_ts(s.end));
  out->healthcare_USCOREfacility = unit->hsa_id;
  if (!s.practitioners.empty()) {
    // 1.1 has room for one performer; the first one is the responsible one.
    out->performer = mem.opt(s.practitioners.front().hsa_id);
    out->performerName = mem.opt(performer_name(s.practitioners.front()));
  }
  if (s.resource) {
    out->resourceName = mem.opt(s.resource->name);
    out->resourceID = mem.opt(s.resource->id);
  }
  out->healthcare_USCOREfacility_USCOREname = mem.opt(unit->name);
  out->timeTypeName = mem.opt(s.type.name);
  out->timeTypeID = mem.opt(s.type.code);  // 1177 requires it although the schema does not
  if (s.type.care) {
    out->careTypeName = mem.opt(s.type.care->name);
    out->careTypeID = mem.opt(s.type.care->id);
  }
  return out;
}

}  // namespace

std::string performer_name(const practitioner& p) {
  std::string out;
  for (const auto* part : {&p.title, &p.first_name, &p.last_name}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

crm11::crm__TimeslotType* timeslot_of(const request& r, arena& mem, const timeslot& s, const unit_entry& fallback) {
  auto* out = common(r, mem, s, fallback);
  out->cancel_USCOREbooking_USCOREallowed = mem.copy(s.type.cancel_allowed);
  out->rebooking_USCOREallowed = mem.copy(s.type.update_allowed);
  return out;
}

crm11::crm__TimeslotType* booking_of(const request& r, arena& mem, const appointment& a, const unit_entry& fallback) {
  auto* out = common(r, mem, a.slot, fallback);
  out->bookingId = mem.str(a.id);
  out->subject_USCOREof_USCOREcare = mem.str(a.person.number);
  out->purpose = mem.opt(a.purpose);
  out->reason = mem.opt(a.reason_text);
  // GetBookingDetails needs all three flags; absent would mean false anyway.
  out->cancel_USCOREbooking_USCOREallowed = mem.copy(a.cancel_allowed);
  out->rebooking_USCOREallowed = mem.copy(a.update_allowed);
  out->message_USCOREallowed = mem.copy(a.message_allowed);
  if (a.invitation) out->crmx__isInvitation = mem.copy(true);
  return out;
}

}  // namespace tidnav::adapters::crm11_detail
