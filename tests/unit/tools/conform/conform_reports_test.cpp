// SPDX-License-Identifier: GPL-2.0-or-later
// The report writers: JUnit that a CI server can read, one self-contained HTML
// file, both escaping whatever a producer sent.
#include "tools/conform/report_writers.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <sstream>

using namespace tidnav::conform;

namespace {

const std::string hostile = "<script>alert('x')</script> & \"quotes\" ]]> \x01 end";

run_report sample_report() {
  run_report r;
  r.tool_version = "tidnav conform";
  r.url = "https://127.0.0.1:4443/producer?a=1&b=<2>";
  r.logical_address = "SE2321000016-ABC1";
  r.family = "2.0";
  r.person = "191212121212";
  r.started_at = "2026-12-06T10:00:00+0100";
  r.seconds = 1.5;
  r.calls = 42;
  r.checks.push_back({"ping.answers", "Ping answers", "monitoring rule", verdict::pass, "version x", {}, {}});
  exchange e;
  e.contract = "MakeAppointment";
  e.purpose = "book the same time again";
  e.request = "<Envelope><Body><MakeAppointment>" + std::string("&lt;x&gt;") + "</MakeAppointment></Body></Envelope>";
  e.http_status = 200;
  e.response = "<Envelope><Body><MakeAppointmentResponse><resultCode>OK</resultCode><resultText>" + std::string("&lt;script&gt;") +
               "</resultText></MakeAppointmentResponse></Body></Envelope>";
  e.elapsed_ms = 12;
  r.checks.push_back({"make.double-booking", "Booking a taken time again is refused", "MakeAppointment: "
                      "REQUESTED_TIME_IS_ALREADY_RESERVED",
                      verdict::fail, "answered OK " + hostile, "HTTP 200, resultCode REQUESTED_TIME_IS_ALREADY_RESERVED",
                      {e}});
  r.checks.push_back({"cancel.twice", "Cancel twice", "rule", verdict::skip, "not offered " + hostile, {}, {}});
  r.notes.push_back("cancelled booking X");
  return r;
}

}  // namespace

TEST_CASE("conform report: JUnit XML has a suite, a case per check, failures and skips", "[conform][report]") {
  const std::string xml = junit_xml(sample_report());
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const auto suite = doc.child("testsuites").child("testsuite");
  REQUIRE(suite);
  CHECK(suite.attribute("tests").as_int() == 3);
  CHECK(suite.attribute("failures").as_int() == 1);
  CHECK(suite.attribute("skipped").as_int() == 1);
  CHECK(suite.attribute("errors").as_int() == 0);
  int cases = 0;
  for (auto tc : suite.children("testcase")) {
    ++cases;
    const std::string name = tc.attribute("name").value();
    if (name == "make.double-booking") {
      const auto f = tc.child("failure");
      REQUIRE(f);
      CHECK(std::string(f.attribute("message").value()).find("<script>") != std::string::npos);  // escaped on the wire
      const std::string body = f.text().get();
      CHECK(body.find("MakeAppointmentResponse") != std::string::npos);
      CHECK(body.find("expected: HTTP 200, resultCode REQUESTED_TIME_IS_ALREADY_RESERVED") != std::string::npos);
      CHECK(body.find("rule: MakeAppointment") != std::string::npos);
    } else if (name == "cancel.twice") {
      CHECK(tc.child("skipped"));
    } else {
      CHECK_FALSE(tc.child("failure"));
      CHECK_FALSE(tc.child("skipped"));
    }
  }
  CHECK(cases == 3);
  CHECK(xml.find('\x01') == std::string::npos);  // not representable in XML 1.0

  run_report broken = sample_report();
  broken.errors.push_back("no answer from https://x: connection refused");
  pugi::xml_document doc2;
  REQUIRE(doc2.load_string(junit_xml(broken).c_str()));
  const auto suite2 = doc2.child("testsuites").child("testsuite");
  CHECK(suite2.attribute("errors").as_int() == 1);
  CHECK(suite2.attribute("tests").as_int() == 4);
  CHECK(suite2.find_child_by_attribute("testcase", "name", "kit.run").child("error"));
}

TEST_CASE("conform report: the HTML file is self-contained and escapes everything", "[conform][report]") {
  const std::string html = html_report(sample_report());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<style>") != std::string::npos);
  for (const char* forbidden : {"<script", "<link", "src=", "@import", "url(", "<iframe", "href=\"http"}) {
    INFO(forbidden);
    CHECK(html.find(forbidden) == std::string::npos);
  }
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;") != std::string::npos);
  CHECK(html.find("?a=1&amp;b=&lt;2&gt;") != std::string::npos);
  // The failure shows rule, expectation, request and response; the link goes to it.
  CHECK(html.find("href=\"#make.double-booking\"") != std::string::npos);
  CHECK(html.find("id=\"make.double-booking\"") != std::string::npos);
  CHECK(html.find("HTTP 200, resultCode REQUESTED_TIME_IS_ALREADY_RESERVED") != std::string::npos);
  CHECK(html.find("&lt;MakeAppointmentResponse&gt;") != std::string::npos);
  CHECK(html.find("&lt;MakeAppointment&gt;") != std::string::npos);
  CHECK(html.find('\x01') == std::string::npos);
  CHECK(html.find("1 passed") != std::string::npos);
  CHECK(html.find("1 failed") != std::string::npos);
}

TEST_CASE("conform report: the summary table lists every check and details failures", "[conform][report]") {
  std::ostringstream out;
  write_summary(out, sample_report());
  const std::string text = out.str();
  CHECK(text.find("ping.answers") != std::string::npos);
  CHECK(text.find("FAIL make.double-booking") != std::string::npos);
  CHECK(text.find("expected: HTTP 200, resultCode REQUESTED_TIME_IS_ALREADY_RESERVED") != std::string::npos);
  CHECK(text.find("request:") != std::string::npos);
  CHECK(text.find("response (HTTP 200)") != std::string::npos);
  CHECK(text.find("1 passed, 1 failed, 1 skipped; 42 calls") != std::string::npos);
}

TEST_CASE("conform report: pretty_xml indents XML and leaves anything else alone", "[conform][report]") {
  CHECK(pretty_xml("<a><b>x</b></a>") == "<a>\n  <b>x</b>\n</a>\n");
  CHECK(pretty_xml("not xml <") == "not xml <");
  CHECK(html_escape("a<b>&'\"") == "a&lt;b&gt;&amp;&#39;&quot;");
}
