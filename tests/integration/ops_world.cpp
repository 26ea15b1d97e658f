// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/integration/ops_world.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "hub/app/dashboard.hpp"

namespace tidnav::test {
namespace {

const char* update_ns = "urn:riv:itintegration:engagementindex:UpdateResponder:1";

}  // namespace

ops_world::ops_world() {
  const std::string answer = fixture_text("crm-scheduling-1.1/GetSubjectOfCareSchedule-response.xml");
  auto reply = [answer](const net::request_context&, net::responder r) { r(200, {{"Content-Type", "text/xml"}}, answer); };
  unit1_ = std::make_unique<recording_producer>(true, reply);
  unit2_ = std::make_unique<recording_producer>(true, reply);
  hub_world_options o;
  std::string tak = tak_route("a", ops_platform, "local:aggregate") + tak_permission("pa", ops_platform) +
                    tak_permission("pa-op", ops_platform, ops_operator) +
                    tak_route("e", ops_platform, "local:ei", "RIVTABP21", update_ns) +
                    tak_permission("pe", ops_platform, test_consumer_hsa_id, update_ns) +
                    tak_route("u1", ops_unit1, unit1_->url()) + tak_permission("p1", ops_unit1) +
                    tak_permission("p1-op", ops_unit1, ops_operator) + tak_route("u2", ops_unit2, unit2_->url()) +
                    tak_permission("p2", ops_unit2) + tak_permission("p2-op", ops_unit2, ops_operator) +
                    tak_route("u3", "SE2321000016-NOPERM", unit1_->url());
  o.tak = tak_file(tak);
  o.extra_yaml = "engagement_index: { database: ei.db }\n"
                 "aggregation: { unit_timeout_ms: 2000, deadline_ms: 3000 }\n"
                 "dashboard:\n  operators: [ { hsa_id: " + std::string(ops_operator) +
                 ", token_sha256: " + app::sha256_hex(ops_token) + " } ]\n";
  world_ = std::make_unique<hub_world>(o);
  net::client_options co;
  co.io_threads = 1;
  co.request_timeout = std::chrono::seconds(15);
  co.log = net::null_log_sink();
  admin_client_ = std::make_unique<net::http_client>(co);
}

void ops_world::register_engagements() {
  auto up = world_->call(ei_update_for(ops_person, {ops_unit1, ops_unit2}));
  REQUIRE(up.ok());
  REQUIRE(up.status == 200);
}

net::client_result ops_world::call_schedule(const std::string& address, const std::string& correlation_id) {
  return world_->call(envelope21(address), {{"x-skltp-correlation-id", correlation_id}});
}

std::vector<audit::audit_record> ops_world::audit_records(std::size_t n, const std::string& person) {
  std::vector<audit::audit_record> rows;
  for (int i = 0; i < 500; ++i) {
    try {
      audit::sqlite_audit_store s((world_->dir() / "audit.db").string(), audit::sqlite_audit_store::mode::read_only);
      audit::audit_query q;
      q.person = person;
      rows = s.query(q);
    } catch (const audit::audit_error&) {
    }
    if (rows.size() >= n) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return rows;
}

net::client_result ops_world::admin_get(const std::string& path) {
  net::client_request r;
  r.method = "GET";
  r.url = world_->admin_url(path);
  return admin_client_->request(std::move(r));
}

net::client_result ops_world::citizen(const std::string& body, const std::string& token) {
  net::client_request r;
  r.method = "POST";
  r.url = world_->admin_url("/dashboard/api/citizen");
  r.body = body;
  r.headers.push_back({"Content-Type", "application/json"});
  if (!token.empty()) r.headers.push_back({"Authorization", "Bearer " + token});
  return admin_client_->request(std::move(r));
}

}  // namespace tidnav::test
