// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <string>

#include "hub/core/envelope_prefix.hpp"
#include "hub/core/envelope_sniffer.hpp"

using namespace tidnav::core;

namespace {

constexpr const char* contract = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";

const std::string riv21 = R"(<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:urn="urn:riv:itintegration:registry:1"
    xmlns:urn1="urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1">
  <soapenv:Header>
    <urn:LogicalAddress>SE2321000016-ABC1</urn:LogicalAddress>
  </soapenv:Header>
  <soapenv:Body>
    <urn1:GetSubjectOfCareSchedule>
      <urn1:healthcare_facility>SE2321000016-ABC1</urn1:healthcare_facility>
      <urn1:subject_of_care>191212121212</urn1:subject_of_care>
    </urn1:GetSubjectOfCareSchedule>
  </soapenv:Body>
</soapenv:Envelope>)";

const std::string riv20 = R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <wsa:To xmlns:wsa="http://www.w3.org/2005/08/addressing">SE2321000016-ABC1</wsa:To>
  </s:Header>
  <s:Body><GetSubjectOfCareSchedule xmlns="urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1"/></s:Body>
</s:Envelope>)";

envelope_info ok(const std::string& xml, const sniff_options& o = {}) {
  auto r = sniff_envelope(xml, o);
  if (!r) FAIL("sniff failed: " << r.error().detail);
  return std::move(r).value();
}

sniff_failure bad(const std::string& xml, const sniff_options& o = {}) {
  auto r = sniff_envelope(xml, o);
  if (r) FAIL("sniff unexpectedly succeeded");
  return std::move(r).error();
}

std::string envelope(const std::string& header, const std::string& body) {
  return R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>)" + header +
         "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
}

const std::string op = R"(<x:Op xmlns:x="urn:riv:test:OpResponder:1"/>)";
const std::string la = R"(<r:LogicalAddress xmlns:r="urn:riv:itintegration:registry:1">)";

}  // namespace

TEST_CASE("RIVTA 2.1 request: contract, operation, logical address", "[unit][sniffer]") {
  const auto e = ok(riv21);
  CHECK(e.contract_namespace == std::optional<std::string>(contract));
  CHECK(e.operation == "GetSubjectOfCareSchedule");
  CHECK(e.logical_address == std::optional<std::string>("SE2321000016-ABC1"));
  CHECK(e.profile == riv_profile::rivtabp21);
}

TEST_CASE("RIVTA 2.0 request with wsa:To and a default-namespace body child", "[unit][sniffer]") {
  const auto e = ok(riv20);
  CHECK(e.contract_namespace == std::optional<std::string>(contract));
  CHECK(e.operation == "GetSubjectOfCareSchedule");
  CHECK(e.logical_address == std::optional<std::string>("SE2321000016-ABC1"));
  CHECK(e.profile == riv_profile::rivtabp20);
}

TEST_CASE("prefixes are resolved, not matched by spelling", "[unit][sniffer]") {
  SECTION("odd prefixes declared on the root") {
    const auto e = ok(R"(<E:Envelope xmlns:E="http://schemas.xmlsoap.org/soap/envelope/" xmlns:q="urn:riv:itintegration:registry:1" xmlns:b="urn:b:1">)"
                      R"(<E:Header><q:LogicalAddress>A</q:LogicalAddress></E:Header><E:Body><b:Op/></E:Body></E:Envelope>)");
    CHECK(e.logical_address == std::optional<std::string>("A"));
    CHECK(e.contract_namespace == std::optional<std::string>("urn:b:1"));
  }
  SECTION("default namespace for the envelope itself") {
    const auto e = ok(R"(<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Header>)"
                      R"(<LogicalAddress xmlns="urn:riv:itintegration:registry:1">A</LogicalAddress></Header>)"
                      R"(<Body><Op xmlns="urn:c:1"/></Body></Envelope>)");
    CHECK(e.logical_address == std::optional<std::string>("A"));
    CHECK(e.contract_namespace == std::optional<std::string>("urn:c:1"));
    CHECK(e.operation == "Op");
  }
  SECTION("a prefix redeclared lower down wins") {
    const auto e = ok(R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:p="urn:outer"><s:Header/>)"
                      R"(<s:Body><p:Op xmlns:p="urn:inner"/></s:Body></s:Envelope>)");
    CHECK(e.contract_namespace == std::optional<std::string>("urn:inner"));
  }
  SECTION("a LogicalAddress in the wrong namespace does not count") {
    const auto e = ok(envelope(R"(<LogicalAddress xmlns="urn:other">A</LogicalAddress>)", op));
    CHECK_FALSE(e.logical_address.has_value());
    CHECK(e.profile == riv_profile::unknown);
  }
  SECTION("a body child in no namespace gives an empty contract") {
    const auto e = ok(envelope("", "<Op/>"));
    CHECK(e.contract_namespace == std::optional<std::string>(""));
  }
  SECTION("xmlns=\"\" undeclares the default namespace") {
    const auto e = ok(R"(<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><Op xmlns=""/></Body></Envelope>)");
    CHECK(e.contract_namespace == std::optional<std::string>(""));
  }
}

