// SPDX-License-Identifier: GPL-2.0-or-later
// How a booking system says no. Business outcomes are answers the citizen can
// act on (the contracts carry them as result codes and texts); technical
// failures are ours or the backend's and become SOAP faults. Adapters classify
// native errors into these two enums and nothing else, so the mapping to both
// contract families lives in one table each (result_codes_*.hpp).
#pragma once

#include "hub/core/result.hpp"

#include <string>
#include <string_view>

namespace tidnav::adapters {

enum class business_code {
  requested_time_already_reserved,  // someone else has the slot
  requested_time_passed,            // the slot starts in the past
  slot_not_found,                   // no such free slot (any more)
  too_late_to_book,                 // inside the unit's booking notice
  person_already_occupied,          // the person already has a booking at that time
  appointment_already_canceled,
  appointment_already_updated,      // moved since the consumer last looked
  appointment_already_confirmed,
  too_late_to_rebook,
  too_late_to_cancel,
  too_late_to_confirm,
  not_found,                        // no such appointment for this person
  not_allowed,                      // the unit's rules forbid this flow for this booking or time type
  invalid_person,                   // malformed or unknown personnummer/samordningsnummer
  unit_not_found,                   // a care unit the request names is not served here
  invalid_request,                  // e.g. end date before start date, time in the DST gap
};

enum class technical_code {
  backend_down,        // could not reach the booking system
  timeout,             // no answer before the deadline
  unauthorized,        // the booking system refused our credentials
  bad_backend_answer,  // the booking system answered something we cannot read
};

struct booking_error {
  enum class kind { business, technical };

  kind what = kind::technical;
  business_code business = business_code::not_found;   // when what == business
  technical_code technical = technical_code::backend_down;  // when what == technical
  std::string detail;  // for logs and troubleshooting, never shown to a citizen
  // The booking system's own words for the citizen, when it has them (a legacy
  // crm:scheduling producer's resultText): shown instead of our table's text.
  std::string citizen_text;

  static booking_error of(business_code c, std::string detail = {}) {
    return {kind::business, c, technical_code::backend_down, std::move(detail), {}};
  }
  static booking_error of(technical_code c, std::string detail = {}) {
    return {kind::technical, business_code::not_found, c, std::move(detail), {}};
  }
  bool is_business() const { return what == kind::business; }
};

template <class T>
using booking_result = core::result<T, booking_error>;

// Shorthand for `return fail(business_code::not_found, "...")` in adapters.
inline core::failure<booking_error> fail(business_code c, std::string detail = {}) {
  return core::failure<booking_error>{booking_error::of(c, std::move(detail))};
}
inline core::failure<booking_error> fail(technical_code c, std::string detail = {}) {
  return core::failure<booking_error>{booking_error::of(c, std::move(detail))};
}

std::string_view to_string(business_code c);
std::string_view to_string(technical_code c);

}  // namespace tidnav::adapters
