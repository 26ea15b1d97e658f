// SPDX-License-Identifier: GPL-2.0-or-later
// The hub's operations features against a running hub over mutual TLS: the
// audit log (patientdatalagen) for direct and aggregated calls, the
// dashboard's JSON, and the operator-only citizen view.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/integration/ops_world.hpp"

using namespace tidnav;
using namespace tidnav::test;
using json = nlohmann::json;

TEST_CASE("hub: every call naming a person leaves an audit record", "[integration][hub][audit]") {
  ops_world ow;
  auto& w = ow.world();
  REQUIRE(ow.call_schedule(ops_unit1, "audit-direct-1").status == 200);
  const auto refused = ow.call_schedule("SE2321000016-NOPERM", "audit-refused-1");
  CHECK(vp_code_of(refused.body) == "VP007");
  // Naming nobody: not audited.
  std::string times = envelope21(ops_unit1);
  times.replace(times.find("<urn1:subject_of_care>"), std::string("<urn1:subject_of_care>191212121212</urn1:subject_of_care>").size(), "");
  for (auto at = times.find("GetSubjectOfCareSchedule>"); at != std::string::npos; at = times.find("GetSubjectOfCareSchedule>")) {
    times.replace(at, std::string("GetSubjectOfCareSchedule").size(), "GetAllTimeTypes");
  }
  REQUIRE(w.call(times).status == 200);

  const auto rows = ow.audit_records(2);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].correlation_id == "audit-direct-1");
  CHECK(rows[0].consumer == test_consumer_hsa_id);
  CHECK(rows[0].original_consumer == test_consumer_hsa_id);
  CHECK(rows[0].contract == crm_ns);
  CHECK(rows[0].operation == "GetSubjectOfCareSchedule");
  CHECK(rows[0].care_units == std::vector<std::string>{ops_unit1});
  CHECK(rows[0].outcome == "ok");
  CHECK(rows[0].channel == "consumer");
  CHECK(rows[1].correlation_id == "audit-refused-1");
  CHECK(rows[1].outcome == "VP007");
  CHECK(ow.audit_records(3, "").size() == 2);  // nothing for the call that named nobody
  CHECK(w.hub().metrics_text().find("tidnav_audit_records_total 2") != std::string::npos);
}

TEST_CASE("hub: an aggregated call is audited with every unit it called", "[integration][hub][audit]") {
  ops_world ow;
  ow.register_engagements();
  const auto r = ow.call_schedule(ops_platform, "audit-agg-1");
  REQUIRE(r.status == 200);
  CHECK(r.body.find("DataFromSource") != std::string::npos);
  // The Update (its person) + the consumer's call + one per unit.
  const auto rows = ow.audit_records(4);
  REQUIRE(rows.size() == 4);
  std::vector<std::string> platform_units;
  const audit::audit_record* outer = nullptr;
  for (const auto& a : rows) {
    if (a.correlation_id != "audit-agg-1") continue;
    if (a.channel == "consumer") outer = &a;
    if (a.channel == "platform") platform_units.insert(platform_units.end(), a.care_units.begin(), a.care_units.end());
  }
  REQUIRE(outer);
  auto units = outer->care_units;
  std::sort(units.begin(), units.end());
  CHECK(units == std::vector<std::string>{ops_unit1, ops_unit2});
  std::sort(platform_units.begin(), platform_units.end());
  CHECK(platform_units == units);
  CHECK(rows[0].operation == "Update");
}

