// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "hub/core/hsa_loader.hpp"

using namespace tidnav::core;

namespace {

const char* hsa_file_text = R"(<?xml version="1.0" encoding="UTF-8"?>
<FileGetHsaUnitsResponse xmlns="urn:riv:hsa:HsaWsResponder:3">
  <startDate>2025-03-01T01:25:00.000+01:00</startDate>
  <endDate>2025-03-01T01:26:10.000+01:00</endDate>
  <hsaUnits>
    <hsaUnit>
      <hsaIdentity>SE2321000016-REG1</hsaIdentity>
      <DN>o=Region Test,l=Test,c=SE</DN>
      <name>Region Test</name>
    </hsaUnit>
    <hsaUnit>
      <hsaIdentity>SE2321000016-VC01</hsaIdentity>
      <DN>ou=Vårdcentral Ett, o=Region Test, l=Test, c=SE</DN>
      <orgNo>1234567890</orgNo>
      <name>Vårdcentral Ett</name>
      <isHsaHealthCareUnit>true</isHsaHealthCareUnit>
      <hsaHealthCareUnitMembers><hsaHealthCareUnitMember>SE2321000016-X</hsaHealthCareUnitMember></hsaHealthCareUnitMembers>
    </hsaUnit>
    <hsaUnit>
      <hsaIdentity>SE2321000016-ABC1</hsaIdentity>
      <DN>ou=Mottagning,ou=Vårdcentral Ett,o=Region Test,l=Test,c=SE</DN>
      <name>Mottagning</name>
    </hsaUnit>
    <hsaUnit>
      <DN>ou=Utan id,o=Region Test,l=Test,c=SE</DN>
      <name>Utan id</name>
    </hsaUnit>
    <hsaUnit>
      <hsaIdentity>SE2321000016-NONAME</hsaIdentity>
      <DN>ou=Utan namn,o=Region Test,l=Test,c=SE</DN>
    </hsaUnit>
  </hsaUnits>
</FileGetHsaUnitsResponse>)";

const char* complementary = R"(<FileGetHsaUnitsResponse xmlns="urn:riv:hsa:HsaWsResponder:3">
  <startDate>2013-03-15T15:38:42.597+01:00</startDate><endDate>2013-03-15T15:38:45.721+01:00</endDate>
  <hsaUnits><hsaUnit><hsaIdentity>SE</hsaIdentity><DN>c=SE</DN><name>Sverige</name></hsaUnit></hsaUnits>
</FileGetHsaUnitsResponse>)";

std::string write_temp(const std::string& name, const char* text) {
  const std::string path = std::string(TIDNAV_BINARY_DIR) + "/" + name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("an HSA file gives units; invalid units are skipped with a warning", "[unit][hsa]") {
  const auto f = parse_hsa_xml(hsa_file_text, "hsa.xml");
  REQUIRE(f);
  CHECK(f->created == "2025-03-01T01:26:10.000+01:00");
  REQUIRE(f->units.size() == 3);
  CHECK(f->units[1].hsa_id == "SE2321000016-VC01");
  CHECK(f->units[1].name == "Vårdcentral Ett");
  REQUIRE(f->warnings.size() == 2);
  CHECK(f->warnings[0] == "hsa.xml:24: hsaUnit skipped: needs hsaIdentity, DN and name");
  CHECK(f->warnings[1] == "hsa.xml:28: hsaUnit skipped: needs hsaIdentity, DN and name");
}

TEST_CASE("the tree links units by DN; spaces around RDNs do not matter", "[unit][hsa]") {
  auto f = parse_hsa_xml(hsa_file_text);
  REQUIRE(f);
  const auto built = build_hsa_tree(f->units);
  const hsa_tree& t = built.tree;
  CHECK(t.size() == 3);
  CHECK(t.parent_of("SE2321000016-ABC1") == "SE2321000016-VC01");
  CHECK(t.parent_of("SE2321000016-VC01") == "SE2321000016-REG1");
  CHECK(t.parent_of("se2321000016-vc01") == "SE2321000016-REG1");  // case-insensitive ids
  CHECK(t.parent_of("SE2321000016-REG1") == "SE");                 // no parent in the set
  CHECK(t.parent_of("SE2321000016-UNKNOWN") == "SE");
  REQUIRE(t.find("SE2321000016-ABC1") != nullptr);
  CHECK(t.find("SE2321000016-ABC1")->name == "Mottagning");
  CHECK(built.warnings == std::vector<std::string>{"no parent for HSA-ID=SE2321000016-REG1, DN=o=Region Test,l=Test,c=SE"});
  CHECK(canonical_dn(" ou=A ,, o=B,c=SE ") == "ou=A,o=B,c=SE");
}

TEST_CASE("a duplicate DN fails the whole file", "[unit][hsa]") {
  const char* dup = R"(<FileGetHsaUnitsResponse xmlns="urn:riv:hsa:HsaWsResponder:3"><hsaUnits>
<hsaUnit><hsaIdentity>SE2321000016-A</hsaIdentity><DN>ou=X,c=SE</DN><name>A</name></hsaUnit>
<hsaUnit><hsaIdentity>SE2321000016-B</hsaIdentity><DN>ou=X, c=SE</DN><name>B</name></hsaUnit>
</hsaUnits></FileGetHsaUnitsResponse>)";
  const auto f = parse_hsa_xml(dup, "dup.xml");
  REQUIRE_FALSE(f);
  CHECK(f.error() == "dup.xml:3: duplicate DN 'ou=X,c=SE' (first at line 2)");
}

TEST_CASE("files merge in order; the complementary file supplies SE", "[unit][hsa]") {
  const auto a = write_temp("hsa-complementary-test.xml", complementary);
  const auto b = write_temp("hsa-main-test.xml", hsa_file_text);
  const auto built = load_hsa_files({a, b});
  REQUIRE(built);
  const hsa_tree& t = built->tree;
  CHECK(t.size() == 4);
  CHECK(t.parent_of("SE2321000016-REG1") == "SE");
  CHECK(t.find("SE") != nullptr);
  // Only the two skipped units warn: REG1 now has a parent.
  CHECK(built->warnings.size() == 2);

  // A later file replaces a unit with the same DN.
  const auto c = write_temp("hsa-override-test.xml", R"(<FileGetHsaUnitsResponse xmlns="urn:riv:hsa:HsaWsResponder:3"><hsaUnits>
<hsaUnit><hsaIdentity>SE2321000016-REG1B</hsaIdentity><DN>o=Region Test,l=Test,c=SE</DN><name>Region Test (ny)</name></hsaUnit>
</hsaUnits></FileGetHsaUnitsResponse>)");
  const auto merged = load_hsa_files({a, b, c});
  REQUIRE(merged);
  CHECK(merged->tree.parent_of("SE2321000016-VC01") == "SE2321000016-REG1B");
  CHECK(merged->tree.find("SE2321000016-REG1") == nullptr);

  const auto missing = load_hsa_files({a, "/nonexistent/hsa.xml"});
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error().front(), Catch::StartsWith("/nonexistent/hsa.xml: cannot open"));
  std::remove(a.c_str());
  std::remove(b.c_str());
  std::remove(c.c_str());
}
