// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/result_codes.hpp"

#include <array>

namespace tidnav::adapters {
namespace {

using enum business_code;

struct sched2_row {
  business_code code;
  std::string_view make, update, cancel, confirm;
};

constexpr std::string_view E = "ERROR";

// ConfirmAppointment's field table says OK/INFO/ERROR only while its rules list
// specific codes; the schema allows them, so the specific codes are sent.
constexpr std::array<sched2_row, 16> sched2_table{{
    //  outcome                          MakeAppointment                          UpdateAppointment                        CancelAppointment                  ConfirmAppointment
    {requested_time_already_reserved, "REQUESTED_TIME_IS_ALREADY_RESERVED",    "REQUESTED_TIME_IS_ALREADY_RESERVED",    E,                                 E},
    {requested_time_passed,           "REQUESTED_TIME_HAS_ALREADY_PASSED",     "REQUESTED_TIME_HAS_ALREADY_PASSED",     E,                                 E},
    {slot_not_found,                  "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE", "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE", E,                                 E},
    {too_late_to_book,                "TOO_LATE_TO_MAKE_APPOINTMENT",          "TOO_LATE_TO_UPDATE_APPOINTMENT",        E,                                 E},
    {person_already_occupied,         "USER_IS_ALREADY_OCCUPIED",              "USER_IS_ALREADY_OCCUPIED",              E,                                 E},
    {appointment_already_canceled,    E,                                       "APPOINTMENT_IS_ALREADY_CANCELED",       "APPOINTMENT_IS_ALREADY_CANCELED", E},
    {appointment_already_updated,     E,                                       "APPOINTMENT_IS_ALREADY_UPDATED",        "APPOINTMENT_IS_ALREADY_UPDATED",  E},
    {appointment_already_confirmed,   E,                                       E,                                       E,                                 "APPOINTMENT_IS_ALREADY_CONFIRMED"},
    {too_late_to_rebook,              E,                                       "TOO_LATE_TO_UPDATE_APPOINTMENT",        E,                                 E},
    {too_late_to_cancel,              E,                                       E,                                       "TOO_LATE_TO_CANCEL_APPOINTMENT",  E},
    {too_late_to_confirm,             E,                                       E,                                       E,                                 "TOO_LATE_TO_CONFIRM_APPOINTMENT"},
    {not_found,                       E,                                       "APPOINTMENT_DOES_NOT_EXIST",            "APPOINTMENT_DOES_NOT_EXIST",      "APPOINTMENT_DOES_NOT_EXIST"},
    {not_allowed,                     "APPOINTMENT_IS_NOT_ALLOWED",            "UPDATE_APPOINTMENT_IS_NOT_ALLOWED",     "CANCEL_IS_NOT_ALLOWED",           "CONFIRM_IS_NOT_ALLOWED"},
    {invalid_person,                  E,                                       E,                                       E,                                 E},
    {unit_not_found,                  E,                                       E,                                       E,                                 E},
    {invalid_request,                 E,                                       E,                                       E,                                 E},
}};

struct crm11_row {
  business_code code;
  crm11_outcome outcome;
};

constexpr auto fault = crm11_read_answer::client_fault;
constexpr auto empty = crm11_read_answer::empty_answer;

constexpr std::array<crm11_row, 16> crm11_table{{
    {requested_time_already_reserved, {E, fault}},
    {requested_time_passed, {E, fault}},
    {slot_not_found, {E, fault}},
    {too_late_to_book, {E, fault}},
    {person_already_occupied, {E, fault}},
    {appointment_already_canceled, {E, fault}},
    {appointment_already_updated, {E, fault}},
    {appointment_already_confirmed, {E, fault}},
    {too_late_to_rebook, {E, fault}},
    {too_late_to_cancel, {E, fault}},
    {too_late_to_confirm, {E, fault}},
    {not_found, {E, empty}},
    {not_allowed, {E, empty}},
    {invalid_person, {E, fault}},
    {unit_not_found, {E, fault}},
    {invalid_request, {E, fault}},
}};

}  // namespace

std::string_view sched2_result_code(business_code c, sched2_flow flow) {
  for (const auto& row : sched2_table) {
    if (row.code != c) continue;
    switch (flow) {
      case sched2_flow::read: return E;
      case sched2_flow::make: return row.make;
      case sched2_flow::update: return row.update;
      case sched2_flow::cancel: return row.cancel;
      case sched2_flow::confirm: return row.confirm;
    }
  }
  return E;
}

crm11_outcome crm11_result(business_code c) {
  for (const auto& row : crm11_table) {
    if (row.code == c) return row.outcome;
  }
  return {E, fault};
}

}  // namespace tidnav::adapters
