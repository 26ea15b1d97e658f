// SPDX-License-Identifier: GPL-2.0-or-later
// What the aggregator may write as XML text: the eight-bytes-at-a-time path and
// the character-by-character path must agree wherever a bad byte falls.
#include <catch2/catch.hpp>

#include <string>

#include "hub/core/aggregate_text.hpp"

using namespace tidnav::core;

TEST_CASE("is_xml_text accepts XML characters in every position", "[aggregate][text]") {
  CHECK(is_xml_text(""));
  CHECK(is_xml_text("plain ASCII text that is longer than one chunk of eight bytes"));
  CHECK(is_xml_text("tab\tnewline\ncarriage\rreturn"));
  CHECK(is_xml_text("Vårdcentralen Östra, sjuksköterska Björn Öberg"));
  CHECK(is_xml_text("\xEF\xBB\xBF<?xml?>"));           // BOM (U+FEFF)
  CHECK(is_xml_text("emoji \xF0\x9F\x98\x80 end"));     // U+1F600
  for (std::size_t at = 0; at < 20; ++at) {
    std::string s(24, 'a');
    s.replace(at, 2, "\xC3\xA5");  // å across every chunk boundary
    INFO(at);
    CHECK(is_xml_text(s));
  }
}

TEST_CASE("is_xml_text refuses what XML 1.0 cannot carry, wherever it is", "[aggregate][text]") {
  for (const std::string& bad : {std::string("\x01"), std::string("\x1f"), std::string(1, '\0'), std::string("\x7f\xff"),
                                std::string("\xC3"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                                std::string("\xEF\xBF\xBE"), std::string("\xF4\x90\x80\x80")}) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(24, 'a');
      s.insert(at, bad);
      INFO("at " << at << " byte " << static_cast<int>(static_cast<unsigned char>(bad.back())));
      CHECK_FALSE(is_xml_text(s));
    }
  }
}

TEST_CASE("xml_safe_text replaces and cuts on character boundaries", "[aggregate][text]") {
  CHECK(xml_safe_text("ok <&> text") == "ok <&> text");
  CHECK(xml_safe_text(std::string("a\x01z", 3)) == "a\xEF\xBF\xBDz");
  CHECK(xml_safe_text("a\xC3(") == "a\xEF\xBF\xBD(");
  CHECK(xml_safe_text("åäö", 5) == "åä");  // 2 bytes each: the third does not fit
  CHECK(xml_safe_text("abc", 0).empty());
  CHECK(is_xml_text(xml_safe_text(std::string("\x00\x01\xff\xfe\xed\xa0\x80 x", 9))));
}

TEST_CASE("is_plain_xml_text also refuses character references, wherever they are", "[aggregate][text]") {
  CHECK(is_plain_xml_text("Provtagning &amp; blodtryck &lt;fastande&gt; &"));
  CHECK_FALSE(is_plain_xml_text("ends in &#"));
  for (std::size_t at = 0; at < 20; ++at) {
    std::string s(24, 'a');
    s.insert(at, "&#1;");
    INFO(at);
    CHECK_FALSE(is_plain_xml_text(s));
    CHECK(is_xml_text(s));
    s.replace(at, 4, "&amp");
    CHECK(is_plain_xml_text(s));
  }
}
