// SPDX-License-Identifier: GPL-2.0-or-later
// Copying items' own bytes into the merged answer: only where they are what
// pugixml would write, so the merged bytes never depend on how a unit laid out
// its answer.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "aggregate_fixtures.hpp"
#include "hub/core/aggregate_merge.hpp"
#include "hub/core/aggregate_splice.hpp"

using namespace tidnav::core;

namespace {

std::string printed(pugi::xml_node n) {
  std::string out;
  struct writer final : pugi::xml_writer {
    std::string& s;
    explicit writer(std::string& o) : s(o) {}
    void write(const void* d, std::size_t n) override { s.append(static_cast<const char*>(d), n); }
  } w(out);
  n.print(w, "", pugi::format_raw, pugi::encoding_utf8);
  return out;
}

// The first item of `<r><p:i>…</p:i><p:i/></r>` with `inner` as its content.
std::string splice_first(const std::string& item, std::string& expect) {
  const std::string body = "<r xmlns:p=\"u\">" + item + "<p:i/></r>";
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_auto));
  const pugi::xml_node first = doc.first_child().first_child();
  expect = printed(first);
  return std::string(spliceable_bytes(body, first));
}

}  // namespace

TEST_CASE("an item already in pugixml's compact form is copied as it is", "[aggregation][splice]") {
  for (const std::string item : {"<p:i><p:a>x y</p:a><p:b/></p:i>", "<p:i/>", "<p:i>Vårdcentralen \"Ö\" 'x'</p:i>"}) {
    std::string expect;
    CHECK(splice_first(item, expect) == item);
    CHECK(expect == item);
  }
}

TEST_CASE("an item pugixml would write differently is never copied", "[aggregation][splice]") {
  for (const std::string item : {
           "<p:i><p:a>x</p:a ></p:i>",                   // whitespace in a tag
           "<p:i ><p:a>x</p:a></p:i>",
           "<p:i><p:a></p:a></p:i>",                     // long empty element
           "<p:i><!--c--><p:a>x</p:a></p:i>",            // comment
           "<p:i><!--abcdefgh--><p:a>x          </p:a></p:i>",  // comment, then text ending in spaces
           "<p:i>\n  <p:a>x</p:a>\n</p:i>",               // indentation
           "<p:i><p:a>a&amp;b</p:a></p:i>",              // escaped text
           "<p:i><p:a>&quot;</p:a></p:i>",               // reference pugixml writes as a character
           "<p:i><p:a>a>b</p:a></p:i>",                  // '>' that pugixml escapes
           "<p:i><p:a t='1'>x</p:a></p:i>",              // attribute
           "<p:i><![CDATA[x]]></p:i>",                   // CDATA
           "<p:i><?pi x?><p:a>x</p:a></p:i>",            // processing instruction
       }) {
    CAPTURE(item);
    std::string expect;
    const std::string got = splice_first(item, expect);
    CHECK(got.empty());
  }
}

TEST_CASE("the last item of an answer is written by pugixml", "[aggregation][splice]") {
  const std::string body = "<r><i>x</i></r>";
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(body.data(), body.size()));
  CHECK(spliceable_bytes(body, doc.first_child().first_child()).empty());
}

TEST_CASE("declarations go into the copied start tag as pugixml would put them", "[aggregation][splice]") {
  std::vector<ns_binding> d{{"core", "urn:a"}, {"", "urn:b"}};
  std::string out;
  REQUIRE(append_spliced(out, "<p:i><p:a>x</p:a></p:i>", "p:i", d));
  CHECK(out == "<p:i xmlns:core=\"urn:a\" xmlns=\"urn:b\"><p:a>x</p:a></p:i>");
  out.clear();
  REQUIRE(append_spliced(out, "<p:i/>", "p:i", d));
  CHECK(out == "<p:i xmlns:core=\"urn:a\" xmlns=\"urn:b\"/>");
  out.clear();
  CHECK_FALSE(append_spliced(out, "<p:i/>", "p:i", {{"q", "urn:a&b"}}));
  CHECK(out.empty());
}

TEST_CASE("a compact and an indented answer merge to the same bytes", "[aggregation][splice]") {
  for (const aggregate_kind k : {aggregate_kind::schedule_11, aggregate_kind::appointments_20,
                                 aggregate_kind::timeslots_20, aggregate_kind::timeslots_11}) {
    CAPTURE(to_string(k));
    std::vector<tidnav::test::booking> b;
    for (int i = 0; i < 5; ++i) {
      b.push_back({"SE2321000016-U000", tidnav::test::uuid_for(i), tidnav::test::ts_plus_minutes(60 - i * 10)});
    }
    std::vector<unit_answer> compact(1), indented(1), renamed(1);
    for (auto* v : {&compact, &indented, &renamed}) {
      (*v)[0].logical_address = "SE2321000016-U000";
      (*v)[0].ok = true;
    }
    compact[0].body = tidnav::test::make_answer(k, b, false);
    indented[0].body = tidnav::test::make_answer(k, b, true);
    const std::string merged = merge_answers(k, compact, "20260310142535");
    CHECK(merged == merge_answers(k, indented, "20260310142535"));
    // Items copied with a declaration added (the core namespace under a prefix
    // the merged answer does not bind) against the same items written by pugixml.
    renamed[0].body = tidnav::test::reprefix(compact[0].body, {{"core", "c9"}});
    indented[0].body = tidnav::test::reprefix(indented[0].body, {{"core", "c9"}});
    const std::string merged_renamed = merge_answers(k, renamed, "20260310142535");
    CHECK(merged_renamed.find("xmlns:c9=") != std::string::npos);
    CHECK(merged_renamed == merge_answers(k, indented, "20260310142535"));
  }
}
