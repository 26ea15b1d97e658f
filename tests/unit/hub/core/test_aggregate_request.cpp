// SPDX-License-Identifier: GPL-2.0-or-later
// Aggregated requests: which contracts aggregate, who the request is about, and
// the request re-addressed to each unit.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include <pugixml.hpp>

#include "aggregate_checks.hpp"
#include "aggregate_fixtures.hpp"
#include "hub/core/aggregate_request.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "hub/core/xml_names.hpp"
#include "hub/core/xml_roundtrip.hpp"

using namespace tidnav::core;
using tidnav::test::read_fixture;
using tidnav::test::request_fixture;

namespace {

constexpr aggregate_kind all_kinds[] = {aggregate_kind::schedule_11, aggregate_kind::appointments_20,
                                        aggregate_kind::timeslots_20, aggregate_kind::timeslots_11};

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

/// The fixture as a consumer sends it to the national aggregator: every
/// occurrence of the fixture's unit replaced by the platform's HSA-id.
std::string national_request(aggregate_kind k) {
  const std::string fixture_unit = k == aggregate_kind::timeslots_20 ? "SE2321000016-K3M8" : "SE2321000016-ABC1";
  return replace_all(request_fixture(k), fixture_unit, "5565594230");
}

std::string retarget_ok(aggregate_kind k, std::string_view req, std::string_view unit) {
  auto r = retarget_request(k, req, unit);
  if (!r) FAIL("retarget failed: " << r.error());
  return std::move(r).value();
}

std::string retarget_error(aggregate_kind k, std::string_view req, std::string_view unit = "SE2321000016-XYZ9") {
  auto r = retarget_request(k, req, unit);
  if (r) FAIL("retarget unexpectedly succeeded:\n" << r.value());
  return std::move(r).error();
}

pugi::xml_node operation_of(pugi::xml_document& doc, std::string_view xml) {
  REQUIRE(doc.load_buffer(xml.data(), xml.size()));
  return child_by_local_name(child_by_local_name(doc.document_element(), "Body"), contract_of(aggregate_kind::schedule_11).operation);
}

std::string serialized(pugi::xml_node n) {
  std::ostringstream out;
  n.print(out, "", pugi::format_raw);
  return out.str();
}

void require_valid_request(aggregate_kind k, std::string_view xml) {
  const auto issues = tidnav::test::validator().validate_envelope(xml, tidnav::test::family_of(k));
  std::string all;
  for (const auto& i : issues) all += std::to_string(i.line) + ": " + i.message + "\n";
  INFO(all << xml);
  REQUIRE(issues.empty());
}

}  // namespace

TEST_CASE("aggregate_kind_of knows the four aggregated contracts", "[aggregate][kind]") {
  CHECK(aggregate_kind_of("urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1", "GetSubjectOfCareSchedule") ==
        aggregate_kind::schedule_11);
  CHECK(aggregate_kind_of("urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2",
                          "GetAppointments") == aggregate_kind::appointments_20);
  CHECK(aggregate_kind_of("urn:riv:supportprocess:logistics:scheduling:GetAvailableTimeslotsResponder:2",
                          "GetAvailableTimeslots") == aggregate_kind::timeslots_20);
  CHECK(aggregate_kind_of("urn:riv:crm:scheduling:GetAvailableTimeslotsResponder:1", "GetAvailableTimeslots") ==
        aggregate_kind::timeslots_11);
}

