// SPDX-License-Identifier: GPL-2.0-or-later
// The kit against the PASiS (crm:scheduling 1.0) and PMO (1.1) adapters: the
// bridge booking system with each profile, talking to its legacy simulator
// over mutual TLS, wired as adapters/bridge's own tests wire it. The
// simulators' free times lie in March 2031, so the kit searches there.
#include "adapters/pasis/pasis_profile.hpp"
#include "adapters/pmo/pmo_profile.hpp"
#include "conform_test_support.hpp"
#include "tests/unit/adapters/bridge/bridge_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav;
using namespace tidnav::conform;
using namespace tidnav::conform::test;
namespace bridge = tidnav::adapters::bridge;

namespace {

bridge::legacy_profile pmo_configured() {
  auto p = adapters::pmo::pmo_profile("");
  p.unknown_first_name = "Okänt";
  p.unknown_last_name = "Okänt";
  p.anonymous_subject_of_care = "191212121212";
  p.service_actor = bridge::legacy_actor{"SE2321000016-TNAV", "subject_of_care_agent"};
  return p;
}

void expect_clean(bridge::test::bridge_world& w, contract_family family) {
  test_producer producer(*w.system, w.units, family);
  auto options = options_for(producer.url(), family, w.unit1);
  options.from = "20310310";
  options.days = 4;
  const auto report = run_kit(options);
  INFO(summary_of(report));
  CHECK(report.errors.empty());
  for (const char* id : {"make.slot-taken", "make.in-list", "make.read-back", "update.moves", "cancel.frees-slot",
                         "cancel.twice", "errors.business-not-fault", "kit.cleanup"}) {
    INFO(id);
    CHECK(verdict_of(report, id) == verdict::pass);
  }
  // Also 2.0's make.double-booking: the legacy producer says only "the time can
  // no longer be booked", and the bridge finds the test person's own booking at
  // that time (USER_IS_ALREADY_OCCUPIED, which the kit accepts).
  CHECK(failed_ids(report).empty());
  CHECK(verdict_of(report, "make.double-booking") == verdict::pass);
}

}  // namespace

TEST_CASE("conform: PASiS adapter (bridge to a 1.0 producer): 2.0 and 1.1 pass every check",
          "[conform][pasis]") {
  for (auto family : {contract_family::sched2, contract_family::crm11}) {
    bridge::test::bridge_world w(adapters::pasis::pasis_profile(""), bridge::sim::sim_version::crm10,
                                 "tests/fixtures/pasis/seed.json", "PAS");
    expect_clean(w, family);
  }
}

TEST_CASE("conform: PMO adapter (bridge to a 1.1 producer): 2.0 and 1.1 pass every check",
          "[conform][pmo]") {
  for (auto family : {contract_family::sched2, contract_family::crm11}) {
    bridge::test::bridge_world w(pmo_configured(), bridge::sim::sim_version::crm11, "tests/fixtures/pmo/seed.json",
                                 "PMO");
    expect_clean(w, family);
  }
}
