// SPDX-License-Identifier: GPL-2.0-or-later
// Shared by the crm:scheduling 1.1 front-end's files; includes the generated code.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/frontend_common.hpp"
#include "adapters/core/outcome_texts.hpp"
#include "adapters/core/producer_reply.hpp"
#include "adapters/core/result_codes.hpp"
#include "adapters/core/unit_table.hpp"

#define WITH_NOGLOBAL
#include "crm11H.h"

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters::crm11_detail {

using detail::arena;
using detail::date_range;

struct request {
  booking_system& system;
  const unit_table& units;
  const call_info& call;
  const contracts::operation& op;
  std::string_view envelope;
};

struct addressed {
  const unit_entry* unit = nullptr;  // the LogicalAddress
  contracts::soap_headers headers;
  // A staff member acting for the citizen: selections must not depend on the
  // citizen (TKB 1.1 §"Actor").
  bool agent() const { return headers.actor && headers.actor->type == "subject_of_care_agent"; }
};

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

// A unit named in the body (healthcare_facility...): unit_not_found when not served.
booking_result<const unit_entry*> body_unit(const request& r, std::string_view hsa_id);
booking_result<person_id> read_person(std::string_view number);
std::optional<std::string> text_of(const std::string* s);

// The free slot a 1.1 TimeslotType describes (1.1 has no slot ids): same start,
// and the same end, time type, performer and resource where given.
// `person`: the citizen the time is looked up for (a booking system may need it to search).
booking_result<timeslot> find_slot(const request& r, const unit_entry& unit, const crm11::crm__TimeslotType& wanted,
                                   const std::optional<std::string>& original,
                                   const std::optional<person_id>& person = std::nullopt);

// A business outcome of a reading contract: an empty answer or a Client fault.
template <class Response>
producer_reply read_refusal(const request& r, Response& empty, const booking_error& e) {
  if (!e.is_business()) return detail::technical_fault(e);
  if (crm11_result(e.business).read == crm11_read_answer::empty_answer) return detail::write_response(r.op, empty);
  return detail::client_fault(citizen_text(e), e.detail);
}

// ---- domain -> generated types -------------------------------------------------
crm11::crm__TimeslotType* timeslot_of(const request& r, arena& mem, const timeslot& s, const unit_entry& fallback);
crm11::crm__TimeslotType* booking_of(const request& r, arena& mem, const appointment& a, const unit_entry& fallback);
std::string performer_name(const practitioner& p);

// ---- handlers -------------------------------------------------------------------
producer_reply get_subject_of_care_schedule(const request& r);
producer_reply get_booking_details(const request& r);
producer_reply get_available_dates(const request& r);
producer_reply get_available_timeslots(const request& r);
producer_reply get_all_time_types(const request& r);
producer_reply get_all_care_types(const request& r);
producer_reply get_all_healthcare_facilities(const request& r);
producer_reply get_all_performers(const request& r);
producer_reply make_booking(const request& r);
producer_reply update_booking(const request& r);
producer_reply cancel_booking(const request& r);

}  // namespace tidnav::adapters::crm11_detail
