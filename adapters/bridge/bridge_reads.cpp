// SPDX-License-Identifier: GPL-2.0-or-later
// The reading half of the bridge: each booking_system read is one call to the
// producer, its answer read leniently into the domain model.
#include "adapters/bridge/bridge_booking_system.hpp"
#include "adapters/bridge/bridge_internal.hpp"

#include "adapters/core/name_uuid.hpp"
#include "adapters/core/unit_table.hpp"

#include <algorithm>

namespace tidnav::adapters::bridge {

bridge_booking_system::bridge_booking_system(legacy_profile profile, fhir::http_transport& transport, id_store& ids,
                                             violation_counter& violations, std::function<instant()> clock)
    : profile_(std::move(profile)),
      client_(profile_, transport, violations),
      ids_(ids),
      violations_(violations),
      clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

bridge_booking_system::booking_ref bridge_booking_system::resolve(std::string_view unit, std::string_view id) const {
  if (auto known = ids_.find_appointment(id)) {
    booking_ref ref{known->unit, known->booking_id, std::nullopt};
    if (auto p = check_person_number(known->person)) ref.person = person_id{*p.kind, known->person};
    return ref;
  }
  // Not an id we made: the producer's own bookingId (a 1.1 consumer that knows it).
  return {std::string(unit), std::string(id), std::nullopt};
}

legacy_call bridge_booking_system::call_for(std::string_view unit, const std::optional<person_id>& person,
                                            deadline until) const {
  legacy_call how;
  how.address = std::string(unit);
  how.until = until;
  if (person) {
    how.actor = contracts::actor_header{person->number, "subject_of_care"};
  } else if (profile_.service_actor) {
    how.actor = contracts::actor_header{profile_.service_actor->id, profile_.service_actor->type};
  }
  return how;
}

booking_result<std::string> bridge_booking_system::subject_for(const std::optional<person_id>& person) const {
  if (person) return person->number;
  if (!profile_.anonymous_subject_of_care.empty()) return profile_.anonymous_subject_of_care;
  return fail(business_code::invalid_request,
              "the producer requires a subject_of_care and no anonymous_subject_of_care is configured");
}

booking_result<std::vector<appointment>> bridge_booking_system::appointments(std::string_view unit,
                                                                             const person_id& person,
                                                                             const time_range& range, deadline until) {
  object_arena mem;
  crm11::socs__GetSubjectOfCareScheduleType req;
  req.healthcare_USCOREfacility = std::string(unit);
  req.subject_USCOREof_USCOREcare = person.number;
  auto how = call_for(unit, person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  lenient_reader read(violations_, "GetSubjectOfCareSchedule");
  std::vector<appointment> out;
  for (const auto* t : resp.value()->timeslotDetail) {
    if (!t) continue;
    auto a = detail::read_booking(read, ids_, *t, unit, person);
    if (!a || !range.contains(a->slot.start)) continue;
    // A schedule is one person's: someone else's booking is the producer's error, never shown.
    if (a->person.number != person.number) continue;
    out.push_back(std::move(*a));
  }
  return out;
}

booking_result<appointment> bridge_booking_system::details(const booking_ref& ref, deadline until) {
  object_arena mem;
  crm11::gbd__GetBookingDetailsType req;
  req.healthcare_USCOREfacility = ref.unit;
  req.bookingId = ref.booking_id;
  auto how = call_for(ref.unit, ref.person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  lenient_reader read(violations_, "GetBookingDetails");
  if (!resp.value()->timeslotDetail) {
    read.missing("timeslotDetail");
    return fail(business_code::not_found, "GetBookingDetails answered no timeslotDetail");
  }
  // GetBookingDetails may leave the key out (TKB 1.1.1 lists it 0..1): it is the one asked for.
  auto a = detail::read_booking(read, ids_, *resp.value()->timeslotDetail, ref.unit, ref.person, ref.booking_id);
  if (!a) return fail(business_code::not_found, "the producer's booking details could not be read");
  return std::move(*a);
}

booking_result<appointment> bridge_booking_system::appointment_by_id(std::string_view unit, std::string_view id,
                                                                     deadline until) {
  return details(resolve(unit, id), until);
}

template <class Request>
std::optional<booking_error> bridge_booking_system::ask_availability(object_arena& mem, Request& req,
                                                                     std::string Request::*subject,
                                                                     std::string_view unit,
                                                                     const availability_query& q) const {
  req.healthcare_USCOREfacility = std::string(unit);
  if (q.original_appointment) req.bookingId = mem.str(resolve(unit, *q.original_appointment).booking_id);
  req.startDateInclusive = detail::first_day(q.from);
  req.endDateInclusive = detail::last_day(q.to);
  req.performer = q.practitioners;
  req.timeTypeID = mem.opt(q.time_type);
  req.careTypeID = mem.opt(q.care_type);
  if (profile_.version == crm_version::v1_1) {
    auto who = subject_for(q.person);
    if (!who) return std::move(who.error());
    req.*subject = who.value();
  }
  return std::nullopt;
}

booking_result<std::vector<timeslot>> bridge_booking_system::available_timeslots(std::string_view unit,
                                                                                 const availability_query& q,
                                                                                 deadline until) {
  object_arena mem;
  crm11::gat__GetAvailableTimeslotsType req;
  if (auto e = ask_availability(mem, req, &crm11::gat__GetAvailableTimeslotsType::gatx__subject_USCOREof_USCOREcare, unit, q)) {
    return core::failure<booking_error>{std::move(*e)};
  }
  auto how = call_for(unit, q.person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  lenient_reader read(violations_, "GetAvailableTimeslots");
  const instant now_ = now();
  std::vector<detail::read_slot> slots;
  for (const auto* t : resp.value()->timeslotDetail) {
    if (!t) continue;
    auto s = detail::read_timeslot(read, *t, unit);
    // Never the past (TKB), even when the producer offers it; only what was asked for.
    if (!s || s->legacy.start <= now_ || s->legacy.start < q.from || s->legacy.start >= q.to) continue;
    if (q.time_type && s->legacy.time_type_id != *q.time_type) continue;
    slots.push_back(std::move(*s));
  }
  std::vector<legacy_slot> legacy;
  legacy.reserve(slots.size());
  for (const auto& s : slots) legacy.push_back(s.legacy);
  const auto ids = ids_.timeslot_ids(legacy, now_ + profile_.timeslot_ttl);
  std::vector<timeslot> out;
  out.reserve(slots.size());
  for (std::size_t i = 0; i < slots.size(); ++i) {
    slots[i].domain.id = ids[i];
    out.push_back(std::move(slots[i].domain));
  }
  return out;
}

booking_result<std::vector<available_date>> bridge_booking_system::available_dates(std::string_view unit,
                                                                                   const availability_query& q,
                                                                                   deadline until) {
  object_arena mem;
  crm11::gad__GetAvailableDatesType req;
  if (auto e = ask_availability(mem, req, &crm11::gad__GetAvailableDatesType::gadx__subject_USCOREof_USCOREcare, unit, q)) {
    return core::failure<booking_error>{std::move(*e)};
  }
  auto how = call_for(unit, q.person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  lenient_reader read(violations_, "GetAvailableDates");
  const auto today = std::chrono::sys_days{stockholm_date(now())};
  std::vector<available_date> out;
  for (const auto* d : resp.value()->performerAvailabilityByDate) {
    if (!d) continue;
    const auto date = parse_dt(d->date);
    if (!date) {
      read.note(violation::timestamp_unreadable, "date", d->date);
      continue;
    }
    const auto day = std::chrono::sys_days{*date};
    if (day < today || start_of_day(*date) >= q.to || start_of_day(*date) < start_of_day(stockholm_date(q.from))) continue;
    available_date a;
    a.date = *date;
    a.unit = detail::unit_of(read, d->healthcare_USCOREfacility, unit);
    a.free_slots = 1;  // 1.x says "free times exist", not how many
    a.type.code = read.text_or_empty(d->timeTypeID, "timeTypeID");
    a.type.name = read.text_or_empty(d->timeTypeName, "timeTypeName");
    if (auto care = read.text(d->careTypeID, "careTypeID")) {
      a.type.care = care_type{*care, read.text_or_empty(d->careTypeName, "careTypeName")};
    }
    if (auto p = read.performer(d->performer, "performer")) a.with = detail::practitioner_of(*p, std::nullopt);
    const auto res_id = read.text_or_empty(d->resourceID, "resourceID");
    const auto res_name = read.text_or_empty(d->resourceName, "resourceName");
    if (!res_id.empty() || !res_name.empty()) a.resource = booking_resource{res_id, res_name};
    out.push_back(std::move(a));
  }
  return out;
}

booking_result<std::vector<time_type>> bridge_booking_system::time_types(std::string_view unit,
                                                                         const catalogue_query& q, deadline until) {
  object_arena mem;
  crm11::gtt__GetAllTimeTypesType req;
  req.healthcare_USCOREfacility = std::string(unit);
  if (profile_.version == crm_version::v1_1) {
    req.gttx__careTypeIDs = q.care_types;
    auto subject = subject_for(q.person);
    if (!subject) return core::failure<booking_error>{std::move(subject.error())};
    req.gttx__subject_USCOREof_USCOREcare = subject.value();
  }
  auto how = call_for(unit, q.person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  lenient_reader read(violations_, "GetAllTimeTypes");
  std::vector<time_type> out;
  for (const auto* t : resp.value()->ListOfTimeTypes) {
    if (!t) continue;
    const auto code = read.text(&t->timeTypeId, "timeTypeId");
    if (!code) continue;
    if (!q.time_types.empty() && std::find(q.time_types.begin(), q.time_types.end(), *code) == q.time_types.end()) {
      continue;
    }
    time_type tt;
    tt.code = *code;
    tt.name = read.text_or_empty(&t->timeTypeName, "timeTypeName");
    out.push_back(std::move(tt));
  }
  return out;
}

booking_result<std::vector<facility>> bridge_booking_system::facilities(std::string_view unit,
                                                                        const catalogue_query& q, deadline until) {
  if (!client_.offers("GetAllHealthcareFacilities")) {
    // 1.0 has no unit groups: the unit books for itself (names come from the unit table).
    return std::vector<facility>{facility{std::string(unit), {}, {}, {}, {}}};
  }
  object_arena mem;
  crm11::ghf__GetAllHealthcareFacilitiesType req;
  req.healthcare_USCOREfacility = std::string(unit);
  auto subject = subject_for(q.person);
  if (!subject) return core::failure<booking_error>{std::move(subject.error())};
  req.subject_USCOREof_USCOREcare = subject.value();
  if (q.original_appointment) req.bookingId = mem.str(resolve(unit, *q.original_appointment).booking_id);
  auto how = call_for(unit, q.person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  lenient_reader read(violations_, "GetAllHealthcareFacilities");
  std::vector<facility> out;
  for (const auto* f : resp.value()->healthcareFacilityInfos) {
    if (!f) continue;
    const auto hsa = read.text(&f->healthcare_USCOREfacility, "healthcare_facility");
    if (!hsa) continue;
    facility fac;
    fac.unit = same_hsa_id(*hsa, unit) ? std::string(unit) : *hsa;
    fac.name = read.text_or_empty(f->healthcare_USCOREfacility_USCOREname, "healthcare_facility_name");
    out.push_back(std::move(fac));
  }
  return out;
}

booking_result<std::vector<practitioner>> bridge_booking_system::practitioners(std::string_view unit,
                                                                               const catalogue_query& q,
                                                                               deadline until) {
  if (!client_.offers("GetAllPerformers")) return std::vector<practitioner>{};  // 1.0 cannot list them
  object_arena mem;
  crm11::gap__GetAllPerformersType req;
  req.healthcare_USCOREfacility = std::string(unit);
  req.timeTypeIDs = q.time_types;
  req.careTypeIDs = q.care_types;
  auto subject = subject_for(q.person);
  if (!subject) return core::failure<booking_error>{std::move(subject.error())};
  req.subject_USCOREof_USCOREcare = subject.value();
  auto how = call_for(unit, q.person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  lenient_reader read(violations_, "GetAllPerformers");
  std::vector<practitioner> out;
  for (const auto* p : resp.value()->performerInfos) {
    if (!p) continue;
    auto hsa = read.performer(&p->perfomer, "perfomer");
    if (!hsa) continue;
    if (!q.practitioners.empty() &&
        std::none_of(q.practitioners.begin(), q.practitioners.end(),
                     [&](const std::string& wanted) { return same_hsa_id(wanted, *hsa); })) {
      continue;
    }
    practitioner pr;
    pr.hsa_id = *hsa;
    pr.first_name = read.text_or_empty(&p->firstName, "firstName");
    pr.last_name = read.text_or_empty(&p->lastName, "lastName");
    pr.title = read.text_or_empty(p->title, "title");
    out.push_back(std::move(pr));
  }
  return out;
}

}  // namespace tidnav::adapters::bridge
