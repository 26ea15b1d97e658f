// SPDX-License-Identifier: GPL-2.0-or-later
// What a booking system (Millennium, Cosmic, PASiS, PMO, the in-memory fake)
// implements so that both contract front-ends can serve it. Deliberately
// contract-neutral: no SOAP, no HSA-ids for units, no TS strings.
//
// Calls are synchronous and must return by `until`; an implementation that
// cannot answer in time returns technical_code::timeout. Every call answers a
// value or a booking_error; exceptions must not escape (the front-ends turn a
// stray one into a SOAP fault, but it is a bug). Implementations must be safe to
// call from several threads at once.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/core/booking_model.hpp"

#include <chrono>
#include <string_view>
#include <vector>

namespace tidnav::adapters {

using deadline = std::chrono::steady_clock::time_point;

class booking_system {
 public:
  virtual ~booking_system() = default;

  // `unit` is always the native id of the care unit the call is for.

  // The person's active (not cancelled) bookings at the unit whose start is in `range`.
  virtual booking_result<std::vector<appointment>> appointments(std::string_view unit, const person_id& person,
                                                                const time_range& range, deadline until) = 0;
  // One booking by native id; not_found for unknown or cancelled ones.
  virtual booking_result<appointment> appointment_by_id(std::string_view unit, std::string_view id,
                                                         deadline until) = 0;

  // Free, bookable times; never times that have already started.
  virtual booking_result<std::vector<available_date>> available_dates(std::string_view unit,
                                                                       const availability_query& query,
                                                                       deadline until) = 0;
  virtual booking_result<std::vector<timeslot>> available_timeslots(std::string_view unit,
                                                                    const availability_query& query,
                                                                    deadline until) = 0;

  virtual booking_result<std::vector<time_type>> time_types(std::string_view unit, const catalogue_query& query,
                                                            deadline until) = 0;
  // The units this unit books for (itself included when it gives the care).
  virtual booking_result<std::vector<facility>> facilities(std::string_view unit, const catalogue_query& query,
                                                           deadline until) = 0;
  virtual booking_result<std::vector<practitioner>> practitioners(std::string_view unit,
                                                                  const catalogue_query& query,
                                                                  deadline until) = 0;

  virtual booking_result<write_receipt> make(std::string_view unit, const make_request& request,
                                             deadline until) = 0;
  // Moves a booking; the receipt may carry the same id or a new one.
  virtual booking_result<write_receipt> update(std::string_view unit, const update_request& request,
                                               deadline until) = 0;
  virtual booking_result<write_receipt> cancel(std::string_view unit, const cancel_request& request,
                                               deadline until) = 0;
  // Turns a preliminary booking (proposed by the unit) into a confirmed one.
  virtual booking_result<write_receipt> confirm(std::string_view unit, const confirm_request& request,
                                                deadline until) = 0;
};

}  // namespace tidnav::adapters
