// SPDX-License-Identifier: GPL-2.0-or-later
// Every crm:scheduling 1.1 contract, served by the Millennium adapter from
// the Millennium simulator over TLS on 127.0.0.1. The checks both FHIR
// simulators pass are in tests/unit/adapters/fhir/fhir_sim_suite.*; Millennium's own follow them.
#include "millennium_test_support.hpp"
#include "millennium_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::millennium::test;
using tidnav::contracts::family;

TEST_CASE("millennium sim 1.1: GetSubjectOfCareSchedule lists active bookings with their flags", "[millennium][sim][crm11]") {
  millennium_world w;
  sim_crm11_schedule(w);
}

TEST_CASE("millennium sim 1.1: GetBookingDetails reads one booking; an unknown one faults", "[millennium][sim][crm11]") {
  millennium_world w;
  sim_crm11_details(w);
  auto details = valid(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "M-900"}})),
                       family::crm11);
  CHECK(first_text(details.body, "endTimeExclusive") == "20310320103000");
  CHECK(is_client_fault(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "M-902"}}))));
}

TEST_CASE("millennium sim 1.1: GetAvailableDates and GetAvailableTimeslots", "[millennium][sim][crm11]") {
  millennium_world w;
  const auto starts = sim_crm11_availability(w);
  auto slots = valid(w.crm11(crm11_range("GetAvailableTimeslots", "20310310", "20310312")), family::crm11);
  CHECK(all_texts(slots.body, "bookingId").empty());
  // A staff member acting for the citizen sees the same times (Millennium needs no person to search).
  CHECK(sim_crm11_staff_search(w) == starts);
}

TEST_CASE("millennium sim 1.1: the catalogue contracts come from configuration", "[millennium][sim][crm11]") {
  millennium_world w;
  sim_crm11_catalogue(w);
  CHECK(sim_crm11_performers(w) == std::vector<std::string>{doctor_hsa, "SE2321000016-DOC2"});
}

TEST_CASE("millennium sim 1.1: MakeBooking books by time; a taken time is ERROR", "[millennium][sim][crm11]") {
  millennium_world w;
  sim_crm11_book_once(w);
  auto no_such_time = valid(w.crm11(crm11_make("20310311070000", "20310311073000", w.seed.doctor_type)), family::crm11);
  CHECK(result_code(no_such_time) == "ERROR");
}

TEST_CASE("millennium sim 1.1: UpdateBooking moves a booking to another free time", "[millennium][sim][crm11]") {
  millennium_world w;
  sim_crm11_update(w);  // M-901: is-reschedulable false
}

TEST_CASE("millennium sim 1.1: CancelBooking honours is-cancelable and refuses twice", "[millennium][sim][crm11]") {
  millennium_world w;
  sim_crm11_cancel(w);  // M-901: is-cancelable false
}
