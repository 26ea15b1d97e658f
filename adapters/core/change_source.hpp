// SPDX-License-Identifier: GPL-2.0-or-later
// An optional capability of a booking system: "which bookings changed since
// W", so that changes made directly in the system (by clinic staff, not through
// the adapter) still reach the engagement index. Not part of booking_system:
// only systems with a change search (the FHIR ones, via _lastUpdated) offer it,
// and the host finds it with dynamic_cast.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/core/booking_system.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tidnav::adapters {

// FHIR meta.lastUpdated keeps milliseconds: two changes in one second must stay two.
using change_time = std::chrono::sys_time<std::chrono::milliseconds>;

struct booking_change {
  std::string unit;    // native unit id of the booking
  std::string id;      // native booking id
  std::string person;  // person number (12 digits); "" when the system did not say
  std::optional<instant> start;
  std::string status;  // the system's status as sent (booked, cancelled, ...)
  bool active = false;     // the system counts it as a standing booking (what appointments() lists)
  bool removed = false;    // cancelled / entered-in-error / noshow: its EI post must go
  change_time last_updated{};
  // Not "" when the resource could not be read: the change is skipped and
  // logged rather than holding back every later change behind it.
  std::string problem;
};

class change_source {
 public:
  virtual ~change_source() = default;

  // Changes with lastUpdated > `since`, oldest first, one page (at most
  // `page_size`) at a time: `on_page` gets each page as it arrives and answers
  // false to stop. Answers the number of pages read, or the first error (pages
  // already handed over stay handed over). Must return by `until`.
  virtual booking_result<std::size_t> changes_since(change_time since, std::size_t page_size,
                                                    const std::function<bool(std::vector<booking_change>&)>& on_page,
                                                    deadline until) = 0;
};

}  // namespace tidnav::adapters
