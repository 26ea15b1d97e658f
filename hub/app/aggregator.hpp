// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The aggregating services as the in-process producer "local:aggregate".
// A GetSubjectOfCareSchedule 1.1 / GetAppointments 2.0 addressed to the
// platform: the engagement index names the units that hold the citizen's
// bookings; units the consumer may not reach are dropped; every other unit is
// called in parallel through the hub's own pipeline (routing, authorisation,
// TLS, logs, metrics), each with the unit's timeout; whatever has answered by
// the overall deadline is merged, with one ProcessingStatus record per unit.
// GetAvailableTimeslots addressed to the platform or an HSA node fans out to
// every unit routed for the contract under that node.

#include <functional>
#include <memory>
#include <vector>

#include "hub/app/hub_service.hpp"
#include "hub/app/local_producer.hpp"
#include "hub/app/timer_queue.hpp"
#include "hub/core/aggregate_kind.hpp"

namespace tidnav::ei {
struct engagement;
struct find_query;
}  // namespace tidnav::ei

namespace tidnav::app {

/// Reads the engagement index (blocking; throws when the index cannot be read).
using engagement_finder = std::function<std::vector<ei::engagement>(const ei::find_query&)>;

class aggregator final : public local_producer {
 public:
  /// `find` may be empty: then calls that need the engagement index get a fault.
  /// `off_io` runs blocking work (index reads) elsewhere; null runs it inline.
  aggregator(const runtime_holder& runtime, hub_service& service, engagement_finder find,
             std::function<void(std::function<void()>)> off_io = {});
  ~aggregator() override;

  void call(local_call call, std::function<void(net::client_result)> done) override;
  void stop();

 private:
  void fan_out(local_call c, const runtime_ptr& rt, core::aggregate_kind kind, std::vector<std::string> candidates,
               std::function<void(net::client_result)> done);

  const runtime_holder& runtime_;
  hub_service& service_;
  engagement_finder find_;
  std::function<void(std::function<void()>)> off_io_;
  timer_queue timers_;
};

}  // namespace tidnav::app
