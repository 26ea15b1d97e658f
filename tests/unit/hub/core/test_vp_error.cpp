// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <cstdio>
#include <set>
#include <string>

#include "hub/core/vp_error.hpp"
#include "hub/core/xml_escape.hpp"

using namespace tidnav::core;

namespace {

struct expected_fault {
  vp_code code;
  const char* fault_code;
  const char* message;
  const char* detail_for_x;  // the detail when the argument is "X"
};

// The oracle: written out independently of the table in vp_error.cpp.
const expected_fault expected[] = {
    {vp_code::vp001, "SOAP-ENV:Client", "Rivta-version saknas i anrop eller stöds ej av tjänsteplattformen.",
     "No RIV version configured"},
    {vp_code::vp002, "SOAP-ENV:Client",
     "Fel i klientcertifikat. Saknas, är av felaktig typ, eller är felaktigt utformad.",
     "No sender ID (SERIALNUMBER) found in certificate. X"},
    {vp_code::vp003, "SOAP-ENV:Client", "Logisk adressat (ReceiverId) saknas i RivHeadern i inkommande meddelande.",
     "No receiverId (logical address) found in message header. X"},
    {vp_code::vp004, "SOAP-ENV:Client",
     "Det finns inget vägval i tjänsteadresseringskatalogen som matchar anropets logiska adressat (ReceiverId) och "
     "tjänstekontrakt. Kontrollera uppgifterna i anropet och vid behov, beställ konfigurering i aktuell "
     "tjänsteplattform.",
     "No receiverId (logical address) found for X"},
    {vp_code::vp005, "SOAP-ENV:Client",
     "Tjänsteproducenten stödjer inte anropets angivna rivta-version. Kontrollera uppgifterna.",
     "No receiverId (logical address) with matching Riv-version found for X"},
    {vp_code::vp006, "SOAP-ENV:Server",
     "Internt fel i tjänsteplattformen. Det finns fler än en tjänsteproducent definierad i "
     "tjänsteadresseringskatalogen som matchar logisk adressat (ReceiverId), tjänstekontrakt och dagens datum. Tyder "
     "på felkonfiguration. Rapportera felet till tjänsteplattformsförvaltningen.",
     "More than one receiverId (logical address) with matching Riv-version found for X"},
    {vp_code::vp007, "SOAP-ENV:Server",
     "Tjänstekonsumenten saknar behörighet att anropa den logiska adressaten via detta tjänstekontrakt. Kontrollera "
     "uppgifterna och vid behov, tillse att det beställs konfiguration i aktuell tjänsteplattform.",
     "Authorization missing for X"},
    {vp_code::vp008, "SOAP-ENV:Server",
     "Internt fel i tjänsteplattformen. Ingen kontakt med tjänsteadresseringskatalogen. Informera "
     "tjänsteplattformsförvaltningen.",
     "No contact with TAK at startup, and no local cache to fallback on, not possible to route call"},
    {vp_code::vp009, "SOAP-ENV:Server", "Fel vid kontakt med tjänsteproducenten.",
     "Error connecting to service producer at address X"},
    {vp_code::vp010, "SOAP-ENV:Server",
     "Internt fel i tjänsteplattformen. URL saknas för tjänsteproducenten i tjänsteplattformens "
     "tjänsteadresseringskatalog.",
     "Physical Address field is empty in Service Producer for X"},
    {vp_code::vp011, "SOAP-ENV:Client",
     "Anrop har gjorts utanför TLS vilket ej är tillåtet. Tjänstekonsumenten ska alltid använda TLS för säker "
     "kommunikation.",
     "Caller was not on the white list of accepted IP-addresses. X"},
    {vp_code::vp012, "SOAP-ENV:Server",
     "Internt fel i tjänsteplattformen. Nödvändiga resurser saknas för att VP skall fungera.",
     "Server problem, VP does not have all necessary resources to operate. X"},
    {vp_code::vp013, "SOAP-ENV:Client",
     "Enligt tjänsteplattformens konfiguration saknar tjänstekonsumenten rätt att använda headern "
     "x-rivta-original-serviceconsumer-hsaid. Kontakta tjänsteplattformsförvaltningen.",
     "Sender is not approved to set header x-rivta-original-serviceconsumer-hsaid."},
    {vp_code::vp014, "SOAP-ENV:Server",
     "Anropsförmedlingen för den logiska adressaten har givit upphov till rundgång mellan tjänsteplattformar. "
     "Rapportera felet till tjänsteplattformsförvaltningen.",
     ""},
    {vp_code::vp015, "SOAP-ENV:Client", "Anrop ej korrekt utformat och kan därför inte behandlas.",
     "The request could not be read properly. X"},
};

}  // namespace

