// SPDX-License-Identifier: GPL-2.0-or-later
// Hidden micro-benchmark (run with: test_hub_net "[.bench]"): per-request latency of one
// producer call over mutual TLS, pooled versus a fresh connection each time. Numbers go
// to stderr; nothing is asserted about them.
#include <catch2/catch.hpp>

#include <iostream>

#include "tests/unit/hub/net/net_test_util.hpp"

using namespace tidnav;
using namespace tidnav::test;

TEST_CASE("bench: mTLS round trip, keep-alive vs new connection", "[.bench]") {
  capture_log log;
  net::http_server server(tls_server_options(log), echo_handler());
  server.start();
  net::http_client client(client_options(log));
  const auto url = https_url(server.port());
  const std::string body(2000, 'x');  // a typical small SOAP request
  constexpr int n = 200;
  for (const bool fresh : {false, true}) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
      if (fresh) client.close_idle();
      REQUIRE(client.request(net::make_post(url, body)).ok());
    }
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    std::cerr << (fresh ? "new connection" : "keep-alive") << ": " << us / n << " us per request\n";
  }
}
