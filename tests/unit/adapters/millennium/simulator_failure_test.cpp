// SPDX-License-Identifier: GPL-2.0-or-later
// The Millennium adapter against a misbehaving or contended Millennium
// simulator: the API's own constraints, 401/5xx/timeouts/garbage as faults,
// 20 racing bookings of one slot, and a repeated MakeAppointment.
#include "millennium_test_support.hpp"
#include "millennium_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::millennium::test;
using namespace std::chrono_literals;
using tidnav::contracts::family;
namespace mil = ::tidnav::adapters::millennium;

TEST_CASE("millennium sim: the simulator enforces start twice, service-type, If-Match and versions", "[millennium][sim]") {
  millennium_world w;
  auto& s = w.sim->store();
  const std::string cs = code_set;
  mil::sim::query_params q = {{"service-type", cs + "|2572307"}, {"start", "ge2031-03-10T00:00:00Z"},
                              {"-location", "LOC-ASA"}};
  CHECK(s.handle("GET", "/Slot", q, "b", "", "", "").status == 400);  // start once
  q.push_back({"start", "lt2031-03-11T00:00:00Z"});
  CHECK(s.handle("GET", "/Slot", q, "b", "", "", "").status == 200);
  CHECK(s.handle("GET", "/Slot", {{"start", "ge2031-03-10T00:00:00Z"}, {"start", "lt2031-03-11T00:00:00Z"}}, "b", "", "", "")
            .status == 400);  // no service-type
  CHECK(s.handle("GET", "/Appointment", {{"patient", "12724067"}}, "b", "", "", "").status == 400);  // no date

  const std::string patch = R"([{"op":"replace","path":"/slot","value":[{"reference":"Slot/S-101"}]}])";
  const std::string jp = "application/json-patch+json";
  CHECK(s.handle("PATCH", "/Appointment/M-900", {}, "b", "", jp, patch).status == 412);
  CHECK(s.handle("PATCH", "/Appointment/M-900", {}, "b", "W/\"7\"", jp, patch).status == 409);
  const auto moved = s.handle("PATCH", "/Appointment/M-900", {}, "b", "W/\"1\"", jp, patch);
  CHECK(moved.status == 200);
  CHECK(s.active_bookings_on_slot("S-101") == 1);
  CHECK(s.handle("PATCH", "/Appointment/M-900", {}, "b", "W/\"1\"", jp, patch).status == 409);  // stale now
  // Free slots only: S-101 is gone from the search.
  const auto after = s.handle("GET", "/Slot", q, "b", "", "", "");
  CHECK(after.body.find("\"S-101\"") == std::string::npos);
  CHECK(after.body.find("\"S-100\"") != std::string::npos);
}

TEST_CASE("millennium sim: 401, 5xx, timeout and malformed JSON become Server faults; a revoked token is renewed", "[millennium][sim]") {
  millennium_world w;
  const auto list = sim_list_request();
  sim_token_renewal(w, R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"security"}]})");

  w.sim->inject({503, R"({"resourceType":"OperationOutcome","issue":[{"severity":"fatal","code":"transient"}]})", 0ms, false});
  CHECK(is_server_fault(w.sched2(list)));
  CHECK(is_server_fault(w.crm11(crm11_make("20310311090000", "20310311093000", "2572307"))));

  w.sim->inject({0, "", 0ms, true});
  CHECK(is_server_fault(w.sched2(list)));
  CHECK(is_server_fault(w.crm11(crm11_request("GetAvailableTimeslots", {{"healthcare_facility", asa},
                                                                         {"startDateInclusive", "20310310"},
                                                                         {"endDateInclusive", "20310310"},
                                                                         {"subject_of_care", tolvan}}))));

  sim_late_answer(w);

  millennium_world wrong_secret("not-the-secret");
  CHECK(is_server_fault(wrong_secret.sched2(list)));
  CHECK(wrong_secret.sim->tokens_issued() == 0);
}

TEST_CASE("millennium sim: 20 parallel MakeAppointment on one free slot, exactly one OK", "[millennium][sim][race]") {
  millennium_world w;
  sim_one_of_twenty(w, "S-103");
}

TEST_CASE("millennium sim: a repeated MakeAppointment answers the first appointmentId and books once", "[millennium][sim][idempotency]") {
  millennium_world w;
  sim_repeated_make(w, "S-106");
}
