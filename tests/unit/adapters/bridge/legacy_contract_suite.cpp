// SPDX-License-Identifier: GPL-2.0-or-later
#include "legacy_contract_suite.hpp"

#include "adapters/bridge/reindex.hpp"
#include "adapters/bridge/sim/defects.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace tidnav::adapters::bridge::test {

using adapters::test::actor;
using adapters::test::all_texts;
using adapters::test::concat;
using adapters::test::crm11_request;
using adapters::test::first_text;
using adapters::test::person;
using adapters::test::sched2_request;
using adapters::test::fields;
using contracts::family;
using namespace std::chrono_literals;

namespace {

std::string get_appointment(const bridge_world& w, const std::string& id, const std::string& pnr = tolvan) {
  return sched2_request("GetAppointment", concat({actor(pnr), {{"appointmentId", id}}, person(pnr)}), w.unit1);
}

std::string cancel_request(const bridge_world& w, const std::string& id) {
  return sched2_request("CancelAppointment", concat({actor(), {{"appointmentId", id}}, person()}), w.unit1);
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The two free times at unit1 the booking cases move between, from a 2.0 search.
struct two_times {
  producer_reply search;
  std::string s101;  // 10 March 10:00
  std::string s103;  // 12 March 08:00
};
two_times find_two_times(bridge_world& w) {
  two_times t{valid(w.sched2(slots_request(w.unit1)), family::sched2), {}, {}};
  t.s101 = slot_at(t.search.body, "20310310100000");
  t.s103 = slot_at(t.search.body, "20310312080000");
  REQUIRE_FALSE(t.s101.empty());
  REQUIRE_FALSE(t.s103.empty());
  return t;
}

// Tolvan books `slot` at unit1; the new appointmentId.
std::string book(bridge_world& w, const std::string& slot) {
  auto made = valid(w.sched2(make_request(w.unit1, slot)), family::sched2);
  REQUIRE(first_text(made.body, "resultCode") == "OK");
  return first_text(made.body, "appointmentId");
}

}  // namespace

std::string seed_booking(bridge_world& w, const std::string& prefix, int n) {
  return w.ids->appointment_uuid(w.unit1, prefix + "-" + std::to_string(n));
}

void suite_lists_bookings(bridge_world& w, const std::string& prefix) {
  auto list = valid(w.sched2(sched2_request("GetAppointments", concat({actor(), person()}), w.unit1)), family::sched2);
  const auto ids = all_texts(list.body, "appointmentId");
  CHECK(contains(ids, seed_booking(w, prefix, 900)));
  CHECK(contains(ids, seed_booking(w, prefix, 901)));

  auto schedule = valid(w.crm11(crm11_request("GetSubjectOfCareSchedule",
                                              {{"healthcare_facility", w.unit1}, {"subject_of_care", tolvan}}, w.unit1)),
                        family::crm11);
  CHECK(all_texts(schedule.body, "bookingId") ==
        std::vector<std::string>{seed_booking(w, prefix, 900), seed_booking(w, prefix, 901)});
  CHECK(all_texts(schedule.body, "subject_of_care") == std::vector<std::string>{tolvan, tolvan});

  auto nobody = valid(w.sched2(sched2_request("GetAppointments",
                                              concat({actor(other_person), person(other_person)}), w.unit1)),
                      family::sched2);
  CHECK(all_texts(nobody.body, "appointmentId").empty());
  CHECK(w.violations->total() == 0);
}

void suite_books_rebooks_cancels(bridge_world& w) {
  const auto [slots, s101, s103] = find_two_times(w);
  CHECK(first_text(slots.body, "resultCode") == "OK");
  CHECK(all_texts(slots.body, "timeslotId").size() == 4);  // S-100..S-103 between 10 and 12 March

  const std::string appointment = book(w, s101);
  CHECK(w.simulator->system().bookings_on_slot("S-101") == 1);

  auto details = valid(w.sched2(get_appointment(w, appointment)), family::sched2);
  CHECK(first_text(details.body, "resultCode") == "OK");
  CHECK(first_text(details.body, "startTime") == "20310310100000");

  // Someone else cannot take the same time: the producer's ERROR becomes the 2.0 code.
  auto taken = valid(w.sched2(make_request(w.unit1, s101, other_person)), family::sched2);
  // (A producer that books by time only says the time cannot be booked any more.)
  CHECK(first_text(taken.body, "resultCode") == "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE");
  CHECK(first_text(taken.body, "resultText").find("inte längre") != std::string::npos);  // the producer's text

  auto moved = valid(w.sched2(sched2_request("UpdateAppointment",
                                             concat({actor(), {{"originalAppointmentId", appointment}},
                                                     {{"timeslotId", s103}}, person()}),
                                             w.unit1)),
                     family::sched2);
  REQUIRE(first_text(moved.body, "resultCode") == "OK");
  const std::string after_move = first_text(moved.body, "appointmentId");
  CHECK(after_move == appointment);  // same bookingId at the same unit: the same id
  CHECK(w.simulator->system().bookings_on_slot("S-101") == 0);
  CHECK(w.simulator->system().bookings_on_slot("S-103") == 1);

  // Another person cannot cancel it: the bridge checks the owner (1.0 cannot).
  auto foreign = valid(w.sched2(sched2_request("CancelAppointment",
                                               concat({actor(other_person), {{"appointmentId", after_move}},
                                                       person(other_person)}),
                                               w.unit1)),
                       family::sched2);
  CHECK(first_text(foreign.body, "resultCode") == "APPOINTMENT_DOES_NOT_EXIST");
  CHECK(w.simulator->system().bookings_on_slot("S-103") == 1);

  auto cancelled = valid(w.sched2(cancel_request(w, after_move)), family::sched2);
  CHECK(first_text(cancelled.body, "resultCode") == "OK");
  CHECK(w.simulator->system().bookings_on_slot("S-103") == 0);
}

void suite_own_time_booked_again(bridge_world& w) {
  const auto [slots, s101, s103] = find_two_times(w);
  const std::string appointment = book(w, s101);
  // Success costs no extra call: the last request is the booking itself.
  CHECK(w.simulator->last_request().find("MakeBooking") != std::string::npos);
  CHECK(w.simulator->last_request().find("GetSubjectOfCareSchedule") == std::string::npos);

  // The same person books the same time again (another reason: not an idempotent repeat).
  // The producer says only "no longer bookable"; the bridge finds the person's own booking.
  auto again = valid(w.sched2(sched2_request("MakeAppointment",
                                             concat({actor(), person(),
                                                     {{"timeslotId", s101}, {"reasonText", "Fortfarande ont"}}}),
                                             w.unit1)),
                     family::sched2);
  INFO(again.body);
  CHECK(first_text(again.body, "resultCode") == "USER_IS_ALREADY_OCCUPIED");
  CHECK(first_text(again.body, "resultText").find("redan en bokad tid") != std::string::npos);
  CHECK(w.simulator->last_request().find("GetSubjectOfCareSchedule") != std::string::npos);
  CHECK(w.simulator->system().bookings_on_slot("S-101") == 1);

  // Someone else asking for it: the time is taken, as before (their schedule is empty).
  auto taken = valid(w.sched2(make_request(w.unit1, s101, other_person)), family::sched2);
  CHECK(first_text(taken.body, "resultCode") == "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE");
  CHECK(first_text(taken.body, "resultText").find("inte längre") != std::string::npos);
  CHECK(w.simulator->system().bookings_on_slot("S-101") == 1);

  // Moving another own booking onto the held time: occupied as well.
  auto second = valid(w.sched2(make_request(w.unit1, s103)), family::sched2);
  REQUIRE(first_text(second.body, "resultCode") == "OK");
  const std::string other_booking = first_text(second.body, "appointmentId");
  auto moved = valid(w.sched2(sched2_request("UpdateAppointment",
                                             concat({actor(), {{"originalAppointmentId", other_booking}},
                                                     {{"timeslotId", s101}}, person()}),
                                             w.unit1)),
                     family::sched2);
  CHECK(first_text(moved.body, "resultCode") == "USER_IS_ALREADY_OCCUPIED");
  CHECK(w.simulator->system().bookings_on_slot("S-101") == 1);
  CHECK(w.simulator->system().bookings_on_slot("S-103") == 1);

  // Once the own booking is cancelled the time is free again for the person.
  auto cancelled = valid(w.sched2(cancel_request(w, appointment)), family::sched2);
  REQUIRE(first_text(cancelled.body, "resultCode") == "OK");
  auto rebooked = valid(w.sched2(sched2_request("MakeAppointment",
                                                concat({actor(), person(),
                                                        {{"timeslotId", s101}, {"reasonText", "Tredje gången"}}}),
                                                w.unit1)),
                        family::sched2);
  CHECK(first_text(rebooked.body, "resultCode") == "OK");
}

void suite_ids_survive_restart(bridge_world& w, const std::string& prefix) {
  auto slots = valid(w.sched2(slots_request(w.unit1)), family::sched2);
  const std::string s100 = slot_at(slots.body, "20310310093000");
  REQUIRE_FALSE(s100.empty());
  const auto listed_before = all_texts(slots.body, "timeslotId");

  w.restart();  // new bridge, new id directory: only the SQLite files remain

  auto made = valid(w.sched2(make_request(w.unit1, s100)), family::sched2);
  REQUIRE(first_text(made.body, "resultCode") == "OK");
  CHECK(w.simulator->system().bookings_on_slot("S-100") == 1);
  const std::string appointment = first_text(made.body, "appointmentId");

  w.restart();
  auto details = valid(w.sched2(get_appointment(w, appointment)), family::sched2);
  CHECK(first_text(details.body, "resultCode") == "OK");
  CHECK(first_text(details.body, "startTime") == "20310310093000");
  // The seed's bookings keep their ids too.
  auto seeded = valid(w.sched2(get_appointment(w, seed_booking(w, prefix, 900))), family::sched2);
  CHECK(first_text(seeded.body, "resultCode") == "OK");

  // Listing again gives the same ids (name-based), minus the time now booked.
  auto again = valid(w.sched2(slots_request(w.unit1)), family::sched2);
  for (const auto& id : all_texts(again.body, "timeslotId")) CHECK(contains(listed_before, id));
  CHECK(all_texts(again.body, "timeslotId").size() + 1 == listed_before.size());
}

void suite_expired_and_unknown_slots(bridge_world& w) {
  auto unknown = valid(w.sched2(make_request(w.unit1, "6f1c1a4e-0000-4000-8000-000000000001")), family::sched2);
  CHECK(first_text(unknown.body, "resultCode") == "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE");

  auto slots = valid(w.sched2(slots_request(w.unit1)), family::sched2);
  const std::string s100 = slot_at(slots.body, "20310310093000");
  REQUIRE_FALSE(s100.empty());
  w.clock_now += std::chrono::hours(25);  // past timeslot_ttl (24 h), still before the time itself
  auto expired = valid(w.sched2(make_request(w.unit1, s100)), family::sched2);
  CHECK(first_text(expired.body, "resultCode") == "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE");
  CHECK(w.simulator->system().bookings_on_slot("S-100") == 0);
  CHECK(w.simulator->calls("MakeBooking") == 0);
}

void suite_every_crm11_contract(bridge_world& w, const std::string& prefix) {
  // A 1.1 consumer that knows the producer's own bookingId gets it passed through.
  auto details = valid(w.crm11(crm11_request("GetBookingDetails",
                                             {{"healthcare_facility", w.unit1}, {"bookingId", prefix + "-900"}},
                                             w.unit1)),
                       family::crm11);
  CHECK(first_text(details.body, "startTimeInclusive") == "20310305090000");
  CHECK(first_text(details.body, "bookingId") == seed_booking(w, prefix, 900));  // the bridge's id from now on
  CHECK(first_text(details.body, "timeTypeID") == "LAK30");

  const fields range = {{"healthcare_facility", w.unit1}, {"startDateInclusive", "20310301"},
                        {"endDateInclusive", "20310331"}, {"subject_of_care", tolvan}};
  auto dates = valid(w.crm11(crm11_request("GetAvailableDates", range, w.unit1)), family::crm11);
  CHECK(contains(all_texts(dates.body, "date"), "20310310"));
  auto times = valid(w.crm11(crm11_request("GetAvailableTimeslots", range, w.unit1)), family::crm11);
  CHECK(contains(all_texts(times.body, "startTimeInclusive"), "20310310093000"));
  CHECK_FALSE(contains(all_texts(times.body, "startTimeInclusive"), "20310228100000"));  // never the past
  const fields unit_person = {{"healthcare_facility", w.unit1}, {"subject_of_care", tolvan}};
  auto types = valid(w.crm11(crm11_request("GetAllTimeTypes", unit_person, w.unit1)), family::crm11);
  CHECK(contains(all_texts(types.body, "timeTypeId"), "LAK30"));
  valid(w.crm11(crm11_request("GetAllCareTypes", unit_person, w.unit1)), family::crm11);
  auto units = valid(w.crm11(crm11_request("GetAllHealthcareFacilities", unit_person, w.unit1)), family::crm11);
  CHECK(contains(all_texts(units.body, "healthcare_facility"), w.unit1));
  valid(w.crm11(crm11_request("GetAllPerformers", unit_person, w.unit1)), family::crm11);

  // 1.1 books by time: the front-end finds the free time, the bridge books it.
  auto made = valid(w.crm11(crm11_request("MakeBooking", {{"healthcare_facility_med", w.unit1},
                                                          {"requestedTimeslot.startTimeInclusive", "20310310093000"},
                                                          {"requestedTimeslot.endTimeExclusive", "20310310100000"},
                                                          {"requestedTimeslot.healthcare_facility", w.unit1},
                                                          {"requestedTimeslot.subject_of_care", tolvan},
                                                          {"requestedTimeslot.timeTypeID", "LAK30"},
                                                          {"subject_of_care_info.firstName", "Tolvan"},
                                                          {"subject_of_care_info.lastName", "Tolvansson"}},
                                             w.unit1)),
                    family::crm11);
  REQUIRE(first_text(made.body, "resultCode") == "OK");
  const std::string booking = first_text(made.body, "bookingId");
  CHECK(w.simulator->system().bookings_on_slot("S-100") == 1);

  auto moved = valid(w.crm11(crm11_request("UpdateBooking", {{"requestedTimeslot.startTimeInclusive", "20310310100000"},
                                                             {"requestedTimeslot.endTimeExclusive", "20310310103000"},
                                                             {"requestedTimeslot.healthcare_facility", w.unit1},
                                                             {"requestedTimeslot.bookingId", booking},
                                                             {"requestedTimeslot.subject_of_care", tolvan}},
                                             w.unit1)),
                     family::crm11);
  CHECK(first_text(moved.body, "resultCode") == "OK");
  CHECK(w.simulator->system().bookings_on_slot("S-101") == 1);

  auto cancelled = valid(w.crm11(crm11_request("CancelBooking", {{"healthcare_facility", w.unit1}, {"bookingId", booking}},
                                               w.unit1)),
                         family::crm11);
  CHECK(first_text(cancelled.body, "resultCode") == "OK");
  CHECK(w.simulator->system().bookings_on_slot("S-101") == 0);
  auto twice = valid(w.crm11(crm11_request("CancelBooking", {{"healthcare_facility", w.unit1}, {"bookingId", booking},
                                                             {"message", "igen"}},
                                           w.unit1)),
                     family::crm11);
  CHECK(first_text(twice.body, "resultCode") == "ERROR");
  CHECK(first_text(twice.body, "resultText").find("avbokad") != std::string::npos);
}

void suite_every_sched2_read(bridge_world& w, const std::string& prefix) {
  auto dates = valid(w.sched2(sched2_request("GetAvailableDates",
                                             concat({actor(), person(), {{"startDateInclusive", "20310301"},
                                                                         {"endDateInclusive", "20310331"}}}),
                                             w.unit1)),
                     family::sched2);
  CHECK(first_text(dates.body, "resultCode") == "OK");
  CHECK(contains(all_texts(dates.body, "date"), "20310310"));
  auto types = valid(w.sched2(sched2_request("GetTimeTypes", concat({actor(), person()}), w.unit1)), family::sched2);
  CHECK(first_text(types.body, "resultCode") == "OK");
  auto units = valid(w.sched2(sched2_request("GetHealthcareFacilities", person(), w.unit1)), family::sched2);
  CHECK(first_text(units.body, "resultCode") == "OK");
  valid(w.sched2(sched2_request("GetHealthcareFacility", {}, w.unit1)), family::sched2);
  valid(w.sched2(sched2_request("GetPractitioners", concat({actor(), person()}), w.unit1)), family::sched2);
  auto confirm = valid(w.sched2(sched2_request("ConfirmAppointment",
                                               concat({actor(), {{"appointmentId", seed_booking(w, prefix, 901)}},
                                                       person()}),
                                               w.unit1)),
                       family::sched2);
  CHECK(first_text(confirm.body, "resultCode") == "APPOINTMENT_IS_ALREADY_CONFIRMED");
}

void suite_defects(bridge_world& w) {
  using sim::defect;
  const std::vector<std::pair<defect, violation>> cases = {
      {defect::timestamps_12_digits, violation::timestamp_12_digits},
      {defect::empty_elements, violation::empty_element},
      {defect::non_hsa_performer, violation::performer_not_hsa_id},
      {defect::broken_personnummer, violation::person_number_pattern},
      {defect::personnummer_hyphen, violation::person_number_pattern},
  };
  const auto list = sched2_request("GetAppointments", concat({actor(), person()}), w.unit1);
  for (const auto& [d, kind] : cases) {
    INFO(sim::name_of(d));
    w.simulator->set_defects({d});
    const auto before = w.violations->count(kind);
    auto bookings = valid(w.sched2(list), family::sched2);
    CHECK(all_texts(bookings.body, "appointmentId").size() == 2);
    auto slots = valid(w.sched2(slots_request(w.unit1)), family::sched2);
    CHECK(all_texts(slots.body, "timeslotId").size() == 4);
    auto schedule = valid(w.crm11(crm11_request("GetSubjectOfCareSchedule",
                                                {{"healthcare_facility", w.unit1}, {"subject_of_care", tolvan}},
                                                w.unit1)),
                          family::crm11);
    CHECK(all_texts(schedule.body, "subject_of_care") == std::vector<std::string>{tolvan, tolvan});
    CHECK(contains(all_texts(schedule.body, "startTimeInclusive"), "20310305090000"));
    CHECK(w.violations->count(kind) > before);
  }
  // Booking a time read from a defective answer sends the producer its own values back.
  w.simulator->set_defects({defect::non_hsa_performer, defect::timestamps_12_digits});
  auto slots = valid(w.sched2(slots_request(w.unit1)), family::sched2);
  CHECK(all_texts(slots.body, "practitioner").empty());  // no HSA-id, no practitioner
  auto made = valid(w.sched2(make_request(w.unit1, slot_at(slots.body, "20310310093000"))), family::sched2);
  CHECK(first_text(made.body, "resultCode") == "OK");
  CHECK(w.simulator->system().bookings_on_slot("S-100") == 1);
  w.simulator->set_defects({});
  bool logged = false;
  for (const auto& l : w.log_lines) logged = logged || l.find("\"producer_violation\"") != std::string::npos;
  CHECK(logged);
  for (const auto& l : w.log_lines) CHECK(l.find(tolvan) == std::string::npos);  // shapes, never the numbers
}

void suite_faults_and_timeouts(bridge_world& w, const std::string& prefix) {
  const auto list = sched2_request("GetAppointments", concat({actor(), person()}), w.unit1);
  valid(w.sched2(list), family::sched2);

  sim::injected_fault server;
  server.server_fault = "Databasen är låst";
  w.simulator->inject(server);
  auto r1 = w.sched2(list);
  CHECK(is_server_fault(r1));
  CHECK(r1.body.find("Databasen") != std::string::npos);  // the producer's words in the detail, for the logs
  auto m1 = w.sched2(make_request(w.unit1, "6f1c1a4e-0000-4000-8000-000000000001"));
  CHECK(first_text(m1.body, "resultCode") == "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE");  // decided before any call

  sim::injected_fault unavailable;
  unavailable.http_status = 503;
  w.simulator->inject(unavailable);
  CHECK(is_server_fault(w.sched2(list)));

  sim::injected_fault garbage;
  garbage.garbage = true;
  w.simulator->inject(garbage);
  CHECK(is_server_fault(w.sched2(list)));

  // A read contract's Client fault with a citizen text is a business answer.
  sim::injected_fault refused;
  refused.client_fault = "Bokningen hittades inte.";
  w.simulator->inject(refused);
  auto missing = valid(w.sched2(get_appointment(w, seed_booking(w, prefix, 900))), family::sched2);
  CHECK(first_text(missing.body, "resultCode") != "OK");

  sim::injected_fault slow;
  slow.delay = 1500ms;
  w.simulator->inject(slow);
  auto late = w.sched2(list, 400ms);
  CHECK(is_server_fault(late));

  w.simulator->clear_fault();
  valid(w.sched2(list), family::sched2);

  // The producer down altogether.
  w.simulator.reset();
  CHECK(is_server_fault(w.sched2(list, 2s)));
}

void suite_lost_answer_is_reconciled(bridge_world& w) {
  auto slots = valid(w.sched2(slots_request(w.unit1)), family::sched2);
  const std::string s102 = slot_at(slots.body, "20310311130000");
  REQUIRE_FALSE(s102.empty());
  sim::injected_fault slow;
  slow.delay = 1200ms;  // the booking is made at once; only the answer is late
  w.simulator->inject(slow);
  auto made = w.sched2(make_request(w.unit1, s102), 500ms);
  w.simulator->clear_fault();
  INFO(made.body);
  REQUIRE(made.http_status == 200);
  CHECK(first_text(made.body, "resultCode") == "OK");
  CHECK_FALSE(first_text(made.body, "appointmentId").empty());
  CHECK(w.simulator->system().bookings_on_slot("S-102") == 1);
  CHECK(w.simulator->system().bookings_made() == 1);
}

void suite_idempotent_retries(bridge_world& w) {
  auto slots = valid(w.sched2(slots_request(w.unit1)), family::sched2);
  const auto make = make_request(w.unit1, slot_at(slots.body, "20310312080000"));
  auto first = valid(w.sched2(make), family::sched2);
  auto again = valid(w.sched2(make), family::sched2);
  CHECK(first_text(first.body, "resultCode") == "OK");
  CHECK(first.body == again.body);
  CHECK(w.simulator->calls("MakeBooking") == 1);
  CHECK(w.simulator->system().bookings_made() == 1);

  const auto cancel = cancel_request(w, first_text(first.body, "appointmentId"));
  CHECK(first_text(valid(w.sched2(cancel), family::sched2).body, "resultCode") == "OK");
  CHECK(first_text(valid(w.sched2(cancel), family::sched2).body, "resultCode") == "OK");
  CHECK(w.simulator->calls("CancelBooking") == 1);
}

void suite_reindex(bridge_world& w, const std::string& prefix) {
  const auto tolvan_id = person_id{person_number_kind::personnummer, tolvan};
  auto report = bookings_to_index(*w.system, w.units, tolvan_id, w.clock_now,
                                  std::chrono::steady_clock::now() + 10s);
  CHECK(report.failed_units.empty());
  REQUIRE(report.entries.size() == 2);
  CHECK(report.entries[0].native_id == seed_booking(w, prefix, 900));
  CHECK(report.entries[0].unit_hsa_id == w.unit1);
  CHECK(instant_to_ts(report.entries[0].start) == "20310305090000");
  CHECK(report.entries[1].native_id == seed_booking(w, prefix, 901));
  // Only what is still to come.
  auto later = bookings_to_index(*w.system, w.units, tolvan_id, *ts_to_instant("20310305100000"),
                                 std::chrono::steady_clock::now() + 10s);
  CHECK(later.entries.size() == 1);
}

}  // namespace tidnav::adapters::bridge::test
