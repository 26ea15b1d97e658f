// SPDX-License-Identifier: GPL-2.0-or-later
// http_client: pooling, the single safe retry, and how failures are reported.
#include <catch2/catch.hpp>

#include "tests/support/fake_producer.hpp"
#include "tests/support/raw_socket.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

using namespace tidnav;
using namespace tidnav::test;

TEST_CASE("client: keep-alive reuses one TLS connection", "[client]") {
  capture_log log;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> seen;  // connection id, request index
  std::mutex mu;
  net::http_server server(tls_server_options(log), [&](net::request_context req, net::responder respond) {
    {
      const std::lock_guard lock(mu);
      seen.emplace_back(req.connection_id, req.request_index);
    }
    respond(200, {}, "ok");
  });
  server.start();
  net::http_client client(client_options(log));
  const auto url = https_url(server.port());

  const auto first = client.request(net::make_post(url, "1"));
  const auto second = client.request(net::make_post(url, "2"));
  const auto third = client.request(net::make_post(url, "3"));
  REQUIRE((first.ok() && second.ok() && third.ok()));
  CHECK_FALSE(first.reused_connection);
  CHECK(second.reused_connection);
  CHECK(third.reused_connection);
  CHECK(client.stats().connections_opened.load() == 1);
  CHECK(client.stats().connections_reused.load() == 2);
  CHECK(client.stats().tls_handshakes.load() == 1);
  CHECK(client.idle_connections() == 1);
  const std::lock_guard lock(mu);
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].first == seen[2].first);
  CHECK(seen[2].second == 2);
}

TEST_CASE("client: connect refused is flagged 'no bytes sent' and retried once", "[client]") {
  capture_log log;
  net::http_client client(client_options(log));
  const auto r = client.request(net::make_post(http_url(unused_port()), "x"));
  CHECK(r.error == net::client_errc::connect_failed);
  CHECK_FALSE(r.request_bytes_sent);
  CHECK(r.attempts == 2);
  CHECK(client.stats().failures_connect.load() == 2);
  CHECK(client.stats().retries.load() == 1);
  CHECK(log.has("producer_retry"));
  CHECK(log.has("producer_call_failed"));

  SECTION("no retry when disabled") {
    auto o = client_options(log);
    o.retry_on_connect_failure = false;
    net::http_client no_retry(o);
    CHECK(no_retry.request(net::make_post(http_url(unused_port()), "x")).attempts == 1);
  }
}

TEST_CASE("client: producer closing mid-response is flagged 'bytes sent', not retried", "[client]") {
  fake_producer producer([](raw_socket& c, const std::atomic<bool>&) {
    c.read_http_message(2s);
    c.send_all("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<partial");
  });  // the connection closes when the script returns
  capture_log log;
  net::http_client client(client_options(log));
  const auto r = client.request(net::make_post(producer.url("/svc"), "<req/>"));
  CHECK(r.error == net::client_errc::read_failed);
  CHECK(r.request_bytes_sent);
  CHECK(r.attempts == 1);
  CHECK(client.stats().retries.load() == 0);
  CHECK(client.stats().failures_read.load() == 1);
  CHECK(producer.connections() == 1);
}

TEST_CASE("client: a producer that never answers hits the call deadline", "[client]") {
  fake_producer producer([](raw_socket& c, const std::atomic<bool>& stopping) {
    c.read_http_message(2s);
    while (!stopping) std::this_thread::sleep_for(10ms);
  });
  capture_log log;
  net::http_client client(client_options(log));
  const auto start = std::chrono::steady_clock::now();
  auto req = net::make_post(producer.url(), "x");
  req.timeout = 300ms;
  const auto r = client.request(req);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(r.error == net::client_errc::timeout);
  CHECK(r.request_bytes_sent);
  CHECK(r.attempts == 1);
  CHECK(took >= 280ms);
  CHECK(took < 1500ms);
}

