// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "hub/core/envelope_sniffer.hpp"
#include "hub/core/riv_rewrite.hpp"
#include "hub/core/source_text.hpp"
#include "hub/core/xml_names.hpp"

using namespace tidnav::core;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view wsa = "http://www.w3.org/2005/08/addressing";
constexpr std::string_view reg = "urn:riv:itintegration:registry:1";
constexpr const char* xml_decl = R"(<?xml version="1.0" encoding="UTF-8"?>)";

std::string rewrite_ok(std::string_view xml, riv_profile from, riv_profile to) {
  auto r = rewrite_riv_profile(xml, from, to);
  if (!r) FAIL("rewrite failed: " << r.error().detail << "\ninput:\n" << xml);
  return std::move(r).value();
}

vp_fault rewrite_bad(std::string_view xml, riv_profile from, riv_profile to) {
  auto r = rewrite_riv_profile(xml, from, to);
  if (r) FAIL("rewrite unexpectedly succeeded:\n" << r.value());
  return std::move(r).error();
}

std::string expanded(pugi::xml_node element) {
  const auto ns = namespace_uri(element);
  return "{" + std::string(ns ? *ns : "<unbound>") + "}" + std::string(local_name(element.name()));
}

std::string expanded(pugi::xml_attribute a, pugi::xml_node owner) {
  const std::string_view prefix = prefix_of(a.name());
  if (prefix.empty()) return std::string(a.name());
  // Attributes resolve like elements, minus the default namespace.
  for (pugi::xml_node n = owner; n; n = n.parent()) {
    if (const pugi::xml_attribute d = n.attribute(("xmlns:" + std::string(prefix)).c_str())) {
      return "{" + std::string(d.value()) + "}" + std::string(local_name(a.name()));
    }
  }
  return "{<unbound>}" + std::string(local_name(a.name()));
}

// What a namespace-aware reader sees: every node with resolved names, attributes
// sorted, namespace declarations left out (they are how, not what).
void dump(pugi::xml_node n, std::string& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    switch (c.type()) {
      case pugi::node_element: {
        std::vector<std::string> attrs;
        for (const pugi::xml_attribute a : c.attributes()) {
          const std::string_view an = a.name();
          if (an == "xmlns" || an.substr(0, 6) == "xmlns:") continue;
          attrs.push_back(expanded(a, c) + "=" + a.value());
        }
        std::sort(attrs.begin(), attrs.end());
        out += "<" + expanded(c);
        for (const auto& a : attrs) out += " " + a;
        out += ">";
        dump(c, out);
        out += "</>";
        break;
      }
      case pugi::node_pcdata: out += std::string("T[") + c.value() + "]"; break;
      case pugi::node_cdata: out += std::string("D[") + c.value() + "]"; break;
      case pugi::node_comment: out += std::string("C[") + c.value() + "]"; break;
      case pugi::node_pi: out += std::string("P[") + c.name() + " " + c.value() + "]"; break;
      default: break;
    }
  }
}

std::string meaning(std::string_view xml) {
  pugi::xml_document doc;
  const auto pr = doc.load_buffer(xml.data(), xml.size(), pugi::parse_full | pugi::parse_ws_pcdata);
  if (!pr) FAIL("output does not parse: " << pr.description() << "\n" << xml);
  std::string out;
  dump(doc, out);
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
}

// The input's meaning with the element move applied, which is what the rewrite must produce.
std::string moved_meaning(std::string_view xml, std::string_view from_ns, std::string_view to_ns,
                          std::string_view from_local, std::string_view to_local) {
  std::string m = meaning(xml);
  replace_all(m, "<{" + std::string(from_ns) + "}" + std::string(from_local) + ">",
              "<{" + std::string(to_ns) + "}" + std::string(to_local) + ">");
  replace_all(m, "<{" + std::string(from_ns) + "}" + std::string(from_local) + " ",
              "<{" + std::string(to_ns) + "}" + std::string(to_local) + " ");
  replace_all(m, "<{" + std::string(from_ns) + "}", "<{" + std::string(to_ns) + "}");
  return m;
}

envelope_info sniff_ok(const std::string& xml) {
  auto r = sniff_envelope(xml);
  if (!r) FAIL("sniff failed: " << r.error().detail << "\n" << xml);
  return std::move(r).value();
}

std::string soap(const std::string& header, const std::string& body, const std::string& root_decls = "") {
  return R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/")" + root_decls + "><s:Header>" + header +
         "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
}

const std::string op = R"(<c:Op xmlns:c="urn:riv:test:OpResponder:1"><c:id>1</c:id></c:Op>)";

