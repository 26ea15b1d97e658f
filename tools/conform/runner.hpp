// SPDX-License-Identifier: GPL-2.0-or-later
// Runs the conformance kit against one producer and returns what it found.
// Black-box: only contract calls over the given transport, writes only for
// the given test person, and what it booked is cancelled before it returns.
#pragma once

#include "tools/conform/conform_options.hpp"
#include "tools/conform/report_model.hpp"
#include "tools/conform/soap_transport.hpp"

#include <functional>
#include <string>

namespace tidnav::conform {

struct progress {
  std::string phase;        // "booking a free time"
  std::size_t phase_index = 0;  // 1-based
  std::size_t phase_count = 0;
  std::size_t calls = 0;    // requests sent so far
  std::string call;         // "GetAppointments: list the person's bookings"
};

using progress_fn = std::function<void(const progress&)>;

// Never throws for anything the producer does; kit errors (a request our own
// writer cannot build, a missing schema folder) end up in report.errors and
// make report.passed() false.
run_report run_conformance(const conform_options& options, soap_transport& transport, const progress_fn& on_progress = {});

}  // namespace tidnav::conform