TEST_CASE("aggregate_kind_of refuses everything else", "[aggregate][kind]") {
  // Not aggregatable contracts of the same families.
  CHECK_FALSE(aggregate_kind_of("urn:riv:crm:scheduling:GetBookingDetailsResponder:1", "GetBookingDetails"));
  CHECK_FALSE(aggregate_kind_of("urn:riv:supportprocess:logistics:scheduling:GetAppointmentResponder:2", "GetAppointment"));
  CHECK_FALSE(aggregate_kind_of("urn:riv:crm:scheduling:GetAvailableDatesResponder:1", "GetAvailableDates"));
  // Right namespace, wrong operation, and the other way round.
  CHECK_FALSE(aggregate_kind_of("urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1", "GetAvailableTimeslots"));
  CHECK_FALSE(aggregate_kind_of("urn:riv:crm:scheduling:GetAvailableTimeslotsResponder:1.1", "GetAvailableTimeslots"));
  // XML namespaces and names are case-sensitive.
  CHECK_FALSE(aggregate_kind_of("URN:RIV:CRM:SCHEDULING:GetSubjectOfCareScheduleResponder:1", "GetSubjectOfCareSchedule"));
  CHECK_FALSE(aggregate_kind_of("urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1", "getSubjectOfCareSchedule"));
  CHECK_FALSE(aggregate_kind_of("", ""));
}

TEST_CASE("aggregate_kind_of agrees with the sniffer on every fixture request", "[aggregate][kind]") {
  for (const aggregate_kind k : all_kinds) {
    INFO(to_string(k));
    const auto info = sniff_envelope(request_fixture(k));
    REQUIRE(info);
    REQUIRE(info->contract_namespace);
    CHECK(aggregate_kind_of(*info->contract_namespace, info->operation) == k);
  }
}

TEST_CASE("read_aggregate_query finds the citizen", "[aggregate][query]") {
  auto q11 = read_aggregate_query(aggregate_kind::schedule_11, request_fixture(aggregate_kind::schedule_11));
  REQUIRE(q11);
  CHECK(q11->person_id == "191212121212");

  auto q20 = read_aggregate_query(aggregate_kind::appointments_20, request_fixture(aggregate_kind::appointments_20));
  REQUIRE(q20);
  CHECK(q20->person_id == "197710102384");  // personId, not the actor (here the same person)

  for (const aggregate_kind k : {aggregate_kind::timeslots_20, aggregate_kind::timeslots_11}) {
    auto q = read_aggregate_query(k, request_fixture(k));
    REQUIRE(q);
    CHECK(q->person_id.empty());
  }
}

TEST_CASE("read_aggregate_query reads personId, not the acting guardian", "[aggregate][query]") {
  std::string req = request_fixture(aggregate_kind::appointments_20);
  // The actor's id comes first in the document; a guardian acts for a child.
  const auto person = req.rfind("197710102384");
  req.replace(person, 12, "201212121212");
  auto q = read_aggregate_query(aggregate_kind::appointments_20, req);
  REQUIRE(q);
  CHECK(q->person_id == "201212121212");
}

TEST_CASE("read_aggregate_query accepts samordningsnummer and reserve numbers, trimmed", "[aggregate][query]") {
  const std::string base = request_fixture(aggregate_kind::schedule_11);
  for (const auto& [written, expected] : std::vector<std::pair<std::string, std::string>>{
           {"197010632391", "197010632391"}, {" 19121212T212\n", "19121212T212"}, {"19121212p212", "19121212p212"}}) {
    const std::string req =
        replace_all(base, "<gs:subject_of_care>191212121212<", "<gs:subject_of_care>" + written + "<");
    auto q = read_aggregate_query(aggregate_kind::schedule_11, req);
    REQUIRE(q);
    CHECK(q->person_id == expected);
  }
}

TEST_CASE("read_aggregate_query says what is wrong", "[aggregate][query]") {
  const std::string s11 = request_fixture(aggregate_kind::schedule_11);
  const auto error_of = [](aggregate_kind k, std::string_view req) {
    auto q = read_aggregate_query(k, req);
    REQUIRE_FALSE(q);
    return q.error();
  };
  CHECK_THAT(error_of(aggregate_kind::schedule_11, "not xml"), Catch::Contains("not usable XML"));
  CHECK_THAT(error_of(aggregate_kind::schedule_11, "<a/>"), Catch::Contains("not a SOAP 1.1 Envelope"));
  CHECK_THAT(error_of(aggregate_kind::appointments_20, s11), Catch::Contains("GetAppointments"));
  CHECK_THAT(error_of(aggregate_kind::schedule_11,
                      replace_all(s11, "<gs:subject_of_care>191212121212</gs:subject_of_care>", "")),
             Catch::Contains("no subject_of_care"));
  CHECK_THAT(error_of(aggregate_kind::schedule_11, replace_all(s11, ">191212121212</gs", ">19121212-1212</gs")),
             Catch::Contains("not a personnummer"));
  CHECK_THAT(error_of(aggregate_kind::schedule_11,
                      "<!DOCTYPE x [<!ENTITY e 'x'>]>" + s11.substr(s11.find("<soapenv:Envelope"))),
             Catch::Contains("DOCTYPE"));
  std::string a20 = request_fixture(aggregate_kind::appointments_20);
  a20.erase(a20.find("<gas:personId>"), a20.find("<gas:fromDate>") - a20.find("<gas:personId>"));
  CHECK_THAT(error_of(aggregate_kind::appointments_20, a20), Catch::Contains("no personId"));
}

