// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The engagement index as the in-process producer "local:ei": requests run on
// a small worker pool (an Update waits for SQLite's fsync before it answers
// OK), and notifications to subscribers leave through the hub's producer
// client with the hub's client certificate.

#include <memory>

#include "hub/app/local_producer.hpp"
#include "hub/app/runtime.hpp"
#include "hub/app/worker_pool.hpp"
#include "hub/ei/ei_host.hpp"
#include "hub/net/http_client.hpp"

namespace tidnav::app {

class ei_producer final : public local_producer {
 public:
  /// Opens (creating and migrating) the database named in cfg.engagement_index.
  ei_producer(const core::hub_config& cfg, const runtime_holder& runtime, net::http_client& client);
  ~ei_producer() override;

  void call(local_call call, std::function<void(net::client_result)> done) override;

  /// Direct access for the aggregating services (FindContent without a SOAP round trip).
  ei::engagement_store& store();
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
};

}  // namespace tidnav::app
