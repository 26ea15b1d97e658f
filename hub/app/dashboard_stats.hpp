// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// What the dashboard shows about traffic, kept as calls finish: the last calls
// (no personal data: personnummer-shaped values are masked before they are
// stored), per-producer health, and per-second totals for rates and latency.
// One short mutex per call; the dashboard reads copies.

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "hub/app/call_observer.hpp"

namespace tidnav::app {

struct recent_call {
  std::int64_t at_ms = 0;
  std::string correlation_id;
  std::string consumer;
  std::string contract;
  std::string operation;
  std::string logical_address;
  std::string producer;
  std::string outcome;
  std::int64_t total_us = 0;
  std::int64_t producer_us = 0;
  bool in_process = false;  ///< a unit call the hub made itself (aggregation)
};

struct producer_health {
  std::string url;
  std::uint64_t calls = 0;
  std::uint64_t failures = 0;  ///< VP009 (no usable answer) and other hub faults after routing
  std::int64_t last_at_ms = 0;
  std::int64_t last_ok_ms = 0;
  std::int64_t last_failure_ms = 0;
  std::string last_outcome;
  double mean_producer_us = 0;  ///< exponentially weighted, last ~20 calls
};

struct traffic_window {
  int seconds = 0;
  std::uint64_t calls = 0;
  std::uint64_t failures = 0;  ///< outcome other than ok
  double mean_total_us = 0;
  double mean_hub_us = 0;
  double mean_producer_us = 0;  ///< over forwarded calls only
};

class dashboard_stats {
 public:
  explicit dashboard_stats(std::size_t recent_capacity = 200);

  void record(const net::request_context& req, const call_facts& facts, std::string_view outcome, const call_timing& t);

  std::vector<recent_call> recent(std::size_t max) const;
  std::vector<producer_health> producers() const;
  /// Totals over the last `seconds` whole seconds (at most 60).
  traffic_window window(int seconds) const;
  std::uint64_t total_calls() const;

 private:
  struct second {
    std::int64_t at_s = 0;
    std::uint64_t calls = 0, failures = 0, forwarded = 0;
    std::int64_t total_us = 0, hub_us = 0, producer_us = 0;
  };
  static constexpr std::size_t ring_seconds = 64;

  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::deque<recent_call> recent_;
  std::map<std::string, producer_health, std::less<>> producers_;
  std::array<second, ring_seconds> seconds_{};
  std::uint64_t total_ = 0;
};

/// `text` with personnummer replaced by "***" (hub/obs privacy rules).
std::string mask_personal(std::string_view text);

}  // namespace tidnav::app
