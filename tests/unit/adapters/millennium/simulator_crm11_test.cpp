// SPDX-License-Identifier: GPL-2.0-or-later
// Every crm:scheduling 1.1 contract, served by the Millennium adapter from
// the Millennium simulator over TLS on 127.0.0.1.
#include "millennium_test_support.hpp"
#include "millennium_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::millennium::test;
using tidnav::contracts::family;

namespace {

const std::string lak = "2572307";  // the doctor's time type

}  // namespace

TEST_CASE("millennium sim 1.1: GetSubjectOfCareSchedule lists active bookings with their flags", "[millennium][sim][crm11]") {
  millennium_world w;
  auto schedule = valid(w.crm11(crm11_request("GetSubjectOfCareSchedule", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(schedule.body, "bookingId") == std::vector<std::string>{"M-900", "M-901"});
  CHECK(all_texts(schedule.body, "startTimeInclusive").front() == "20310320100000");  // 09:00Z is 10:00 in March
  CHECK(all_texts(schedule.body, "cancel_booking_allowed") == std::vector<std::string>{"true", "false"});
  CHECK(all_texts(schedule.body, "timeTypeID").front() == "2572307");
  auto nobody = valid(w.crm11(crm11_request("GetSubjectOfCareSchedule", unit_and_person("198112189876"))), family::crm11);
  CHECK(all_texts(nobody.body, "bookingId").empty());
}

TEST_CASE("millennium sim 1.1: GetBookingDetails reads one booking; an unknown one faults", "[millennium][sim][crm11]") {
  millennium_world w;
  auto details = valid(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "M-900"}})),
                       family::crm11);
  CHECK(first_text(details.body, "bookingId") == "M-900");
  CHECK(first_text(details.body, "subject_of_care") == tolvan);  // read back from the Patient
  CHECK(first_text(details.body, "reason") == "Kontroll");
  CHECK(first_text(details.body, "endTimeExclusive") == "20310320103000");
  CHECK(is_client_fault(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "M-1"}}))));
  CHECK(is_client_fault(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "M-902"}}))));
}

TEST_CASE("millennium sim 1.1: GetAvailableDates and GetAvailableTimeslots", "[millennium][sim][crm11]") {
  millennium_world w;
  auto dates = valid(w.crm11(crm11_range("GetAvailableDates", "20310310", "20310312")), family::crm11);
  const auto days = all_texts(dates.body, "date");
  CHECK(std::count(days.begin(), days.end(), "20310310") >= 1);
  CHECK(std::count(days.begin(), days.end(), "20310313") == 0);
  auto slots = valid(w.crm11(crm11_range("GetAvailableTimeslots", "20310310", "20310312")), family::crm11);
  const auto starts = all_texts(slots.body, "startTimeInclusive");
  CHECK(starts.size() == 9);
  CHECK(std::count(starts.begin(), starts.end(), "20310310083000") == 1);
  CHECK(all_texts(slots.body, "bookingId").empty());
  // A staff member acting for the citizen sees the same times (Millennium needs no person to search).
  auto agent = valid(w.crm11(crm11_request("GetAvailableTimeslots",
                                           {{"healthcare_facility", asa}, {"startDateInclusive", "20310310"},
                                            {"endDateInclusive", "20310312"}, {"subject_of_care", tolvan}},
                                           asa, "SE2321000016-NRS3", "subject_of_care_agent")),
                     family::crm11);
  CHECK(all_texts(agent.body, "startTimeInclusive") == starts);
}

TEST_CASE("millennium sim 1.1: the catalogue contracts come from configuration", "[millennium][sim][crm11]") {
  millennium_world w;
  auto types = valid(w.crm11(crm11_request("GetAllTimeTypes", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(types.body, "timeTypeId") == std::vector<std::string>{"2572307", "2572311"});
  auto care = valid(w.crm11(crm11_request("GetAllCareTypes", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(care.body, "careTypeId").empty());  // no care types are configured for Millennium types
  auto units = valid(w.crm11(crm11_request("GetAllHealthcareFacilities", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(units.body, "healthcare_facility") == std::vector<std::string>{asa});
  auto performers = valid(w.crm11(crm11_request("GetAllPerformers", unit_and_person(tolvan))), family::crm11);
  CHECK(all_texts(performers.body, "perfomer") == std::vector<std::string>{doctor_hsa, "SE2321000016-DOC2"});
}

TEST_CASE("millennium sim 1.1: MakeBooking books by time; a taken time is ERROR", "[millennium][sim][crm11]") {
  millennium_world w;
  auto made = valid(w.crm11(crm11_make("20310311090000", "20310311093000", lak)), family::crm11);  // S-104
  CHECK(result_code(made) == "OK");
  const std::string id = first_text(made.body, "bookingId");
  CHECK(id.rfind("M-", 0) == 0);
  CHECK(w.sim->store().active_bookings_on_slot("S-104") == 1);
  auto taken = valid(w.crm11(crm11_make("20310311090000", "20310311093000", lak)), family::crm11);
  CHECK(result_code(taken) == "ERROR");
  CHECK_FALSE(first_text(taken.body, "resultText").empty());
  CHECK(w.sim->store().active_bookings_on_slot("S-104") == 1);
  auto no_such_time = valid(w.crm11(crm11_make("20310311070000", "20310311073000", lak)), family::crm11);
  CHECK(result_code(no_such_time) == "ERROR");
}

TEST_CASE("millennium sim 1.1: UpdateBooking moves a booking to another free time", "[millennium][sim][crm11]") {
  millennium_world w;
  auto moved = valid(w.crm11(crm11_update("M-900", "20310310090000", "20310310093000", lak)), family::crm11);  // S-101
  INFO(moved.body);
  CHECK(result_code(moved) == "OK");
  CHECK(w.sim->store().active_bookings_on_slot("S-101") == 1);
  CHECK(w.sim->store().active_bookings_on_slot("S-900") == 0);
  auto locked = valid(w.crm11(crm11_update("M-901", "20310311090000", "20310311093000", lak)), family::crm11);
  CHECK(result_code(locked) == "ERROR");  // is-reschedulable false
  CHECK(w.sim->store().active_bookings_on_slot("S-104") == 0);
}

TEST_CASE("millennium sim 1.1: CancelBooking honours is-cancelable and refuses twice", "[millennium][sim][crm11]") {
  millennium_world w;
  CHECK(result_code(valid(w.crm11(crm11_cancel("M-900")), family::crm11)) == "OK");
  CHECK(w.sim->store().active_bookings_on_slot("S-900") == 0);
  CHECK(result_code(valid(w.crm11(crm11_cancel("M-901")), family::crm11)) == "ERROR");  // is-cancelable false
  CHECK(result_code(valid(w.crm11(crm11_cancel("M-900")), family::crm11)) == "ERROR");  // already cancelled
  CHECK(w.sim->store().active_bookings_on_slot("S-901") == 1);
}
