// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapter_test_support.hpp"
#include "adapters/core/memory_fixture.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using test::tolvan;

namespace {

const person_id tolvan_id{person_number_kind::personnummer, tolvan};
const person_id other_id{person_number_kind::personnummer, "198112189876"};
const deadline soon = std::chrono::steady_clock::now() + std::chrono::hours(1);

availability_query march() {
  availability_query q;
  q.from = *ts_to_instant("20310301000000");
  q.to = *ts_to_instant("20310401000000");
  return q;
}

make_request booking_of(const person_id& who, const std::string& slot) {
  make_request m;
  m.person = who;
  m.slot = slot;
  return m;
}

}  // namespace

TEST_CASE("adapter-core: memory booking system: a slot is booked once and a cancellation frees it", "[adapters][memory]") {
  memory_booking_system sys(test::fixture_seed());
  auto first = sys.make("VC-ASA", booking_of(tolvan_id, "S-100"), soon);
  REQUIRE(first);
  auto second = sys.make("VC-ASA", booking_of(other_id, "S-100"), soon);
  REQUIRE_FALSE(second);
  CHECK(second.error().business == business_code::requested_time_already_reserved);
  CHECK(sys.bookings_on_slot("S-100") == 1);

  auto free = sys.available_timeslots("VC-ASA", march(), soon);
  REQUIRE(free);
  for (const auto& s : free.value()) CHECK(s.id != "S-100");

  REQUIRE(sys.cancel("VC-ASA", {first.value().appointment, tolvan_id, "", std::nullopt}, soon));
  CHECK(sys.bookings_on_slot("S-100") == 0);
  CHECK(sys.make("VC-ASA", booking_of(other_id, "S-100"), soon));
  CHECK(sys.bookings_made() == 2);
}

TEST_CASE("adapter-core: memory booking system: refusals follow the unit's rules", "[adapters][memory]") {
  memory_booking_system sys(test::fixture_seed());
  struct row {
    const char* what;
    booking_result<write_receipt> got;
    business_code expected;
  };
  const row rows[] = {
      {"past slot", sys.make("VC-ASA", booking_of(tolvan_id, "S-199"), soon), business_code::requested_time_passed},
      {"inside booking notice", sys.make("VC-ASA", booking_of(tolvan_id, "S-204"), soon), business_code::too_late_to_book},
      {"unknown slot", sys.make("VC-ASA", booking_of(tolvan_id, "S-999"), soon), business_code::slot_not_found},
      {"booked slot", sys.make("VC-ASA", booking_of(other_id, "S-200"), soon),
       business_code::requested_time_already_reserved},
      {"cancel inside notice", sys.cancel("VC-ASA", {"BK-901", tolvan_id, "", std::nullopt}, soon),
       business_code::too_late_to_cancel},
      {"cancel of a type that forbids it", sys.cancel("VC-ASA", {"BK-902", tolvan_id, "", std::nullopt}, soon),
       business_code::not_allowed},
      {"someone else's booking", sys.cancel("VC-ASA", {"BK-900", other_id, "", std::nullopt}, soon),
       business_code::not_found},
      {"rebook inside notice", sys.update("VC-ASA", {"BK-901", tolvan_id, "S-101", "", std::nullopt, ""}, soon),
       business_code::too_late_to_rebook},
      {"confirm a confirmed booking", sys.confirm("VC-ASA", {"BK-900", tolvan_id}, soon),
       business_code::appointment_already_confirmed},
      {"unknown unit", sys.make("VC-NONE", booking_of(tolvan_id, "S-100"), soon), business_code::unit_not_found},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    REQUIRE_FALSE(r.got);
    CHECK(r.got.error().is_business());
    CHECK(r.got.error().business == r.expected);
  }
  CHECK(sys.bookings_made() == 0);
}

