// SPDX-License-Identifier: GPL-2.0-or-later
// The Cosmic adapter against the Cosmic simulator over TLS on 127.0.0.1,
// driven through the scheduling 2.0 and crm:scheduling 1.1 front-ends.
#include "adapters/core/crm11_frontend.hpp"
#include "adapters/core/id_directory.hpp"
#include "adapters/core/name_uuid.hpp"
#include "adapters/core/person_number.hpp"
#include "adapters/core/sched2_frontend.hpp"
#include "adapters/cosmic/cosmic_booking_system.hpp"
#include "adapters/cosmic/net/net_transport.hpp"
#include "adapters/cosmic/sim/cosmic_simulator.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace std::chrono_literals;
namespace cm = ::tidnav::adapters::cosmic;

namespace {

using tidnav::contracts::family;

// The adapter wired to a fresh simulator, as tools/ would wire it.
struct cosmic_world {
  explicit cosmic_world(std::string subscription_key = "sim-subscription-key") {
    cm::sim::simulator_options so;
    so.seed_file = source_path("tests/fixtures/cosmic/seed.json");
    so.tls = tidnav::test::server_ctx();
    sim = cm::sim::start_cosmic_simulator(so);
    tidnav::net::client_options co;
    co.tls = tidnav::test::client_ctx();
    co.io_threads = 2;
    co.log = [](std::string_view) {};
    transport = std::make_unique<cm::net_transport>(co);
    cm::cosmic_options o;
    o.base_url = sim->base_url();
    o.token_url = sim->token_url();
    o.client_id = "tidnav-test";
    o.client_secret = "sim-secret";
    o.subscription_key = std::move(subscription_key);
    system = std::make_unique<cm::cosmic_booking_system>(o, *transport);
    std::vector<std::string> errors;
    units = unit_table::build({{asa, asa, "Vårdcentralen Åsa"}}, errors);
    REQUIRE(errors.empty());
  }

  call_info call(std::chrono::milliseconds budget = 10s, const std::string& consumer = consumer_1177) {
    call_info c;
    c.consumer = consumer;
    c.until = std::chrono::steady_clock::now() + budget;
    c.ids = &ids;
    return c;
  }
  producer_reply sched2(const std::string& envelope, std::chrono::milliseconds budget = 10s,
                        const std::string& consumer = consumer_1177) {
    return handle_sched2(*system, units, envelope, call(budget, consumer));
  }
  producer_reply crm11(const std::string& envelope) { return handle_crm11(*system, units, envelope, call()); }

  std::unique_ptr<cm::sim::cosmic_simulator> sim;
  std::unique_ptr<cm::net_transport> transport;
  std::unique_ptr<cm::cosmic_booking_system> system;
  unit_table units;
  id_directory ids;
};

producer_reply valid(producer_reply r, family fam) {
  INFO(r.body);
  REQUIRE(r.http_status == 200);
  CHECK(schema_issues(r.body, fam).empty());
  return r;
}

std::string slots_request(const std::string& pnr = tolvan) {
  return sched2_request("GetAvailableTimeslots", concat({person(pnr), {{"startDateInclusive", "20310310"},
                                                                       {"endDateInclusive", "20310312"}}}));
}

std::string slot_uuid(const std::string& native) { return contract_id(native_id_kind::timeslot, asa, native); }

std::string make_envelope(const std::string& slot, const std::string& pnr = tolvan) {
  return sched2_request("MakeAppointment",
                        concat({actor(pnr), person(pnr), {{"timeslotId", slot}, {"reasonText", "Ont i halsen"}}}));
}

std::string person_number(int i) {
  const std::string base = "19850101" + std::to_string(200 + i);
  for (char check = '0'; check <= '9'; ++check) {
    if (check_person_number(base + check)) return base + check;
  }
  return {};
}

bool is_server_fault(const producer_reply& r) {
  return r.http_status == 500 && r.body.find("Server") != std::string::npos;
}

}  // namespace

TEST_CASE("cosmic sim: 2.0 GetAppointments and 1.1 GetSubjectOfCareSchedule list the patient's bookings", "[cosmic][sim]") {
  cosmic_world w;
  auto list = valid(w.sched2(sched2_request("GetAppointments", concat({actor(), person()}))), family::sched2);
  CHECK(all_texts(list.body, "appointmentId").size() == 2);
  CHECK(all_texts(list.body, "appointmentId").front() == contract_id(native_id_kind::appointment, asa, "A-900"));

  auto schedule = valid(w.crm11(crm11_request("GetSubjectOfCareSchedule",
                                              {{"healthcare_facility", asa}, {"subject_of_care", tolvan}})),
                        family::crm11);
  CHECK(all_texts(schedule.body, "bookingId") == std::vector<std::string>{"A-900", "A-901"});
  CHECK(all_texts(schedule.body, "startTimeInclusive").front() == "20310320100000");  // 09:00Z is 10:00 in March
  CHECK(all_texts(schedule.body, "cancel_booking_allowed") == std::vector<std::string>{"true", "false"});
  CHECK(all_texts(schedule.body, "timeTypeID").front() == "HS-LAK30");

  auto nobody = valid(w.sched2(sched2_request("GetAppointments", concat({actor("198112189876"), person("198112189876")}))),
                      family::sched2);
  CHECK(all_texts(nobody.body, "appointmentId").empty());
}

