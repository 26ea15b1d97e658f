// SPDX-License-Identifier: GPL-2.0-or-later
// What `GET /metrics` of a running adapter shows (Prometheus text via hub/obs):
// contract calls by family, operation and outcome, their latency, the EI
// outbox, and a bridge's per-producer leniency violations. Lives in host/net
// because this target already links the hub's libraries; the socket-free
// tidnav_adapter_host stays free of hub/obs.
#pragma once

#include "adapters/bridge/violations.hpp"
#include "adapters/core/producer_reply.hpp"
#include "hub/ei/outbox_worker.hpp"
#include "hub/obs/registry.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters::host {

// ok: HTTP 200 with resultCode OK/INFO, or no resultCode (reads, ping);
// business_error: HTTP 200 with any other resultCode (ERROR, REQUESTED_TIME_...);
// fault: anything but 200 (a SOAP fault, Client or Server).
std::string_view call_outcome(const producer_reply& reply);

class adapter_metrics {
 public:
  adapter_metrics();

  void record_call(std::string_view family, std::string_view operation, const producer_reply& reply,
                   std::chrono::steady_clock::duration took);
  // Read at every scrape; `read` must stay callable while the metrics are rendered.
  void watch_outbox(std::function<std::optional<ei::outbox_metrics>()> read);
  // `source` must outlive the metrics.
  void watch_violations(const bridge::violation_source& source);

  std::string render() const { return registry_.render(); }

 private:
  obs::registry registry_;
  obs::counter_family& calls_;
  obs::histogram_family& latency_;
};

}  // namespace tidnav::adapters::host
