// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/core/tak_loader.hpp"
#include "hub/core/xs_datetime.hpp"

using namespace tidnav::core;

namespace {

// The platform's local TAK cache: root and list elements in no namespace,
// fields in urn:skl:tp:vagvalsinfo:v2. Written for these tests.
const char* local_cache = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<persistentCache xmlns:ns2="urn:skl:tp:vagvalsinfo:v2">
  <virtualiseringsInfo>
    <ns2:virtualiseringsInfoId>v1</ns2:virtualiseringsInfoId>
    <ns2:receiverId>SE2321000016-ABC1</ns2:receiverId>
    <ns2:rivProfil>RIVTABP21</ns2:rivProfil>
    <ns2:tjansteKontrakt>urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1</ns2:tjansteKontrakt>
    <ns2:fromTidpunkt>2024-01-01T00:00:00.000+01:00</ns2:fromTidpunkt>
    <ns2:tomTidpunkt>2124-01-01T00:00:00.000+01:00</ns2:tomTidpunkt>
    <ns2:adress>https://producer.example/crm/scheduling</ns2:adress>
  </virtualiseringsInfo>
  <virtualiseringsInfo>
    <ns2:virtualiseringsInfoId>v2</ns2:virtualiseringsInfoId>
    <ns2:receiverId> SE2321000016-ABC2 </ns2:receiverId>
    <ns2:rivProfil>RIVTABP20</ns2:rivProfil>
    <ns2:tjansteKontrakt>urn:riv:crm:scheduling:MakeBookingResponder:1</ns2:tjansteKontrakt>
    <ns2:fromTidpunkt>2024-01-01T00:00:00</ns2:fromTidpunkt>
    <ns2:tomTidpunkt>2024-12-31T00:00:00</ns2:tomTidpunkt>
    <ns2:adress></ns2:adress>
  </virtualiseringsInfo>
  <anropsBehorighetsInfo>
    <ns2:anropsBehorighetsInfoId>b1</ns2:anropsBehorighetsInfoId>
    <ns2:receiverId>SE2321000016-ABC1</ns2:receiverId>
    <ns2:senderId>SE2321000016-C001</ns2:senderId>
    <ns2:tjansteKontrakt>urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1</ns2:tjansteKontrakt>
    <ns2:fromTidpunkt>2024-01-01T00:00:00.000+01:00</ns2:fromTidpunkt>
    <ns2:tomTidpunkt>2124-01-01T00:00:00.000+01:00</ns2:tomTidpunkt>
  </anropsBehorighetsInfo>
</persistentCache>)";

// A SokVagvalsInfo v2 answer to hamtaAllaAnropsBehorigheter.
const char* soap_permissions = R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <ns2:hamtaAllaAnropsBehorigheterResponse xmlns:ns2="urn:skl:tp:vagvalsinfo:v2">
      <ns2:anropsBehorighetsInfo>
        <ns2:anropsBehorighetsInfoId>b7</ns2:anropsBehorighetsInfoId>
        <ns2:receiverId>*</ns2:receiverId>
        <ns2:senderId>SE2321000016-C002</ns2:senderId>
        <ns2:tjansteKontrakt>urn:riv:crm:scheduling:MakeBookingResponder:1</ns2:tjansteKontrakt>
        <ns2:fromTidpunkt>2024-01-01T00:00:00Z</ns2:fromTidpunkt>
        <ns2:tomTidpunkt>2024-06-30T00:00:00Z</ns2:tomTidpunkt>
        <ns2:filterInfo><ns2:serviceDomain>riv:crm:scheduling</ns2:serviceDomain></ns2:filterInfo>
      </ns2:anropsBehorighetsInfo>
    </ns2:hamtaAllaAnropsBehorigheterResponse>
  </soap:Body>
</soap:Envelope>)";

instant at(const char* iso) { return parse_xs_datetime(iso)->value; }

}  // namespace

