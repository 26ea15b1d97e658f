// SPDX-License-Identifier: GPL-2.0-or-later
// PMO: the bridge with the PMO profile (crm:scheduling 1.1, RIVTABP21)
// against the 1.1 simulator over mutual TLS, through both contract front-ends.
// Every case of the contract suite (legacy_contract_cases.hpp) runs as "pmo: ...".
#include "adapters/pmo/pmo_profile.hpp"
#include "tests/unit/adapters/bridge/legacy_contract_cases.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters::bridge;
using namespace tidnav::adapters::bridge::test;
using tidnav::contracts::family;

namespace {

const std::string prefix = "PMO";

legacy_profile configured() {
  auto p = tidnav::adapters::pmo::pmo_profile("");
  p.unknown_first_name = "Okänt";
  p.unknown_last_name = "Okänt";
  p.anonymous_subject_of_care = "191212121212";
  p.service_actor = legacy_actor{"SE2321000016-TNAV", "subject_of_care_agent"};
  return p;
}

bridge_world pmo_world(legacy_profile p = configured()) {
  return bridge_world(std::move(p), sim::sim_version::crm11, "tests/fixtures/pmo/seed.json", prefix);
}

[[maybe_unused]] const bool registered = register_legacy_cases({"pmo", prefix, "1.1", [] { return pmo_world(); }});

}  // namespace

TEST_CASE("pmo: requests go out as 1.1 (LogicalAddress, the citizen as Actor)", "[pmo]") {
  auto w = pmo_world();
  suite_lists_bookings(w, prefix);
  const std::string sent = w.simulator->last_request();
  CHECK(sent.find("LogicalAddress") != std::string::npos);
  CHECK(sent.find("subject_of_care</") != std::string::npos);
  CHECK(sent.find("http://www.w3.org/2005/08/addressing") == std::string::npos);
  suite_books_rebooks_cancels(w);
  CHECK(w.simulator->last_request().find("Okänt") == std::string::npos);  // cancel carries no names
}

TEST_CASE("pmo: what 1.1 needs and 2.0 lacks is configured, never invented", "[pmo]") {
  auto w = pmo_world(tidnav::adapters::pmo::pmo_profile(""));
  auto slots = valid(w.sched2(slots_request(w.unit1)), family::sched2);
  auto made = valid(w.sched2(make_request(w.unit1, slot_at(slots.body, "20310310093000"))), family::sched2);
  CHECK(tidnav::adapters::test::first_text(made.body, "resultCode") == "ERROR");  // no names configured
  CHECK(w.simulator->calls("MakeBooking") == 0);
  // Logged out (no personId): no anonymous_subject_of_care configured, so not asked.
  auto anonymous = w.sched2(tidnav::adapters::test::sched2_request(
      "GetAvailableTimeslots", {{"startDateInclusive", "20310310"}, {"endDateInclusive", "20310312"}}, w.unit1));
  CHECK(tidnav::adapters::test::first_text(anonymous.body, "resultCode") == "ERROR");

  auto c = pmo_world();
  auto logged_out = valid(c.sched2(tidnav::adapters::test::sched2_request(
                              "GetAvailableTimeslots", {{"startDateInclusive", "20310310"}, {"endDateInclusive", "20310312"}},
                              c.unit1)),
                          family::sched2);
  CHECK(tidnav::adapters::test::all_texts(logged_out.body, "timeslotId").size() == 4);
  CHECK(c.simulator->last_request().find("SE2321000016-TNAV") != std::string::npos);  // the service actor
}
