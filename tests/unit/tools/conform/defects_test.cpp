// SPDX-License-Identifier: GPL-2.0-or-later
// adapters/defects on its own: each switch does its one wrong thing, and with
// every switch off the decorator is a pass-through.
#include "adapters/core/name_uuid.hpp"
#include "adapters/core/sched2_frontend.hpp"
#include "adapters/defects/defective_booking_system.hpp"
#include "adapters/defects/response_mutator.hpp"
#include "conform_test_support.hpp"
#include "contracts/loose_builder.hpp"
#include "contracts/operation_registry.hpp"
#include "tools/conform/time_rules.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cstring>

using namespace tidnav;
using namespace tidnav::adapters;
using namespace tidnav::adapters::defects;
using namespace std::chrono_literals;

namespace {

deadline soon() { return std::chrono::steady_clock::now() + 5s; }

availability_query all_week() {
  availability_query q;
  q.from = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  q.to = q.from + std::chrono::hours(24 * 14);
  return q;
}

make_request booking_of(const std::string& slot, const std::string& pnr = conform::test::tolvan) {
  make_request m;
  m.person = {person_number_kind::personnummer, pnr};
  m.slot = slot;
  return m;
}

std::string first_text(const std::string& xml, const char* local) {
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(xml.data(), xml.size()));
  auto n = doc.find_node([local](pugi::xml_node x) {
    const char* colon = std::strchr(x.name(), ':');
    return std::strcmp(colon ? colon + 1 : x.name(), local) == 0;
  });
  return n.text().get();
}

std::string sched2_envelope(const std::string& operation, const std::vector<contracts::field>& body) {
  const auto* op = contracts::find_operation(contracts::family::sched2, operation);
  REQUIRE(op);
  std::string error;
  const auto loose = contracts::build_loose_element(operation, body, error);
  REQUIRE(error.empty());
  contracts::soap_headers h;
  h.logical_address = conform::test::unit_hsa;
  contracts::codec_error err;
  auto xml = op->canonicalize(contracts::message_kind::request, loose, contracts::input_form::loose_element, &h, err);
  REQUIRE_FALSE(err);
  return xml;
}

std::vector<contracts::field> citizen() {
  return {{"actor.actorId.root", "1.2.752.129.2.1.3.1"}, {"actor.actorId.extension", conform::test::tolvan},
          {"actor.actorType.code", "116154003"},        {"actor.actorType.codeSystem", "1.2.752.116.2.1.1"},
          {"personId.root", "1.2.752.129.2.1.3.1"},     {"personId.extension", conform::test::tolvan}};
}

}  // namespace

TEST_CASE("defects: every defect has a name that reads back", "[defects]") {
  CHECK(all_defects().size() == 6);
  for (auto d : all_defects()) {
    CHECK(defect_from_name(name_of(d)) == d);
    CHECK_FALSE(description_of(d).empty());
  }
  CHECK_FALSE(defect_from_name("no-such-defect"));
  defect_switches s;
  CHECK_FALSE(s.any());
  s.set(defect::slot_not_freed, true);
  CHECK(s.on(defect::slot_not_freed));
  CHECK_FALSE(s.on(defect::past_times));
  s.clear();
  CHECK_FALSE(s.any());
}

TEST_CASE("defects: switched off, the decorator passes everything through", "[defects]") {
  memory_booking_system memory(conform::test::future_seed());
  defect_switches s;
  defective_booking_system d(memory, s);
  const auto slots = d.available_timeslots("VC-ASA", all_week(), soon());
  REQUIRE(slots);
  REQUIRE(slots.value().size() == 21);
  REQUIRE(d.make("VC-ASA", booking_of("S-1"), soon()));
  const auto again = d.make("VC-ASA", booking_of("S-1", conform::test::other_person), soon());
  REQUIRE_FALSE(again);
  CHECK(again.error().business == business_code::requested_time_already_reserved);
  CHECK(d.available_timeslots("VC-ASA", all_week(), soon()).value().size() == 20);
}

TEST_CASE("defects: double-booking hands out a phantom booking for a taken slot", "[defects]") {
  memory_booking_system memory(conform::test::future_seed());
  defect_switches s;
  s.set(defect::double_booking, true);
  defective_booking_system d(memory, s);
  const auto slots = d.available_timeslots("VC-ASA", all_week(), soon()).value();
  const auto first = d.make("VC-ASA", booking_of("S-1"), soon());
  REQUIRE(first);
  const auto second = d.make("VC-ASA", booking_of("S-1", conform::test::other_person), soon());
  REQUIRE(second);
  CHECK(second.value().appointment != first.value().appointment);
  CHECK(d.phantom_bookings() == 1);
  CHECK(memory.bookings_on_slot("S-1") == 1);  // the real book never double-books
  // A 1.1 front-end looks the requested second up: the taken time is found again.
  availability_query exact;
  const auto s1 = std::find_if(slots.begin(), slots.end(), [](const timeslot& t) { return t.id == "S-1"; });
  REQUIRE(s1 != slots.end());
  exact.from = s1->start;
  exact.to = exact.from + 1s;
  CHECK(d.available_timeslots("VC-ASA", exact, soon()).value().size() == 1);
  CHECK(d.available_timeslots("VC-ASA", all_week(), soon()).value().size() == 20);  // ordinary lists stay right
  cancel_request c;
  c.appointment = second.value().appointment;
  CHECK(d.cancel("VC-ASA", c, soon()));
  CHECK(d.phantom_bookings() == 0);
}

