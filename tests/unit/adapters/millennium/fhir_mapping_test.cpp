// SPDX-License-Identifier: GPL-2.0-or-later
// The Millennium mapping in both directions against a fake transport: what we
// send (queries, POST and PATCH bodies, headers) and what we make of the answers
// (JSON fixtures in tests/fixtures/millennium).
#include "adapters/millennium/fhir_mapping.hpp"
#include "adapters/millennium/millennium_booking_system.hpp"
#include "adapters/millennium/millennium_client.hpp"
#include "millennium_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::millennium;
using namespace tidnav::adapters::millennium::test;
using json = nlohmann::json;

namespace {

const person_id tolvan{person_number_kind::personnummer, "191212121212"};

deadline soon() { return std::chrono::steady_clock::now() + std::chrono::seconds(5); }

instant at(const char* text) { return *parse_fhir_instant(text); }

availability_query march_10_to_12() {
  availability_query q;
  q.from = at("2031-03-09T23:00:00Z");
  q.to = at("2031-03-12T23:00:00Z");
  q.person = tolvan;
  return q;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A route answering Patient search, Appointment read and writes from fixtures.
http_response tenant_route(const http_request& r) {
  if (has(r.url, "/Patient?")) return answer(200, fixture("patient-bundle.json"));
  if (r.method == "GET" && has(r.url, "/Appointment/M-900")) {
    return answer(200, fixture("appointment.json"), {{"ETag", "W/\"3\""}});
  }
  if (r.method == "POST") {
    return answer(201, "", {{"Location", "https://mil.test/r4/t1/Appointment/M-5000/_history/1"}, {"ETag", "W/\"1\""}});
  }
  if (r.method == "PATCH") return answer(200, fixture("appointment.json"));
  return answer(404, "");
}

}  // namespace

TEST_CASE("millennium: Slot search sends the required parameters and follows next links", "[millennium][mapping]") {
  fake_transport t([](const http_request& r) {
    return has(r.url, "pageContext=") ? answer(200, fixture("slots-page2.json")) : answer(200, fixture("slots-page1.json"));
  });
  millennium_booking_system sys(tenant_options(), t);
  auto q = march_10_to_12();
  q.practitioners = {doctor_hsa};
  auto slots = sys.available_timeslots("LOC-ASA", q, soon());
  REQUIRE(slots);
  const auto reqs = t.requests();
  REQUIRE(reqs.size() == 2);
  const std::string& first = reqs[0].url;
  CHECK(first.rfind("https://mil.test/r4/t1/Slot?", 0) == 0);
  // Both codes of one system in one comma-separated service-type.
  CHECK(has(first, "service-type=" + url_encode(code_set + "|2572307," + code_set + "|2572311")));
  CHECK(has(first, "start=ge2031-03-09T23%3A00%3A00Z&start=lt2031-03-12T23%3A00%3A00Z"));
  CHECK(has(first, "-location=LOC-ASA"));
  CHECK(has(first, "schedule.actor=Practitioner%2FPR-1"));
  CHECK(has(first, "_count=4"));
  CHECK(reqs[1].url == "https://mil.test/r4/t1/Slot?pageContext=f4a1c0de&direction=NEXT");  // as given, not built
  CHECK(header_of(reqs[0], "Authorization") == "Bearer tok-1");
  CHECK(header_of(reqs[0], "Accept") == "application/fhir+json");

  REQUIRE(slots.value().size() == 3);
  const auto& s = slots.value()[0];
  CHECK(s.id == "S-100");
  CHECK(s.unit == "LOC-ASA");
  CHECK(s.start == at("2031-03-10T07:30:00Z"));
  CHECK(s.type.code == "2572307");
  CHECK(s.type.name == "Läkarbesök 30 min");  // the configured name wins over Millennium's display
  REQUIRE(s.resource);
  CHECK(s.resource->name == "Rum 4");
  CHECK(slots.value()[1].start == at("2031-03-10T08:00:00Z"));  // +02:00 read as an offset
  CHECK(slots.value()[2].id == "S-102");

  // One token for all three calls, fetched with HTTP Basic.
  const auto tokens = t.token_requests();
  REQUIRE(tokens.size() == 1);
  CHECK(header_of(tokens[0], "Authorization") == "Basic " + base64("tidnav-test:sim-secret"));
  CHECK(has(tokens[0].body, "grant_type=client_credentials"));
}

TEST_CASE("millennium: dates are grouped by Swedish day, unknown practitioners give nothing", "[millennium][mapping]") {
  fake_transport t([](const http_request& r) {
    return has(r.url, "pageContext=") ? answer(200, fixture("slots-page2.json")) : answer(200, fixture("slots-page1.json"));
  });
  millennium_booking_system sys(tenant_options(), t);
  auto dates = sys.available_dates("LOC-ASA", march_10_to_12(), soon());
  REQUIRE(dates);
  CHECK(dates.value().size() == 3);  // 10th × 2 types, 11th × 1
  auto q = march_10_to_12();
  q.practitioners = {"SE2321000016-NOBODY"};
  auto none = sys.available_timeslots("LOC-ASA", q, soon());
  REQUIRE(none);
  CHECK(none.value().empty());
  auto unknown = sys.available_timeslots("LOC-NOPE", march_10_to_12(), soon());
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().business == business_code::unit_not_found);
}

