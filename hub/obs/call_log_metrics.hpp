// SPDX-License-Identifier: GPL-2.0-or-later
// Exposes a call_log's own counters, so a dropping log shows on a dashboard and
// not only in the log itself.
#pragma once

#include <string>

#include "hub/obs/call_log.hpp"
#include "hub/obs/registry.hpp"

namespace tidnav::obs {

// Registers <prefix>_submitted_total, _dropped_total, _written_total,
// _write_errors_total and _queue_capacity. `log` must outlive rendering of `reg`.
void register_call_log_metrics(registry& reg, const call_log& log, const std::string& prefix = "tidnav_call_log");

}  // namespace tidnav::obs
