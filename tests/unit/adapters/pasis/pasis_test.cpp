// SPDX-License-Identifier: GPL-2.0-or-later
// PASiS: the bridge with the PASiS profile (crm:scheduling 1.0, RIVTABP20)
// against the 1.0 simulator over mutual TLS, through both contract front-ends.
// Every case of the contract suite (legacy_contract_cases.hpp) runs as "pasis: ...".
#include "adapters/pasis/pasis_profile.hpp"
#include "tests/unit/adapters/bridge/legacy_contract_cases.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters::bridge;
using namespace tidnav::adapters::bridge::test;

namespace {

const std::string prefix = "PAS";

bridge_world pasis_world() {
  return bridge_world(tidnav::adapters::pasis::pasis_profile(""), sim::sim_version::crm10, "tests/fixtures/pasis/seed.json",
                      prefix);
}

[[maybe_unused]] const bool registered = register_legacy_cases({"pasis", prefix, "1.0", pasis_world});

}  // namespace

TEST_CASE("pasis: requests go out as 1.0 (wsa:To, no Actor, no names)", "[pasis]") {
  auto w = pasis_world();
  suite_lists_bookings(w, prefix);
  const std::string sent = w.simulator->last_request();
  CHECK(sent.find("http://www.w3.org/2005/08/addressing") != std::string::npos);
  CHECK(sent.find(w.unit1) != std::string::npos);
  CHECK(sent.find("LogicalAddress") == std::string::npos);
  CHECK(sent.find("Actor") == std::string::npos);
  suite_books_rebooks_cancels(w);
  CHECK(w.simulator->last_request().find("firstName") == std::string::npos);
}
