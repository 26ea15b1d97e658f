// SPDX-License-Identifier: GPL-2.0-or-later
// The contract checks the Millennium and Cosmic simulator suites share. Both
// seeds have the same shape at Åsa: Tolvan's bookings <prefix>900 (slot S-900,
// 20 March 10:00, cancellable and movable) and <prefix>901 (slot S-901,
// locked), and free slots S-100.. (three a day on 10-12 March, for a doctor's
// and a nurse's time type). Each system's test file keeps its TEST_CASEs (named
// for the system) and calls these, adding the checks only its system makes.
#pragma once

#include "tests/unit/adapters/fhir/fhir_world.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace tidnav::adapters::test {

struct sim_seed {
  std::string booking_prefix;  // "M-" | "A-": the simulator's native booking ids
  std::string doctor_type;     // the time type code of the doctor's slots
  std::string nurse_type;      // ... and of the nurse's
};

// A world whose booking system talks to a simulator seeded as above.
class fhir_sim_world : public fhir_world {
 public:
  explicit fhir_sim_world(sim_seed s) : seed(std::move(s)) {}

  const sim_seed seed;
  std::string booking(int n) const { return seed.booking_prefix + std::to_string(n); }  // native: "M-900"
  // The 2.0 contract ids of native slots and bookings at Åsa.
  virtual std::string slot_id(const std::string& native) const = 0;
  virtual std::string appointment_id(const std::string& native) const = 0;
  // What the simulator holds (not what the adapter says).
  virtual std::size_t active_bookings_on_slot(const std::string& native_slot) = 0;
};

// ---- scheduling 2.0 ----------------------------------------------------------
// GetAppointments: Tolvan's two active bookings, nobody's for another person, a
// client fault for an invalid personnummer.
void sim_sched2_lists_appointments(fhir_sim_world& w);
// GetAppointment: the booking's time and flags for its owner; ERROR for anyone else.
void sim_sched2_details_for_owner(fhir_sim_world& w);
// GetAvailableTimeslots over 10-12 March: nine slots.
void sim_sched2_timeslots(fhir_sim_world& w);
// ... of which three are of the nurse's time type.
void sim_sched2_timeslots_of_type(fhir_sim_world& w);
// GetAvailableDates over 10-12 March for Tolvan: one date per day and time type.
void sim_sched2_dates(fhir_sim_world& w);
// GetTimeTypes has both types; GetHealthcareFacilities and GetHealthcareFacility name Åsa.
void sim_sched2_catalogue(fhir_sim_world& w);
// MakeAppointment books S-101 once (another person is refused); returns the appointmentId.
std::string sim_sched2_book_once(fhir_sim_world& w);
// The booking's details; CancelAppointment frees S-101, twice is refused, and
// neither a locked booking nor another person's can be cancelled.
void sim_sched2_cancel_frees(fhir_sim_world& w, const std::string& appointment);
// UpdateAppointment moves <prefix>900 to S-101, keeping its id.
void sim_sched2_update_moves(fhir_sim_world& w);
// A locked booking cannot move; neither can <prefix>900 (now at `held_at`) to a
// time someone else has just booked (`taken`); a cancelled booking is known as cancelled.
void sim_sched2_update_refusals(fhir_sim_world& w, const std::string& held_at, const std::string& taken);
// ConfirmAppointment: CONFIRM_IS_NOT_ALLOWED with a text.
void sim_sched2_no_confirm(fhir_sim_world& w);

// ---- failures, races and repeats -----------------------------------------------
// Tolvan's GetAppointments, the call the failure checks repeat.
std::string sim_list_request();
// GetSubjectOfCareSchedule is a Server fault (while a fault is injected).
void sim_crm11_schedule_faults(fhir_world& w);
// A revoked token is renewed; a 401 that outlives a fresh token (`unauthorized`
// is the system's body) is renewed once, then a Server fault on 2.0 and 1.1 alike.
template <class World>
void sim_token_renewal(World& w, const std::string& unauthorized) {
  using namespace std::chrono_literals;
  valid(w.sched2(sim_list_request()), contracts::family::sched2);
  CHECK(w.sim->tokens_issued() == 1);
  w.sim->revoke_tokens();
  valid(w.sched2(sim_list_request()), contracts::family::sched2);
  CHECK(w.sim->tokens_issued() == 2);
  w.sim->inject({401, unauthorized, 0ms, false});
  CHECK(is_server_fault(w.sched2(sim_list_request())));
  CHECK(w.sim->tokens_issued() == 3);
  sim_crm11_schedule_faults(w);
}
// An answer slower than the call's budget is a Server fault saying so, in
// time; once the fault is cleared the same call works.
template <class World>
void sim_late_answer(World& w) {
  using namespace std::chrono_literals;
  w.sim->inject({0, "", 1500ms, false});
  const auto started = std::chrono::steady_clock::now();
  auto late = w.sched2(sim_list_request(), 400ms);
  CHECK(is_server_fault(late));
  CHECK(late.body.find("in time") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < 1200ms);
  w.sim->clear_fault();
  valid(w.sched2(sim_list_request()), contracts::family::sched2);
}
// 20 citizens book `native_slot` at once: one OK (check_one_of_twenty), one booking in the simulator.
void sim_one_of_twenty(fhir_sim_world& w, const std::string& native_slot);
// The same MakeAppointment twice (check_repeated_make): one booking in the simulator.
void sim_repeated_make(fhir_sim_world& w, const std::string& native_slot);

// ---- crm:scheduling 1.1 ------------------------------------------------------
// GetSubjectOfCareSchedule: Tolvan's bookings with their flags; nobody's for another person.
void sim_crm11_schedule(fhir_sim_world& w);
// GetBookingDetails reads <prefix>900; <prefix>1 is unknown (a Client fault).
void sim_crm11_details(fhir_sim_world& w);
// GetAvailableDates and GetAvailableTimeslots over 10-12 March; returns the slots' start times.
std::vector<std::string> sim_crm11_availability(fhir_sim_world& w);
// The start times a staff member acting for Tolvan (subject_of_care_agent) is offered.
std::vector<std::string> sim_crm11_staff_search(fhir_sim_world& w);
// GetAllTimeTypes, GetAllCareTypes (none), GetAllHealthcareFacilities (Åsa).
void sim_crm11_catalogue(fhir_sim_world& w);
// All the performers GetAllPerformers names.
std::vector<std::string> sim_crm11_performers(fhir_sim_world& w);
// MakeBooking books S-104 by its time once; the second is ERROR with a text. Returns the bookingId.
std::string sim_crm11_book_once(fhir_sim_world& w);
// UpdateBooking moves <prefix>900 to S-101; the locked <prefix>901 cannot move.
void sim_crm11_update(fhir_sim_world& w);
// CancelBooking frees <prefix>900, refuses the locked one and a second cancel.
void sim_crm11_cancel(fhir_sim_world& w);

}  // namespace tidnav::adapters::test
