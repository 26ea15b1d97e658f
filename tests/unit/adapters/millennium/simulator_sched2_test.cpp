// SPDX-License-Identifier: GPL-2.0-or-later
// Every scheduling 2.0 contract, served by the Millennium adapter from the
// Millennium simulator over TLS on 127.0.0.1.
#include "millennium_test_support.hpp"
#include "millennium_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::millennium::test;
using tidnav::contracts::family;

TEST_CASE("millennium sim 2.0: GetAppointments lists active bookings at the unit", "[millennium][sim][sched2]") {
  millennium_world w;
  auto list = valid(w.sched2(sched2_request("GetAppointments", concat({actor(), person()}))), family::sched2);
  CHECK(all_texts(list.body, "appointmentId") ==
        std::vector<std::string>{appointment_uuid("M-900"), appointment_uuid("M-901")});  // M-902 is cancelled
  auto nobody = valid(w.sched2(sched2_request("GetAppointments", concat({actor("198112189876"), person("198112189876")}))),
                      family::sched2);
  CHECK(all_texts(nobody.body, "appointmentId").empty());
  CHECK(is_client_fault(w.sched2(sched2_request("GetAppointments", concat({actor(), person("191212121213")})))));
}

TEST_CASE("millennium sim 2.0: GetAppointment details a booking for its owner only", "[millennium][sim][sched2]") {
  millennium_world w;
  auto one = valid(w.sched2(sched2_get(appointment_uuid("M-900"), tolvan)), family::sched2);
  CHECK(result_code(one) == "OK");
  CHECK(first_text(one.body, "appointmentId") == appointment_uuid("M-900"));
  CHECK(first_text(one.body, "startTime") == "20310320100000");  // 09:00Z is 10:00 in March
  CHECK(first_text(one.body, "timeLength") == "30");
  CHECK(first_text(one.body, "cancelAppointmentAllowed") == "true");
  auto locked = valid(w.sched2(sched2_get(appointment_uuid("M-901"), tolvan)), family::sched2);
  CHECK(first_text(locked.body, "cancelAppointmentAllowed") == "false");  // is-cancelable false

  auto not_theirs = valid(w.sched2(sched2_get(appointment_uuid("M-900"), "198112189876")), family::sched2);
  CHECK(result_code(not_theirs) == "ERROR");
  CHECK(all_texts(not_theirs.body, "appointment").empty());
  auto cancelled = valid(w.sched2(sched2_get(appointment_uuid("M-902"), tolvan)), family::sched2);
  CHECK(result_code(cancelled) == "ERROR");
}

TEST_CASE("millennium sim 2.0: GetAvailableTimeslots pages through free slots of the unit", "[millennium][sim][sched2]") {
  millennium_world w;
  auto slots = valid(w.sched2(sched2_timeslots("20310310", "20310312", tolvan)), family::sched2);
  CHECK(result_code(slots) == "OK");
  const auto ids = all_texts(slots.body, "timeslotId");
  CHECK(ids.size() == 9);  // 3 a day at LOC-ASA; S-200 is at another Location
  CHECK(std::find(ids.begin(), ids.end(), slot_uuid("S-100")) != ids.end());
  CHECK(all_texts(slots.body, "startTime").front() == "20310310083000");
  CHECK(w.sim->store().slot_searches() == 3);  // 9 slots in pages of 4: one search, two next links

  auto nurse = valid(w.sched2(sched2_request("GetAvailableTimeslots",
                                             concat({person(), {{"startDateInclusive", "20310310"},
                                                                {"endDateInclusive", "20310312"},
                                                                {"timeTypeCode", "2572311"}}}))),
                     family::sched2);
  CHECK(all_texts(nurse.body, "timeslotId").size() == 3);
}

TEST_CASE("millennium sim 2.0: GetAvailableDates groups free slots by Swedish day and type", "[millennium][sim][sched2]") {
  millennium_world w;
  auto dates = valid(w.sched2(sched2_request("GetAvailableDates",
                                             concat({person(), {{"startDateInclusive", "20310310"},
                                                                {"endDateInclusive", "20310312"}}}))),
                     family::sched2);
  CHECK(result_code(dates) == "OK");
  const auto days = all_texts(dates.body, "date");
  CHECK(days.size() == 6);  // three days, two appointment types each
  CHECK(std::count(days.begin(), days.end(), "20310311") == 2);
  auto none = valid(w.sched2(sched2_request("GetAvailableDates",
                                            {{"startDateInclusive", "20310401"}, {"endDateInclusive", "20310402"}})),
                    family::sched2);
  CHECK(all_texts(none.body, "date").empty());
}

TEST_CASE("millennium sim 2.0: the catalogue contracts come from configuration", "[millennium][sim][sched2]") {
  millennium_world w;
  auto types = valid(w.sched2(sched2_request("GetTimeTypes", person())), family::sched2);
  CHECK(result_code(types) == "OK");
  const auto codes = all_texts(types.body, "code");
  CHECK(std::count(codes.begin(), codes.end(), "2572307") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "2572311") == 1);

  auto units = valid(w.sched2(sched2_request("GetHealthcareFacilities", person())), family::sched2);
  CHECK(all_texts(units.body, "extension") == std::vector<std::string>{asa});
  auto self = valid(w.sched2(sched2_request("GetHealthcareFacility", {})), family::sched2);
  CHECK(first_text(self.body, "extension") == asa);
  CHECK(first_text(self.body, "name") == "Vårdcentralen Åsa");

  auto staff = valid(w.sched2(sched2_request("GetPractitioners", {})), family::sched2);
  CHECK(all_texts(staff.body, "extension") == std::vector<std::string>{doctor_hsa, "SE2321000016-DOC2"});
}

