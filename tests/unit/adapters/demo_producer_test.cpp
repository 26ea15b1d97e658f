// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/demo/demo_producer.hpp"
#include "contracts/loose_builder.hpp"
#include "contracts/operation_registry.hpp"
#include "contracts/schema_validator.hpp"

#include <catch2/catch.hpp>

using namespace tidnav;
using contracts::family;

namespace {

std::string request(family fam, const char* name, std::vector<contracts::field> fields, const char* address) {
  const auto* op = contracts::find_operation(fam, name);
  REQUIRE(op);
  std::string error;
  const std::string loose = contracts::build_loose_element(name, fields, error);
  REQUIRE(error.empty());
  contracts::soap_headers h;
  h.logical_address = address;
  if (fam == family::crm11) h.actor = contracts::actor_header{"191212121212", "subject_of_care"};
  contracts::codec_error err;
  std::string xml = op->canonicalize(contracts::message_kind::request, loose, contracts::input_form::loose_element, &h, err);
  REQUIRE_FALSE(err);
  return xml;
}

contracts::schema_validator& validator() {
  static contracts::schema_validator v;
  return v;
}

}  // namespace

TEST_CASE("demo producer answers GetSubjectOfCareSchedule 1.1 with the person's bookings", "[adapters][demo]") {
  const auto unit = adapters::default_demo_unit();
  const auto reply = adapters::handle_demo_request(
      unit, request(family::crm11, "GetSubjectOfCareSchedule",
                    {{"healthcare_facility", unit.hsa_id}, {"subject_of_care", "191212121212"}}, unit.hsa_id.c_str()));
  REQUIRE(reply.http_status == 200);
  CHECK(validator().validate_envelope(reply.body, family::crm11).empty());
  CHECK(reply.body.find("<crm:bookingId>DEMO-1001</crm:bookingId>") != std::string::npos);
  CHECK(reply.body.find("<crm:bookingId>DEMO-1002</crm:bookingId>") != std::string::npos);
  CHECK(reply.body.find("Läkarbesök") != std::string::npos);
}

TEST_CASE("demo producer answers GetAppointments and GetAppointment 2.0", "[adapters][demo]") {
  const auto unit = adapters::default_demo_unit();
  const std::vector<contracts::field> who = {{"actor.actorId.root", "1.2.752.129.2.1.3.1"},
                                             {"actor.actorId.extension", "191212121212"},
                                             {"actor.actorType.code", "116154003"},
                                             {"actor.actorType.codeSystem", "1.2.752.116.2.1.1"},
                                             {"personId.root", "1.2.752.129.2.1.3.1"},
                                             {"personId.extension", "191212121212"}};
  const auto list = adapters::handle_demo_request(unit, request(family::sched2, "GetAppointments", who, unit.hsa_id.c_str()));
  REQUIRE(list.http_status == 200);
  CHECK(validator().validate_envelope(list.body, family::sched2).empty());
  CHECK(list.body.find("7c9e6679-7425-40de-944b-e07fc1f90ae7") != std::string::npos);

  auto fields = who;
  fields.insert(fields.begin() + 4, {"appointmentId", "7c9e6679-7425-40de-944b-e07fc1f90ae7"});
  const auto one = adapters::handle_demo_request(unit, request(family::sched2, "GetAppointment", fields, unit.hsa_id.c_str()));
  REQUIRE(one.http_status == 200);
  CHECK(validator().validate_envelope(one.body, family::sched2).empty());
  CHECK(one.body.find("<ga:resultCode>OK</ga:resultCode>") != std::string::npos);
  CHECK(one.body.find("<sch:startTime>20270115093000</sch:startTime>") != std::string::npos);
}

TEST_CASE("demo producer faults on a wrong address, an unknown contract and garbage", "[adapters][demo]") {
  const auto unit = adapters::default_demo_unit();
  const auto wrong = adapters::handle_demo_request(
      unit, request(family::crm11, "GetSubjectOfCareSchedule",
                    {{"healthcare_facility", "X"}, {"subject_of_care", "191212121212"}}, "SE2321000016-OTHER"));
  CHECK(wrong.http_status == 500);
  CHECK(wrong.body.find("SOAP-ENV:Client") != std::string::npos);

  const auto not_offered = adapters::handle_demo_request(
      unit, request(family::crm11, "CancelBooking", {{"healthcare_facility", unit.hsa_id}, {"bookingId", "1"}},
                    unit.hsa_id.c_str()));
  CHECK(not_offered.http_status == 500);
  CHECK(not_offered.body.find("CancelBooking is not offered") != std::string::npos);

  const auto garbage = adapters::handle_demo_request(unit, "<<<not xml");
  CHECK(garbage.http_status == 500);
  CHECK(garbage.body.find("<faultstring>") != std::string::npos);
}

