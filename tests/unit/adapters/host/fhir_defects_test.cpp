// SPDX-License-Identifier: GPL-2.0-or-later
// The FHIR simulators' --defect switches (adapters/fhir/sim/sim_defects.hpp)
// seen through a whole adapter (adapter_host over mutual TLS, as `tidnav
// adapter` runs it) in front of `tidnav sim millennium|cosmic`: each defect
// must reach the consumer as the right contract outcome, never a hang or a
// wrong success.
#include "adapters/cosmic/sim/cosmic_simulator.hpp"
#include "adapters/fhir/sim/sim_defects.hpp"
#include "adapters/host/net/adapter_host.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "adapters/millennium/sim/millennium_simulator.hpp"
#include "host_test_support.hpp"
#include "hub/net/http_client.hpp"
#include "tests/support/test_pki.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav;
using namespace tidnav::adapters;
using namespace tidnav::adapters::host;
using namespace tidnav::adapters::host::test;
using adapters::fhir::sim::sim_defects;
using adapters::test::asa;
using adapters::test::first_text;
using adapters::test::tolvan;

// Named (not anonymous): test suites may be compiled as one unity file.
namespace defects_test {

const std::string other_person = "198112189876";

// One simulator (millennium or cosmic) with defects, and an adapter of that system in front of it.
struct defect_world {
  defect_world(const std::string& system, const sim_defects& defects, int backend_ms = 2500) : system(system) {
    const auto& pki = tidnav::test::shared_test_pki();
    net::server_tls_options t;
    t.cert_chain_file = pki.server.cert_file;
    t.key_file = pki.server.key_file;
    t.ca_file = pki.ca.cert_file;
    t.require_client_cert = false;
    const std::string fixtures = std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/";
    std::string backend, units, extra;
    if (system == "millennium") {
      millennium::sim::simulator_options o;
      o.seed_file = fixtures + "millennium/seed.json";
      o.tls = net::make_server_tls_context(t);
      o.defects = defects;
      mil = millennium::sim::start_millennium_simulator(o);
      backend = "backend: { base_url: '" + mil->base_url() + "', token_url: '" + mil->token_url() +
                "', client_id: tidnav-test, client_secret: sim-secret, ca: '" + pki.ca.cert_file.string() + "' }\n";
      units = "units:\n  - { hsa_id: " + asa + ", native_id: LOC-ASA, name: Åsa }\n";
      const std::string code_set = "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/14249";
      extra = "time_types:\n"
              "  - { unit: " + asa + ", code: '2572307', system: '" + code_set + "', name: Läkarbesök }\n"
              "  - { unit: " + asa + ", code: '2572311', system: '" + code_set + "', name: Sjuksköterskebesök }\n"
              "practitioners:\n"
              "  - { hsa_id: SE2321000016-DOC1, native_id: PR-1, first_name: Doris, last_name: Doktorsson }\n";
      doctor_type = "2572307";
    } else {
      cosmic::sim::simulator_options o;
      o.seed_file = fixtures + "cosmic/seed.json";
      o.tls = net::make_server_tls_context(t);
      o.defects = defects;
      cos = cosmic::sim::start_cosmic_simulator(o);
      backend = "backend: { base_url: '" + cos->base_url() + "', token_url: '" + cos->token_url() +
                "', client_id: tidnav-test, client_secret: sim-secret, subscription_key: sim-subscription-key, "
                "ca: '" + pki.ca.cert_file.string() + "' }\n";
      units = "units:\n  - { hsa_id: " + asa + ", native_id: " + asa + ", name: Åsa }\n";
      doctor_type = "HS-LAK30";
    }
    const auto dir = scratch_dir("defect-" + system);
    const std::string yaml = "system: " + system + "\n"
                             "tls: { cert: '" + pki.server.cert_file.string() + "', key: '" +
                             pki.server.key_file.string() + "', ca: '" + pki.ca.cert_file.string() + "' }\n"
                             "state_dir: state\nworkers: 2\n"
                             "timeouts: { backend_ms: " + std::to_string(backend_ms) + " }\n" +
                             units + extra + backend;
    write_file(dir / "adapter.yaml", yaml);
    auto cfg = load_adapter_config(dir / "adapter.yaml", builtin_systems());
    if (!cfg) {
      for (const auto& e : cfg.error()) UNSCOPED_INFO(e.to_string());
    }
    REQUIRE(cfg);
    host = std::make_unique<adapter_host>(cfg.value(), [](const std::string&) {});
    host->start();
    net::client_options co;
    co.tls = consumer_tls();
    co.io_threads = 1;
    co.request_timeout = std::chrono::seconds(20);
    co.log = [](std::string_view) {};
    client = std::make_unique<net::http_client>(co);
  }
  ~defect_world() {
    if (host) host->stop();
  }