std::vector<fs::path> fixture_requests(const char* family) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(TIDNAV_SOURCE_DIR) / "tests" / "fixtures" / family)) {
    if (e.path().filename().string().find("-request.xml") != std::string::npos) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_fixture(const fs::path& p) {
  auto text = read_text_file(p.string());
  if (!text) FAIL(text.error());
  return std::move(text).value();
}

}  // namespace

TEST_CASE("2.0 -> 2.1 moves every WS-Addressing element, however its namespace is declared", "[unit][riv_rewrite]") {
  struct row {
    const char* name;
    std::string input;
  };
  const std::vector<row> rows = {
      {"prefix declared on Envelope", soap("<wsa:To>HSA-1</wsa:To>", op, R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")")},
      {"prefix declared on the element", soap(R"(<a:To xmlns:a="http://www.w3.org/2005/08/addressing">HSA-1</a:To>)", op)},
      {"default namespace on the element", soap(R"(<To xmlns="http://www.w3.org/2005/08/addressing">HSA-1</To>)", op)},
      {"default namespace on Header",
       R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header xmlns="http://www.w3.org/2005/08/addressing">)"
       R"(<MessageID>urn:uuid:1</MessageID><To>HSA-1</To></s:Header><s:Body>)" + op + "</s:Body></s:Envelope>"},
      {"other wsa headers move too",
       soap("<wsa:Action>urn:a</wsa:Action><wsa:MessageID>urn:uuid:1</wsa:MessageID><wsa:To>HSA-1</wsa:To>"
            "<wsa:ReplyTo><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo>",
            op, R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")")},
      {"prefix declared on Envelope and again on the element",
       soap(R"(<wsa:To xmlns:wsa="http://www.w3.org/2005/08/addressing">HSA-1</wsa:To>)", op,
            R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")")},
      {"the same prefix means something else in the Body",
       soap("<wsa:To>HSA-1</wsa:To>", R"(<c:Op xmlns:c="urn:riv:test:OpResponder:1" xmlns:wsa="urn:other"><wsa:To>x</wsa:To></c:Op>)",
            R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")")},
      {"To in the Body in the contract namespace and in none",
       soap("<wsa:To>HSA-1</wsa:To>",
            R"(<c:Op xmlns:c="urn:riv:test:OpResponder:1"><c:To>keep</c:To><To>keep too</To></c:Op>)",
            R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")")},
      {"the registry namespace is already declared",
       soap("<wsa:To>HSA-1</wsa:To>", op,
            R"( xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:itr="urn:riv:itintegration:registry:1")")},
  };
  for (const auto& r : rows) {
    SECTION(r.name) {
      const std::string out = rewrite_ok(r.input, riv_profile::rivtabp20, riv_profile::rivtabp21);
      CHECK(out.rfind(xml_decl, 0) == 0);
      CHECK(meaning(out) == moved_meaning(r.input, wsa, reg, "To", "LogicalAddress"));
      CHECK(meaning(out).find("{" + std::string(wsa) + "}") == std::string::npos);
      const auto e = sniff_ok(out);
      CHECK(e.profile == riv_profile::rivtabp21);
      CHECK(e.logical_address == std::optional<std::string>("HSA-1"));
      CHECK(meaning(rewrite_ok(out, riv_profile::rivtabp21, riv_profile::rivtabp20)) == meaning(r.input));
    }
  }
}

TEST_CASE("2.1 -> 2.0 moves the registry elements back to WS-Addressing", "[unit][riv_rewrite]") {
  struct row {
    const char* name;
    std::string input;
  };
  const std::vector<row> rows = {
      {"prefix declared on Envelope",
       soap("<itr:LogicalAddress>HSA-2</itr:LogicalAddress>", op, R"( xmlns:itr="urn:riv:itintegration:registry:1")")},
      {"default namespace on the element",
       soap(R"(<LogicalAddress xmlns="urn:riv:itintegration:registry:1">HSA-2</LogicalAddress>)", op)},
      {"default namespace on Header",
       R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header xmlns="urn:riv:itintegration:registry:1">)"
       R"(<LogicalAddress>HSA-2</LogicalAddress></s:Header><s:Body>)" + op + "</s:Body></s:Envelope>"},
      {"default namespace on Envelope",
       R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:riv:itintegration:registry:1">)"
       R"(<s:Header><LogicalAddress>HSA-2</LogicalAddress></s:Header><s:Body>)" + op + "</s:Body></s:Envelope>"},
  };
  for (const auto& r : rows) {
    SECTION(r.name) {
      const std::string out = rewrite_ok(r.input, riv_profile::rivtabp21, riv_profile::rivtabp20);
      CHECK(meaning(out) == moved_meaning(r.input, reg, wsa, "LogicalAddress", "To"));
      const auto e = sniff_ok(out);
      CHECK(e.profile == riv_profile::rivtabp20);
      CHECK(e.logical_address == std::optional<std::string>("HSA-2"));
      CHECK(e.contract_namespace == std::optional<std::string>("urn:riv:test:OpResponder:1"));
    }
  }
}

TEST_CASE("the rewrite keeps the prefix and rebinds its declaration, as the platform does", "[unit][riv_rewrite]") {
  const std::string in = soap("<wsa:To>HSA-1</wsa:To>", op, R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")");
  const std::string out = rewrite_ok(in, riv_profile::rivtabp20, riv_profile::rivtabp21);
  CHECK(out == std::string(xml_decl) + "\n" +
                   soap("<wsa:LogicalAddress>HSA-1</wsa:LogicalAddress>", op, R"( xmlns:wsa="urn:riv:itintegration:registry:1")"));
}

TEST_CASE("a declaration an attribute also uses stays; the element gets a new prefix", "[unit][riv_rewrite]") {
  const std::string in = soap(R"(<wsa:To wsa:IsReferenceParameter="true" xmlns:itr="urn:x">HSA-1</wsa:To>)"
                              R"(<h:Note xmlns:h="urn:h" xsi:type="wsa:AttributedURIType" )"
                              R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">n</h:Note>)",
                              op, R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")");
  const std::string out = rewrite_ok(in, riv_profile::rivtabp20, riv_profile::rivtabp21);
  CHECK(meaning(out) == moved_meaning(in, wsa, reg, "To", "LogicalAddress"));
  CHECK(meaning(out).find("{http://www.w3.org/2005/08/addressing}IsReferenceParameter=true") != std::string::npos);
  CHECK(out.find(R"(xmlns:wsa="http://www.w3.org/2005/08/addressing")") != std::string::npos);
  // "itr" is taken (by a declaration of another namespace), so a fresh prefix is made up.
  CHECK(out.find(R"(<itr1:LogicalAddress wsa:IsReferenceParameter="true" xmlns:itr="urn:x" xmlns:itr1="urn:riv:itintegration:registry:1">)") !=
        std::string::npos);
  CHECK(sniff_ok(out).logical_address == std::optional<std::string>("HSA-1"));
}

TEST_CASE("comments, CDATA, PIs, whitespace and the document's layout are kept", "[unit][riv_rewrite]") {
  const std::string in = "<?xml version=\"1.0\"?>\n<!-- before -->\n"
                         "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"\n"
                         "    xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">\n"
                         "  <s:Header>\n    <!-- the address -->\n    <wsa:To>HSA-1</wsa:To>\n  </s:Header>\n"
                         "  <s:Body>\n    <?trace id=7?>\n"
                         "    <c:Op xmlns:c=\"urn:riv:test:OpResponder:1\"><c:t><![CDATA[<a&b>]]></c:t>  <c:u> x &amp; y </c:u></c:Op>\n"
                         "  </s:Body>\n</s:Envelope>\n";
  const std::string out = rewrite_ok(in, riv_profile::rivtabp20, riv_profile::rivtabp21);
  CHECK(out.rfind(std::string(xml_decl) + "\n<!-- before -->\n<s:Envelope", 0) == 0);
  CHECK(out.find("<s:Header>\n    <!-- the address -->\n    <wsa:LogicalAddress>HSA-1</wsa:LogicalAddress>\n  </s:Header>") !=
        std::string::npos);
  CHECK(out.find("<?trace id=7?>") != std::string::npos);
  CHECK(out.find("<c:t><![CDATA[<a&b>]]></c:t>  <c:u> x &amp; y </c:u>") != std::string::npos);
  CHECK(meaning(out) == moved_meaning(in, wsa, reg, "To", "LogicalAddress"));
}

TEST_CASE("output is UTF-8 and says so, whatever the input's encoding", "[unit][riv_rewrite]") {
  const std::string in = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?>" +
                         soap("<wsa:To>HSA-1</wsa:To>", "<c:Op xmlns:c=\"urn:c\">G\xF6teborg</c:Op>",
                              R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")");
  const std::string out = rewrite_ok(in, riv_profile::rivtabp20, riv_profile::rivtabp21);
  CHECK(out.rfind(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)", 0) == 0);
  CHECK(out.find("G\xC3\xB6teborg") != std::string::npos);
}

TEST_CASE("real crm:scheduling 1.0 requests (BP 2.0) rewrite to BP 2.1 and back", "[unit][riv_rewrite]") {
  const auto files = fixture_requests("crm-scheduling-1.0");
  REQUIRE(files.size() >= 5);
  for (const auto& f : files) {
    INFO(f.filename().string());
    const std::string in = read_fixture(f);
    const auto before = sniff_ok(in);
    REQUIRE(before.profile == riv_profile::rivtabp20);
    const std::string out = rewrite_ok(in, riv_profile::rivtabp20, riv_profile::rivtabp21);
    const auto after = sniff_ok(out);
    CHECK(after.profile == riv_profile::rivtabp21);
    CHECK(after.logical_address == before.logical_address);
    CHECK(after.contract_namespace == before.contract_namespace);
    CHECK(after.operation == before.operation);
    CHECK(meaning(out) == moved_meaning(in, wsa, reg, "To", "LogicalAddress"));
    CHECK(meaning(rewrite_ok(out, riv_profile::rivtabp21, riv_profile::rivtabp20)) == meaning(in));
  }
}

TEST_CASE("real crm:scheduling 1.1 requests (BP 2.1) rewrite to BP 2.0 and back", "[unit][riv_rewrite]") {
  const auto files = fixture_requests("crm-scheduling-1.1");
  REQUIRE(files.size() >= 5);
  for (const auto& f : files) {
    INFO(f.filename().string());
    const std::string in = read_fixture(f);
    const auto before = sniff_ok(in);
    REQUIRE(before.profile == riv_profile::rivtabp21);
    const std::string out = rewrite_ok(in, riv_profile::rivtabp21, riv_profile::rivtabp20);
    const auto after = sniff_ok(out);
    CHECK(after.profile == riv_profile::rivtabp20);
    CHECK(after.logical_address == before.logical_address);
    CHECK(after.contract_namespace == before.contract_namespace);
    CHECK(meaning(out) == moved_meaning(in, reg, wsa, "LogicalAddress", "To"));
    CHECK(meaning(rewrite_ok(out, riv_profile::rivtabp20, riv_profile::rivtabp21)) == meaning(in));
  }
}

TEST_CASE("same profile gives the input back byte for byte", "[unit][riv_rewrite]") {
  const std::string fixture =
      read_fixture(fs::path(TIDNAV_SOURCE_DIR) / "tests/fixtures/crm-scheduling-1.0/GetSubjectOfCareSchedule-request.xml");
  for (const std::string& in : {fixture, std::string("not xml at all <"), std::string()}) {
    for (const riv_profile p : {riv_profile::rivtabp20, riv_profile::rivtabp21}) {
      CHECK(rewrite_ok(in, p, p) == in);
    }
  }
}

TEST_CASE("profile pairs other than 2.0/2.1 are VP005", "[unit][riv_rewrite]") {
  const std::string in = soap("<wsa:To>HSA-1</wsa:To>", op, R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")");
  struct row {
    riv_profile from, to;
  };
  for (const row r : {row{riv_profile::rivtabp20, riv_profile::other}, row{riv_profile::other, riv_profile::rivtabp21},
                      row{riv_profile::rivtabp21, riv_profile::unknown}, row{riv_profile::unknown, riv_profile::rivtabp20}}) {
    const vp_fault f = rewrite_bad(in, r.from, r.to);
    CHECK(f.code == vp_code::vp005);
    CHECK(f.detail.find(std::string(to_string(r.from))) != std::string::npos);
  }
}

TEST_CASE("input that cannot be rewritten is VP012 with the reason", "[unit][riv_rewrite]") {
  struct row {
    const char* name;
    std::string input;
    const char* reason;
  };
  const std::vector<row> rows = {
      {"not well-formed", "<s:Envelope xmlns:s=\"urn:s\"><s:Header></s:Envelope>", "XML parse error at offset"},
      {"empty", "", "XML parse error"},
      {"DOCTYPE", "<!DOCTYPE e [<!ENTITY x \"y\">]>" + soap("<wsa:To>&x;</wsa:To>", op, R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")"),
       "DOCTYPE"},
      {"undeclared element prefix", soap("<wsa:To>HSA-1</wsa:To>", op), "undeclared namespace prefix on element wsa:To"},
      {"undeclared attribute prefix", soap(R"(<wsa:To q:x="1">HSA-1</wsa:To>)", op, R"( xmlns:wsa="http://www.w3.org/2005/08/addressing")"),
       "undeclared namespace prefix on attribute q:x"},
  };
  for (const auto& r : rows) {
    SECTION(r.name) {
      const vp_fault f = rewrite_bad(r.input, riv_profile::rivtabp20, riv_profile::rivtabp21);
      CHECK(f.code == vp_code::vp012);
      CHECK_THAT(f.detail, Catch::Contains(r.reason));
    }
  }
}
