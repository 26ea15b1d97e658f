// SPDX-License-Identifier: GPL-2.0-or-later
// The engagement index assembled: the SQLite store at a path, the service the
// hub routes `local:ei` to, and the outbox worker delivering notifications
// through the hub's sender. What hub/app constructs once per process.
#pragma once

#include "hub/ei/ei_service.hpp"
#include "hub/ei/notification_sender.hpp"
#include "hub/ei/outbox_worker.hpp"
#include "hub/ei/sqlite_store.hpp"

#include <string>

namespace tidnav::ei {

struct ei_host_options {
  ei_config service;
  outbox_worker_config outbox;
  sqlite_store_options storage;
  bool start_worker = true;  // false: deliver nothing until worker().start()
};

class ei_host {
 public:
  // Opens (creating and migrating) the database; throws store_error when it cannot.
  ei_host(const std::string& db_path, notification_sender& sender, ei_host_options options = {});
  ~ei_host();  // stops the worker before the store closes
  ei_host(const ei_host&) = delete;
  ei_host& operator=(const ei_host&) = delete;

  ei_service& service() { return service_; }
  outbox_worker& worker() { return worker_; }
  sqlite_store& store() { return store_; }

  producer_reply handle(std::string_view soap_action_or_empty, std::string_view request, const call_context& ctx) {
    return service_.handle(soap_action_or_empty, request, ctx);
  }

 private:
  sqlite_store store_;
  ei_service service_;
  outbox_worker worker_;
};

}  // namespace tidnav::ei
