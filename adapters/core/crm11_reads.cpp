// SPDX-License-Identifier: GPL-2.0-or-later
// The eight reading contracts of crm:scheduling 1.1. They have no resultCode:
// answers are lists, and what cannot be answered is a SOAP fault.
#include "adapters/core/crm11_internal.hpp"

#include <algorithm>
#include <set>

namespace tidnav::adapters::crm11_detail {
namespace {

// The unit a reading request is about (its healthcare_facility), as a value or a refusal.
template <class Response>
const unit_entry* unit_or_refuse(const request& r, std::string_view hsa, Response& empty, producer_reply& out) {
  auto unit = body_unit(r, hsa);
  if (!unit) {
    out = read_refusal(r, empty, unit.error());
    return nullptr;
  }
  return unit.value();
}

// The citizen, unless a staff member acts (then nothing may depend on the citizen).
booking_result<std::optional<person_id>> selecting_person(const addressed& a, std::string_view number) {
  auto who = read_person(number);
  if (!who) return core::failure<booking_error>{std::move(who.error())};
  if (a.agent()) return std::optional<person_id>{};
  return std::optional<person_id>{std::move(who.value())};
}

bool listed(const std::vector<std::string>& filter, std::string_view value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

}  // namespace

producer_reply get_subject_of_care_schedule(const request& r) {
  crm11::socs__GetSubjectOfCareScheduleType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::socs__GetSubjectOfCareScheduleResponseType resp;
  // The unit is the LogicalAddress: an aggregator may leave its own id in the body.
  auto who = read_person(req.subject_USCOREof_USCOREcare);
  if (!who) return read_refusal(r, resp, who.error());
  auto list = r.system.appointments(a.unit->native_id, who.value(), {}, r.call.until);
  if (!list) return read_refusal(r, resp, list.error());
  arena mem;
  for (const auto& appt : list.value()) resp.timeslotDetail.push_back(booking_of(r, mem, appt, *a.unit));
  return detail::write_response(r.op, resp);
}

producer_reply get_booking_details(const request& r) {
  crm11::gbd__GetBookingDetailsType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::gbd__GetBookingDetailsResponseType resp;
  producer_reply refused;
  const unit_entry* unit = unit_or_refuse(r, req.healthcare_USCOREfacility, resp, refused);
  if (!unit) return refused;
  auto found = r.system.appointment_by_id(unit->native_id, req.bookingId, r.call.until);
  if (!found) {
    // timeslotDetail is 1..1: "not found" cannot be an empty answer here.
    if (!found.error().is_business()) return detail::technical_fault(found.error());
    return detail::client_fault(citizen_text(found.error()), found.error().detail);
  }
  arena mem;
  resp.timeslotDetail = booking_of(r, mem, found.value(), *unit);
  return detail::write_response(r.op, resp);
}

producer_reply get_available_dates(const request& r) {
  crm11::gad__GetAvailableDatesType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::gad__GetAvailableDatesResponseType resp;
  producer_reply refused;
  const unit_entry* unit = unit_or_refuse(r, req.healthcare_USCOREfacility, resp, refused);
  if (!unit) return refused;
  auto q = date_range(req.startDateInclusive, req.endDateInclusive);
  if (!q) return read_refusal(r, resp, q.error());
  auto who = selecting_person(a, req.gadx__subject_USCOREof_USCOREcare);
  if (!who) return read_refusal(r, resp, who.error());
  auto& query = q.value();
  query.person = who.value();
  query.original_appointment = text_of(req.bookingId);
  query.practitioners = req.performer;
  query.time_type = text_of(req.timeTypeID);
  query.care_type = text_of(req.careTypeID);
  auto dates = r.system.available_dates(unit->native_id, query, r.call.until);
  if (!dates) return read_refusal(r, resp, dates.error());
  arena mem;
  const std::string first_day = instant_to_dt(r.call.now);
  for (const auto& d : dates.value()) {
    const std::string day = format_dt(d.date);
    if (day < first_day || d.free_slots <= 0) continue;  // never offer the past
    auto* out = mem.make<crm11::gad__PerformerAvailabilityByDateType>();
    const unit_entry* at = r.units.by_native_id(d.unit);
    out->healthcare_USCOREfacility = at ? at->hsa_id : unit->hsa_id;
    if (d.with) out->performer = mem.opt(d.with->hsa_id);
    out->date = day;
    if (d.resource) {
      out->resourceName = mem.opt(d.resource->name);
      out->resourceID = mem.opt(d.resource->id);
    }
    out->timeTypeName = mem.opt(d.type.name);
    out->timeTypeID = mem.opt(d.type.code);
    if (d.type.care) {
      out->careTypeName = mem.opt(d.type.care->name);
      out->careTypeID = mem.opt(d.type.care->id);
    }
    resp.performerAvailabilityByDate.push_back(out);
  }
  return detail::write_response(r.op, resp);
}

producer_reply get_available_timeslots(const request& r) {
  crm11::gat__GetAvailableTimeslotsType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::gat__GetAvailableTimeslotsResponseType resp;
  producer_reply refused;
  const unit_entry* unit = unit_or_refuse(r, req.healthcare_USCOREfacility, resp, refused);
  if (!unit) return refused;
  auto q = date_range(req.startDateInclusive, req.endDateInclusive);
  if (!q) return read_refusal(r, resp, q.error());
  auto who = selecting_person(a, req.gatx__subject_USCOREof_USCOREcare);
  if (!who) return read_refusal(r, resp, who.error());
  auto& query = q.value();
  query.person = who.value();
  query.original_appointment = text_of(req.bookingId);
  query.practitioners = req.performer;
  query.time_type = text_of(req.timeTypeID);
  query.care_type = text_of(req.careTypeID);
  auto slots = r.system.available_timeslots(unit->native_id, query, r.call.until);
  if (!slots) return read_refusal(r, resp, slots.error());
  arena mem;
  for (const auto& s : slots.value()) {
    if (s.start <= r.call.now) continue;
    resp.timeslotDetail.push_back(timeslot_of(r, mem, s, *unit));
  }
  return detail::write_response(r.op, resp);
}

producer_reply get_all_time_types(const request& r) {
  crm11::gtt__GetAllTimeTypesType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::gtt__GetAllTimeTypesResponseType resp;
  producer_reply refused;
  const unit_entry* unit = unit_or_refuse(r, req.healthcare_USCOREfacility, resp, refused);
  if (!unit) return refused;
  auto who = selecting_person(a, req.gttx__subject_USCOREof_USCOREcare);
  if (!who) return read_refusal(r, resp, who.error());
  catalogue_query q;
  q.person = who.value();
  q.care_types = req.gttx__careTypeIDs;
  auto types = r.system.time_types(unit->native_id, q, r.call.until);
  if (!types) return read_refusal(r, resp, types.error());
  arena mem;
  for (const auto& t : types.value()) {
    if (t.hidden) continue;  // 1.1 has no "hidden": protected types are not listed at all
    if (!req.gttx__careTypeIDs.empty() && (!t.care || !listed(req.gttx__careTypeIDs, t.care->id))) continue;
    auto* out = mem.make<crm11::crm__TimeTypeType>();
    out->timeTypeName = t.name.empty() ? t.code : t.name;
    out->timeTypeId = t.code;
    resp.ListOfTimeTypes.push_back(out);
  }
  return detail::write_response(r.op, resp);
}

producer_reply get_all_care_types(const request& r) {
  crm11::gct__GetAllCareTypesType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::gct__GetAllCareTypesResponseType resp;
  producer_reply refused;
  const unit_entry* unit = unit_or_refuse(r, req.healthcare_USCOREfacility, resp, refused);
  if (!unit) return refused;
  auto who = selecting_person(a, req.subject_USCOREof_USCOREcare);
  if (!who) return read_refusal(r, resp, who.error());
  // Care types are a property of time types in the domain model.
  catalogue_query q;
  q.person = who.value();
  q.time_types = req.timeTypeIDs;
  q.practitioners = req.performer;
  auto types = r.system.time_types(unit->native_id, q, r.call.until);
  if (!types) return read_refusal(r, resp, types.error());
  arena mem;
  std::set<std::string> seen;
  for (const auto& t : types.value()) {
    if (!t.care || t.hidden || !listed(req.timeTypeIDs, t.code) || !seen.insert(t.care->id).second) continue;
    auto* out = mem.make<crm11::crm__CareTypeType>();
    out->careTypeName = t.care->name.empty() ? t.care->id : t.care->name;
    out->careTypeId = t.care->id;
    resp.careTypes.push_back(out);
  }
  return detail::write_response(r.op, resp);
}

producer_reply get_all_healthcare_facilities(const request& r) {
  crm11::ghf__GetAllHealthcareFacilitiesType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::ghf__GetAllHealthcareFacilitiesResponseType resp;
  producer_reply refused;
  const unit_entry* unit = unit_or_refuse(r, req.healthcare_USCOREfacility, resp, refused);
  if (!unit) return refused;
  auto who = selecting_person(a, req.subject_USCOREof_USCOREcare);
  if (!who) return read_refusal(r, resp, who.error());
  catalogue_query q;
  q.person = who.value();
  q.original_appointment = text_of(req.bookingId);
  auto list = r.system.facilities(unit->native_id, q, r.call.until);
  if (!list) return read_refusal(r, resp, list.error());
  arena mem;
  for (const auto& f : list.value()) {
    const unit_entry* e = r.units.by_native_id(f.unit);
    if (!e) continue;  // not addressable by the consumer
    auto* out = mem.make<crm11::crm__HealthcareFacilityInfoType>();
    out->healthcare_USCOREfacility = e->hsa_id;
    out->healthcare_USCOREfacility_USCOREname = mem.opt(f.name.empty() ? e->name : f.name);
    resp.healthcareFacilityInfos.push_back(out);
  }
  return detail::write_response(r.op, resp);
}

producer_reply get_all_performers(const request& r) {
  crm11::gap__GetAllPerformersType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::gap__GetAllPerformersResponseType resp;
  producer_reply refused;
  const unit_entry* unit = unit_or_refuse(r, req.healthcare_USCOREfacility, resp, refused);
  if (!unit) return refused;
  auto who = selecting_person(a, req.subject_USCOREof_USCOREcare);
  if (!who) return read_refusal(r, resp, who.error());
  catalogue_query q;
  q.person = who.value();
  q.time_types = req.timeTypeIDs;
  q.care_types = req.careTypeIDs;
  auto list = r.system.practitioners(unit->native_id, q, r.call.until);
  if (!list) return read_refusal(r, resp, list.error());
  arena mem;
  for (const auto& p : list.value()) {
    auto* out = mem.make<crm11::crm__PerformerInfoType>();
    out->perfomer = p.hsa_id;
    out->firstName = p.first_name;
    out->lastName = p.last_name;
    out->title = mem.opt(p.title);
    resp.performerInfos.push_back(out);
  }
  return detail::write_response(r.op, resp);
}

}  // namespace tidnav::adapters::crm11_detail
