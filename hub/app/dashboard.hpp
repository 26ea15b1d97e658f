// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The operator dashboard on the admin listener:
//   GET  /dashboard                  the page (HTML, CSS, JS compiled in; nothing from outside)
//   GET  /dashboard/api/overview     routes and producers with health, rates and latency
//                                    (hub vs producer), engagement index outbox, audit log,
//                                    the last reload
//   GET  /dashboard/api/calls        the last calls: outcome, correlation id, no personal data
//   POST /dashboard/api/citizen      one person's unified calendar, operators only
// The citizen view takes {"person": "...", "contract": "schedule"|"appointments"}
// in a POST body (so the personnummer stays out of URLs, proxies' logs and
// browser history) and "Authorization: Bearer <token>"; the token's SHA-256
// must be one of dashboard.operators. The view calls local:aggregate through
// the pipeline as the operator's HSA-id and is audit-logged (channel "operator").

#include <string_view>

#include "hub/app/runtime.hpp"
#include "hub/net/http_server.hpp"
#include "hub/net/log.hpp"

namespace tidnav::app {

class status_page;
class hub_observer;
class ei_producer;
class hub_service;

struct dashboard_sources {
  const runtime_holder* runtime = nullptr;
  const status_page* status = nullptr;
  hub_observer* observer = nullptr;
  ei_producer* ei = nullptr;  ///< null without an engagement index
  hub_service* service = nullptr;
  net::log_sink events;
};

class dashboard {
 public:
  explicit dashboard(dashboard_sources s) : s_(std::move(s)) {}

  /// False when `path` is not the dashboard's (nothing was answered).
  bool answer(const net::request_context& req, std::string_view path, std::string_view query, const net::responder& respond);

  std::string overview_json() const;
  std::string calls_json(std::size_t limit) const;

 private:
  void citizen(const net::request_context& req, const net::responder& respond);

  dashboard_sources s_;
};

/// Lower-case hex SHA-256 of `text`.
std::string sha256_hex(std::string_view text);

}  // namespace tidnav::app
