// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/call_log_metrics.hpp"

namespace tidnav::obs {

void register_call_log_metrics(registry& reg, const call_log& log, const std::string& prefix) {
  const call_log* l = &log;
  reg.add_callback(metric_type::counter, prefix + "_submitted_total", "Call records accepted into the queue.",
                   [l] { return static_cast<double>(l->submitted()); });
  reg.add_callback(metric_type::counter, prefix + "_dropped_total", "Call records dropped because the queue was full.",
                   [l] { return static_cast<double>(l->dropped()); });
  reg.add_callback(metric_type::counter, prefix + "_written_total", "Call records written to the output.",
                   [l] { return static_cast<double>(l->written()); });
  reg.add_callback(metric_type::counter, prefix + "_write_errors_total",
                   "Call records lost because the output refused them.",
                   [l] { return static_cast<double>(l->write_errors()); });
  reg.add_callback(metric_type::gauge, prefix + "_queue_capacity", "Records the call log queue holds.",
                   [l] { return static_cast<double>(l->capacity()); });
}

}  // namespace tidnav::obs
