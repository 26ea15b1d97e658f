// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/status_page.hpp"

#include "hub/app/header_policy.hpp"

#include <ctime>
#include <fstream>

#include <nlohmann/json.hpp>

namespace tidnav::app {
namespace {

std::string uptime_text(std::chrono::seconds s) {
  const auto d = s.count() / 86400, h = (s.count() / 3600) % 24, m = (s.count() / 60) % 60, sec = s.count() % 60;
  return std::to_string(d) + "d " + std::to_string(h) + "h " + std::to_string(m) + "m " + std::to_string(sec) + "s";
}

std::int64_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * 4096;
}

}  // namespace

std::string format_time(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

status_page::status_page(const runtime_holder& runtime)
    : runtime_(runtime), started_(std::chrono::system_clock::now()) {}

void status_page::record_reload(reload_report r) {
  std::lock_guard lock(mutex_);
  last_ = std::move(r);
}

void status_page::set_endpoints(std::vector<std::string> endpoints) {
  std::lock_guard lock(mutex_);
  endpoints_ = std::move(endpoints);
}

reload_report status_page::last_reload() const {
  std::lock_guard lock(mutex_);
  return last_;
}

std::string status_page::status_json() const {
  const runtime_ptr rt = runtime_.get();
  const reload_report last = last_reload();
  nlohmann::ordered_json j;
  j["Name"] = rt ? rt->config.instance_name : "tidnav";
  j["Version"] = TIDNAV_VERSION;
  j["BuildTime"] = __DATE__ " " __TIME__;
  j["ServiceStatus"] = rt ? "Started" : "Starting";
  j["Uptime"] = uptime_text(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() - started_));
  j["ManagementName"] = rt ? rt->config.instance_id : "tidnav";
  j["TakCacheInitialized"] = rt != nullptr;
  if (rt) {
    j["TakCacheResetInfo"] = "Date:" + format_time(rt->loaded_at) + " Status:" +
                             (last.ok || last.lines.empty() ? "REFRESH_OK" : "REFRESH_FAILED") +
                             " vagval:" + std::to_string(rt->routing.routes) +
                             " behorigheter:" + std::to_string(rt->routing.permissions);
    j["HsaCacheInitialized"] = rt->routing.hsa_units > 0;
    j["HsaCacheResetInfo"] = "Date:" + format_time(rt->loaded_at) + " HSA units:" + std::to_string(rt->routing.hsa_units);
    j["SnapshotGeneration"] = rt->generation;
  } else {
    j["TakCacheResetInfo"] = "";
    j["HsaCacheInitialized"] = false;
    j["HsaCacheResetInfo"] = "";
  }
  j["ProcessResidentMemory"] = resident_bytes();
  {
    std::lock_guard lock(mutex_);
    j["Endpoints"] = endpoints_;
  }
  return j.dump(2);
}

std::optional<net::response> status_page::answer(std::string_view path, std::string_view) const {
  if (path == "/status" || path == "/status/") return text_response(200, status_json(), "application/json");
  if (path == "/health/live") return text_response(200, "{\"status\":\"UP\"}", "application/json");
  if (path == "/health/ready") {
    const bool ready = runtime_.get() != nullptr;
    return text_response(ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\",\"reason\":\"no routing snapshot\"}",
                "application/json");
  }
  return std::nullopt;
}

}  // namespace tidnav::app