TEST_CASE("the local TAK cache file gives routes and permissions", "[unit][tak]") {
  const auto r = parse_tak_xml(local_cache, "cache.xml");
  REQUIRE(r);
  REQUIRE(r->routes.size() == 2);
  REQUIRE(r->permissions.size() == 1);

  const route& a = r->routes[0];
  CHECK(a.logical_address == "SE2321000016-ABC1");
  CHECK(a.contract == "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1");
  CHECK(a.url == "https://producer.example/crm/scheduling");
  CHECK(a.profile == riv_profile::rivtabp21);
  CHECK(a.profile_name == "RIVTABP21");
  CHECK(a.source == "tak:v1");
  CHECK(a.valid.from == at("2023-12-31T23:00:00Z"));
  CHECK(a.valid.to == at("2123-12-31T23:00:00Z"));

  const route& b = r->routes[1];
  CHECK(b.logical_address == "SE2321000016-ABC2");  // trimmed
  CHECK(b.profile == riv_profile::rivtabp20);
  CHECK(b.url.empty());  // kept: the platform answers VP010 for it
  // Zone-less bounds get 14 h of slack each way.
  CHECK(b.valid.from == at("2023-12-31T10:00:00Z"));
  CHECK(b.valid.to == at("2024-12-31T14:00:00Z"));

  const permission& p = r->permissions[0];
  CHECK(p.consumer == "SE2321000016-C001");
  CHECK(p.logical_address == "SE2321000016-ABC1");
  CHECK(p.contract == "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1");
  CHECK(p.source == "tak:b1");
}

TEST_CASE("a SokVagvalsInfo v2 SOAP response is read the same way", "[unit][tak]") {
  auto r = parse_tak_xml(soap_permissions);
  REQUIRE(r);
  CHECK(r->routes.empty());
  REQUIRE(r->permissions.size() == 1);
  CHECK(r->permissions[0].logical_address == "*");
  CHECK(r->permissions[0].consumer == "SE2321000016-C002");
  CHECK(r->permissions[0].valid.to == at("2024-06-30T00:00:00Z"));

  tak_data all = std::move(parse_tak_xml(local_cache).value());
  merge_tak_data(all, std::move(r).value());
  CHECK(all.permissions.size() == 2);
  CHECK(all.routes.size() == 2);
}

TEST_CASE("broken TAK entries are all reported, with lines, and fail the document", "[unit][tak]") {
  const char* broken = R"(<persistentCache xmlns:ns2="urn:skl:tp:vagvalsinfo:v2">
  <virtualiseringsInfo>
    <ns2:virtualiseringsInfoId>v9</ns2:virtualiseringsInfoId>
    <ns2:rivProfil>RIVTABP21</ns2:rivProfil>
    <ns2:tjansteKontrakt>urn:x:1</ns2:tjansteKontrakt>
    <ns2:fromTidpunkt>yesterday</ns2:fromTidpunkt>
    <ns2:tomTidpunkt>2124-01-01T00:00:00Z</ns2:tomTidpunkt>
    <ns2:adress>https://p.example/</ns2:adress>
  </virtualiseringsInfo>
  <anropsBehorighetsInfo>
    <ns2:anropsBehorighetsInfoId>b9</ns2:anropsBehorighetsInfoId>
    <ns2:receiverId>A</ns2:receiverId>
    <ns2:tjansteKontrakt>urn:x:1</ns2:tjansteKontrakt>
    <ns2:fromTidpunkt>2024-01-01T00:00:00Z</ns2:fromTidpunkt>
    <ns2:tomTidpunkt>2124-01-01T00:00:00Z</ns2:tomTidpunkt>
  </anropsBehorighetsInfo>
</persistentCache>)";
  const auto r = parse_tak_xml(broken, "tak.xml");
  REQUIRE_FALSE(r);
  REQUIRE(r.error().size() == 3);
  CHECK(r.error()[0] == "tak.xml:2: virtualiseringsInfo 'v9': missing receiverId");
  CHECK(r.error()[1] == "tak.xml:2: virtualiseringsInfo 'v9': fromTidpunkt is not an xs:dateTime: 'yesterday'");
  CHECK(r.error()[2] == "tak.xml:10: anropsBehorighetsInfo 'b9': missing senderId");
}

TEST_CASE("TAK documents: DOCTYPE and bad XML are refused", "[unit][tak]") {
  const auto doctype = parse_tak_xml(R"(<!DOCTYPE p [<!ENTITY e "x">]><persistentCache/>)", "t");
  REQUIRE_FALSE(doctype);
  CHECK(doctype.error().front() == "t: DOCTYPE is not allowed");
  const auto broken = parse_tak_xml("<persistentCache>\n<virtualiseringsInfo>\n</persistentCache>", "t");
  REQUIRE_FALSE(broken);
  CHECK_THAT(broken.error().front(), Catch::StartsWith("t:3: XML parse error"));
  CHECK_FALSE(load_tak_file("/nonexistent/tidnav-tak.xml"));
}
