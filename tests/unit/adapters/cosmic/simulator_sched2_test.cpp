// SPDX-License-Identifier: GPL-2.0-or-later
// Every scheduling 2.0 contract, served by the Cosmic adapter from the Cosmic
// simulator over TLS on 127.0.0.1. Where COS has no such operation the
// documented answer is asserted (README: confirm is not allowed, no performer list).
#include "cosmic_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::cosmic::test;
using tidnav::contracts::family;

TEST_CASE("cosmic sim 2.0: GetAppointments lists the patient's bookings", "[cosmic][sim][sched2]") {
  cosmic_world w;
  auto list = valid(w.sched2(sched2_request("GetAppointments", concat({actor(), person()}))), family::sched2);
  CHECK(all_texts(list.body, "appointmentId") ==
        std::vector<std::string>{appointment_uuid("A-900"), appointment_uuid("A-901")});
  auto nobody = valid(w.sched2(sched2_request("GetAppointments", concat({actor("198112189876"), person("198112189876")}))),
                      family::sched2);
  CHECK(all_texts(nobody.body, "appointmentId").empty());
  CHECK(is_client_fault(w.sched2(sched2_request("GetAppointments", concat({actor(), person("191212121213")})))));
}

TEST_CASE("cosmic sim 2.0: GetAppointment details a booking for its owner only", "[cosmic][sim][sched2]") {
  cosmic_world w;
  auto one = valid(w.sched2(sched2_get(appointment_uuid("A-900"), tolvan)), family::sched2);
  CHECK(result_code(one) == "OK");
  CHECK(first_text(one.body, "appointmentId") == appointment_uuid("A-900"));
  CHECK(first_text(one.body, "startTime") == "20310320100000");
  CHECK(first_text(one.body, "cancelAppointmentAllowed") == "true");
  auto locked = valid(w.sched2(sched2_get(appointment_uuid("A-901"), tolvan)), family::sched2);
  CHECK(first_text(locked.body, "cancelAppointmentAllowed") == "false");  // permittedPatientActions empty
  auto not_theirs = valid(w.sched2(sched2_get(appointment_uuid("A-900"), "198112189876")), family::sched2);
  CHECK(result_code(not_theirs) == "ERROR");
  CHECK(all_texts(not_theirs.body, "appointment").empty());
}

TEST_CASE("cosmic sim 2.0: GetAvailableTimeslots over 3 days is one search per day and service", "[cosmic][sim][sched2]") {
  cosmic_world w;
  auto slots = valid(w.sched2(sched2_timeslots("20310310", "20310312", tolvan)), family::sched2);
  CHECK(result_code(slots) == "OK");
  const auto ids = all_texts(slots.body, "timeslotId");
  CHECK(ids.size() == 9);  // 3 per day, 10-12 March
  CHECK(std::find(ids.begin(), ids.end(), slot_uuid("S-100")) != ids.end());
  CHECK(all_texts(slots.body, "startTime").front() == "20310310083000");
  CHECK(w.sim->schedule().slot_searches() == 6);

  auto nurse = valid(w.sched2(sched2_request("GetAvailableTimeslots",
                                             concat({person(), {{"startDateInclusive", "20310310"},
                                                                {"endDateInclusive", "20310312"},
                                                                {"timeTypeCode", "HS-SSK20"}}}))),
                     family::sched2);
  CHECK(all_texts(nurse.body, "timeslotId").size() == 3);
}

TEST_CASE("cosmic sim 2.0: GetAvailableDates needs the citizen (COS requires the Patient header)", "[cosmic][sim][sched2]") {
  cosmic_world w;
  auto dates = valid(w.sched2(sched2_request("GetAvailableDates",
                                             concat({person(), {{"startDateInclusive", "20310310"},
                                                                {"endDateInclusive", "20310312"}}}))),
                     family::sched2);
  CHECK(result_code(dates) == "OK");
  const auto days = all_texts(dates.body, "date");
  CHECK(days.size() == 6);  // three days, two services each
  CHECK(std::count(days.begin(), days.end(), "20310311") == 2);
  auto anonymous = valid(w.sched2(sched2_request("GetAvailableDates",
                                                 {{"startDateInclusive", "20310310"}, {"endDateInclusive", "20310312"}})),
                         family::sched2);
  CHECK(result_code(anonymous) == "ERROR");
}

TEST_CASE("cosmic sim 2.0: time types are HealthcareServices; units and practitioners as documented", "[cosmic][sim][sched2]") {
  cosmic_world w;
  auto types = valid(w.sched2(sched2_request("GetTimeTypes", person())), family::sched2);
  CHECK(result_code(types) == "OK");
  const auto codes = all_texts(types.body, "code");
  CHECK(std::count(codes.begin(), codes.end(), "HS-LAK30") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "HS-SSK20") == 1);
  CHECK(result_code(valid(w.sched2(sched2_request("GetTimeTypes", {})), family::sched2)) == "ERROR");  // no Patient

  auto units = valid(w.sched2(sched2_request("GetHealthcareFacilities", person())), family::sched2);
  CHECK(all_texts(units.body, "extension") == std::vector<std::string>{asa});
  auto self = valid(w.sched2(sched2_request("GetHealthcareFacility", {})), family::sched2);
  CHECK(first_text(self.body, "extension") == asa);

  auto staff = valid(w.sched2(sched2_request("GetPractitioners", {})), family::sched2);
  CHECK(all_texts(staff.body, "extension").empty());  // COS publishes no performer list
}

