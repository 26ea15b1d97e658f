// SPDX-License-Identifier: GPL-2.0-or-later
// The known producer defects the conformance kit must catch, and a switchboard
// that turns them on and off while a producer runs (tests, simulators, the
// sandbox). Each defect is a single, realistic mistake seen in producers.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <span>
#include <string_view>

namespace tidnav::adapters::defects {

enum class defect : unsigned {
  past_times,          // availability answers include a time that has already started
  double_booking,      // a slot that is already booked can be booked again
  slot_not_freed,      // a cancelled booking's slot is not offered again
  invalid_timestamp,   // booking details carry an ISO 8601 timestamp instead of TS (schema-invalid)
  fault_for_business,  // business outcomes come back as SOAP Server faults
  slow_answers,        // every answer is delayed (see defect_switches::delay)
};

std::span<const defect> all_defects();
std::string_view name_of(defect d);                         // "past-times", "double-booking", ...
std::optional<defect> defect_from_name(std::string_view name);
std::string_view description_of(defect d);

// Safe to flip from any thread while calls run.
class defect_switches {
 public:
  void set(defect d, bool on);
  bool on(defect d) const;
  void clear();
  bool any() const { return bits_.load() != 0; }

  // How long slow_answers holds each call (never past the call's deadline).
  void set_delay(std::chrono::milliseconds delay) { delay_ms_.store(delay.count()); }
  std::chrono::milliseconds delay() const { return std::chrono::milliseconds(delay_ms_.load()); }

 private:
  std::atomic<unsigned> bits_{0};
  std::atomic<long long> delay_ms_{3500};  // over the TKB's 3 s
};

}  // namespace tidnav::adapters::defects
