// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/report_writers.hpp"
#include "tools/conform/time_rules.hpp"

#include <algorithm>
#include <sstream>

namespace tidnav::conform {
namespace {

constexpr std::size_t id_width = 32;
constexpr std::size_t shown_lines = 40;  // of each message in the terminal; the reports have them whole

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string first_lines(const std::string& text, std::size_t n) {
  std::istringstream in(text);
  std::string line, out;
  std::size_t count = 0;
  while (std::getline(in, line)) {
    if (count++ == n) {
      out += "      …\n";
      break;
    }
    out += "      " + line + "\n";
  }
  return out;
}

}  // namespace

void write_summary(std::ostream& out, const run_report& r) {
  out << "\ntidnav conform " << r.family << " — " << r.url << " as " << r.logical_address << ", person " << r.person
      << "\n\n";
  out << pad("CHECK", id_width) << "VERDICT  RULE / EVIDENCE\n";
  for (const auto& c : r.checks) {
    out << pad(c.id, id_width) << pad(std::string(verdict_name(c.outcome)), 9) << c.rule << "\n";
    out << std::string(id_width + 9, ' ') << "→ " << c.evidence << "\n";
  }
  for (const auto& c : r.checks) {
    if (c.outcome != verdict::fail) continue;
    out << "\nFAIL " << c.id << " — " << c.title << "\n";
    out << "  rule:     " << c.rule << "\n";
    out << "  expected: " << c.expected << "\n";
    out << "  seen:     " << c.evidence << "\n";
    for (const auto& e : c.exchanges) {
      out << "  call " << e.contract << " (" << e.purpose << "), " << format_ms(e.elapsed_ms) << "\n";
      out << "    request:\n" << first_lines(pretty_xml(e.request), shown_lines);
      if (!e.transport_error.empty()) {
        out << "    no answer: " << e.transport_error << "\n";
      } else {
        out << "    response (HTTP " << e.http_status << "):\n" << first_lines(pretty_xml(e.response), shown_lines);
      }
    }
  }
  if (!r.notes.empty()) {
    out << "\nNotes:\n";
    for (const auto& n : r.notes) out << "  " << n << "\n";
  }
  for (const auto& e : r.errors) out << "\nERROR " << e << "\n";
  out << "\n" << r.count(verdict::pass) << " passed, " << r.count(verdict::fail) << " failed, "
      << r.count(verdict::skip) << " skipped; " << r.calls << " calls in " << format_ms(r.seconds * 1000) << "\n";
}

}  // namespace tidnav::conform
