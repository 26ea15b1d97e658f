// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "hub/core/hub_config.hpp"
#include "hub/core/xs_datetime.hpp"

using namespace tidnav::core;

namespace {

const char* good = R"(instance:
  name: NTjP Test
  id: tidnav-test-1
internal_callers: [127.0.0.1/32, 10.0.0.0/8, "::1/128"]
listeners:
  https:
    port: 20000
    cert: server.pem
    key: server.key
    ca: clients-ca.pem
    limits:
      body_bytes: 52428800
  http:
    address: 127.0.0.1
    port: 8080
  admin:
routes:
  - contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
    logical_address: SE2321000016-ABC1
    url: https://producer.example/crm
    valid_from: 2025-01-01
    valid_to: 2025-12-31
  - contract: urn:riv:crm:scheduling:MakeBookingResponder:1
    logical_address: "*"
    url: http://legacy.example/book
    riv_profile: RIVTABP20
permissions:
  - consumer: SE2321000016-C001
    contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
    logical_address: "*"
default_routing:
  allowed_contracts: [urn:riv:crm:scheduling:MakeBookingResponder:1]
hsa_lookup:
  authorization: { default_enabled: false }
producers:
  timeouts:
    - { contract: urn:riv:crm:scheduling:MakeBookingResponder:1, timeout_ms: 5000 }
  tls: { ca: producers-ca.pem, cert: client.pem, key: client.key }
  tls_overrides:
    - { host_suffix: .legacy.example, verify_hostname: false, sni: legacy.example }
headers:
  propagate_correlation_id_for_https: true
)";

std::vector<std::string> messages(const std::vector<config_error>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.to_string());
  return out;
}

}  // namespace

TEST_CASE("a complete config loads with defaults filled in", "[unit][config]") {
  const auto r = parse_hub_config(good, "hub.yaml");
  if (!r) FAIL(Catch::StringMaker<std::vector<std::string>>::convert(messages(r.error())));
  const hub_config& c = r.value();
  CHECK(c.instance_name == "NTjP Test");
  CHECK(c.instance_id == "tidnav-test-1");
  CHECK(c.platform_hsa_id == "5565594230");
  CHECK(c.sender_id_pattern == "(?:2.5.4.5|SERIALNUMBER)=([^,]+)");
  CHECK(c.internal_callers.size() == 3);

  CHECK(c.https.enabled);
  CHECK(c.https.address == "0.0.0.0");
  CHECK(c.https.port == 20000);
  CHECK(c.https.limits.body_bytes == 52428800);
  CHECK(c.https.limits.header_bytes == 16384);
  CHECK(c.http.limits.body_bytes == 15728640);  // the platform's default
  CHECK(c.http.limits.read_timeout == std::chrono::milliseconds(30000));
  CHECK(c.admin.enabled);
  CHECK(c.admin.address == "127.0.0.1");
  CHECK(c.admin.port == 23000);

  REQUIRE(c.routes.size() == 2);
  CHECK(c.routes[0].profile == riv_profile::rivtabp21);  // default profile
  CHECK(c.routes[0].valid.from == parse_xs_datetime("2025-01-01T00:00:00Z")->value - std::chrono::hours(14));
  CHECK(c.routes[0].valid.contains(parse_xs_datetime("2025-12-31T23:59:59Z")->value));
  CHECK(c.routes[0].source == "config:18");
  CHECK(c.routes[1].profile == riv_profile::rivtabp20);
  REQUIRE(c.permissions.size() == 1);
  CHECK(c.permissions[0].logical_address == "*");

  CHECK(c.routing.default_routing_delimiter == "#");
  CHECK(c.routing.default_routing_allowed_contracts.size() == 1);
  CHECK(c.routing.hsa_routing.default_enabled);
  CHECK_FALSE(c.routing.hsa_authorization.default_enabled);

  CHECK(c.producers.connect_timeout == std::chrono::milliseconds(2000));
  CHECK(c.producers.timeout_for("urn:riv:crm:scheduling:MakeBookingResponder:1") == std::chrono::milliseconds(5000));
  CHECK(c.producers.timeout_for("urn:other:1") == std::chrono::milliseconds(29000));
  const auto tls = c.producers.tls_for("api.legacy.example", 443);
  CHECK_FALSE(tls.verify_hostname);
  CHECK(tls.sni == "legacy.example");
  CHECK(tls.cert == "client.pem");
  CHECK(c.producers.tls_for("producer.example", 443).verify_hostname);
  CHECK(c.headers.propagate_correlation_id_for_https);
  CHECK(c.headers.content_type == "text/xml;charset=UTF-8");
}

