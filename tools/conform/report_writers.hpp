// SPDX-License-Identifier: GPL-2.0-or-later
// The three views of a run: a summary table for the terminal, JUnit XML for CI
// servers (testsuite/testcase/failure/skipped) and one self-contained HTML file
// for people (inline CSS, nothing loaded from elsewhere, everything escaped).
#pragma once

#include "tools/conform/report_model.hpp"

#include <ostream>
#include <string>

namespace tidnav::conform {

// Summary table, then the details of every failure (rule, expectation, calls).
void write_summary(std::ostream& out, const run_report& report);
std::string junit_xml(const run_report& report);
std::string html_report(const run_report& report);

// Helpers the writers share (tested on their own).
std::string pretty_xml(const std::string& xml);  // indented when it parses, as is otherwise
std::string html_escape(std::string_view text);
// Characters XML 1.0 cannot carry (a producer may send any bytes) replaced by U+FFFD.
std::string xml_safe(std::string_view text);

}  // namespace tidnav::conform
