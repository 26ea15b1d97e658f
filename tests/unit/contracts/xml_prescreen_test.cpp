// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/xml_prescreen.hpp"

#include <catch2/catch.hpp>

using tidnav::contracts::prescreen_xml;

TEST_CASE("prescreen accepts ordinary SOAP", "[contracts][prescreen]") {
  CHECK_FALSE(prescreen_xml("<?xml version='1.0'?><!-- hi --><a x='&amp;'>&lt;&#229;&#xE5;<![CDATA[<!DOCTYPE &x;]]></a>",
                            1000));
}

TEST_CASE("prescreen rejects DTDs, entity declarations and unknown entities", "[contracts][prescreen]") {
  const auto doctype = prescreen_xml("<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", 1000);
  REQUIRE(doctype);
  CHECK(doctype->message == "DOCTYPE is not allowed in SOAP");
  CHECK(doctype->offset == 21);
  CHECK(prescreen_xml("<a><!ENTITY x 'y'></a>", 1000));
  const auto undeclared = prescreen_xml("<a>&lol9;</a>", 1000);
  REQUIRE(undeclared);
  CHECK(undeclared->offset == 3);
  CHECK(prescreen_xml("<a>&#xZZ;</a>", 1000));
  CHECK(prescreen_xml("<a>& b</a>", 1000));
}

TEST_CASE("prescreen enforces the size limit and catches unterminated constructs", "[contracts][prescreen]") {
  CHECK(prescreen_xml(std::string(101, 'a'), 100));
  CHECK_FALSE(prescreen_xml(std::string(100, 'a'), 100));
  CHECK(prescreen_xml("<a><!-- never closed", 1000));
  CHECK(prescreen_xml("<a><![CDATA[ never closed", 1000));
  CHECK(prescreen_xml("<?xml never closed", 1000));
}