TEST_CASE("the logical address is kept raw", "[unit][sniffer]") {
  CHECK(ok(envelope(la + " SE2321000016-ABC1 </r:LogicalAddress>", op)).logical_address ==
        std::optional<std::string>(" SE2321000016-ABC1 "));
  CHECK(ok(envelope(la + "\n  A\n</r:LogicalAddress>", op)).logical_address == std::optional<std::string>("\n  A\n"));
  CHECK(ok(envelope(la + "A&amp;B</r:LogicalAddress>", op)).logical_address == std::optional<std::string>("A&B"));
  CHECK(ok(envelope(la + "<![CDATA[A<B]]></r:LogicalAddress>", op)).logical_address ==
        std::optional<std::string>("A<B"));
  SECTION("comments around the text are skipped") {
    CHECK(ok(envelope("<!-- c -->" + la + "A<!-- inside --></r:LogicalAddress>", "<!-- b -->" + op)).logical_address ==
          std::optional<std::string>("A"));
  }
  SECTION("empty and whitespace-only addresses are absent (VP003)") {
    CHECK_FALSE(ok(envelope(la + "</r:LogicalAddress>", op)).logical_address.has_value());
    CHECK_FALSE(ok(envelope(la + "  \n\t </r:LogicalAddress>", op)).logical_address.has_value());
    CHECK_FALSE(ok(envelope(R"(<r:LogicalAddress xmlns:r="urn:riv:itintegration:registry:1"/>)", op))
                    .logical_address.has_value());
  }
  SECTION("several address headers: the last one wins, profile included") {
    const auto e = ok(envelope(la + "FIRST</r:LogicalAddress>" +
                                   R"(<a:To xmlns:a="http://www.w3.org/2005/08/addressing">SECOND</a:To>)",
                               op));
    CHECK(e.logical_address == std::optional<std::string>("SECOND"));
    CHECK(e.profile == riv_profile::rivtabp20);
  }
}

TEST_CASE("missing pieces", "[unit][sniffer]") {
  SECTION("no header: no address") {
    const auto e = ok(R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>)" + op +
                      "</s:Body></s:Envelope>");
    CHECK_FALSE(e.logical_address.has_value());
    CHECK(e.contract_namespace == std::optional<std::string>("urn:riv:test:OpResponder:1"));
  }
  SECTION("empty body: no contract") {
    const auto e = ok(envelope(la + "A</r:LogicalAddress>", "  "));
    CHECK_FALSE(e.contract_namespace.has_value());
    CHECK(e.operation.empty());
  }
  SECTION("no body at all") { CHECK(bad(R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"/>)").error == sniff_error::missing_body); }
  SECTION("SOAP 1.2 envelope is not SOAP 1.1") {
    CHECK(bad(R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>)").error ==
          sniff_error::not_soap_envelope);
  }
  SECTION("not an envelope") { CHECK(bad("<root/>").error == sniff_error::not_soap_envelope); }
  SECTION("undeclared prefix on the body child") {
    CHECK(bad(envelope("", "<u:Op/>")).error == sniff_error::unbound_prefix);
  }
}

