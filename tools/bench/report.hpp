// SPDX-License-Identifier: GPL-2.0-or-later
// A load run's numbers for people (progress line, final table) and for scripts (JSON).
// Both outputs come from the same run_result so they never disagree.
#pragma once

#include <string>

#include "tools/bench/load_options.hpp"
#include "tools/bench/load_run.hpp"

namespace tidnav::bench {

// "[3s] 12345 req/s  p99 1.234 ms  errors 0" (no newline): seconds since the start, and
// the measured requests so far.
std::string progress_line(const run_progress& p);

// True when more than 1 % of an open loop's requests left later than late_threshold.
bool fell_behind(const run_result& r);

// 0 when the run completed with at least one request and none failed; otherwise 1.
int exit_status(const run_result& r);

// The final human-readable table, newline-terminated.
std::string format_table(const load_options& o, const run_result& r);

// The same numbers as one JSON object (latencies in milliseconds).
std::string format_json(const load_options& o, const run_result& r);

}  // namespace tidnav::bench