TEST_CASE("every VP code renders the platform's SOAP 1.1 fault byte for byte", "[unit][vp_error]") {
  for (const auto& e : expected) {
    const auto& i = info(e.code);
    DYNAMIC_SECTION(i.name) {
      const std::string want =
          std::string("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                      "<SOAP-ENV:Header/><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>") +
          e.fault_code + "</faultcode><faultstring>" + std::string(i.name) + " [NTjP Develop] " + e.message +
          "</faultstring><detail><detailString>" + e.detail_for_x +
          "</detailString></detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
      CHECK(render_soap_fault(make_fault(e.code, "X"), "NTjP Develop") == want);
      CHECK(i.http_status == 500);
    }
  }
}

TEST_CASE("the table covers VP001..VP015 once each, in order, with distinct labels", "[unit][vp_error]") {
  std::set<std::string_view> labels;
  int n = 1;
  for (const auto& e : all_vp_errors()) {
    char name[6];
    std::snprintf(name, sizeof name, "VP%03d", n);
    CHECK(e.name == name);
    CHECK(static_cast<int>(e.code) == n);
    CHECK(labels.insert(e.metric_label).second);
    CHECK_FALSE(e.message.empty());
    ++n;
  }
  CHECK(n == 16);
}

TEST_CASE("fault_string is '<code> [<instance>] <message>'", "[unit][vp_error]") {
  CHECK(fault_string(vp_code::vp009, "NTjP Remote") == "VP009 [NTjP Remote] Fel vid kontakt med tjänsteproducenten.");
  CHECK(fault_string(vp_code::vp009, "") == "VP009 [] Fel vid kontakt med tjänsteproducenten.");
}

TEST_CASE("format_detail follows String.format with one %s", "[unit][vp_error]") {
  // No argument: the platform formats with "" and keeps the space before %s.
  CHECK(format_detail(vp_code::vp003, "") == "No receiverId (logical address) found in message header. ");
  CHECK(format_detail(vp_code::vp008, "ignored") ==
        "No contact with TAK at startup, and no local cache to fallback on, not possible to route call");
  CHECK(format_detail(vp_code::vp014, "ignored").empty());
  CHECK(make_fault(vp_code::vp004, "serviceNamespace: urn:a, receiverId: B") ==
        vp_fault{vp_code::vp004, "No receiverId (logical address) found for serviceNamespace: urn:a, receiverId: B"});
}

TEST_CASE("inserted values are XML-escaped in faultstring and detail", "[unit][vp_error]") {
  const auto xml = render_soap_fault(make_fault(vp_code::vp004, "receiverId: <a&b>\"'"), "A&B <x>");
  CHECK(xml.find("<faultstring>VP004 [A&amp;B &lt;x&gt;] Det finns") != std::string::npos);
  CHECK(xml.find("<detailString>No receiverId (logical address) found for receiverId: &lt;a&amp;b&gt;\"'"
                 "</detailString>") != std::string::npos);
}

TEST_CASE("XML escaping keeps output well-formed for hostile bytes", "[unit][vp_error]") {
  CHECK(xml_escape_text("a\r\nb\tc") == "a&#13;\nb\tc");
  CHECK(xml_escape_text(std::string("x\x01y", 3)) == "x\xEF\xBF\xBDy");
  CHECK(xml_escape_text("\xC3\xA5") == "\xC3\xA5");                // å stays
  CHECK(xml_escape_text("\xC3") == "\xEF\xBF\xBD");                // truncated sequence
  CHECK(xml_escape_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  std::string attr;
  append_xml_attribute(attr, "\"'");
  CHECK(attr == "&quot;&apos;");
}

TEST_CASE("parse_vp_code accepts VP001..VP015 only", "[unit][vp_error]") {
  vp_code c{};
  CHECK(parse_vp_code("VP007", c));
  CHECK(c == vp_code::vp007);
  CHECK(parse_vp_code("vp015", c));
  CHECK(c == vp_code::vp015);
  CHECK_FALSE(parse_vp_code("VP016", c));
  CHECK_FALSE(parse_vp_code("VP00", c));
  CHECK_FALSE(parse_vp_code("", c));
}