TEST_CASE("cosmic sim: 2.0 GetAvailableTimeslots over 3 days is one search per day and service", "[cosmic][sim]") {
  cosmic_world w;
  auto slots = valid(w.sched2(slots_request()), family::sched2);
  CHECK(first_text(slots.body, "resultCode") == "OK");
  const auto ids = all_texts(slots.body, "timeslotId");
  CHECK(ids.size() == 9);  // 3 per day, 10-12 March
  CHECK(std::find(ids.begin(), ids.end(), slot_uuid("S-100")) != ids.end());
  CHECK(all_texts(slots.body, "startTime").front() == "20310310083000");
  CHECK(w.sim->schedule().slot_searches() == 6);
}

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
}

TEST_CASE("cosmic sim: 2.0 MakeAppointment then CancelAppointment, twice", "[cosmic][sim]") {
  cosmic_world w;
  valid(w.sched2(slots_request()), family::sched2);
  auto made = valid(w.sched2(make_envelope(slot_uuid("S-101"))), family::sched2);
  CHECK(first_text(made.body, "resultCode") == "OK");
  const std::string appointment = first_text(made.body, "appointmentId");
  REQUIRE_FALSE(appointment.empty());
  CHECK(w.sim->schedule().active_bookings_on_slot("S-101") == 1);

  auto again = valid(w.sched2(make_envelope(slot_uuid("S-101"), "198112189876")), family::sched2);
  CHECK(first_text(again.body, "resultCode") == "REQUESTED_TIME_IS_ALREADY_RESERVED");

  const auto cancel = sched2_request("CancelAppointment", concat({actor(), {{"appointmentId", appointment}}, person()}));
  auto cancelled = valid(w.sched2(cancel), family::sched2);
  CHECK(first_text(cancelled.body, "resultCode") == "OK");
  CHECK(w.sim->schedule().active_bookings_on_slot("S-101") == 0);
  auto twice = valid(w.sched2(cancel), family::sched2);
  CHECK(first_text(twice.body, "resultCode") == "APPOINTMENT_IS_ALREADY_CANCELED");
}

TEST_CASE("cosmic sim: 1.1 CancelBooking honours permittedPatientActions", "[cosmic][sim]") {
  cosmic_world w;
  auto cancel = [&](const std::string& id) {
    return valid(w.crm11(crm11_request("CancelBooking", {{"healthcare_facility", asa}, {"bookingId", id},
                                                         {"message", "Förhindrad"}})),
                 family::crm11);
  };
  CHECK(first_text(cancel("A-900").body, "resultCode") == "OK");
  CHECK(w.sim->schedule().active_bookings_on_slot("S-900") == 0);
  CHECK(first_text(cancel("A-901").body, "resultCode") == "ERROR");  // not permitted for the patient
  CHECK(first_text(cancel("A-900").body, "resultCode") == "ERROR");  // already cancelled
  CHECK(w.sim->schedule().active_bookings_on_slot("S-901") == 1);
}

TEST_CASE("cosmic sim: 5xx, timeout and malformed JSON become Server faults; a revoked token is renewed", "[cosmic][sim]") {
  cosmic_world w;
  const auto list = sched2_request("GetAppointments", concat({actor(), person()}));
  valid(w.sched2(list), family::sched2);
  CHECK(w.sim->tokens_issued() == 1);

  w.sim->revoke_tokens();
  valid(w.sched2(list), family::sched2);
  CHECK(w.sim->tokens_issued() == 2);

  w.sim->inject({503, R"({"error":"maintenance"})", 0ms, false});
  CHECK(is_server_fault(w.sched2(list)));

  w.sim->inject({0, "", 0ms, true});
  CHECK(is_server_fault(w.sched2(list)));

  w.sim->inject({0, "", 1500ms, false});
  const auto started = std::chrono::steady_clock::now();
  auto late = w.sched2(list, 400ms);
  CHECK(is_server_fault(late));
  CHECK(std::chrono::steady_clock::now() - started < 1200ms);

  w.sim->clear_fault();
  valid(w.sched2(list), family::sched2);
}

TEST_CASE("cosmic sim: 20 parallel MakeAppointment on one free slot, exactly one OK", "[cosmic][sim][race]") {
  cosmic_world w;
  valid(w.sched2(slots_request()), family::sched2);
  std::vector<std::string> requests;
  for (int i = 0; i < 20; ++i) requests.push_back(make_envelope(slot_uuid("S-103"), person_number(i)));
  std::vector<producer_reply> replies(requests.size());
  std::atomic<int> ready{0};
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < requests.size(); ++i) {
      threads.emplace_back([&, i] {
        ++ready;
        while (ready.load() < static_cast<int>(requests.size())) std::this_thread::yield();
        replies[i] = w.sched2(requests[i], 15s, "SE2321000016-CONS" + std::to_string(i));
      });
    }
  }
  int booked = 0, reserved = 0;
  for (const auto& r : replies) {
    INFO(r.body);
    REQUIRE(r.http_status == 200);
    const std::string code = first_text(r.body, "resultCode");
    booked += code == "OK";
    reserved += code == "REQUESTED_TIME_IS_ALREADY_RESERVED";
  }
  CHECK(booked == 1);
  CHECK(reserved == 19);
  CHECK(w.sim->schedule().active_bookings_on_slot("S-103") == 1);
}
