// SPDX-License-Identifier: GPL-2.0-or-later
// Every crm:scheduling 1.1 contract, served by the Cosmic adapter from the
// Cosmic simulator over TLS on 127.0.0.1.
#include "cosmic_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::cosmic::test;
using tidnav::contracts::family;

namespace {

const std::string lak = "HS-LAK30";  // the doctor's time type

}  // namespace

TEST_CASE("cosmic sim 1.1: GetSubjectOfCareSchedule lists the patient's bookings with their flags", "[cosmic][sim][crm11]") {
  cosmic_world w;
  auto schedule = valid(w.crm11(crm11_request("GetSubjectOfCareSchedule", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(schedule.body, "bookingId") == std::vector<std::string>{"A-900", "A-901"});
  CHECK(all_texts(schedule.body, "startTimeInclusive").front() == "20310320100000");  // 09:00Z is 10:00 in March
  CHECK(all_texts(schedule.body, "cancel_booking_allowed") == std::vector<std::string>{"true", "false"});
  CHECK(all_texts(schedule.body, "timeTypeID").front() == "HS-LAK30");
  auto nobody = valid(w.crm11(crm11_request("GetSubjectOfCareSchedule", unit_and_person("198112189876"))), family::crm11);
  CHECK(all_texts(nobody.body, "bookingId").empty());
}

TEST_CASE("cosmic sim 1.1: GetBookingDetails reads one booking; an unknown one faults", "[cosmic][sim][crm11]") {
  cosmic_world w;
  auto details = valid(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "A-900"}})),
                       family::crm11);
  CHECK(first_text(details.body, "bookingId") == "A-900");
  CHECK(first_text(details.body, "subject_of_care") == tolvan);
  CHECK(first_text(details.body, "reason") == "Kontroll");
  CHECK(is_client_fault(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "A-1"}}))));
}

TEST_CASE("cosmic sim 1.1: GetAvailableDates and GetAvailableTimeslots", "[cosmic][sim][crm11]") {
  cosmic_world w;
  auto dates = valid(w.crm11(crm11_range("GetAvailableDates", "20310310", "20310312")), family::crm11);
  const auto days = all_texts(dates.body, "date");
  CHECK(std::count(days.begin(), days.end(), "20310310") >= 1);
  CHECK(std::count(days.begin(), days.end(), "20310313") == 0);
  auto slots = valid(w.crm11(crm11_range("GetAvailableTimeslots", "20310310", "20310312")), family::crm11);
  const auto starts = all_texts(slots.body, "startTimeInclusive");
  CHECK(starts.size() == 9);
  CHECK(std::count(starts.begin(), starts.end(), "20310310083000") == 1);
  // A staff actor names no citizen, and COS searches need the Patient header: an empty answer.
  auto agent = valid(w.crm11(crm11_request("GetAvailableTimeslots",
                                           {{"healthcare_facility", asa}, {"startDateInclusive", "20310310"},
                                            {"endDateInclusive", "20310312"}, {"subject_of_care", tolvan}},
                                           asa, "SE2321000016-NRS3", "subject_of_care_agent")),
                     family::crm11);
  CHECK(all_texts(agent.body, "startTimeInclusive").empty());
}

TEST_CASE("cosmic sim 1.1: the catalogue contracts", "[cosmic][sim][crm11]") {
  cosmic_world w;
  auto types = valid(w.crm11(crm11_request("GetAllTimeTypes", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(types.body, "timeTypeId") == std::vector<std::string>{"HS-LAK30", "HS-SSK20"});
  auto care = valid(w.crm11(crm11_request("GetAllCareTypes", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(care.body, "careTypeId").empty());  // COS has no care types
  auto units = valid(w.crm11(crm11_request("GetAllHealthcareFacilities", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(units.body, "healthcare_facility") == std::vector<std::string>{asa});
  auto performers = valid(w.crm11(crm11_request("GetAllPerformers", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(performers.body, "perfomer").empty());  // COS publishes no performer list
}

TEST_CASE("cosmic sim 1.1: MakeBooking books by time (assumed POST); a taken time is ERROR", "[cosmic][sim][crm11]") {
  cosmic_world w;
  auto made = valid(w.crm11(crm11_make("20310311090000", "20310311093000", lak)), family::crm11);  // S-104
  INFO(made.body);
  CHECK(result_code(made) == "OK");
  const std::string id = first_text(made.body, "bookingId");
  CHECK(id.rfind("A-", 0) == 0);
  CHECK(w.sim->schedule().active_bookings_on_slot("S-104") == 1);
  auto taken = valid(w.crm11(crm11_make("20310311090000", "20310311093000", lak)), family::crm11);
  CHECK(result_code(taken) == "ERROR");
  CHECK(w.sim->schedule().active_bookings_on_slot("S-104") == 1);
  auto details = valid(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", id}})),
                       family::crm11);
  CHECK(first_text(details.body, "reason") == "Ont i ryggen");
}

TEST_CASE("cosmic sim 1.1: UpdateBooking moves a booking to another free time", "[cosmic][sim][crm11]") {
  cosmic_world w;
  auto moved = valid(w.crm11(crm11_update("A-900", "20310310090000", "20310310093000", lak)), family::crm11);  // S-101
  INFO(moved.body);
  CHECK(result_code(moved) == "OK");
  CHECK(w.sim->schedule().active_bookings_on_slot("S-101") == 1);
  CHECK(w.sim->schedule().active_bookings_on_slot("S-900") == 0);
  auto locked = valid(w.crm11(crm11_update("A-901", "20310311090000", "20310311093000", lak)), family::crm11);
  CHECK(result_code(locked) == "ERROR");  // permittedPatientActions lacks rebook
  CHECK(w.sim->schedule().active_bookings_on_slot("S-104") == 0);
}

TEST_CASE("cosmic sim 1.1: CancelBooking honours permittedPatientActions", "[cosmic][sim][crm11]") {
  cosmic_world w;
  CHECK(result_code(valid(w.crm11(crm11_cancel("A-900")), family::crm11)) == "OK");
  CHECK(w.sim->schedule().active_bookings_on_slot("S-900") == 0);
  CHECK(result_code(valid(w.crm11(crm11_cancel("A-901")), family::crm11)) == "ERROR");  // not permitted for the patient
  CHECK(result_code(valid(w.crm11(crm11_cancel("A-900")), family::crm11)) == "ERROR");  // already cancelled
  CHECK(w.sim->schedule().active_bookings_on_slot("S-901") == 1);
}