TEST_CASE("cosmic sim 2.0: MakeAppointment books once, CancelAppointment frees, twice is refused", "[cosmic][sim][sched2]") {
  cosmic_world w;
  valid(w.sched2(sched2_timeslots("20310310", "20310312", tolvan)), family::sched2);
  auto made = valid(w.sched2(sched2_make(slot_uuid("S-101"), tolvan)), family::sched2);
  CHECK(result_code(made) == "OK");
  const std::string appointment = first_text(made.body, "appointmentId");
  REQUIRE_FALSE(appointment.empty());
  CHECK(w.sim->schedule().active_bookings_on_slot("S-101") == 1);

  auto again = valid(w.sched2(sched2_make(slot_uuid("S-101"), "198112189876")), family::sched2);
  CHECK(result_code(again) == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  auto overlapping = valid(w.sched2(sched2_make(slot_uuid("S-101"), tolvan)), family::sched2);
  CHECK(result_code(overlapping) != "OK");

  auto details = valid(w.sched2(sched2_get(appointment, tolvan)), family::sched2);
  CHECK(first_text(details.body, "startTime") == "20310310090000");

  CHECK(result_code(valid(w.sched2(sched2_cancel(appointment, tolvan)), family::sched2)) == "OK");
  CHECK(w.sim->schedule().active_bookings_on_slot("S-101") == 0);
  CHECK(result_code(valid(w.sched2(sched2_cancel(appointment, tolvan)), family::sched2)) == "APPOINTMENT_IS_ALREADY_CANCELED");
  CHECK(result_code(valid(w.sched2(sched2_cancel(appointment_uuid("A-901"), tolvan)), family::sched2)) == "CANCEL_IS_NOT_ALLOWED");
  CHECK(result_code(valid(w.sched2(sched2_cancel(appointment_uuid("A-900"), "198112189876")), family::sched2)) ==
        "APPOINTMENT_DOES_NOT_EXIST");
}

TEST_CASE("cosmic sim 2.0: UpdateAppointment moves a booking (assumed PUT), keeping its id", "[cosmic][sim][sched2]") {
  cosmic_world w;
  valid(w.sched2(sched2_timeslots("20310310", "20310312", tolvan)), family::sched2);
  auto moved = valid(w.sched2(sched2_update(appointment_uuid("A-900"), slot_uuid("S-101"), tolvan)), family::sched2);
  CHECK(result_code(moved) == "OK");
  CHECK(first_text(moved.body, "appointmentId") == appointment_uuid("A-900"));
  CHECK(w.sim->schedule().active_bookings_on_slot("S-101") == 1);
  CHECK(w.sim->schedule().active_bookings_on_slot("S-900") == 0);
  auto details = valid(w.sched2(sched2_get(appointment_uuid("A-900"), tolvan)), family::sched2);
  CHECK(first_text(details.body, "startTime") == "20310310090000");

  auto locked = valid(w.sched2(sched2_update(appointment_uuid("A-901"), slot_uuid("S-105"), tolvan)), family::sched2);
  CHECK(result_code(locked) == "UPDATE_APPOINTMENT_IS_NOT_ALLOWED");
  valid(w.sched2(sched2_make(slot_uuid("S-104"), "198112189876")), family::sched2);
  auto taken = valid(w.sched2(sched2_update(appointment_uuid("A-900"), slot_uuid("S-104"), tolvan)), family::sched2);
  CHECK(result_code(taken) == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  CHECK(w.sim->schedule().active_bookings_on_slot("S-101") == 1);  // still where it was

  // A cancelled booking this adapter handed out is known as cancelled.
  auto made = valid(w.sched2(sched2_make(slot_uuid("S-107"), tolvan)), family::sched2);
  const auto id = first_text(made.body, "appointmentId");
  CHECK(result_code(valid(w.sched2(sched2_cancel(id, tolvan)), family::sched2)) == "OK");
  CHECK(result_code(valid(w.sched2(sched2_update(id, slot_uuid("S-105"), tolvan)), family::sched2)) == "APPOINTMENT_IS_ALREADY_CANCELED");
  CHECK(w.sim->schedule().active_bookings_on_slot("S-105") == 0);
}

TEST_CASE("cosmic sim 2.0: ConfirmAppointment is not something COS offers", "[cosmic][sim][sched2]") {
  cosmic_world w;
  auto confirm = valid(w.sched2(sched2_request("ConfirmAppointment",
                                               concat({actor(), {{"appointmentId", appointment_uuid("A-900")}}, person()}))),
                       family::sched2);
  CHECK(result_code(confirm) == "CONFIRM_IS_NOT_ALLOWED");
  CHECK_FALSE(first_text(confirm.body, "resultText").empty());
}
