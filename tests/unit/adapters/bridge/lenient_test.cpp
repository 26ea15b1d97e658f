// SPDX-License-Identifier: GPL-2.0-or-later
// The bridge's lenient reading, error-text table and id store, without a network.
#include "adapters/bridge/error_texts.hpp"
#include "adapters/bridge/id_store.hpp"
#include "adapters/bridge/lenient.hpp"
#include "adapters/bridge/sim/defects.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::bridge;

TEST_CASE("bridge: timestamps with 12 digits are read with seconds 00 and counted", "[bridge][lenient]") {
  std::vector<std::string> lines;
  violation_counter counter("pasis", [&](std::string_view l) { lines.emplace_back(l); });
  lenient_reader read(counter, "GetAvailableTimeslots");
  const std::string twelve = "203103100930", fourteen = "20310310093000", bad = "2031-03-10", gap = "20310330023000";
  CHECK(read.timestamp(&fourteen, "startTimeInclusive")->ts == fourteen);
  CHECK(counter.total() == 0);
  const auto t = read.timestamp(&twelve, "startTimeInclusive");
  REQUIRE(t);
  CHECK(t->ts == fourteen);
  CHECK(counter.count(violation::timestamp_12_digits) == 1);
  CHECK_FALSE(read.timestamp(&bad, "startTimeInclusive"));
  CHECK_FALSE(read.timestamp(&gap, "startTimeInclusive"));  // the March DST gap is no time at all
  CHECK(counter.count(violation::timestamp_unreadable) == 2);
  CHECK(lines.size() == 3);
  CHECK(lines[0].find("\"kind\":\"timestamp_12_digits\"") != std::string::npos);
  CHECK(lines[0].find("GetAvailableTimeslots/startTimeInclusive") != std::string::npos);
}

TEST_CASE("bridge: empty elements are absent, performers that are no HSA-id are not practitioners", "[bridge][lenient]") {
  violation_counter counter("pmo", [](std::string_view) {});
  lenient_reader read(counter, "GetSubjectOfCareSchedule");
  const std::string empty, blank = "  ", hsa = "SE2321000016-PRF7", local = "LAK123", name = "Dr Hansson";
  CHECK_FALSE(read.text(&empty, "purpose"));
  CHECK_FALSE(read.text(&blank, "purpose"));
  CHECK_FALSE(read.text(nullptr, "purpose"));
  CHECK(counter.count(violation::empty_element) == 2);
  CHECK(read.performer(&hsa, "performer") == hsa);
  CHECK_FALSE(read.performer(&local, "performer"));
  CHECK_FALSE(read.performer(&name, "performer"));
  CHECK(counter.count(violation::performer_not_hsa_id) == 2);
  CHECK(is_hsa_id("SE165565594230-1000"));
  CHECK_FALSE(is_hsa_id("SE232100001-AB"));  // 9-digit organisation number
  CHECK_FALSE(is_hsa_id("SE2321000016-"));
}

TEST_CASE("bridge: person numbers in the forms producers send are normalised", "[bridge][lenient]") {
  violation_counter counter("pasis", [](std::string_view) {});
  lenient_reader read(counter, "GetSubjectOfCareSchedule");
  const person_id tolvan{person_number_kind::personnummer, "191212121212"};
  auto read_as = [&](const std::string& s, const std::optional<person_id>& expected = std::nullopt) {
    return read.person(&s, expected, "subject_of_care");
  };
  CHECK(read_as("191212121212")->number == "191212121212");
  CHECK(counter.total() == 0);
  CHECK(read_as("^191212121212$")->number == "191212121212");
  CHECK(read_as("19121212-1212")->number == "191212121212");
  CHECK(read_as("121212-1212", tolvan)->number == "191212121212");  // the century from the person asked about
  CHECK(read_as("1212121212")->number == "201212121212");           // else the latest century not in the future
  CHECK(counter.count(violation::person_number_pattern) == 4);
  CHECK(read_as("191212121213", tolvan)->number == "191212121212");  // unreadable: the person asked about
  CHECK_FALSE(read_as("19121212T212"));
  CHECK(counter.count(violation::person_number_unreadable) == 2);
  const auto counts = counter.violation_counts();
  CHECK(counts.size() == violation_kinds);
  CHECK(counts.front().producer == "pasis");
}

