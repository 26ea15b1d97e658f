// SPDX-License-Identifier: GPL-2.0-or-later
// Load runs over mutual TLS on 127.0.0.1 (port 0) against the fixed producer. Counted
// runs (--requests) keep them independent of machine speed; every wait is bounded.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "hub/net/http_server.hpp"
#include "tests/support/test_pki.hpp"
#include "tools/bench/fixed_producer.hpp"
#include "tools/bench/load_run.hpp"
#include "tools/bench/report.hpp"

using namespace tidnav;
using namespace tidnav::bench;
using namespace std::chrono_literals;

namespace {

producer_options producer_opts() {
  const auto& pki = test::shared_test_pki();
  producer_options p;
  p.cert = pki.server.cert_file.string();
  p.key = pki.server.key_file.string();
  p.ca = pki.ca.cert_file.string();
  return p;
}

net::tls_context_ptr client_tls(const pki::issued& cert = test::shared_test_pki().client) {
  net::client_tls_options t;
  t.ca_file = test::shared_test_pki().ca.cert_file;
  t.cert_file = cert.cert_file;
  t.key_file = cert.key_file;
  return net::make_client_tls_context(t);
}

load_options load_opts(std::uint16_t port) {
  load_options o;
  o.url = "https://127.0.0.1:" + std::to_string(port) + "/vp";
  o.body = "<Envelope/>";
  o.headers = {{"Content-Type", "text/xml; charset=UTF-8"}};
  o.tls = client_tls();
  o.timeout = 5s;
  return o;
}

run_result run_to_end(const load_options& o) {
  load_run run(o);
  run.start();
  REQUIRE(run.wait_for(30s));
  return run.result();
}

// A port on which nothing listens: bound (so nobody else gets it) but never listening.
class closed_port {
 public:
  closed_port() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    port_ = ntohs(a.sin_port);
  }
  ~closed_port() { ::close(fd_); }
  std::uint16_t port() const { return port_; }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace

TEST_CASE("closed loop completes the requested count over mutual TLS", "[bench][load]") {
  fixed_producer producer(producer_opts());
  producer.start();
  auto o = load_opts(producer.port());
  o.connections = 4;
  o.requests = 300;
  const auto r = run_to_end(o);
  CHECK(r.outcomes.total() == 300);
  CHECK(r.outcomes.ok() == 300);
  CHECK(r.outcomes.failed() == 0);
  CHECK(r.outcomes.latency.count() == 300);
  CHECK(r.outcomes.latency.max() > 0);
  CHECK(r.requests_per_second() > 0);
  // Exactly N keep-alive connections carry the whole run.
  CHECK(r.connections_opened == 4);
  CHECK(r.connections_reused == 300 - 4);
  CHECK(producer.stats().connections_accepted == 4);
  CHECK(producer.stats().requests == 300);
  CHECK(exit_status(r) == 0);
}

TEST_CASE("closed loop with fewer requests than connections sends only those", "[bench][load]") {
  fixed_producer producer(producer_opts());
  producer.start();
  auto o = load_opts(producer.port());
  o.connections = 8;
  o.requests = 3;
  const auto r = run_to_end(o);
  CHECK(r.outcomes.total() == 3);
  CHECK(producer.stats().requests == 3);
}

TEST_CASE("nothing listening: every request is a connect error, exit status 1", "[bench][load]") {
  closed_port port;
  auto o = load_opts(port.port());
  o.connections = 2;
  o.requests = 20;
  const auto r = run_to_end(o);
  CHECK(r.outcomes.total() == 20);
  CHECK(r.outcomes.ok() == 0);
  CHECK(r.outcomes.errors.at("connect") == 20);
  CHECK(exit_status(r) == 1);
  CHECK_THAT(format_table(o, r), Catch::Contains("connect: 20"));
}

TEST_CASE("a client certificate the producer does not trust is a TLS error", "[bench][load]") {
  fixed_producer producer(producer_opts());
  producer.start();
  auto o = load_opts(producer.port());
  o.tls = client_tls(test::shared_test_pki().client_rogue);
  o.connections = 2;
  o.requests = 4;
  const auto r = run_to_end(o);
  CHECK(r.outcomes.total() == 4);
  CHECK(r.outcomes.errors.at("tls") == 4);
}

TEST_CASE("HTTP errors and SOAP faults are counted by kind", "[bench][load]") {
  std::atomic<int> n{0};
  net::server_options so;
  so.listen = {{"127.0.0.1", 0, true}};
  const auto& pki = test::shared_test_pki();
  so.tls = net::make_server_tls_context({pki.ca.cert_file, pki.server.cert_file, pki.server.key_file});
  so.io_threads = 1;
  so.log = net::null_log_sink();
  net::http_server server(std::move(so), [&n](net::request_context, net::responder respond) {
    switch (n++ % 3) {
      case 0: respond(503, {}, "busy"); break;
      case 1: respond(500, {}, "<s:Envelope xmlns:s='e'><s:Body><s:Fault/></s:Body></s:Envelope>"); break;
      default: respond(200, {}, "<s:Envelope xmlns:s='e'><s:Body><ok/></s:Body></s:Envelope>"); break;
    }
  });
  server.start();
  auto o = load_opts(server.port());
  o.connections = 1;  // one connection: the answers come in the order above
  o.requests = 9;
  const auto r = run_to_end(o);
  server.stop(2s);
  CHECK(r.outcomes.total() == 9);
  CHECK(r.outcomes.ok() == 3);
  CHECK(r.outcomes.errors.at("http 503") == 3);
  CHECK(r.outcomes.errors.at("soap fault (http 500)") == 3);
}

TEST_CASE("open loop sends the planned count on schedule", "[bench][load]") {
  fixed_producer producer(producer_opts());
  producer.start();
  auto o = load_opts(producer.port());
  o.connections = 4;
  o.rate = 200;

  SECTION("counted: --requests") {
    o.requests = 50;
    const auto r = run_to_end(o);
    CHECK(r.outcomes.total() == 50);
    CHECK(r.outcomes.failed() == 0);
    // The 50th request is due 49/200 s after the start and never leaves earlier.
    CHECK(r.elapsed >= 245ms);
    CHECK(r.connections_opened <= 4);
  }
  SECTION("timed: rate x duration") {
    o.duration = 500ms;
    const auto r = run_to_end(o);
    // Due times are i/200 s for i = 0..99: the schedule, not the machine, sets the count.
    CHECK(r.outcomes.total() == 100);
    CHECK(r.outcomes.failed() == 0);
  }
  SECTION("warm-up requests are sent but not recorded") {
    o.warmup = 100ms;
    o.requests = 20;
    const auto r = run_to_end(o);
    CHECK(r.outcomes.total() == 20);
    CHECK(producer.stats().requests == 40);  // 20 due during the warm-up, then 20
  }
}

TEST_CASE("open loop latency includes the wait for a free connection", "[bench][load]") {
  auto p = producer_opts();
  p.delay = 50ms;
  fixed_producer producer(p);
  producer.start();
  auto o = load_opts(producer.port());
  o.connections = 1;
  o.rate = 1000;  // every request after the first is due while the only connection is busy
  o.requests = 4;
  const auto r = run_to_end(o);
  CHECK(r.outcomes.total() == 4);
  CHECK(r.waited_for_connection == 3);
  // The 4th was due ~3 ms after the start but could only be sent after three 50 ms answers.
  CHECK(r.outcomes.latency.max() >= 150'000'000);
  CHECK(r.outcomes.latency.min() >= 50'000'000);
}

TEST_CASE("stop() ends a long run early and marks it interrupted", "[bench][load]") {
  fixed_producer producer(producer_opts());
  producer.start();
  auto o = load_opts(producer.port());
  o.connections = 2;
  o.duration = 60s;
  load_run run(o);
  run.start();
  std::this_thread::sleep_for(100ms);
  run.stop();
  REQUIRE(run.wait_for(10s));
  const auto r = run.result();
  CHECK(r.interrupted);
  CHECK(exit_status(r) == 1);
}