TEST_CASE("defects: slot-not-freed keeps a cancelled slot out of dates and times", "[defects]") {
  memory_booking_system memory(conform::test::future_seed());
  defect_switches s;
  s.set(defect::slot_not_freed, true);
  defective_booking_system d(memory, s);
  const auto dates_before = d.available_dates("VC-ASA", all_week(), soon()).value();
  const auto made = d.make("VC-ASA", booking_of("S-1"), soon());
  REQUIRE(made);
  cancel_request c;
  c.appointment = made.value().appointment;
  REQUIRE(d.cancel("VC-ASA", c, soon()));
  CHECK(memory.bookings_on_slot("S-1") == 0);  // the book freed it
  const auto slots = d.available_timeslots("VC-ASA", all_week(), soon()).value();
  CHECK(slots.size() == 20);
  CHECK(std::none_of(slots.begin(), slots.end(), [](const timeslot& t) { return t.id == "S-1"; }));
  const auto dates_after = d.available_dates("VC-ASA", all_week(), soon()).value();
  int before = 0, after = 0;
  for (const auto& x : dates_before) before += x.free_slots;
  for (const auto& x : dates_after) after += x.free_slots;
  CHECK(after == before - 1);
}

TEST_CASE("defects: fault-for-business turns business outcomes into technical errors", "[defects]") {
  memory_booking_system memory(conform::test::future_seed());
  defect_switches s;
  s.set(defect::fault_for_business, true);
  defective_booking_system d(memory, s);
  const auto missing = d.appointment_by_id("VC-ASA", "NO-SUCH", soon());
  REQUIRE_FALSE(missing);
  CHECK_FALSE(missing.error().is_business());
  CHECK(missing.error().detail.find("not_found") != std::string::npos);
  CHECK(d.available_timeslots("VC-ASA", all_week(), soon()));  // answers stay answers
}

TEST_CASE("defects: slow-answers holds each call, but never past its deadline", "[defects]") {
  memory_booking_system memory(conform::test::future_seed());
  defect_switches s;
  s.set(defect::slow_answers, true);
  s.set_delay(50ms);
  defective_booking_system d(memory, s);
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(d.time_types("VC-ASA", {}, soon()));
  CHECK(std::chrono::steady_clock::now() - t0 >= 50ms);
  s.set_delay(10s);
  const auto late = d.time_types("VC-ASA", {}, std::chrono::steady_clock::now() + 20ms);
  REQUIRE_FALSE(late);
  CHECK(late.error().technical == technical_code::timeout);
}

TEST_CASE("defects: the response mutator puts a past time and an ISO timestamp on the wire", "[defects]") {
  memory_booking_system memory(conform::test::future_seed());
  const auto units = conform::test::single_unit(conform::test::unit_hsa, "VC-ASA");
  id_directory ids;
  call_info call;
  call.ids = &ids;
  const auto today = instant_to_dt(call.now);
  auto slots = citizen();
  slots.push_back({"startDateInclusive", today});
  slots.push_back({"endDateInclusive", conform::add_days(today, 13)});
  const auto answer = handle_sched2(memory, units, sched2_envelope("GetAvailableTimeslots", slots), call).body;
  defect_switches s;
  CHECK(mutate_response(s, answer, call.now) == answer);  // off: untouched
  s.set(defect::past_times, true);
  const auto past = mutate_response(s, answer, call.now);
  const auto start = ts_to_instant(first_text(past, "startTime"));
  REQUIRE(start);
  CHECK(*start < call.now);
  CHECK(*ts_to_instant(first_text(past, "endTime")) - *start == 30min);
  CHECK(mutate_response(s, "not xml", call.now) == "not xml");

  auto read = citizen();
  read.insert(read.begin() + 4, {"appointmentId", contract_id(native_id_kind::appointment, "VC-ASA", "BK-SEED")});
  const auto details = handle_sched2(memory, units, sched2_envelope("GetAppointment", read), call).body;
  REQUIRE(first_text(details, "resultCode") == "OK");
  s.clear();
  s.set(defect::invalid_timestamp, true);
  const auto spoilt = first_text(mutate_response(s, details, call.now), "startTime");
  CHECK(spoilt.size() == 19);
  CHECK(spoilt[4] == '-');
  CHECK(spoilt[10] == 'T');
}