TEST_CASE("retarget_request readdresses crm 1.1 GetSubjectOfCareSchedule: header and healthcare_facility",
          "[aggregate][retarget]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string req = national_request(k);
  const std::string out = retarget_ok(k, req, "SE2321000016-XYZ9");

  const auto info = sniff_envelope(out);
  REQUIRE(info);
  CHECK(info->logical_address == "SE2321000016-XYZ9");
  CHECK(info->profile == riv_profile::rivtabp21);

  pugi::xml_document before_doc, after_doc;
  operation_of(before_doc, req);
  const pugi::xml_node after = operation_of(after_doc, out);
  CHECK(std::string(child_by_local_name(after, "healthcare_facility").child_value()) == "SE2321000016-XYZ9");
  CHECK(std::string(child_by_local_name(after, "subject_of_care").child_value()) == "191212121212");
  // The Actor header is the consumer's, unchanged.
  const auto actor = [](pugi::xml_document& d) {
    return serialized(child_by_local_name(child_by_local_name(d.document_element(), "Header"), "Actor"));
  };
  CHECK(actor(after_doc) == actor(before_doc));
  CHECK_THAT(actor(after_doc), Catch::Contains("<ih:actorId>191212121212</ih:actorId>"));
  // The consumer's prefixes, comment and layout are kept.
  CHECK_THAT(out, Catch::Contains("<itr:LogicalAddress>SE2321000016-XYZ9</itr:LogicalAddress>"));
  CHECK_THAT(out, Catch::Contains("<gs:healthcare_facility>SE2321000016-XYZ9</gs:healthcare_facility>"));
  CHECK_THAT(out, Catch::Contains("Fictional test data"));
  CHECK(out.find("5565594230") == std::string::npos);
  require_valid_request(k, out);
}

TEST_CASE("retarget_request leaves everything else as it was", "[aggregate][retarget]") {
  // Re-addressing a fixture to the unit it already names gives the fixture back,
  // as a faithful parse and write gives it (that only normalises whitespace
  // inside tags and after the root element).
  for (const aggregate_kind k : all_kinds) {
    INFO(to_string(k));
    const std::string req = request_fixture(k);
    const std::string unit = k == aggregate_kind::timeslots_20 ? "SE2321000016-K3M8" : "SE2321000016-ABC1";
    pugi::xml_document doc;
    REQUIRE_FALSE(load_faithful(doc, req));
    CHECK(retarget_ok(k, req, unit) == to_utf8_xml(doc));
  }
}

TEST_CASE("retarget_request gives each unit its own request and leaves the input alone", "[aggregate][retarget]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string req = national_request(k);
  const std::string copy = req;
  const std::string a = retarget_ok(k, req, "SE2321000016-AAA1");
  const std::string b = retarget_ok(k, req, "SE2321000016-BBB2");
  CHECK(req == copy);
  CHECK(a.find("BBB2") == std::string::npos);
  CHECK(b.find("AAA1") == std::string::npos);
  CHECK(replace_all(a, "SE2321000016-AAA1", "X") == replace_all(b, "SE2321000016-BBB2", "X"));
}

