// SPDX-License-Identifier: GPL-2.0-or-later
// adapter.yaml: every problem reported at once, with its path and line;
// defaults; the system registry and the built-in factories.
#include "adapters/host/adapter_config.hpp"
#include "adapters/host/memory_system.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "host_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace tidnav::adapters;
using namespace tidnav::adapters::host;
using namespace tidnav::adapters::host::test;

namespace {

std::string all_errors(const config_result& r) {
  std::string out;
  if (r) return out;
  for (const auto& e : r.error()) out += e.to_string() + "\n";
  return out;
}

bool mentions(const config_result& r, const std::string& path, const std::string& text = "") {
  if (r) return false;
  for (const auto& e : r.error()) {
    if (e.path == path && e.message.find(text) != std::string::npos) return true;
  }
  return false;
}

config_result parse(const std::string& yaml, const system_registry& systems = builtin_systems()) {
  return parse_adapter_config(yaml, "adapter.yaml", scratch_dir("config"), systems);
}

}  // namespace

TEST_CASE("adapter-host: a good memory config is read with its defaults", "[adapters][host][config]") {
  const auto dir = scratch_dir("good");
  auto r = load_adapter_config(write_memory_config(dir, "https://127.0.0.1:9/"), builtin_systems());
  INFO(all_errors(r));
  REQUIRE(r);
  const adapter_config& c = *r.value();
  CHECK(c.system == "memory");
  CHECK(c.name == "test adapter");
  CHECK(c.listen.address == "127.0.0.1");
  CHECK(c.listen.port_file == dir / "adapter.port");
  CHECK(c.state_dir == dir / "state");
  CHECK(c.serve_sched2);
  CHECK(c.serve_crm11);
  CHECK(c.workers == 2);
  CHECK(c.backend_timeout == std::chrono::milliseconds(2500));
  CHECK(c.units.entries().size() == 2);
  REQUIRE(c.units.by_hsa_id("se2321000016-abc1"));
  CHECK(c.units.by_hsa_id("se2321000016-abc1")->native_id == "VC-ASA");
  REQUIRE(c.engagement_index);
  CHECK(c.engagement_index->logical_address == platform_hsa_id);
  CHECK(c.engagement_index->client.ca == c.tls.ca);  // defaults to the server's CA
  CHECK(c.engagement_index->post_sched2);
  CHECK(c.engagement_index->post_crm11);
  CHECK(c.engagement_index->retry_initial == std::chrono::milliseconds(20));
  REQUIRE(c.build_system);
  auto system = c.build_system();
  REQUIRE(system);
}

TEST_CASE("adapter-host: every config error is reported at once, with path and line", "[adapters][host][config]") {
  const std::string yaml = R"(system: memory
colour: blue
listen: { port: 70000 }
tls: { cert: /nonexistent/server.crt }
families: [scheduling-2.0, scheduling-3.0]
workers: 0
timeouts: { backend_ms: 5000 }
units:
  - { hsa_id: SE2321000016-A001, native_id: VC-ASA }
  - { hsa_id: se2321000016-a001, native_id: VC-BERGA }
  - { native_id: VC-X }
time_types:
  - { unit: SE2321000016-NOPE, code: X }
backend: { seed: /nonexistent/seed.json }
engagement_index:
  url: http://hub.example/
  logical_address: "5565594230"
  domains: [riv:crm:scheduling, riv:other]
)";
  auto r = parse(yaml);
  REQUIRE_FALSE(r);
  INFO(all_errors(r));
  CHECK(mentions(r, "colour", "unknown key"));
  CHECK(mentions(r, "listen.port", "between"));
  CHECK(mentions(r, "tls.cert", "no such file"));
  CHECK(mentions(r, "tls.key", "required"));
  CHECK(mentions(r, "tls.ca", "required"));
  CHECK(mentions(r, "families[1]", "unknown family"));
  CHECK(mentions(r, "state_dir", "required"));
  CHECK(mentions(r, "workers", "between"));
  CHECK(mentions(r, "timeouts.backend_ms", "between 1 and 2999"));
  CHECK(mentions(r, "units[1]", "twice"));
  CHECK(mentions(r, "units[2].hsa_id", "required"));
  CHECK(mentions(r, "time_types[0].unit", "not in units"));
  CHECK(mentions(r, "backend.seed", "no such file"));
  CHECK(mentions(r, "engagement_index.url", "https://"));
  CHECK(mentions(r, "engagement_index.source_system", "required"));
  CHECK(mentions(r, "engagement_index.data_controller", "required"));
  CHECK(mentions(r, "engagement_index.client", "required"));
  CHECK(mentions(r, "engagement_index.domains[1]", "unknown service domain"));
  CHECK(r.error().size() >= 18);
  // Lines point at the offending key.
  for (const auto& e : r.error()) {
    if (e.path == "colour") CHECK(e.line == 2);
    if (e.path == "units[1]") CHECK(e.line == 10);
  }
}

TEST_CASE("adapter-host: unreadable YAML and an unknown system are clear errors", "[adapters][host][config]") {
  auto bad = parse("system: [unclosed\n");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().front().message.find("not valid YAML") != std::string::npos);

  auto unknown = parse("system: takecare\n");
  REQUIRE_FALSE(unknown);
  INFO(all_errors(unknown));
  CHECK(mentions(unknown, "system", "known: cosmic, memory, millennium"));

  auto missing = load_adapter_config("/nonexistent/adapter.yaml", builtin_systems());
  REQUIRE_FALSE(missing);
}

