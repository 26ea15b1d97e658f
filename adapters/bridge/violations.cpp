// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/violations.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace tidnav::adapters::bridge {

std::string_view to_string(violation v) {
  switch (v) {
    case violation::timestamp_12_digits: return "timestamp_12_digits";
    case violation::timestamp_unreadable: return "timestamp_unreadable";
    case violation::empty_element: return "empty_element";
    case violation::performer_not_hsa_id: return "performer_not_hsa_id";
    case violation::person_number_pattern: return "person_number_pattern";
    case violation::person_number_unreadable: return "person_number_unreadable";
    case violation::missing_element: return "missing_element";
  }
  return "unknown";
}

violation_counter::violation_counter(std::string producer, log_fn log)
    : producer_(std::move(producer)), log_(std::move(log)) {
  if (!log_) log_ = [](std::string_view line) { std::cerr << line << '\n'; };
}

void violation_counter::note(violation v, std::string_view where, std::string_view value) {
  counts_[static_cast<std::size_t>(v)].fetch_add(1, std::memory_order_relaxed);
  // Values may be personnummer: only their shape is logged, never the digits.
  std::string shape(value.substr(0, 40));
  for (char& c : shape) {
    if (c >= '0' && c <= '9') c = '9';
  }
  nlohmann::json line = {{"event", "producer_violation"}, {"producer", producer_}, {"kind", to_string(v)},
                         {"where", where}, {"value_shape", shape}};
  log_(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::uint64_t violation_counter::count(violation v) const {
  return counts_[static_cast<std::size_t>(v)].load(std::memory_order_relaxed);
}

std::uint64_t violation_counter::total() const {
  std::uint64_t sum = 0;
  for (const auto& c : counts_) sum += c.load(std::memory_order_relaxed);
  return sum;
}

std::vector<violation_count> violation_counter::violation_counts() const {
  std::vector<violation_count> out;
  for (std::size_t i = 0; i < violation_kinds; ++i) {
    out.push_back({producer_, static_cast<violation>(i), counts_[i].load(std::memory_order_relaxed)});
  }
  return out;
}

}  // namespace tidnav::adapters::bridge
