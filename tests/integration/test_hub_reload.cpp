// SPDX-License-Identifier: GPL-2.0-or-later
// Reloading routing data while calls are in flight: calls finish on the
// snapshot they started with, later calls use the new one, and a failed
// reload keeps the old snapshot and reports every error.
#include <catch2/catch.hpp>

#include <future>

#include "tests/integration/hub_world.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

// Answers after `delay`, off the producer's io threads.
recording_producer::reply_fn slow_answer(std::string name, std::chrono::milliseconds delay) {
  return [name, delay](const net::request_context& req, net::responder r) {
    std::thread([name, delay, r] {
      std::this_thread::sleep_for(delay);
      answer_ok(name)(net::request_context{}, r);
    }).detach();
  };
}

}  // namespace

TEST_CASE("hub: reload while calls are in flight", "[integration][hub][reload]") {
  recording_producer a{true, slow_answer("A", 400ms)};
  recording_producer b{true, answer_ok("B")};
  hub_world w({tak_file(tak_route("r1", "SE-UNIT", a.url()) + tak_permission("p1", "SE-UNIT")), {}});

  constexpr int in_flight = 6;
  std::vector<std::future<net::client_result>> calls;
  for (int i = 0; i < in_flight; ++i) {
    calls.push_back(std::async(std::launch::async, [&w] {
      net::client_options o;
      o.tls = client_ctx();
      o.io_threads = 1;
      o.request_timeout = 10s;
      o.log = net::null_log_sink();
      net::http_client c(o);
      return c.request(net::make_post(w.https_url(), envelope21("SE-UNIT")));
    }));
  }
  REQUIRE(eventually([&] { return a.count() == in_flight; }, 5s));

  w.write_tak(tak_file(tak_route("r1", "SE-UNIT", b.url()) + tak_permission("p1", "SE-UNIT")));
  auto reload = w.admin("POST", "/admin/reload");
  REQUIRE(reload.ok());
  CHECK(reload.status == 200);

  for (auto& c : calls) {
    auto r = c.get();
    REQUIRE(r.ok());
    CHECK(r.status == 200);
    CHECK(r.body.find("from=\"A\"") != std::string::npos);
  }
  auto after = w.call(envelope21("SE-UNIT"));
  REQUIRE(after.ok());
  CHECK(after.body.find("from=\"B\"") != std::string::npos);
  CHECK(w.hub().current()->generation == 2);
}

TEST_CASE("hub: a failed reload keeps the old snapshot and lists every error", "[integration][hub][reload]") {
  recording_producer a{true};
  hub_world w({tak_file(tak_route("r1", "SE-UNIT", a.url()) + tak_permission("p1", "SE-UNIT")), {}});
  w.write_tak("<persistentCache><broken");
  auto reload = w.admin("POST", "/admin/reload");
  REQUIRE(reload.ok());
  CHECK(reload.status == 500);
  CHECK(reload.body.find("previous routing snapshot stays in use") != std::string::npos);
  CHECK(reload.body.find("tak") != std::string::npos);

  auto r = w.call(envelope21("SE-UNIT"));
  REQUIRE(r.ok());
  CHECK(r.status == 200);
  CHECK(w.hub().current()->generation == 1);
  CHECK(w.admin("GET", "/health/ready").status == 200);
}

TEST_CASE("hub: GET /resetcache answers like the platform", "[integration][hub][reload]") {
  recording_producer a{true};
  hub_world w({tak_file(tak_route("r1", "SE-UNIT", a.url()) + tak_permission("p1", "SE-UNIT")), {}});
  auto r = w.admin("GET", "/resetcache");
  REQUIRE(r.ok());
  CHECK(r.status == 200);
  CHECK(r.body.find("<br>Init TAK cache loaded number of virtualizations: 1") != std::string::npos);
  CHECK(r.body.find("<br>Init done, was successful: true") != std::string::npos);
  auto hsa = w.admin("GET", "/resethsacache");
  REQUIRE(hsa.ok());
  CHECK(hsa.body.find("Successfully reset HSA cache") != std::string::npos);
}