TEST_CASE("millennium: an Appointment is read into the model", "[millennium][mapping]") {
  auto a = read_appointment(json::parse(fixture("appointment.json")), tenant_options());
  REQUIRE(a);
  const auto& v = a.value().value;
  CHECK(a.value().patient_id == "12724067");
  CHECK(a.value().status == "booked");
  CHECK(v.id == "M-900");
  CHECK(v.slot.id == "S-900");
  CHECK(v.slot.unit == "LOC-ASA");
  CHECK(v.slot.type.code == "2572307");
  CHECK(v.reason_text == "Kontroll");
  CHECK(v.purpose == "Kom 10 minuter före.");
  CHECK(v.cancel_allowed);
  CHECK_FALSE(v.update_allowed);  // is-reschedulable false beats the configured default
  REQUIRE(v.slot.practitioners.size() == 2);
  CHECK(v.slot.practitioners[0].hsa_id == doctor_hsa);
  CHECK(v.slot.practitioners[1].hsa_id.empty());
  CHECK(v.slot.practitioners[1].last_name == "Okänd, Olle");
  CHECK(if_match_of("", json::parse(fixture("appointment.json"))) == "W/\"3\"");
  CHECK(reference_id("https://mil.test/r4/t1/Appointment/M-1/_history/2", "Appointment") == "M-1");
}

TEST_CASE("millennium: make POSTs a booked Appointment and reads the id from Location", "[millennium][mapping]") {
  fake_transport t(tenant_route);
  millennium_booking_system sys(tenant_options(), t);
  make_request r;
  r.person = tolvan;
  r.slot = "S-101";
  r.reason_text = "Ont i halsen";
  r.notification = "Behöver tolk";
  auto made = sys.make("LOC-ASA", r, soon());
  REQUIRE(made);
  CHECK(made.value().appointment == "M-5000");
  const auto reqs = t.requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].url == "https://mil.test/r4/t1/Patient?identifier=" +
                           url_encode("urn:oid:1.2.752.129.2.1.3.1|191212121212"));
  CHECK(reqs[1].method == "POST");
  CHECK(reqs[1].url == "https://mil.test/r4/t1/Appointment");
  CHECK(header_of(reqs[1], "Content-Type") == "application/fhir+json");
  CHECK(json::parse(reqs[1].body) == json::parse(fixture("appointment-create.json")));
}

TEST_CASE("millennium: make for a person Millennium does not know is invalid_person", "[millennium][mapping]") {
  fake_transport t([](const http_request&) { return answer(200, fixture("empty-bundle.json")); });
  millennium_booking_system sys(tenant_options(), t);
  make_request r;
  r.person = tolvan;
  r.slot = "S-101";
  auto made = sys.make("LOC-ASA", r, soon());
  REQUIRE_FALSE(made);
  CHECK(made.error().business == business_code::invalid_person);
  CHECK(t.requests().size() == 1);  // nothing was POSTed
}

TEST_CASE("millennium: cancel PATCHes status and a reason coding with If-Match", "[millennium][mapping]") {
  fake_transport t(tenant_route);
  millennium_booking_system sys(tenant_options(), t);
  cancel_request r;
  r.appointment = "M-900";
  r.person = tolvan;
  r.reason_text = "Förhindrad";  // Millennium ignores text: not sent
  auto done = sys.cancel("LOC-ASA", r, soon());
  REQUIRE(done);
  CHECK(done.value().appointment == "M-900");
  const auto reqs = t.requests();
  REQUIRE(reqs.size() == 3);  // read, patient, patch
  const auto& patch = reqs.back();
  CHECK(patch.method == "PATCH");
  CHECK(patch.url == "https://mil.test/r4/t1/Appointment/M-900");
  CHECK(header_of(patch, "If-Match") == "W/\"3\"");
  CHECK(header_of(patch, "Content-Type") == "application/json-patch+json");
  CHECK(json::parse(patch.body) == json::parse(fixture("cancel-patch.json")));
}