TEST_CASE("DOCTYPE and entity declarations are rejected", "[unit][sniffer]") {
  const char* hostile[] = {
      R"(<!DOCTYPE s:Envelope [<!ENTITY x "y">]><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>)",
      R"(<!DOCTYPE lol SYSTEM "http://attacker.example/x.dtd"><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>)",
      R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><!ENTITY x "y"></s:Header><s:Body/></s:Envelope>)",
      R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x:Op xmlns:x="urn:x"><!DOCTYPE a></x:Op></s:Body></s:Envelope>)",
  };
  for (const char* x : hostile) {
    DYNAMIC_SECTION(x) {
      const auto f = bad(x);
      CHECK(f.error == sniff_error::doctype_not_allowed);
      CHECK(to_vp_fault(f).code == vp_code::vp015);
    }
  }
}

TEST_CASE("malformed input is VP015", "[unit][sniffer]") {
  const char* broken[] = {
      "",
      "not xml at all",
      R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>)",
      R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header></s:Body>)",
      R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x:Op xmlns:x="urn:x" a="1></x:Op></s:Body></s:Envelope>)",
  };
  for (const char* x : broken) {
    DYNAMIC_SECTION("input: " << x) {
      const auto f = bad(x);
      CHECK(f.error == sniff_error::malformed_xml);
      const auto fault = to_vp_fault(f);
      CHECK(fault.code == vp_code::vp015);
      CHECK(fault.detail.rfind("The request could not be read properly. XML parse error at offset ", 0) == 0);
    }
  }
}

TEST_CASE("errors after the operation's start tag are tolerated like the platform", "[unit][sniffer]") {
  const std::string truncated = R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>)" + la +
                                R"(A</r:LogicalAddress></s:Header><s:Body><x:Op xmlns:x="urn:x:1"><x:a>1</x:b>)";
  const auto e = ok(truncated);
  CHECK(e.contract_namespace == std::optional<std::string>("urn:x:1"));
  CHECK(e.logical_address == std::optional<std::string>("A"));
  sniff_options strict;
  strict.ignore_errors_after_operation = false;
  CHECK(bad(truncated, strict).error == sniff_error::malformed_xml);
}

TEST_CASE("local-name mode matches the platform's StAX pass", "[unit][sniffer]") {
  sniff_options vp;
  vp.match_namespaces = false;
  SECTION("wrong namespaces still route") {
    const auto e = ok(R"(<a:Envelope xmlns:a="urn:not-soap"><a:Header><b:LogicalAddress xmlns:b="urn:any">X</b:LogicalAddress>)"
                      R"(</a:Header><a:Body><c:Op xmlns:c="urn:c:1"/></a:Body></a:Envelope>)",
                      vp);
    CHECK(e.logical_address == std::optional<std::string>("X"));
    CHECK(e.profile == riv_profile::rivtabp21);
    CHECK(e.contract_namespace == std::optional<std::string>("urn:c:1"));
  }
  SECTION("nested To inside a header block counts") {
    const auto e = ok(envelope("<h:Block xmlns:h=\"urn:h\"><h:To>Y</h:To></h:Block>", op), vp);
    CHECK(e.logical_address == std::optional<std::string>("Y"));
    CHECK(e.profile == riv_profile::rivtabp20);
  }
  SECTION("same answers as namespace mode for a well-formed 2.1 request") {
    const auto a = ok(riv21, vp);
    const auto b = ok(riv21);
    CHECK(a.logical_address == b.logical_address);
    CHECK(a.contract_namespace == b.contract_namespace);
    CHECK(a.operation == b.operation);
  }
}