TEST_CASE("retarget_request readdresses 2.0 requests in the header only", "[aggregate][retarget]") {
  for (const aggregate_kind k : {aggregate_kind::appointments_20, aggregate_kind::timeslots_20}) {
    INFO(to_string(k));
    const std::string req = national_request(k);
    const std::string out = retarget_ok(k, req, "SE2321000016-XYZ9");
    const auto info = sniff_envelope(out);
    REQUIRE(info);
    CHECK(info->logical_address == "SE2321000016-XYZ9");
    // The 2.0 request bodies have no unit field: the body is untouched.
    const auto body_of = [](const std::string& s) {
      return s.substr(s.find("<soapenv:Body>"), s.find("</soapenv:Body>") - s.find("<soapenv:Body>"));
    };
    CHECK(body_of(out) == body_of(req));
    require_valid_request(k, out);
  }
}

TEST_CASE("retarget_request readdresses crm 1.1 GetAvailableTimeslots", "[aggregate][retarget]") {
  const aggregate_kind k = aggregate_kind::timeslots_11;
  const std::string out = retarget_ok(k, national_request(k), "SE2321000016-XYZ9");
  CHECK_THAT(out, Catch::Contains("<itr:LogicalAddress>SE2321000016-XYZ9</itr:LogicalAddress>"));
  CHECK_THAT(out, Catch::Contains("<gat:healthcare_facility>SE2321000016-XYZ9</gat:healthcare_facility>"));
  CHECK_THAT(out, Catch::Contains("<gat11:subject_of_care>197710102384</gat11:subject_of_care>"));
  CHECK_THAT(out, Catch::Contains("<gat:performer>SE2321000016-PRF7</gat:performer>"));  // an HSA-id, not the unit
  require_valid_request(k, out);
}

TEST_CASE("retarget_request sets every LogicalAddress and escapes the unit", "[aggregate][retarget]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  std::string req = national_request(k);
  req = replace_all(req, "<itr:LogicalAddress>5565594230</itr:LogicalAddress>",
                    "<itr:LogicalAddress>5565594230</itr:LogicalAddress>"
                    "<x:LogicalAddress xmlns:x=\"urn:riv:itintegration:registry:1\"><!-- c --><![CDATA[5565594230]]></x:LogicalAddress>");
  const std::string out = retarget_ok(k, req, "SE<&>1");
  CHECK(out.find("5565594230") == std::string::npos);
  const auto info = sniff_envelope(out);
  REQUIRE(info);
  CHECK(info->logical_address == "SE<&>1");
}

TEST_CASE("retarget_request refuses requests of the wrong shape", "[aggregate][retarget]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string req = national_request(k);
  // RIVTA BP 2.0 (crm 1.0 shares the 1.1 namespaces): wsa:To, no LogicalAddress.
  CHECK_THAT(retarget_error(k, read_fixture("crm-scheduling-1.0/GetSubjectOfCareSchedule-request.xml")),
             Catch::Contains("LogicalAddress"));
  CHECK_THAT(retarget_error(k, replace_all(req, "<gs:healthcare_facility>5565594230</gs:healthcare_facility>", "")),
             Catch::Contains("healthcare_facility"));
  CHECK_THAT(retarget_error(aggregate_kind::timeslots_11, req), Catch::Contains("GetAvailableTimeslots"));
  CHECK_THAT(retarget_error(k, "<soapenv:Envelope"), Catch::Contains("not usable XML"));
  CHECK_THAT(retarget_error(k, replace_all(req, "http://schemas.xmlsoap.org/soap/envelope/",
                                           "http://www.w3.org/2003/05/soap-envelope")),
             Catch::Contains("SOAP 1.1"));
  CHECK_THAT(retarget_error(k, req, ""), Catch::Contains("empty"));
  CHECK_THAT(retarget_error(k, req, "  "), Catch::Contains("empty"));
  CHECK_THAT(retarget_error(k, req, std::string("SE\x01", 3)), Catch::Contains("XML"));
  CHECK_THAT(retarget_error(k, "<!DOCTYPE x>" + req.substr(req.find("<soapenv:Envelope"))),
             Catch::Contains("DOCTYPE"));
}
