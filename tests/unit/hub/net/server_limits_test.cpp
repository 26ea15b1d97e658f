// SPDX-License-Identifier: GPL-2.0-or-later
// Server limits and timeouts: over-limit input gets a clear answer and a log line.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "tests/support/raw_socket.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

constexpr auto short_timeout = 300ms;

struct plain_fixture {
  explicit plain_fixture(net::server_limits limits = {}, net::handler h = echo_handler()) {
    auto o = plain_server_options(log);
    o.limits = limits;
    server = std::make_unique<net::http_server>(o, std::move(h));
    server->start();
  }
  capture_log log;
  std::unique_ptr<net::http_server> server;
};

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("limits: a body over the limit gets 413 over TLS", "[limits]") {
  capture_log log;
  auto opts = tls_server_options(log);
  opts.limits.body_limit = 1024;
  net::http_server server(opts, echo_handler());
  server.start();
  net::http_client client(client_options(log));

  const auto r = client.request(net::make_post(https_url(server.port()), std::string(64 * 1024, 'x')));
  REQUIRE(r.ok());
  CHECK(r.status == 413);
  CHECK(server.stats().body_too_large.load() == 1);
  CHECK(log.has("body_too_large"));

  // Exactly at the limit is fine.
  CHECK(client.request(net::make_post(https_url(server.port()), std::string(1024, 'x'))).status == 200);
}

TEST_CASE("limits: a chunked body over the limit gets 413", "[limits]") {
  net::server_limits limits;
  limits.body_limit = 100;
  plain_fixture f(limits);
  raw_socket s(f.server->port());
  const std::string chunk(80, 'a');
  REQUIRE(s.send_all("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n50\r\n" + chunk + "\r\n50\r\n" +
                     chunk + "\r\n0\r\n\r\n"));
  CHECK(starts_with(s.read_http_message(2s), "HTTP/1.1 413"));
}

TEST_CASE("limits: a header over the limit gets 431", "[limits]") {
  net::server_limits limits;
  limits.header_limit = 1024;
  plain_fixture f(limits);
  raw_socket s(f.server->port());
  REQUIRE(s.send_all("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4096, 'b') + "\r\n\r\n"));
  const auto reply = s.read_http_message(2s);
  CHECK(starts_with(reply, "HTTP/1.1 431"));
  CHECK(reply.find("Connection: close") != std::string::npos);
  CHECK(f.server->stats().header_too_large.load() == 1);
  CHECK(f.log.has("header_too_large"));
}

TEST_CASE("limits: slowloris - a partial header gets 408 and a close within the timeout", "[limits]") {
  net::server_limits limits;
  limits.header_timeout = short_timeout;
  plain_fixture f(limits);
  raw_socket s(f.server->port());
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(s.send_all("POST /vp HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"));  // never finished
  bool closed = false;
  const auto reply = s.read_until_closed(3s, &closed);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(starts_with(reply, "HTTP/1.1 408"));
  CHECK(closed);
  CHECK(took >= 250ms);
  CHECK(took < 1500ms);
  CHECK(f.server->stats().header_timeouts.load() == 1);
  CHECK(f.log.has("header_timeout"));
}

TEST_CASE("limits: a body that stops arriving gets 408", "[limits]") {
  net::server_limits limits;
  limits.body_timeout = short_timeout;
  plain_fixture f(limits);
  raw_socket s(f.server->port());
  REQUIRE(s.send_all("POST /vp HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly-a-little"));
  bool closed = false;
  CHECK(starts_with(s.read_until_closed(3s, &closed), "HTTP/1.1 408"));
  CHECK(closed);
  CHECK(f.server->stats().body_timeouts.load() == 1);
}

TEST_CASE("limits: a silent connection is closed without an answer", "[limits]") {
  net::server_limits limits;
  limits.header_timeout = short_timeout;
  plain_fixture f(limits);
  raw_socket s(f.server->port());
  bool closed = false;
  CHECK(s.read_until_closed(3s, &closed).empty());
  CHECK(closed);
}

TEST_CASE("limits: keep-alive idle timeout closes quietly between requests", "[limits]") {
  net::server_limits limits;
  limits.idle_timeout = short_timeout;
  plain_fixture f(limits);
  raw_socket s(f.server->port());
  REQUIRE(s.send_all("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"));
  CHECK(starts_with(s.read_http_message(2s), "HTTP/1.1 200"));
  bool closed = false;
  CHECK(s.read_until_closed(3s, &closed).empty());
  CHECK(closed);
  CHECK(f.server->stats().idle_timeouts.load() == 1);
}

TEST_CASE("limits: connections over max_connections are closed and logged", "[limits]") {
  net::server_limits limits;
  limits.max_connections = 2;
  plain_fixture f(limits);
  raw_socket a(f.server->port());
  raw_socket b(f.server->port());
  REQUIRE(eventually([&] { return f.server->active_connections() == 2; }));
  raw_socket c(f.server->port());
  bool closed = false;
  CHECK(c.read_until_closed(2s, &closed).empty());
  CHECK(closed);
  CHECK(f.server->stats().connections_refused.load() == 1);
  CHECK(f.log.has("connection_refused"));
  // The admitted ones still work.
  REQUIRE(a.send_all("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nz"));
  CHECK(starts_with(a.read_http_message(2s), "HTTP/1.1 200"));
}

TEST_CASE("limits: a malformed request gets 400", "[limits]") {
  plain_fixture f;
  raw_socket s(f.server->port());
  REQUIRE(s.send_all("NOT A REQUEST\r\n\r\n"));
  CHECK(starts_with(s.read_http_message(2s), "HTTP/1.1 400"));
  CHECK(f.server->stats().bad_requests.load() == 1);
}

TEST_CASE("limits: Expect 100-continue gets an interim answer", "[limits]") {
  plain_fixture f;
  raw_socket s(f.server->port());
  REQUIRE(s.send_all("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"));
  CHECK(starts_with(s.read_http_message(2s), "HTTP/1.1 100 Continue"));
  REQUIRE(s.send_all("body"));
  const auto reply = s.read_http_message(2s);
  CHECK(starts_with(reply, "HTTP/1.1 200"));
  CHECK(reply.find("-|body") != std::string::npos);
}

TEST_CASE("limits: a handler that throws or drops its responder yields 500", "[limits]") {
  plain_fixture f({}, [](net::request_context req, net::responder respond) {
    if (req.target == "/throw") throw std::runtime_error("boom");
    // "/drop": the responder goes out of scope unanswered.
  });
  for (const char* target : {"/throw", "/drop"}) {
    raw_socket s(f.server->port());
    REQUIRE(s.send_all(std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\n\r\n"));
    CHECK(starts_with(s.read_http_message(2s), "HTTP/1.1 500"));
  }
  CHECK(f.server->stats().handler_errors.load() == 2);
  CHECK(f.log.has("handler_exception"));
  CHECK(f.log.has("handler_dropped_responder"));
}

TEST_CASE("limits: responses keep the handler's headers but not its framing", "[limits]") {
  plain_fixture f({}, [](net::request_context, net::responder respond) {
    respond(200, {{"X-Custom", "1"}, {"Content-Length", "999"}, {"Connection", "upgrade"}}, "abc");
  });
  raw_socket s(f.server->port());
  REQUIRE(s.send_all("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  const auto reply = s.read_http_message(2s);
  CHECK(reply.find("X-Custom: 1\r\n") != std::string::npos);
  CHECK(reply.find("Content-Length: 3\r\n") != std::string::npos);
  CHECK(reply.find("999") == std::string::npos);
  CHECK(reply.find("upgrade") == std::string::npos);
}
