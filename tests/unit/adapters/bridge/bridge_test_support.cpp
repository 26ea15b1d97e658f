// SPDX-License-Identifier: GPL-2.0-or-later
#include "bridge_test_support.hpp"

#include "adapters/core/crm11_frontend.hpp"
#include "adapters/core/sched2_frontend.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

#include <catch2/catch.hpp>

#include <pugixml.hpp>

namespace tidnav::adapters::bridge::test {

using adapters::test::all_texts;
using adapters::test::concat;
using adapters::test::first_text;
using adapters::test::sched2_request;

instant seed_now() { return *ts_to_instant("20310301120000"); }

bridge_world::bridge_world(legacy_profile p, sim::sim_version version, const std::string& seed, std::string prefix)
    : unit1("SE2321000016-" + prefix + "1"), unit2("SE2321000016-" + prefix + "2"), profile(std::move(p)),
      clock_now(seed_now()) {
  sim::legacy_sim_options so;
  so.version = version;
  so.seed_file = adapters::test::source_path(seed);
  so.tls = tidnav::test::server_ctx();
  simulator = sim::start_legacy_simulator(so);
  profile.endpoint = simulator->url();
  net::client_options co;
  co.tls = tidnav::test::client_ctx();
  co.io_threads = 2;
  co.log = [](std::string_view) {};
  transport = std::make_unique<fhir::net_transport>(co);
  ids_path = adapters::test::scratch_file(profile.system + "-ids");
  writes_path = adapters::test::scratch_file(profile.system + "-writes");
  std::vector<std::string> errors;
  units = unit_table::build({{unit1, unit1, "Enhet 1"}, {unit2, unit2, "Enhet 2"}}, errors);
  REQUIRE(errors.empty());
  restart();
}

bridge_world::~bridge_world() {
  system.reset();
  simulator.reset();
}

void bridge_world::restart() {
  system.reset();
  std::string error;
  ids = id_store::open(ids_path, profile.system, error);
  REQUIRE(ids);
  writes.reset();
  idempotency_options io;
  io.clock = [this] { return clock_now; };
  writes = idempotency_store::open(writes_path, io, error);
  REQUIRE(writes);
  violations = std::make_unique<violation_counter>(profile.system,
                                                   [this](std::string_view line) { log_lines.emplace_back(line); });
  system = std::make_unique<bridge_booking_system>(profile, *transport, *ids, *violations, [this] { return clock_now; });
  directory = std::make_unique<id_directory>();
}

call_info bridge_world::call(std::chrono::milliseconds budget) {
  call_info c;
  c.consumer = adapters::test::consumer_1177;
  c.until = std::chrono::steady_clock::now() + budget;
  c.now = clock_now;
  c.writes = writes.get();
  c.ids = directory.get();
  return c;
}

producer_reply bridge_world::sched2(const std::string& envelope, std::chrono::milliseconds budget) {
  return handle_sched2(*system, units, envelope, call(budget));
}

producer_reply bridge_world::crm11(const std::string& envelope, std::chrono::milliseconds budget) {
  return handle_crm11(*system, units, envelope, call(budget));
}

std::string slots_request(const std::string& unit, const std::string& from, const std::string& to,
                          const std::string& pnr) {
  return sched2_request("GetAvailableTimeslots",
                        concat({adapters::test::actor(pnr), adapters::test::person(pnr),
                                {{"startDateInclusive", from}, {"endDateInclusive", to}}}),
                        unit);
}

std::string make_request(const std::string& unit, const std::string& slot, const std::string& pnr) {
  return sched2_request("MakeAppointment",
                        concat({adapters::test::actor(pnr), adapters::test::person(pnr),
                                {{"timeslotId", slot}, {"reasonText", "Ont i halsen"}}}),
                        unit);
}

producer_reply valid(producer_reply r, contracts::family fam) {
  INFO(r.body);
  REQUIRE(r.http_status == 200);
  CHECK(adapters::test::schema_issues(r.body, fam).empty());
  return r;
}

bool is_server_fault(const producer_reply& r) {
  return r.http_status == 500 && r.body.find("Server") != std::string::npos;
}

std::string slot_at(const std::string& answer, const std::string& ts) {
  pugi::xml_document doc;
  doc.load_string(answer.c_str());
  for (auto n : doc.select_nodes("//*[local-name()='timeslot']")) {
    std::string start, id;
    for (auto c : n.node().children()) {
      std::string name = c.name();
      name = name.substr(name.find(':') + 1);
      if (name == "startTime") start = c.text().get();
      if (name == "timeslotId") id = c.text().get();
    }
    if (start == ts) return id;
  }
  return {};
}

}  // namespace tidnav::adapters::bridge::test
