// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// GET /status (the platform's JSON keys, which load-balancer probes match
// with regexes), GET /health/live and /health/ready (ready once a routing
// snapshot is loaded). Shared by the consumer and admin listeners.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/app/runtime.hpp"
#include "hub/net/http_server.hpp"

namespace tidnav::app {

/// The outcome of the last (re)load, as /status and /resetcache report it.
struct reload_report {
  std::chrono::system_clock::time_point at;
  bool ok = false;
  std::vector<std::string> lines;  ///< what was loaded, or every error
};

class status_page {
 public:
  explicit status_page(const runtime_holder& runtime);

  void record_reload(reload_report r);
  reload_report last_reload() const;

  /// nullopt when `path` is not a status/health path.
  std::optional<net::response> answer(std::string_view path, std::string_view query) const;

  std::string status_json() const;

  /// The bound consumer endpoints, set once the listeners are up.
  void set_endpoints(std::vector<std::string> endpoints);

 private:
  const runtime_holder& runtime_;
  std::chrono::system_clock::time_point started_;
  mutable std::mutex mutex_;
  reload_report last_;
  std::vector<std::string> endpoints_;
};

/// "2026-11-22 10:15:03" in UTC, as the platform prints reset times.
std::string format_time(std::chrono::system_clock::time_point t);

}  // namespace tidnav::app
