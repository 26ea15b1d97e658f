// SPDX-License-Identifier: GPL-2.0-or-later
// The defects that only show on the wire, applied to a producer's answer after
// the front-end wrote it: the front-ends never list started times and always
// write TS, so a producer that does must be simulated at the byte level.
#pragma once

#include "adapters/core/swedish_time.hpp"
#include "adapters/defects/defect_switches.hpp"

#include <string>

namespace tidnav::adapters::defects {

// past_times: the first free time in a GetAvailableTimeslots answer starts an
//   hour before `now` (same length), the first date of a GetAvailableDates
//   answer is yesterday.
// invalid_timestamp: the first start time in a GetAppointment (2.0) or
//   GetBookingDetails (1.1) answer is written as ISO 8601 (2031-03-10T09:30:00).
// Anything else, and anything that is not XML, comes back unchanged.
std::string mutate_response(const defect_switches& switches, std::string body, instant now);

}  // namespace tidnav::adapters::defects
