// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Golden routing expectations, checked against a snapshot without sending a
// byte: "consumer X calling contract C at address A gets producer U (or fault
// VPnnn)". The `tidnav route-check` command runs these against a config.
//
//   - name: booking via the region's default route
//     consumer: SE2321000016-C0NS
//     contract: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
//     address: SE2321000016-ABC1
//     at: 2025-06-01T12:00:00Z        # optional; defaults to the run's "now"
//     expect: https://producer.example/crm   # or a fault code: VP004
//
// A case without `consumer` is a call without a sender id (VP002); `address:`
// left empty (null) is a call without a logical address (VP003).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/core/result.hpp"
#include "hub/core/route_decision.hpp"
#include "hub/core/routing_table.hpp"
#include "hub/core/vp_error.hpp"

namespace tidnav::core {

struct route_check_case {
  std::string name;
  std::optional<std::string> consumer;
  std::optional<std::string> contract;
  std::optional<std::string> address;
  std::optional<instant> at;
  std::optional<vp_code> expect_fault;  ///< set when `expect` is a VP code
  std::string expect_url;               ///< otherwise the producer URL
  int line = 0;
};

struct route_check_result {
  std::string name;
  int line = 0;
  bool passed = false;
  std::string expected;  ///< "VP004" or the URL
  std::string actual;    ///< "VP007" or the chosen URL
  std::string detail;    ///< the fault's detail text, when a fault came out
  route_traces traces;
};

struct route_check_report {
  std::vector<route_check_result> results;
  std::size_t passed = 0;
  std::size_t failed = 0;

  bool ok() const noexcept { return failed == 0; }
  /// One line per case ("PASS ..."/"FAIL ..." with traces for failures) and a summary.
  std::string to_text() const;
};

/// Parses a YAML list of cases (or a mapping with a `cases:` list). Reports
/// every bad case at once.
result<std::vector<route_check_case>, std::vector<std::string>> parse_route_check_cases(
    std::string_view yaml, std::string_view source_name = "<cases>");

route_check_result run_route_check(const routing_snapshot& snap, const route_check_case& c, instant now);

route_check_report run_route_checks(const routing_snapshot& snap, const std::vector<route_check_case>& cases,
                                    instant now);

}  // namespace tidnav::core
