// SPDX-License-Identifier: GPL-2.0-or-later
// Every scheduling 2.0 contract, served by the Millennium adapter from the
// Millennium simulator over TLS on 127.0.0.1. The checks both FHIR simulators
// pass are in tests/unit/adapters/fhir/fhir_sim_suite.*; Millennium's own follow them.
#include "millennium_test_support.hpp"
#include "millennium_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::millennium::test;
using tidnav::contracts::family;

TEST_CASE("millennium sim 2.0: GetAppointments lists active bookings at the unit", "[millennium][sim][sched2]") {
  millennium_world w;
  sim_sched2_lists_appointments(w);  // M-902 is cancelled, so not listed
}

TEST_CASE("millennium sim 2.0: GetAppointment details a booking for its owner only", "[millennium][sim][sched2]") {
  millennium_world w;
  sim_sched2_details_for_owner(w);
  auto one = valid(w.sched2(sched2_get(appointment_uuid("M-900"), tolvan)), family::sched2);
  CHECK(first_text(one.body, "timeLength") == "30");
  auto cancelled = valid(w.sched2(sched2_get(appointment_uuid("M-902"), tolvan)), family::sched2);
  CHECK(result_code(cancelled) == "ERROR");
}

TEST_CASE("millennium sim 2.0: GetAvailableTimeslots pages through free slots of the unit", "[millennium][sim][sched2]") {
  millennium_world w;
  sim_sched2_timeslots(w);  // S-200 is at another Location
  CHECK(w.sim->store().slot_searches() == 3);  // 9 slots in pages of 4: one search, two next links
  sim_sched2_timeslots_of_type(w);
}

TEST_CASE("millennium sim 2.0: GetAvailableDates groups free slots by Swedish day and type", "[millennium][sim][sched2]") {
  millennium_world w;
  sim_sched2_dates(w);
  auto none = valid(w.sched2(sched2_request("GetAvailableDates",
                                            {{"startDateInclusive", "20310401"}, {"endDateInclusive", "20310402"}})),
                    family::sched2);
  CHECK(all_texts(none.body, "date").empty());
}

TEST_CASE("millennium sim 2.0: the catalogue contracts come from configuration", "[millennium][sim][sched2]") {
  millennium_world w;
  sim_sched2_catalogue(w);
  auto self = valid(w.sched2(sched2_request("GetHealthcareFacility", {})), family::sched2);
  CHECK(first_text(self.body, "name") == "Vårdcentralen Åsa");
  auto staff = valid(w.sched2(sched2_request("GetPractitioners", {})), family::sched2);
  CHECK(all_texts(staff.body, "extension") == std::vector<std::string>{doctor_hsa, "SE2321000016-DOC2"});
}

TEST_CASE("millennium sim 2.0: MakeAppointment books once, CancelAppointment frees, twice is refused", "[millennium][sim][sched2]") {
  millennium_world w;
  const std::string appointment = sim_sched2_book_once(w);
  auto lisa = valid(w.sched2(sched2_make(slot_uuid("S-102"), "198112189876")), family::sched2);
  CHECK(result_code(lisa) == "OK");  // Lisa Nilsson is a Patient too
  sim_sched2_cancel_frees(w, appointment);
}

TEST_CASE("millennium sim 2.0: UpdateAppointment moves a booking by PATCH, keeping its id", "[millennium][sim][sched2]") {
  millennium_world w;
  sim_sched2_update_moves(w);
  // The version moved on: the adapter reads it again, so a second move works too.
  auto back = valid(w.sched2(sched2_update(appointment_uuid("M-900"), slot_uuid("S-104"), tolvan)), family::sched2);
  CHECK(result_code(back) == "OK");
  CHECK(w.sim->store().active_bookings_on_slot("S-104") == 1);
  sim_sched2_update_refusals(w, "S-104", "S-102");
  // One it never saw is unknown.
  CHECK(result_code(valid(w.sched2(sched2_update(appointment_uuid("M-902"), slot_uuid("S-105"), tolvan)), family::sched2)) ==
        "APPOINTMENT_DOES_NOT_EXIST");
}

TEST_CASE("millennium sim 2.0: ConfirmAppointment is not something Millennium does", "[millennium][sim][sched2]") {
  millennium_world w;
  sim_sched2_no_confirm(w);
}
