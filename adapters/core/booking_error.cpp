// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/booking_error.hpp"

namespace tidnav::adapters {

std::string_view to_string(business_code c) {
  switch (c) {
    case business_code::requested_time_already_reserved: return "requested_time_already_reserved";
    case business_code::requested_time_passed: return "requested_time_passed";
    case business_code::slot_not_found: return "slot_not_found";
    case business_code::too_late_to_book: return "too_late_to_book";
    case business_code::person_already_occupied: return "person_already_occupied";
    case business_code::appointment_already_canceled: return "appointment_already_canceled";
    case business_code::appointment_already_updated: return "appointment_already_updated";
    case business_code::appointment_already_confirmed: return "appointment_already_confirmed";
    case business_code::too_late_to_rebook: return "too_late_to_rebook";
    case business_code::too_late_to_cancel: return "too_late_to_cancel";
    case business_code::too_late_to_confirm: return "too_late_to_confirm";
    case business_code::not_found: return "not_found";
    case business_code::not_allowed: return "not_allowed";
    case business_code::invalid_person: return "invalid_person";
    case business_code::unit_not_found: return "unit_not_found";
    case business_code::invalid_request: return "invalid_request";
  }
  return "?";
}

std::string_view to_string(technical_code c) {
  switch (c) {
    case technical_code::backend_down: return "backend_down";
    case technical_code::timeout: return "timeout";
    case technical_code::unauthorized: return "unauthorized";
    case technical_code::bad_backend_answer: return "bad_backend_answer";
  }
  return "?";
}

}  // namespace tidnav::adapters
