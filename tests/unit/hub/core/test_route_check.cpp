// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/core/route_check.hpp"
#include "routing_world.hpp"

using namespace tidnav::core;
using namespace world;

TEST_CASE("route-check cases run against a snapshot", "[unit][route_check]") {
  const char* yaml = R"(
- name: direct
  consumer: SE2321000016-C001
  contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
  address: SE2321000016-ABC1
  expect: https://direct.example/abc1
- name: not authorised
  consumer: SE2321000016-C001
  contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
  address: SE2321000016-VC02
  expect: VP007
- name: no sender
  contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
  address: SE2321000016-ABC1
  expect: VP002
- name: no address
  consumer: SE2321000016-C001
  contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
  address:
  expect: VP003
- name: old route, evaluated in the past
  consumer: SE2321000016-C002
  contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
  address: SE2321000016-TIME
  at: 2024-03-01T00:00:00Z
  expect: https://time.example/old
- name: wrong expectation
  consumer: SE2321000016-C002
  contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
  address: SE2321000016-MOTT1
  expect: https://region.example/cs
)";
  const auto cases = parse_route_check_cases(yaml, "cases.yaml");
  REQUIRE(cases);
  REQUIRE(cases->size() == 6);
  CHECK(cases->at(1).expect_fault == vp_code::vp007);
  CHECK_FALSE(cases->at(2).consumer.has_value());
  CHECK_FALSE(cases->at(3).address.has_value());
  CHECK(cases->at(4).at.has_value());

  const auto report = run_route_checks(*snapshot(), *cases, now);
  CHECK(report.passed == 5);
  CHECK(report.failed == 1);
  CHECK_FALSE(report.ok());
  const auto& wrong = report.results[5];
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.expected == "https://region.example/cs");
  CHECK(wrong.actual == "https://vc01.example/cs");
  CHECK(wrong.line == 27);
  CHECK(report.results[1].detail ==
        "Authorization missing for serviceNamespace: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1, "
        "receiverId: SE2321000016-VC02, senderId: SE2321000016-C001");

  const std::string text = report.to_text();
  CHECK_THAT(text, Catch::Contains("PASS  direct (line 2)\n"));
  CHECK_THAT(text, Catch::Contains("FAIL  wrong expectation (line 27): expected https://region.example/cs, got "
                                   "https://vc01.example/cs\n"
                                   "      routing trace: SE2321000016-MOTT1,(parent),SE2321000016-VC01\n"
                                   "      authorization trace: SE2321000016-MOTT1,(default),*\n"));
  CHECK_THAT(text, Catch::EndsWith("5 passed, 1 failed\n"));
}

TEST_CASE("route-check case files: every problem reported", "[unit][route_check]") {
  const char* yaml = R"(cases:
  - consumer: a
    expect: VP099
  - contract: urn:x
    colour: red
    expect: https://x/
  - at: yesterday
    expect: VP004
  - consumer: b
  - [not, a, mapping]
)";
  const auto r = parse_route_check_cases(yaml, "c.yaml");
  REQUIRE_FALSE(r);
  const std::vector<std::string> want = {
      "c.yaml:3: unknown fault code 'VP099'",
      "c.yaml:5: unknown key 'colour'",
      "c.yaml:7: 'at' is not a date-time: 'yesterday'",
      "c.yaml:9: 'expect' (a producer URL or a VP code) is required",
      "c.yaml:10: case 5 is not a mapping",
  };
  CHECK(r.error() == want);
  CHECK_FALSE(parse_route_check_cases("just a string"));
}