TEST_CASE("UTF-16 and Latin-1 requests are read", "[unit][sniffer]") {
  SECTION("Latin-1 by declaration") {
    const std::string x = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" +
                          envelope(la + "SE2321000016-\xC5\xC4\xD6</r:LogicalAddress>", op);
    CHECK(ok(x).logical_address == std::optional<std::string>("SE2321000016-\xC3\x85\xC3\x84\xC3\x96"));
  }
  SECTION("UTF-16LE with BOM") {
    const std::string utf8 = envelope(la + "A</r:LogicalAddress>", op);
    std::string utf16 = "\xFF\xFE";
    for (char c : utf8) {
      utf16 += c;
      utf16 += '\0';
    }
    const auto e = ok(utf16);
    CHECK(e.logical_address == std::optional<std::string>("A"));
    CHECK(e.contract_namespace == std::optional<std::string>("urn:riv:test:OpResponder:1"));
  }
}

TEST_CASE("the routing prefix ends with the operation's start tag", "[unit][sniffer]") {
  const std::string head = R"(<?xml version="1.0"?><!-- <s:Body> in a comment --><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">)"
                           R"(<s:Header><h a="<s:Body>"/><![CDATA[<s:Body>]]></s:Header><s:Body>)";
  const std::string op_tag = R"(<x:Op xmlns:x="urn:x:1" note='a>b'>)";
  const std::string xml = head + op_tag + "<x:payload>...</x:payload></x:Op></s:Body></s:Envelope>";
  CHECK(operation_prefix_length(xml) == std::optional<std::size_t>(head.size() + op_tag.size()));
  CHECK(operation_prefix_length(head + "<x:Op/>") == std::optional<std::size_t>(head.size() + 7));
  CHECK_FALSE(operation_prefix_length(head).has_value());                        // no operation yet
  CHECK_FALSE(operation_prefix_length("<!DOCTYPE a><a><Body><x/></Body></a>"));  // declarations: full parse
  CHECK_FALSE(operation_prefix_length("<a><!-- never closed <Body><x/>"));
  CHECK_FALSE(operation_prefix_length("<a><Body><x y='unterminated></a>"));
}

TEST_CASE("large payloads are routed from the prefix alone", "[unit][sniffer]") {
  std::string xml = R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>)" + la +
                    R"(SE2321000016-ABC1</r:LogicalAddress></s:Header><s:Body><x:Op xmlns:x="urn:x:1">)";
  for (int i = 0; i < 20000; ++i) xml += "<x:item><x:a>1</x:a><x:b>text &amp; more</x:b></x:item>";
  xml += "</x:Op></s:Body></s:Envelope>";
  const auto e = ok(xml);
  CHECK(e.contract_namespace == std::optional<std::string>("urn:x:1"));
  CHECK(e.logical_address == std::optional<std::string>("SE2321000016-ABC1"));
  sniff_options full;
  full.ignore_errors_after_operation = false;  // forces the whole-document parse
  const auto f = ok(xml, full);
  CHECK(f.contract_namespace == e.contract_namespace);
  CHECK(f.logical_address == e.logical_address);
  CHECK(f.operation == e.operation);
}

TEST_CASE("declaration look-alikes in the payload", "[unit][sniffer]") {
  CHECK(may_contain_declaration("<a><!DOCTYPE x></a>"));
  CHECK(may_contain_declaration("<a><![CDATA[<!ENTITY x 'y'>]]></a>"));
  CHECK_FALSE(may_contain_declaration("<a>Hello!<!-- note! --><![CDATA[x]]></a>"));
  CHECK_FALSE(may_contain_declaration("!DOCTYPE"));
  // Inside CDATA it is only text: the full parse accepts it.
  const auto e = ok(envelope("", R"(<x:Op xmlns:x="urn:x:1"><![CDATA[<!DOCTYPE html><html/>]]></x:Op>)"));
  CHECK(e.contract_namespace == std::optional<std::string>("urn:x:1"));
}

TEST_CASE("a 'Body' inside the Header does not fool the prefix scan", "[unit][sniffer]") {
  const std::string xml = envelope(la + "A</r:LogicalAddress><e:Body xmlns:e=\"urn:ext\"><e:Inner/></e:Body>", op);
  const auto e = ok(xml);
  CHECK(e.contract_namespace == std::optional<std::string>("urn:riv:test:OpResponder:1"));
  CHECK(e.operation == "Op");
  CHECK(e.logical_address == std::optional<std::string>("A"));
}
