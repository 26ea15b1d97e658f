// SPDX-License-Identifier: GPL-2.0-or-later
// The hub's listeners: mutual TLS is required, limits answer clearly, and the
// status, health, metrics and WSDL endpoints answer.
#include <catch2/catch.hpp>

#include "tests/integration/hub_world.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

struct listener_fixture {
  recording_producer producer{true};
  hub_world world{{tak_file(tak_route("r1", "SE-UNIT", producer.url()) + tak_permission("p1", "SE-UNIT")),
                   "wsdl_dir: " TIDNAV_SOURCE_DIR "/schemas\n"}};
};

}  // namespace

TEST_CASE("hub: TLS negatives never reach routing", "[integration][hub][tls]") {
  listener_fixture f;
  const auto& pki = shared_test_pki();
  SECTION("no client certificate") {
    auto r = f.world.call(envelope21("SE-UNIT"), {}, client_ctx(nullptr));
    CHECK_FALSE(r.ok());
  }
  SECTION("client certificate from an unknown CA") {
    auto r = f.world.call(envelope21("SE-UNIT"), {}, client_ctx(&pki.client_rogue));
    CHECK_FALSE(r.ok());
  }
  SECTION("expired client certificate") {
    auto r = f.world.call(envelope21("SE-UNIT"), {}, client_ctx(&pki.client_expired));
    CHECK_FALSE(r.ok());
  }
  CHECK(f.producer.count() == 0);
}

TEST_CASE("hub: oversized requests get 413 and never reach the producer", "[integration][hub][limits]") {
  listener_fixture f;
  // Just over the 1 MiB limit: the hub answers 413 and drains the rest (up to
  // about one more limit's worth), so the client reads the answer.
  std::string big = envelope21("SE-UNIT");
  big.insert(big.find("</urn1:subject_of_care>"), std::string(1024 * 1024 + 4096, 'x'));
  auto r = f.world.call(big);
  INFO(r.error.message() << ": " << r.detail);
  REQUIRE(r.ok());
  CHECK(r.status == 413);
  CHECK(f.producer.count() == 0);
  // Far over the limit the hub stops draining and closes: the client sees an
  // error, the producer still sees nothing.
  std::string huge = envelope21("SE-UNIT");
  huge.insert(huge.find("</urn1:subject_of_care>"), std::string(6 * 1024 * 1024, 'x'));
  auto closed = f.world.call(huge);
  CHECK((!closed.ok() || closed.status == 413));
  CHECK(f.producer.count() == 0);
  // The hub still serves the next call.
  auto ok = f.world.call(envelope21("SE-UNIT"));
  REQUIRE(ok.ok());
  CHECK(ok.status == 200);
}

TEST_CASE("hub: status, health, metrics and method rules", "[integration][hub][endpoints]") {
  listener_fixture f;
  REQUIRE(f.world.call(envelope21("SE-UNIT")).status == 200);
  REQUIRE(f.world.call(envelope21("SE-NOWHERE")).status == 500);

  auto status = f.world.admin("GET", "/status");
  REQUIRE(status.ok());
  CHECK(status.status == 200);
  CHECK(status.body.find("\"ServiceStatus\": \"Started\"") != std::string::npos);
  CHECK(status.body.find("vagval:1 behorigheter:1") != std::string::npos);

  CHECK(f.world.admin("GET", "/health/live").status == 200);
  CHECK(f.world.admin("GET", "/health/ready").status == 200);

  auto metrics = f.world.admin("GET", "/metrics");
  REQUIRE(metrics.ok());
  CHECK(metrics.status == 200);
  CHECK(metrics.body.find("tidnav_calls_total") != std::string::npos);
  CHECK(metrics.body.find("outcome=\"VP004\"") != std::string::npos);
  CHECK(metrics.body.find("tidnav_producer_seconds_bucket") != std::string::npos);

  net::client_request get;
  get.method = "DELETE";
  get.url = f.world.https_url();
  net::http_client c([] {
    net::client_options o;
    o.tls = client_ctx();
    o.io_threads = 1;
    o.log = net::null_log_sink();
    return o;
  }());
  auto del = c.request(get);
  REQUIRE(del.ok());
  CHECK(del.status == 405);
}

TEST_CASE("hub: ?wsdl and ?xsd= are served with addresses pointing at the hub", "[integration][hub][wsdl]") {
  listener_fixture f;
  net::http_client c([] {
    net::client_options o;
    o.tls = client_ctx();
    o.io_threads = 1;
    o.log = net::null_log_sink();
    return o;
  }());
  net::client_request get;
  get.method = "GET";
  get.url = f.world.https_url("/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21?wsdl");
  auto r = c.request(get);
  REQUIRE(r.ok());
  CHECK(r.status == 200);
  CHECK(r.body.find("definitions") != std::string::npos);
  CHECK(r.body.find(f.world.https_url("/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21")) != std::string::npos);
  get.url = f.world.https_url("/vp/no/such/service?wsdl");
  auto missing = c.request(get);
  REQUIRE(missing.ok());
  CHECK(missing.status == 500);
  CHECK(missing.body.find("No wsdl found on this path") != std::string::npos);
}
