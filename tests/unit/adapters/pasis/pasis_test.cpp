// SPDX-License-Identifier: GPL-2.0-or-later
// PASiS: the bridge with the PASiS profile (crm:scheduling 1.0, RIVTABP20)
// against the 1.0 simulator over mutual TLS, through both contract front-ends.
#include "adapters/pasis/pasis_profile.hpp"
#include "tests/unit/adapters/bridge/legacy_contract_suite.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters::bridge;
using namespace tidnav::adapters::bridge::test;

namespace {

const std::string prefix = "PAS";

bridge_world pasis_world() {
  return bridge_world(tidnav::adapters::pasis::pasis_profile(""), sim::sim_version::crm10, "tests/fixtures/pasis/seed.json",
                      prefix);
}

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

TEST_CASE("pasis: 2.0 books, rebooks and cancels; another person cannot cancel", "[pasis]") {
  auto w = pasis_world();
  suite_books_rebooks_cancels(w);
}

TEST_CASE("pasis: a time the person already holds, booked again, is USER_IS_ALREADY_OCCUPIED", "[pasis]") {
  auto w = pasis_world();
  suite_own_time_booked_again(w);
}

TEST_CASE("pasis: ids survive a restart of the adapter", "[pasis]") {
  auto w = pasis_world();
  suite_ids_survive_restart(w, prefix);
}

TEST_CASE("pasis: an unknown or expired timeslot id is no longer available", "[pasis]") {
  auto w = pasis_world();
  suite_expired_and_unknown_slots(w);
}

TEST_CASE("pasis: every 1.1 contract through the bridge to a 1.0 producer", "[pasis]") {
  auto w = pasis_world();
  suite_every_crm11_contract(w, prefix);
}

TEST_CASE("pasis: every 2.0 reading contract, and Confirm", "[pasis]") {
  auto w = pasis_world();
  suite_every_sched2_read(w, prefix);
}

TEST_CASE("pasis: each defect switch is read leniently and counted", "[pasis][defects]") {
  auto w = pasis_world();
  suite_defects(w);
}

TEST_CASE("pasis: producer faults and timeouts become the right 2.0 answer", "[pasis]") {
  auto w = pasis_world();
  suite_faults_and_timeouts(w, prefix);
}

TEST_CASE("pasis: a MakeBooking whose answer was lost is found, not repeated", "[pasis]") {
  auto w = pasis_world();
  suite_lost_answer_is_reconciled(w);
}

TEST_CASE("pasis: repeated writes are answered, not redone", "[pasis]") {
  auto w = pasis_world();
  suite_idempotent_retries(w);
}

TEST_CASE("pasis: reindex lists the person's future bookings", "[pasis]") {
  auto w = pasis_world();
  suite_reindex(w, prefix);
}
