// SPDX-License-Identifier: GPL-2.0-or-later
// Every crm:scheduling 1.1 contract, served by the Cosmic adapter from the
// Cosmic simulator over TLS on 127.0.0.1. The checks both FHIR simulators
// pass are in tests/unit/adapters/fhir/fhir_sim_suite.*; COS's own follow them.
#include "cosmic_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::cosmic::test;
using tidnav::contracts::family;

TEST_CASE("cosmic sim 1.1: GetSubjectOfCareSchedule lists the patient's bookings with their flags", "[cosmic][sim][crm11]") {
  cosmic_world w;
  sim_crm11_schedule(w);
}

TEST_CASE("cosmic sim 1.1: GetBookingDetails reads one booking; an unknown one faults", "[cosmic][sim][crm11]") {
  cosmic_world w;
  sim_crm11_details(w);
}

TEST_CASE("cosmic sim 1.1: GetAvailableDates and GetAvailableTimeslots", "[cosmic][sim][crm11]") {
  cosmic_world w;
  sim_crm11_availability(w);
  // A staff actor names no citizen, and COS searches need the Patient header: an empty answer.
  CHECK(sim_crm11_staff_search(w).empty());
}

TEST_CASE("cosmic sim 1.1: the catalogue contracts", "[cosmic][sim][crm11]") {
  cosmic_world w;
  sim_crm11_catalogue(w);
  CHECK(sim_crm11_performers(w).empty());  // COS publishes no performer list
}

TEST_CASE("cosmic sim 1.1: MakeBooking books by time (assumed POST); a taken time is ERROR", "[cosmic][sim][crm11]") {
  cosmic_world w;
  const std::string id = sim_crm11_book_once(w);
  auto details = valid(w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", id}})),
                       family::crm11);
  CHECK(first_text(details.body, "reason") == "Ont i ryggen");
}

TEST_CASE("cosmic sim 1.1: UpdateBooking moves a booking to another free time", "[cosmic][sim][crm11]") {
  cosmic_world w;
  sim_crm11_update(w);  // permittedPatientActions lacks rebook
}

TEST_CASE("cosmic sim 1.1: CancelBooking honours permittedPatientActions", "[cosmic][sim][crm11]") {
  cosmic_world w;
  sim_crm11_cancel(w);  // not permitted for the patient
}
