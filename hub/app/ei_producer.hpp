// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The engagement index as the in-process producer "local:ei": requests run on
// a small worker pool (an Update waits for SQLite's fsync before it answers
// OK), and notifications to subscribers leave through the hub's producer
// client with the hub's client certificate.

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "hub/app/local_producer.hpp"
#include "hub/app/runtime.hpp"
#include "hub/app/worker_pool.hpp"
#include "hub/ei/ei_host.hpp"
#include "hub/net/http_client.hpp"
#include "hub/obs/registry.hpp"

namespace tidnav::app {

/// The engagement index's figures for /metrics, /status and the dashboard.
struct ei_stats {
  ei::ei_counts posts_and_requests;  ///< since the process started
  ei::outbox_counts outbox;          ///< durable totals (since the database was created) and the queue now
  std::size_t outbox_in_flight = 0;  ///< handed to a subscriber, no answer yet
};

class ei_producer final : public local_producer {
 public:
  /// Opens (creating and migrating) the database named in cfg.engagement_index.
  ei_producer(const core::hub_config& cfg, const runtime_holder& runtime, net::http_client& client);
  ~ei_producer() override;

  void call(local_call call, std::function<void(net::client_result)> done) override;

  /// Direct access for the aggregating services (FindContent without a SOAP round trip).
  ei::engagement_store& store();
  /// A FindContent for the aggregating services, counted as theirs. Blocks
  /// (SQLite): call it off the io threads. Throws ei::store_error.
  std::vector<ei::engagement> find(const ei::find_query& q);

  /// Counters and outbox figures. The outbox figures come from the database
  /// and are re-read at most once a second, so scrapes and dashboards that
  /// ask often cost one query.
  ei_stats stats();
  /// The same as Prometheus text (families tidnav_ei_*), for /metrics.
  std::string metrics_text();

  ei::outbox_worker& outbox();
  void stop();
  /// Runs blocking work on the index's worker pool.
  void run_blocking(std::function<void()> job) { pool_.post(std::move(job)); }

 private:
  class sender;
  std::string platform_hsa_id_;
  std::unique_ptr<sender> sender_;
  std::unique_ptr<ei::ei_host> host_;
  worker_pool pool_;
  std::mutex stats_mutex_;
  std::chrono::steady_clock::time_point outbox_read_at_{};
  ei::outbox_metrics outbox_cache_;
  std::unique_ptr<obs::registry> metrics_;
};

}  // namespace tidnav::app