TEST_CASE("millennium: reschedule is refused when is-reschedulable is false, else PATCHes /slot", "[millennium][mapping]") {
  fake_transport t(tenant_route);
  millennium_booking_system sys(tenant_options(), t);
  update_request r;
  r.appointment = "M-900";
  r.person = tolvan;
  r.slot = "S-102";
  auto refused = sys.update("LOC-ASA", r, soon());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().business == business_code::not_allowed);
  CHECK(json::parse(fixture("reschedule-patch.json")) == reschedule_patch("S-102"));

  fake_transport movable([](const http_request& req) {
    if (req.method == "GET" && has(req.url, "/Appointment/M-900")) {
      auto a = json::parse(fixture("appointment.json"));
      a["extension"][1]["valueBoolean"] = true;
      return answer(200, a.dump(), {{"ETag", "W/\"3\""}});
    }
    if (req.method == "PATCH") return answer(409, fixture("outcome-conflict.json"));
    return tenant_route(req);
  });
  millennium_booking_system sys2(tenant_options(), movable);
  auto stale = sys2.update("LOC-ASA", r, soon());
  REQUIRE_FALSE(stale);
  CHECK(stale.error().business == business_code::appointment_already_updated);
  CHECK(json::parse(movable.requests().back().body) == json::parse(fixture("reschedule-patch.json")));
}

TEST_CASE("millennium: someone else's appointment is not_found; a cancelled one is already cancelled", "[millennium][mapping]") {
  fake_transport t(tenant_route);
  millennium_booking_system sys(tenant_options(), t);
  cancel_request r;
  r.appointment = "M-900";
  r.person = person_id{person_number_kind::personnummer, "198112189876"};
  // The fake answers Tolvan's Patient to every search; make it someone else's booking instead.
  fake_transport other([](const http_request& req) {
    if (has(req.url, "/Patient?")) {
      auto b = json::parse(fixture("patient-bundle.json"));
      b["entry"][0]["resource"]["id"] = "999";
      return answer(200, b.dump());
    }
    return tenant_route(req);
  });
  millennium_booking_system sys_other(tenant_options(), other);
  auto refused = sys_other.cancel("LOC-ASA", r, soon());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().business == business_code::not_found);

  fake_transport cancelled([](const http_request& req) {
    if (req.method == "GET" && has(req.url, "/Appointment/M-900")) {
      auto a = json::parse(fixture("appointment.json"));
      a["status"] = "cancelled";
      return answer(200, a.dump());
    }
    return tenant_route(req);
  });
  millennium_booking_system sys_cancelled(tenant_options(), cancelled);
  r.person = tolvan;
  auto twice = sys_cancelled.cancel("LOC-ASA", r, soon());
  REQUIRE_FALSE(twice);
  CHECK(twice.error().business == business_code::appointment_already_canceled);
}

TEST_CASE("millennium: malformed JSON, foreign next links and endless paging are technical errors", "[millennium][mapping]") {
  fake_transport garbage([](const http_request&) { return answer(200, "{\"resourceType\":\"Bundle\",\"entry\":["); });
  millennium_booking_system sys(tenant_options(), garbage);
  auto bad = sys.available_timeslots("LOC-ASA", march_10_to_12(), soon());
  REQUIRE_FALSE(bad);
  CHECK(bad.error().technical == technical_code::bad_backend_answer);

  fake_transport foreign([](const http_request&) {
    auto b = json::parse(fixture("slots-page1.json"));
    b["link"][1]["url"] = "https://evil.test/r4/t1/Slot?pageContext=x";
    return answer(200, b.dump());
  });
  millennium_booking_system sys2(tenant_options(), foreign);
  auto leaked = sys2.available_timeslots("LOC-ASA", march_10_to_12(), soon());
  REQUIRE_FALSE(leaked);
  CHECK(leaked.error().technical == technical_code::bad_backend_answer);
  CHECK(foreign.requests().size() == 1);  // the token never went to evil.test

  fake_transport endless([](const http_request&) { return answer(200, fixture("slots-page1.json")); });
  millennium_booking_system sys3(tenant_options(), endless);
  auto forever = sys3.available_timeslots("LOC-ASA", march_10_to_12(), soon());
  REQUIRE_FALSE(forever);
  CHECK(endless.requests().size() == tenant_options().max_pages);
}

TEST_CASE("millennium: a 401 renews the token once; a second 401 is unauthorized", "[millennium][mapping]") {
  int calls = 0;
  fake_transport t([&](const http_request& r) {
    ++calls;
    if (header_of(r, "Authorization") == "Bearer tok-1") return answer(401, "");
    return answer(200, fixture("empty-bundle.json"));
  });
  millennium_booking_system sys(tenant_options(), t);
  auto list = sys.appointments("LOC-ASA", tolvan, {}, soon());
  REQUIRE(list);
  CHECK(list.value().empty());
  CHECK(t.token_requests().size() == 2);

  fake_transport never([](const http_request&) { return answer(401, ""); });
  millennium_booking_system sys2(tenant_options(), never);
  auto refused = sys2.appointments("LOC-ASA", tolvan, {}, soon());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().technical == technical_code::unauthorized);
}