// As a real producer (and adapters/core in front of the memory system) must:
// the schema's pattern cannot check the date or the check digit, so code does.
TEST_CASE("demo producer refuses a malformed personnummer as the contracts require", "[adapters][demo]") {
  const auto unit = adapters::default_demo_unit();
  const std::string bad = GENERATE(std::string("19121212-ABC"), std::string("191212121213"),
                                   std::string("19121332121"), std::string("191302301234"));
  INFO(bad);

  // 1.1 read without resultCode: a Client fault, HTTP 500.
  const auto schedule = adapters::handle_demo_request(
      unit, request(family::crm11, "GetSubjectOfCareSchedule",
                    {{"healthcare_facility", unit.hsa_id}, {"subject_of_care", bad}}, unit.hsa_id.c_str()));
  CHECK(schedule.http_status == 500);
  CHECK(schedule.body.find("SOAP-ENV:Client") != std::string::npos);
  CHECK(schedule.body.find("inte giltigt") != std::string::npos);
  CHECK(schedule.body.find("DEMO-100") == std::string::npos);

  std::vector<contracts::field> who = {{"actor.actorId.root", "1.2.752.129.2.1.3.1"},
                                       {"actor.actorId.extension", "191212121212"},
                                       {"actor.actorType.code", "116154003"},
                                       {"actor.actorType.codeSystem", "1.2.752.116.2.1.1"},
                                       {"personId.root", "1.2.752.129.2.1.3.1"},
                                       {"personId.extension", bad}};
  // 2.0 GetAppointments (no resultCode): a Client fault.
  const auto list = adapters::handle_demo_request(unit, request(family::sched2, "GetAppointments", who, unit.hsa_id.c_str()));
  CHECK(list.http_status == 500);
  CHECK(list.body.find("SOAP-ENV:Client") != std::string::npos);

  // 2.0 GetAppointment (has a resultCode): ERROR with a text, schema-valid, no booking.
  who.insert(who.begin() + 4, {"appointmentId", "7c9e6679-7425-40de-944b-e07fc1f90ae7"});
  const auto one = adapters::handle_demo_request(unit, request(family::sched2, "GetAppointment", who, unit.hsa_id.c_str()));
  REQUIRE(one.http_status == 200);
  CHECK(validator().validate_envelope(one.body, family::sched2).empty());
  CHECK(one.body.find(">ERROR</") != std::string::npos);
  CHECK(one.body.find("20270115093000") == std::string::npos);
}

TEST_CASE("demo producer: a samordningsnummer under the personnummer root, and another person's booking",
          "[adapters][demo]") {
  const auto unit = adapters::default_demo_unit();
  auto who = [](const std::string& root, const std::string& number) {
    return std::vector<contracts::field>{{"actor.actorId.root", "1.2.752.129.2.1.3.1"},
                                         {"actor.actorId.extension", "191212121212"},
                                         {"actor.actorType.code", "116154003"},
                                         {"actor.actorType.codeSystem", "1.2.752.116.2.1.1"},
                                         {"appointmentId", "7c9e6679-7425-40de-944b-e07fc1f90ae7"},
                                         {"personId.root", root},
                                         {"personId.extension", number}};
  };
  // 197010632391: a valid samordningsnummer (day + 60), sent with the personnummer OID.
  auto wrong_root = who("1.2.752.129.2.1.3.1", "197010632391");
  wrong_root.erase(wrong_root.begin() + 4);
  const auto list = adapters::handle_demo_request(unit, request(family::sched2, "GetAppointments", wrong_root, unit.hsa_id.c_str()));
  CHECK(list.http_status == 500);
  CHECK(list.body.find("does not match") != std::string::npos);
  // Tolvan's booking asked for by another (valid) person: not handed out.
  const auto other = adapters::handle_demo_request(
      unit, request(family::sched2, "GetAppointment", who("1.2.752.129.2.1.3.1", "198112189876"), unit.hsa_id.c_str()));
  REQUIRE(other.http_status == 200);
  CHECK(other.body.find(">ERROR</") != std::string::npos);
  CHECK(other.body.find("20270115093000") == std::string::npos);
}

TEST_CASE("loose builder nests, indexes and repeats fields", "[contracts][loose]") {
  std::string error;
  const auto xml = contracts::build_loose_element(
      "R", {{"a.b", "1"}, {"a.c", "2"}, {"p", "x"}, {"p", "y"}, {"t[2].v", "second"}, {"t[1].v", "first"}}, error);
  CHECK(error.empty());
  CHECK(xml == "<R><a><b>1</b><c>2</c></a><p>x</p><p>y</p><t><v>first</v></t><t><v>second</v></t></R>");
  contracts::field f;
  CHECK_FALSE(contracts::parse_field("novalue", f));
  CHECK(contracts::parse_field("a.b=c=d", f));
  CHECK(f.value == "c=d");
  contracts::build_loose_element("R", {{"a..b", "1"}}, error);
  CHECK_FALSE(error.empty());
  error.clear();
  contracts::build_loose_element("R", {{"a<b", "1"}}, error);
  CHECK_FALSE(error.empty());
}
