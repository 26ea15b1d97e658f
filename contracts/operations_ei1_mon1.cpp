// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/operation_impl.hpp"
#define WITH_NOGLOBAL
#include "ei1H.h"
#include "mon1H.h"

namespace tidnav::contracts::detail {

#define EI1(prefix, Name) \
  TIDNAV_OPERATION(ei1, ei1, prefix, Name, "urn:riv:itintegration:engagementindex:" #Name "Responder:1")

std::vector<operation> ei1_mon1_operations() {
  return {EI1(eiu, Update), EI1(eif, FindContent), EI1(eipn, ProcessNotification),
          TIDNAV_OPERATION(mon1, mon1, pfc, PingForConfiguration,
                           "urn:riv:itintegration:monitoring:PingForConfigurationResponder:1")};
}

}  // namespace tidnav::contracts::detail
