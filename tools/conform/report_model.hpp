// SPDX-License-Identifier: GPL-2.0-or-later
// What a conformance run found: one result per check, with the calls behind a
// failure so a person (HTML), a CI server (JUnit) and a terminal (summary
// table) can all show the request, the response and what was expected.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::conform {

enum class verdict { pass, fail, skip };
std::string_view verdict_name(verdict v);  // "PASS", "FAIL", "SKIP"

// One call to the producer, as sent and as answered.
struct exchange {
  std::string contract;  // "GetAppointments", "PingForConfiguration", "(malformed)"
  std::string purpose;   // why the kit made it: "list the person's bookings"
  std::string request;   // the envelope sent
  unsigned http_status = 0;
  std::string response;         // as received
  std::string transport_error;  // no HTTP answer: why
  double elapsed_ms = 0;
};

struct check_result {
  std::string id;     // "make.double-booking"
  std::string title;  // one line, what is checked
  std::string rule;   // the contract and TKB section or field rule it checks
  verdict outcome = verdict::skip;
  std::string evidence;  // what was seen (why skipped, when skipped)
  std::string expected;  // on failure: what the rule wanted
  std::vector<exchange> exchanges;  // on failure: the calls that show it
};

struct run_report {
  std::string tool_version;
  std::string url;
  std::string logical_address;
  std::string family;  // "2.0" | "1.1"
  std::string person;
  std::string started_at;  // ISO 8601, local time of the machine running the kit
  double seconds = 0;
  std::size_t calls = 0;  // requests sent
  std::vector<check_result> checks;
  std::vector<std::string> notes;   // the search window, what was cleaned up
  std::vector<std::string> errors;  // the kit could not do its job (no answer at all, a kit bug)

  std::size_t count(verdict v) const;
  bool passed() const { return count(verdict::fail) == 0 && errors.empty(); }
};

}  // namespace tidnav::conform
