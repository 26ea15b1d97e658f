// SPDX-License-Identifier: GPL-2.0-or-later
// The Cosmic adapter against a misbehaving or contended Cosmic simulator: the
// API's own constraints, 401/5xx/timeouts/garbage as faults, 20 racing
// bookings of one slot, and a repeated MakeAppointment.
#include "cosmic_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace tidnav::adapters::cosmic::test;
using namespace std::chrono_literals;
using tidnav::contracts::family;
namespace cm = ::tidnav::adapters::cosmic;

TEST_CASE("cosmic sim: the simulator refuses ranges over one day and calls without Patient or key", "[cosmic][sim]") {
  cosmic_world w;
  cm::sim::query_params q = {{"start", "ge2031-03-10T00:00:00Z"}, {"start", "lt2031-03-12T00:00:00Z"},
                              {"healthcareFacility", asa}, {"healthcareService", "HS-LAK30"}};
  CHECK(w.sim->schedule().handle("GET", "/Slot/_search", q, tolvan, "").status == 400);
  q[1].second = "lt2031-03-11T00:00:00Z";
  CHECK(w.sim->schedule().handle("GET", "/Slot/_search", q, tolvan, "").status == 200);
  CHECK(w.sim->schedule().handle("GET", "/Slot/_search", q, "", "").status == 400);

  cosmic_world keyless("wrong-key");
  auto refused = keyless.sched2(sched2_request("GetAppointments", concat({actor(), person()})));
  CHECK(is_server_fault(refused));
  CHECK(keyless.sim->tokens_issued() == 2);  // the token was fine; renewed once, then given up
}

TEST_CASE("cosmic sim: 401, 5xx, timeout and malformed JSON become Server faults; a revoked token is renewed", "[cosmic][sim]") {
  cosmic_world w;
  const auto list = sim_list_request();
  sim_token_renewal(w, R"({"statusCode":401,"message":"Invalid access token."})");

  w.sim->inject({503, R"({"error":"maintenance"})", 0ms, false});
  CHECK(is_server_fault(w.sched2(list)));
  CHECK(is_server_fault(w.crm11(crm11_request("CancelBooking", {{"healthcare_facility", asa}, {"bookingId", "A-900"}}))));

  w.sim->inject({0, "", 0ms, true});
  CHECK(is_server_fault(w.sched2(list)));
  CHECK(is_server_fault(w.sched2(sched2_timeslots("20310310", "20310312", tolvan))));

  sim_late_answer(w);
  CHECK(w.sim->schedule().active_bookings_on_slot("S-900") == 1);  // the failed cancel changed nothing
}

TEST_CASE("cosmic sim: 20 parallel MakeAppointment on one free slot, exactly one OK", "[cosmic][sim][race]") {
  cosmic_world w;
  sim_one_of_twenty(w, "S-103");
}

TEST_CASE("cosmic sim: a repeated MakeAppointment answers the first appointmentId and books once", "[cosmic][sim][idempotency]") {
  cosmic_world w;
  sim_repeated_make(w, "S-106");
}
