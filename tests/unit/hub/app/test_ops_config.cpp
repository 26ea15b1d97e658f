// SPDX-License-Identifier: GPL-2.0-or-later
// The audit and dashboard keys of hub.yaml: defaults, reading, validation.
#include <catch2/catch.hpp>

#include "hub/app/dashboard.hpp"
#include "hub/core/hub_config.hpp"

using namespace tidnav;

namespace {

const std::string base = "listeners: { http: { address: 127.0.0.1, port: 0 } }\n";

std::string errors_of(const std::string& yaml) {
  auto r = core::parse_hub_config(base + yaml, "hub.yaml");
  if (r) return {};
  std::string s;
  for (const auto& e : r.error()) s += e.to_string() + "\n";
  return s;
}

}  // namespace

TEST_CASE("the audit log is on by default, next to the configuration", "[config][audit]") {
  auto r = core::parse_hub_config(base, "hub.yaml");
  REQUIRE(r);
  CHECK(r.value().audit.path == "audit.db");
  CHECK(r.value().audit.queue == 65536);
  CHECK(r.value().dashboard.enabled);
  CHECK(r.value().dashboard.operators.empty());
}

TEST_CASE("audit and dashboard keys are read", "[config][audit]") {
  const std::string digest = app::sha256_hex("secret");
  auto r = core::parse_hub_config(base + "audit: { path: '', queue: 128 }\n"
                                  "dashboard: { operators: [ { hsa_id: SE2321000016-OP01, token_sha256: " + digest + " } ] }\n",
                                  "hub.yaml");
  REQUIRE(r);
  CHECK(r.value().audit.path.empty());
  CHECK(r.value().audit.queue == 128);
  REQUIRE(r.value().dashboard.operators.size() == 1);
  CHECK(r.value().dashboard.operators[0].hsa_id == "SE2321000016-OP01");
  CHECK(digest == "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
}

TEST_CASE("bad audit and dashboard settings are reported with their line", "[config][audit]") {
  CHECK(errors_of("audit: { queue: 2 }\n").find("hub.yaml:2: audit.queue: must be at least 16") != std::string::npos);
  CHECK(errors_of("audit: { path: a.db, colour: red }\n").find("colour") != std::string::npos);
  const std::string e = errors_of("dashboard: { operators: [ { hsa_id: '', token_sha256: 'secret' } ] }\n");
  CHECK(e.find("dashboard.operators[0].hsa_id: is required") != std::string::npos);
  CHECK(e.find("dashboard.operators[0].token_sha256: must be the token's SHA-256") != std::string::npos);
  const std::string d = app::sha256_hex("x");
  CHECK(errors_of("dashboard: { operators: [ { hsa_id: A, token_sha256: " + d + " }, { hsa_id: B, token_sha256: " + d + " } ] }\n")
            .find("the same token is configured twice") != std::string::npos);
}
