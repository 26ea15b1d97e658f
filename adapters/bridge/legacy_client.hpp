// SPDX-License-Identifier: GPL-2.0-or-later
// Calls a legacy crm:scheduling producer. Requests are built as generated 1.1
// objects; for a 1.0 producer they are converted (crm_versions.hpp) and sent
// with wsa:To instead of LogicalAddress and no Actor. Answers come back as 1.1
// objects either way. Envelopes are written and read by the generated gSOAP
// code only. Transport, HTTP and SOAP-fault outcomes become booking_errors
// (technical, or business when a read contract's Client fault text says so).
//
// Answers live on this thread's read context: use them before this thread's
// next call.
#pragma once

#include "adapters/bridge/crm_versions.hpp"
#include "adapters/bridge/legacy_profile.hpp"
#include "adapters/bridge/violations.hpp"
#include "adapters/core/booking_system.hpp"
#include "adapters/fhir/http_transport.hpp"
#include "contracts/codec_types.hpp"

#include <optional>
#include <string>

namespace tidnav::adapters::bridge {

struct legacy_call {
  std::string address;                           // the unit's HSA-id at the producer (LogicalAddress / wsa:To)
  std::optional<contracts::actor_header> actor;  // 1.1 only
  deadline until;
  // Out: the request may have reached the producer although no answer came.
  bool maybe_delivered = false;
};

class legacy_client {
 public:
  // `violations` counts the empty elements removed before an answer is read.
  legacy_client(const legacy_profile& profile, fhir::http_transport& transport, violation_counter& violations)
      : profile_(profile), transport_(transport), violations_(violations) {}

  // False for the three catalogue contracts a 1.0 producer does not have.
  bool offers(std::string_view contract) const;

  booking_result<crm11::socs__GetSubjectOfCareScheduleResponseType*> call(
      object_arena& mem, const crm11::socs__GetSubjectOfCareScheduleType& req, legacy_call& how);
  booking_result<crm11::gbd__GetBookingDetailsResponseType*> call(object_arena& mem,
                                                                  const crm11::gbd__GetBookingDetailsType& req,
                                                                  legacy_call& how);
  booking_result<crm11::mb__MakeBookingResponseType*> call(object_arena& mem, const crm11::mb__MakeBookingType& req,
                                                           legacy_call& how);
  booking_result<crm11::ub__UpdateBookingResponseType*> call(object_arena& mem, const crm11::ub__UpdateBookingType& req,
                                                             legacy_call& how);
  booking_result<crm11::cb__CancelBookingResponseType*> call(object_arena& mem, const crm11::cb__CancelBookingType& req,
                                                             legacy_call& how);
  booking_result<crm11::gad__GetAvailableDatesResponseType*> call(object_arena& mem,
                                                                  const crm11::gad__GetAvailableDatesType& req,
                                                                  legacy_call& how);
  booking_result<crm11::gat__GetAvailableTimeslotsResponseType*> call(
      object_arena& mem, const crm11::gat__GetAvailableTimeslotsType& req, legacy_call& how);
  booking_result<crm11::gtt__GetAllTimeTypesResponseType*> call(object_arena& mem,
                                                                const crm11::gtt__GetAllTimeTypesType& req,
                                                                legacy_call& how);
  // 1.1 producers only.
  booking_result<crm11::ghf__GetAllHealthcareFacilitiesResponseType*> call(
      object_arena& mem, const crm11::ghf__GetAllHealthcareFacilitiesType& req, legacy_call& how);
  booking_result<crm11::gap__GetAllPerformersResponseType*> call(object_arena& mem,
                                                                 const crm11::gap__GetAllPerformersType& req,
                                                                 legacy_call& how);

 private:
  template <class Resp11, class Resp10, class Req11>
  booking_result<Resp11*> exchange(const char* contract, object_arena& mem, const Req11& req, legacy_call& how);

  const legacy_profile& profile_;
  fhir::http_transport& transport_;
  violation_counter& violations_;
};

}  // namespace tidnav::adapters::bridge
