// SPDX-License-Identifier: GPL-2.0-or-later
// Every scheduling 2.0 contract, served by the Cosmic adapter from the Cosmic
// simulator over TLS on 127.0.0.1. Where COS has no such operation the
// documented answer is asserted (README: confirm is not allowed, no performer list).
// The checks both FHIR simulators pass are in tests/unit/adapters/fhir/fhir_sim_suite.*;
// COS's own follow them.
#include "cosmic_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::cosmic::test;
using tidnav::contracts::family;

TEST_CASE("cosmic sim 2.0: GetAppointments lists the patient's bookings", "[cosmic][sim][sched2]") {
  cosmic_world w;
  sim_sched2_lists_appointments(w);
}

TEST_CASE("cosmic sim 2.0: GetAppointment details a booking for its owner only", "[cosmic][sim][sched2]") {
  cosmic_world w;
  sim_sched2_details_for_owner(w);  // permittedPatientActions empty
}

TEST_CASE("cosmic sim 2.0: GetAvailableTimeslots over 3 days is one search per day and service", "[cosmic][sim][sched2]") {
  cosmic_world w;
  sim_sched2_timeslots(w);
  CHECK(w.sim->schedule().slot_searches() == 6);
  sim_sched2_timeslots_of_type(w);
}

TEST_CASE("cosmic sim 2.0: GetAvailableDates needs the citizen (COS requires the Patient header)", "[cosmic][sim][sched2]") {
  cosmic_world w;
  sim_sched2_dates(w);
  auto anonymous = valid(w.sched2(sched2_request("GetAvailableDates",
                                                 {{"startDateInclusive", "20310310"}, {"endDateInclusive", "20310312"}})),
                         family::sched2);
  CHECK(result_code(anonymous) == "ERROR");
}

TEST_CASE("cosmic sim 2.0: time types are HealthcareServices; units and practitioners as documented", "[cosmic][sim][sched2]") {
  cosmic_world w;
  sim_sched2_catalogue(w);
  CHECK(result_code(valid(w.sched2(sched2_request("GetTimeTypes", {})), family::sched2)) == "ERROR");  // no Patient
  auto staff = valid(w.sched2(sched2_request("GetPractitioners", {})), family::sched2);
  CHECK(all_texts(staff.body, "extension").empty());  // COS publishes no performer list
}

TEST_CASE("cosmic sim 2.0: MakeAppointment books once, CancelAppointment frees, twice is refused", "[cosmic][sim][sched2]") {
  cosmic_world w;
  const std::string appointment = sim_sched2_book_once(w);
  auto overlapping = valid(w.sched2(sched2_make(slot_uuid("S-101"), tolvan)), family::sched2);
  CHECK(result_code(overlapping) != "OK");
  sim_sched2_cancel_frees(w, appointment);
}

TEST_CASE("cosmic sim 2.0: UpdateAppointment moves a booking (assumed PUT), keeping its id", "[cosmic][sim][sched2]") {
  cosmic_world w;
  sim_sched2_update_moves(w);
  sim_sched2_update_refusals(w, "S-101", "S-104");
}

TEST_CASE("cosmic sim 2.0: ConfirmAppointment is not something COS offers", "[cosmic][sim][sched2]") {
  cosmic_world w;
  sim_sched2_no_confirm(w);
}
