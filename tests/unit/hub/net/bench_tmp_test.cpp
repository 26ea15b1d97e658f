// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>
#include <iostream>
#include "tests/unit/hub/net/net_test_util.hpp"
using namespace tidnav;
using namespace tidnav::test;
TEST_CASE("bench: sequential keep-alive", "[.bench]") {
  capture_log log;
  net::http_server server(tls_server_options(log), echo_handler());
  server.start();
  net::http_client client(client_options(log));
  const auto url = https_url(server.port());
  for (int mode = 0; mode < 2; ++mode) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 200; ++i) {
      if (mode == 1) client.close_idle();
      REQUIRE(client.request(net::make_post(url, std::string(2000, 'x'))).ok());
    }
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    std::cerr << (mode ? "new conn" : "keepalive") << " per request us: " << us / 200 << "\n";
  }
}