TEST_CASE("validation reports every error at once, with lines", "[unit][config]") {
  const char* bad = R"(instance:
  name: ""
  id: "a#b"
sender_id_pattern: "SERIALNUMBER=[^,]+"
internal_callers: [10.0.0.1/8, nonsense]
listeners:
  https:
    port: 70000
    cert: server.pem
  http:
    port: 8080
    cert: nope.pem
routes:
  - contract: urn:x:1
    logical_address: SE2321000016-A
    url: ftp://producer.example/
    riv_profile: RIVTABP30
  - contract: urn:x:1
    logical_address: se2321000016-a
    url: https://b.example/
    valid_from: 2025-02-30
permissions:
  - contract: urn:x:1
    logical_address: "*"
    valid_from: 2025-06-01T00:00:00Z
    valid_to: 2025-05-01T00:00:00Z
producers:
  connect_timeout_ms: -5
  tls_overrides:
    - { verify_hostname: maybe }
headers:
  request_remove: "(unclosed"
colour: blue
)";
  const auto r = parse_hub_config(bad, "bad.yaml");
  REQUIRE_FALSE(r);
  const auto m = messages(r.error());
  const std::vector<std::string> expected = {
      // Reading errors first, in reading order...
      "bad.yaml:33: colour: unknown key 'colour'",
      "bad.yaml:8: listeners.https.port: must be at most 65535, got 70000",
      "bad.yaml:21: routes[1].valid_from: expected a date (2025-01-31) or date-time (2025-01-31T08:00:00+01:00), got "
      "'2025-02-30'",
      "bad.yaml:28: producers.connect_timeout_ms: expected a non-negative integer, got '-5'",
      "bad.yaml:30: producers.tls_overrides[0].verify_hostname: expected true or false, got 'maybe'",
      // ...then the semantic checks.
      "bad.yaml:2: instance.name: must not be empty",
      "bad.yaml:3: instance.id: must not contain '#'",
      "bad.yaml:4: sender_id_pattern: sender-id pattern 'SERIALNUMBER=[^,]+' has no capture group",
      "bad.yaml:5: internal_callers[0]: '10.0.0.1/8': host bits set below the prefix",
      "bad.yaml:5: internal_callers[1]: 'nonsense': not an IPv4 or IPv6 address",
      "bad.yaml:7: listeners.https.key: is required (server private key)",
      "bad.yaml:7: listeners.https.ca: is required (CA for client certificates; mutual TLS is mandatory)",
      "bad.yaml:10: listeners.http: cert/key/ca only apply to the https listener",
      "bad.yaml:16: routes[0].url: must be an http:// or https:// URL, got 'ftp://producer.example/'",
      "bad.yaml:17: routes[0].riv_profile: must be RIVTABP20 or RIVTABP21, got 'RIVTABP30'",
      "bad.yaml:18: routes[1]: overlaps routes[0] for the same contract and address (calls would get VP006)",
      "bad.yaml:23: permissions[0].consumer: is required",
      "bad.yaml:26: permissions[0].valid_to: is before valid_from",
      "bad.yaml:30: producers.tls_overrides[0]: needs at least one of host, host_suffix, port",
      "bad.yaml:32: headers.request_remove: invalid regular expression '(unclosed': ",
  };
  // The regex message text comes from the standard library; compare its prefix only.
  REQUIRE(m.size() == expected.size());
  for (std::size_t i = 0; i < m.size(); ++i) {
    INFO("error " << i);
    CHECK(m[i].substr(0, expected[i].size()) == expected[i]);
  }
}

TEST_CASE("config shapes that are not YAML mappings", "[unit][config]") {
  CHECK_FALSE(parse_hub_config("", "e.yaml"));
  const auto syntax = parse_hub_config("listeners: [\n", "s.yaml");
  REQUIRE_FALSE(syntax);
  CHECK_THAT(syntax.error().front().to_string(), Catch::StartsWith("s.yaml:"));
  CHECK_THAT(syntax.error().front().message, Catch::StartsWith("YAML syntax error"));
  const auto list = parse_hub_config("- a\n- b\n", "l.yaml");
  REQUIRE_FALSE(list);
  CHECK(list.error().front().message == "expected a mapping");
  const auto none = parse_hub_config("instance: { name: x }\n", "n.yaml");
  REQUIRE_FALSE(none);
  CHECK(none.error().front().to_string() == "n.yaml: listeners: configure an https or an http listener");
}

TEST_CASE("load_hub_config resolves files next to the config and reports missing ones", "[unit][config]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(TIDNAV_BINARY_DIR) / "hub-config-test";
  fs::create_directories(dir);
  for (const char* f : {"server.pem", "server.key", "ca.pem"}) std::ofstream(dir / f) << "x";
  const fs::path cfg = dir / "hub.yaml";
  std::ofstream(cfg) << "listeners:\n  https: { cert: server.pem, key: server.key, ca: ca.pem }\n"
                        "tak_file: takcache.xml\n";
  const auto r = load_hub_config(cfg.string());
  REQUIRE_FALSE(r);
  REQUIRE(r.error().size() == 1);
  CHECK(r.error()[0].to_string() == cfg.string() + ":3: tak_file: file not found: " + (dir / "takcache.xml").string());

  std::ofstream(dir / "takcache.xml") << "<persistentCache/>";
  const auto ok = load_hub_config(cfg.string());
  REQUIRE(ok);
  CHECK(ok->https.cert == (dir / "server.pem").string());
  CHECK(ok->tak_file == (dir / "takcache.xml").string());
  fs::remove_all(dir);
}
