// SPDX-License-Identifier: GPL-2.0-or-later
// Reading answers in the journey: aggregated lists, ProcessingStatus, faults.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tools/sandbox/journey.hpp"
#include "tools/sandbox/soap_call.hpp"

using namespace tidnav::sandbox;

namespace {

std::string fixture(const std::string& path) {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/" + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("sandbox journey: an aggregated GetAppointments answer is read with its ProcessingStatus",
          "[sandbox][journey]") {
  const auto v = read_aggregated_appointments(fixture("scheduling-2.0/GetAppointments-response-aggregated.xml"));
  REQUIRE(v.appointments.size() == 4);
  CHECK(v.appointments[0] == std::pair<std::string, std::string>{"SE2321000016-ABC1", "95de473c-5441-42db-8434-11f428f3a111"});
  CHECK(v.appointments[3].first == "SE2321000016-K3M8");
  REQUIRE(!v.processing.empty());
  for (const auto& [unit, code] : v.processing) {
    CHECK(!unit.empty());
    CHECK(!code.empty());
  }
}

TEST_CASE("sandbox journey: values and elements by local name", "[sandbox][journey]") {
  const std::string xml = "<a:x xmlns:a='urn:a'><a:item><a:id>1</a:id></a:item><item><id>2</id></item></a:x>";
  CHECK(values_of(xml, "id") == std::vector<std::string>{"1", "2"});
  CHECK(value_of(xml, "missing").empty());
  const auto items = elements_of(xml, "item");
  REQUIRE(items.size() == 2);
  CHECK(value_of(items[1], "id") == "2");
  CHECK(values_of("not xml <", "id").empty());
}

TEST_CASE("sandbox journey: a failed call says why in one line", "[sandbox][journey]") {
  call_reply r;
  r.transport_error = "connection refused";
  CHECK(!r.ok());
  CHECK(r.problem() == "no answer: connection refused");
  call_reply f;
  f.http_status = 500;
  f.fault_code = "soap:Server";
  f.fault_string = "VP007 Authorization missing";
  CHECK(f.problem().find("VP007") != std::string::npos);
  call_reply good;
  good.http_status = 200;
  CHECK(good.ok());
}
