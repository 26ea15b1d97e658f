// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Turns routed calls into audit records (hub/audit, patientdatalagen): who the
// request is about is read while its bytes are still at hand (planned), the
// record is written when the outcome is known (finished). A call is audited
// when its request names a person, or when its operation reads or changes one
// person's bookings without naming them (1.x CancelBooking by booking id).
//
// Aggregated calls: the aggregator's unit calls come through the same
// pipeline in-process, under the consumer's correlation id. Each is recorded
// (channel "platform", its unit), and the consumer's own call to
// local:aggregate is recorded once with every unit that was called.

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "hub/app/call_plan.hpp"
#include "hub/audit/audit_log.hpp"
#include "hub/core/hub_config.hpp"
#include "hub/net/log.hpp"

namespace tidnav::app {

class call_audit {
 public:
  /// Opens (creating) the database at cfg.path; throws std::runtime_error when it cannot.
  call_audit(const core::audit_config& cfg, net::log_sink events);
  /// For tests: any store.
  call_audit(std::unique_ptr<audit::audit_store> store, std::size_t queue, net::log_sink events);

  void planned(const net::request_context& req, call_facts& facts, std::string_view body);
  void finished(const net::request_context& req, const call_facts& facts, std::string_view outcome);

  /// The next call to local:aggregate under this correlation id is an operator's
  /// (the dashboard's citizen view): recorded with channel "operator".
  void expect_operator_call(const std::string& correlation_id);

  const audit::audit_log& log() const { return *log_; }
  bool flush(std::chrono::milliseconds timeout) { return log_->flush(timeout); }

 private:
  std::vector<std::string> take_units(const std::string& correlation_id);

  std::unique_ptr<audit::audit_log> log_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<std::string>> units_;  ///< correlation id -> units called in-process
  std::unordered_set<std::string> operator_calls_;  ///< announced by the dashboard, not yet planned
  std::unordered_set<std::string> operator_outer_;  ///< the dashboard's calls in flight
  std::deque<std::string> order_;  ///< insertion order of units_ keys, to bound the map
};

}  // namespace tidnav::app
