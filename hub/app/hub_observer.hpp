// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The hub's call log and metrics. Every finished call adds to a few atomic
// counters and histograms and hands one record (two when a producer was
// called) to the call log's ring; formatting and writing happen on the log's
// own thread, never on an io thread.

#include <memory>
#include <string>

#include "hub/app/call_audit.hpp"
#include "hub/app/call_observer.hpp"
#include "hub/app/dashboard_stats.hpp"
#include "hub/core/hub_config.hpp"
#include "hub/net/log.hpp"
#include "hub/net/net_stats.hpp"
#include "hub/obs/call_log.hpp"
#include "hub/obs/registry.hpp"

namespace tidnav::app {

class hub_observer final : public call_observer {
 public:
  /// Throws std::runtime_error when the audit database cannot be opened.
  hub_observer(const core::hub_config& cfg, net::log_sink events);
  ~hub_observer() override;

  void call_planned(const net::request_context& req, call_facts& facts, std::string_view body) override;

  void call_finished(const net::request_context& req, const call_facts& facts, const consumer_answer& answer,
                     const call_timing& timing) override;

  /// Exposes a listener's / the producer client's counters (they outlive this object's use).
  void attach_server(const std::string& listener, const net::server_stats& stats);
  void attach_client(const net::client_stats& stats);
  void reload_done(bool ok);

  std::string metrics_text(const runtime_ptr& rt) const;
  void flush();
  void reopen();

  /// Null when the audit log is off (audit.path: "").
  call_audit* audit() { return audit_.get(); }
  const dashboard_stats& stats() const { return stats_; }

 private:
  net::log_sink events_;
  obs::registry registry_;
  std::unique_ptr<obs::call_log> call_log_;
  bool redact_ = true;
  std::unique_ptr<call_audit> audit_;
  dashboard_stats stats_;
  obs::counter_family* calls_;
  obs::histogram_family* total_seconds_;
  obs::histogram* hub_seconds_;
  obs::histogram_family* producer_seconds_;
  obs::counter_family* reloads_;
  obs::counter* warnings_;
  mutable std::mutex scrape_mutex_;   ///< one scrape at a time
  mutable std::mutex runtime_mutex_;
  mutable runtime_ptr scrape_runtime_;  ///< the runtime the current scrape reports on
};

}  // namespace tidnav::app
