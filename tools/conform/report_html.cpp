// SPDX-License-Identifier: GPL-2.0-or-later
// One HTML file an integrator can mail around: inline CSS, no scripts, no
// external loads. Every text from the run (producer answers included) goes
// through html_escape, so a hostile answer cannot inject markup.
#include "tools/conform/report_writers.hpp"
#include "tools/conform/time_rules.hpp"

#include <sstream>

namespace tidnav::conform {
namespace {

constexpr const char* css = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:72em;color:#1d2733;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em}h3{font-size:1.05em;margin-bottom:.3em}
.meta{color:#4a5866}.meta td{padding:0 1.2em 0 0}
.counts span{display:inline-block;margin-right:.6em;padding:.15em .6em;border-radius:.3em;font-weight:600}
table.checks{border-collapse:collapse;width:100%}
table.checks th,table.checks td{border-bottom:1px solid #d9e0e6;padding:.35em .5em;text-align:left;vertical-align:top}
table.checks th{background:#f2f5f7}
td.id{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
.PASS{background:#dff3e4;color:#17592a}.FAIL{background:#fbe1e0;color:#8a1c15}.SKIP{background:#eceff2;color:#4a5866}
td.v span{padding:.1em .45em;border-radius:.25em;font-weight:600}
section.failure{border-left:4px solid #c0392b;padding:.2em 0 .2em 1em;margin:1.5em 0}
dl{display:grid;grid-template-columns:7em 1fr;gap:.2em .8em}dt{font-weight:600}dd{margin:0}
pre{background:#f6f8fa;border:1px solid #d9e0e6;padding:.6em;overflow:auto;max-height:30em;font-size:12px}
details{margin:.6em 0}summary{cursor:pointer;font-weight:600}
.errors{background:#fbe1e0;padding:.5em 1em;border-radius:.3em}
)";

std::string e(std::string_view s) { return html_escape(s); }

}  // namespace

std::string html_report(const run_report& r) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>tidnav conform " << e(r.family) << " " << e(r.logical_address) << "</title>\n<style>" << css
    << "</style>\n</head>\n<body>\n";
  h << "<h1>Conformance report: " << e(r.logical_address) << " (" << e(r.family) << ")</h1>\n";
  h << "<table class=\"meta\">\n"
    << "<tr><td>Producer</td><td>" << e(r.url) << "</td></tr>\n"
    << "<tr><td>Contracts</td><td>" << (r.family == "2.0" ? "supportprocess:logistics:scheduling 2.0" : "crm:scheduling 1.1")
    << "</td></tr>\n"
    << "<tr><td>Test person</td><td>" << e(r.person) << "</td></tr>\n"
    << "<tr><td>Started</td><td>" << e(r.started_at) << "</td></tr>\n"
    << "<tr><td>Run</td><td>" << r.calls << " calls in " << e(format_ms(r.seconds * 1000)) << ", "
    << e(r.tool_version) << "</td></tr>\n</table>\n";
  h << "<p class=\"counts\"><span class=\"PASS\">" << r.count(verdict::pass) << " passed</span><span class=\"FAIL\">"
    << r.count(verdict::fail) << " failed</span><span class=\"SKIP\">" << r.count(verdict::skip)
    << " skipped</span></p>\n";
  if (!r.errors.empty()) {
    h << "<div class=\"errors\"><strong>The kit could not finish:</strong><ul>\n";
    for (const auto& err : r.errors) h << "<li>" << e(err) << "</li>\n";
    h << "</ul></div>\n";
  }
  h << "<h2>Checks</h2>\n<table class=\"checks\">\n<thead><tr><th>Check</th><th>Verdict</th><th>Rule</th>"
    << "<th>Evidence</th></tr></thead>\n<tbody>\n";
  for (const auto& c : r.checks) {
    const std::string v(verdict_name(c.outcome));
    h << "<tr><td class=\"id\">";
    if (c.outcome == verdict::fail) {
      h << "<a href=\"#" << e(c.id) << "\">" << e(c.id) << "</a>";
    } else {
      h << e(c.id);
    }
    h << "</td><td class=\"v\"><span class=\"" << v << "\">" << v << "</span></td><td>" << e(c.rule)
      << "</td><td>" << e(c.evidence) << "</td></tr>\n";
  }
  h << "</tbody>\n</table>\n";
  if (r.count(verdict::fail) > 0) h << "<h2>Failures</h2>\n";
  for (const auto& c : r.checks) {
    if (c.outcome != verdict::fail) continue;
    h << "<section class=\"failure\" id=\"" << e(c.id) << "\">\n<h3>" << e(c.id) << ": " << e(c.title) << "</h3>\n"
      << "<dl><dt>Rule</dt><dd>" << e(c.rule) << "</dd><dt>Expected</dt><dd>" << e(c.expected)
      << "</dd><dt>Seen</dt><dd>" << e(c.evidence) << "</dd></dl>\n";
    for (const auto& x : c.exchanges) {
      h << "<details open><summary>" << e(x.contract) << ": " << e(x.purpose) << " — "
        << (x.transport_error.empty() ? "HTTP " + std::to_string(x.http_status) : "no answer") << ", "
        << e(format_ms(x.elapsed_ms)) << "</summary>\n<h4>Request</h4>\n<pre>" << e(pretty_xml(x.request))
        << "</pre>\n";
      if (x.transport_error.empty()) {
        h << "<h4>Response</h4>\n<pre>" << e(pretty_xml(x.response)) << "</pre>\n";
      } else {
        h << "<p>No answer: " << e(x.transport_error) << "</p>\n";
      }
      h << "</details>\n";
    }
    h << "</section>\n";
  }
  if (!r.notes.empty()) {
    h << "<h2>Notes</h2>\n<ul>\n";
    for (const auto& n : r.notes) h << "<li>" << e(n) << "</li>\n";
    h << "</ul>\n";
  }
  h << "</body>\n</html>\n";
  return h.str();
}

}  // namespace tidnav::conform
