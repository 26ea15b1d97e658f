// SPDX-License-Identifier: GPL-2.0-or-later
// The known traps of the contracts, checked on what the generated code writes
// when given loosely built XML (the path `tidnav call --field` takes).
#include "contracts/operation_registry.hpp"
#include "contracts/schema_validator.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::contracts;

namespace {

std::string build(family fam, std::string_view name, message_kind kind, std::string_view loose,
                  const soap_headers* headers = nullptr) {
  const operation* op = find_operation(fam, name);
  REQUIRE(op);
  codec_error err;
  std::string out = op->canonicalize(kind, loose, input_form::loose_element, headers, err);
  INFO(err.message);
  REQUIRE_FALSE(err);
  static schema_validator validator;
  const auto issues = validator.validate_envelope(out, fam);
  for (const auto& i : issues) FAIL_CHECK("line " << i.line << ": " << i.message << "\n" << out);
  return out;
}

}  // namespace

TEST_CASE("crm 1.1 GetAllPerformers keeps the misspelt perfomer element", "[contracts][traps]") {
  const auto out = build(family::crm11, "GetAllPerformers", message_kind::response,
                         "<GetAllPerformersResponse><performerInfos><perfomer>SE2321000016-PRF7</perfomer>"
                         "<firstName>Åsa</firstName><lastName>Öberg</lastName></performerInfos>"
                         "</GetAllPerformersResponse>");
  CHECK(out.find("<crm:perfomer>SE2321000016-PRF7</crm:perfomer>") != std::string::npos);
  CHECK(out.find("<crm:firstName>Åsa</crm:firstName>") != std::string::npos);  // core ns, UTF-8 intact
}

TEST_CASE("crm 1.1 timeTypeId in TimeTypeType, timeTypeID in TimeslotType", "[contracts][traps]") {
  const auto types = build(family::crm11, "GetAllTimeTypes", message_kind::response,
                           "<GetAllTimeTypesResponse><ListOfTimeTypes><timeTypeName>Läkarbesök</timeTypeName>"
                           "<timeTypeId>TT1</timeTypeId></ListOfTimeTypes></GetAllTimeTypesResponse>");
  CHECK(types.find("<crm:timeTypeId>TT1</crm:timeTypeId>") != std::string::npos);
  CHECK(types.find("<gtt:ListOfTimeTypes>") != std::string::npos);

  const auto slots = build(family::crm11, "GetAvailableTimeslots", message_kind::response,
                           "<GetAvailableTimeslotsResponse><timeslotDetail>"
                           "<startTimeInclusive>20261201090000</startTimeInclusive>"
                           "<endTimeExclusive>20261201093000</endTimeExclusive>"
                           "<healthcare_facility>SE2321000016-ABC1</healthcare_facility>"
                           "<timeTypeID>TT1</timeTypeID><isInvitation>false</isInvitation>"
                           "</timeslotDetail></GetAvailableTimeslotsResponse>");
  CHECK(slots.find("<crm:timeTypeID>TT1</crm:timeTypeID>") != std::string::npos);
  // isInvitation is the one TimeslotType child in the 1.1 ext namespace.
  CHECK(slots.find("<crmx:isInvitation>false</crmx:isInvitation>") != std::string::npos);
}

TEST_CASE("crm 1.1 subject_of_care lives in the per-contract 1.1 ext namespace", "[contracts][traps]") {
  const auto out = build(family::crm11, "GetAvailableDates", message_kind::request,
                         "<GetAvailableDates><healthcare_facility>SE2321000016-ABC1</healthcare_facility>"
                         "<startDateInclusive>20261201</startDateInclusive><endDateInclusive>20261231"
                         "</endDateInclusive><subject_of_care>191212121212</subject_of_care></GetAvailableDates>");
  CHECK(out.find("<gadx:subject_of_care>191212121212</gadx:subject_of_care>") != std::string::npos);
  CHECK(out.find("xmlns:gadx=\"urn:riv:crm:scheduling:GetAvailableDatesResponder:1.1\"") != std::string::npos);
}

TEST_CASE("crm 1.1 MakeBooking puts names in the ext namespace and the facility in _med", "[contracts][traps]") {
  soap_headers h;
  h.logical_address = "SE2321000016-ABC1";
  h.actor = actor_header{"191212121212", "subject_of_care"};
  const auto out = build(family::crm11, "MakeBooking", message_kind::request,
                         "<MakeBooking><healthcare_facility_med>SE2321000016-ABC1</healthcare_facility_med>"
                         "<requestedTimeslot><startTimeInclusive>20261201090000</startTimeInclusive>"
                         "<endTimeExclusive>20261201093000</endTimeExclusive>"
                         "<healthcare_facility>SE2321000016-ABC1</healthcare_facility>"
                         "<subject_of_care>191212121212</subject_of_care></requestedTimeslot>"
                         "<subject_of_care_info><firstName>Tolvan</firstName><lastName>Tolvansson</lastName>"
                         "</subject_of_care_info></MakeBooking>",
                         &h);
  CHECK(out.find("<mb:healthcare_facility_med>") != std::string::npos);
  CHECK(out.find("<crmx:firstName>Tolvan</crmx:firstName>") != std::string::npos);
  CHECK(out.find("<ih:actorId>191212121212</ih:actorId>") != std::string::npos);
}

