// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/operation_impl.hpp"
#define WITH_NOGLOBAL
#include "sched2H.h"

namespace tidnav::contracts::detail {

#define SCHED(prefix, Name, version)                   \
  TIDNAV_OPERATION(sched2, sched2, prefix, Name,       \
                   "urn:riv:supportprocess:logistics:scheduling:" #Name "Responder:" #version)

std::vector<operation> sched2_operations() {
  return {SCHED(gas, GetAppointments, 2),          SCHED(ga, GetAppointment, 2),
          SCHED(ma, MakeAppointment, 2),           SCHED(ua, UpdateAppointment, 2),
          SCHED(ca, CancelAppointment, 2),         SCHED(cfa, ConfirmAppointment, 1),
          SCHED(sgad, GetAvailableDates, 2),       SCHED(sgat, GetAvailableTimeslots, 2),
          SCHED(sgtt, GetTimeTypes, 2),            SCHED(ghfs, GetHealthcareFacilities, 2),
          SCHED(ghfy, GetHealthcareFacility, 2),   SCHED(gpr, GetPractitioners, 2)};
}

}  // namespace tidnav::contracts::detail