TEST_CASE("adapter-core: memory booking system: one person cannot hold two overlapping times", "[adapters][memory]") {
  memory_booking_system sys(test::fixture_seed());
  memory_booking b;
  b.id = "BK-X";
  b.person = tolvan_id;
  b.slot = "S-300";  // at Berga, same time as S-100
  sys.add_booking(b);
  auto r = sys.make("VC-ASA", booking_of(tolvan_id, "S-100"), soon);
  REQUIRE_FALSE(r);
  CHECK(r.error().business == business_code::person_already_occupied);
}

TEST_CASE("adapter-core: memory booking system: rebooking moves the booking and frees the old time", "[adapters][memory]") {
  memory_booking_system sys(test::fixture_seed());
  auto moved = sys.update("VC-ASA", {"BK-900", tolvan_id, "S-101", "", std::nullopt, ""}, soon);
  REQUIRE(moved);
  CHECK(moved.value().appointment == "BK-900");
  CHECK(sys.bookings_on_slot("S-200") == 0);
  CHECK(sys.bookings_on_slot("S-101") == 1);
  auto again = sys.cancel("VC-ASA", {"BK-900", tolvan_id, "", std::nullopt}, soon);
  REQUIRE(again);
  auto twice = sys.cancel("VC-ASA", {"BK-900", tolvan_id, "", std::nullopt}, soon);
  REQUIRE_FALSE(twice);
  CHECK(twice.error().business == business_code::appointment_already_canceled);
}

TEST_CASE("adapter-core: memory booking system: free dates count slots per date, type, practitioner and resource", "[adapters][memory]") {
  memory_booking_system sys(test::fixture_seed());
  auto dates = sys.available_dates("VC-ASA", march(), soon);
  REQUIRE(dates);
  int on_tenth = 0;
  for (const auto& d : dates.value()) {
    if (format_dt(d.date) == "20310310") on_tenth += d.free_slots;
    CHECK(format_dt(d.date) != "20310228");  // the past is never offered
  }
  CHECK(on_tenth == 2);  // S-100 (with a room) and S-101 (without): two entries, one slot each
  auto q = march();
  q.time_type = "SSK15";
  auto ssk = sys.available_dates("VC-ASA", q, soon);
  REQUIRE(ssk);
  REQUIRE(ssk.value().size() == 1);
  CHECK(format_dt(ssk.value().front().date) == "20310311");
}

TEST_CASE("adapter-core: memory booking system: a technical failure can be switched on and off", "[adapters][memory]") {
  memory_booking_system sys(test::fixture_seed());
  sys.fail_with(technical_code::timeout);
  auto r = sys.appointments("VC-ASA", tolvan_id, {}, soon);
  REQUIRE_FALSE(r);
  CHECK_FALSE(r.error().is_business());
  CHECK(r.error().technical == technical_code::timeout);
  sys.fail_with(std::nullopt);
  CHECK(sys.appointments("VC-ASA", tolvan_id, {}, soon));
}

TEST_CASE("adapter-core: memory fixtures report every problem at once", "[adapters][memory]") {
  std::string error;
  const auto seed = parse_memory_seed(R"({
    "slots": [ { "id": "S1", "unit": "U", "start": "20310330023000", "end": "20310330030000", "time_type": "T" },
               { "unit": "U", "start": "20310101100000", "end": "20310101090000", "time_type": "T" } ],
    "bookings": [ { "id": "B1", "person": "191212121213", "slot": "S1", "status": "maybe" } ] })",
                                      error);
  CHECK_FALSE(seed);
  CHECK(error.find("not a Swedish local TS") != std::string::npos);  // 02:30 on the spring-forward night
  CHECK(error.find("'id' is missing") != std::string::npos);
  CHECK(error.find("end must be after start") != std::string::npos);
  CHECK(error.find("wrong check digit") != std::string::npos);
  CHECK(error.find("status must be") != std::string::npos);
  CHECK_FALSE(parse_memory_seed("[1, 2]", error));
}
