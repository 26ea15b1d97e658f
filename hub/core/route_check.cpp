// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/route_check.hpp"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "hub/core/xs_datetime.hpp"

namespace tidnav::core {
namespace {

constexpr std::string_view case_keys[] = {"name", "consumer", "contract", "address", "at", "expect"};

int line_of(const YAML::Node& n) { return n.IsDefined() && n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

std::string where(std::string_view source, const YAML::Node& n) {
  return std::string(source) + ":" + std::to_string(line_of(n)) + ": ";
}

std::optional<std::string> text(const YAML::Node& map, const char* key) {
  const YAML::Node v = map[key];
  if (!v.IsDefined() || v.IsNull() || !v.IsScalar()) return std::nullopt;
  return v.Scalar();
}

void read_case(const YAML::Node& n, std::size_t i, std::string_view source, std::vector<route_check_case>& out,
               std::vector<std::string>& errors) {
  if (!n.IsMap()) {
    errors.push_back(where(source, n) + "case " + std::to_string(i + 1) + " is not a mapping");
    return;
  }
  const std::size_t errors_before = errors.size();
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (std::find(std::begin(case_keys), std::end(case_keys), key) == std::end(case_keys)) {
      errors.push_back(where(source, it->first) + "unknown key '" + key + "'");
    } else if (!it->second.IsNull() && !it->second.IsScalar()) {
      errors.push_back(where(source, it->second) + "'" + key + "' must be a single value");
    }
  }
  route_check_case c;
  c.line = line_of(n);
  c.name = text(n, "name").value_or("case " + std::to_string(i + 1));
  c.consumer = text(n, "consumer");
  c.contract = text(n, "contract");
  c.address = text(n, "address");
  if (const auto at = text(n, "at")) {
    if (const auto parsed = parse_xs_datetime(*at)) c.at = parsed->value;
    else errors.push_back(where(source, n["at"]) + "'at' is not a date-time: '" + *at + "'");
  }
  const auto expect = text(n, "expect");
  if (!expect || expect->empty()) {
    errors.push_back(where(source, n) + "'expect' (a producer URL or a VP code) is required");
  } else if (vp_code code{}; parse_vp_code(*expect, code)) {
    c.expect_fault = code;
  } else if (expect->size() >= 2 && (*expect)[0] == 'V' && (*expect)[1] == 'P') {
    errors.push_back(where(source, n["expect"]) + "unknown fault code '" + *expect + "'");
  } else {
    c.expect_url = *expect;
  }
  if (errors.size() == errors_before) out.push_back(std::move(c));
}

}  // namespace

result<std::vector<route_check_case>, std::vector<std::string>> parse_route_check_cases(std::string_view yaml,
                                                                                        std::string_view source) {
  std::vector<std::string> errors;
  std::vector<route_check_case> cases;
  try {
    const YAML::Node doc = YAML::Load(std::string(yaml));
    const YAML::Node root = doc.IsMap() && doc["cases"].IsDefined() ? doc["cases"] : doc;
    if (!root.IsSequence()) {
      errors.push_back(std::string(source) + ": expected a list of cases");
      return fail(std::move(errors));
    }
    for (std::size_t i = 0; i < root.size(); ++i) read_case(root[i], i, source, cases, errors);
  } catch (const YAML::Exception& e) {
    errors.push_back(std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": YAML error: " + e.msg);
  }
  if (!errors.empty()) return fail(std::move(errors));
  return cases;
}

route_check_result run_route_check(const routing_snapshot& snap, const route_check_case& c, instant now) {
  route_check_result r;
  r.name = c.name;
  r.line = c.line;
  r.expected = c.expect_fault ? std::string(info(*c.expect_fault).name) : c.expect_url;

  call_identity call;
  if (c.consumer) call.consumer = *c.consumer;
  if (c.contract) call.contract = *c.contract;
  if (c.address) call.logical_address = *c.address;

  const auto decided = decide_route(snap, call, c.at.value_or(now), &r.traces);
  if (decided) {
    r.actual = decided.value()->url;
    r.passed = !c.expect_fault && r.actual == c.expect_url;
  } else {
    r.actual = std::string(info(decided.error().code).name);
    r.detail = decided.error().detail;
    r.passed = c.expect_fault && *c.expect_fault == decided.error().code;
  }
  return r;
}

route_check_report run_route_checks(const routing_snapshot& snap, const std::vector<route_check_case>& cases,
                                    instant now) {
  route_check_report report;
  report.results.reserve(cases.size());
  for (const auto& c : cases) {
    report.results.push_back(run_route_check(snap, c, now));
    ++(report.results.back().passed ? report.passed : report.failed);
  }
  return report;
}

std::string route_check_report::to_text() const {
  std::string out;
  for (const auto& r : results) {
    out += r.passed ? "PASS  " : "FAIL  ";
    out += r.name;
    if (r.line > 0) out += " (line " + std::to_string(r.line) + ")";
    if (!r.passed) {
      out += ": expected " + r.expected + ", got " + r.actual + "\n";
      if (!r.detail.empty()) out += "      detail: " + r.detail + "\n";
      if (!r.traces.routing.empty()) out += "      routing trace: " + r.traces.routing + "\n";
      if (!r.traces.authorization.empty()) out += "      authorization trace: " + r.traces.authorization + "\n";
    } else {
      out += "\n";
    }
  }
  out += std::to_string(passed) + " passed, " + std::to_string(failed) + " failed\n";
  return out;
}

}  // namespace tidnav::core
