// SPDX-License-Identifier: GPL-2.0-or-later
// What the sandbox writes for its processes is read back by the real readers:
// hub.yaml by the hub's configuration loader, seeds by the in-memory booking
// system's loader, engagement posts and requests by the schemas.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include <sys/stat.h>

#include "adapters/core/memory_fixture.hpp"
#include "adapters/core/name_uuid.hpp"
#include "contracts/schema_validator.hpp"
#include "hub/core/hub_config.hpp"
#include "tools/sandbox/configs.hpp"
#include "tools/sandbox/ei_seed.hpp"
#include "tools/sandbox/manifest.hpp"
#include "tools/sandbox/operator_token.hpp"
#include "tools/sandbox/seeds.hpp"
#include "tools/sandbox/soap_call.hpp"

using namespace tidnav;
using namespace tidnav::sandbox;
using namespace std::chrono;

namespace {

const region& world() {
  static const region r = make_region({year{2026} / December / 6, 56});
  return r;
}

port_plan fixed_ports() { return plan_ports(20000); }

std::string issues_text(const std::vector<contracts::validation_issue>& issues) {
  std::string s;
  for (const auto& i : issues) s += std::to_string(i.line) + ": " + i.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("sandbox ports: fixed from a base, or free and distinct", "[sandbox][configs]") {
  const auto p = fixed_ports();
  CHECK(p.hub_https == 20000);
  CHECK(p.hub_admin == 20001);
  CHECK(p.adapter.at(system_kind::millennium) == 20002);
  CHECK(p.simulator.at(system_kind::pmo) == 20009);
  CHECK(hub_url(p) == "https://127.0.0.1:20000/vp");

  const auto f = plan_ports(0);
  std::set<unsigned> all{f.hub_https, f.hub_admin};
  for (auto s : all_systems) {
    all.insert(f.adapter.at(s));
    all.insert(f.simulator.at(s));
  }
  CHECK(all.size() == 10);
  CHECK(all.count(0) == 0);
  CHECK_THROWS(plan_ports(65530));
}

TEST_CASE("sandbox hub.yaml: the hub's loader accepts it, with every unit routed and authorised", "[sandbox][configs]") {
  const layout l("/tmp/tidnav-sandbox-config-test");
  const auto yaml = hub_yaml(l, world(), fixed_ports(), "");
  auto cfg = core::parse_hub_config(yaml, "hub.yaml");
  if (!cfg) {
    for (const auto& e : cfg.error()) FAIL_CHECK(e.to_string());
  }
  REQUIRE(cfg);
  const auto& c = cfg.value();
  CHECK(c.platform_hsa_id == platform_hsa_id);
  CHECK(c.engagement_index.enabled);
  CHECK(c.https.port == 20000);
  const std::size_t per_unit = unit_contracts().size();
  CHECK(per_unit == 23);  // 12 scheduling 2.0 + 11 crm:scheduling 1.1
  CHECK(c.routes.size() == aggregated_contracts().size() + 2 + world().units.size() * per_unit);
  std::size_t aggregate = 0, ei = 0, unauthorized = 0, adapters = 0;
  for (const auto& r : c.routes) {
    aggregate += r.url == "local:aggregate";
    ei += r.url == "local:ei";
  }
  for (const auto& p : c.permissions) {
    unauthorized += p.consumer == unauthorized_hsa_id;
    for (auto s : all_systems) adapters += p.consumer == adapter_hsa_id(s);
  }
  CHECK(aggregate == 4);
  CHECK(ei == 2);
  CHECK(unauthorized == 0);
  CHECK(adapters == 4);
}

TEST_CASE("sandbox seeds: the in-memory seed loads for every system", "[sandbox][seeds]") {
  for (auto s : all_systems) {
    std::string error;
    auto seed = adapters::parse_memory_seed(memory_seed_json(world(), s), error);
    INFO(to_string(s) << ": " << error);
    REQUIRE(seed);
    CHECK(seed->units.size() == world().units_on(s).size());
    std::size_t slots = 0, bookings = 0;
    for (const auto& sl : world().slots) slots += world().unit(sl.unit)->system == s;
    for (const auto& b : world().bookings) bookings += world().unit(world().slot(b.slot)->unit)->system == s;
    CHECK(seed->slots.size() == slots);
    CHECK(seed->bookings.size() == bookings);
    CHECK(bookings > 0);
  }
}

TEST_CASE("sandbox seeds: the FHIR simulators' seeds", "[sandbox][seeds]") {
  const auto m = nlohmann::json::parse(millennium_seed_json(world()));
  CHECK(m["client_id"] == sim_client_id);
  CHECK(m["patients"].size() == world().persons.size());
  REQUIRE(!m["appointments"].empty());
  for (const auto& a : m["appointments"]) CHECK(!a["patient"].get<std::string>().empty());
  CHECK(m["slots"][0]["start"].get<std::string>().ends_with("Z"));

  const auto c = nlohmann::json::parse(cosmic_seed_json(world()));
  CHECK(c["subscription_key"] == sim_subscription_key);
  CHECK(c["services"].size() == world().units_on(system_kind::cosmic).size() * world().time_types.size());
  REQUIRE(!c["appointments"].empty());
}

TEST_CASE("sandbox engagement posts and journey requests are schema-valid", "[sandbox][configs]") {
  contracts::schema_validator v;
  for (auto s : all_systems) {
    const auto envelope = engagement_update(world(), s);
    REQUIRE(!envelope.empty());
    INFO(envelope);
    CHECK(issues_text(v.validate_envelope(envelope)) == "");
    CHECK(envelope.find("riv:crm:scheduling") != std::string::npos);
    CHECK(envelope.find("riv:supportprocess:logistics:scheduling") != std::string::npos);
  }
  request_spec get;
  get.operation = "GetAppointments";
  get.logical_address = platform_hsa_id;
  get.fields = {{"actor.actorId.root", "1.2.752.129.2.1.3.1"}, {"actor.actorId.extension", "191212121212"},
                {"actor.actorType.code", "116154003"}, {"actor.actorType.codeSystem", "1.2.752.116.2.1.1"},
                {"personId.root", "1.2.752.129.2.1.3.1"}, {"personId.extension", "191212121212"}};
  const auto built = build_request(get);
  CHECK(issues_text(v.validate_envelope(built.envelope)) == "");
  CHECK(built.soap_action ==
        "\"urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2:GetAppointments\"");
  get.operation = "NoSuchOperation";
  CHECK_THROWS(build_request(get));
}

// adapters/bridge/README.md: uuid5(uuid5(NAMESPACE_URL, "urn:tidnav:adapters:bridge"),
// "appointment\0<system>\0<unit>\0<bookingId>"), written out here from the
// documented scheme so that the sandbox cannot drift from it unnoticed.
std::string documented_bridge_id(const std::string& system, const std::string& unit, const std::string& booking) {
  const auto ns = adapters::uuid_v5(*adapters::parse_uuid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
                                    "urn:tidnav:adapters:bridge");
  std::string name = "appointment";
  for (const auto& part : {system, unit, booking}) name += std::string(1, '\0') + part;
  name += std::string(1, '\0');
  return adapters::format_uuid(adapters::uuid_v5(ns, name));
}

TEST_CASE("sandbox engagement posts carry the ids each adapter hands out", "[sandbox][configs]") {
  std::size_t bridged = 0;
  for (const auto& b : world().bookings) {
    const auto* unit = world().unit(world().slot(b.slot)->unit);
    INFO(b.id << " at " << unit->hsa_id);
    const std::string envelope = engagement_update(world(), unit->system, backend_mode::simulator);
    const std::string core_id = adapters::contract_id(adapters::native_id_kind::appointment, unit->native_id, b.id);
    if (unit->system == system_kind::pasis || unit->system == system_kind::pmo) {
      // Behind the bridge: its own UUID in both domains, never adapters/core's,
      // so the adapter's delete after a cancellation finds the seeded post.
      const std::string bridge_id = documented_bridge_id(std::string(to_string(unit->system)), unit->native_id, b.id);
      CHECK(adapter_native_id(world(), b, backend_mode::simulator) == bridge_id);
      const auto ids = values_of(envelope, "businessObjectInstanceIdentifier");
      CHECK(std::count(ids.begin(), ids.end(), bridge_id) == 2);
      CHECK(envelope.find(core_id) == std::string::npos);
      CHECK(envelope.find(">" + b.id + "<") == std::string::npos);
      // The in-memory stand-in is adapters/core: its ids.
      const std::string standin = engagement_update(world(), unit->system, backend_mode::memory);
      CHECK(standin.find(core_id) != std::string::npos);
      CHECK(standin.find(bridge_id) == std::string::npos);
      ++bridged;
    } else {
      CHECK(envelope.find(core_id) != std::string::npos);
      CHECK(envelope.find(">" + b.id + "<") != std::string::npos);
    }
  }
  CHECK(bridged >= 2);
}

TEST_CASE("sandbox manifest: sandbox.json has the documented shape", "[sandbox][manifest]") {
  const layout l("/tmp/tidnav-sandbox-manifest-test");
  const auto ports = fixed_ports();
  manifest_input in;
  in.paths = &l;
  in.world = &world();
  in.ports = &ports;
  in.modes = {{system_kind::pasis, backend_mode::memory}};
  in.pids = {{"hub", 42}};
  const auto m = nlohmann::json::parse(manifest_json(in));
  CHECK(m["hub"]["url"] == "https://127.0.0.1:20000/vp");
  CHECK(m["hub"]["admin_url"] == "http://127.0.0.1:20001");
  CHECK(m["hub"]["platform_hsa_id"] == "5565594230");
  CHECK(m["ca"].get<std::string>().starts_with("/"));
  for (const char* c : {"1177", "operator", "unauthorized"}) {
    INFO(c);
    CHECK(m["clients"][c]["cert"].get<std::string>().starts_with("/tmp/tidnav-sandbox-manifest-test/pki/"));
    CHECK(m["clients"][c]["key"].get<std::string>().ends_with(".key"));
    CHECK(!m["clients"][c]["hsa_id"].get<std::string>().empty());
  }
  REQUIRE(m["units"].size() == world().units.size());
  for (const auto& u : m["units"]) {
    for (const char* k : {"hsa_id", "name", "system", "adapter_url"}) CHECK(u.contains(k));
  }
  CHECK(m["persons"][0]["id"] == "191212121212");
  CHECK(m["pids"]["hub"] == 42);
  CHECK(m["adapters"]["pasis"]["backend"] == "memory");
  CHECK(!m["simulators"].contains("pasis"));
  CHECK(m["simulators"].contains("cosmic"));
  CHECK(m["dashboard"]["url"] == "http://127.0.0.1:20001/dashboard");
  CHECK(m["dashboard"]["token_file"] == l.operator_token().string());
}

TEST_CASE("sandbox dashboard operator: a 0600 token made once, only its SHA-256 in hub.yaml", "[sandbox][configs]") {
  // The hash is the one `printf %s "$TOKEN" | sha256sum` gives (docs/operations.md).
  CHECK(token_sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  const layout l("/tmp/tidnav-sandbox-token-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(l.dir);
  const std::string token = ensure_operator_token(l.operator_token());
  CHECK(token.size() >= 43);  // 32 random bytes
  struct stat st {};
  REQUIRE(::stat(l.operator_token().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(ensure_operator_token(l.operator_token()) == token);  // reused, not replaced
  ::chmod(l.operator_token().c_str(), 0644);
  CHECK(ensure_operator_token(l.operator_token()) == token);
  REQUIRE(::stat(l.operator_token().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);  // put back to owner-only
  const layout other("/tmp/tidnav-sandbox-token-test-other-" + std::to_string(::getpid()));
  std::filesystem::remove_all(other.dir);
  CHECK(ensure_operator_token(other.operator_token()) != token);  // random per sandbox

  const auto yaml = hub_yaml(l, world(), fixed_ports(), "", token_sha256(token));
  CHECK(yaml.find(token) == std::string::npos);
  auto cfg = core::parse_hub_config(yaml, "hub.yaml");
  if (!cfg) {
    for (const auto& e : cfg.error()) FAIL_CHECK(e.to_string());
  }
  REQUIRE(cfg);
  REQUIRE(cfg.value().dashboard.operators.size() == 1);
  CHECK(cfg.value().dashboard.operators[0].hsa_id == operator_hsa_id);
  CHECK(cfg.value().dashboard.operators[0].token_sha256 == token_sha256(token));
  CHECK(!cfg.value().audit.path.empty());  // the citizen view is refused without the audit log
  // The operator may ask the aggregating services at the platform address.
  std::size_t aggregated = 0;
  for (const auto& p : cfg.value().permissions) {
    if (p.consumer != operator_hsa_id || p.logical_address != platform_hsa_id) continue;
    for (const auto& c : aggregated_contracts()) aggregated += p.contract == c;
  }
  CHECK(aggregated == aggregated_contracts().size());
  std::filesystem::remove_all(l.dir);
  std::filesystem::remove_all(other.dir);
}
