// SPDX-License-Identifier: GPL-2.0-or-later
// Mutual TLS between http_client and http_server: who gets in, and what the server learns.
#include <catch2/catch.hpp>

#include <atomic>

#include "tests/unit/hub/net/net_test_util.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

// A TLS server that records whether its handler ever ran.
struct tls_fixture {
  capture_log log;
  std::atomic<int> handled{0};
  net::http_server server{tls_server_options(log), [this](net::request_context req, net::responder r) {
                            ++handled;
                            echo_handler()(std::move(req), std::move(r));
                          }};
  tls_fixture() { server.start(); }

  net::client_result call(net::tls_context_ptr ctx, const char* host = "127.0.0.1") {
    capture_log client_log;
    net::http_client client(client_options(client_log, std::move(ctx)));
    return client.request(net::make_post(https_url(server.port(), host), "<ping/>"));
  }
};

}  // namespace

TEST_CASE("mtls: the server sees the consumer's certificate and SERIALNUMBER", "[mtls]") {
  capture_log log;
  net::request_context seen;
  net::http_server server(tls_server_options(log), [&seen](net::request_context req, net::responder respond) {
    seen = req;
    respond(200, {{"Content-Type", "text/xml"}}, "ok");
  });
  server.start();
  net::http_client client(client_options(log));
  const auto r = client.request(net::make_post(https_url(server.port()), "<a/>", {{"SOAPAction", "urn:x"}}));

  REQUIRE(r.ok());
  CHECK(r.status == 200);
  CHECK(r.body == "ok");
  CHECK(r.request_bytes_sent);
  CHECK(seen.tls);
  CHECK(seen.tls_protocol == "TLSv1.3");
  CHECK(seen.peer.serial_numbers == std::vector<std::string>{test_consumer_hsa_id});
  CHECK(seen.peer.subject == "serialNumber=SE2321000016-1177,CN=tidnav 1177,O=Test,C=SE");
  CHECK(seen.peer.cert_pem.rfind("-----BEGIN CERTIFICATE-----", 0) == 0);
  CHECK(seen.remote_ip == "127.0.0.1");
  CHECK(seen.method == "POST");
  CHECK(seen.target == "/vp");
  CHECK(seen.body == "<a/>");
  REQUIRE(net::find_header(seen.headers, "soapaction") != nullptr);
  CHECK(*net::find_header(seen.headers, "SOAPAction") == "urn:x");
  CHECK(*net::find_header(seen.headers, "Host") == "127.0.0.1:" + std::to_string(server.port()));
}

TEST_CASE("mtls: RSA client certificates and IPv6 loopback work too", "[mtls]") {
  capture_log log;
  auto opts = tls_server_options(log);
  opts.listen = {{"::1", 0, true}};
  net::http_server server(opts, echo_handler());
  server.start();
  net::http_client client(client_options(log, client_ctx(&shared_test_pki().client_rsa)));
  const auto r = client.request(net::make_post(https_url(server.port(), "[::1]"), "x"));
  REQUIRE(r.ok());
  CHECK(r.body == "SE2321000016-0002|x");
}

TEST_CASE("mtls: a client without a certificate is refused", "[mtls]") {
  tls_fixture f;
  const auto r = f.call(client_ctx(nullptr));
  CHECK_FALSE(r.ok());
  CHECK(r.error == net::client_errc::tls_failed);
  CHECK(eventually([&] { return f.server.stats().tls_handshake_failures.load() == 1; }));
  CHECK(f.handled == 0);
  CHECK(f.log.has("tls_handshake_failed"));
}

TEST_CASE("mtls: a client certificate from an unknown CA is refused", "[mtls]") {
  tls_fixture f;
  const auto r = f.call(client_ctx(&shared_test_pki().client_rogue));
  CHECK(r.error == net::client_errc::tls_failed);
  CHECK(eventually([&] { return f.server.stats().tls_handshake_failures.load() == 1; }));
  CHECK(f.handled == 0);
}

