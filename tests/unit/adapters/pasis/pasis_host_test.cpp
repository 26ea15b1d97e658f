// SPDX-License-Identifier: GPL-2.0-or-later
// `system: pasis` through adapters/host: the backend keys are checked with
// every error reported, and the built system answers through the front-ends.
#include "adapters/core/sched2_frontend.hpp"
#include "adapters/host/adapter_config.hpp"
#include "adapters/host/net/adapter_host.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "hub/net/http_client.hpp"
#include "tests/support/test_pki.hpp"
#include "tests/unit/adapters/bridge/bridge_test_support.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace tidnav::adapters;
namespace host = tidnav::adapters::host;

namespace {

std::string joined(const std::vector<host::config_error>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

std::string common(const tidnav::test::test_pki& pki, const std::string& state) {
  return "tls: { cert: " + pki.server.cert_file.string() + ", key: " + pki.server.key_file.string() +
         ", ca: " + pki.ca.cert_file.string() + " }\nstate_dir: " + state +
         "\nunits: [ { hsa_id: SE2321000016-PAS1, native_id: SE2321000016-PAS1, name: Lund } ]\n";
}

}  // namespace

TEST_CASE("pasis host: every backend problem is reported at once", "[pasis][host]") {
  const auto& pki = tidnav::test::shared_test_pki();
  const auto dir = std::filesystem::path(test::scratch_file("pasis-host")).parent_path();
  const std::string yaml = "system: pasis\n" + common(pki, (dir / "state").string()) +
                           "backend: { endpoint: '', colour: blue, unmatched_error: nonsense, timeslot_ttl_hours: 0,\n"
                           "           error_texts: [ { contains: x, outcome: maybe } ] }\n";
  auto cfg = host::parse_adapter_config(yaml, "pasis.yaml", dir, host::builtin_systems());
  REQUIRE_FALSE(cfg);
  const std::string all = joined(cfg.error());
  INFO(all);
  for (const char* expected : {"colour", "endpoint", "client", "id_store", "nonsense", "timeslot_ttl_hours", "maybe"}) {
    CHECK(all.find(expected) != std::string::npos);
  }
}

TEST_CASE("pasis host: a configured pasis system answers 2.0 through the front-end", "[pasis][host]") {
  const auto& pki = tidnav::test::shared_test_pki();
  bridge::sim::legacy_sim_options so;
  so.version = bridge::sim::sim_version::crm10;
  so.seed_file = test::source_path("tests/fixtures/pasis/seed.json");
  so.tls = tidnav::test::server_ctx();
  auto sim = bridge::sim::start_legacy_simulator(so);
  const auto dir = std::filesystem::path(test::scratch_file("pasis-host")).parent_path();
  const std::string ids = test::scratch_file("pasis-host-ids");
  const std::string yaml = "system: pasis\n" + common(pki, (dir / "state").string()) +
                           "backend:\n  endpoint: " + sim->url() + "\n  client: { cert: " + pki.client.cert_file.string() +
                           ", key: " + pki.client.key_file.string() + ", ca: " + pki.ca.cert_file.string() +
                           " }\n  id_store: " + ids + "\n  error_texts: [ { contains: spärrad, outcome: not_allowed } ]\n";
  auto cfg = host::parse_adapter_config(yaml, "pasis.yaml", dir, host::builtin_systems());
  INFO((cfg ? std::string() : joined(cfg.error())));
  REQUIRE(cfg);
  const auto& c = *cfg.value();
  auto system = c.build_system();
  REQUIRE(system);
  call_info call;
  call.consumer = test::consumer_1177;
  call.now = bridge::test::seed_now();
  auto reply = handle_sched2(*system, c.units,
                             test::sched2_request("GetAppointments", test::concat({test::actor(), test::person()}),
                                                  "SE2321000016-PAS1"),
                             call);
  INFO(reply.body);
  REQUIRE(reply.http_status == 200);
  CHECK(test::all_texts(reply.body, "appointmentId").size() == 2);
  CHECK(sim->calls("GetSubjectOfCareSchedule") == 1);
}

TEST_CASE("pasis host: a served adapter's /metrics counts the producer's violations and the call",
          "[pasis][host][metrics]") {
  const auto& pki = tidnav::test::shared_test_pki();
  bridge::sim::legacy_sim_options so;
  so.version = bridge::sim::sim_version::crm10;
  so.seed_file = test::source_path("tests/fixtures/pasis/seed.json");
  so.tls = tidnav::test::server_ctx();
  so.defects = {bridge::sim::defect::timestamps_12_digits};
  auto sim = bridge::sim::start_legacy_simulator(so);
  const auto dir = std::filesystem::path(test::scratch_file("pasis-metrics")).parent_path();
  const std::string ids = test::scratch_file("pasis-metrics-ids");
  const std::string yaml = "system: pasis\n" + common(pki, (dir / "state-metrics").string()) +
                           "backend:\n  endpoint: " + sim->url() + "\n  client: { cert: " + pki.client.cert_file.string() +
                           ", key: " + pki.client.key_file.string() + ", ca: " + pki.ca.cert_file.string() +
                           " }\n  id_store: " + ids + "\n";
  auto cfg = host::parse_adapter_config(yaml, "pasis.yaml", dir, host::builtin_systems());
  INFO((cfg ? std::string() : joined(cfg.error())));
  REQUIRE(cfg);
  host::adapter_host adapter(cfg.value(), [](const std::string&) {});
  adapter.start();

  tidnav::net::client_options o;
  tidnav::net::client_tls_options t;
  t.ca_file = pki.ca.cert_file;
  t.cert_file = pki.client.cert_file;
  t.key_file = pki.client.key_file;
  o.tls = tidnav::net::make_client_tls_context(t);
  o.io_threads = 1;
  o.request_timeout = std::chrono::seconds(10);
  tidnav::net::http_client client(o);
  const std::string base = "https://127.0.0.1:" + std::to_string(adapter.port());
  auto listed = client.request(tidnav::net::make_post(
      base + "/", test::sched2_request("GetAppointments", test::concat({test::actor(), test::person()}),
                                       "SE2321000016-PAS1")));
  REQUIRE(listed.ok());
  INFO(listed.body);
  REQUIRE(listed.status == 200);
  CHECK(test::all_texts(listed.body, "appointmentId").size() == 2);

  tidnav::net::client_request get;
  get.url = base + "/metrics";
  get.method = "GET";
  auto m = client.request(get);
  REQUIRE(m.ok());
  INFO(m.body);
  CHECK(m.status == 200);
  CHECK(m.body.find("tidnav_adapter_calls_total{family=\"scheduling-2.0\",operation=\"GetAppointments\","
                    "outcome=\"ok\"} 1\n") != std::string::npos);
  const std::string series = "tidnav_adapter_producer_violations_total{producer=\"pasis\",kind=\"timestamp_12_digits\"} ";
  const auto at = m.body.find(series);
  REQUIRE(at != std::string::npos);
  CHECK(std::stod(m.body.substr(at + series.size(), m.body.find('\n', at) - at - series.size())) > 0);
  adapter.stop();
}
