// SPDX-License-Identifier: GPL-2.0-or-later
// The kit against a well-behaved producer: handle_sched2 / handle_crm11 in
// front of the memory booking system, over mutual TLS on 127.0.0.1. Every
// check passes (or is skipped for a stated reason), and the person's book is
// left as it was.
#include "conform_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav;
using namespace tidnav::conform;
using namespace tidnav::conform::test;

namespace {

std::size_t active_bookings(adapters::memory_booking_system& system) {
  const auto list = system.appointments("VC-ASA", {adapters::person_number_kind::personnummer, tolvan}, {},
                                        std::chrono::steady_clock::now() + std::chrono::seconds(5));
  REQUIRE(list);
  return list.value().size();
}

}  // namespace

TEST_CASE("conform: 2.0 memory producer passes every check", "[conform][sched2]") {
  adapters::memory_booking_system system(future_seed());
  const auto units = single_unit(unit_hsa, "VC-ASA");
  test_producer producer(system, units, contract_family::sched2);
  const auto report = run_kit(options_for(producer.url(), contract_family::sched2));
  INFO(summary_of(report));
  CHECK(report.errors.empty());
  CHECK(failed_ids(report).empty());
  CHECK(report.passed());
  for (const char* id :
       {"ping.answers", "schema.GetHealthcareFacility", "schema.GetHealthcareFacilities", "schema.GetTimeTypes",
        "schema.GetPractitioners", "schema.GetAppointments", "schema.GetAppointment", "schema.GetAvailableDates",
        "schema.GetAvailableTimeslots", "schema.MakeAppointment", "schema.UpdateAppointment",
        "schema.CancelAppointment", "schema.ConfirmAppointment", "appointments.own-person", "appointments.future",
        "appointments.id-form", "availability.no-past", "availability.in-range", "availability.consistent",
        "make.slot-taken", "make.in-list", "make.read-back", "make.double-booking", "update.moves",
        "cancel.frees-slot", "cancel.twice", "errors.unknown-id", "errors.wrong-person", "errors.malformed",
        "errors.business-not-fault", "errors.result-codes", "address.case-insensitive", "address.body-consistent",
        "format.times", "sla.p95", "kit.cleanup"}) {
    INFO(id);
    CHECK(verdict_of(report, id) == verdict::pass);
  }
  CHECK(system.bookings_made() >= 1);      // the kit really booked
  CHECK(active_bookings(system) == seeded_bookings);  // and left only the seeded ones
  CHECK(report.calls > 40);
}

TEST_CASE("conform: 1.1 memory producer passes every check", "[conform][crm11]") {
  adapters::memory_booking_system system(future_seed());
  const auto units = single_unit(unit_hsa, "VC-ASA");
  test_producer producer(system, units, contract_family::crm11);
  const auto report = run_kit(options_for(producer.url(), contract_family::crm11));
  INFO(summary_of(report));
  CHECK(report.errors.empty());
  CHECK(failed_ids(report).empty());
  for (const char* id :
       {"ping.answers", "schema.GetAllHealthcareFacilities", "schema.GetAllTimeTypes", "schema.GetAllCareTypes",
        "schema.GetAllPerformers", "schema.GetSubjectOfCareSchedule", "schema.GetBookingDetails",
        "schema.GetAvailableDates", "schema.GetAvailableTimeslots", "schema.MakeBooking", "schema.UpdateBooking",
        "schema.CancelBooking", "appointments.own-person", "appointments.future", "appointments.id-form",
        "availability.no-past", "availability.in-range", "availability.consistent", "make.slot-taken",
        "make.in-list", "make.read-back", "make.double-booking", "update.moves", "cancel.frees-slot",
        "cancel.twice", "errors.unknown-id", "errors.wrong-person", "errors.malformed", "errors.business-not-fault",
        "errors.result-codes", "address.case-insensitive", "address.body-consistent", "flags.honoured",
        "format.times", "format.no-empty", "sla.p95", "kit.cleanup"}) {
    INFO(id);
    CHECK(verdict_of(report, id) == verdict::pass);
  }
  CHECK(active_bookings(system) == seeded_bookings);
}

TEST_CASE("conform: --only runs the selected checks and reports nothing else", "[conform]") {
  adapters::memory_booking_system system(future_seed());
  const auto units = single_unit(unit_hsa, "VC-ASA");
  test_producer producer(system, units, contract_family::sched2);
  auto options = options_for(producer.url(), contract_family::sched2);
  options.only = {"errors.malformed", "address"};
  const auto report = run_kit(options);
  INFO(summary_of(report));
  std::vector<std::string> ids;
  for (const auto& c : report.checks) ids.push_back(c.id);
  CHECK(ids == std::vector<std::string>{"errors.malformed", "address.case-insensitive", "address.body-consistent"});
  CHECK(report.passed());
  CHECK(system.bookings_made() == 0);  // no write phase
}

TEST_CASE("conform: a producer that does not answer is a kit error, not a pass", "[conform]") {
  auto options = options_for("https://127.0.0.1:1/producer", contract_family::sched2);
  options.timeout = std::chrono::seconds(2);
  const auto report = run_kit(options);
  CHECK_FALSE(report.passed());
  REQUIRE_FALSE(report.errors.empty());
  CHECK(report.errors.front().find("no answer") != std::string::npos);
}

TEST_CASE("conform: contracts the producer does not offer are skipped, not failed", "[conform]") {
  adapters::memory_booking_system system(future_seed());
  const auto units = single_unit(unit_hsa, "VC-ASA");
  test_producer producer(system, units, contract_family::sched2);
  producer.refuse("GetPractitioners");
  producer.refuse("ConfirmAppointment");
  producer.refuse("PingForConfiguration");
  const auto report = run_kit(options_for(producer.url(), contract_family::sched2));
  INFO(summary_of(report));
  CHECK(report.passed());
  for (const char* id : {"schema.GetPractitioners", "schema.ConfirmAppointment", "ping.answers"}) {
    INFO(id);
    CHECK(verdict_of(report, id) == verdict::skip);
    CHECK(find_check(report, id)->evidence.find("not offered") != std::string::npos);
  }
  CHECK(verdict_of(report, "schema.GetAppointments") == verdict::pass);
  CHECK(verdict_of(report, "sla.p95") == verdict::pass);
  CHECK(find_check(report, "sla.p95")->evidence.find("GetPractitioners") == std::string::npos);
}