TEST_CASE("bridge: ERROR texts map to the best-fitting outcome, profile rules first", "[bridge][texts]") {
  legacy_profile p;
  CHECK(outcome_of_text(p, "Tiden har tyvärr redan bokats av någon annan.") ==
        business_code::requested_time_already_reserved);
  CHECK(outcome_of_text(p, "TIDEN ÄR UPPTAGEN") == business_code::requested_time_already_reserved);
  CHECK(outcome_of_text(p, "Det är för sent att avboka tiden") == business_code::too_late_to_cancel);
  CHECK(outcome_of_text(p, "Det är för sent att boka om tiden") == business_code::too_late_to_rebook);
  CHECK(outcome_of_text(p, "Det är för sent att boka tiden") == business_code::too_late_to_book);
  CHECK(outcome_of_text(p, "Tiden är redan avbokad.") == business_code::appointment_already_canceled);
  CHECK(outcome_of_text(p, "Bokningen hittades inte.") == business_code::not_found);
  CHECK(outcome_of_text(p, "Kontakta mottagningen") == business_code::not_allowed);
  p.error_texts.push_back({"spärrad", business_code::not_allowed});
  p.error_texts.push_back({"finns inte", business_code::slot_not_found});
  CHECK(outcome_of_text(p, "Tiden finns inte") == business_code::slot_not_found);
  p.unmatched_error = business_code::invalid_request;
  CHECK(outcome_of_text(p, "???") == business_code::invalid_request);
}

TEST_CASE("bridge: the id store keeps ids across a reopen and lets slot ids expire", "[bridge][ids]") {
  const std::string path = tidnav::adapters::test::scratch_file("bridge-ids");
  const instant now = *ts_to_instant("20310301120000");
  legacy_slot s;
  s.unit = "SE2321000016-PAS1";
  s.facility = "SE2321000016-PAS1";
  s.start_ts = "20310310093000";
  s.end_ts = "20310310100000";
  s.start = *ts_to_instant(s.start_ts);
  s.end = *ts_to_instant(s.end_ts);
  s.performer = "LAK-7";
  s.time_type_id = "LAK30";
  std::string appointment, slot;
  {
    std::string error;
    auto store = id_store::open(path, "pasis", error);
    REQUIRE(store);
    appointment = store->appointment_id("SE2321000016-PAS1", "PAS-900", "191212121212");
    CHECK(is_uuid(appointment));
    CHECK(store->appointment_id("SE2321000016-PAS1", "PAS-900", "") == appointment);  // stable, person kept
    slot = store->timeslot_ids({s}, now + std::chrono::hours(24)).front();
    auto other = id_store::open(":memory:", "pmo", error);
    CHECK(other->appointment_uuid("SE2321000016-PAS1", "PAS-900") != appointment);  // the system is in the name
  }
  std::string error;
  auto store = id_store::open(path, "pasis", error);
  REQUIRE(store);
  const auto ref = store->find_appointment(appointment);
  REQUIRE(ref);
  CHECK(ref->booking_id == "PAS-900");
  CHECK(ref->person == "191212121212");
  const auto found = store->find_timeslot(slot, now);
  REQUIRE(found);
  CHECK(found->performer == "LAK-7");
  CHECK(found->start == s.start);
  CHECK_FALSE(store->find_timeslot(slot, now + std::chrono::hours(25)));
  CHECK_FALSE(store->find_timeslot("00000000-0000-4000-8000-000000000000", now));
  CHECK(store->sweep(now + std::chrono::hours(25)) == 1);
}

TEST_CASE("bridge sim: defects rewrite answers and the simulator understands its own local ids", "[bridge][sim]") {
  using namespace tidnav::adapters::bridge::sim;
  const std::string answer =
      "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/' xmlns:c='urn:riv:crm:scheduling:1'><s:Body><r>"
      "<c:startTimeInclusive>20310310093000</c:startTimeInclusive><c:performer>SE2321000016-P7</c:performer>"
      "<c:subject_of_care>191212121212</c:subject_of_care><c:purpose>Kontroll</c:purpose></r></s:Body></s:Envelope>";
  const auto all = apply_defects(answer, {defect::timestamps_12_digits, defect::non_hsa_performer,
                                          defect::broken_personnummer, defect::empty_elements});
  CHECK(all.find(">203103100930<") != std::string::npos);
  CHECK(all.find(">LAK-SE2321000016-P7<") != std::string::npos);
  CHECK(all.find(">^191212121212$<") != std::string::npos);
  CHECK(all.find("Kontroll") == std::string::npos);  // <c:purpose/>
  CHECK(restore_request(all, {defect::non_hsa_performer}).find(">SE2321000016-P7<") != std::string::npos);
  CHECK(apply_defects(answer, {}) == answer);
  for (const auto& name : defect_names()) CHECK(defect_from_name(name));
  CHECK_FALSE(defect_from_name("nonsense"));
}
