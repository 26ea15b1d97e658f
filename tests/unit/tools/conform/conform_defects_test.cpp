// SPDX-License-Identifier: GPL-2.0-or-later
// Proof that the kit can fail: the same memory producer switched into one
// known defect at a time, each reported as the specific check it breaks, while
// the kit still cleans up after itself.
#include "conform_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tidnav;
using namespace tidnav::conform;
using namespace tidnav::conform::test;
using adapters::defects::defect;

namespace {

struct defective_world {
  explicit defective_world(contract_family family, defect d)
      : system(future_seed()), units(single_unit(unit_hsa, "VC-ASA")), producer(system, units, family) {
    producer.defects().set(d, true);
  }
  std::size_t active_bookings() {
    const auto list = system.appointments("VC-ASA", {adapters::person_number_kind::personnummer, tolvan}, {},
                                          std::chrono::steady_clock::now() + std::chrono::seconds(5));
    REQUIRE(list);
    return list.value().size();
  }
  adapters::memory_booking_system system;
  adapters::unit_table units;
  test_producer producer;
};

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

void expect_failure(const run_report& report, const std::string& id) {
  INFO(summary_of(report));
  CHECK(report.errors.empty());
  CHECK(verdict_of(report, id) == verdict::fail);
  const auto* c = find_check(report, id);
  REQUIRE(c);
  CHECK_FALSE(c->expected.empty());
  CHECK_FALSE(c->exchanges.empty());  // the request and response behind it
  CHECK_FALSE(report.passed());
}

}  // namespace

TEST_CASE("conform defects: past times returned", "[conform][defects]") {
  for (auto family : {contract_family::sched2, contract_family::crm11}) {
    defective_world w(family, defect::past_times);
    const auto report = run_kit(options_for(w.producer.url(), family));
    expect_failure(report, "availability.no-past");
    CHECK(verdict_of(report, "schema.GetAvailableTimeslots") == verdict::pass);  // valid, just wrong
    CHECK(w.active_bookings() == seeded_bookings);
  }
}

TEST_CASE("conform defects: double booking allowed", "[conform][defects]") {
  for (auto family : {contract_family::sched2, contract_family::crm11}) {
    defective_world w(family, defect::double_booking);
    const auto report = run_kit(options_for(w.producer.url(), family));
    expect_failure(report, "make.double-booking");
    INFO(summary_of(report));
    CHECK(failed_ids(report) == std::vector<std::string>{"make.double-booking"});
    CHECK(w.producer.decorated().phantom_bookings() == 0);  // the kit cancelled the second booking too
    CHECK(w.active_bookings() == seeded_bookings);
  }
}

TEST_CASE("conform defects: cancelled slot not freed", "[conform][defects]") {
  for (auto family : {contract_family::sched2, contract_family::crm11}) {
    defective_world w(family, defect::slot_not_freed);
    const auto report = run_kit(options_for(w.producer.url(), family));
    expect_failure(report, "cancel.frees-slot");
    INFO(summary_of(report));
    CHECK(failed_ids(report) == std::vector<std::string>{"cancel.frees-slot"});
    CHECK(w.active_bookings() == seeded_bookings);
  }
}

TEST_CASE("conform defects: schema-invalid timestamp", "[conform][defects]") {
  defective_world v2(contract_family::sched2, defect::invalid_timestamp);
  const auto r2 = run_kit(options_for(v2.producer.url(), contract_family::sched2));
  expect_failure(r2, "schema.GetAppointment");
  CHECK(verdict_of(r2, "schema.GetAvailableTimeslots") == verdict::pass);
  CHECK(v2.active_bookings() == seeded_bookings);  // read-back failed midway; the booking was still cancelled

  defective_world v1(contract_family::crm11, defect::invalid_timestamp);
  const auto r1 = run_kit(options_for(v1.producer.url(), contract_family::crm11));
  expect_failure(r1, "schema.GetBookingDetails");
  CHECK(v1.active_bookings() == seeded_bookings);
}

TEST_CASE("conform defects: fault instead of business error", "[conform][defects]") {
  for (auto family : {contract_family::sched2, contract_family::crm11}) {
    defective_world w(family, defect::fault_for_business);
    const auto report = run_kit(options_for(w.producer.url(), family));
    expect_failure(report, "errors.business-not-fault");
    const auto failed = failed_ids(report);
    INFO(summary_of(report));
    CHECK(has(failed, "cancel.twice"));  // a fault is not the code the contract names
    // 2.0 books by slot id, so the booking system itself refuses the taken slot; a
    // 1.1 front-end finds no free time with that start before it asks the system.
    if (family == contract_family::sched2) CHECK(has(failed, "make.double-booking"));
    CHECK(verdict_of(report, "make.read-back") == verdict::pass);
    CHECK(w.active_bookings() == seeded_bookings);
  }
}

TEST_CASE("conform defects: slow answers break the SLA", "[conform][defects]") {
  defective_world w(contract_family::sched2, defect::slow_answers);
  // A short limit and delay keep the suite fast; the delay is always over the limit.
  w.producer.defects().set_delay(std::chrono::milliseconds(250));
  auto options = options_for(w.producer.url(), contract_family::sched2);
  options.only = {"sla.p95"};
  options.sla = std::chrono::milliseconds(100);
  const auto report = run_kit(options);
  expect_failure(report, "sla.p95");
  REQUIRE(report.checks.size() == 1);
  CHECK(report.checks.front().evidence.find("p95") != std::string::npos);
}