TEST_CASE("client: a pooled connection the producer closed is discarded before use", "[client]") {
  // Answers one request per connection with keep-alive, then closes anyway: exactly what a
  // producer with a short keep-alive timeout does to an idle pooled connection.
  fake_producer producer([](raw_socket& c, const std::atomic<bool>&) {
    c.read_http_message(2s);
    c.send_all(http_response(200, "<ok/>"));
  });
  capture_log log;
  net::http_client client(client_options(log));
  REQUIRE(client.request(net::make_post(producer.url(), "1")).ok());
  REQUIRE(eventually([&] { return producer.connections() == 1; }));
  std::this_thread::sleep_for(50ms);  // let the FIN arrive
  const auto r = client.request(net::make_post(producer.url(), "2"));
  REQUIRE(r.ok());
  CHECK_FALSE(r.reused_connection);
  CHECK(r.attempts == 1);
  CHECK(client.stats().stale_discarded.load() == 1);
  CHECK(client.stats().connections_opened.load() == 2);
}

TEST_CASE("client: interim 100 Continue from a producer is skipped", "[client]") {
  fake_producer producer([](raw_socket& c, const std::atomic<bool>&) {
    c.read_http_message(2s);
    c.send_all("HTTP/1.1 100 Continue\r\n\r\n" + http_response(200, "<done/>"));
  });
  capture_log log;
  net::http_client client(client_options(log));
  const auto r = client.request(net::make_post(producer.url(), "x"));
  REQUIRE(r.ok());
  CHECK(r.status == 200);
  CHECK(r.body == "<done/>");
}

TEST_CASE("client: response body limit", "[client]") {
  fake_producer producer([](raw_socket& c, const std::atomic<bool>&) {
    c.read_http_message(2s);
    c.send_all(http_response(200, std::string(4096, 'r')));
  });
  capture_log log;
  auto o = client_options(log);
  o.response_body_limit = 1024;
  net::http_client client(o);
  const auto r = client.request(net::make_post(producer.url(), "x"));
  CHECK(r.error == net::client_errc::response_too_large);
  CHECK(client.stats().failures_response_too_large.load() == 1);
}

TEST_CASE("client: a close-delimited response is read and not pooled", "[client]") {
  fake_producer producer([](raw_socket& c, const std::atomic<bool>&) {
    c.read_http_message(2s);
    c.send_all("HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n<soap:Fault/>");
  });
  capture_log log;
  net::http_client client(client_options(log));
  const auto r = client.request(net::make_post(producer.url(), "x"));
  REQUIRE(r.ok());  // an HTTP answer, whatever its status, is not a transport error
  CHECK(r.status == 500);
  CHECK(r.body == "<soap:Fault/>");
  CHECK(client.idle_connections() == 0);
}

TEST_CASE("client: request framing and headers", "[client]") {
  std::mutex mu;
  std::string seen;
  fake_producer producer([&](raw_socket& c, const std::atomic<bool>&) {
    auto msg = c.read_http_message(2s);
    {
      const std::lock_guard lock(mu);
      seen = std::move(msg);
    }
    c.send_all(http_response(200, ""));
  });
  capture_log log;
  auto o = client_options(log);
  o.user_agent = "tidnav-test";
  net::http_client client(o);
  const auto r = client.request(net::make_post(
      producer.url("/p?x=1"), "<body/>", {{"SOAPAction", "\"urn:a\""}, {"Content-Length", "1"}, {"Host", "evil"}}));
  REQUIRE(r.ok());
  const std::lock_guard lock(mu);
  CHECK(seen.rfind("POST /p?x=1 HTTP/1.1\r\n", 0) == 0);
  CHECK(seen.find("Host: 127.0.0.1:" + std::to_string(producer.port()) + "\r\n") != std::string::npos);
  CHECK(seen.find("SOAPAction: \"urn:a\"\r\n") != std::string::npos);
  CHECK(seen.find("Content-Length: 7\r\n") != std::string::npos);
  CHECK(seen.find("User-Agent: tidnav-test\r\n") != std::string::npos);
  CHECK(seen.find("evil") == std::string::npos);
}

TEST_CASE("client: an invalid URL fails without touching the network", "[client]") {
  capture_log log;
  net::http_client client(client_options(log));
  const auto r = client.request(net::make_post("ftp://nope/", ""));
  CHECK(r.error == net::client_errc::invalid_url);
  CHECK(r.attempts == 0);
  CHECK(client.stats().connections_opened.load() == 0);
}
