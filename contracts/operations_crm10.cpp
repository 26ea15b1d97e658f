// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/operation_impl.hpp"
#define WITH_NOGLOBAL
#include "crm10H.h"

namespace tidnav::contracts::detail {

#define CRM10(prefix, Name) \
  TIDNAV_OPERATION(crm10, crm10, prefix, Name, "urn:riv:crm:scheduling:" #Name "Responder:1")

std::vector<operation> crm10_operations() {
  return {CRM10(socs, GetSubjectOfCareSchedule), CRM10(gbd, GetBookingDetails),
          CRM10(mb, MakeBooking),                CRM10(ub, UpdateBooking),
          CRM10(cb, CancelBooking),              CRM10(gad, GetAvailableDates),
          CRM10(gat, GetAvailableTimeslots),     CRM10(gtt, GetAllTimeTypes),
          CRM10(gcr, GetCancelledAndRebooked)};
}

}  // namespace tidnav::contracts::detail
