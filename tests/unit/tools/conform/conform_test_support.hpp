// SPDX-License-Identifier: GPL-2.0-or-later
// A real producer for the conformance kit's tests: the 2.0 or 1.1 front-end in
// front of any booking_system, behind the defect decorator and the response
// mutator, served over mutual TLS on 127.0.0.1 (port 0) with the test PKI.
// Also a memory booking system seeded relative to the real clock, because the
// kit judges "past" and "future" by the clock of the machine it runs on.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/id_directory.hpp"
#include "adapters/core/idempotency_store.hpp"
#include "adapters/core/memory_booking_system.hpp"
#include "adapters/core/unit_table.hpp"
#include "adapters/defects/defect_switches.hpp"
#include "adapters/defects/defective_booking_system.hpp"
#include "tools/conform/conform_options.hpp"
#include "tools/conform/report_model.hpp"

#include <memory>
#include <string>
#include <vector>

namespace tidnav::conform::test {

inline const std::string unit_hsa = "SE2321000016-ABC1";
inline const std::string tolvan = "191212121212";
inline const std::string other_person = "198112189876";

// VC-ASA: time type LAK30 (cancel and rebook allowed), free times on days 3..9
// from today at 09:00, 10:00 and 13:00 local time; Tolvan has a booking on day 12
// and a timed invitation (with a purpose) on day 13.
inline constexpr std::size_t seeded_bookings = 2;
adapters::memory_seed future_seed();
adapters::unit_table single_unit(const std::string& hsa_id, const std::string& native_id);

class test_producer {
 public:
  // `system` and `units` must outlive the producer.
  test_producer(adapters::booking_system& system, const adapters::unit_table& units, contract_family family);
  ~test_producer();
  test_producer(const test_producer&) = delete;
  test_producer& operator=(const test_producer&) = delete;

  std::string url() const;
  // From now on `operation` gets the Client fault of a producer that does not offer it.
  void refuse(const std::string& operation);
  adapters::defects::defect_switches& defects() { return switches_; }
  adapters::defects::defective_booking_system& decorated() { return *decorated_; }

 private:
  struct impl;
  adapters::defects::defect_switches switches_;
  std::unique_ptr<adapters::defects::defective_booking_system> decorated_;
  std::unique_ptr<impl> impl_;
};

// Options for a run against `url` with the test PKI's client certificate.
conform_options options_for(const std::string& url, contract_family family, const std::string& address = unit_hsa);

// Runs the kit over mutual TLS (hub/net client) and returns its report.
run_report run_kit(const conform_options& options);

const check_result* find_check(const run_report& r, const std::string& id);
verdict verdict_of(const run_report& r, const std::string& id);
std::vector<std::string> failed_ids(const run_report& r);
// The summary table, for INFO() when a test fails.
std::string summary_of(const run_report& r);

}  // namespace tidnav::conform::test
