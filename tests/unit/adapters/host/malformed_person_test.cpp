// SPDX-License-Identifier: GPL-2.0-or-later
// A malformed personnummer through a whole adapter in front of the memory
// system: what `tidnav sim demo` must answer too (tests/unit/adapters/
// demo_producer_test.cpp) and what `tidnav conform` checks (errors.malformed).
#include "adapters/host/net/adapter_host.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "host_test_support.hpp"
#include "hub/net/http_client.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav;
using namespace tidnav::adapters::host;
using namespace tidnav::adapters::host::test;

TEST_CASE("adapter-host: the memory system's adapter refuses a malformed personnummer per contract",
          "[adapters][host][served][person]") {
  const std::string bad = GENERATE(std::string("19121212-ABC"), std::string("191212121213"));
  INFO(bad);
  const auto dir = scratch_dir("malformed-person");
  auto cfg = load_adapter_config(write_memory_config(dir, ""), builtin_systems());
  REQUIRE(cfg);
  adapter_host host(cfg.value(), [](const std::string&) {});
  host.start();
  net::client_options o;
  o.tls = consumer_tls();
  o.io_threads = 1;
  o.log = [](std::string_view) {};
  net::http_client client(o);
  auto call = [&](const std::string& envelope) {
    return client.request(net::make_post("https://127.0.0.1:" + std::to_string(host.port()) + "/", envelope,
                                         {{"Content-Type", "text/xml; charset=UTF-8"}}));
  };
  using namespace tidnav::adapters::test;

  auto schedule = call(crm11_request("GetSubjectOfCareSchedule", {{"healthcare_facility", asa}, {"subject_of_care", bad}}));
  REQUIRE(schedule.ok());
  INFO(schedule.body);
  CHECK(schedule.status == 500);
  CHECK(schedule.body.find("Client") != std::string::npos);

  auto list = call(sched2_request("GetAppointments", concat({actor(), person(bad)})));
  REQUIRE(list.ok());
  INFO(list.body);
  CHECK(list.status == 500);
  CHECK(list.body.find("Client") != std::string::npos);
  host.stop();
}
