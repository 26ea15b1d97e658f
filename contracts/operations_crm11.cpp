// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/operation_impl.hpp"
#define WITH_NOGLOBAL
#include "crm11H.h"

namespace tidnav::contracts::detail {

#define CRM11(prefix, Name) \
  TIDNAV_OPERATION(crm11, crm11, prefix, Name, "urn:riv:crm:scheduling:" #Name "Responder:1")

std::vector<operation> crm11_operations() {
  return {CRM11(socs, GetSubjectOfCareSchedule), CRM11(gbd, GetBookingDetails),
          CRM11(mb, MakeBooking),                CRM11(ub, UpdateBooking),
          CRM11(cb, CancelBooking),              CRM11(gad, GetAvailableDates),
          CRM11(gat, GetAvailableTimeslots),     CRM11(gtt, GetAllTimeTypes),
          CRM11(gct, GetAllCareTypes),           CRM11(ghf, GetAllHealthcareFacilities),
          CRM11(gap, GetAllPerformers)};
}

}  // namespace tidnav::contracts::detail