TEST_CASE("adapter-host: a registered factory checks its backend into the shared error list", "[adapters][host][config]") {
  system_registry systems;
  register_memory_system(systems);
  int built = 0;
  systems.add("fake", [&](const YAML::Node& backend, const system_context& ctx, config_reader& read) -> system_builder {
    if (!read.map(backend, "backend", {"token"})) return {};
    std::string token;
    if (!read.require(backend, "backend", "token", token)) return {};
    CHECK(ctx.units.entries().size() == 1);
    return [&built]() -> std::unique_ptr<booking_system> {
      ++built;
      return nullptr;
    };
  });
  CHECK(systems.names() == std::vector<std::string>{"fake", "memory"});
  REQUIRE(systems.find("fake"));
  CHECK_FALSE(systems.find("pasis"));

  const auto dir = scratch_dir("fake");
  const std::string base =
      "system: fake\ntls: { cert: adapter.yaml, key: adapter.yaml, ca: adapter.yaml }\nstate_dir: s\n"
      "units: [ { hsa_id: SE2321000016-A001, native_id: U1 } ]\n";
  write_file(dir / "adapter.yaml", "");
  auto bad = parse_adapter_config(base + "backend: { tokn: x }\nworkers: many\n", "a.yaml", dir, systems);
  REQUIRE_FALSE(bad);
  INFO(all_errors(bad));
  CHECK(mentions(bad, "backend.tokn", "unknown key"));
  CHECK(mentions(bad, "backend.token", "required"));
  CHECK(mentions(bad, "workers", "whole number"));  // reported alongside the backend's problems

  auto good = parse_adapter_config(base + "backend: { token: x }\n", "a.yaml", dir, systems);
  INFO(all_errors(good));
  REQUIRE(good);
  CHECK(built == 0);  // checking builds nothing
  good.value()->build_system();
  CHECK(built == 1);
}

TEST_CASE("adapter-host: the built-in factories check their backends", "[adapters][host][config]") {
  const auto dir = scratch_dir("factories");
  write_file(dir / "f.pem", "");
  const std::string base =
      "tls: { cert: f.pem, key: f.pem, ca: f.pem }\nstate_dir: s\n"
      "units: [ { hsa_id: SE2321000016-A001, native_id: '4048128' } ]\n";

  SECTION("memory: a unit the seed does not have") {
    auto r = parse_adapter_config("system: memory\n" + base + "backend: { seed: '" + std::string(TIDNAV_SOURCE_DIR) +
                                      "/tests/fixtures/adapters/memory-booking-system.json' }\n",
                                  "a.yaml", dir, builtin_systems());
    REQUIRE_FALSE(r);
    INFO(all_errors(r));
    CHECK(mentions(r, "backend.seed", "does not have"));
  }
  SECTION("millennium: required keys, secrets, and service types per Location") {
    auto r = parse_adapter_config("system: millennium\n" + base +
                                      "backend: { base_url: 'https://m.example/r4/t', client_secret: s, page_size: 0 }\n",
                                  "a.yaml", dir, builtin_systems());
    REQUIRE_FALSE(r);
    INFO(all_errors(r));
    CHECK(mentions(r, "backend.token_url", "required"));
    CHECK(mentions(r, "backend.client_id", "required"));
    CHECK(mentions(r, "backend.page_size", "between"));
    CHECK(mentions(r, "time_types", "no time_types"));

    auto ok = parse_adapter_config(
        "system: millennium\n" + base +
            "time_types: [ { unit: SE2321000016-A001, code: '123', system: 'https://fhir.cerner.com/x/codeSet/14249' } ]\n"
            "backend: { base_url: 'https://m.example/r4/t/', token_url: 'https://m.example/token', client_id: c, "
            "client_secret: s }\n",
        "a.yaml", dir, builtin_systems());
    INFO(all_errors(ok));
    CHECK(ok);
  }
  SECTION("cosmic: a secret from an unset environment variable") {
    ::unsetenv("TIDNAV_TEST_UNSET_SECRET");
    auto r = parse_adapter_config("system: cosmic\n" + base +
                                      "backend: { base_url: 'https://c.example/fhir', token_url: 'https://c.example/t', "
                                      "client_id: c, client_secret_env: TIDNAV_TEST_UNSET_SECRET }\n",
                                  "a.yaml", dir, builtin_systems());
    REQUIRE_FALSE(r);
    INFO(all_errors(r));
    CHECK(mentions(r, "backend.client_secret_env", "not set"));
    CHECK(mentions(r, "backend.subscription_key", "required"));

    ::setenv("TIDNAV_TEST_SET_SECRET", "hemligt", 1);
    auto ok = parse_adapter_config("system: cosmic\n" + base +
                                       "backend: { base_url: 'https://c.example/fhir', token_url: 'https://c.example/t', "
                                       "client_id: c, client_secret_env: TIDNAV_TEST_SET_SECRET, subscription_key: k }\n",
                                   "a.yaml", dir, builtin_systems());
    INFO(all_errors(ok));
    CHECK(ok);
  }
}
