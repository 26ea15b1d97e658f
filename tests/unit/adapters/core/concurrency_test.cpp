// SPDX-License-Identifier: GPL-2.0-or-later
// Twenty citizens (through twenty consumers) go for the same free time at once:
// exactly one gets it, every other one is told it is taken.
#include "adapter_test_support.hpp"
#include "adapters/core/name_uuid.hpp"
#include "adapters/core/person_number.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;

namespace {

// The i-th of a run of valid test personnummer born 1 January 1985.
std::string person_number(int i) {
  const std::string base = "19850101" + std::to_string(200 + i);  // i < 100: three digits
  for (char check = '0'; check <= '9'; ++check) {
    const std::string candidate = base + check;
    if (check_person_number(candidate)) return candidate;
  }
  FAIL("no check digit");
  return {};
}

std::vector<producer_reply> race(const std::vector<std::string>& requests,
                                 const std::function<producer_reply(const std::string&, const std::string&)>& send) {
  std::vector<producer_reply> replies(requests.size());
  std::vector<std::thread> threads;
  std::atomic<int> ready{0};
  for (std::size_t i = 0; i < requests.size(); ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < static_cast<int>(requests.size())) std::this_thread::yield();
      replies[i] = send(requests[i], "SE2321000016-CONS" + std::to_string(i));
    });
  }
  for (auto& t : threads) t.join();
  return replies;
}

}  // namespace

TEST_CASE("adapter-core: 20 threads book the same free time in 2.0: one OK, 19 REQUESTED_TIME_IS_ALREADY_RESERVED", "[adapters][race]") {
  std::string error;
  idempotency_options options;
  auto store = idempotency_store::open(scratch_file("race20"), options, error);
  REQUIRE(store);
  world w;
  w.store = store.get();
  REQUIRE(w.sched2(sched2_request("GetAvailableTimeslots",
                                  {{"startDateInclusive", "20310312"}, {"endDateInclusive", "20310312"}}))
              .http_status == 200);
  const std::string slot = contract_id(native_id_kind::timeslot, "VC-ASA", "S-103");
  std::vector<std::string> requests;
  for (int i = 0; i < 20; ++i) {
    const std::string pnr = person_number(i);
    requests.push_back(sched2_request("MakeAppointment", concat({actor(pnr), person(pnr), {{"timeslotId", slot}}})));
  }
  const auto replies = race(requests, [&](const std::string& r, const std::string& consumer) {
    return w.sched2(r, consumer);
  });
  int booked = 0, reserved = 0;
  for (const auto& r : replies) {
    REQUIRE(r.http_status == 200);
    const std::string code = first_text(r.body, "resultCode");
    booked += code == "OK";
    reserved += code == "REQUESTED_TIME_IS_ALREADY_RESERVED";
  }
  CHECK(booked == 1);
  CHECK(reserved == 19);
  CHECK(w.system.bookings_made() == 1);
  CHECK(w.system.bookings_on_slot("S-103") == 1);
  for (const auto& r : replies) CHECK(schema_issues(r.body, tidnav::contracts::family::sched2).empty());
}

TEST_CASE("adapter-core: 20 threads book the same free time in 1.1: one OK, 19 ERROR", "[adapters][race]") {
  world w;
  std::vector<std::string> requests;
  for (int i = 0; i < 20; ++i) {
    const std::string pnr = person_number(i);
    requests.push_back(crm11_request("MakeBooking", {{"healthcare_facility_med", asa},
                                                     {"requestedTimeslot.startTimeInclusive", "20310312080000"},
                                                     {"requestedTimeslot.endTimeExclusive", "20310312083000"},
                                                     {"requestedTimeslot.healthcare_facility", asa},
                                                     {"requestedTimeslot.subject_of_care", pnr},
                                                     {"requestedTimeslot.timeTypeID", "LAK30"},
                                                     {"subject_of_care_info.firstName", "Test"},
                                                     {"subject_of_care_info.lastName", "Person"}},
                                       asa, pnr));
  }
  const auto replies = race(requests, [&](const std::string& r, const std::string& consumer) {
    return w.crm11(r, consumer);
  });
  int booked = 0, refused = 0;
  for (const auto& r : replies) {
    REQUIRE(r.http_status == 200);
    const std::string code = first_text(r.body, "resultCode");
    booked += code == "OK";
    refused += code == "ERROR";
  }
  CHECK(booked == 1);
  CHECK(refused == 19);
  CHECK(w.system.bookings_on_slot("S-103") == 1);
}