  net::client_result call(const std::string& envelope) {
    return client->request(net::make_post("https://127.0.0.1:" + std::to_string(host->port()) + "/", envelope,
                                          {{"Content-Type", "text/xml; charset=UTF-8"}}));
  }
  std::size_t bookings_on(const std::string& slot) {
    return mil ? mil->store().active_bookings_on_slot(slot) : cos->schedule().active_bookings_on_slot(slot);
  }
  std::size_t tokens() { return mil ? mil->tokens_issued() : cos->tokens_issued(); }

  std::string system;
  std::string doctor_type;
  std::unique_ptr<millennium::sim::millennium_simulator> mil;
  std::unique_ptr<cosmic::sim::cosmic_simulator> cos;
  std::unique_ptr<adapter_host> host;
  std::unique_ptr<net::http_client> client;
};

sim_defects only(const std::string& spec) {
  sim_defects d;
  const auto problem = adapters::fhir::sim::add_defect(spec, d);
  INFO(problem.value_or(""));
  REQUIRE_FALSE(problem);
  return d;
}

std::string timeslots_11(const std::string& from, const std::string& to) {
  return adapters::test::crm11_request("GetAvailableTimeslots", {{"healthcare_facility", asa},
                                                                 {"startDateInclusive", from},
                                                                 {"endDateInclusive", to},
                                                                 {"subject_of_care", tolvan}});
}

std::string timeslots_20(const std::string& from, const std::string& to) {
  return adapters::test::sched2_request(
      "GetAvailableTimeslots", adapters::test::concat({adapters::test::actor(), adapters::test::person(),
                                                       {{"startDateInclusive", from}, {"endDateInclusive", to}}}));
}

std::string make_11(const std::string& start, const std::string& end, const std::string& type,
                    const std::string& who = tolvan) {
  return adapters::test::crm11_request("MakeBooking", {{"healthcare_facility_med", asa},
                                                       {"requestedTimeslot.startTimeInclusive", start},
                                                       {"requestedTimeslot.endTimeExclusive", end},
                                                       {"requestedTimeslot.healthcare_facility", asa},
                                                       {"requestedTimeslot.subject_of_care", who},
                                                       {"requestedTimeslot.timeTypeID", type}});
}

bool server_fault(const net::client_result& r) {
  return r.ok() && r.status == 500 && r.body.find("Server") != std::string::npos &&
         r.body.find("faultstring") != std::string::npos;
}

}  // namespace defects_test

using namespace defects_test;

TEST_CASE("fhir-defects: switches parse, with values, and unknown ones are refused", "[adapters][host][defects]") {
  sim_defects d;
  CHECK_FALSE(adapters::fhir::sim::add_defect("slow", d));
  CHECK(d.slow == adapters::fhir::sim::default_slow);
  CHECK_FALSE(adapters::fhir::sim::add_defect("slow=250", d));
  CHECK(d.slow == std::chrono::milliseconds(250));
  CHECK_FALSE(adapters::fhir::sim::add_defect("token-expiry=2", d));
  CHECK_FALSE(adapters::fhir::sim::add_defect("write-5xx", d));
  CHECK_FALSE(adapters::fhir::sim::add_defect("malformed-json", d));
  CHECK_FALSE(adapters::fhir::sim::add_defect("taken-slot-free", d));
  CHECK(adapters::fhir::sim::describe(d) ==
        std::vector<std::string>{"slow=250", "write-5xx", "token-expiry=2", "malformed-json", "taken-slot-free"});
  CHECK(adapters::fhir::sim::add_defect("slow=fast", d).value_or("").find("milliseconds") != std::string::npos);
  CHECK(adapters::fhir::sim::add_defect("write-5xx=1", d).value_or("").find("no value") != std::string::npos);
  CHECK(adapters::fhir::sim::add_defect("lost-writes", d).value_or("").find("unknown --defect") != std::string::npos);
  CHECK(adapters::fhir::sim::add_defect("token-expiry=0", d));
}

