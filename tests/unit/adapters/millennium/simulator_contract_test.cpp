// SPDX-License-Identifier: GPL-2.0-or-later
// The Millennium adapter against the Millennium simulator over TLS on
// 127.0.0.1, driven through the scheduling 2.0 and crm:scheduling 1.1 front-ends.
#include "adapters/core/crm11_frontend.hpp"
#include "adapters/core/id_directory.hpp"
#include "adapters/core/name_uuid.hpp"
#include "adapters/core/person_number.hpp"
#include "adapters/core/sched2_frontend.hpp"
#include "adapters/millennium/millennium_booking_system.hpp"
#include "adapters/millennium/net/net_transport.hpp"
#include "adapters/millennium/sim/millennium_simulator.hpp"
#include "millennium_test_support.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace std::chrono_literals;
namespace mil = ::tidnav::adapters::millennium;

namespace {

using tidnav::contracts::family;

// The adapter wired to a fresh simulator, as tools/ would wire it.
struct millennium_world {
  explicit millennium_world(std::string secret = "sim-secret") {
    mil::sim::simulator_options so;
    so.seed_file = source_path("tests/fixtures/millennium/seed.json");
    so.tls = tidnav::test::server_ctx();
    sim = mil::sim::start_millennium_simulator(so);
    tidnav::net::client_options co;
    co.tls = tidnav::test::client_ctx();
    co.io_threads = 2;
    co.log = [](std::string_view) {};
    transport = std::make_unique<mil::net_transport>(co);
    auto o = mil::test::tenant_options(sim->base_url(), sim->token_url());
    o.client_secret = std::move(secret);
    system = std::make_unique<mil::millennium_booking_system>(o, *transport);
    std::vector<std::string> errors;
    units = unit_table::build({{asa, "LOC-ASA", "Vårdcentralen Åsa"}}, errors);
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

  std::unique_ptr<mil::sim::millennium_simulator> sim;
  std::unique_ptr<mil::net_transport> transport;
  std::unique_ptr<mil::millennium_booking_system> system;
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

std::string slot_uuid(const std::string& native) { return contract_id(native_id_kind::timeslot, "LOC-ASA", native); }

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

std::string crm11_make(const std::string& start, const std::string& end) {
  return crm11_request("MakeBooking", {{"healthcare_facility_med", asa},
                                       {"requestedTimeslot.startTimeInclusive", start},
                                       {"requestedTimeslot.endTimeExclusive", end},
                                       {"requestedTimeslot.healthcare_facility", asa},
                                       {"requestedTimeslot.subject_of_care", tolvan},
                                       {"requestedTimeslot.reason", "Ont i ryggen"},
                                       {"requestedTimeslot.timeTypeID", "2572307"}});
}

}  // namespace

TEST_CASE("millennium sim: 2.0 GetAppointments and 1.1 GetSubjectOfCareSchedule list active bookings", "[millennium][sim]") {
  millennium_world w;
  auto list = valid(w.sched2(sched2_request("GetAppointments", concat({actor(), person()}))), family::sched2);
  CHECK(all_texts(list.body, "appointmentId") ==
        std::vector<std::string>{contract_id(native_id_kind::appointment, "LOC-ASA", "M-900"),
                                 contract_id(native_id_kind::appointment, "LOC-ASA", "M-901")});  // M-902 is cancelled

  auto schedule = valid(w.crm11(crm11_request("GetSubjectOfCareSchedule",
                                              {{"healthcare_facility", asa}, {"subject_of_care", tolvan}})),
                        family::crm11);
  CHECK(all_texts(schedule.body, "bookingId") == std::vector<std::string>{"M-900", "M-901"});
  CHECK(all_texts(schedule.body, "startTimeInclusive").front() == "20310320100000");  // 09:00Z is 10:00 in March
  CHECK(all_texts(schedule.body, "cancel_booking_allowed") == std::vector<std::string>{"true", "false"});
  CHECK(all_texts(schedule.body, "timeTypeID").front() == "2572307");

  auto nobody = valid(w.sched2(sched2_request("GetAppointments", concat({actor("198112189876"), person("198112189876")}))),
                      family::sched2);
  CHECK(all_texts(nobody.body, "appointmentId").empty());
}

TEST_CASE("millennium sim: 2.0 GetAvailableTimeslots pages through free slots of the unit", "[millennium][sim]") {
  millennium_world w;
  auto slots = valid(w.sched2(slots_request()), family::sched2);
  CHECK(first_text(slots.body, "resultCode") == "OK");
  const auto ids = all_texts(slots.body, "timeslotId");
  CHECK(ids.size() == 9);  // 3 a day at LOC-ASA; S-200 is at another Location
  CHECK(std::find(ids.begin(), ids.end(), slot_uuid("S-100")) != ids.end());
  CHECK(all_texts(slots.body, "startTime").front() == "20310310083000");
  CHECK(w.sim->store().slot_searches() == 3);  // 9 slots in pages of 4: one search, two next links
}

TEST_CASE("millennium sim: the simulator enforces start twice, service-type, If-Match and versions", "[millennium][sim]") {
  millennium_world w;
  auto& s = w.sim->store();
  const std::string cs = mil::test::code_set;
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

TEST_CASE("millennium sim: 2.0 MakeAppointment then CancelAppointment, twice", "[millennium][sim]") {
  millennium_world w;
  valid(w.sched2(slots_request()), family::sched2);
  auto made = valid(w.sched2(make_envelope(slot_uuid("S-101"))), family::sched2);
  CHECK(first_text(made.body, "resultCode") == "OK");
  const std::string appointment = first_text(made.body, "appointmentId");
  REQUIRE_FALSE(appointment.empty());
  CHECK(w.sim->store().active_bookings_on_slot("S-101") == 1);

  auto again = valid(w.sched2(make_envelope(slot_uuid("S-101"), "198112189876")), family::sched2);
  CHECK(first_text(again.body, "resultCode") == "REQUESTED_TIME_IS_ALREADY_RESERVED");

  const auto cancel = sched2_request("CancelAppointment", concat({actor(), {{"appointmentId", appointment}}, person()}));
  auto cancelled = valid(w.sched2(cancel), family::sched2);
  CHECK(first_text(cancelled.body, "resultCode") == "OK");
  CHECK(w.sim->store().active_bookings_on_slot("S-101") == 0);
  auto twice = valid(w.sched2(cancel), family::sched2);
  CHECK(first_text(twice.body, "resultCode") == "APPOINTMENT_IS_ALREADY_CANCELED");
}

TEST_CASE("millennium sim: 1.1 MakeBooking books by time, CancelBooking honours is-cancelable", "[millennium][sim]") {
  millennium_world w;
  auto made = valid(w.crm11(crm11_make("20310311090000", "20310311093000")), family::crm11);  // S-104
  INFO(made.body);
  CHECK(first_text(made.body, "resultCode") == "OK");
  const std::string id = first_text(made.body, "bookingId");
  CHECK(id.rfind("M-", 0) == 0);
  CHECK(w.sim->store().active_bookings_on_slot("S-104") == 1);

  auto cancel = [&](const std::string& booking) {
    return valid(w.crm11(crm11_request("CancelBooking", {{"healthcare_facility", asa}, {"bookingId", booking},
                                                         {"message", "Förhindrad"}})),
                 family::crm11);
  };
  CHECK(first_text(cancel(id).body, "resultCode") == "OK");
  CHECK(w.sim->store().active_bookings_on_slot("S-104") == 0);
  CHECK(first_text(cancel("M-901").body, "resultCode") == "ERROR");  // is-cancelable false
  CHECK(first_text(cancel(id).body, "resultCode") == "ERROR");       // already cancelled
  CHECK(w.sim->store().active_bookings_on_slot("S-901") == 1);
}

TEST_CASE("millennium sim: 401, 5xx, timeout and malformed JSON become Server faults; a revoked token is renewed", "[millennium][sim]") {
  millennium_world w;
  const auto list = sched2_request("GetAppointments", concat({actor(), person()}));
  valid(w.sched2(list), family::sched2);
  CHECK(w.sim->tokens_issued() == 1);

  w.sim->revoke_tokens();
  valid(w.sched2(list), family::sched2);
  CHECK(w.sim->tokens_issued() == 2);

  w.sim->inject({503, R"({"resourceType":"OperationOutcome","issue":[{"severity":"fatal","code":"transient"}]})", 0ms, false});
  CHECK(is_server_fault(w.sched2(list)));
  CHECK(is_server_fault(w.crm11(crm11_make("20310311090000", "20310311093000"))));

  w.sim->inject({0, "", 0ms, true});
  CHECK(is_server_fault(w.sched2(list)));

  w.sim->inject({0, "", 1500ms, false});
  const auto started = std::chrono::steady_clock::now();
  auto late = w.sched2(list, 400ms);
  CHECK(is_server_fault(late));
  CHECK(std::chrono::steady_clock::now() - started < 1200ms);

  w.sim->clear_fault();
  valid(w.sched2(list), family::sched2);

  millennium_world wrong_secret("not-the-secret");
  auto refused = wrong_secret.sched2(list);
  CHECK(is_server_fault(refused));
  CHECK(wrong_secret.sim->tokens_issued() == 0);
}

TEST_CASE("millennium sim: 20 parallel MakeAppointment on one free slot, exactly one OK", "[millennium][sim][race]") {
  millennium_world w;
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
  CHECK(w.sim->store().active_bookings_on_slot("S-103") == 1);
}
