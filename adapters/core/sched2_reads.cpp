// SPDX-License-Identifier: GPL-2.0-or-later
// The eight reading contracts of scheduling 2.0.
#include "adapters/core/sched2_internal.hpp"

#include <algorithm>

namespace tidnav::adapters::sched2_detail {
namespace {

using sched2_detail::request;

std::optional<std::string> text_of(const std::string* s) {
  if (!s || s->empty()) return std::nullopt;
  return *s;
}

std::vector<coded_value> codes_of(const std::vector<sched2::sch__CVType*>& in) {
  std::vector<coded_value> out;
  for (const auto* c : in) {
    if (c) out.push_back({c->code, c->codeSystem, c->displayName ? *c->displayName : std::string()});
  }
  return out;
}

// Reading contracts answer a business outcome with ERROR and the citizen text.
template <class Response>
producer_reply business_answer(const request& r, Response& resp, const booking_error& e) {
  arena mem;
  set_business(resp, mem, e, sched2_flow::read);
  return detail::write_response(r.op, resp);
}

// The filters shared by the availability and catalogue contracts.
struct common_filters {
  std::optional<person_id> person;
  std::optional<std::string> original;
  std::optional<std::string> time_type;
  std::optional<std::string> service;
};

booking_result<common_filters> filters(const request& r, const unit_entry& unit, const sched2::sch__PersonIdType* p,
                                       const std::string* original, const std::string* time_type,
                                       const std::string* service) {
  common_filters f;
  if (p) {
    auto who = read_person(p);
    if (!who) return core::failure<booking_error>{std::move(who.error())};
    f.person = std::move(who.value());
  }
  f.time_type = text_of(time_type);
  f.service = text_of(service);
  if (f.time_type && f.service) {
    return fail(business_code::invalid_request, "timeTypeCode and healthcareServiceCode must not both be set");
  }
  if (const auto uuid = text_of(original)) {
    if (f.person) {
      auto native = resolve_appointment(r, unit, *uuid, *f.person);
      if (!native) return core::failure<booking_error>{std::move(native.error())};
      f.original = std::move(native.value());
    } else if (r.call.ids) {
      if (auto ref = r.call.ids->find(native_id_kind::appointment, *uuid)) f.original = ref->id;
    }
    if (!f.original) f.original = *uuid;
  }
  return f;
}

std::string today(const request& r) { return instant_to_dt(r.call.now); }

}  // namespace

producer_reply get_appointments(const request& r) {
  sched2::gas__GetAppointmentsType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  // This response has no resultCode: outcomes the citizen could act on do not
  // exist here, so a bad request is a Client fault and "none" an empty list.
  auto who = read_person(req.personId);
  if (!who) return detail::client_fault("Invalid personId", who.error().detail);
  time_range range;
  if (req.fromDate) {
    const auto d = parse_dt(*req.fromDate);
    if (!d) return detail::client_fault("fromDate is not a date");
    range.from = start_of_day(*d);
  }
  if (req.toDate) {
    const auto d = parse_dt(*req.toDate);
    if (!d) return detail::client_fault("toDate is not a date");
    range.to = start_of_day(std::chrono::year_month_day{std::chrono::sys_days{*d} + std::chrono::days{1}});
  }
  auto list = r.system.appointments(a.unit->native_id, who.value(), range, r.call.until);
  sched2::gas__GetAppointmentsResponseType resp;
  arena mem;
  if (!list) {
    if (!list.error().is_business()) return detail::technical_fault(list.error());
    if (list.error().business != business_code::not_found) {
      return detail::client_fault(citizen_text(list.error()), list.error().detail);
    }
    return detail::write_response(r.op, resp);
  }
  const auto time_type = text_of(req.timeTypeCode);
  const auto service = text_of(req.healthcareServiceCode);
  for (const auto& appt : list.value()) {
    if (time_type && appt.slot.type.code != *time_type) continue;
    const auto& services = appt.slot.type.healthcare_services;
    if (service && std::find(services.begin(), services.end(), *service) == services.end()) continue;
    auto* item = mem.make<sched2::sch__AppointmentPerHealthcareFacilityType>();
    item->appointmentId = appointment_uuid(r, appt.slot.unit, appt.id);
    item->healthcareFacilityId = hsa_id(mem, hsa_of(r, appt.slot.unit, *a.unit));
    resp.appointment.push_back(item);
  }
  return detail::write_response(r.op, resp);
}

producer_reply get_appointment(const request& r) {
  sched2::ga__GetAppointmentType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::ga__GetAppointmentResponseType resp;
  auto who = read_person(req.personId);
  if (!who) return business_answer(r, resp, who.error());
  auto native = resolve_appointment(r, *a.unit, req.appointmentId, who.value());
  if (!native) {
    if (!native.error().is_business()) return detail::technical_fault(native.error());
    return business_answer(r, resp, native.error());
  }
  auto found = r.system.appointment_by_id(a.unit->native_id, native.value(), r.call.until);
  if (!found) {
    if (!found.error().is_business()) return detail::technical_fault(found.error());
    return business_answer(r, resp, found.error());
  }
  // Someone else's booking is answered exactly like a missing one.
  if (found.value().person.number != who.value().number) {
    return business_answer(r, resp, booking_error::of(business_code::not_found, "personId does not match"));
  }
  arena mem;
  resp.appointment = appointment_of(r, mem, found.value(), *a.unit);
  set_ok(resp, mem, {});
  return detail::write_response(r.op, resp);
}

producer_reply get_available_dates(const request& r) {
  sched2::sgad__GetAvailableDatesType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::sgad__GetAvailableDatesResponseType resp;
  auto q = date_range(req.startDateInclusive, req.endDateInclusive);
  if (!q) return business_answer(r, resp, q.error());
  auto f = filters(r, *a.unit, req.personId, req.originalAppointmentId, req.timeTypeCode, req.healthcareServiceCode);
  if (!f) {
    if (!f.error().is_business()) return detail::technical_fault(f.error());
    return business_answer(r, resp, f.error());
  }
  auto& query = q.value();
  query.person = f.value().person;
  query.original_appointment = f.value().original;
  query.time_type = f.value().time_type;
  query.healthcare_service = f.value().service;
  if (req.practitionerId) query.practitioners.push_back(req.practitionerId->extension);
  if (req.careContactCode) query.contact_modes = codes_of({req.careContactCode});
  if (req.priority) query.priority = *req.priority;
  auto dates = r.system.available_dates(a.unit->native_id, query, r.call.until);
  if (!dates) {
    if (!dates.error().is_business()) return detail::technical_fault(dates.error());
    return business_answer(r, resp, dates.error());
  }
  arena mem;
  const std::string first_day = today(r);
  for (const auto& d : dates.value()) {
    const std::string day = format_dt(d.date);
    if (day < first_day || d.free_slots <= 0) continue;  // never offer the past
    auto* out = mem.make<sched2::sch__AvailableDateType>();
    out->date = day;
    out->noOfTimeslots = d.free_slots;
    out->timeType = time_type_of(mem, d.type);
    if (d.with) out->practitioner = practitioner_of(mem, *d.with);
    if (d.resource) out->resource = resource_of(mem, *d.resource);
    resp.availableDate.push_back(out);
  }
  set_ok(resp, mem, {});
  return detail::write_response(r.op, resp);
}

producer_reply get_available_timeslots(const request& r) {
  sched2::sgat__GetAvailableTimeslotsType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::sgat__GetAvailableTimeslotsResponseType resp;
  auto q = date_range(req.startDateInclusive, req.endDateInclusive);
  if (!q) return business_answer(r, resp, q.error());
  auto f = filters(r, *a.unit, req.personId, req.originalAppointmentId, req.timeTypeCode, req.healthcareServiceCode);
  if (!f) {
    if (!f.error().is_business()) return detail::technical_fault(f.error());
    return business_answer(r, resp, f.error());
  }
  auto& query = q.value();
  query.person = f.value().person;
  query.original_appointment = f.value().original;
  query.time_type = f.value().time_type;
  query.healthcare_service = f.value().service;
  if (req.practitionerId) query.practitioners.push_back(req.practitionerId->extension);
  query.contact_modes = codes_of(req.careContactCode);
  if (req.priority) query.priority = *req.priority;
  auto slots = r.system.available_timeslots(a.unit->native_id, query, r.call.until);
  if (!slots) {
    if (!slots.error().is_business()) return detail::technical_fault(slots.error());
    return business_answer(r, resp, slots.error());
  }
  arena mem;
  for (const auto& s : slots.value()) {
    if (s.start <= r.call.now) continue;  // never offer the past, whatever the backend says
    resp.timeslot.push_back(timeslot_of(r, mem, s, *a.unit));
  }
  set_ok(resp, mem, {});
  return detail::write_response(r.op, resp);
}

producer_reply get_time_types(const request& r) {
  sched2::sgtt__GetTimeTypesType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::sgtt__GetTimeTypesResponseType resp;
  catalogue_query q;
  if (req.personId) {
    auto who = read_person(req.personId);
    if (!who) return business_answer(r, resp, who.error());
    q.person = who.value();
  }
  if (req.practitionerId) q.practitioners.push_back(req.practitionerId->extension);
  q.healthcare_service = text_of(req.healthcareServiceCode);
  auto types = r.system.time_types(a.unit->native_id, q, r.call.until);
  if (!types) {
    if (!types.error().is_business()) return detail::technical_fault(types.error());
    return business_answer(r, resp, types.error());
  }
  arena mem;
  for (const auto& t : types.value()) resp.timeType.push_back(time_type_of(mem, t));
  set_ok(resp, mem, {});
  return detail::write_response(r.op, resp);
}

producer_reply get_healthcare_facilities(const request& r) {
  sched2::ghfs__GetHealthcareFacilitiesType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::ghfs__GetHealthcareFacilitiesResponseType resp;
  auto f = filters(r, *a.unit, req.personId, req.originalAppointmentId, req.timeTypeCode, req.healthcareServiceCode);
  if (!f) {
    if (!f.error().is_business()) return detail::technical_fault(f.error());
    return business_answer(r, resp, f.error());
  }
  catalogue_query q;
  q.person = f.value().person;
  q.original_appointment = f.value().original;
  if (f.value().time_type) q.time_types.push_back(*f.value().time_type);
  q.healthcare_service = f.value().service;
  auto list = r.system.facilities(a.unit->native_id, q, r.call.until);
  if (!list) {
    if (!list.error().is_business()) return detail::technical_fault(list.error());
    return business_answer(r, resp, list.error());
  }
  arena mem;
  for (const auto& fac : list.value()) {
    // A unit without an HSA-id cannot be addressed by the consumer: leave it out.
    if (const unit_entry* e = r.units.by_native_id(fac.unit)) {
      resp.healthcareFacility.push_back(org_unit_of(mem, fac, e->hsa_id));
    }
  }
  set_ok(resp, mem, {});
  return detail::write_response(r.op, resp);
}

producer_reply get_healthcare_facility(const request& r) {
  sched2::ghfy__GetHealthcareFacilityType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::ghfy__GetHealthcareFacilityResponseType resp;
  arena mem;
  auto list = r.system.facilities(a.unit->native_id, {}, r.call.until);
  if (!list) {
    if (!list.error().is_business()) return detail::technical_fault(list.error());
    // healthcareFacility is 1..1 even when the answer is ERROR.
    resp.healthcareFacility = org_unit_of(mem, facility{a.unit->native_id, a.unit->name, {}, {}, {}}, a.unit->hsa_id);
    set_business(resp, mem, list.error(), sched2_flow::read);
    return detail::write_response(r.op, resp);
  }
  facility self{a.unit->native_id, a.unit->name, {}, {}, {}};
  for (const auto& fac : list.value()) {
    if (fac.unit == a.unit->native_id) self = fac;
  }
  if (self.name.empty()) self.name = a.unit->name;
  resp.healthcareFacility = org_unit_of(mem, self, a.unit->hsa_id);
  set_ok(resp, mem, {});
  return detail::write_response(r.op, resp);
}

producer_reply get_practitioners(const request& r) {
  sched2::gpr__GetPractitionersType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::gpr__GetPractitionersResponseType resp;
  auto f = filters(r, *a.unit, req.personId, req.originalAppointmentId, req.timeTypeCode, req.healthcareServiceCode);
  if (!f) {
    if (!f.error().is_business()) return detail::technical_fault(f.error());
    return business_answer(r, resp, f.error());
  }
  catalogue_query q;
  q.person = f.value().person;
  q.original_appointment = f.value().original;
  if (f.value().time_type) q.time_types.push_back(*f.value().time_type);
  q.healthcare_service = f.value().service;
  auto list = r.system.practitioners(a.unit->native_id, q, r.call.until);
  if (!list) {
    if (!list.error().is_business()) return detail::technical_fault(list.error());
    return business_answer(r, resp, list.error());
  }
  arena mem;
  for (const auto& p : list.value()) resp.practitioner.push_back(practitioner_of(mem, p));
  set_ok(resp, mem, {});
  return detail::write_response(r.op, resp);
}

}  // namespace tidnav::adapters::sched2_detail