TEST_CASE("crm 1.1 TimeslotType has no wildcard: an extension inside it is invalid", "[contracts][traps]") {
  schema_validator validator;
  const std::string msg =
      "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>"
      "<g:GetSubjectOfCareScheduleResponse xmlns:g='urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1' "
      "xmlns:c='urn:riv:crm:scheduling:1' xmlns:x='urn:example:extension'><g:timeslotDetail>"
      "<c:healthcare_facility>SE2321000016-ABC1</c:healthcare_facility><x:extra>1</x:extra>"
      "</g:timeslotDetail></g:GetSubjectOfCareScheduleResponse></s:Body></s:Envelope>";
  CHECK_FALSE(validator.validate_envelope(msg, family::crm11).empty());
}

TEST_CASE("scheduling 2.0: actor in the body, UUID ids, personId, result codes", "[contracts][traps]") {
  const auto req = build(family::sched2, "MakeAppointment", message_kind::request,
                         "<MakeAppointment><actor><actorId><root>1.2.752.129.2.1.3.1</root>"
                         "<extension>191212121212</extension></actorId><actorType><code>116154003</code>"
                         "<codeSystem>1.2.752.116.2.1.1</codeSystem></actorType></actor>"
                         "<personId><root>1.2.752.129.2.1.3.1</root><extension>191212121212</extension></personId>"
                         "<timeslotId>0f8fad5b-d9cb-469f-a165-70867728950e</timeslotId></MakeAppointment>");
  CHECK(req.find("<ma:actor><sch:actorId><sch:root>") != std::string::npos);
  CHECK(req.find("Header") == std::string::npos);  // 2.0 has no Actor header

  const auto resp = build(family::sched2, "MakeAppointment", message_kind::response,
                          "<MakeAppointmentResponse><resultCode>REQUESTED_TIME_IS_ALREADY_RESERVED</resultCode>"
                          "<resultText>Tiden är redan bokad.</resultText></MakeAppointmentResponse>");
  CHECK(resp.find("<ma:resultCode>REQUESTED_TIME_IS_ALREADY_RESERVED</ma:resultCode>") != std::string::npos);

  // A UUID that is not one is rejected by the schema.
  schema_validator validator;
  const std::string bad_uuid =
      "<ga:GetAppointment xmlns:ga='urn:riv:supportprocess:logistics:scheduling:GetAppointmentResponder:2' "
      "xmlns:c='urn:riv:supportprocess:logistics:scheduling:2'><ga:actor><c:actorId><c:root>1.2.752.129.2.1.3.1"
      "</c:root><c:extension>191212121212</c:extension></c:actorId><c:actorType><c:code>116154003</c:code>"
      "<c:codeSystem>1.2.752.116.2.1.1</c:codeSystem></c:actorType></ga:actor><ga:appointmentId>BK-123"
      "</ga:appointmentId><ga:personId><c:root>1.2.752.129.2.1.3.1</c:root><c:extension>191212121212</c:extension>"
      "</ga:personId></ga:GetAppointment>";
  CHECK_FALSE(validator.validate_document(bad_uuid, family::sched2).empty());
}

TEST_CASE("an unknown result code is refused by the generated reader", "[contracts][traps]") {
  const operation* op = find_operation(family::sched2, "CancelAppointment");
  codec_error err;
  op->canonicalize(message_kind::response,
                   "<CancelAppointmentResponse><resultCode>MAYBE</resultCode></CancelAppointmentResponse>",
                   input_form::loose_element, nullptr, err);
  CHECK(err.what == codec_error::kind::malformed);
}

TEST_CASE("personnummer patterns have no ^/$ anchors", "[contracts][traps]") {
  schema_validator validator;
  auto doc = [](std::string_view pnr) {
    return "<g:GetSubjectOfCareSchedule xmlns:g='urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1'>"
           "<g:healthcare_facility>SE2321000016-ABC1</g:healthcare_facility><g:subject_of_care>" +
           std::string(pnr) + "</g:subject_of_care></g:GetSubjectOfCareSchedule>";
  };
  CHECK(validator.validate_document(doc("191212121212"), family::crm11).empty());
  CHECK(validator.validate_document(doc("19121212T212"), family::crm11).empty());  // reserve number letter
  CHECK_FALSE(validator.validate_document(doc("^191212121212$"), family::crm11).empty());
  CHECK_FALSE(validator.validate_document(doc("19121212-1212"), family::crm11).empty());
  CHECK(validator.validate_document(doc("191212121212"), family::crm10).empty());
}