TEST_CASE("hub: the dashboard's JSON shows routes, traffic, reload and no personal data", "[integration][hub][dashboard]") {
  ops_world ow;
  REQUIRE(ow.call_schedule(ops_unit1, "dash-corr-1").status == 200);
  REQUIRE(ow.call_schedule(ops_unit1, "19121212-1212").status == 200);  // a personnummer as correlation id
  const auto ov = ow.admin_get("/dashboard/api/overview");
  REQUIRE(ov.status == 200);
  const json o = json::parse(ov.body);
  CHECK(o["reload"]["ok"] == true);
  CHECK(o["routes_total"] == 5);
  CHECK(o["traffic"]["total_calls"] == 2);
  CHECK(o["traffic"]["last_10s"]["calls"] == 2);
  CHECK(o["engagement_index"]["outbox_pending"] == 0);
  CHECK(o["engagement_index"]["updates"] == 0);
  CHECK(o["audit"]["written"].get<int>() >= 0);
  bool up = false;
  for (const auto& p : o["producers"]) up = up || (p["health"] == "up" && p["calls"] == 2);
  CHECK(up);
  const auto calls = ow.admin_get("/dashboard/api/calls");
  REQUIRE(calls.status == 200);
  CHECK(calls.body.find("dash-corr-1") != std::string::npos);
  CHECK(calls.body.find("1212-1212") == std::string::npos);
  CHECK(calls.body.find("1212121212") == std::string::npos);
  const auto page = ow.admin_get("/dashboard");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<script src=\"/dashboard/dashboard.js\"") != std::string::npos);
  CHECK(ow.admin_get("/dashboard/dashboard.js").status == 200);
  CHECK(ow.admin_get("/dashboard/nothing.js").status == 404);
  const std::string* csp = net::find_header(page.headers, "Content-Security-Policy");
  REQUIRE(csp);
  CHECK(csp->find("default-src 'none'") != std::string::npos);
}

TEST_CASE("hub: the citizen view is for operators only, and audited as theirs", "[integration][hub][dashboard][audit]") {
  ops_world ow;
  ow.register_engagements();
  const std::string body = R"({"person": "19121212-1212", "contract": "schedule"})";
  CHECK(ow.citizen(body, "").status == 401);
  CHECK(ow.citizen(body, "wrong-token").status == 401);
  CHECK(ow.citizen(R"({"person": "nobody"})", ops_token).status == 400);
  CHECK(ow.citizen("not json", ops_token).status == 400);

  const auto r = ow.citizen(body, ops_token);
  REQUIRE(r.status == 200);
  const json v = json::parse(r.body);
  CHECK(v["outcome"] == "ok");
  CHECK(v["operator"] == ops_operator);
  REQUIRE(v["units"].size() == 2);
  CHECK(v["units"][0]["statusCode"] == "DataFromSource");
  CHECK(v["rows"].size() >= 2);

  bool operator_record = false;
  for (const auto& a : ow.audit_records(4)) {
    if (a.channel == "operator") {
      operator_record = true;
      CHECK(a.consumer == ops_operator);
      CHECK(a.correlation_id == v["correlation_id"].get<std::string>());
      CHECK(a.care_units.size() == 2);
    }
  }
  CHECK(operator_record);

  SECTION("2.0 GetAppointments needs a route for its own contract") {
    const auto r20 = ow.citizen(R"({"person": "191212121212", "contract": "appointments"})", ops_token);
    REQUIRE(r20.status == 200);
    CHECK(json::parse(r20.body)["outcome"] == "VP004");
  }
}

TEST_CASE("hub: the listener certificate is rotated by a reload, without a restart", "[integration][hub][reload]") {
  const auto& pki = shared_test_pki();
  recording_producer p{true};
  hub_world_options o;
  o.tak = tak_file(tak_route("r", "SE2321000016-A1", p.url()) + tak_permission("p", "SE2321000016-A1"));
  hub_world w(o);
  const std::string body = envelope21("SE2321000016-A1");
  REQUIRE(w.call(body, {}, client_ctx()).status == 200);

  // The new certificate names only producer.invalid: a client checking the
  // name sees the switch on its next handshake; connections already open keep the old one.
  std::string yaml = w.config_text();
  const auto swap = [&yaml](const std::string& from, const std::string& to) {
    const auto at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  };
  swap(pki.server.cert_file.string(), pki.server_wrong_name.cert_file.string());
  swap(pki.server.key_file.string(), pki.server_wrong_name.key_file.string());
  w.write_config_text(yaml);
  REQUIRE(w.admin("POST", "/admin/reload").status == 200);
  const auto refused = w.call(body, {}, client_ctx());
  CHECK_FALSE(refused.ok());
  CHECK(w.call(body, {}, client_ctx(&pki.client, false)).status == 200);

  // A reload naming a certificate that does not exist keeps the one in use.
  std::string broken = yaml;
  broken.replace(broken.find(pki.server_wrong_name.cert_file.string()), pki.server_wrong_name.cert_file.string().size(),
                 (w.dir() / "missing.crt").string());
  w.write_config_text(broken);
  CHECK(w.admin("POST", "/admin/reload").status == 500);
  CHECK(w.call(body, {}, client_ctx(&pki.client, false)).status == 200);
}