TEST_CASE("millennium sim 2.0: MakeAppointment books once, CancelAppointment frees, twice is refused", "[millennium][sim][sched2]") {
  millennium_world w;
  valid(w.sched2(sched2_timeslots("20310310", "20310312", tolvan)), family::sched2);
  auto made = valid(w.sched2(sched2_make(slot_uuid("S-101"), tolvan)), family::sched2);
  CHECK(result_code(made) == "OK");
  const std::string appointment = first_text(made.body, "appointmentId");
  REQUIRE_FALSE(appointment.empty());
  CHECK(w.sim->store().active_bookings_on_slot("S-101") == 1);

  auto again = valid(w.sched2(sched2_make(slot_uuid("S-101"), "198112189876")), family::sched2);
  CHECK(result_code(again) == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  auto lisa = valid(w.sched2(sched2_make(slot_uuid("S-102"), "198112189876")), family::sched2);
  CHECK(result_code(lisa) == "OK");  // Lisa Nilsson is a Patient too

  auto details = valid(w.sched2(sched2_get(appointment, tolvan)), family::sched2);
  CHECK(first_text(details.body, "startTime") == "20310310090000");

  auto cancelled = valid(w.sched2(sched2_cancel(appointment, tolvan)), family::sched2);
  CHECK(result_code(cancelled) == "OK");
  CHECK(w.sim->store().active_bookings_on_slot("S-101") == 0);
  CHECK(result_code(valid(w.sched2(sched2_cancel(appointment, tolvan)), family::sched2)) == "APPOINTMENT_IS_ALREADY_CANCELED");
  CHECK(result_code(valid(w.sched2(sched2_cancel(appointment_uuid("M-901"), tolvan)), family::sched2)) == "CANCEL_IS_NOT_ALLOWED");
  CHECK(result_code(valid(w.sched2(sched2_cancel(appointment_uuid("M-900"), "198112189876")), family::sched2)) ==
        "APPOINTMENT_DOES_NOT_EXIST");
}

TEST_CASE("millennium sim 2.0: UpdateAppointment moves a booking by PATCH, keeping its id", "[millennium][sim][sched2]") {
  millennium_world w;
  valid(w.sched2(sched2_timeslots("20310310", "20310312", tolvan)), family::sched2);
  auto moved = valid(w.sched2(sched2_update(appointment_uuid("M-900"), slot_uuid("S-101"), tolvan)), family::sched2);
  CHECK(result_code(moved) == "OK");
  CHECK(first_text(moved.body, "appointmentId") == appointment_uuid("M-900"));
  CHECK(w.sim->store().active_bookings_on_slot("S-101") == 1);
  CHECK(w.sim->store().active_bookings_on_slot("S-900") == 0);
  auto details = valid(w.sched2(sched2_get(appointment_uuid("M-900"), tolvan)), family::sched2);
  CHECK(first_text(details.body, "startTime") == "20310310090000");

  // The version moved on: the adapter reads it again, so a second move works too.
  auto back = valid(w.sched2(sched2_update(appointment_uuid("M-900"), slot_uuid("S-104"), tolvan)), family::sched2);
  CHECK(result_code(back) == "OK");
  CHECK(w.sim->store().active_bookings_on_slot("S-104") == 1);

  auto locked = valid(w.sched2(sched2_update(appointment_uuid("M-901"), slot_uuid("S-105"), tolvan)), family::sched2);
  CHECK(result_code(locked) == "UPDATE_APPOINTMENT_IS_NOT_ALLOWED");  // is-reschedulable false
  valid(w.sched2(sched2_make(slot_uuid("S-102"), "198112189876")), family::sched2);
  auto taken = valid(w.sched2(sched2_update(appointment_uuid("M-900"), slot_uuid("S-102"), tolvan)), family::sched2);
  CHECK(result_code(taken) == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  CHECK(w.sim->store().active_bookings_on_slot("S-104") == 1);  // still where it was

  // A cancelled booking this adapter handed out is known as cancelled; one it never saw is unknown.
  auto made = valid(w.sched2(sched2_make(slot_uuid("S-107"), tolvan)), family::sched2);
  const auto id = first_text(made.body, "appointmentId");
  CHECK(result_code(valid(w.sched2(sched2_cancel(id, tolvan)), family::sched2)) == "OK");
  CHECK(result_code(valid(w.sched2(sched2_update(id, slot_uuid("S-105"), tolvan)), family::sched2)) == "APPOINTMENT_IS_ALREADY_CANCELED");
  CHECK(result_code(valid(w.sched2(sched2_update(appointment_uuid("M-902"), slot_uuid("S-105"), tolvan)), family::sched2)) ==
        "APPOINTMENT_DOES_NOT_EXIST");
  CHECK(w.sim->store().active_bookings_on_slot("S-105") == 0);
}

TEST_CASE("millennium sim 2.0: ConfirmAppointment is not something Millennium does", "[millennium][sim][sched2]") {
  millennium_world w;
  auto confirm = valid(w.sched2(sched2_request("ConfirmAppointment",
                                               concat({actor(), {{"appointmentId", appointment_uuid("M-900")}}, person()}))),
                       family::sched2);
  CHECK(result_code(confirm) == "CONFIRM_IS_NOT_ALLOWED");
  CHECK_FALSE(first_text(confirm.body, "resultText").empty());
}
