// SPDX-License-Identifier: GPL-2.0-or-later
// Domain model -> generated scheduling 2.0 types. Empty optional values are
// left out (RIVTA forbids empty optional elements).
#include "adapters/core/sched2_internal.hpp"

namespace tidnav::adapters::sched2_detail {
namespace {

constexpr std::string_view snomed_ct_se = "1.2.752.116.2.1.1";

sched2::sch__ProcessEnum process_of(booking_flow f) {
  switch (f) {
    case booking_flow::new_booking: return sched2::sch__ProcessEnum::NYBOKNING;
    case booking_flow::rebooking: return sched2::sch__ProcessEnum::OMBOKNING;
    case booking_flow::cancellation: return sched2::sch__ProcessEnum::AVBOKNING;
  }
  return sched2::sch__ProcessEnum::NYBOKNING;
}

sched2::sch__ReasonRequiredEnum requirement_of(reason_rule r) {
  switch (r) {
    case reason_rule::mandatory: return sched2::sch__ReasonRequiredEnum::Mandatory;
    case reason_rule::optional: return sched2::sch__ReasonRequiredEnum::Optional;
    case reason_rule::not_supported: return sched2::sch__ReasonRequiredEnum::ReasonNotSupported;
  }
  return sched2::sch__ReasonRequiredEnum::Optional;
}

}  // namespace

sched2::sch__HSAIdType* hsa_id(arena& mem, std::string_view id) {
  auto* out = mem.make<sched2::sch__HSAIdType>();
  out->root = hsa_id_oid;
  out->extension = id;
  return out;
}

sched2::sch__PersonIdType* person(arena& mem, const person_id& p) {
  auto* out = mem.make<sched2::sch__PersonIdType>();
  const std::string oid(oid_of(p.kind));
  sched2::soap_s2sch__PersonIdRootType(detail::write_context(contracts::family::sched2).get(), oid.c_str(), &out->root);
  out->extension = p.number;
  return out;
}

sched2::sch__CVType* cv(arena& mem, const coded_value& v) {
  auto* out = mem.make<sched2::sch__CVType>();
  out->code = v.code;
  out->codeSystem = v.code_system;
  out->displayName = mem.opt(v.display_name);
  return out;
}

sched2::sch__InformationType* information(arena& mem, const information_text& t) {
  auto* out = mem.make<sched2::sch__InformationType>();
  out->header = t.header;
  out->description = mem.opt(t.description);
  out->link = mem.opt(t.link);
  return out;
}

sched2::sch__TimeTypeType* time_type_of(arena& mem, const time_type& t) {
  auto* out = mem.make<sched2::sch__TimeTypeType>();
  out->code = t.code;
  out->hidden = mem.copy(t.hidden);
  if (t.contact_mode) out->careContactCode = cv(mem, *t.contact_mode);
  for (const auto& code : t.healthcare_services) {
    auto* service = mem.make<sched2::sch__HealthcareServiceType>();
    service->code = mem.make<sched2::sch__SnomedCtType>();
    service->code->code = code;
    service->code->codeSystem = snomed_ct_se;
    out->healthcareService.push_back(service);
  }
  out->cancelAppointmentAllowed = t.cancel_allowed;
  out->updateAppointmentAllowed = t.update_allowed;
  for (const auto& rule : t.rules) {
    if (out->appointmentRule.size() == 3) break;  // at most one per flow
    auto* r = mem.make<sched2::sch__TimeTypeRulesType>();
    r->type = process_of(rule.flow);
    r->reasonTextRequired = requirement_of(rule.reason_text);
    r->reasonCodeRequired = requirement_of(rule.reason_code);
    for (const auto& c : rule.reason_codes) r->reasonCodes.push_back(cv(mem, c));
    for (const auto& i : rule.information) r->information.push_back(information(mem, i));
    out->appointmentRule.push_back(r);
  }
  return out;
}

sched2::sch__PractitionerType* practitioner_of(arena& mem, const practitioner& p) {
  auto* out = mem.make<sched2::sch__PractitionerType>();
  out->HSAId = hsa_id(mem, p.hsa_id);
  out->firstName = p.first_name;
  out->lastName = p.last_name;
  out->title = mem.opt(p.title);
  return out;
}

sched2::sch__ResourceType* resource_of(arena& mem, const booking_resource& res) {
  // 2.0 describes resources by code, not by id; the name is what a citizen can use.
  auto* out = mem.make<sched2::sch__ResourceType>();
  out->description = mem.opt(res.name.empty() ? res.id : res.name);
  return out;
}

sched2::sch__TimeslotType* timeslot_of(const request& r, arena& mem, const timeslot& s, const unit_entry& unit) {
  auto* out = mem.make<sched2::sch__TimeslotType>();
  out->timeslotId = timeslot_uuid(r, s.unit, s.id);
  out->timeType = time_type_of(mem, s.type);
  out->startTime = instant_to_ts(s.start);
  if (s.end > s.start) {
    out->endTime = mem.str(instant_to_ts(s.end));
    out->timeLength = mem.copy(std::chrono::duration<double, std::ratio<60>>(s.end - s.start).count());
  }
  out->healthcareFacilityHSAId = hsa_id(mem, hsa_of(r, s.unit, unit));
  for (const auto& p : s.practitioners) out->practitioner.push_back(practitioner_of(mem, p));
  if (s.resource) out->resource.push_back(resource_of(mem, *s.resource));
  if (s.within_care_guarantee) out->withinCareGuarantee = mem.copy(*s.within_care_guarantee);
  out->alternativeLocation = mem.opt(s.alternative_location);
  return out;
}

sched2::sch__AppointmentType* appointment_of(const request& r, arena& mem, const appointment& a,
                                             const unit_entry& unit) {
  auto* out = mem.make<sched2::sch__AppointmentType>();
  out->appointmentId = appointment_uuid(r, a.slot.unit, a.id);
  out->timeslot = timeslot_of(r, mem, a.slot, unit);
  // The booking's own flags win over its time type's defaults (deadlines may have passed).
  out->timeslot->timeType->cancelAppointmentAllowed = a.cancel_allowed;
  out->timeslot->timeType->updateAppointmentAllowed = a.update_allowed;
  out->personId = person(mem, a.person);
  for (const auto& i : a.information) out->information.push_back(information(mem, i));
  out->status = a.status == appointment_status::preliminary ? sched2::sch__AppointmentStatusEnum::preliminary
                                                            : sched2::sch__AppointmentStatusEnum::confirmed;
  out->newAppointmentReasonText = mem.opt(a.reason_text);
  if (a.reason_code) out->newAppointmentReasonCode = cv(mem, *a.reason_code);
  return out;
}

sched2::sch__OrgUnitType* org_unit_of(arena& mem, const facility& f, std::string_view hsa) {
  auto* out = mem.make<sched2::sch__OrgUnitType>();
  out->HSAId = hsa_id(mem, hsa);
  out->name = mem.opt(f.name);
  out->alternativeLocation = mem.opt(f.alternative_location);
  for (const auto& i : f.information) out->information.push_back(information(mem, i));
  for (const auto& c : f.conditions) out->conditionToConfirm.push_back(information(mem, c));
  return out;
}

}  // namespace tidnav::adapters::sched2_detail
