// SPDX-License-Identifier: GPL-2.0-or-later
// Shared by the scheduling 2.0 front-end's files; includes the generated code.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/frontend_common.hpp"
#include "adapters/core/id_directory.hpp"
#include "adapters/core/outcome_texts.hpp"
#include "adapters/core/producer_reply.hpp"
#include "adapters/core/result_codes.hpp"
#include "adapters/core/unit_table.hpp"

#define WITH_NOGLOBAL
#include "sched2H.h"

#include <string>
#include <string_view>

namespace tidnav::adapters::sched2_detail {

using detail::arena;
using detail::date_range;

// Everything a handler needs about the call in progress.
struct request {
  booking_system& system;
  const unit_table& units;
  const call_info& call;
  const contracts::operation& op;
  std::string_view envelope;
};

// The addressed unit and the parsed headers, once the body is read.
struct addressed {
  const unit_entry* unit = nullptr;
  contracts::soap_headers headers;
};

// Reads the body and resolves the LogicalAddress; on failure `fault` is set.
template <class Body>
bool open(const request& r, Body& body, addressed& a, producer_reply& fault);
bool resolve_unit(const request& r, addressed& a, producer_reply& fault);

template <class Body>
bool open(const request& r, Body& body, addressed& a, producer_reply& fault) {
  std::string error;
  if (!detail::read_request(r.op, r.envelope, body, a.headers, error)) {
    fault = detail::client_fault("Invalid " + r.op.name + " request", error);
    return false;
  }
  return resolve_unit(r, a, fault);
}

// ---- identifiers ------------------------------------------------------------
booking_result<person_id> read_person(const sched2::sch__PersonIdType* p);
std::string appointment_uuid(const request& r, std::string_view unit, std::string_view native_id);
std::string timeslot_uuid(const request& r, std::string_view unit, std::string_view native_id);
// Native id of the appointment a request names (see README: directory, listing, as is).
booking_result<std::string> resolve_appointment(const request& r, const unit_entry& unit, std::string_view uuid,
                                                const person_id& person);
// Native slot id and its unit.
native_ref resolve_timeslot(const request& r, const unit_entry& unit, std::string_view uuid);
std::string hsa_of(const request& r, std::string_view native_unit, const unit_entry& fallback);


// ---- answers ------------------------------------------------------------------
sched2::sch__ResultCodeEnum result_code(std::string_view name);
// Sets resultCode/resultText of any 2.0 response from a business outcome.
template <class Response>
void set_business(Response& resp, arena& mem, const booking_error& e, sched2_flow flow);
template <class Response>
void set_ok(Response& resp, arena& mem, const std::string& notice);

// ---- domain -> generated types -------------------------------------------------
sched2::sch__HSAIdType* hsa_id(arena& mem, std::string_view id);
sched2::sch__PersonIdType* person(arena& mem, const person_id& p);
sched2::sch__CVType* cv(arena& mem, const coded_value& v);
sched2::sch__InformationType* information(arena& mem, const information_text& t);
sched2::sch__TimeTypeType* time_type_of(arena& mem, const time_type& t);
sched2::sch__PractitionerType* practitioner_of(arena& mem, const practitioner& p);
sched2::sch__ResourceType* resource_of(arena& mem, const booking_resource& res);
sched2::sch__TimeslotType* timeslot_of(const request& r, arena& mem, const timeslot& s, const unit_entry& unit);
sched2::sch__AppointmentType* appointment_of(const request& r, arena& mem, const appointment& a,
                                             const unit_entry& unit);
sched2::sch__OrgUnitType* org_unit_of(arena& mem, const facility& f, std::string_view hsa);

// ---- handlers -------------------------------------------------------------------
producer_reply get_appointments(const request& r);
producer_reply get_appointment(const request& r);
producer_reply get_available_dates(const request& r);
producer_reply get_available_timeslots(const request& r);
producer_reply get_time_types(const request& r);
producer_reply get_healthcare_facilities(const request& r);
producer_reply get_healthcare_facility(const request& r);
producer_reply get_practitioners(const request& r);
producer_reply make_appointment(const request& r);
producer_reply update_appointment(const request& r);
producer_reply cancel_appointment(const request& r);
producer_reply confirm_appointment(const request& r);

template <class Response>
void set_business(Response& resp, arena& mem, const booking_error& e, sched2_flow flow) {
  resp.resultCode = result_code(sched2_result_code(e.business, flow));
  resp.resultText = mem.str(std::string(citizen_text(e)));
}

template <class Response>
void set_ok(Response& resp, arena& mem, const std::string& notice) {
  resp.resultCode = notice.empty() ? sched2::sch__ResultCodeEnum::OK : sched2::sch__ResultCodeEnum::INFO;
  resp.resultText = mem.opt(notice);
}

}  // namespace tidnav::adapters::sched2_detail
