// SPDX-License-Identifier: GPL-2.0-or-later
// The typed facade as adapters use it: generated classes in, bytes out, and back.
#include "contracts/envelope_codec.hpp"
#include "contracts/namespaces.hpp"
#define WITH_NOGLOBAL
#include "crm11H.h"

#include <catch2/catch.hpp>

using namespace tidnav::contracts;

namespace {

std::string schedule_response(soap_context& ctx, int bookings, const std::string& reason) {
  crm11::socs__GetSubjectOfCareScheduleResponseType resp;
  resp.soap_default(ctx.get());
  for (int i = 0; i < bookings; ++i) {
    auto* slot = crm11::soap_new_crm__TimeslotType(ctx.get());
    slot->healthcare_USCOREfacility = "SE2321000016-ABC1";
    slot->bookingId = crm11::soap_new_std__string(ctx.get());
    *slot->bookingId = "BK-" + std::to_string(i);
    slot->reason = crm11::soap_new_std__string(ctx.get());
    *slot->reason = reason;
    resp.timeslotDetail.push_back(slot);
  }
  codec_error err;
  std::string xml = write_envelope(ctx, resp, "socs:GetSubjectOfCareScheduleResponse", nullptr, err);
  REQUIRE_FALSE(err);
  return xml;
}

}  // namespace

TEST_CASE("typed write and read of a 100-booking schedule keeps Swedish text", "[contracts][codec]") {
  soap_context writer(namespaces_of(family::crm11));
  const std::string xml = schedule_response(writer, 100, "Återbesök – provsvar <&> ÅÄÖ");

  soap_context reader(namespaces_of(family::crm11));
  crm11::socs__GetSubjectOfCareScheduleResponseType back;
  codec_error err;
  REQUIRE(read_envelope(reader, xml, back, "socs:GetSubjectOfCareScheduleResponse", nullptr, err));
  REQUIRE(back.timeslotDetail.size() == 100);
  CHECK(*back.timeslotDetail[99]->bookingId == "BK-99");
  CHECK(*back.timeslotDetail[0]->reason == "Återbesök – provsvar <&> ÅÄÖ");
}

TEST_CASE("request headers are read, and never echoed into a response", "[contracts][codec]") {
  soap_context ctx(namespaces_of(family::crm11));
  crm11::socs__GetSubjectOfCareScheduleType req;
  req.soap_default(ctx.get());
  req.healthcare_USCOREfacility = "SE2321000016-ABC1";
  req.subject_USCOREof_USCOREcare = "191212121212";
  soap_headers h;
  h.logical_address = "SE2321000016-ABC1";
  h.actor = actor_header{"191212121212", "subject_of_care"};
  codec_error err;
  const std::string request = write_envelope(ctx, req, "socs:GetSubjectOfCareSchedule", &h, err);
  REQUIRE_FALSE(err);

  soap_context server(namespaces_of(family::crm11));
  crm11::socs__GetSubjectOfCareScheduleType parsed;
  soap_headers got;
  REQUIRE(read_envelope(server, request, parsed, "socs:GetSubjectOfCareSchedule", &got, err));
  CHECK(got.logical_address == std::optional<std::string>("SE2321000016-ABC1"));
  REQUIRE(got.actor);
  CHECK(got.actor->type == "subject_of_care");
  CHECK(parsed.subject_USCOREof_USCOREcare == "191212121212");

  // The server writes its response on the same context: no header may leak in.
  const std::string response = schedule_response(server, 1, "x");
  CHECK(response.find("LogicalAddress") == std::string::npos);
  CHECK(response.find("Header") == std::string::npos);
}

TEST_CASE("an invalid actor type is refused when writing", "[contracts][codec]") {
  soap_context ctx(namespaces_of(family::crm11));
  crm11::socs__GetSubjectOfCareScheduleType req;
  req.soap_default(ctx.get());
  soap_headers h;
  h.actor = actor_header{"x", "somebody"};
  codec_error err;
  write_envelope(ctx, req, "socs:GetSubjectOfCareSchedule", &h, err);
  CHECK(err.what == codec_error::kind::internal);
}

TEST_CASE("faults round-trip as faults", "[contracts][codec]") {
  soap_context ctx(namespaces_of(family::crm11));
  const std::string fault = write_fault(ctx, false, "Bokningssystemet svarar inte", "backend <timeout>");
  CHECK(fault.find("<faultcode>SOAP-ENV:Server</faultcode>") != std::string::npos);

  crm11::socs__GetSubjectOfCareScheduleResponseType resp;
  codec_error err;
  CHECK_FALSE(read_envelope(ctx, fault, resp, "socs:GetSubjectOfCareScheduleResponse", nullptr, err));
  CHECK(err.what == codec_error::kind::fault);
  CHECK(err.fault_string == "Bokningssystemet svarar inte");
  CHECK(err.fault_code == "SOAP-ENV:Server");
  CHECK(err.fault_detail.find("backend &lt;timeout&gt;") != std::string::npos);
}

TEST_CASE("hostile and oversized input is refused before or by gSOAP", "[contracts][codec][security]") {
  crm11::socs__GetSubjectOfCareScheduleResponseType resp;
  codec_error err;
  {
    soap_context ctx(namespaces_of(family::crm11));
    const std::string laughs =
        "<?xml version='1.0'?><!DOCTYPE l [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]>"
        "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body>&b;</s:Body></s:Envelope>";
    CHECK_FALSE(read_envelope(ctx, laughs, resp, "socs:GetSubjectOfCareScheduleResponse", nullptr, err));
    CHECK(err.what == codec_error::kind::rejected);
  }
  {
    codec_limits limits;
    limits.max_string_bytes = 1000;
    soap_context writer(namespaces_of(family::crm11));
    const std::string big = schedule_response(writer, 1, std::string(5000, 'x'));
    soap_context ctx(namespaces_of(family::crm11), limits);
    CHECK_FALSE(read_envelope(ctx, big, resp, "socs:GetSubjectOfCareScheduleResponse", nullptr, err));
    CHECK(err.what == codec_error::kind::malformed);
  }
  {
    codec_limits limits;
    limits.max_message_bytes = 4096;
    soap_context writer(namespaces_of(family::crm11));
    const std::string big = schedule_response(writer, 50, "x");
    soap_context ctx(namespaces_of(family::crm11), limits);
    CHECK_FALSE(read_envelope(ctx, big, resp, "socs:GetSubjectOfCareScheduleResponse", nullptr, err));
    CHECK(err.what == codec_error::kind::rejected);
  }
  {
    soap_context ctx(namespaces_of(family::crm11));
    CHECK_FALSE(read_envelope(ctx, "<not xml", resp, "socs:GetSubjectOfCareScheduleResponse", nullptr, err));
    CHECK(err.what == codec_error::kind::malformed);
  }
}
