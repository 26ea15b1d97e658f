// SPDX-License-Identifier: GPL-2.0-or-later
// Producers that misbehave, scripted at the byte level: each failure becomes
// VP009 naming the producer, except a SOAP fault with HTTP 500 (relayed) and a
// SOAP fault with HTTP 200 (passed through, as the platform does).
#include <catch2/catch.hpp>

#include "tests/integration/hub_world.hpp"
#include "tests/support/fake_producer.hpp"
#include "tests/support/raw_socket.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

const std::string soap_fault =
    "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
    "<faultcode>soap:Client</faultcode><faultstring>no such booking</faultstring></soap:Fault></soap:Body></soap:Envelope>";

// A hub with one route to `url`, a 700 ms producer timeout for the contract.
hub_world world_for(const std::string& url) {
  hub_world_options o;
  o.tak = tak_file(tak_route("r1", "SE-UNIT", url) + tak_permission("p1", "SE-UNIT"));
  o.extra_yaml = std::string("  timeouts: [ { contract: \"") + crm_ns + "\", timeout_ms: 700 } ]\n";
  return hub_world(o);
}

fake_producer::script answer_with(std::string raw) {
  return [raw](raw_socket& conn, const std::atomic<bool>&) {
    if (conn.read_http_message(2s).empty()) return;
    conn.send_all(raw);
  };
}

}  // namespace

TEST_CASE("hub: producer failures", "[integration][hub][producer]") {
  SECTION("connection refused: VP009") {
    const std::string url = "http://127.0.0.1:" + std::to_string(unused_port()) + "/p";
    auto w = world_for(url);
    auto r = w.call(envelope21("SE-UNIT"));
    REQUIRE(r.ok());
    CHECK(r.status == 500);
    CHECK(vp_code_of(r.body) == "VP009");
    CHECK(r.body.find(url) != std::string::npos);
  }
  SECTION("reset in the middle of the body: VP009") {
    fake_producer p([](raw_socket& conn, const std::atomic<bool>&) {
      if (conn.read_http_message(2s).empty()) return;
      conn.send_all("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<soap:Envelope");
      conn.close();
    });
    auto w = world_for(p.url("/p"));
    auto r = w.call(envelope21("SE-UNIT"));
    REQUIRE(r.ok());
    CHECK(vp_code_of(r.body) == "VP009");
  }
  SECTION("hangs: VP009 after the contract's timeout") {
    fake_producer p([](raw_socket& conn, const std::atomic<bool>& stopping) {
      if (conn.read_http_message(2s).empty()) return;
      for (int i = 0; i < 300 && !stopping; ++i) std::this_thread::sleep_for(10ms);
    });
    auto w = world_for(p.url("/p"));
    const auto t0 = std::chrono::steady_clock::now();
    auto r = w.call(envelope21("SE-UNIT"));
    const auto waited = std::chrono::steady_clock::now() - t0;
    REQUIRE(r.ok());
    CHECK(vp_code_of(r.body) == "VP009");
    CHECK(r.body.find("Timeout when waiting on response from producer.") != std::string::npos);
    CHECK(waited < 2500ms);  // the 700 ms contract timeout, not the 5 s default
  }
  SECTION("garbage instead of HTTP: VP009") {
    fake_producer p(answer_with("this is not HTTP at all\r\n\r\n"));
    auto w = world_for(p.url("/p"));
    auto r = w.call(envelope21("SE-UNIT"));
    REQUIRE(r.ok());
    CHECK(vp_code_of(r.body) == "VP009");
  }
  SECTION("empty body with 200: VP009") {
    fake_producer p(answer_with(http_response(200, "")));
    auto w = world_for(p.url("/p"));
    auto r = w.call(envelope21("SE-UNIT"));
    REQUIRE(r.ok());
    CHECK(vp_code_of(r.body) == "VP009");
  }
  SECTION("non-SOAP 503: VP009 with the producer's status") {
    fake_producer p(answer_with(http_response(503, "busy")));
    auto w = world_for(p.url("/p"));
    auto r = w.call(envelope21("SE-UNIT"));
    REQUIRE(r.ok());
    CHECK(vp_code_of(r.body) == "VP009");
    CHECK(r.body.find("VP_PRODUCER_EXCEPTION_HTTP_STATUS=503") != std::string::npos);
  }
  SECTION("SOAP fault with 500: relayed unchanged") {
    fake_producer p(answer_with(http_response(500, soap_fault)));
    auto w = world_for(p.url("/p"));
    auto r = w.call(envelope21("SE-UNIT"));
    REQUIRE(r.ok());
    CHECK(r.status == 500);
    CHECK(r.body == soap_fault);
  }
  SECTION("SOAP fault with 200: passed through as 200") {
    fake_producer p(answer_with(http_response(200, soap_fault)));
    auto w = world_for(p.url("/p"));
    auto r = w.call(envelope21("SE-UNIT"));
    REQUIRE(r.ok());
    CHECK(r.status == 200);
    CHECK(r.body == soap_fault);
  }
}

TEST_CASE("hub: a producer with an untrusted certificate is VP009", "[integration][hub][producer]") {
  capture_log log;
  auto opts = tls_server_options(log);
  opts.tls = server_ctx(shared_test_pki().server_rogue);
  net::http_server rogue(opts, echo_handler());
  rogue.start();
  auto w = world_for("https://127.0.0.1:" + std::to_string(rogue.port()) + "/p");
  auto r = w.call(envelope21("SE-UNIT"));
  REQUIRE(r.ok());
  CHECK(vp_code_of(r.body) == "VP009");
  rogue.stop(std::chrono::milliseconds(200));
}
