// SPDX-License-Identifier: GPL-2.0-or-later
// Real crm:scheduling producers send data their own contract forbids. The
// bridge reads it leniently and normalises it, but never silently: every
// violation is counted per producer and kind (for a metrics exporter) and
// logged (for the people who must get the producer fixed). A violation never
// fails the citizen's request by itself.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::bridge {

enum class violation {
  timestamp_12_digits,     // TS as YYYYMMDDhhmm: read with seconds 00
  timestamp_unreadable,    // TS that is no Swedish local time at all: the item is left out
  empty_element,           // an optional element present but empty: read as absent
  performer_not_hsa_id,    // performer that is not an HSA-id: no practitioner in the answer
  person_number_pattern,   // subject_of_care not in the 12-digit form (^...$, hyphen, 10 digits): normalised
  person_number_unreadable,  // subject_of_care that cannot be normalised: the requested person is used, else left out
  missing_element,         // a mandatory element is absent (bookingId in a schedule...): the item is left out
};
inline constexpr std::size_t violation_kinds = 7;

std::string_view to_string(violation v);

struct violation_count {
  std::string producer;  // the profile's system name, e.g. "pasis"
  violation kind;
  std::uint64_t count = 0;
};

// What a metrics exporter reads (e.g. a Prometheus callback gauge/counter
// labelled {producer, kind}). Snapshots are cheap; counters only grow.
class violation_source {
 public:
  virtual ~violation_source() = default;
  virtual std::vector<violation_count> violation_counts() const = 0;
};

// Counters of one producer, plus the log line for each violation.
class violation_counter final : public violation_source {
 public:
  using log_fn = std::function<void(std::string_view line)>;
  // `log` gets one JSON line per violation; default: stderr.
  explicit violation_counter(std::string producer, log_fn log = {});

  // Counts and logs one violation; `where` names the contract and element,
  // `value` is what the producer sent (kept short in the log).
  void note(violation v, std::string_view where, std::string_view value);
  std::uint64_t count(violation v) const;
  std::uint64_t total() const;
  const std::string& producer() const { return producer_; }

  std::vector<violation_count> violation_counts() const override;

 private:
  std::string producer_;
  log_fn log_;
  std::array<std::atomic<std::uint64_t>, violation_kinds> counts_{};
};

}  // namespace tidnav::adapters::bridge
