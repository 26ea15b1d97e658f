// SPDX-License-Identifier: GPL-2.0-or-later
// What the adapter asks Cosmic and what it makes of the answers, against a fake
// transport serving JSON fixtures.
#include "adapters/cosmic/cosmic_booking_system.hpp"
#include "adapters/cosmic/day_split.hpp"
#include "adapters/cosmic/fhir_json.hpp"
#include "cosmic_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::cosmic;
using namespace tidnav::adapters::cosmic::test;
using namespace std::chrono_literals;

namespace {

const person_id tolvan{person_number_kind::personnummer, "191212121212"};

deadline soon() { return std::chrono::steady_clock::now() + 5s; }

instant at(const char* text) { return *parse_fhir_instant(text); }

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("cosmic: AppointmentSe fixture maps to the booking model", "[cosmic][fhir]") {
  auto a = read_appointment(nlohmann::json::parse(fixture("appointment.json")));
  REQUIRE(a);
  CHECK(a->id == "A-900");
  CHECK(a->person.number == "191212121212");
  CHECK(a->slot.unit == "SE2321000016-ABC1");
  CHECK(a->slot.id == "S-900");
  CHECK(a->slot.start == at("2031-03-20T09:00:00Z"));
  CHECK(a->slot.type.code == "HS-LAK30");
  CHECK(a->slot.type.name == "Läkarbesök 30 min");
  CHECK(a->reason_text == "Kontroll");
  CHECK(a->purpose == "Ta med läkemedelslista");
  CHECK(a->cancel_allowed);
  CHECK(a->update_allowed);
  REQUIRE(a->slot.practitioners.size() == 1);
  CHECK(a->slot.practitioners[0].hsa_id == "SE2321000016-PRF7");

  auto broken = nlohmann::json::parse(fixture("appointment.json"));
  broken.erase("start");
  CHECK(read_appointment(broken).error().technical == technical_code::bad_backend_answer);
}

TEST_CASE("cosmic: FHIR instants with offsets and fractions", "[cosmic][fhir]") {
  CHECK(parse_fhir_instant("2031-03-10T09:30:00+01:00") == at("2031-03-10T08:30:00Z"));
  CHECK(parse_fhir_instant("2031-03-10T08:30:00.250Z") == at("2031-03-10T08:30:00Z"));
  CHECK_FALSE(parse_fhir_instant("2031-03-10T08:30:00"));  // no zone
  CHECK_FALSE(parse_fhir_instant("2031-02-30T08:30:00Z"));
  CHECK(fhir_instant(at("2031-03-10T09:30:00+01:00")) == "2031-03-10T08:30:00Z");
}

TEST_CASE("cosmic: ranges are cut at Swedish midnights, also across DST", "[cosmic][fhir]") {
  const auto days = split_by_swedish_day(at("2031-03-09T23:00:00Z"), at("2031-03-12T23:00:00Z"));
  REQUIRE(days.size() == 3);
  CHECK(*days[1].from == at("2031-03-10T23:00:00Z"));
  // The last Sunday of March 2031 (30th) has 23 hours.
  const auto dst = split_by_swedish_day(at("2031-03-29T23:00:00Z"), at("2031-03-31T22:00:00Z"));
  REQUIRE(dst.size() == 2);
  CHECK(*dst[0].to == at("2031-03-30T22:00:00Z"));
}

TEST_CASE("cosmic: a 3-day availability query is one Slot search per day and service, with all headers", "[cosmic][fhir]") {
  fake_transport fake([](const http_request& r) {
    if (has(r.url, "/HealthcareService/_search")) return answer(200, fixture("healthcare-services.json"));
    if (has(r.url, "/Slot/_search") && has(r.url, "start=ge2031-03-09T23:00:00Z") && has(r.url, "HS-LAK30")) {
      return answer(200, fixture("slots-day.json"));
    }
    return answer(200, R"({"resourceType":"Bundle","type":"searchset","total":0})");
  });
  cosmic_booking_system cosmic(fake_options(), fake);
  availability_query q;
  q.from = at("2031-03-09T23:00:00Z");
  q.to = at("2031-03-12T23:00:00Z");
  q.person = tolvan;
  auto slots = cosmic.available_timeslots("SE2321000016-ABC1", q, soon());
  REQUIRE(slots);
  REQUIRE(slots->size() == 1);  // the busy one is not offered
  CHECK(slots->at(0).id == "S-1");
  CHECK(slots->at(0).start == at("2031-03-10T08:30:00Z"));
  CHECK(slots->at(0).unit == "SE2321000016-ABC1");
  CHECK(slots->at(0).type.cancel_allowed);
  CHECK_FALSE(slots->at(0).type.update_allowed);

  const auto sent = fake.requests();
  REQUIRE(sent.size() == 1 + 3 * 2);
  for (const auto& r : sent) {
    CHECK(header_of(r, "Authorization") == "Bearer tok-1");
    CHECK(header_of(r, "Ocp-Apim-Subscription-Key") == "key-1");
    CHECK(header_of(r, "Patient") == "191212121212");
  }
  CHECK(fake.token_calls() == 1);
  int slot_searches = 0;
  for (const auto& r : sent) slot_searches += has(r.url, "/Slot/_search?start=ge") && has(r.url, "&start=lt");
  CHECK(slot_searches == 6);

  auto dates = cosmic.available_dates("SE2321000016-ABC1", q, soon());
  REQUIRE(dates);
  REQUIRE(dates->size() == 1);
  CHECK(dates->at(0).free_slots == 1);
}

TEST_CASE("cosmic: searches without a person are refused, Cosmic is not asked", "[cosmic][fhir]") {
  fake_transport fake([](const http_request&) { return answer(500, ""); });
  cosmic_booking_system cosmic(fake_options(), fake);
  availability_query q;
  q.from = at("2031-03-09T23:00:00Z");
  q.to = at("2031-03-10T23:00:00Z");
  CHECK(cosmic.available_timeslots("U", q, soon()).error().business == business_code::not_allowed);
  CHECK(fake.requests().empty());
}

TEST_CASE("cosmic: cancel reads the appointment, then PUTs it cancelled with the message extension", "[cosmic][fhir]") {
  fake_transport fake([](const http_request& r) {
    if (r.method == "GET") return answer(200, fixture("appointment.json"));
    return answer(200, r.body);
  });
  cosmic_booking_system cosmic(fake_options(), fake);
  cancel_request c;
  c.appointment = "A-900";
  c.person = tolvan;
  c.reason_text = "Förhindrad";
  auto done = cosmic.cancel("SE2321000016-ABC1", c, soon());
  REQUIRE(done);
  CHECK(done->appointment == "A-900");
  const auto sent = fake.requests();
  REQUIRE(sent.size() == 2);
  CHECK(sent[1].method == "PUT");
  CHECK(sent[1].url == "https://cos.test/fhir/Appointment/A-900");
  const auto body = nlohmann::json::parse(sent[1].body);
  CHECK(body["status"] == "cancelled");
  bool message = false;
  for (const auto& e : body["extension"]) {
    message = message || (e["url"] == appointment_message_url && e["valueString"] == "Förhindrad");
  }
  CHECK(message);

  c.person = person_id{person_number_kind::personnummer, "198112189876"};
  CHECK(cosmic.cancel("SE2321000016-ABC1", c, soon()).error().business == business_code::not_found);
}

TEST_CASE("cosmic: 401 renews the token once; malformed JSON is a bad answer", "[cosmic][fhir]") {
  int calls = 0;
  fake_transport fake([&](const http_request& r) {
    ++calls;
    if (header_of(r, "Authorization") == "Bearer tok-1") return answer(401, R"({"statusCode":401})");
    return answer(200, "{not json");
  });
  cosmic_booking_system cosmic(fake_options(), fake);
  auto a = cosmic.appointment_by_id("U", "A-1", soon());
  CHECK(fake.token_calls() == 2);
  CHECK(calls == 2);
  CHECK(a.error().technical == technical_code::bad_backend_answer);

  fake_transport refused([](const http_request&) { return answer(401, R"({"statusCode":401})"); });
  cosmic_booking_system locked(fake_options(), refused);
  CHECK(locked.appointment_by_id("U", "A-1", soon()).error().technical == technical_code::unauthorized);
  CHECK(refused.token_calls() == 2);
}