TEST_CASE("mtls: an expired client certificate is refused", "[mtls]") {
  tls_fixture f;
  const auto r = f.call(client_ctx(&shared_test_pki().client_expired));
  CHECK(r.error == net::client_errc::tls_failed);
  CHECK(eventually([&] { return f.server.stats().tls_handshake_failures.load() == 1; }));
  CHECK(f.handled == 0);
}

TEST_CASE("mtls: producer hostname must match unless verification is disabled", "[mtls]") {
  capture_log log;
  auto opts = tls_server_options(log);
  opts.tls = server_ctx(shared_test_pki().server_wrong_name);
  net::http_server server(opts, echo_handler());
  server.start();

  SECTION("verification on: handshake fails before any request byte") {
    net::http_client client(client_options(log));
    const auto r = client.request(net::make_post(https_url(server.port()), "x"));
    CHECK(r.error == net::client_errc::tls_failed);
    CHECK_FALSE(r.request_bytes_sent);
    CHECK(r.attempts == 1);  // not retried: it would fail the same way
    CHECK(client.stats().failures_tls.load() == 1);
  }
  SECTION("verification off: the chain is still checked, the name is not") {
    net::http_client client(client_options(log, client_ctx(&shared_test_pki().client, false)));
    const auto r = client.request(net::make_post(https_url(server.port()), "x"));
    REQUIRE(r.ok());
    CHECK(r.body == "SE2321000016-1177|x");
  }
  SECTION("server_name override: checked against that name instead") {
    net::client_tls_options o;
    o.ca_file = shared_test_pki().ca.cert_file;
    o.cert_file = shared_test_pki().client.cert_file;
    o.key_file = shared_test_pki().client.key_file;
    o.server_name = "producer.invalid";
    net::http_client client(client_options(log, net::make_client_tls_context(o)));
    CHECK(client.request(net::make_post(https_url(server.port()), "x")).ok());
  }
}

TEST_CASE("mtls: a producer certificate from an untrusted CA is refused", "[mtls]") {
  capture_log log;
  auto opts = tls_server_options(log);
  opts.tls = server_ctx(shared_test_pki().server_rogue);
  net::http_server server(opts, echo_handler());
  server.start();
  net::http_client client(client_options(log));
  const auto r = client.request(net::make_post(https_url(server.port()), "x"));
  CHECK(r.error == net::client_errc::tls_failed);
  CHECK_FALSE(r.request_bytes_sent);
}

TEST_CASE("mtls: reloading the server context affects new connections only", "[mtls]") {
  tls_fixture f;
  capture_log client_log;
  net::http_client client(client_options(client_log));
  const auto url = https_url(f.server.port());
  REQUIRE(client.request(net::make_post(url, "1")).ok());

  f.server.set_tls_context(server_ctx(shared_test_pki().server_rogue));
  CHECK(f.log.has("tls_context_reloaded"));
  // The pooled connection was accepted with the old context and keeps working.
  const auto reused = client.request(net::make_post(url, "2"));
  REQUIRE(reused.ok());
  CHECK(reused.reused_connection);
  // A new connection meets the new (untrusted) certificate.
  client.close_idle();
  CHECK(client.request(net::make_post(url, "3")).error == net::client_errc::tls_failed);
}

TEST_CASE("mtls: bad TLS files are reported with the file name", "[mtls]") {
  const auto& p = shared_test_pki();
  CHECK_THROWS_WITH(net::make_server_tls_context({p.ca.cert_file, p.server.cert_file, "/nonexistent.key"}),
                    Catch::Contains("/nonexistent.key"));
  // A key that does not belong to the certificate.
  CHECK_THROWS_AS(net::make_server_tls_context({p.ca.cert_file, p.server.cert_file, p.client.key_file}),
                  net::tls_error);
}

TEST_CASE("mtls: a DNS host name is resolved, sent as SNI and verified", "[mtls]") {
  tls_fixture f;
  // "localhost" may resolve to ::1 first; the server only listens on 127.0.0.1, so this
  // also covers trying the next resolved address within one attempt.
  const auto r = f.call(client_ctx(), "localhost");
  REQUIRE(r.ok());
  CHECK(r.body == "SE2321000016-1177|<ping/>");
  CHECK(r.attempts == 1);
}