TEST_CASE("fhir-defects: slow answers past the backend deadline are a Server fault", "[adapters][host][defects]") {
  const std::string system = GENERATE(std::string("millennium"), std::string("cosmic"));
  defect_world w(system, only("slow=1500"), 400);
  auto r = w.call(timeslots_20("20310310", "20310312"));
  INFO(system << ": " << r.body);
  CHECK(server_fault(r));
  auto r11 = w.call(timeslots_11("20310310", "20310312"));
  INFO(r11.body);
  CHECK(server_fault(r11));
}

TEST_CASE("fhir-defects: 5xx on writes: reads answer, a booking is a Server fault and nothing is booked",
          "[adapters][host][defects]") {
  const std::string system = GENERATE(std::string("millennium"), std::string("cosmic"));
  defect_world w(system, only("write-5xx"));
  auto slots = w.call(timeslots_11("20310311", "20310311"));
  INFO(system << ": " << slots.body);
  REQUIRE(slots.ok());
  CHECK(slots.status == 200);
  auto made = w.call(make_11("20310311090000", "20310311093000", w.doctor_type));  // S-104
  INFO(made.body);
  CHECK(server_fault(made));
  CHECK(w.bookings_on("S-104") == 0);
}

TEST_CASE("fhir-defects: a token expiring mid-session is renewed; the calls succeed", "[adapters][host][defects]") {
  const std::string system = GENERATE(std::string("millennium"), std::string("cosmic"));
  defect_world w(system, only("token-expiry=4"));
  for (int i = 0; i < 6; ++i) {
    auto r = w.call(timeslots_11("20310311", "20310311"));
    INFO(system << " call " << i << ": " << r.body);
    REQUIRE(r.ok());
    CHECK(r.status == 200);
  }
  auto made = w.call(make_11("20310311090000", "20310311093000", w.doctor_type));
  INFO(made.body);
  REQUIRE(made.ok());
  CHECK(first_text(made.body, "resultCode") == "OK");
  CHECK(w.bookings_on("S-104") == 1);
  CHECK(w.tokens() >= 2);  // renewed after a 401
}

TEST_CASE("fhir-defects: malformed JSON from a read is a Server fault", "[adapters][host][defects]") {
  const std::string system = GENERATE(std::string("millennium"), std::string("cosmic"));
  defect_world w(system, only("malformed-json"));
  auto r = w.call(timeslots_20("20310310", "20310312"));
  INFO(system << ": " << r.body);
  CHECK(server_fault(r));
  auto schedule = w.call(adapters::test::crm11_request("GetSubjectOfCareSchedule",
                                                       {{"healthcare_facility", asa}, {"subject_of_care", tolvan}}));
  INFO(schedule.body);
  CHECK(server_fault(schedule));
}

TEST_CASE("fhir-defects: a taken slot listed as free is refused when booked (business error, no double booking)",
          "[adapters][host][defects]") {
  const std::string system = GENERATE(std::string("millennium"), std::string("cosmic"));
  defect_world w(system, only("taken-slot-free"));
  // S-900 (20 March 2031, 10:00 Swedish time) is Tolvan's booking; the defect lists it anyway.
  auto slots = w.call(timeslots_11("20310320", "20310320"));
  INFO(system << ": " << slots.body);
  REQUIRE(slots.ok());
  REQUIRE(slots.status == 200);
  CHECK(slots.body.find("20310320100000") != std::string::npos);
  auto made = w.call(make_11("20310320100000", "20310320103000", w.doctor_type, other_person));
  INFO(made.body);
  REQUIRE(made.ok());
  CHECK(made.status == 200);
  CHECK(first_text(made.body, "resultCode") == "ERROR");
  CHECK_FALSE(first_text(made.body, "resultText").empty());
  CHECK(w.bookings_on("S-900") == 1);
}
