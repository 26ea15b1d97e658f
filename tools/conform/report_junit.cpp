// SPDX-License-Identifier: GPL-2.0-or-later
// JUnit XML as Jenkins, GitLab and GitHub test reporters read it: one
// testsuite, one testcase per check, <failure> or <skipped> inside. pugixml
// writes it, so every text is escaped.
#include "tools/conform/report_writers.hpp"

#include <pugixml.hpp>

#include <sstream>

namespace tidnav::conform {
namespace {

std::string call_text(const exchange& e) {
  std::string s = "--- " + e.contract + " (" + e.purpose + ")\n--- request:\n" + pretty_xml(e.request) + "\n";
  if (!e.transport_error.empty()) return s + "--- no answer: " + e.transport_error + "\n";
  return s + "--- response (HTTP " + std::to_string(e.http_status) + "):\n" + pretty_xml(e.response) + "\n";
}

}  // namespace

std::string junit_xml(const run_report& r) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  suites.append_attribute("name") = "tidnav conform";
  auto suite = suites.append_child("testsuite");
  const std::string name = "tidnav conform " + r.family + " " + r.logical_address;
  suite.append_attribute("name") = name.c_str();
  suite.append_attribute("tests") = static_cast<unsigned long long>(r.checks.size() + (r.errors.empty() ? 0 : 1));
  suite.append_attribute("failures") = static_cast<unsigned long long>(r.count(verdict::fail));
  suite.append_attribute("errors") = static_cast<unsigned long long>(r.errors.size());
  suite.append_attribute("skipped") = static_cast<unsigned long long>(r.count(verdict::skip));
  suite.append_attribute("time") = r.seconds;
  suite.append_attribute("timestamp") = r.started_at.c_str();
  auto props = suite.append_child("properties");
  for (const auto& [k, v] : {std::pair{"url", r.url}, std::pair{"logicalAddress", r.logical_address},
                             std::pair{"family", r.family}, std::pair{"person", r.person}}) {
    auto p = props.append_child("property");
    p.append_attribute("name") = k;
    p.append_attribute("value") = v.c_str();
  }
  const std::string classname = "conform." + r.family;
  for (const auto& c : r.checks) {
    auto tc = suite.append_child("testcase");
    tc.append_attribute("classname") = classname.c_str();
    tc.append_attribute("name") = c.id.c_str();
    tc.append_attribute("time") = 0.0;
    if (c.outcome == verdict::fail) {
      auto f = tc.append_child("failure");
      f.append_attribute("message") = xml_safe(c.evidence).c_str();
      f.append_attribute("type") = "conformance";
      std::string body = "rule: " + c.rule + "\nexpected: " + c.expected + "\nseen: " + c.evidence + "\n";
      for (const auto& e : c.exchanges) body += call_text(e);
      f.append_child(pugi::node_pcdata).set_value(xml_safe(body).c_str());
    } else if (c.outcome == verdict::skip) {
      tc.append_child("skipped").append_attribute("message") = xml_safe(c.evidence).c_str();
    }
    const std::string out = c.title + "\nrule: " + c.rule + "\n" + c.evidence;
    tc.append_child("system-out").append_child(pugi::node_pcdata).set_value(xml_safe(out).c_str());
  }
  if (!r.errors.empty()) {
    auto tc = suite.append_child("testcase");
    tc.append_attribute("classname") = classname.c_str();
    tc.append_attribute("name") = "kit.run";
    std::string all;
    for (const auto& e : r.errors) all += e + "\n";
    auto e = tc.append_child("error");
    e.append_attribute("message") = xml_safe(r.errors.front()).c_str();
    e.append_child(pugi::node_pcdata).set_value(xml_safe(all).c_str());
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace tidnav::conform
